"""Every register operation, each in one transaction with its append-only audit event.

The CLI and Python callers use :class:`Register`; nothing else touches the ORM.
Methods take and return the pydantic models of :mod:`.schemas`. Any bad input
raises :class:`~fairtender.errors.RegisterError` *before commit*, so the
transaction is rolled back and the database is unchanged.

    >>> from fairtender.register.service import Register
    >>> from fairtender.register.schemas import SupplierIn
    >>> reg = Register("sqlite:////tmp/register.db", actor="alice")
    >>> reg.add_supplier(SupplierIn(name="Acme", org_id="BE0123.456.789"))  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import getpass
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, false, func, or_, select, true
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, selectinload

from ..errors import FairtenderError, RegisterError
from . import db as dbm
from .models import (
    ALL_TABLES,
    AuditEvent,
    Base,
    Contract,
    ContractTemplate,
    Milestone,
    Report,
    StoredFile,
    Subcontractor,
    Supplier,
    utcnow,
)
from .schedule import (
    RegisterDefaults,
    add_months,
    load_defaults,
    penalty_accrued,
    report_schedule,
    stage_expr,
)
from .schemas import (
    AuditEventOut,
    ContractIn,
    ContractOut,
    ContractUpdate,
    DueSoonItem,
    MilestoneOut,
    OverdueItem,
    RecordResult,
    ReportOut,
    ReportRequestIn,
    StatusReport,
    SubcontractorIn,
    SubcontractorOut,
    SupplierIn,
    SupplierOut,
    SupplierUpdate,
    _check_dates,
    normalise_org_id,
)
from .store import FileStore, sha256_file

REPORT_TEMPLATE = "equality-report"
ENTITIES = ("supplier", "contract", "subcontractor", "report", "milestone")


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in containers without a passwd entry
        return os.environ.get("USER") or "unknown"


def jsonable(value: Any) -> Any:
    """A value as it is written into an audit event (dates as ISO text)."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def _row_values(row: Base, fields: list[str]) -> dict[str, Any]:
    return {f: jsonable(getattr(row, f)) for f in fields}


SUPPLIER_FIELDS = ["org_id", "name", "country", "size", "contact", "characteristics", "active"]
CONTRACT_FIELDS = ["reference", "title", "supplier_id", "value", "currency", "awarded_on", "start_on", "end_on",
                   "reporting", "first_report_months", "report_interval_months", "report_due_days",
                   "request_answer_days", "penalty_per_week", "penalty_currency", "action_plan_days",
                   "trial_months", "obligation_days", "active"]
SUB_FIELDS = ["contract_id", "supplier_id", "share", "value", "currency", "flowed_down", "evidence_sha256",
              "evidence_name", "confirmed_on", "obligation_due", "active"]
REPORT_FIELDS = ["contract_id", "kind", "period", "origin", "status", "requested_on", "due_on", "notice_on",
                 "received_on", "file_sha256", "file_name", "elements_present", "completeness",
                 "reviewer_notes", "active"]


