"""The scheduler's read path: ``register overdue`` and ``register status`` on a SQLite register
straight through :mod:`sqlite3`, without importing SQLAlchemy, the ORM models or pydantic.

WHY: these two commands run from cron on registers of a million reports and must
answer in well under a second *including* process start; importing SQLAlchemy's
ORM and pydantic alone costs about half a second on our machines, more than the
queries themselves. The SQL here is what :class:`~fairtender.register.service.Register`
issues for the same figures (same filters, same ordering, same arithmetic), so the
output is identical; ``tests/test_register.py`` compares both paths.

Only the plain case is served here: a SQLite file that exists and whose schema is
the bundled head revision, and no ``[register]`` settings in ``fairtender.toml``
that could change the defaults. Everything else (first use, an older or newer
schema, PostgreSQL, custom settings) returns ``None`` and the caller goes through
:class:`Register`, which migrates, refuses or validates with its usual errors.
Values come back as SQLite stores them: dates as ISO strings (what every output
format prints anyway).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

#: The fields of :class:`~fairtender.register.schemas.OverdueItem`, in order (a test keeps them in step).
OVERDUE_FIELDS = ("kind", "contract", "supplier", "supplier_name", "due", "days_late", "report_kind", "period",
                  "status", "subcontractor", "notice_on", "penalty_weeks", "penalty_accrued", "penalty_currency")
#: ``RegisterDefaults.due_soon_days`` when fairtender.toml sets nothing (a test keeps it in step).
DEFAULT_DUE_SOON_DAYS = 30

_OVERDUE_REPORTS = """
SELECT r.kind, r.period, r.status, r.due_on, r.notice_on, c.reference, c.penalty_per_week, c.penalty_currency,
       s.org_id, s.name,
       CAST(julianday(:as_of) - julianday(r.due_on) AS INTEGER),
       CAST(julianday(:as_of) - julianday(coalesce(r.notice_on, r.due_on)) AS INTEGER)
FROM reports AS r INDEXED BY ix_reports_status_due
JOIN contracts AS c ON c.id = r.contract_id JOIN suppliers AS s ON s.id = c.supplier_id
WHERE r.status IN ('requested', 'rejected') AND r.due_on < :as_of AND r.active = 1 AND c.active = 1
ORDER BY r.due_on, c.reference, r.kind
"""

# INDEXED BY: with the bound date SQLite's planner takes ix_reports_due_on, which walks nearly every report
# (most are past due, and received); (status, due_on) reads only the ~2 % still owed: 3 s -> 0.4 s on 1M reports.
# The index is part of the head schema, which connect() has checked.
_UNCONFIRMED = "(b.confirmed_on IS NULL OR b.flowed_down IS NULL OR b.flowed_down = 0)"

_OVERDUE_OBLIGATIONS = f"""
SELECT b.obligation_due, b.flowed_down, c.reference, s.org_id, s.name, u.org_id,
       CAST(julianday(:as_of) - julianday(b.obligation_due) AS INTEGER)
FROM subcontractors AS b JOIN contracts AS c ON c.id = b.contract_id
JOIN suppliers AS s ON s.id = c.supplier_id JOIN suppliers AS u ON u.id = b.supplier_id
WHERE {_UNCONFIRMED} AND b.obligation_due < :as_of AND b.active = 1 AND c.active = 1
ORDER BY b.obligation_due, c.reference
"""

_STAGE = """
CASE WHEN c.reporting != 'self-evaluation' THEN NULL
     WHEN c.evaluation_gaps IS NULL THEN 'self-evaluation-due'
     WHEN c.evaluation_gaps = 0 THEN 'compliant'
     WHEN c.action_plan_received IS NULL THEN 'action-plan-due'
     WHEN c.trial_ends IS NOT NULL AND c.trial_ends > :as_of THEN 'trial-period'
     WHEN EXISTS (SELECT m.id FROM milestones AS m WHERE m.contract_id = c.id AND m.done_on IS NULL)
          THEN 'sanctions-possible'
     ELSE 'completed' END
"""


def sqlite_file(url: str) -> Path | None:
    """The database file of a plain ``sqlite:///PATH`` URL that exists, else None (use the full path)."""
    if not url.startswith("sqlite:///"):
        return None
    path = url[len("sqlite:///"):]
    if not path or path == ":memory:" or any(ch in path for ch in "?%#"):
        return None
    p = Path(path)
    return p if p.is_file() else None


def _config_has_register_section() -> bool:
    """True when ./fairtender.toml may change the register defaults (then :class:`Register` validates them)."""
    path = Path.cwd() / "fairtender.toml"
    if not path.is_file():
        return False
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with path.open("rb") as f:
            return "register" in tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return True  # let the full path report the error


