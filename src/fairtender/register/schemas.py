"""Pydantic models in and out of the register service: what the CLI and Python callers exchange.

Inputs (``*In``, ``*Update``) validate what a person can get wrong (unknown
currency, negative values, dates in the wrong order, bad size class) before any
database work; outputs (``*Out``) are plain data, never ORM rows.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..errors import RegisterError
from .currencies import is_currency

SizeClass = Literal["micro", "small", "medium", "large", "sme"]
Reporting = Literal["annual", "on-request", "self-evaluation"]
TemplateId = Literal["ghent", "stockholm", "flanders"]
ReportKind = Literal["report", "self-evaluation", "action-plan"]
ReportStatus = Literal["requested", "received", "accepted", "rejected"]

_ORG_STRIP = re.compile(r"[\s.\-/]+")


def normalise_org_id(org_id: str) -> str:
    """The uniqueness key of an organisation/VAT number: no spaces, dots, hyphens or slashes; upper case.

    ``BE 0123.456.789`` and ``be0123456789`` are the same company.
    """
    return _ORG_STRIP.sub("", org_id or "").upper()


def _currency(v: str | None) -> str | None:
    if v is None:
        return None
    code = v.strip().upper()
    if not is_currency(code):
        raise ValueError(f"unknown currency code {v!r} (expected an ISO 4217 code such as EUR or SEK)")
    return code


def _country_code(v: str | None) -> str | None:
    if v is None or v == "":
        return None
    if not re.fullmatch(r"[A-Za-z]{2}", v):
        raise ValueError(f"country {v!r} is not an ISO 3166 two-letter code (e.g. BE, SE)")
    return v.upper()


class _Out(BaseModel):
    """Outputs: validation schemas are built on first use, not at import (the CLI starts faster)."""

    model_config = ConfigDict(defer_build=True)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False, defer_build=True)


T = TypeVar("T", bound=BaseModel)


def build(model: type[T], **values: Any) -> T:
    """Construct an input model; a validation error becomes one readable :class:`RegisterError`."""
    try:
        return model(**values)
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        raise RegisterError(f"{field.replace('_', '-')}: {msg}" if field else msg) from None


# --------------------------------------------------------------------------- suppliers


class SupplierIn(_In):
    name: str = Field(min_length=1, max_length=500)
    org_id: str = Field(min_length=1, max_length=255)
    country: str | None = None
    size: SizeClass | None = None
    contact: str | None = Field(None, max_length=500)
    characteristics: dict[str, str] | None = Field(
        None, description="self-declared characteristics, stored exactly as declared")

    @field_validator("org_id")
    @classmethod
    def _org(cls, v: str) -> str:
        if not normalise_org_id(v):
            raise ValueError("organisation id is empty")
        return v

    _country = field_validator("country")(lambda v: _country_code(v))


class SupplierUpdate(_In):
    name: str | None = Field(None, min_length=1, max_length=500)
    country: str | None = None
    size: SizeClass | None = None
    contact: str | None = Field(None, max_length=500)
    characteristics: dict[str, str] | None = None
    active: bool | None = None

    _country = field_validator("country")(lambda v: _country_code(v))


class SupplierOut(_Out):
    id: int
    org_id: str
    name: str
    country: str | None = None
    size: str | None = None
    contact: str | None = None
    characteristics: dict[str, Any] | None = None
    source: str = "manual"
    active: bool = True
    created_at: datetime | None = None
    updated_at: datetime | None = None


# --------------------------------------------------------------------------- contracts


class _ContractTerms(_In):
    """Per-contract figures; None means "use the configured default"."""

    first_report_months: int | None = Field(None, ge=0, le=240)
    report_interval_months: int | None = Field(None, ge=12, le=120)
    report_due_days: int | None = Field(None, ge=0, le=3650)
    request_answer_days: int | None = Field(None, ge=0, le=3650)
    penalty_per_week: float | None = Field(None, ge=0)
    penalty_currency: str | None = None
    action_plan_days: int | None = Field(None, ge=0, le=3650)
    trial_months: int | None = Field(None, ge=0, le=240)
    obligation_days: int | None = Field(None, ge=0, le=3650)

    _pc = field_validator("penalty_currency")(lambda v: _currency(v))


class ContractIn(_ContractTerms):
    reference: str = Field(min_length=1, max_length=255)
    title: str = Field(min_length=1, max_length=1000)
    supplier: str = Field(min_length=1, description="org id of the supplier")
    value: float | None = Field(None, ge=0)
    currency: str | None = None
    awarded: date | None = None
    start: date | None = None
    end: date | None = None
    templates: list[TemplateId] = Field(default_factory=list)
    reporting: Reporting = "annual"

    _c = field_validator("currency")(lambda v: _currency(v))

    @model_validator(mode="after")
    def _check(self) -> ContractIn:
        _check_dates(self.awarded, self.start, self.end)
        if self.value is not None and self.currency is None:
            raise ValueError("a value needs a currency (--currency)")
        self.templates = sorted(set(self.templates), key=self.templates.index)
        return self


def _check_dates(awarded: date | None, start: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise ValueError(f"end date {end} is before start date {start}")
    if awarded and end and end < awarded:
        raise ValueError(f"end date {end} is before award date {awarded}")


class ContractUpdate(_ContractTerms):
    title: str | None = Field(None, min_length=1, max_length=1000)
    supplier: str | None = None
    value: float | None = Field(None, ge=0)
    currency: str | None = None
    awarded: date | None = None
    start: date | None = None
    end: date | None = None
    templates: list[TemplateId] | None = None
    reporting: Reporting | None = None
    active: bool | None = None

    _c = field_validator("currency")(lambda v: _currency(v))


class ContractOut(_Out):
    id: int
    reference: str
    title: str
    supplier: str
    supplier_name: str
    value: float | None = None
    currency: str | None = None
    awarded: date | None = None
    start: date | None = None
    end: date | None = None
    templates: list[str] = Field(default_factory=list)
    reporting: str
    first_report_months: int
    report_interval_months: int
    report_due_days: int
    request_answer_days: int
    penalty_per_week: float | None = None
    penalty_currency: str | None = None
    action_plan_days: int
    trial_months: int
    obligation_days: int
    stage: str | None = Field(None, description="Ghent self-evaluation stage (self-evaluation contracts)")
    action_plan_due: date | None = None
    trial_ends: date | None = None
    ocid: str | None = None
    source: str = "manual"
    active: bool = True


# --------------------------------------------------------------------------- subcontractors


class SubcontractorIn(_In):
    contract: str = Field(min_length=1)
    org_id: str = Field(min_length=1, max_length=255)
    name: str | None = Field(None, min_length=1, max_length=500)
    country: str | None = None
    size: SizeClass | None = None
    share: float | None = Field(None, ge=0, le=1, description="fraction of the contract value (0..1)")
    value: float | None = Field(None, ge=0)
    currency: str | None = None
    flowed_down: bool | None = None
    due: date | None = Field(None, description="when the flowed-down obligations must be confirmed")

    _c = field_validator("currency")(lambda v: _currency(v))
    _country = field_validator("country")(lambda v: _country_code(v))


class SubcontractorOut(_Out):
    id: int
    contract: str
    org_id: str
    name: str
    share: float | None = None
    value: float | None = None
    currency: str | None = None
    flowed_down: bool | None = None
    confirmed_on: date | None = None
    obligation_due: date | None = None
    evidence_name: str | None = None
    evidence_sha256: str | None = None
    confirmed: bool = False
    active: bool = True


# --------------------------------------------------------------------------- reports


class ReportRequestIn(_In):
    contract: str = Field(min_length=1)
    period: int = Field(ge=1900, le=2200)
    due: date | None = None
    requested_on: date | None = None
    kind: ReportKind = "report"

    @model_validator(mode="after")
    def _order(self) -> ReportRequestIn:
        if self.due and self.requested_on and self.due < self.requested_on:
            raise ValueError(f"due date {self.due} is before the request date {self.requested_on}")
        return self


class ReportOut(_Out):
    id: int
    contract: str
    supplier: str
    kind: str
    period: int
    origin: str
    status: str
    requested_on: date | None = None
    due: date
    notice_on: date | None = None
    received_on: date | None = None
    file_name: str | None = None
    file_sha256: str | None = None
    assessed_template: str | None = None
    elements_present: list[str] | None = None
    elements_missing: list[str] | None = None
    completeness: float | None = None
    reviewer_notes: str | None = None
    reviewed_by: str | None = None
    reviewed_on: date | None = None
    active: bool = True


class RecordResult(_Out):
    report: ReportOut
    duplicate: bool = Field(False, description="the same file was already recorded for this report")
    assessment_error: str | None = None


class MilestoneOut(_Out):
    id: int
    contract: str
    title: str
    due: date
    done_on: date | None = None


# --------------------------------------------------------------------------- dashboards


class OverdueItem(_Out):
    kind: Literal["report", "subcontractor-obligation"]
    contract: str
    supplier: str
    supplier_name: str
    due: date
    days_late: int
    report_kind: str | None = None
    period: int | None = None
    status: str | None = None
    subcontractor: str | None = None
    notice_on: date | None = None
    penalty_weeks: int = 0
    penalty_accrued: float = 0.0
    penalty_currency: str | None = None


class DueSoonItem(_Out):
    contract: str
    supplier: str
    report_kind: str
    period: int
    due: date


class StatusReport(_Out):
    as_of: date
    suppliers: int
    suppliers_archived: int
    contracts: int
    contracts_archived: int
    subcontractors: int
    subcontractors_unconfirmed: int
    reports_by_status: dict[str, int]
    due_soon_days: int
    due_soon: int
    due_soon_first: list[DueSoonItem] = Field(default_factory=list)
    overdue_reports: int
    overdue_obligations: int
    penalties_accrued: dict[str, float] = Field(default_factory=dict)
    stages: dict[str, int] = Field(default_factory=dict)


class AuditEventOut(_Out):
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None = None
    key: str | None = None
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None


class ImportResult(_Out):
    source: str
    releases: int = 0
    created: dict[str, int] = Field(default_factory=lambda: {"suppliers": 0, "contracts": 0, "subcontractors": 0})
    updated: dict[str, int] = Field(default_factory=lambda: {"suppliers": 0, "contracts": 0, "subcontractors": 0})
    skipped: dict[str, int] = Field(default_factory=lambda: {"suppliers": 0, "contracts": 0, "subcontractors": 0})
    warnings: list[str] = Field(default_factory=list)
