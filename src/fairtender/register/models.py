"""SQLAlchemy 2 models of the supplier register: the tables, and what each column means.

Read this module to query the register (the annual review does). Conventions:

- Every table with user data has ``active`` (archiving sets it False and sets
  ``archived_at``); nothing is ever deleted. Queries for "current" data filter
  ``active``; history and the review may count archived rows too.
- Dates a person types are ``Date`` columns (``*_on``); machine timestamps are
  timezone-aware UTC ``DateTime`` columns (``*_at``).
- Money is ``Numeric(18, 2)`` returned as float, always next to its ISO 4217
  ``currency`` column.
- ``audit_events`` is append-only (enforced by triggers created in the first
  migration): every change by :mod:`fairtender.register.service` writes one row.

The schema is created and changed only by the Alembic migrations in
``fairtender/register/migrations/versions`` (linear: each revision's
``down_revision`` is the previous one). A new table needs a model here *and* a
new migration file; never edit an applied migration.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so migrations can refer to them on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Values of the enumerated text columns (kept as plain strings: readable in any SQL client).
SIZE_CLASSES = ("micro", "small", "medium", "large", "sme")  # "sme" = OCDS scale without detail
SME_CLASSES = ("micro", "small", "medium", "sme")
REPORTING_REGIMES = ("annual", "on-request", "self-evaluation")
TEMPLATES = ("ghent", "stockholm", "flanders")
REPORT_KINDS = ("report", "self-evaluation", "action-plan")
REPORT_STATUSES = ("requested", "received", "accepted", "rejected")
REPORT_ORIGINS = ("schedule", "request", "action-plan")
STAGES = ("self-evaluation-due", "compliant", "action-plan-due", "trial-period", "completed",
          "sanctions-possible")

Money = Numeric(18, 2, asdecimal=False)
# BIGINT ids on PostgreSQL; INTEGER on SQLite so the column is the rowid and autoincrements.
BigId = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    """Declarative base of every register table (the review's tables may use it too)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    # no index on `active`: nearly every row is active, and such an index misleads the query planner
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Supplier(Timestamps, Base):
    """A company that holds a contract, or works on one as a subcontractor.

    ``org_id`` is the organisation/VAT number as the user typed it (shown back);
    ``org_key`` is its normalised form (no spaces, dots or hyphens, upper case),
    which is what uniqueness and look-ups use. ``size`` is the size class
    (micro/small/medium/large, or ``sme`` when OCDS only says "sme").
    ``characteristics`` holds only what the supplier itself declared (e.g.
    ``{"social_economy": "yes"}``); the review must never list it per supplier.
    """

    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    org_id: Mapped[str] = mapped_column(String(255))
    org_key: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    country: Mapped[str | None] = mapped_column(String(2))
    size: Mapped[str | None] = mapped_column(String(10), index=True)
    contact: Mapped[str | None] = mapped_column(String(500))
    characteristics: Mapped[dict | None] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(20), default="manual")  # manual | ocds

    contracts: Mapped[list[Contract]] = relationship(back_populates="supplier")


class Contract(Timestamps, Base):
    """An awarded contract, its supplier, the clause templates it contains and its reporting regime.

    ``reporting``: ``annual`` (a report ``first_report_months`` after ``start_on``,
    then every ``report_interval_months``; each due ``report_due_days`` after its
    period ends), ``on-request`` (reports exist only when requested, answer due
    ``request_answer_days`` after the request) or ``self-evaluation`` (Ghent
    style: self-evaluations on the annual schedule; when one shows gaps an action
    plan is due ``action_plan_days`` later and a trial period of ``trial_months``
    runs from its receipt before sanctions). ``evaluation_gaps``,
    ``action_plan_due``, ``action_plan_received`` and ``trial_ends`` hold the
    self-evaluation stage (see :func:`fairtender.register.schedule.stage_expr`).
    ``penalty_per_week`` (in ``penalty_currency``) accrues per started week of
    delay after notice (Stockholm style). ``ocid`` is set for OCDS imports.
    """

    __tablename__ = "contracts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    reference: Mapped[str] = mapped_column(String(255), unique=True)
    title: Mapped[str] = mapped_column(String(1000))
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), index=True)
    value: Mapped[float | None] = mapped_column(Money)
    currency: Mapped[str | None] = mapped_column(String(3))
    awarded_on: Mapped[date | None] = mapped_column(Date, index=True)
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    reporting: Mapped[str] = mapped_column(String(20), default="annual")
    first_report_months: Mapped[int] = mapped_column(Integer, default=8)
    report_interval_months: Mapped[int] = mapped_column(Integer, default=12)
    report_due_days: Mapped[int] = mapped_column(Integer, default=0)
    request_answer_days: Mapped[int] = mapped_column(Integer, default=7)
    penalty_per_week: Mapped[float | None] = mapped_column(Money)
    penalty_currency: Mapped[str | None] = mapped_column(String(3))
    action_plan_days: Mapped[int] = mapped_column(Integer, default=90)
    trial_months: Mapped[int] = mapped_column(Integer, default=24)
    obligation_days: Mapped[int] = mapped_column(Integer, default=30)
    evaluation_gaps: Mapped[bool | None] = mapped_column(Boolean)
    action_plan_due: Mapped[date | None] = mapped_column(Date)
    action_plan_received: Mapped[date | None] = mapped_column(Date)
    trial_ends: Mapped[date | None] = mapped_column(Date)
    ocid: Mapped[str | None] = mapped_column(String(255), index=True)
    source: Mapped[str] = mapped_column(String(20), default="manual")  # manual | ocds

    supplier: Mapped[Supplier] = relationship(back_populates="contracts")
    templates: Mapped[list[ContractTemplate]] = relationship(
        cascade="all, delete-orphan", order_by="ContractTemplate.template")

    @property
    def template_ids(self) -> list[str]:
        return [t.template for t in self.templates]