def connect(url: str) -> sqlite3.Connection | None:
    """A read connection on a current-schema SQLite register, or None when the full path must handle it."""
    path = sqlite_file(url)
    if path is None:
        return None
    from . import db as dbm  # light: no SQLAlchemy at import

    try:
        conn = sqlite3.connect(str(path), timeout=dbm.SQLITE_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute(f"PRAGMA busy_timeout = {dbm.SQLITE_BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA mmap_size = 1073741824")  # reads map the file: ~30 % less time than read() calls
        conn.execute("BEGIN")  # one snapshot for every query of the command (WAL readers never block writers)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        conn.close()
        return None
    if row is None or row[0] != dbm.head_revision():
        conn.close()
        return None
    return conn


def overdue_rows(url: str, as_of: date) -> list[dict[str, Any]] | None:
    """``Register.overdue_rows`` on SQLite (dates as ISO strings), or None when the full path must answer."""
    conn = connect(url)
    if conn is None:
        return None
    args = {"as_of": as_of.isoformat()}
    with closing(conn):
        out: list[dict[str, Any]] = []
        add = out.append
        for kind, period, status, due, notice, ref, per_week, pcur, org, name, late, since in conn.execute(
                _OVERDUE_REPORTS, args):
            if per_week and since > 0:  # schedule.penalty_accrued: per started week from notice (or due)
                weeks = -(-since // 7)
                amount = round(weeks * per_week, 2)
            else:
                weeks, amount = 0, 0.0
            add({"kind": "report", "contract": ref, "supplier": org, "supplier_name": name, "due": due,
                 "days_late": late, "report_kind": kind, "period": period, "status": status,
                 "subcontractor": None, "notice_on": notice, "penalty_weeks": weeks, "penalty_accrued": amount,
                 "penalty_currency": pcur if per_week else None})
        for due, flowed, ref, org, name, sub_org, late in conn.execute(_OVERDUE_OBLIGATIONS, args):
            add({"kind": "subcontractor-obligation", "contract": ref, "supplier": org, "supplier_name": name,
                 "due": due, "days_late": late, "report_kind": None, "period": None,
                 "status": "not-flowed-down" if flowed == 0 else "unconfirmed", "subcontractor": sub_org,
                 "notice_on": None, "penalty_weeks": 0, "penalty_accrued": 0.0, "penalty_currency": None})
    return out


def status(url: str, as_of: date) -> dict[str, Any] | None:
    """``Register.status`` as a plain dict with StatusReport's fields in order, or None (use the full path)."""
    if _config_has_register_section():
        return None
    conn = connect(url)
    if conn is None:
        return None
    days = DEFAULT_DUE_SOON_DAYS
    args = {"as_of": as_of.isoformat(), "soon": (as_of + timedelta(days=days)).isoformat()}
    with closing(conn):
        q = conn.execute

        def by_active(table: str) -> tuple[int, int]:
            counts = dict(q(f"SELECT active, count(*) FROM {table} GROUP BY active").fetchall())
            return counts.get(1, 0), counts.get(0, 0)

        suppliers, suppliers_archived = by_active("suppliers")
        contracts, contracts_archived = by_active("contracts")
        subcontractors, unconfirmed, overdue_obligations = q(
            f"SELECT count(*), coalesce(sum(CASE WHEN {_UNCONFIRMED} THEN 1 ELSE 0 END), 0), "
            f"coalesce(sum(CASE WHEN {_UNCONFIRMED} AND b.obligation_due < :as_of THEN 1 ELSE 0 END), 0) "
            "FROM subcontractors AS b JOIN contracts AS c ON c.id = b.contract_id "
            "WHERE b.active = 1 AND c.active = 1", args).fetchone()
        by_status = dict(q("SELECT status, count(*) FROM reports GROUP BY status").fetchall())
        for st_, n in q("SELECT status, count(*) FROM reports WHERE active = 0 GROUP BY status"):
            by_status[st_] -= n
        soon_where = ("r.status = 'requested' AND r.due_on >= :as_of AND r.due_on < :soon "
                      "AND r.active = 1 AND c.active = 1")
        due_soon = q("SELECT count(*) FROM reports AS r JOIN contracts AS c ON c.id = r.contract_id "
                     f"WHERE {soon_where}", args).fetchone()[0] or 0
        first = [{"contract": ref, "supplier": org, "report_kind": k, "period": p, "due": d}
                 for ref, org, k, p, d in q(
                     "SELECT c.reference, s.org_id, r.kind, r.period, r.due_on FROM reports AS r "
                     "JOIN contracts AS c ON c.id = r.contract_id JOIN suppliers AS s ON s.id = c.supplier_id "
                     f"WHERE {soon_where} ORDER BY r.due_on, c.reference LIMIT 10", args)]
        weeks = ("CASE WHEN CAST(julianday(:as_of) - julianday(coalesce(r.notice_on, r.due_on)) AS INTEGER) > 0 "
                 "THEN (CAST(julianday(:as_of) - julianday(coalesce(r.notice_on, r.due_on)) AS INTEGER) + 6) / 7 "
                 "ELSE 0 END")
        overdue_reports = 0
        penalties: dict[str, float] = {}
        for cur, n, amount in q(
                "SELECT c.penalty_currency, count(*), "
                f"sum(CASE WHEN c.penalty_per_week > 0 THEN c.penalty_per_week * {weeks} END) "
                "FROM reports AS r INDEXED BY ix_reports_status_due JOIN contracts AS c ON c.id = r.contract_id "
                "WHERE r.status IN ('requested', 'rejected') AND r.due_on < :as_of AND r.active = 1 "
                "AND c.active = 1 GROUP BY c.penalty_currency", args):
            overdue_reports += n
            if amount:
                penalties[cur or "?"] = round(float(amount), 2)
        stages = dict(q(f"SELECT {_STAGE} AS stage, count(*) FROM contracts AS c "
                        "WHERE c.reporting = 'self-evaluation' AND c.active = 1 GROUP BY stage", args).fetchall())
    return {"as_of": args["as_of"], "suppliers": suppliers, "suppliers_archived": suppliers_archived,
            "contracts": contracts, "contracts_archived": contracts_archived, "subcontractors": subcontractors,
            "subcontractors_unconfirmed": unconfirmed,
            "reports_by_status": {k: by_status.get(k, 0) for k in ("requested", "received", "accepted", "rejected")},
            "due_soon_days": days, "due_soon": due_soon, "due_soon_first": first,
            "overdue_reports": overdue_reports, "overdue_obligations": overdue_obligations,
            "penalties_accrued": penalties, "stages": {k: v for k, v in stages.items() if k}}

