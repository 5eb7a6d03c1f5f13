"""``fairtender register``: the supplier register on the command line.

Thin by design: parse options, call :class:`fairtender.register.service.Register`,
render with tabulate/JSON/CSV. Errors are :class:`~fairtender.errors.RegisterError`
and become one line on stderr with exit status 2 (in ``cli.main``).
``--db`` and ``--actor`` are accepted on the group and on every subcommand.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from ..errors import RegisterError

DATE = click.DateTime(formats=["%Y-%m-%d"])
FORMATS = click.Choice(["table", "json", "csv"])


# --------------------------------------------------------------------------- plumbing


def common(f):
    """Add ``--db`` and ``--actor`` to a command (they override the ones given earlier)."""

    @click.option("--db", "db_url", metavar="URL", default=None, help="Register database URL or SQLite file.")
    @click.option("--actor", default=None, help="Who makes the change (audit log); default: the OS user.")
    @functools.wraps(f)
    def wrapper(*args, db_url: str | None = None, actor: str | None = None, **kwargs):
        ctx = click.get_current_context()
        ctx.meta["fairtender.db"] = db_url or ctx.meta.get("fairtender.db")
        ctx.meta["fairtender.actor"] = actor or ctx.meta.get("fairtender.actor")
        return f(*args, **kwargs)

    return wrapper


def _db() -> str | None:
    ctx = click.get_current_context()
    return ctx.meta.get("fairtender.db") or getattr(ctx.find_root().obj, "db", None)


def _register():
    from ..register.service import Register

    return Register(_db(), actor=click.get_current_context().meta.get("fairtender.actor"))


def _fast_url() -> str:
    from ..register.db import resolve_url

    return resolve_url(_db())


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    fields = getattr(type(value), "model_fields", None)  # a pydantic model (also model_construct'ed ones),
    if isinstance(fields, dict):                         # found without importing pydantic on the fast path
        return {k: _plain(getattr(value, k)) for k in fields}
    return value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) >= 1 or value == 0 else f"{value:.2f}"
    return value


def _iso(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def emit(rows: list[Any], fmt: str, columns: list[str], *, output: Path | None = None,
         empty: str = "nothing to show", fields: list[str] | None = None) -> None:
    """Render rows (pydantic models, or plain dicts with ``fields``) as a table of ``columns``,
    JSON (all fields) or CSV (all fields)."""
    out = io.StringIO() if output else sys.stdout
    dicts = [r if isinstance(r, dict) else _plain(r) for r in rows]
    if fmt == "json":  # one object per line: readable, and json's fast C encoder (indent= is pure Python)
        # one encoder for all rows: json.dumps with options builds a new JSONEncoder on every call
        dumps = json.JSONEncoder(ensure_ascii=False, default=_iso).encode
        out.write("[" + ",".join(["\n" + dumps(d) for d in dicts]) + ("\n]\n" if dicts else "]\n"))
    elif fmt == "csv":
        fields = fields or (list(type(rows[0]).model_fields) if rows else columns)
        w = csv.writer(out)
        w.writerow(fields)
        w.writerows([_csv(d.get(k)) for k in fields] for d in dicts)
    else:
        from tabulate import tabulate

        if rows:
            out.write(tabulate([[_cell(d.get(c)) for c in columns] for d in dicts],
                               headers=[c.replace("_", " ") for c in columns], disable_numparse=True))
            out.write("\n")
        else:
            out.write(f"{empty}\n")
    if output:
        try:
            Path(output).write_text(out.getvalue(), encoding="utf-8")
        except OSError as e:
            raise RegisterError(f"cannot write {output}: {e.strerror}") from None


def _csv(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(_plain(v), ensure_ascii=False)
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return v


def emit_one(obj: Any, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(_plain(obj), ensure_ascii=False, indent=1))
        return
    from tabulate import tabulate

    click.echo(tabulate([[k.replace("_", " "), _cell(v)] for k, v in _plain(obj).items()], tablefmt="plain"))


def _share(value: str | None) -> float | None:
    if value is None:
        return None
    text = value.strip()
    try:
        share = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise RegisterError(f"share: {value!r} is not a number (use 0.3 or 30%)") from None
    if not 0 <= share <= 1:
        raise RegisterError(f"share: {value!r} must be between 0 and 1 (or 0% and 100%)")
    return share


def _declared(pairs: tuple[str, ...]) -> dict[str, str] | None:
    if not pairs:
        return None
    out = {}
    for p in pairs:
        key, sep, val = p.partition("=")
        if not sep or not key.strip():
            raise RegisterError(f"--declare expects KEY=VALUE, got {p!r}")
        out[key.strip()] = val.strip()
    return out


# --------------------------------------------------------------------------- group


@click.group("register")
@common
def register() -> None:
    """Keep the register of suppliers, contracts, subcontractors and equality reports.

    The database is --db URL, else $FAIRTENDER_DB, else a SQLite file in your
    data directory (created on first use). Every change is audited; nothing is
    deleted (`archive` marks records inactive).
    """


@register.command("init")
@common
def init_cmd() -> None:
    """Create the register database (or check an existing one is current)."""
    from ..register import db as dbm

    url = dbm.resolve_url(click.get_current_context().meta.get("fairtender.db")
                          or getattr(click.get_current_context().find_root().obj, "db", None))
    before, after = dbm.upgrade(url)
    where = dbm.sqlite_path(url) or dbm._redact(url)
    if before == after:
        click.echo(f"register at {where} is ready (schema {after})")
    else:
        click.echo(f"register created at {where} (schema {after})")


@register.command("upgrade")
@common
def upgrade_cmd() -> None:
    """Migrate the register database to this fairtender's schema version."""
    from ..register import db as dbm

    url = dbm.resolve_url(click.get_current_context().meta.get("fairtender.db")
                          or getattr(click.get_current_context().find_root().obj, "db", None))
    before, after = dbm.upgrade(url)
    click.echo(f"schema {before or 'none'} -> {after}" if before != after else f"schema {after}: already current")


