"""Streamed, idempotent import of Open Contracting (OCDS) data into the register.

Accepts a release package (``{"releases": [...]}``), a record package
(``{"records": [...]}``, using each record's ``compiledRelease`` or else its
embedded releases in order), a JSON-lines file (one release, record or package
per line) or a bare JSON array of releases. Packages are streamed with ijson,
so a 1 GB file is never held in memory.

Mapping:
- parties with role ``supplier``, ``tenderer`` or ``subcontractor`` -> suppliers.
  The org id is ``identifier.id`` when it is a real identifier (it has a scheme,
  or differs from the release-local ``parties[].id``); otherwise the party is
  keyed by its name (``name:<legal name>``) so the same company across releases
  is one supplier. ``details.scale`` gives the size class (micro/sme/large).
- ``awards`` and their ``contracts`` -> contracts, referenced ``<ocid>/<contract id>``
  (``<ocid>/<award id>`` for an award without a contract), with value, award
  date, period and the award's first supplier. Imported contracts have
  ``on-request`` reporting until a person sets their regime.
- ``awards[].subcontracting.subcontracts[].subcontractor`` (OCDS subcontracting
  extension) -> subcontractor records on the award's contracts.

Re-importing the same data changes nothing: every record is matched on its
natural key and only written (with an audit event) when a field differs.
Manually entered suppliers keep their name; import only fills their empty
fields. Work is committed per batch, so an interrupted import can simply be
run again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from ..errors import RegisterError
from .currencies import is_currency
from .models import AuditEvent, Contract, Subcontractor, Supplier, utcnow
from .schemas import ImportResult, normalise_org_id

SUPPLIER_ROLES = {"supplier", "tenderer", "subcontractor"}
SCALE = {"micro": "micro", "sme": "sme", "small": "small", "medium": "medium", "large": "large"}
BATCH = 1000


# --------------------------------------------------------------------------- reading


def iter_releases(path: Path) -> Iterator[dict[str, Any]]:
    """Every release in an OCDS file, streamed (see the module docstring for the accepted shapes)."""
    import ijson

    path = Path(path)
    if not path.is_file():
        raise RegisterError(f"cannot read OCDS file {path}: no such file")
    try:
        with path.open("rb") as f:
            head = f.read(1 << 16)
            text = head.lstrip()
            if not text:
                raise RegisterError(f"{path}: empty file")
            if text[:1] not in (b"{", b"["):
                raise RegisterError(f"{path}: not JSON (expected an OCDS package or JSON lines)")
            f.seek(0)
            if _is_json_lines(f):
                f.seek(0)
                for n, line in enumerate(f, 1):
                    if line.strip():
                        try:
                            obj = json.loads(line)
                        except ValueError as e:
                            raise RegisterError(f"{path}: line {n}: invalid JSON: {e}") from None
                        yield from _unpack(obj)
                return
            f.seek(0)
            if text[:1] == b"[":
                for obj in ijson.items(f, "item", use_float=True):
                    yield from _unpack(obj)
                return
            key = _package_key(f)
            f.seek(0)
            if key is None:  # a single release or record
                yield from _unpack(json.load(f))
                return
            for obj in ijson.items(f, f"{key}.item", use_float=True):
                yield from (_record_releases(obj) if key == "records" else [obj])
    except (ijson.JSONError, UnicodeDecodeError, ValueError) as e:
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise RegisterError(f"{path}: invalid JSON: {first}") from None
    except OSError as e:
        raise RegisterError(f"cannot read OCDS file {path}: {e.strerror}") from None


def _is_json_lines(f) -> bool:
    first = f.readline(1 << 24)
    try:
        json.loads(first)
    except ValueError:
        return False
    return any(line.strip() for line in iter(lambda: f.readline(1 << 24), b""))


def _package_key(f) -> str | None:
    import ijson

    for prefix, event, value in ijson.parse(f):
        if prefix == "" and event == "map_key" and value in ("releases", "records"):
            return value
        if prefix == "" and event == "end_map":
            return None
    return None


def _unpack(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, list):
        for o in obj:
            yield from _unpack(o)
    elif isinstance(obj, dict):
        if isinstance(obj.get("releases"), list) and "ocid" not in obj:
            yield from (r for r in obj["releases"] if isinstance(r, dict))
        elif isinstance(obj.get("records"), list):
            for rec in obj["records"]:
                yield from _record_releases(rec)
        elif "compiledRelease" in obj or ("releases" in obj and "ocid" in obj):
            yield from _record_releases(obj)
        else:
            yield obj


def _record_releases(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if isinstance(record.get("compiledRelease"), dict):
        yield record["compiledRelease"]
        return
    embedded = [r for r in record.get("releases") or [] if isinstance(r, dict) and ("parties" in r or "awards" in r)]
    yield from sorted(embedded, key=lambda r: str(r.get("date") or ""))


# --------------------------------------------------------------------------- mapping


def _text(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _date(v: Any, warnings: list[str], where: str) -> date | None:
    s = _text(v)
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        warnings.append(f"{where}: unreadable date {s!r} ignored")
        return None


def party_identity(party: dict[str, Any]) -> tuple[str, str] | None:
    """(org id as shown, name) of an OCDS party, or None when it has neither identifier nor name."""
    name = _text(party.get("name")) or _text((party.get("identifier") or {}).get("legalName"))
    ident = party.get("identifier") or {}
    ident_id, scheme = _text(ident.get("id")), _text(ident.get("scheme"))
    if ident_id and normalise_org_id(ident_id) and (scheme or ident_id != _text(party.get("id"))):
        return ident_id[:255], (name or ident_id)[:500]
    if name:
        return f"name:{name}"[:255], name[:500]
    return None


def _supplier_row(party: dict[str, Any]) -> dict[str, Any] | None:
    ident = party_identity(party)
    if ident is None:
        return None
    org_id, name = ident
    scale = _text((party.get("details") or {}).get("scale"))
    country = _text((party.get("address") or {}).get("countryName"))
    return {"org_id": org_id, "org_key": normalise_org_id(org_id), "name": name,
            "size": SCALE.get(scale.lower()) if scale else None,
            "country": country.upper() if country and len(country) == 2 and country.isalpha() else None}


def _value(obj: dict[str, Any] | None, warnings: list[str], where: str) -> tuple[float | None, str | None]:
    v = (obj or {}).get("value") or {}
    amount, currency = v.get("amount"), _text(v.get("currency"))
    if amount is None:
        return None, None
    try:
        amount = float(amount)
    except (TypeError, ValueError):
        warnings.append(f"{where}: value {amount!r} is not a number: ignored")
        return None, None
    if amount < 0:
        warnings.append(f"{where}: negative value {amount} ignored")
        return None, None
    if not currency or not is_currency(currency):
        warnings.append(f"{where}: unknown currency {currency!r}: value ignored")
        return None, None
    return amount, currency.upper()


class _Batch:
    """The suppliers, contracts and subcontracts of a batch of releases, keyed by natural key."""

    def __init__(self) -> None:
        self.suppliers: dict[str, dict[str, Any]] = {}
        self.contracts: dict[str, dict[str, Any]] = {}
        self.subcontracts: dict[tuple[str, str], dict[str, Any]] = {}
        self.releases = 0

    def add_release(self, rel: dict[str, Any], warnings: list[str]) -> None:
        self.releases += 1
        ocid = _text(rel.get("ocid")) or f"release-{_text(rel.get('id')) or self.releases}"
        parties: dict[str, dict[str, Any]] = {}
        for p in rel.get("parties") or []:
            if not isinstance(p, dict):
                continue
            if p.get("id") is not None:
                parties[str(p["id"])] = p
            if SUPPLIER_ROLES & set(p.get("roles") or []):
                row = _supplier_row(p)
                if row:
                    self.suppliers[row["org_key"]] = row

        def ref_key(ref: Any) -> str | None:
            if not isinstance(ref, dict):
                return None
            party = parties.get(str(ref.get("id"))) if ref.get("id") is not None else None
            row = _supplier_row(party or {"name": ref.get("name")})
            if row is None:
                return None
            self.suppliers.setdefault(row["org_key"], row)
            return row["org_key"]

        contracts = [c for c in rel.get("contracts") or [] if isinstance(c, dict)]
        for award in rel.get("awards") or []:
            if not isinstance(award, dict):
                continue
            award_id = _text(award.get("id")) or "award"
            where = f"{ocid} award {award_id}"
            suppliers = [k for k in (ref_key(s) for s in award.get("suppliers") or []) if k]
            if not suppliers:
                continue
            if len(suppliers) > 1:
                warnings.append(f"{where}: {len(suppliers)} suppliers (a consortium): the first is the contract's "
                                f"supplier")
            mine = [c for c in contracts if _text(c.get("awardID")) == award_id] or [None]
            refs = []
            for c in mine:
                src = c or award
                cid = _text(src.get("id")) or award_id
                reference = f"{ocid}/{cid}"[:255]
                value, currency = _value(src, warnings, where)
                if value is None and c is not None:
                    value, currency = _value(award, warnings, where)
                period = (c or {}).get("period") or award.get("contractPeriod") or {}
                start = _date(period.get("startDate"), warnings, where)
                end = _date(period.get("endDate"), warnings, where)
                if start and end and end < start:
                    warnings.append(f"{where}: end date {end} before start {start}: end date ignored")
                    end = None
                awarded = _date(award.get("date"), warnings, where) or _date((c or {}).get("dateSigned"),
                                                                              warnings, where)
                title = (_text(src.get("title")) or _text(award.get("title")) or _text(src.get("description"))
                         or _text((rel.get("tender") or {}).get("title")) or reference)
                self.contracts[reference] = {
                    "reference": reference, "title": title[:1000], "supplier_key": suppliers[0], "value": value,
                    "currency": currency, "awarded_on": awarded, "start_on": start, "end_on": end, "ocid": ocid[:255]}
                refs.append(reference)
            sub = award.get("subcontracting") or {}
            for sc in sub.get("subcontracts") or [] if isinstance(sub, dict) else []:
                key = ref_key((sc or {}).get("subcontractor"))
                if not key:
                    continue
                share = sub.get("maximumPercentage") if len(sub.get("subcontracts") or []) == 1 else None
                for reference in refs:
                    self.subcontracts[(reference, key)] = {"share": share if isinstance(share, (int, float))
                                                           and 0 <= share <= 1 else None}


# --------------------------------------------------------------------------- writing


def import_ocds(reg, path: Path, *, batch_size: int = BATCH) -> ImportResult:
    """Import an OCDS file into the register ``reg`` (a :class:`~fairtender.register.service.Register`)."""
    result = ImportResult(source=str(path))
    batch = _Batch()
    for rel in iter_releases(Path(path)):
        if not isinstance(rel, dict):
            continue
        batch.add_release(rel, result.warnings)
        if batch.releases >= batch_size:
            _write(reg, batch, result)
            batch = _Batch()
    if batch.releases:
        _write(reg, batch, result)
    return result


def _write(reg, batch: _Batch, result: ImportResult) -> None:
    result.releases += batch.releases
    now = utcnow()
    audit: list[dict[str, Any]] = []

    def event(action: str, entity: str, row_id: int, key: str, old: Any, new: Any) -> None:
        audit.append({"at": now, "actor": reg.actor, "action": action, "entity": entity, "entity_id": row_id,
                      "entity_key": key, "old": _json(old), "new": _json(new)})

    with reg.transaction() as session:
        s = session.connection()  # Core from here on: the ORM's bulk machinery costs more than the SQL
        # suppliers
        keys = list(batch.suppliers)
        existing = {}
        for i in range(0, len(keys), 500):
            for row in s.execute(select(Supplier.id, Supplier.org_key, Supplier.name, Supplier.size, Supplier.country,
                                        Supplier.source).where(Supplier.org_key.in_(keys[i:i + 500]))):
                existing[row.org_key] = row
        new_rows = []
        for key, data in batch.suppliers.items():
            cur = existing.get(key)
            if cur is None:
                new_rows.append({**data, "source": "ocds", "created_at": now, "updated_at": now, "active": True})
                continue
            fields = ("name", "size", "country") if cur.source == "ocds" else ("size", "country")
            changes = {f: data[f] for f in fields
                       if data[f] is not None and getattr(cur, f) != data[f]
                       and (cur.source == "ocds" or getattr(cur, f) is None)}
            if changes:
                s.execute(update(Supplier).where(Supplier.id == cur.id).values(**changes, updated_at=now))
                event("import", "supplier", cur.id, data["org_id"], {f: getattr(cur, f) for f in changes}, changes)
                result.updated["suppliers"] += 1
            else:
                result.skipped["suppliers"] += 1
        if new_rows:
            s.execute(Supplier.__table__.insert(), new_rows)
            ids = _ids(s, Supplier, Supplier.org_key, [r["org_key"] for r in new_rows])
            for r in new_rows:
                event("import", "supplier", ids[r["org_key"]], r["org_id"], None,
                      {k: r[k] for k in ("org_id", "name", "size", "country")})
            result.created["suppliers"] += len(new_rows)
        supplier_ids = _ids(s, Supplier, Supplier.org_key, keys)

        # contracts
        refs = list(batch.contracts)
        current = {}
        for i in range(0, len(refs), 500):
            for row in s.execute(select(Contract.id, Contract.reference, Contract.title, Contract.supplier_id,
                                        Contract.value, Contract.currency, Contract.awarded_on, Contract.start_on,
                                        Contract.end_on, Contract.ocid).where(Contract.reference.in_(refs[i:i + 500]))):
                current[row.reference] = row
        d = reg.defaults
        new_contracts = []
        for ref, data in batch.contracts.items():
            values = {k: v for k, v in data.items() if k != "supplier_key"}
            values["supplier_id"] = supplier_ids[data["supplier_key"]]
            cur = current.get(ref)
            if cur is None:
                new_contracts.append({
                    **values, "reporting": "on-request", "source": "ocds", "created_at": now, "updated_at": now,
                    "active": True, "first_report_months": d.first_report_months,
                    "report_interval_months": d.report_interval_months, "report_due_days": d.report_due_days,
                    "request_answer_days": d.request_answer_days, "action_plan_days": d.action_plan_days,
                    "trial_months": d.trial_months, "obligation_days": d.obligation_days})
                continue
            changes = {k: v for k, v in values.items() if getattr(cur, k) != v and v is not None}
            if changes:
                s.execute(update(Contract).where(Contract.id == cur.id).values(**changes, updated_at=now))
                event("import", "contract", cur.id, ref, {k: getattr(cur, k) for k in changes}, changes)
                result.updated["contracts"] += 1
            else:
                result.skipped["contracts"] += 1
        if new_contracts:
            s.execute(Contract.__table__.insert(), new_contracts)
            ids = _ids(s, Contract, Contract.reference, [r["reference"] for r in new_contracts])
            for r in new_contracts:
                event("import", "contract", ids[r["reference"]], r["reference"], None,
                      {k: r[k] for k in ("reference", "title", "supplier_id", "value", "currency", "awarded_on",
                                         "start_on", "end_on", "ocid")})
            result.created["contracts"] += len(new_contracts)

        # subcontractors
        if batch.subcontracts:
            refs_ = list({r for r, _ in batch.subcontracts})
            contract_ids = _ids(s, Contract, Contract.reference, refs_)
            starts = {ref: batch.contracts[ref]["start_on"] if ref in batch.contracts else None for ref in refs_}
            cids = list(contract_ids.values())
            existing_subs: dict[tuple[int, int], Any] = {}
            for i in range(0, len(cids), 500):
                for row in s.execute(select(Subcontractor.id, Subcontractor.contract_id, Subcontractor.supplier_id,
                                            Subcontractor.share).where(Subcontractor.contract_id.in_(cids[i:i + 500]))):
                    existing_subs[(row.contract_id, row.supplier_id)] = row
            new_subs, new_keys = [], []
            for (ref, key), data in batch.subcontracts.items():
                cid, sid = contract_ids[ref], supplier_ids[key]
                cur = existing_subs.get((cid, sid))
                label = f"{ref}/{batch.suppliers[key]['org_id']}"
                if cur is None:
                    start = starts.get(ref)
                    due = start + timedelta(days=d.obligation_days) if start else None
                    new_subs.append({"contract_id": cid, "supplier_id": sid, "share": data["share"],
                                     "obligation_due": due, "source": "ocds", "created_at": now, "updated_at": now,
                                     "active": True})
                    new_keys.append(label)
                elif data["share"] is not None and cur.share != data["share"]:
                    s.execute(update(Subcontractor).where(Subcontractor.id == cur.id)
                              .values(share=data["share"], updated_at=now))
                    event("import", "subcontractor", cur.id, label, {"share": cur.share}, {"share": data["share"]})
                    result.updated["subcontractors"] += 1
                else:
                    result.skipped["subcontractors"] += 1
            if new_subs:
                s.execute(Subcontractor.__table__.insert(), new_subs)
                new_cids = sorted({r["contract_id"] for r in new_subs})
                ids = {}
                for i in range(0, len(new_cids), 500):
                    ids.update({(r.contract_id, r.supplier_id): r.id for r in s.execute(
                        select(Subcontractor.id, Subcontractor.contract_id, Subcontractor.supplier_id)
                        .where(Subcontractor.contract_id.in_(new_cids[i:i + 500])))})
                for r, label in zip(new_subs, new_keys, strict=True):
                    event("import", "subcontractor", ids[(r["contract_id"], r["supplier_id"])], label, None,
                          {"share": r["share"], "obligation_due": r["obligation_due"]})
                result.created["subcontractors"] += len(new_subs)
        if audit:
            s.execute(AuditEvent.__table__.insert(), audit)


def _ids(s, model, column, keys: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(keys), 500):
        out.update({k: i_ for i_, k in s.execute(select(model.id, column).where(column.in_(keys[i:i + 500])))})
    return out


def _json(v: Any) -> Any:
    if v is None:
        return None
    return {k: (x.isoformat() if isinstance(x, date) else x) for k, x in v.items()}
