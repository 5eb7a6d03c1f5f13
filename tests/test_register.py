"""The supplier register through its command line: every command, the audit log, archiving,
unique keys, schedules and penalties, the file store, and bad input leaving the database unchanged.

Every test runs on SQLite and, when FAIRTENDER_TEST_POSTGRES_URL is set, on PostgreSQL.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from fairtender.register import db as dbm
from register_helpers import BACKENDS, fresh_database, run, snapshot


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    with fresh_database(request.param, tmp_path) as url:
        monkeypatch.setenv("FAIRTENDER_DB", url)
        if request.param == "postgres":
            monkeypatch.setenv("FAIRTENDER_STORE", str(tmp_path / "store"))
        yield url


def ok(*args: str):
    r = run(*args)
    assert r.code == 0, (args, r.out, r.err)
    return r


def refused(url: str, *args: str, message: str):
    """The command fails with one line `fairtender: ...message...`, exit 2, and changes nothing."""
    before = snapshot(url)
    r = run(*args)
    assert r.code == 2, (args, r.out, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fairtender: "), r.err
    assert message in lines[0], lines[0]
    assert "Traceback" not in r.err
    assert snapshot(url) == before
    return lines[0]


def seed(with_contract: bool = True) -> None:
    ok("register", "init")
    ok("register", "supplier", "add", "--name", "Schoon NV", "--org-id", "BE0123.456.789", "--country", "BE",
       "--size", "small")
    if with_contract:
        ok("register", "contract", "add", "--reference", "C-1", "--title", "Office cleaning",
           "--supplier", "BE 0123 456 789", "--value", "1200000", "--currency", "SEK", "--awarded", "2026-01-15",
           "--start", "2026-02-01", "--end", "2028-12-31", "--template", "stockholm", "--reporting", "annual")


def as_json(*args: str):
    return json.loads(ok(*args, "--format", "json").out)


# --------------------------------------------------------------------------- database


def test_init_default_location_is_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("FAIRTENDER_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "platform", "linux")
    r = ok("register", "init")
    path = tmp_path / "xdg" / "fairtender" / "register.db"
    assert path.is_file() and str(path) in r.out
    assert "ready" in ok("register", "init").out  # idempotent
    with sqlite3.connect(path) as c:
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert c.execute("SELECT version_num FROM alembic_version").fetchone()[0] == dbm.head_revision()


def test_db_option_on_root_and_on_subcommand_beats_the_environment(tmp_path, monkeypatch):
    env_db, root_db, sub_db = (tmp_path / n for n in ("env.db", "root.db", "sub.db"))
    monkeypatch.setenv("FAIRTENDER_DB", str(env_db))
    ok("--db", str(root_db), "register", "supplier", "add", "--name", "A", "--org-id", "A1")
    ok("--db", str(root_db), "register", "supplier", "add", "--name", "B", "--org-id", "B1", "--db", str(sub_db))
    ok("register", "supplier", "add", "--name", "C", "--org-id", "C1")
    names = {}
    for p in (env_db, root_db, sub_db):
        with sqlite3.connect(p) as c:
            names[p.name] = [r[0] for r in c.execute("SELECT name FROM suppliers")]
    assert names == {"env.db": ["C"], "root.db": ["A"], "sub.db": ["B"]}


def test_first_use_creates_the_schema_and_upgrade_reports_current(db):
    ok("register", "supplier", "list")  # first use: migrated automatically
    assert "already current" in ok("register", "upgrade").out


def test_database_from_a_newer_version_is_refused(db):
    seed()
    from sqlalchemy import text

    with dbm.get_engine(db).begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    dbm._checked.discard(db)
    for args in (("register", "supplier", "add", "--name", "X", "--org-id", "X1"),
                 ("register", "upgrade"), ("register", "overdue")):
        line = refused(db, *args, message="newer than this fairtender")
        assert "9999" in line


def test_older_database_must_be_upgraded_and_upgrade_keeps_the_data(db):
    first = dbm.known_revisions()[0]
    assert dbm.upgrade(db, first) == (None, first)
    from fairtender.register.schemas import SupplierIn
    from fairtender.register.service import Register

    if len(dbm.known_revisions()) > 1:
        refused(db, "register", "supplier", "list", message="run `fairtender register upgrade`")
        # the service refuses too, before writing
        with pytest.raises(Exception, match="register upgrade"):
            Register(db).add_supplier(SupplierIn(name="A", org_id="A1"))
    r = ok("register", "upgrade")
    assert f"schema {first} -> {dbm.head_revision()}" in r.out or "already current" in r.out
    ok("register", "supplier", "add", "--name", "After", "--org-id", "AF1")
    assert [s["org_id"] for s in as_json("register", "supplier", "list")] == ["AF1"]
    assert snapshot(db)["alembic_version"] == [(dbm.head_revision(),)]


def test_help_does_not_import_sqlalchemy():
    import subprocess

    code = ("import sys; from fairtender.cli.main import main\n"
            "try:\n    main(['register', 'supplier', 'add', '--help'])\nexcept SystemExit:\n    pass\n"
            "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy imported'")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "--org-id" in r.stdout


# --------------------------------------------------------------------------- suppliers


def test_supplier_lifecycle_with_audit_log_and_archive(db):
    seed(with_contract=False)
    ok("register", "supplier", "add", "--name", "Kafé Lika", "--org-id", "SE556677-8899", "--declare",
       "social_economy=yes", "--actor", "alice")
    rows = as_json("register", "supplier", "list")
    assert [r["org_id"] for r in rows] == ["SE556677-8899", "BE0123.456.789"]  # sorted by name
    assert rows[0]["characteristics"] == {"social_economy": "yes"}
    shown = as_json("register", "supplier", "show", "se 5566778899")  # normalised look-up
    assert shown["name"] == "Kafé Lika" and shown["org_id"] == "SE556677-8899"

    ok("register", "supplier", "update", "SE556677-8899", "--size", "micro", "--actor", "bob")
    ok("register", "supplier", "archive", "SE556677-8899", "--reason", "merged")
    assert [r["org_id"] for r in as_json("register", "supplier", "list")] == ["BE0123.456.789"]
    archived = [r for r in as_json("register", "supplier", "list", "--all") if not r["active"]]
    assert [r["org_id"] for r in archived] == ["SE556677-8899"]  # archived, not deleted

    events = as_json("register", "log", "supplier", "SE556677-8899")
    assert [(e["action"], e["actor"]) for e in events] == [("create", "alice"), ("update", "bob"),
                                                           ("archive", events[2]["actor"])]
    assert events[1]["old"] == {"size": None} and events[1]["new"] == {"size": "micro"}
    assert events[2]["new"] == {"active": False, "reason": "merged"}
    table = ok("register", "log", "supplier", "SE556677-8899").out
    assert "size: None -> 'micro'" in table

    refused(db, "register", "supplier", "archive", "SE556677-8899", message="already archived")
    ok("register", "supplier", "update", "SE556677-8899", "--restore")
    assert len(as_json("register", "supplier", "list")) == 2


def test_supplier_unique_key_is_normalised_and_the_error_says_what_to_do(db):
    seed(with_contract=False)
    line = refused(db, "register", "supplier", "add", "--name", "Other", "--org-id", "BE0123.456.789",
                   message="supplier BE0123.456.789 already exists: use `register supplier update`")
    assert line == "fairtender: supplier BE0123.456.789 already exists: use `register supplier update`"
    refused(db, "register", "supplier", "add", "--name", "Other", "--org-id", "be 0123 456 789",
            message="already exists")


def test_supplier_list_csv(db):
    seed(with_contract=False)
    rows = list(csv.DictReader(ok("register", "supplier", "list", "--format", "csv").out.splitlines()))
    assert rows[0]["org_id"] == "BE0123.456.789" and rows[0]["size"] == "small"


# --------------------------------------------------------------------------- contracts and schedules


def test_contract_add_schedules_stockholm_reports(db):
    seed()
    c = as_json("register", "contract", "show", "C-1")
    assert c["supplier"] == "BE0123.456.789" and c["templates"] == ["stockholm"]
    assert (c["penalty_per_week"], c["penalty_currency"]) == (25000, "SEK")  # Stockholm default
    # first report 8 months after the start, then every 12 months while the contract runs
    assert [(r["period"], r["due"], r["status"]) for r in c["reports"]] == [
        (2026, "2026-10-01", "requested"), (2027, "2027-10-01", "requested"), (2028, "2028-10-01", "requested")]
    listed = as_json("register", "contract", "list")
    assert [x["reference"] for x in listed] == ["C-1"]


def test_contract_update_moves_open_reports_and_archives_unneeded_ones(db):
    seed()
    ok("register", "contract", "update", "C-1", "--end", "2027-06-30", "--first-report-months", "6")
    reports = as_json("register", "contract", "show", "C-1")["reports"]
    live = [(r["period"], r["due"]) for r in reports if r["active"]]
    assert live == [(2026, "2026-08-01")]
    assert sum(1 for r in reports if not r["active"]) == 2  # archived, still there
    events = as_json("register", "log", "contract", "C-1")
    assert events[-1]["new"]["end_on"] == "2027-06-30"


def test_contract_archive_stops_it_being_overdue(db):
    seed()
    assert run("register", "overdue", "--as-of", "2027-01-01").code == 1
    ok("register", "contract", "archive", "C-1", "--reason", "terminated")
    r = run("register", "overdue", "--as-of", "2027-01-01")
    assert r.code == 0 and "nothing overdue" in r.out
    assert as_json("register", "contract", "list") == []
    assert as_json("register", "contract", "list", "--all")[0]["active"] is False
    refused(db, "register", "report", "request", "--contract", "C-1", "--period", "2027", "--due", "2027-03-01",
            message="archived")


@pytest.mark.parametrize("args, message", [
    (("--supplier", "BE9999999999"), "unknown supplier BE9999999999"),
    (("--start", "2027-01-01", "--end", "2026-01-01"), "end date 2026-01-01 is before start date 2027-01-01"),
    (("--value", "-5"), "value: Input should be greater than or equal to 0"),
    (("--currency", "EUE"), "unknown currency code 'EUE'"),
    (("--penalty-per-week", "-1"), "penalty-per-week"),
])
def test_contract_bad_input_changes_nothing(db, args, message):
    seed(with_contract=False)
    base = {"--reference": "C-9", "--title": "T", "--supplier": "BE0123456789", "--value": "10",
            "--currency": "EUR", "--start": "2026-01-01", "--end": "2027-01-01"}
    for k, v in zip(args[::2], args[1::2], strict=True):
        base[k] = v
    flat = [x for kv in base.items() for x in kv]
    refused(db, "register", "contract", "add", *flat, message=message)


def test_contract_reference_is_unique(db):
    seed()
    refused(db, "register", "contract", "add", "--reference", "C-1", "--title", "again", "--supplier",
            "BE0123456789", message="contract C-1 already exists: use `register contract update`")
    refused(db, "register", "contract", "update", "C-404", "--title", "x", message="unknown contract C-404")
    refused(db, "register", "contract", "update", "C-1", "--start", "2029-01-01", message="before start date")


# --------------------------------------------------------------------------- subcontractors


def test_subcontractor_add_confirm_and_overdue_obligation(db, tmp_path):
    seed()
    ok("register", "subcontractor", "add", "--contract", "C-1", "--org-id", "SE556677-8899", "--name", "Glas AB",
       "--share", "15%", "--not-flowed-down", "--due", "2026-03-01")
    subs = as_json("register", "subcontractor", "list")
    assert subs[0]["share"] == 0.15 and subs[0]["flowed_down"] is False and subs[0]["confirmed"] is False
    items = json.loads(run("register", "overdue", "--as-of", "2026-03-11", "--format", "json").out)
    obligations = [i for i in items if i["kind"] == "subcontractor-obligation"]
    assert obligations == [dict(obligations[0], contract="C-1", supplier="BE0123.456.789", due="2026-03-01",
                                days_late=10, subcontractor="SE556677-8899")]
    assert as_json("register", "status", "--as-of", "2026-03-11")["subcontractors_unconfirmed"] == 1

    evidence = tmp_path / "flow-down letter.txt"
    evidence.write_text("We impose the anti-discrimination clause on our subcontractor.", encoding="utf-8")
    ok("register", "subcontractor", "confirm", "--contract", "C-1", "--org-id", "SE5566778899", "--evidence",
       str(evidence), "--date", "2026-03-12")
    sub = as_json("register", "subcontractor", "list")[0]
    assert sub["confirmed"] and sub["confirmed_on"] == "2026-03-12" and sub["evidence_name"] == "flow-down letter.txt"
    assert as_json("register", "subcontractor", "list", "--unconfirmed") == []
    items = json.loads(run("register", "overdue", "--as-of", "2026-03-13", "--format", "json").out)
    assert not [i for i in items if i["kind"] == "subcontractor-obligation"]
    assert [e["action"] for e in as_json("register", "log", "subcontractor", "C-1/SE556677-8899")] == [
        "create", "confirm"]


def test_subcontractor_errors(db):
    seed()
    refused(db, "register", "subcontractor", "add", "--contract", "C-1", "--org-id", "NEW1",
            message="give --name")
    refused(db, "register", "subcontractor", "add", "--contract", "C-404", "--org-id", "X", "--name", "X",
            message="unknown contract C-404")
    refused(db, "register", "subcontractor", "add", "--contract", "C-1", "--org-id", "X", "--name", "X",
            "--share", "150%", message="between 0 and 1")
    refused(db, "register", "subcontractor", "add", "--contract", "C-1", "--org-id", "X", "--name", "X",
            "--value", "-3", message="greater than or equal to 0")
    ok("register", "subcontractor", "add", "--contract", "C-1", "--org-id", "X", "--name", "X")
    refused(db, "register", "subcontractor", "add", "--contract", "C-1", "--org-id", "x", message="already on contract")
    refused(db, "register", "subcontractor", "confirm", "--contract", "C-1", "--org-id", "X", "--evidence",
            "/nonexistent/evidence.pdf", message="cannot read file")


# --------------------------------------------------------------------------- reports, overdue, penalties


def test_request_overdue_notice_and_penalties(db):
    seed()
    ok("register", "report", "request", "--contract", "C-1", "--period", "2026", "--due", "2026-05-01",
       "--requested", "2026-04-24")
    r = run("register", "overdue", "--as-of", "2026-05-16", "--format", "json")
    assert r.code == 1  # something is overdue: for schedulers
    items = json.loads(r.out)
    assert [(i["kind"], i["contract"], i["supplier"], i["due"], i["days_late"]) for i in items] == [
        ("report", "C-1", "BE0123.456.789", "2026-05-01", 15)]
    assert (items[0]["penalty_weeks"], items[0]["penalty_accrued"]) == (3, 75000)  # started weeks
    ok("register", "report", "notice", "--contract", "C-1", "--period", "2026", "--date", "2026-05-10")
    item = json.loads(run("register", "overdue", "--as-of", "2026-05-16", "--format", "json").out)[0]
    assert (item["notice_on"], item["penalty_weeks"], item["penalty_accrued"]) == ("2026-05-10", 1, 25000)
    status = as_json("register", "status", "--as-of", "2026-05-16")
    assert status["overdue_reports"] == 1 and status["penalties_accrued"] == {"SEK": 25000}
    assert status["reports_by_status"]["requested"] == 3

    csv_rows = list(csv.DictReader(run("register", "overdue", "--as-of", "2026-05-16", "--format", "csv")
                                   .out.splitlines()))
    assert csv_rows[0]["days_late"] == "15"
    assert "C-1" in run("register", "overdue", "--as-of", "2026-05-16").out
    assert run("register", "overdue", "--as-of", "2026-04-01").code == 0
    refused(db, "register", "report", "notice", "--contract", "C-1", "--period", "2026", "--date", "2026-04-01",
            message="before the due date")


def test_on_request_reports_default_to_seven_days(db):
    seed(with_contract=False)
    ok("register", "contract", "add", "--reference", "R-1", "--title", "IT", "--supplier", "BE0123456789",
       "--value", "90000", "--currency", "EUR", "--start", "2026-01-01", "--end", "2026-12-31",
       "--reporting", "on-request")
    assert as_json("register", "report", "list") == []
    ok("register", "report", "request", "--contract", "R-1", "--period", "2026", "--requested", "2026-06-01")
    rep = as_json("register", "report", "show", "--contract", "R-1", "--period", "2026")
    assert rep["due"] == "2026-06-08" and rep["origin"] == "request"
    status = as_json("register", "status", "--as-of", "2026-06-01")
    assert status["due_soon"] == 1 and status["due_soon_first"][0]["contract"] == "R-1"


def test_report_request_errors(db):
    seed()
    refused(db, "register", "report", "request", "--contract", "NOPE", "--period", "2026", "--due", "2026-05-01",
            message="unknown contract NOPE")
    refused(db, "register", "report", "request", "--contract", "C-1", "--period", "2026", "--due", "2026-05-01",
            "--requested", "2026-06-01", message="before the request date")
    r = run("register", "report", "request", "--contract", "C-1", "--period", "2026", "--due", "01/05/2026")
    assert r.code == 2 and "Traceback" not in r.err


def test_record_stores_file_by_hash_and_detects_re_recording(db, tmp_path):
    seed()
    report = tmp_path / "../" / tmp_path.name / "equality report 2026.txt"
    report.write_text("Equality report 2026. Our equality policy applies to all staff.", encoding="utf-8")
    out = json.loads(ok("register", "report", "record", "--contract", "C-1", "--period", "2026", "--file",
                        str(report), "--received", "2026-09-20", "--format", "json").out)
    rep = out["report"]
    assert rep["status"] == "received" and rep["file_name"] == "equality report 2026.txt"
    import hashlib

    digest = hashlib.sha256(report.read_bytes()).hexdigest()
    assert rep["file_sha256"] == digest
    store = Path(dbm.store_dir(db))
    assert (store / digest[:2] / digest).read_bytes() == report.read_bytes()
    assert not list(store.rglob("*equality*"))  # the user's file name never becomes a path

    before = snapshot(db)
    r = ok("register", "report", "record", "--contract", "C-1", "--period", "2026", "--file", str(report))
    assert "already recorded" in r.out and snapshot(db) == before
    refused(db, "register", "report", "record", "--contract", "C-1", "--period", "2027", "--file", str(report),
            message="already recorded as the report of contract C-1 for 2026")
    other = tmp_path / "other.txt"
    other.write_text("Another report.", encoding="utf-8")
    refused(db, "register", "report", "record", "--contract", "C-1", "--period", "1850", "--file", str(other),
            message="not a year")
    refused(db, "register", "report", "record", "--contract", "C-1", "--period", "2026", "--kind", "action-plan",
            "--file", str(other), "--received", "2026-01-01", message="belong to self-evaluation contracts")
    assert len([p for p in store.rglob("*") if p.is_file()]) == 1  # nothing left behind by refused records
    ok("register", "report", "record", "--contract", "C-1", "--period", "2027", "--file", str(report),
       "--allow-duplicate")
    assert run("register", "overdue", "--as-of", "2026-12-01").code == 0  # 2026 received, 2027 not due yet


def test_record_refuses_unreadable_files(db, tmp_path):
    seed()
    refused(db, "register", "report", "record", "--contract", "C-1", "--period", "2026", "--file",
            str(tmp_path / "missing.pdf"), message="cannot read report file")
    broken = tmp_path / "report.docx"
    broken.write_bytes(b"this is not a zip file")
    refused(db, "register", "report", "record", "--contract", "C-1", "--period", "2026", "--file", str(broken),
            message="cannot read report file")
    refused(db, "register", "report", "record", "--contract", "C-404", "--period", "2026", "--file", str(broken),
            message="unknown contract C-404")


def test_assess_accept_reject_with_notes(db, tmp_path):
    seed()
    f = tmp_path / "r.md"
    f.write_text("# Equality report\n\nWe have an equality policy.\n", encoding="utf-8")
    refused(db, "register", "report", "assess", "--contract", "C-1", "--period", "2026", "--accept",
            message="not been received")
    ok("register", "report", "record", "--contract", "C-1", "--period", "2026", "--file", str(f))
    ok("register", "report", "assess", "--contract", "C-1", "--period", "2026", "--reject", "--notes",
       "no figures on recruitment", "--actor", "reviewer1")
    rep = as_json("register", "report", "show", "--contract", "C-1", "--period", "2026")
    assert (rep["status"], rep["reviewer_notes"], rep["reviewed_by"]) == ("rejected", "no figures on recruitment",
                                                                         "reviewer1")
    # a rejected report is still owed: it stays overdue
    items = json.loads(run("register", "overdue", "--as-of", "2026-12-01", "--format", "json").out)
    assert [(i["period"], i["status"]) for i in items] == [(2026, "rejected")]
    ok("register", "report", "assess", "--contract", "C-1", "--period", "2026", "--accept")
    assert as_json("register", "report", "list", "--status", "accepted")[0]["period"] == 2026
    actions = [e["action"] for e in as_json("register", "log", "report", "C-1/2026")]
    assert actions == ["create", "record", "assess", "assess"]
    assert run("register", "report", "assess", "--contract", "C-1", "--period", "2026").code == 2


# --------------------------------------------------------------------------- Ghent self-evaluation stages


def test_self_evaluation_stages(db, tmp_path):
    seed(with_contract=False)
    ok("register", "contract", "add", "--reference", "G-1", "--title", "Catering", "--supplier", "BE0123456789",
       "--value", "2500000", "--currency", "EUR", "--start", "2026-01-01", "--end", "2029-12-31",
       "--template", "ghent", "--reporting", "self-evaluation", "--first-report-months", "12")
    c = as_json("register", "contract", "show", "G-1")
    assert c["stage"] == "self-evaluation-due" and c["penalty_per_week"] is None
    assert [(r["kind"], r["period"]) for r in c["reports"]][:2] == [("self-evaluation", 2027), ("self-evaluation", 2028)]
    f = tmp_path / "self-evaluation.txt"
    f.write_text("Self-evaluation 2027: policy in place, no training yet.", encoding="utf-8")
    ok("register", "report", "record", "--contract", "G-1", "--period", "2027", "--file", str(f),
       "--received", "2027-01-10")
    ok("register", "report", "assess", "--contract", "G-1", "--period", "2027", "--gaps")
    c = as_json("register", "contract", "show", "G-1")
    assert c["stage"] == "action-plan-due" and c["action_plan_due"] == "2027-04-10"  # 90 days later
    plan = [r for r in c["reports"] if r["kind"] == "action-plan"][0]
    assert plan["due"] == "2027-04-10" and plan["status"] == "requested"
    items = json.loads(run("register", "overdue", "--as-of", "2027-05-01", "--format", "json").out)
    assert [(i["report_kind"], i["days_late"]) for i in items] == [("action-plan", 21)]

    ok("register", "milestone", "add", "--contract", "G-1", "--title", "Train all team leads", "--due", "2027-12-31")
    plan_file = tmp_path / "action plan.txt"
    plan_file.write_text("Action plan: training, recruitment review.", encoding="utf-8")
    ok("register", "report", "record", "--contract", "G-1", "--period", "2027", "--kind", "action-plan",
       "--file", str(plan_file), "--received", "2027-04-01")
    c = as_json("register", "contract", "show", "G-1")
    assert c["stage"] == "trial-period" and c["trial_ends"] == "2029-04-01"  # two years
    assert as_json("register", "status", "--as-of", "2027-05-01")["stages"] == {"trial-period": 1}
    assert as_json("register", "status", "--as-of", "2029-05-01")["stages"] == {"sanctions-possible": 1}
    milestone_id = as_json("register", "milestone", "list", "--contract", "G-1")[0]["id"]
    ok("register", "milestone", "done", str(milestone_id), "--date", "2027-11-30")
    assert as_json("register", "status", "--as-of", "2029-05-01")["stages"] == {"completed": 1}
    refused(db, "register", "milestone", "add", "--contract", "C-404", "--title", "x", "--due", "2027-01-01",
            message="unknown contract")


# --------------------------------------------------------------------------- audit log, export, backup


def test_audit_log_is_append_only(db):
    seed()
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    engine = dbm.get_engine(db)
    for stmt in ("UPDATE audit_events SET actor = 'mallory'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as c:
            c.execute(text(stmt))
    events = as_json("register", "log")
    assert {e["entity"] for e in events} >= {"supplier", "contract", "report"}
    assert len(as_json("register", "log", "--limit", "2")) == 2
    assert run("register", "log", "report", "C-1/abc").code == 2


def test_export_json_and_csv_and_backup(db, tmp_path):
    seed()
    ok("register", "export", "--format", "json", "--output", str(tmp_path / "json"))
    ok("register", "export", "--format", "csv", "--output", str(tmp_path / "csv"))
    suppliers = json.loads((tmp_path / "json" / "suppliers.json").read_text(encoding="utf-8"))
    assert [s["org_id"] for s in suppliers] == ["BE0123.456.789"]
    reports = list(csv.DictReader((tmp_path / "csv" / "reports.csv").open(encoding="utf-8")))
    assert [r["period"] for r in reports] == ["2026", "2027", "2028"]
    assert (tmp_path / "json" / "audit_events.json").is_file()
    if db.startswith("sqlite"):
        ok("register", "backup", str(tmp_path / "copy.db"))
        with sqlite3.connect(tmp_path / "copy.db") as c:
            assert c.execute("SELECT count(*) FROM reports").fetchone()[0] == 3
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        refused(db, "register", "backup", str(tmp_path / "copy.db"), message="exists")
    else:
        refused(db, "register", "backup", str(tmp_path / "copy.db"), message="pg_dump")


def test_store_refuses_anything_but_a_hash(tmp_path):
    from fairtender.errors import RegisterError
    from fairtender.register.store import FileStore

    store = FileStore(tmp_path / "store")
    for bad in ("../../etc/passwd", "/etc/passwd", "a" * 63, "A" * 64, "..", "aa/../../x" + "0" * 54):
        with pytest.raises(RegisterError):
            store.path_for(bad)
    src = tmp_path / "..evil name..txt"
    src.write_bytes(b"data")
    digest, size, created = store.put(src)
    assert size == 4 and created and store.path_for(digest).read_bytes() == b"data"
    assert store.put(src) == (digest, 4, False)
    assert [p.name for p in (tmp_path / "store").rglob("*") if p.is_file()] == [digest]


def test_status_table_and_empty_register(db):
    ok("register", "init")
    r = ok("register", "status", "--as-of", "2026-01-01")
    assert "0 active" in r.out
    assert "nothing overdue" in ok("register", "overdue").out
    seed()
    text_ = ok("register", "status", "--as-of", "2027-01-01").out
    assert "overdue          1 reports" in text_ and "SEK 350,000" in text_  # 92 days late: 14 started weeks


# --------------------------------------------------------------------------- content assessment

FULL_REPORT = """# Equality report 2026 - Schoon NV