@register.command("status")
@click.option("--as-of", type=DATE, default=None, help="Reference date (default today).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@common
def status_cmd(as_of: datetime | None, fmt: str) -> None:
    """Dashboard: counts, reports due soon, overdue, unconfirmed subcontractor obligations, stages."""
    from ..register import fastread

    # scheduler path: plain SQLite reads without SQLAlchemy/pydantic; None -> the full library path
    day = _day(as_of) or date.today()
    st = fastread.status(_fast_url(), day)
    if st is None:
        st = _plain(_register().status(day))
    if fmt == "json":
        click.echo(json.dumps(_plain(st), ensure_ascii=False, indent=1))
        return
    lines = [
        f"Register status as of {st['as_of']}",
        f"  suppliers        {st['suppliers']} active, {st['suppliers_archived']} archived",
        f"  contracts        {st['contracts']} active, {st['contracts_archived']} archived",
        f"  subcontractors   {st['subcontractors']}, {st['subcontractors_unconfirmed']} without confirmed "
        "obligations",
        "  reports          " + ", ".join(f"{v} {k}" for k, v in st["reports_by_status"].items()),
        f"  due in {st['due_soon_days']} days   {st['due_soon']}",
        f"  overdue          {st['overdue_reports']} reports, {st['overdue_obligations']} subcontractor obligations",
    ]
    if st["penalties_accrued"]:
        lines.append("  penalties        " + ", ".join(f"{cur} {amt:,.0f}"
                                                       for cur, amt in st["penalties_accrued"].items()))
    if st["stages"]:
        lines.append("  self-evaluation  " + ", ".join(f"{v} {k}" for k, v in sorted(st["stages"].items())))
    for item in st["due_soon_first"]:
        lines.append(f"    due {item['due']}: {item['contract']} ({item['supplier']}) {item['report_kind']} "
                     f"{item['period']}")
    click.echo("\n".join(lines))


@register.command("overdue")
@click.option("--as-of", type=DATE, default=None, help="Reference date (default today).")
@click.option("--format", "fmt", type=FORMATS, default="table")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write to FILE.")
@common
def overdue_cmd(as_of: datetime | None, fmt: str, output: Path | None) -> None:
    """Reports past due and subcontractor obligations missing, with days late; exit 1 if any."""
    from ..register import fastread

    # plain rows, not a model per row: tens of thousands of items must print in well under a second;
    # on a current SQLite register without SQLAlchemy/pydantic at all (None -> the full library path)
    day = _day(as_of) or date.today()
    items = fastread.overdue_rows(_fast_url(), day)
    if items is None:
        items = list(_register().overdue_rows(day))
    emit(items, fmt, ["kind", "contract", "supplier", "report_kind", "period", "subcontractor", "due", "days_late",
                      "penalty_accrued", "penalty_currency"], output=output, empty="nothing overdue",
         fields=list(fastread.OVERDUE_FIELDS))
    if items:
        click.get_current_context().exit(1)


# --------------------------------------------------------------------------- suppliers


@register.group("supplier")
@common
def supplier() -> None:
    """Suppliers (and subcontractors): add, list, show, update, archive."""


SUPPLIER_COLUMNS = ["org_id", "name", "country", "size", "source", "active"]


@supplier.command("add")
@click.option("--name", required=True)
@click.option("--org-id", required=True, help="Organisation/VAT number (unique; spaces and dots ignored).")
@click.option("--country", default=None, help="ISO 3166 two-letter code.")
@click.option("--size", type=click.Choice(["micro", "small", "medium", "large", "sme"]), default=None)
@click.option("--contact", default=None)
@click.option("--declare", multiple=True, metavar="KEY=VALUE",
              help="A characteristic the supplier declares itself (stored as declared), e.g. social_economy=yes.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@common
def supplier_add(name, org_id, country, size, contact, declare, fmt) -> None:
    """Add a supplier."""
    from ..register.schemas import SupplierIn, build

    out = _register().add_supplier(build(SupplierIn, name=name, org_id=org_id, country=country, size=size,
                                         contact=contact, characteristics=_declared(declare)))
    emit_one(out, fmt) if fmt == "json" else click.echo(f"added supplier {out.org_id} ({out.name})")


@supplier.command("list")
@click.option("--all", "include_archived", is_flag=True, help="Include archived suppliers.")
@click.option("--format", "fmt", type=FORMATS, default="table")
@common
def supplier_list(include_archived, fmt) -> None:
    """List suppliers."""
    emit(_register().list_suppliers(include_archived=include_archived), fmt, SUPPLIER_COLUMNS,
         empty="no suppliers")


@supplier.command("show")
@click.argument("org_id")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@common
def supplier_show(org_id, fmt) -> None:
    """Show one supplier."""
    emit_one(_register().get_supplier(org_id), fmt)


@supplier.command("update")
@click.argument("org_id")
@click.option("--name", default=None)
@click.option("--country", default=None)
@click.option("--size", type=click.Choice(["micro", "small", "medium", "large", "sme"]), default=None)
@click.option("--contact", default=None)
@click.option("--declare", multiple=True, metavar="KEY=VALUE", help="Replace the self-declared characteristics.")
@click.option("--restore", is_flag=True, help="Make an archived supplier active again.")
@common
def supplier_update(org_id, name, country, size, contact, declare, restore) -> None:
    """Change a supplier's details (the org id itself never changes)."""
    from ..register.schemas import SupplierUpdate, build

    values = {k: v for k, v in dict(name=name, country=country, size=size, contact=contact,
                                     characteristics=_declared(declare)).items() if v is not None}
    if restore:
        values["active"] = True
    if not values:
        raise RegisterError("nothing to update: give at least one option (see --help)")
    out = _register().update_supplier(org_id, build(SupplierUpdate, **values))
    click.echo(f"updated supplier {out.org_id}")


@supplier.command("archive")
@click.argument("org_id")
@click.option("--reason", default=None)
@common
def supplier_archive(org_id, reason) -> None:
    """Mark a supplier inactive (nothing is deleted)."""
    out = _register().archive_supplier(org_id, reason)
    click.echo(f"archived supplier {out.org_id}")


# --------------------------------------------------------------------------- contracts


def contract_terms(f):
    """Per-contract schedule and penalty options (defaults from fairtender.toml [register])."""
    opts = [
        click.option("--first-report-months", type=int, default=None,
                     help="First report N months after the start (default 8)."),
        click.option("--report-due-days", type=int, default=None,
                     help="Reports due N days after each period ends (default 0)."),
        click.option("--answer-days", "request_answer_days", type=int, default=None,
                     help="Days to answer a request (default 7)."),
        click.option("--penalty-per-week", type=float, default=None,
                     help="Penalty per started week of delay after notice (Stockholm default SEK 25,000)."),
        click.option("--penalty-currency", default=None),
        click.option("--action-plan-days", type=int, default=None,
                     help="Action plan due N days after a self-evaluation with gaps (default 90)."),
        click.option("--trial-months", type=int, default=None, help="Trial period before sanctions (default 24)."),
        click.option("--obligation-days", type=int, default=None,
                     help="Days to confirm subcontractor obligations (default 30)."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


TERM_KEYS = ("first_report_months", "report_due_days", "request_answer_days", "penalty_per_week",
             "penalty_currency", "action_plan_days", "trial_months", "obligation_days")


@register.group("contract")
@common
def contract() -> None:
    """Contracts: add, list, show, update, archive."""


CONTRACT_COLUMNS = ["reference", "title", "supplier", "value", "currency", "start", "end", "templates", "reporting",
                    "stage"]


@contract.command("add")
@click.option("--reference", required=True)
@click.option("--title", required=True)
@click.option("--supplier", "supplier_id", required=True, metavar="ORG-ID")
@click.option("--value", type=float, default=None)
@click.option("--currency", default=None, help="ISO 4217 code, e.g. EUR, SEK.")
@click.option("--awarded", type=DATE, default=None)
@click.option("--start", type=DATE, default=None)
@click.option("--end", type=DATE, default=None)
@click.option("--template", "templates", multiple=True, type=click.Choice(["ghent", "stockholm", "flanders"]))
@click.option("--reporting", type=click.Choice(["annual", "on-request", "self-evaluation"]), default="annual",
              show_default=True)
@contract_terms
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@common
def contract_add(reference, title, supplier_id, value, currency, awarded, start, end, templates, reporting, fmt,
                 **terms) -> None:
    """Add a contract (its scheduled reports are created from the reporting regime)."""
    from ..register.schemas import ContractIn, build

    data = build(ContractIn, reference=reference, title=title, supplier=supplier_id, value=value,
                 currency=currency, awarded=_day(awarded), start=_day(start), end=_day(end),
                 templates=list(templates), reporting=reporting, **terms)
    out = _register().add_contract(data)
    emit_one(out, fmt) if fmt == "json" else click.echo(f"added contract {out.reference} ({out.supplier_name})")


@contract.command("list")
@click.option("--supplier", "supplier_id", default=None, metavar="ORG-ID")
@click.option("--all", "include_archived", is_flag=True, help="Include archived contracts.")
@click.option("--format", "fmt", type=FORMATS, default="table")
@common
def contract_list(supplier_id, include_archived, fmt) -> None:
    """List contracts."""
    emit(_register().list_contracts(supplier=supplier_id, include_archived=include_archived), fmt,
         CONTRACT_COLUMNS, empty="no contracts")


@contract.command("show")
@click.argument("reference")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@common
def contract_show(reference, fmt) -> None:
    """Show a contract with its reports and subcontractors."""
    reg = _register()
    c = reg.get_contract(reference)
    reports = reg.list_reports(contract=reference, include_archived=True)
    subs = reg.list_subcontractors(contract=reference, include_archived=True)
    if fmt == "json":
        data = _plain(c)
        data["reports"] = _plain(reports)
        data["subcontractors"] = _plain(subs)
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    emit_one(c, "table")
    click.echo("\nreports:")
    emit(reports, "table", ["kind", "period", "status", "due", "received_on", "completeness", "active"],
         empty="  none")
    click.echo("\nsubcontractors:")
    emit(subs, "table", ["org_id", "name", "flowed_down", "confirmed_on", "obligation_due"], empty="  none")


@contract.command("update")
@click.argument("reference")
@click.option("--title", default=None)
@click.option("--supplier", "supplier_id", default=None, metavar="ORG-ID")
@click.option("--value", type=float, default=None)
@click.option("--currency", default=None)
@click.option("--awarded", type=DATE, default=None)
@click.option("--start", type=DATE, default=None)
@click.option("--end", type=DATE, default=None)
@click.option("--template", "templates", multiple=True, type=click.Choice(["ghent", "stockholm", "flanders"]),
              help="Replace the templates the contract contains.")
@click.option("--reporting", type=click.Choice(["annual", "on-request", "self-evaluation"]), default=None)
@click.option("--restore", is_flag=True, help="Make an archived contract active again.")
@contract_terms
@common
def contract_update(reference, title, supplier_id, value, currency, awarded, start, end, templates, reporting,
                    restore, **terms) -> None:
    """Change a contract; its open scheduled reports follow the new dates and terms."""
    from ..register.schemas import ContractUpdate, build

    values = dict(title=title, supplier=supplier_id, value=value, currency=currency, awarded=_day(awarded),
                  start=_day(start), end=_day(end), templates=list(templates) or None, reporting=reporting, **terms)
    values = {k: v for k, v in values.items() if v is not None}
    if restore:
        values["active"] = True
    if not values:
        raise RegisterError("nothing to update: give at least one option (see --help)")
    out = _register().update_contract(reference, build(ContractUpdate, **values))
    click.echo(f"updated contract {out.reference}")


@contract.command("archive")
@click.argument("reference")
@click.option("--reason", default=None)
@common
def contract_archive(reference, reason) -> None:
    """Mark a contract inactive (its reports stop being due; nothing is deleted)."""
    out = _register().archive_contract(reference, reason)
    click.echo(f"archived contract {out.reference}")


# --------------------------------------------------------------------------- subcontractors


@register.group("subcontractor")
@common
def subcontractor() -> None:
    """Subcontractors on contracts and their flowed-down obligations."""


@subcontractor.command("add")
@click.option("--contract", "contract_ref", required=True, metavar="REF")
@click.option("--org-id", required=True)
@click.option("--name", default=None, help="Needed when the subcontractor is not a supplier in the register yet.")
@click.option("--country", default=None)
@click.option("--size", type=click.Choice(["micro", "small", "medium", "large", "sme"]), default=None)
@click.option("--share", default=None, help="Share of the contract value: 0.3 or 30%.")
@click.option("--value", type=float, default=None)
@click.option("--currency", default=None)
@click.option("--flowed-down/--not-flowed-down", default=None,
              help="Whether the anti-discrimination obligations were imposed on the subcontractor.")
@click.option("--due", type=DATE, default=None, help="When the obligations must be confirmed.")
@common
def subcontractor_add(contract_ref, org_id, name, country, size, share, value, currency, flowed_down, due) -> None:
    """Add a subcontractor to a contract."""
    from ..register.schemas import SubcontractorIn, build

    out = _register().add_subcontractor(build(
        SubcontractorIn, contract=contract_ref, org_id=org_id, name=name, country=country, size=size,
        share=_share(share), value=value, currency=currency, flowed_down=flowed_down, due=_day(due)))
    click.echo(f"added subcontractor {out.org_id} ({out.name}) to {out.contract}; "
               f"obligations to confirm by {out.obligation_due}")


@subcontractor.command("confirm")
@click.option("--contract", "contract_ref", required=True, metavar="REF")
@click.option("--org-id", required=True)
@click.option("--evidence", type=click.Path(path_type=Path), default=None,
              help="File proving the obligations were flowed down (stored in the register).")
@click.option("--date", "on", type=DATE, default=None, help="Confirmation date (default today).")
@click.option("--not-flowed-down", is_flag=True, help="Record that the obligations were NOT flowed down.")
@common
def subcontractor_confirm(contract_ref, org_id, evidence, on, not_flowed_down) -> None:
    """Confirm that a subcontractor's anti-discrimination obligations were flowed down."""
    out = _register().confirm_subcontractor(contract_ref, org_id, evidence=evidence, confirmed_on=_day(on),
                                            flowed_down=not not_flowed_down)
    state = f"confirmed on {out.confirmed_on}" if out.confirmed else "recorded as NOT flowed down"
    click.echo(f"subcontractor {out.org_id} on {out.contract}: {state}")


@subcontractor.command("list")
@click.option("--contract", "contract_ref", default=None, metavar="REF")
@click.option("--unconfirmed", is_flag=True, help="Only those without confirmed obligations.")
@click.option("--all", "include_archived", is_flag=True)
@click.option("--format", "fmt", type=FORMATS, default="table")
@common
def subcontractor_list(contract_ref, unconfirmed, include_archived, fmt) -> None:
    """List subcontractors."""
    emit(_register().list_subcontractors(contract=contract_ref, unconfirmed=unconfirmed,
                                         include_archived=include_archived), fmt,
         ["contract", "org_id", "name", "share", "flowed_down", "confirmed_on", "obligation_due"],
         empty="no subcontractors")


# --------------------------------------------------------------------------- reports


@register.group("report")
@common
def report() -> None:
    """Equality reports: request, record, list, show, assess, notice."""


KIND = click.Choice(["report", "self-evaluation", "action-plan"])
REPORT_COLUMNS = ["contract", "supplier", "kind", "period", "status", "due", "received_on", "completeness"]


@report.command("request")
@click.option("--contract", "contract_ref", required=True, metavar="REF")
@click.option("--period", type=int, required=True, metavar="YEAR")
@click.option("--due", type=DATE, default=None, help="Deadline (default: request date + the contract's answer days).")
@click.option("--requested", type=DATE, default=None, help="Request date (default today).")
@click.option("--kind", type=KIND, default="report", show_default=True)
@common
def report_request(contract_ref, period, due, requested, kind) -> None:
    """Request a report from the supplier, with a deadline (Stockholm-style on request)."""
    from ..register.schemas import ReportRequestIn, build

    out = _register().request_report(build(ReportRequestIn, contract=contract_ref, period=period, due=_day(due),
                                           requested_on=_day(requested), kind=kind))
    click.echo(f"requested {out.kind} {out.period} from {out.supplier} for {out.contract}: due {out.due}")


@report.command("record")
@click.option("--contract", "contract_ref", required=True, metavar="REF")
@click.option("--period", type=int, required=True, metavar="YEAR")
@click.option("--file", "file", type=click.Path(path_type=Path), required=True,
              help="The report (.docx, .pdf, .txt, .md).")
@click.option("--received", type=DATE, default=None, help="Date received (default today).")
@click.option("--kind", type=KIND, default=None, help="Default: the contract's regime (report or self-evaluation).")
@click.option("--lang", default=None, help="Language of the report (default: detected).")
@click.option("--allow-duplicate", is_flag=True, help="Accept a file already recorded for another report.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@common
def report_record(contract_ref, period, file, received, kind, lang, allow_duplicate, fmt) -> None:
    """Store a received report file and assess its content against clauses/equality-report.yaml."""
    res = _register().record_report(contract_ref, period, file, received_on=_day(received), kind=kind, lang=lang,
                                    allow_duplicate=allow_duplicate)
    if fmt == "json":
        click.echo(json.dumps(_plain(res), ensure_ascii=False, indent=1))
        return
    r = res.report
    if res.duplicate:
        click.echo(f"{file.name} is already recorded as the {r.kind} of {r.contract} for {r.period}: nothing changed")
        return
    click.echo(f"recorded {r.kind} {r.period} of {r.contract} ({r.file_name}, sha256 {r.file_sha256[:12]})")
    if r.completeness is not None:
        click.echo(f"  content: {round(r.completeness * 100)}% complete; "
                   f"present: {', '.join(r.elements_present or []) or 'none'}; "
                   f"missing: {', '.join(r.elements_missing or []) or 'none'}")
    if res.assessment_error:
        click.echo(f"  not assessed: {res.assessment_error}", err=True)


@report.command("list")
@click.option("--contract", "contract_ref", default=None, metavar="REF")
@click.option("--status", type=click.Choice(["requested", "received", "accepted", "rejected"]), default=None)
@click.option("--period", type=int, default=None)
@click.option("--all", "include_archived", is_flag=True)
@click.option("--limit", type=click.IntRange(min=1), default=None)
@click.option("--format", "fmt", type=FORMATS, default="table")
@common
def report_list(contract_ref, status, period, include_archived, limit, fmt) -> None:
    """List reports, earliest due first."""
    emit(_register().list_reports(contract=contract_ref, status=status, period=period,
                                  include_archived=include_archived, limit=limit), fmt, REPORT_COLUMNS,
         empty="no reports")


@report.command("show")
@click.option("--contract", "contract_ref", required=True, metavar="REF")
@click.option("--period", type=int, required=True, metavar="YEAR")
@click.option("--kind", type=KIND, default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@common
def report_show(contract_ref, period, kind, fmt) -> None:
    """Show one report with its content assessment."""
    emit_one(_register().get_report(contract_ref, period, kind=kind), fmt)


@report.command("assess")
@click.option("--contract", "contract_ref", required=True, metavar="REF")
@click.option("--period", type=int, required=True, metavar="YEAR")
@click.option("--kind", type=KIND, default=None)
@click.option("--accept", "decision", flag_value="accepted", default=None, help="Accept the report.")
@click.option("--reject", "decision", flag_value="rejected", help="Reject the report.")
@click.option("--notes", default=None, help="Reviewer notes.")
@click.option("--gaps/--no-gaps", default=None, help="Self-evaluations: override whether it shows gaps.")
@click.option("--reassess", is_flag=True, help="Assess the stored file's content again.")
@click.option("--lang", default=None)
@common
def report_assess(contract_ref, period, kind, decision, notes, gaps, reassess, lang) -> None:
    """Review a received report: accept or reject with notes, and/or re-run the content assessment."""
    if not (decision or notes is not None or gaps is not None or reassess):
        raise RegisterError("nothing to do: give --accept, --reject, --notes, --gaps/--no-gaps or --reassess")
    r = _register().assess_report(contract_ref, period, kind=kind, decision=decision, notes=notes, gaps=gaps,
                                  reassess=reassess, lang=lang).report
    pct = f", {round(r.completeness * 100)}% complete" if r.completeness is not None else ""
    click.echo(f"{r.kind} {r.period} of {r.contract}: {r.status}{pct}")


@report.command("notice")
@click.option("--contract", "contract_ref", required=True, metavar="REF")
@click.option("--period", type=int, required=True, metavar="YEAR")
@click.option("--kind", type=KIND, default=None)
@click.option("--date", "on", type=DATE, default=None, help="Notice date (default today).")
@common
def report_notice(contract_ref, period, kind, on) -> None:
    """Record that the supplier was given notice of a late report (penalties run from it)."""
    r = _register().notice_report(contract_ref, period, kind=kind, on=_day(on))
    click.echo(f"notice of the late {r.kind} {r.period} of {r.contract} recorded on {r.notice_on}")


# --------------------------------------------------------------------------- milestones


@register.group("milestone")
@common
def milestone() -> None:
    """Milestones of Ghent-style action plans."""


@milestone.command("add")
@click.option("--contract", "contract_ref", required=True, metavar="REF")
@click.option("--title", required=True)
@click.option("--due", type=DATE, required=True)
@common
def milestone_add(contract_ref, title, due) -> None:
    """Add an action-plan milestone."""
    m = _register().add_milestone(contract_ref, title, _day(due))
    click.echo(f"milestone {m.id} on {m.contract}: {m.title} (due {m.due})")


@milestone.command("done")
@click.argument("milestone_id", type=int)
@click.option("--date", "on", type=DATE, default=None)
@common
def milestone_done(milestone_id, on) -> None:
    """Mark a milestone done."""
    m = _register().complete_milestone(milestone_id, _day(on))
    click.echo(f"milestone {m.id} on {m.contract} done on {m.done_on}")


@milestone.command("list")
@click.option("--contract", "contract_ref", default=None, metavar="REF")
@click.option("--format", "fmt", type=FORMATS, default="table")
@common
def milestone_list(contract_ref, fmt) -> None:
    """List action-plan milestones."""
    emit(_register().list_milestones(contract_ref), fmt, ["id", "contract", "title", "due", "done_on"],
         empty="no milestones")


# --------------------------------------------------------------------------- import, export, backup, log


@register.group("import")
@common
def import_group() -> None:
    """Import suppliers and contracts from open data."""


@import_group.command("ocds")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--batch-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Releases per transaction (an interrupted import keeps its committed batches).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@common
def import_ocds_cmd(file: Path, batch_size: int, fmt: str) -> None:
    """Import an OCDS release package, record package or JSON-lines file (streamed; idempotent)."""
    from ..register.ocds import import_ocds

    res = import_ocds(_register(), file, batch_size=batch_size)
    if fmt == "json":
        click.echo(json.dumps(_plain(res), ensure_ascii=False, indent=1))
        return
    from tabulate import tabulate

    click.echo(f"imported {res.releases} releases from {file.name}")
    rows = [[k, res.created[k], res.updated[k], res.skipped[k]] for k in res.created]
    click.echo(tabulate(rows, headers=["records", "created", "updated", "unchanged/skipped"]))
    for w in res.warnings[:20]:
        click.echo(f"warning: {w}", err=True)
    if len(res.warnings) > 20:
        click.echo(f"warning: ... and {len(res.warnings) - 20} more", err=True)


@register.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), required=True, metavar="DIR")
@common
def export_cmd(fmt: str, output: Path) -> None:
    """Write every table to DIR/<table>.json|csv (backup, and for the annual review's readers)."""
    files = _register().export(output, fmt)
    click.echo(f"wrote {len(files)} tables to {output}")


@register.command("backup")
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite OUTPUT.")
@common
def backup_cmd(output: Path, force: bool) -> None:
    """Write a consistent copy of the SQLite register (online backup; safe while others write)."""
    path = _register().backup(output, force=force)
    click.echo(f"backup written to {path}")


@register.command("log")
@click.argument("entity", required=False,
                type=click.Choice(["supplier", "contract", "subcontractor", "report", "milestone"]))
@click.argument("key", required=False)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the latest N events.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@common
def log_cmd(entity, key, limit, fmt) -> None:
    """Show the audit history of one record, or the latest events of the register.

    Examples: `log supplier BE0123456789`, `log contract C-1`, `log report C-1/2026`,
    `log subcontractor C-1/SE5566778899`, `log --limit 20`.
    """
    events = _register().log(entity, key, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(_plain(events), ensure_ascii=False, indent=1))
        return
    from tabulate import tabulate

    if not events:
        click.echo("no events")
        return
    rows = [[e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action, e.entity, e.key,
             _change(e.old, e.new)] for e in events]
    click.echo(tabulate(rows, headers=["when (UTC)", "who", "action", "record", "key", "change"]))


def _change(old: dict | None, new: dict | None) -> str:
    if old is None:
        return "created" if new else ""
    parts = [f"{k}: {old.get(k)!r} -> {(new or {}).get(k)!r}" for k in (new or {})]
    text = "; ".join(parts)
    return text if len(text) <= 100 else text[:97] + "..."