class Register:
    """The supplier register behind one database URL (see :func:`fairtender.register.db.resolve_url`)."""

    def __init__(self, db: str | None = None, *, actor: str | None = None,
                 defaults: RegisterDefaults | None = None, store_root: Path | None = None,
                 today: date | None = None) -> None:
        self.url = dbm.resolve_url(db)
        self.actor = (actor or default_actor())[:200]
        self._defaults = defaults
        self._store_root = store_root
        self._today = today

    # ------------------------------------------------------------------ plumbing

    @property
    def defaults(self) -> RegisterDefaults:
        if self._defaults is None:
            self._defaults = load_defaults()
        return self._defaults

    @property
    def today(self) -> date:
        return self._today or date.today()

    @property
    def store(self) -> FileStore:
        return FileStore(self._store_root or dbm.store_dir(self.url))

    @property
    def engine(self):
        dbm.ensure_schema(self.url)
        return dbm.get_engine(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: commits on success, rolls back on any error (mapped to RegisterError)."""
        engine = dbm.writer(self.engine)
        session = Session(engine, expire_on_commit=False, autoflush=True)
        try:
            yield session
            session.commit()
        except FairtenderError:
            session.rollback()
            raise
        except IntegrityError as e:
            session.rollback()
            raise RegisterError(f"conflicts with an existing record: {dbm._short(e)}") from e
        except DBAPIError as e:
            session.rollback()
            raise RegisterError(f"database error: {dbm._short(e)}") from e
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
        except DBAPIError as e:
            raise RegisterError(f"database error: {dbm._short(e)}") from e
        finally:
            session.rollback()
            session.close()

    def _audit(self, s: Session, action: str, entity: str, row_id: int | None, key: str | None,
               old: dict[str, Any] | None = None, new: dict[str, Any] | None = None) -> None:
        s.add(AuditEvent(at=utcnow(), actor=self.actor, action=action, entity=entity, entity_id=row_id,
                         entity_key=key, old=old, new=new))

    def _changes(self, row: Base, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """Apply ``values`` to ``row``; return (old, new) of the fields that really changed."""
        old, new = {}, {}
        for k, v in values.items():
            cur = getattr(row, k)
            if cur != v:
                old[k], new[k] = jsonable(cur), jsonable(v)
                setattr(row, k, v)
        return old, new

    # ------------------------------------------------------------------ look-ups

    @staticmethod
    def _supplier(s: Session, org_id: str, *, what: str = "supplier") -> Supplier:
        row = s.scalars(select(Supplier).where(Supplier.org_key == normalise_org_id(org_id))).first()
        if row is None:
            raise RegisterError(f"unknown {what} {org_id}: add it with `register supplier add`")
        return row

    @staticmethod
    def _contract(s: Session, reference: str, *, for_update: bool = False) -> Contract:
        row = s.scalars(select(Contract).where(Contract.reference == reference.strip())
                        .options(selectinload(Contract.supplier), selectinload(Contract.templates))).first()
        if row is None:
            raise RegisterError(f"unknown contract {reference}: add it with `register contract add`")
        if for_update and not row.active:
            raise RegisterError(f"contract {reference} is archived: restore it with "
                                f"`register contract update {reference} --restore` first")
        return row

    def _report(self, s: Session, contract: Contract, period: int, kind: str | None) -> Report:
        kind = kind or _regime_kind(contract.reporting)
        row = s.scalars(select(Report).where(Report.contract_id == contract.id, Report.kind == kind,
                                             Report.period == period)).first()
        if row is None:
            raise RegisterError(f"no {kind} for contract {contract.reference} period {period}: "
                                f"request it with `register report request`")
        return row

    # ------------------------------------------------------------------ suppliers

    def add_supplier(self, data: SupplierIn, *, source: str = "manual") -> SupplierOut:
        with self.transaction() as s:
            existing = s.scalars(select(Supplier).where(Supplier.org_key == normalise_org_id(data.org_id))).first()
            if existing is not None:
                note = " (archived)" if not existing.active else ""
                raise RegisterError(f"supplier {data.org_id} already exists{note}: use `register supplier update`")
            row = Supplier(org_id=data.org_id, org_key=normalise_org_id(data.org_id), name=data.name,
                           country=data.country, size=data.size, contact=data.contact,
                           characteristics=data.characteristics, source=source)
            s.add(row)
            s.flush()
            self._audit(s, "create", "supplier", row.id, row.org_id, None, _row_values(row, SUPPLIER_FIELDS))
            return _supplier_out(row)

    def list_suppliers(self, *, include_archived: bool = False) -> list[SupplierOut]:
        with self.reading() as s:
            q = select(Supplier).order_by(Supplier.name, Supplier.id)
            if not include_archived:
                q = q.where(Supplier.active == true())
            return [_supplier_out(r) for r in s.scalars(q)]

    def get_supplier(self, org_id: str) -> SupplierOut:
        with self.reading() as s:
            return _supplier_out(self._supplier(s, org_id))

    def update_supplier(self, org_id: str, data: SupplierUpdate) -> SupplierOut:
        with self.transaction() as s:
            row = self._supplier(s, org_id)
            values = data.model_dump(exclude_unset=True, exclude_none=True)
            if values.get("active") is True and not row.active:
                row.archived_at = None
            old, new = self._changes(row, values)
            if new:
                self._audit(s, "update", "supplier", row.id, row.org_id, old, new)
            return _supplier_out(row)

    def archive_supplier(self, org_id: str, reason: str | None = None) -> SupplierOut:
        with self.transaction() as s:
            row = self._supplier(s, org_id)
            if not row.active:
                raise RegisterError(f"supplier {row.org_id} is already archived")
            row.active, row.archived_at = False, utcnow()
            self._audit(s, "archive", "supplier", row.id, row.org_id, {"active": True},
                        {"active": False, "reason": reason})
            return _supplier_out(row)

    # ------------------------------------------------------------------ contracts

    def add_contract(self, data: ContractIn, *, source: str = "manual", ocid: str | None = None) -> ContractOut:
        d = self.defaults
        with self.transaction() as s:
            if s.scalars(select(Contract.id).where(Contract.reference == data.reference)).first() is not None:
                raise RegisterError(f"contract {data.reference} already exists: use `register contract update`")
            supplier = self._supplier(s, data.supplier)
            if not supplier.active:
                raise RegisterError(f"supplier {supplier.org_id} is archived: restore it with "
                                    f"`register supplier update {supplier.org_id} --restore` first")
            penalty = d.penalty_for(list(data.templates))
            row = Contract(
                reference=data.reference, title=data.title, supplier=supplier, value=data.value,
                currency=data.currency, awarded_on=data.awarded, start_on=data.start, end_on=data.end,
                reporting=data.reporting, source=source, ocid=ocid,
                first_report_months=_pick(data.first_report_months, d.first_report_months),
                report_interval_months=_pick(data.report_interval_months, d.report_interval_months),
                report_due_days=_pick(data.report_due_days, d.report_due_days),
                request_answer_days=_pick(data.request_answer_days, d.request_answer_days),
                penalty_per_week=_pick(data.penalty_per_week, penalty.amount if penalty else None),
                penalty_currency=_pick(data.penalty_currency, penalty.currency if penalty else None),
                action_plan_days=_pick(data.action_plan_days, d.action_plan_days),
                trial_months=_pick(data.trial_months, d.trial_months),
                obligation_days=_pick(data.obligation_days, d.obligation_days),
            )
            if row.penalty_per_week and not row.penalty_currency:
                row.penalty_currency = row.currency
            row.templates = [ContractTemplate(template=t) for t in data.templates]
            s.add(row)
            s.flush()
            new = _row_values(row, CONTRACT_FIELDS)
            new["templates"] = list(data.templates)
            self._audit(s, "create", "contract", row.id, row.reference, None, new)
            self._sync_schedule(s, row)
            return self._contract_out(s, row)

    def update_contract(self, reference: str, data: ContractUpdate) -> ContractOut:
        with self.transaction() as s:
            row = self._contract(s, reference)
            values = data.model_dump(exclude_unset=True, exclude_none=True)
            templates = values.pop("templates", None)
            if "supplier" in values:
                sup = self._supplier(s, values.pop("supplier"))
                values["supplier_id"] = sup.id
            for src, dst in (("awarded", "awarded_on"), ("start", "start_on"), ("end", "end_on")):
                if src in values:
                    values[dst] = values.pop(src)
            if values.get("active") is True and not row.active:
                row.archived_at = None
            try:
                _check_dates(values.get("awarded_on", row.awarded_on), values.get("start_on", row.start_on),
                             values.get("end_on", row.end_on))
            except ValueError as e:
                raise RegisterError(str(e)) from None
            if values.get("value") is not None and not (values.get("currency") or row.currency):
                raise RegisterError("a value needs a currency (--currency)")
            old, new = self._changes(row, values)
            if templates is not None and sorted(templates) != sorted(row.template_ids):
                old["templates"], new["templates"] = row.template_ids, sorted(set(templates))
                row.templates = [ContractTemplate(template=t) for t in sorted(set(templates))]
            if new:
                s.flush()
                self._audit(s, "update", "contract", row.id, row.reference, old, new)
                self._sync_schedule(s, row)
            return self._contract_out(s, row)

    def archive_contract(self, reference: str, reason: str | None = None) -> ContractOut:
        with self.transaction() as s:
            row = self._contract(s, reference)
            if not row.active:
                raise RegisterError(f"contract {row.reference} is already archived")
            row.active, row.archived_at = False, utcnow()
            self._audit(s, "archive", "contract", row.id, row.reference, {"active": True},
                        {"active": False, "reason": reason})
            return self._contract_out(s, row)

    def list_contracts(self, *, supplier: str | None = None, include_archived: bool = False) -> list[ContractOut]:
        with self.reading() as s:
            q = (select(Contract).options(selectinload(Contract.supplier), selectinload(Contract.templates))
                 .order_by(Contract.reference))
            if supplier:
                q = q.where(Contract.supplier_id == self._supplier(s, supplier).id)
            if not include_archived:
                q = q.where(Contract.active == true())
            rows = list(s.scalars(q))
            stages = self._stages(s, [r.id for r in rows if r.reporting == "self-evaluation"])
            return [_contract_out(r, stages.get(r.id)) for r in rows]

    def get_contract(self, reference: str) -> ContractOut:
        with self.reading() as s:
            return self._contract_out(s, self._contract(s, reference))

    def _stages(self, s: Session, ids: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out.update(dict(s.execute(select(Contract.id, stage_expr(self.today)).where(Contract.id.in_(chunk)))
                            .all()))
        return out

    def _contract_out(self, s: Session, row: Contract) -> ContractOut:
        return _contract_out(row, self._stages(s, [row.id]).get(row.id))

    def _sync_schedule(self, s: Session, c: Contract) -> None:
        """Create the contract's scheduled reports; move or archive open ones its new terms no longer need."""
        expected: dict[tuple[str, int], date] = {}
        if c.reporting in ("annual", "self-evaluation") and c.active:
            kind = _regime_kind(c.reporting)
            for period, due in report_schedule(c.start_on, c.end_on, c.first_report_months,
                                               c.report_interval_months, c.report_due_days):
                expected[(kind, period)] = due
        rows = {(r.kind, r.period): r for r in s.scalars(select(Report).where(Report.contract_id == c.id))}
        for key, due in expected.items():
            r = rows.get(key)
            if r is None:
                r = Report(contract_id=c.id, kind=key[0], period=key[1], origin="schedule", status="requested",
                           due_on=due)
                s.add(r)
                s.flush()
                self._audit(s, "create", "report", r.id, _report_key(c, r), None, _row_values(r, REPORT_FIELDS))
            elif r.origin == "schedule" and r.status == "requested":
                old, new = self._changes(r, {"due_on": due, "active": True})
                if new:
                    self._audit(s, "reschedule", "report", r.id, _report_key(c, r), old, new)
        for key, r in rows.items():
            if key not in expected and r.origin == "schedule" and r.status == "requested" and r.active:
                r.active, r.archived_at = False, utcnow()
                self._audit(s, "archive", "report", r.id, _report_key(c, r), {"active": True},
                            {"active": False, "reason": "no longer in the contract's reporting schedule"})

    # ------------------------------------------------------------------ subcontractors

    def add_subcontractor(self, data: SubcontractorIn) -> SubcontractorOut:
        with self.transaction() as s:
            c = self._contract(s, data.contract, for_update=True)
            key = normalise_org_id(data.org_id)
            sup = s.scalars(select(Supplier).where(Supplier.org_key == key)).first()
            if sup is None:
                if not data.name:
                    raise RegisterError(f"unknown supplier {data.org_id}: give --name to add it as a new supplier")
                sup = Supplier(org_id=data.org_id, org_key=key, name=data.name, country=data.country,
                               size=data.size)
                s.add(sup)
                s.flush()
                self._audit(s, "create", "supplier", sup.id, sup.org_id, None, _row_values(sup, SUPPLIER_FIELDS))
            if sup.id == c.supplier_id:
                raise RegisterError(f"{data.org_id} is the contract's own supplier, not a subcontractor")
            if s.scalars(select(Subcontractor.id).where(Subcontractor.contract_id == c.id,
                                                        Subcontractor.supplier_id == sup.id)).first():
                raise RegisterError(f"subcontractor {data.org_id} is already on contract {c.reference}: "
                                    f"use `register subcontractor confirm`")
            due = data.due or (max(c.start_on or self.today, self.today) + timedelta(days=c.obligation_days))
            row = Subcontractor(contract_id=c.id, supplier_id=sup.id, share=data.share, value=data.value,
                                currency=data.currency or (c.currency if data.value is not None else None),
                                flowed_down=data.flowed_down, obligation_due=due)
            s.add(row)
            s.flush()
            self._audit(s, "create", "subcontractor", row.id, f"{c.reference}/{sup.org_id}", None,
                        _row_values(row, SUB_FIELDS))
            return _sub_out(row, c, sup)

    def confirm_subcontractor(self, contract: str, org_id: str, *, evidence: Path | None = None,
                              confirmed_on: date | None = None, flowed_down: bool = True) -> SubcontractorOut:
        with self._stored(evidence) as stored, self.transaction() as s:
            c = self._contract(s, contract, for_update=True)
            sup = self._supplier(s, org_id, what="subcontractor")
            row = s.scalars(select(Subcontractor).where(Subcontractor.contract_id == c.id,
                                                        Subcontractor.supplier_id == sup.id)).first()
            if row is None:
                raise RegisterError(f"{org_id} is not a subcontractor on contract {c.reference}: "
                                    f"add it with `register subcontractor add`")
            when = confirmed_on or self.today
            if c.start_on and when < c.start_on - timedelta(days=3650):
                raise RegisterError(f"confirmation date {when} is implausibly early for contract {c.reference}")
            values: dict[str, Any] = {"flowed_down": flowed_down, "confirmed_on": when if flowed_down else None}
            if stored is not None:
                self._ensure_file_row(s, *stored)
                values["evidence_sha256"], values["evidence_name"] = stored[0], stored[2]
            old, new = self._changes(row, values)
            if new:
                self._audit(s, "confirm" if flowed_down else "update", "subcontractor", row.id,
                            f"{c.reference}/{sup.org_id}", old, new)
            return _sub_out(row, c, sup)

    def list_subcontractors(self, *, contract: str | None = None, unconfirmed: bool = False,
                            include_archived: bool = False) -> list[SubcontractorOut]:
        with self.reading() as s:
            q = (select(Subcontractor, Contract, Supplier).join(Contract, Contract.id == Subcontractor.contract_id)
                 .join(Supplier, Supplier.id == Subcontractor.supplier_id)
                 .order_by(Contract.reference, Supplier.name))
            if contract:
                q = q.where(Contract.id == self._contract(s, contract).id)
            if unconfirmed:
                q = q.where(_unconfirmed())
            if not include_archived:
                q = q.where(Subcontractor.active == true(), Contract.active == true())
            return [_sub_out(r, c, sup) for r, c, sup in s.execute(q)]

    # ------------------------------------------------------------------ files

    @contextmanager
    def _stored(self, path: Path | None) -> Iterator[tuple[str, int, str] | None]:
        """Put a file into the store for the transaction in the block; take it out again if that fails."""
        if path is None:
            yield None
            return
        path = Path(path)
        if not path.is_file():
            raise RegisterError(f"cannot read file {path}: no such file")
        if not os.access(path, os.R_OK):
            raise RegisterError(f"cannot read file {path}: permission denied")
        digest, size, created = self.store.put(path)
        try:
            yield digest, size, path.name[:500]
        except BaseException:
            if created:
                self.store.discard(digest)
            raise

    @staticmethod
    def _ensure_file_row(s: Session, digest: str, size: int, name: str) -> None:
        if s.get(StoredFile, digest) is None:
            s.add(StoredFile(sha256=digest, size=size, original_name=name))
            s.flush()

    # ------------------------------------------------------------------ reports

    def request_report(self, data: ReportRequestIn) -> ReportOut:
        with self.transaction() as s:
            c = self._contract(s, data.contract, for_update=True)
            # a back-dated deadline (recording an earlier request) implies the request was no later
            _check_kind(c, data.kind)
            requested = data.requested_on or (min(self.today, data.due) if data.due else self.today)
            due = data.due or requested + timedelta(days=c.request_answer_days)
            if due < requested:
                raise RegisterError(f"due date {due} is before the request date {requested}")
            row = s.scalars(select(Report).where(Report.contract_id == c.id, Report.kind == data.kind,
                                                 Report.period == data.period)).first()
            if row is not None:
                if row.status != "requested":
                    raise RegisterError(f"the {data.kind} of contract {c.reference} for {data.period} is already "
                                        f"{row.status}: see `register report show`")
                old, new = self._changes(row, {"requested_on": requested, "due_on": due, "active": True})
                if new:
                    self._audit(s, "request", "report", row.id, _report_key(c, row), old, new)
            else:
                row = Report(contract_id=c.id, kind=data.kind, period=data.period, origin="request",
                             status="requested", requested_on=requested, due_on=due)
                s.add(row)
                s.flush()
                self._audit(s, "request", "report", row.id, _report_key(c, row), None,
                            _row_values(row, REPORT_FIELDS))
            return _report_out(row, c)

    def record_report(self, contract: str, period: int, file: Path, *, received_on: date | None = None,
                      kind: str | None = None, lang: str | None = None,
                      allow_duplicate: bool = False) -> RecordResult:
        """Store a received report file, assess its content and mark the report received."""
        file = Path(file)
        if not (1900 <= int(period) <= 2200):
            raise RegisterError(f"period {period} is not a year")
        with self.reading() as s:  # cheap checks before the slow assessment
            c = self._contract(s, contract, for_update=True)
            kind = kind or _regime_kind(c.reporting)
            _check_kind(c, kind)
        digest, size = sha256_file(file) if file.is_file() else (None, 0)
        if digest is None:
            raise RegisterError(f"cannot read report file {file}: no such file")
        assessment, assessment_error = _assess_file(file, lang)
        when = received_on or self.today
        with self._stored(file) as stored, self.transaction() as s:
            c = self._contract(s, contract, for_update=True)
            row = s.scalars(select(Report).where(Report.contract_id == c.id, Report.kind == kind,
                                                 Report.period == period)).first()
            if row is not None and row.file_sha256 == digest:
                return RecordResult(report=_report_out(row, c), duplicate=True)
            other = s.execute(select(Report, Contract).join(Contract, Contract.id == Report.contract_id)
                              .where(Report.file_sha256 == digest)).first()
            if other is not None and not allow_duplicate:
                r2, c2 = other
                raise RegisterError(f"this file was already recorded as the {r2.kind} of contract {c2.reference} "
                                    f"for {r2.period} (sha256 {digest[:12]}...): use --allow-duplicate if "
                                    f"it really covers both")
            self._ensure_file_row(s, *stored)
            values: dict[str, Any] = {"status": "received", "received_on": when, "file_sha256": digest,
                                      "file_name": stored[2], "active": True}
            values.update(_assessment_values(assessment))
            if row is None:
                row = Report(contract_id=c.id, kind=kind, period=period, origin="request", due_on=when)
                s.add(row)
                for k, v in values.items():
                    setattr(row, k, v)
                s.flush()
                self._audit(s, "record", "report", row.id, _report_key(c, row), None,
                            _row_values(row, REPORT_FIELDS))
            else:
                old, new = self._changes(row, values)
                self._audit(s, "record", "report", row.id, _report_key(c, row), old, new)
            self._after_receipt(s, c, row)
            return RecordResult(report=_report_out(row, c), assessment_error=assessment_error)

    def _after_receipt(self, s: Session, c: Contract, r: Report) -> None:
        """Ghent stages: a self-evaluation with gaps makes an action plan due; an action plan starts the trial."""
        if r.kind == "self-evaluation" and r.completeness is not None:
            self._set_gaps(s, c, r, r.completeness < self.defaults.gap_threshold)
        elif r.kind == "action-plan" and r.received_on:
            old, new = self._changes(c, {"action_plan_received": r.received_on,
                                         "trial_ends": add_months(r.received_on, c.trial_months)})
            if new:
                self._audit(s, "stage", "contract", c.id, c.reference, old, new)

    def _set_gaps(self, s: Session, c: Contract, r: Report, gaps: bool) -> None:
        values: dict[str, Any] = {"evaluation_gaps": gaps}
        if gaps and c.action_plan_received is None:
            due = (r.received_on or self.today) + timedelta(days=c.action_plan_days)
            values["action_plan_due"] = due
            plan = s.scalars(select(Report).where(Report.contract_id == c.id, Report.kind == "action-plan",
                                                  Report.period == r.period)).first()
            if plan is None:
                plan = Report(contract_id=c.id, kind="action-plan", period=r.period, origin="action-plan",
                              status="requested", requested_on=r.received_on, due_on=due)
                s.add(plan)
                s.flush()
                self._audit(s, "create", "report", plan.id, _report_key(c, plan), None,
                            _row_values(plan, REPORT_FIELDS))
        old, new = self._changes(c, values)
        if new:
            self._audit(s, "stage", "contract", c.id, c.reference, old, new)

    def assess_report(self, contract: str, period: int, *, kind: str | None = None,
                      decision: str | None = None, notes: str | None = None, gaps: bool | None = None,
                      reassess: bool = False, lang: str | None = None) -> RecordResult:
        """Reviewer decision (accepted/rejected, notes) and/or a fresh content assessment of the stored file."""
        if decision not in (None, "accepted", "rejected"):
            raise RegisterError(f"decision must be accepted or rejected, not {decision!r}")
        assessment, error = None, None
        if reassess:
            with self.reading() as s:
                r = self._report(s, self._contract(s, contract), period, kind)
                sha, name = r.file_sha256, r.file_name
            if sha is None:
                raise RegisterError(f"no file recorded for contract {contract} period {period}")
            assessment, error = _assess_stored(self.store, sha, name or "report.txt", lang)
            if error:
                raise RegisterError(f"cannot assess the stored report: {error}")
        with self.transaction() as s:
            c = self._contract(s, contract)
            r = self._report(s, c, period, kind)
            values: dict[str, Any] = {}
            if decision:
                if r.status == "requested":
                    raise RegisterError(f"the {r.kind} of contract {c.reference} for {period} has not been "
                                        f"received yet: record it first")
                values.update(status=decision, reviewed_by=self.actor, reviewed_on=self.today)
            if notes is not None:
                values["reviewer_notes"] = notes
            if assessment is not None:
                values.update(_assessment_values(assessment))
            old, new = self._changes(r, values)
            if new:
                self._audit(s, "assess", "report", r.id, _report_key(c, r), old, new)
            if r.kind == "self-evaluation":
                if gaps is not None:
                    self._set_gaps(s, c, r, gaps)
                elif assessment is not None and r.completeness is not None:
                    self._set_gaps(s, c, r, r.completeness < self.defaults.gap_threshold)
            elif gaps is not None:
                raise RegisterError("--gaps/--no-gaps applies to self-evaluations only")
            return RecordResult(report=_report_out(r, c))

    def notice_report(self, contract: str, period: int, *, kind: str | None = None,
                      on: date | None = None) -> ReportOut:
        """Record the date the supplier was given notice of a late report (penalties run from it)."""
        with self.transaction() as s:
            c = self._contract(s, contract, for_update=True)
            r = self._report(s, c, period, kind)
            when = on or self.today
            if when < r.due_on:
                raise RegisterError(f"notice date {when} is before the due date {r.due_on}")
            if r.status not in ("requested", "rejected"):
                raise RegisterError(f"the {r.kind} of contract {c.reference} for {period} is {r.status}: "
                                    f"no notice needed")
            old, new = self._changes(r, {"notice_on": when})
            if new:
                self._audit(s, "notice", "report", r.id, _report_key(c, r), old, new)
            return _report_out(r, c)

    def list_reports(self, *, contract: str | None = None, status: str | None = None,
                     period: int | None = None, include_archived: bool = False,
                     limit: int | None = None) -> list[ReportOut]:
        with self.reading() as s:
            q = (select(Report, Contract).join(Contract, Contract.id == Report.contract_id)
                 .options(selectinload(Contract.supplier)).order_by(Report.due_on, Contract.reference, Report.kind))
            if contract:
                q = q.where(Report.contract_id == self._contract(s, contract).id)
            if status:
                q = q.where(Report.status == status)
            if period:
                q = q.where(Report.period == period)
            if not include_archived:
                q = q.where(Report.active == true())
            if limit:
                q = q.limit(limit)
            return [_report_out(r, c) for r, c in s.execute(q)]

    def get_report(self, contract: str, period: int, *, kind: str | None = None) -> ReportOut:
        with self.reading() as s:
            c = self._contract(s, contract)
            return _report_out(self._report(s, c, period, kind), c)

    # ------------------------------------------------------------------ milestones

    def add_milestone(self, contract: str, title: str, due: date) -> MilestoneOut:
        if not title.strip():
            raise RegisterError("a milestone needs a title")
        with self.transaction() as s:
            c = self._contract(s, contract, for_update=True)
            if c.reporting != "self-evaluation":
                raise RegisterError(f"contract {c.reference} has {c.reporting} reporting: action-plan milestones "
                                    f"belong to self-evaluation contracts")
            row = Milestone(contract_id=c.id, title=title.strip(), due_on=due)
            s.add(row)
            s.flush()
            self._audit(s, "create", "milestone", row.id, f"{c.reference}#{row.id}", None,
                        {"title": row.title, "due_on": jsonable(due)})
            return MilestoneOut(id=row.id, contract=c.reference, title=row.title, due=row.due_on)

    def complete_milestone(self, milestone_id: int, done_on: date | None = None) -> MilestoneOut:
        with self.transaction() as s:
            row = s.get(Milestone, milestone_id)
            if row is None:
                raise RegisterError(f"unknown milestone {milestone_id}: see `register milestone list`")
            c = s.get(Contract, row.contract_id)
            old, new = self._changes(row, {"done_on": done_on or self.today})
            if new:
                self._audit(s, "complete", "milestone", row.id, f"{c.reference}#{row.id}", old, new)
            return MilestoneOut(id=row.id, contract=c.reference, title=row.title, due=row.due_on,
                                done_on=row.done_on)

    def list_milestones(self, contract: str | None = None) -> list[MilestoneOut]:
        with self.reading() as s:
            q = (select(Milestone, Contract.reference).join(Contract, Contract.id == Milestone.contract_id)
                 .where(Milestone.active == true()).order_by(Contract.reference, Milestone.due_on))
            if contract:
                q = q.where(Milestone.contract_id == self._contract(s, contract).id)
            return [MilestoneOut(id=m.id, contract=ref, title=m.title, due=m.due_on, done_on=m.done_on)
                    for m, ref in s.execute(q)]

    # ------------------------------------------------------------------ dashboards

    def overdue(self, as_of: date | None = None) -> list[OverdueItem]:
        """Reports past due (requested or rejected) and unconfirmed subcontractor obligations, oldest first."""
        fields = frozenset(OverdueItem.model_fields)
        return [OverdueItem.model_construct(_fields_set=fields, **row) for row in self.overdue_rows(as_of)]

    def overdue_rows(self, as_of: date | None = None) -> Iterator[dict[str, Any]]:
        """:meth:`overdue` as plain dicts with exactly :class:`OverdueItem`'s fields, streamed.

        For exports of tens of thousands of items (``register overdue --format
        json|csv``) where building a model per row would cost more than the query.
        Core queries on a plain connection: no ORM identity map.
        """
        as_of = as_of or self.today
        engine = self.engine  # schema check (and first-use migration) first
        if self.url.startswith("sqlite"):
            # SQLite's planner takes the due-date index for the Core query below and reads nearly every
            # report (2 s on a million); fastread forces the (status, due_on) index (0.3 s)
            from . import fastread

            rows = fastread.overdue_rows(self.url, as_of)
            if rows is not None:
                for row in rows:
                    row["due"] = date.fromisoformat(row["due"])
                    if row["notice_on"] is not None:
                        row["notice_on"] = date.fromisoformat(row["notice_on"])
                    yield row
                return
        yield from self._overdue_rows_core(engine, as_of)

    def _overdue_rows_core(self, engine, as_of: date) -> Iterator[dict[str, Any]]:
        """:meth:`overdue_rows` for every database (PostgreSQL; the reference fastread is tested against)."""
        with engine.connect() as conn:
            yield from self._overdue_reports(conn, as_of)
            yield from self._overdue_obligations(conn, as_of)
            conn.rollback()

    @staticmethod
    def _overdue_reports(conn, as_of: date) -> Iterator[dict[str, Any]]:
        q = (select(Report.kind, Report.period, Report.status, Report.due_on, Report.notice_on, Contract.reference,
                    Contract.penalty_per_week, Contract.penalty_currency, Supplier.org_id, Supplier.name)
             .join(Contract, Contract.id == Report.contract_id).join(Supplier, Supplier.id == Contract.supplier_id)
             .where(Report.status.in_(("requested", "rejected")), Report.due_on < as_of,
                    Report.active == true(), Contract.active == true())
             .order_by(Report.due_on, Contract.reference, Report.kind))
        for kind, period, status, due, notice, ref, per_week, pcur, org, name in conn.execute(q):
            weeks, amount = penalty_accrued(due, notice, as_of, per_week)
            yield {"kind": "report", "contract": ref, "supplier": org, "supplier_name": name, "due": due,
                   "days_late": (as_of - due).days, "report_kind": kind, "period": period, "status": status,
                   "subcontractor": None, "notice_on": notice, "penalty_weeks": weeks, "penalty_accrued": amount,
                   "penalty_currency": pcur if per_week else None}

    @staticmethod
    def _overdue_obligations(conn, as_of: date) -> Iterator[dict[str, Any]]:
        from sqlalchemy.orm import aliased

        sub = aliased(Supplier)
        q = (select(Subcontractor.obligation_due, Subcontractor.flowed_down, Contract.reference, Supplier.org_id,
                    Supplier.name, sub.org_id)
             .join(Contract, Contract.id == Subcontractor.contract_id)
             .join(Supplier, Supplier.id == Contract.supplier_id).join(sub, sub.id == Subcontractor.supplier_id)
             .where(_unconfirmed(), Subcontractor.obligation_due < as_of, Subcontractor.active == true(),
                    Contract.active == true())
             .order_by(Subcontractor.obligation_due, Contract.reference))
        for due, flowed, ref, org, name, sub_org in conn.execute(q):
            yield {"kind": "subcontractor-obligation", "contract": ref, "supplier": org, "supplier_name": name,
                   "due": due, "days_late": (as_of - due).days, "report_kind": None, "period": None,
                   "status": "not-flowed-down" if flowed is False else "unconfirmed", "subcontractor": sub_org,
                   "notice_on": None, "penalty_weeks": 0, "penalty_accrued": 0.0, "penalty_currency": None}

    def status(self, as_of: date | None = None) -> StatusReport:
        """Dashboard figures, each one SQL aggregate (fast on a million reports)."""
        as_of = as_of or self.today
        soon = as_of + timedelta(days=self.defaults.due_soon_days)
        with self.reading() as s:
            def by_active(model) -> tuple[int, int]:
                counts = dict(s.execute(select(model.active, func.count()).group_by(model.active)).all())
                return counts.get(True, 0), counts.get(False, 0)

            suppliers, suppliers_archived = by_active(Supplier)
            contracts, contracts_archived = by_active(Contract)
            live_sub = and_(Subcontractor.active == true(), Contract.active == true())
            open_sub = _unconfirmed()
            subcontractors, unconfirmed, overdue_obligations = s.execute(
                select(func.count(), func.coalesce(func.sum(case((open_sub, 1), else_=0)), 0),
                       func.coalesce(func.sum(case((and_(open_sub, Subcontractor.obligation_due < as_of), 1),
                                                   else_=0)), 0))
                .select_from(Subcontractor).join(Contract, Contract.id == Subcontractor.contract_id)
                .where(live_sub)).one()
            # all rows per status (an index-only scan of ix_reports_status_due) minus the few archived ones:
            # much faster on a million reports than filtering on `active` row by row
            by_status = dict(s.execute(select(Report.status, func.count()).group_by(Report.status)).all())
            for st_, n in s.execute(select(Report.status, func.count()).where(Report.active == false())
                                    .group_by(Report.status)).all():
                by_status[st_] -= n
            live = and_(Report.active == true(), Contract.active == true())
            joined = select(func.count()).select_from(Report).join(Contract, Contract.id == Report.contract_id)
            due_soon = s.scalar(joined.where(Report.status == "requested", Report.due_on >= as_of,
                                             Report.due_on < soon, live)) or 0
            first = [DueSoonItem(contract=ref, supplier=org, report_kind=k, period=p, due=d)
                     for ref, org, k, p, d in s.execute(
                         select(Contract.reference, Supplier.org_id, Report.kind, Report.period, Report.due_on)
                         .join(Contract, Contract.id == Report.contract_id)
                         .join(Supplier, Supplier.id == Contract.supplier_id)
                         .where(Report.status == "requested", Report.due_on >= as_of, Report.due_on < soon, live)
                         .order_by(Report.due_on, Contract.reference).limit(10))]
            # one aggregate over the overdue reports gives their number and the accrued penalties per currency
            weeks = _started_weeks(s.get_bind().dialect.name, as_of, func.coalesce(Report.notice_on, Report.due_on))
            overdue_reports = 0
            penalties: dict[str, float] = {}
            for cur, n, amount in s.execute(
                    select(Contract.penalty_currency, func.count(),
                           func.sum(case((Contract.penalty_per_week > 0, Contract.penalty_per_week * weeks))))
                    .select_from(Report).join(Contract, Contract.id == Report.contract_id)
                    .where(Report.status.in_(("requested", "rejected")), Report.due_on < as_of, live)
                    .group_by(Contract.penalty_currency)):
                overdue_reports += n
                if amount:
                    penalties[cur or "?"] = round(float(amount), 2)
            stage = stage_expr(as_of).label("stage")
            stages = dict(s.execute(select(stage, func.count()).where(Contract.reporting == "self-evaluation",
                                                                      Contract.active == true())
                                    .group_by(stage)).all())
        return StatusReport(as_of=as_of, suppliers=suppliers, suppliers_archived=suppliers_archived,
                            contracts=contracts, contracts_archived=contracts_archived,
                            subcontractors=subcontractors, subcontractors_unconfirmed=unconfirmed,
                            reports_by_status={k: by_status.get(k, 0) for k in
                                               ("requested", "received", "accepted", "rejected")},
                            due_soon_days=self.defaults.due_soon_days, due_soon=due_soon, due_soon_first=first,
                            overdue_reports=overdue_reports, overdue_obligations=overdue_obligations,
                            penalties_accrued=penalties, stages={k: v for k, v in stages.items() if k})

    # ------------------------------------------------------------------ audit log

    def log(self, entity: str | None = None, key: str | None = None, *, limit: int | None = None) -> list[AuditEventOut]:
        """Audit history of one record (``entity`` + ``key``), or the latest events of the whole register.

        Keys: supplier org id; contract reference; report ``REF/PERIOD`` or
        ``REF/KIND/PERIOD``; subcontractor ``REF/ORG-ID``; milestone id.
        """
        if entity is not None and entity not in ENTITIES:
            raise RegisterError(f"unknown record type {entity!r}: one of {', '.join(ENTITIES)}")
        with self.reading() as s:
            q = select(AuditEvent).order_by(AuditEvent.id)
            if entity is not None:
                if key is None:
                    q = q.where(AuditEvent.entity == entity)
                else:
                    q = q.where(AuditEvent.entity == entity, AuditEvent.entity_id == self._entity_id(s, entity, key))
            if limit:
                q = q.order_by(None).order_by(AuditEvent.id.desc()).limit(limit)
            rows = list(s.scalars(q))
            if limit:
                rows.reverse()
            return [AuditEventOut(id=r.id, at=_aware(r.at), actor=r.actor, action=r.action, entity=r.entity,
                                  entity_id=r.entity_id, key=r.entity_key, old=r.old, new=r.new) for r in rows]

    def _entity_id(self, s: Session, entity: str, key: str) -> int:
        if entity == "supplier":
            return self._supplier(s, key).id
        if entity == "contract":
            return self._contract(s, key).id
        if entity == "milestone":
            row = s.get(Milestone, int(key)) if key.isdigit() else None
            if row is None:
                raise RegisterError(f"unknown milestone {key}")
            return row.id
        ref, _, rest = key.rpartition("/")
        if not ref:
            raise RegisterError(f"give the {entity} as CONTRACT/{'PERIOD' if entity == 'report' else 'ORG-ID'}")
        if entity == "subcontractor":
            c, sup = self._contract(s, ref), self._supplier(s, rest)
            row_id = s.scalar(select(Subcontractor.id).where(Subcontractor.contract_id == c.id,
                                                             Subcontractor.supplier_id == sup.id))
            if row_id is None:
                raise RegisterError(f"{rest} is not a subcontractor on contract {ref}")
            return row_id
        kind = None
        if ref.rsplit("/", 1)[-1] in ("report", "self-evaluation", "action-plan") and "/" in ref:
            ref, kind = ref.rsplit("/", 1)
        if not rest.isdigit():
            raise RegisterError(f"report period {rest!r} is not a year")
        c = self._contract(s, ref)
        return self._report(s, c, int(rest), kind).id

    # ------------------------------------------------------------------ export and backup

    def export(self, output: Path, fmt: str = "json") -> list[Path]:
        """Write every table to ``output/<table>.<fmt>`` (streamed); returns the files written."""
        if fmt not in ("json", "csv"):
            raise RegisterError(f"export format must be json or csv, not {fmt!r}")
        output = Path(output)
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise RegisterError(f"cannot create {output}: {e.strerror}") from None
        written = []
        with self.engine.connect() as conn:
            for table in _export_tables(conn):
                name = table.name
                cols = [c.name for c in table.columns]
                target = output / f"{name}.{fmt}"
                pk = list(table.primary_key.columns)
                result = conn.execution_options(stream_results=True, yield_per=5000).execute(
                    select(table).order_by(*pk))
                with target.open("w", encoding="utf-8", newline="") as f:
                    if fmt == "csv":
                        w = csv.writer(f)
                        w.writerow(cols)
                        for row in result:
                            w.writerow([_csv_cell(v) for v in row])
                    else:
                        f.write("[")
                        for i, row in enumerate(result):
                            f.write(",\n" if i else "\n")
                            f.write(json.dumps(dict(zip(cols, (jsonable(v) for v in row), strict=True)), ensure_ascii=False))
                        f.write("\n]\n")
                written.append(target)
        return written

    def backup(self, destination: Path, *, force: bool = False) -> Path:
        """A consistent copy of a SQLite register (SQLite online backup API), safe while others write."""
        import sqlite3

        src_path = dbm.sqlite_path(self.url)
        if src_path is None:
            raise RegisterError("backup works on SQLite registers; for PostgreSQL use pg_dump")
        destination = Path(destination)
        if destination.exists() and not force:
            raise RegisterError(f"{destination} exists: choose another name or use --force")
        if not destination.parent.is_dir():
            raise RegisterError(f"cannot write {destination}: directory {destination.parent} does not exist")
        self.engine  # noqa: B018 - refuse a database from a newer version before copying
        tmp = destination.with_name(destination.name + ".partial")
        try:
            src = sqlite3.connect(str(src_path), timeout=dbm.SQLITE_BUSY_TIMEOUT_MS / 1000)
            dst = sqlite3.connect(str(tmp))
            with dst:
                src.backup(dst)
            dst.close()
            src.close()
            os.replace(tmp, destination)
        except sqlite3.Error as e:
            tmp.unlink(missing_ok=True)
            raise RegisterError(f"backup failed: {e}") from None
        return destination


# --------------------------------------------------------------------------- helpers


def _export_tables(conn) -> list:
    """Every table in the database: the register's first, then others (e.g. the review's), reflected if unknown."""
    import contextlib

    from sqlalchemy import MetaData, inspect

    # the review's tables share the register's Base; import them so their column types are known
    with contextlib.suppress(ImportError):
        import fairtender.review.models  # noqa: F401
    present = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
    known = Base.metadata.tables
    order = [t for t in ALL_TABLES if t in present] + sorted(t for t in present if t not in ALL_TABLES)
    missing = [t for t in order if t not in known]
    reflected = MetaData()
    if missing:
        reflected.reflect(conn, only=missing)
    return [known[t] if t in known else reflected.tables[t] for t in order]


def _pick(value: Any, default: Any) -> Any:
    return default if value is None else value


def _regime_kind(reporting: str) -> str:
    return "self-evaluation" if reporting == "self-evaluation" else "report"


def _started_weeks(dialect: str, as_of: date, since):
    """SQL for :func:`~fairtender.register.schedule.penalty_accrued`'s started weeks from ``since`` to ``as_of``."""
    from sqlalchemy import Date, Integer, cast, literal

    if dialect == "sqlite":
        days = cast(func.julianday(as_of.isoformat()) - func.julianday(since), Integer)
    else:  # PostgreSQL: date - date is a number of days
        days = literal(as_of, Date) - since
    return case((days > 0, (days + 6) // 7), else_=0)


def _check_kind(c: Contract, kind: str) -> None:
    if kind in ("self-evaluation", "action-plan") and c.reporting != "self-evaluation":
        raise RegisterError(f"contract {c.reference} has {c.reporting} reporting: {kind}s belong to "
                            f"self-evaluation contracts (change it with `register contract update --reporting`)")


def _unconfirmed():
    return or_(Subcontractor.confirmed_on.is_(None), Subcontractor.flowed_down.is_(None),
               Subcontractor.flowed_down == false())


def _report_key(c: Contract, r: Report) -> str:
    return f"{c.reference}/{r.kind}/{r.period}"


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _csv_cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return v


def _supplier_out(r: Supplier) -> SupplierOut:
    return SupplierOut(id=r.id, org_id=r.org_id, name=r.name, country=r.country, size=r.size, contact=r.contact,
                       characteristics=r.characteristics, source=r.source, active=r.active,
                       created_at=r.created_at, updated_at=r.updated_at)


def _contract_out(r: Contract, stage: str | None) -> ContractOut:
    return ContractOut(
        id=r.id, reference=r.reference, title=r.title, supplier=r.supplier.org_id, supplier_name=r.supplier.name,
        value=r.value, currency=r.currency, awarded=r.awarded_on, start=r.start_on, end=r.end_on,
        templates=r.template_ids, reporting=r.reporting, first_report_months=r.first_report_months,
        report_interval_months=r.report_interval_months, report_due_days=r.report_due_days,
        request_answer_days=r.request_answer_days, penalty_per_week=r.penalty_per_week,
        penalty_currency=r.penalty_currency, action_plan_days=r.action_plan_days, trial_months=r.trial_months,
        obligation_days=r.obligation_days, stage=stage, action_plan_due=r.action_plan_due,
        trial_ends=r.trial_ends, ocid=r.ocid, source=r.source, active=r.active)


def _sub_out(r: Subcontractor, c: Contract, sup: Supplier) -> SubcontractorOut:
    return SubcontractorOut(id=r.id, contract=c.reference, org_id=sup.org_id, name=sup.name, share=r.share,
                            value=r.value, currency=r.currency, flowed_down=r.flowed_down,
                            confirmed_on=r.confirmed_on, obligation_due=r.obligation_due,
                            evidence_name=r.evidence_name, evidence_sha256=r.evidence_sha256,
                            confirmed=bool(r.flowed_down and r.confirmed_on), active=r.active)


def _report_out(r: Report, c: Contract) -> ReportOut:
    return ReportOut(id=r.id, contract=c.reference, supplier=c.supplier.org_id, kind=r.kind, period=r.period,
                     origin=r.origin, status=r.status, requested_on=r.requested_on, due=r.due_on,
                     notice_on=r.notice_on, received_on=r.received_on, file_name=r.file_name,
                     file_sha256=r.file_sha256, assessed_template=r.assessed_template,
                     elements_present=r.elements_present, elements_missing=r.elements_missing,
                     completeness=r.completeness, reviewer_notes=r.reviewer_notes, reviewed_by=r.reviewed_by,
                     reviewed_on=r.reviewed_on, active=r.active)


# --------------------------------------------------------------------------- content assessment


def _assessment_values(result) -> dict[str, Any]:
    """Report columns from a :class:`fairtender.models.TemplateResult` (nothing when not assessed)."""
    if result is None:
        return {}
    present = [e.id for e in result.elements if e.present]
    missing = [e.id for e in result.elements if not e.present]
    total = len(present) + len(missing)
    return {"assessed_template": result.id, "elements_present": present, "elements_missing": missing,
            "completeness": round(len(present) / total, 4) if total else 0.0, "assessed_at": utcnow(),
            "assessed_language": getattr(result, "language", None)}


def _assess_text(text: str, lang: str | None):
    """Assess report text with the clause element matcher; (result, None) or (None, why not)."""
    try:
        from ..engine.clauses import assess_text
    except ImportError as e:
        return None, f"content assessment unavailable: {e}"
    try:
        return assess_text(text, REPORT_TEMPLATE, lang), None
    except FairtenderError as e:
        return None, f"content assessment failed: {e.message}"


def _assess_file(path: Path, lang: str | None):
    """Read a report file (docx/pdf/txt/md) and assess it; an unreadable file is a RegisterError."""
    from ..errors import DocumentError

    try:
        from ..readers import read_document
    except ImportError as e:  # pragma: no cover - readers are part of the package
        return None, f"document readers unavailable: {e}"
    try:
        document = read_document(path)
    except DocumentError as e:
        raise RegisterError(f"cannot read report file {path}: {e.reason}") from None
    return _assess_text(document.text, lang)


def _assess_stored(store: FileStore, sha256: str, name: str, lang: str | None):
    from ..errors import DocumentError
    from ..readers import read_bytes

    with store.open(sha256) as f:
        data = f.read()
    try:
        document = read_bytes(data, name)
    except DocumentError as e:
        return None, e.reason
    return _assess_text(document.text, lang)