1. Equality policy. Our company has an equality and anti-discrimination policy, adopted by the board, that
prohibits discrimination on grounds of origin, sex, age, disability and sexual orientation.

2. Measures taken. In 2026 we anonymised CVs and reviewed our job advertisements.

3. Workforce and recruitment. Our workforce is 120 staff; we recruit through diverse channels and monitor
recruitment outcomes.

4. Complaints. Employees can report discrimination to a confidential counsellor; two complaints were handled
and redress was offered.

5. Training. All managers followed anti-discrimination training.

6. Subcontractors. We require our subcontractors to comply with the same non-discrimination obligations and
monitor them yearly.

7. Action plan. Our action plan for 2027 sets targets and milestones.
"""

PARTIAL_REPORT = """Gelijkekansenrapport 2026

Ons bedrijf heeft een beleid tegen discriminatie en voor gelijke kansen, goedgekeurd door de directie.
Alle leidinggevenden volgden een opleiding over discriminatie op de werkvloer.
"""


def _assessment_available() -> bool:
    try:
        from fairtender.catalog.templates import get_template
        from fairtender.engine.clauses import assess_text  # noqa: F401

        get_template("equality-report", None)
    except Exception:
        return False
    return True


needs_assessment = pytest.mark.skipif(not _assessment_available(),
                                      reason="clause engine or clauses/equality-report.yaml not available")


@needs_assessment
def test_record_assesses_report_content(db, tmp_path):
    seed()
    full = tmp_path / "report-2026.md"
    full.write_text(FULL_REPORT, encoding="utf-8")
    rep = json.loads(ok("register", "report", "record", "--contract", "C-1", "--period", "2026", "--file", str(full),
                        "--format", "json").out)["report"]
    assert rep["assessed_template"] == "equality-report"
    assert rep["completeness"] == 1.0 and rep["elements_missing"] == []
    assert len(rep["elements_present"]) == 7

    partial = tmp_path / "rapport-2027.txt"
    partial.write_text(PARTIAL_REPORT, encoding="utf-8")
    out = ok("register", "report", "record", "--contract", "C-1", "--period", "2027", "--file", str(partial)).out
    rep = as_json("register", "report", "show", "--contract", "C-1", "--period", "2027")
    assert 0 < rep["completeness"] < 1
    assert "clause.equality-report.action-plan" in rep["elements_missing"]
    assert "clause.equality-report.policy" in rep["elements_present"]
    assert "missing:" in out
    ok("register", "report", "assess", "--contract", "C-1", "--period", "2027", "--reassess")
    assert as_json("register", "report", "show", "--contract", "C-1", "--period", "2027")["completeness"] == \
        rep["completeness"]


@needs_assessment
def test_self_evaluation_with_gaps_makes_an_action_plan_due(db, tmp_path):
    seed(with_contract=False)
    ok("register", "contract", "add", "--reference", "G-2", "--title", "Catering", "--supplier", "BE0123456789",
       "--start", "2026-01-01", "--end", "2029-12-31", "--template", "ghent", "--reporting", "self-evaluation")
    partial = tmp_path / "zelfevaluatie.txt"
    partial.write_text(PARTIAL_REPORT, encoding="utf-8")
    ok("register", "report", "record", "--contract", "G-2", "--period", "2026", "--file", str(partial),
       "--received", "2026-09-01")
    c = as_json("register", "contract", "show", "G-2")
    assert c["stage"] == "action-plan-due" and c["action_plan_due"] == "2026-11-30"


# --------------------------------------------------------------------------- configuration and library API


def test_register_defaults_come_from_fairtender_toml(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fairtender.toml").write_text(
        "[register]\nfirst_report_months = 6\nreport_due_days = 30\n\n"
        "[register.penalties.ghent]\namount = 1000\ncurrency = \"EUR\"\n", encoding="utf-8")
    seed(with_contract=False)
    ok("register", "contract", "add", "--reference", "T-1", "--title", "Works", "--supplier", "BE0123456789",
       "--start", "2026-01-01", "--end", "2027-12-31", "--template", "ghent")
    c = as_json("register", "contract", "show", "T-1")
    assert (c["first_report_months"], c["penalty_per_week"], c["penalty_currency"]) == (6, 1000, "EUR")
    assert [r["due"] for r in c["reports"]] == ["2026-07-31", "2027-07-31"]  # 6 months + 30 days, yearly
    (tmp_path / "fairtender.toml").write_text("[register]\ntrial_months = -1\n", encoding="utf-8")
    refused(db, "register", "contract", "add", "--reference", "T-2", "--title", "x", "--supplier", "BE0123456789",
            message="register.trial_months")


def test_library_api_takes_and_returns_pydantic_models(db):
    from datetime import date

    from fairtender.register.schemas import ContractIn, OverdueItem, StatusReport, SupplierIn, SupplierOut
    from fairtender.register.service import Register

    reg = Register(db, actor="script", today=date(2027, 1, 1))
    out = reg.add_supplier(SupplierIn(name="Acme", org_id="NL123456789B01", size="medium"))
    assert isinstance(out, SupplierOut) and out.org_id == "NL123456789B01"
    reg.add_contract(ContractIn(reference="L-1", title="T", supplier="nl 123456789 b01", start=date(2026, 1, 1),
                                end=date(2027, 12, 31)))
    items = reg.overdue()
    assert [type(i) for i in items] == [OverdueItem] and items[0].days_late == 122  # due 2026-09-01
    assert [dict(r) for r in reg.overdue_rows()] == [i.model_dump() for i in items]
    assert isinstance(reg.status(), StatusReport)
    assert reg.log("contract", "L-1")[0].actor == "script"
