"""Tables of recorded checks (``fairtender check --record``), sharing the register's declarative Base.

A recorded check is one :class:`~fairtender.models.DocumentReport` kept for the
annual review: which tender (``reference``), which exact file (``sha256``),
when, the status of each clause template and one row per finding. Finding rows
carry a ``signature`` (rule + normalised excerpt, or the paragraph when there
is no excerpt) so that a later check of the same reference can tell which
findings were removed before publication.

Like the register, nothing here is updated or deleted: a new check is a new
row. The tables are created by the migration ``0100_review_checks``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..register.models import Base, BigId, Money, utcnow


class RecordedCheck(Base):
    """One checked document: reference, file hash, date and summary counts."""

    __tablename__ = "checks"
    __table_args__ = (Index("ix_checks_reference_checked_on", "reference", "checked_on"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    reference: Mapped[str] = mapped_column(String(255))
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str | None] = mapped_column(String(64))
    checked_on: Mapped[date] = mapped_column(Date, index=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8))
    kind: Mapped[str | None] = mapped_column(String(20))
    contract_value: Mapped[float | None] = mapped_column(Money)
    currency: Mapped[str | None] = mapped_column(String(3))
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    infos: Mapped[int] = mapped_column(Integer, default=0)
    fairtender_version: Mapped[str | None] = mapped_column(String(40))

    templates: Mapped[list[CheckTemplate]] = relationship(cascade="all", order_by="CheckTemplate.template")
    findings: Mapped[list[CheckFinding]] = relationship(cascade="all", order_by="CheckFinding.id")


class CheckTemplate(Base):
    """Status of one clause template in one recorded check (complete/partial/absent, missing element ids)."""

    __tablename__ = "check_templates"

    check_id: Mapped[int] = mapped_column(ForeignKey("checks.id"), primary_key=True)
    template: Mapped[str] = mapped_column(String(60), primary_key=True)
    status: Mapped[str] = mapped_column(String(10))
    applies: Mapped[str | None] = mapped_column(String(20))
    missing: Mapped[list | None] = mapped_column(JSON)


class CheckFinding(Base):
    """One finding of a recorded check. ``signature`` identifies "the same finding" across checks."""

    __tablename__ = "check_findings"
    __table_args__ = (Index("ix_check_findings_check_rule", "check_id", "rule"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("checks.id"))
    rule: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(10))
    severity: Mapped[str] = mapped_column(String(10))
    signature: Mapped[str] = mapped_column(String(64))
    paragraph: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(String(1000))
    excerpt: Mapped[str | None] = mapped_column(Text)
    accepted: Mapped[str | None] = mapped_column(Text)


REVIEW_TABLES = ("checks", "check_templates", "check_findings")
