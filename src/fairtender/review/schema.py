"""The review as data: :class:`ReviewData`, computed once and rendered by every output format.

``fairtender review --format json`` is ``ReviewData.model_dump_json()``, so the
field names here are the public, documented schema (``docs/review-schema.md``):
add fields freely, never rename or remove one; bump ``SCHEMA_VERSION`` only for
an incompatible change.

Conventions: shares are fractions 0..1 (``None`` when there is nothing to
divide by); money is in the review's reporting ``currency``; a figure about
supplier characteristics may be the suppression marker ``"<5"`` instead of a
number (see :mod:`fairtender.review.privacy`).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

SCHEMA_VERSION = "1.0"

Share = float | None
Suppressible = float | int | str | None


class TemplateShare(BaseModel):
    """Contracts containing one clause template, and how many of those have it complete."""

    template: str
    contracts: int
    complete: int
    share: Share = Field(description="complete / contracts")


class ContractFigures(BaseModel):
    count: int = 0
    value: float = Field(0.0, description="total value of the contracts in `currency` (converted)")
    currency: str = "EUR"
    value_by_currency: dict[str, float] = Field(default_factory=dict, description="unconverted sums")
    unconverted_currencies: list[str] = Field(default_factory=list,
                                              description="currencies without an exchange rate, left out of value")
    without_value: int = 0
    with_complete_clause: Share = Field(None, description="share of contracts with a complete clause")
    with_complete_clause_count: int = 0
    by_template: list[TemplateShare] = Field(default_factory=list)


class RuleFigure(BaseModel):
    rule: str
    kind: str
    found: int
    fixed: int


class TemplateStatusCount(BaseModel):
    """Status of one clause template in the latest check of each tender checked in the year."""

    template: str
    complete: int = 0
    partial: int = 0
    absent: int = 0


class CheckFigures(BaseModel):
    tenders: int = 0
    checks: int = 0
    findings: int = Field(0, description="distinct findings in any check of the year's tenders")
    fixed: int = Field(0, description="findings absent from the tender's latest check of the year")
    fixed_before_publication: Share = Field(None, description="fixed / findings")
    barriers_found: int = 0
    barriers_fixed: int = 0
    findings_by_rule: list[RuleFigure] = Field(default_factory=list)
    clause_by_template: list[TemplateStatusCount] = Field(default_factory=list)


class ReportFigures(BaseModel):
    due: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    rejected: int = 0
    not_yet_due: int = 0
    received: int = Field(0, description="on_time + late + rejected")
    on_time_share: Share = None
    average_completeness: Share = None
    overdue_over_90_days: int = 0
    backlog_earlier_years: int = Field(0, description="reports due before the year still not received")
    addressing_complaints: int = Field(0, description="received reports covering complaints and redress")
    addressing_complaints_share: Share = None


class SubcontractorFigures(BaseModel):
    count: int = 0
    confirmed: int = 0
    obligations_confirmed: Share = None
    not_flowed_down: int = 0


class DeclaredCharacteristic(BaseModel):
    """How many suppliers awarded in the year declared a characteristic (never which ones)."""

    characteristic: str
    suppliers: Suppressible
    contracts: Suppressible


class SupplierFigures(BaseModel):
    awarded: int = Field(0, description="distinct suppliers awarded a contract in the year")
    new: int = Field(0, description="suppliers whose first contract was awarded in the year")
    sme_contracts: Suppressible = None
    known_size_contracts: int = 0
    unknown_size_contracts: int = 0
    sme_share_count: Suppressible = None
    sme_share_value: Suppressible = None
    declared: list[DeclaredCharacteristic] = Field(default_factory=list)


class YearFigures(BaseModel):
    year: int
    contracts: ContractFigures = Field(default_factory=ContractFigures)
    checks: CheckFigures = Field(default_factory=CheckFigures)
    reports: ReportFigures = Field(default_factory=ReportFigures)
    subcontractors: SubcontractorFigures = Field(default_factory=SubcontractorFigures)
    suppliers: SupplierFigures = Field(default_factory=SupplierFigures)
    notes: list[str] = Field(default_factory=list)


class Delta(BaseModel):
    figure: str = Field(description="dotted path, e.g. contracts.with_complete_clause")
    label: str
    current: Suppressible
    previous: Suppressible
    change: float | None
    direction: Literal["up", "down", "same", "n/a"]
    better: bool | None = Field(None, description="True when the change is an improvement, None when neutral")
    unit: Literal["count", "share", "money"] = "count"


class HistoryPoint(BaseModel):
    year: int
    contracts: int
    sme_share_count: Suppressible
    sme_share_value: Suppressible


class BenchmarkAnswer(BaseModel):
    id: str
    question: str
    rating: Literal["yes", "largely", "partly", "no", "not known"]
    answer: str
    evidence: list[str]


class ReviewData(YearFigures):
    schema_version: str = SCHEMA_VERSION
    fairtender_version: str = ""
    title: str = ""
    as_of: date
    currency: str = "EUR"
    min_group: int = 5
    compare: YearFigures | None = None
    deltas: list[Delta] = Field(default_factory=list)
    history: list[HistoryPoint] = Field(default_factory=list)
    benchmark: list[BenchmarkAnswer] = Field(default_factory=list)
    recommendations: list[str] = Field(default_factory=list)