class ContractTemplate(Base):
    """Which anti-discrimination clause templates (ghent/stockholm/flanders) a contract contains."""

    __tablename__ = "contract_templates"

    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), primary_key=True)
    template: Mapped[str] = mapped_column(String(40), primary_key=True)


class Subcontractor(Timestamps, Base):
    """A subcontractor (itself a :class:`Supplier`) on a contract, and its flowed-down obligations.

    ``flowed_down`` is None when unknown. The obligation counts as confirmed only
    when ``flowed_down`` is true and ``confirmed_on`` is set; until then it is
    overdue after ``obligation_due``. ``share`` is a fraction (0..1) of the
    contract value; ``evidence_sha256`` points into the file store.
    """

    __tablename__ = "subcontractors"
    __table_args__ = (
        UniqueConstraint("contract_id", "supplier_id", name="uq_subcontractors_contract_supplier"),
        Index("ix_subcontractors_open", "confirmed_on", "obligation_due"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), index=True)
    share: Mapped[float | None] = mapped_column(Float)
    value: Mapped[float | None] = mapped_column(Money)
    currency: Mapped[str | None] = mapped_column(String(3))
    flowed_down: Mapped[bool | None] = mapped_column(Boolean)
    evidence_sha256: Mapped[str | None] = mapped_column(ForeignKey("stored_files.sha256"))
    evidence_name: Mapped[str | None] = mapped_column(String(500))
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    obligation_due: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), default="manual")

    contract: Mapped[Contract] = relationship()
    supplier: Mapped[Supplier] = relationship()


class Report(Timestamps, Base):
    """An equality report a supplier owes or sent: one row per (contract, kind, period).

    ``kind``: ``report`` (annual or on-request), ``self-evaluation`` or
    ``action-plan``. ``origin``: ``schedule`` (created from the contract's
    regime), ``request`` (``register report request``) or ``action-plan``.
    ``status``: requested -> received -> accepted | rejected. A report is
    overdue while its status is requested or rejected and ``due_on`` has passed.
    ``period`` is the year the reporting period ends in. The received file is in
    the store under ``file_sha256`` (original name in ``file_name``); its content
    assessment against ``assessed_template`` is in ``elements_present``,
    ``elements_missing`` (JSON lists of element ids) and ``completeness`` (0..1).
    """

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("contract_id", "kind", "period", name="uq_reports_contract_kind_period"),
        Index("ix_reports_status_due", "status", "due_on"),
        # the few archived reports, so `status` can subtract them without scanning a million rows; partial
        # on PostgreSQL too (WHERE NOT active, in the migration) -- not repeated here because naming a
        # postgresql_* option makes every import of this module load SQLAlchemy's PostgreSQL dialect
        Index("ix_reports_archived", "status", sqlite_where=text("active = 0")),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="report")
    period: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(20), default="request")
    status: Mapped[str] = mapped_column(String(20), default="requested")
    requested_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    notice_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    file_sha256: Mapped[str | None] = mapped_column(ForeignKey("stored_files.sha256"))
    file_name: Mapped[str | None] = mapped_column(String(500))
    assessed_template: Mapped[str | None] = mapped_column(String(60))
    assessed_language: Mapped[str | None] = mapped_column(String(8))
    elements_present: Mapped[list | None] = mapped_column(JSON)
    elements_missing: Mapped[list | None] = mapped_column(JSON)
    completeness: Mapped[float | None] = mapped_column(Float)
    assessed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reviewer_notes: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_on: Mapped[date | None] = mapped_column(Date)

    contract: Mapped[Contract] = relationship()


class Milestone(Timestamps, Base):
    """A milestone of a Ghent-style action plan; open milestones after the trial period allow sanctions."""

    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)


class StoredFile(Base):
    """A file in the content-addressed store (``<store>/<sha256[:2]>/<sha256>``); the name is only metadata."""

    __tablename__ = "stored_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str] = mapped_column(String(500))
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuditEvent(Base):
    """One change: when, who, what (action on entity ``entity``/``entity_id``), old and new values.

    Append-only: triggers refuse UPDATE and DELETE on this table.
    ``entity_key`` is the human key (org id, contract reference, "REF/kind/period").
    """

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(30))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int | None] = mapped_column(BigInteger)
    entity_key: Mapped[str | None] = mapped_column(String(600))
    old: Mapped[dict | None] = mapped_column(JSON)
    new: Mapped[dict | None] = mapped_column(JSON)


ALL_TABLES = ("suppliers", "contracts", "contract_templates", "subcontractors", "reports", "milestones",
              "stored_files", "audit_events")
