"""The register under load and faults: concurrent writers, SIGKILL mid-transaction, interrupted imports.

A register is a legal record: whatever happens to the processes writing it,
every change a command reported as done is there exactly once, nothing a
failed or killed command started is half there, and the audit log tells the
same story as the tables. Runs on SQLite (WAL) and, when
``FAIRTENDER_TEST_POSTGRES_URL`` is set, on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest

from register_helpers import BACKENDS, fresh_database, snapshot

#: A writer process: runs the real CLI entry point in a loop (one interpreter, many commands) and logs
#: every command it saw succeed, so the test can prove nothing reported as done was lost.
WRITER = textwrap.dedent("""
    import sys, time
    from fairtender.cli.main import main

    wid, seconds, log = sys.argv[1], float(sys.argv[2]), sys.argv[3]

    def run(*args):
        try:
            main(list(args))
        except SystemExit as e:
            return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        return 0

    deadline = time.monotonic() + seconds
    i = 0
    with open(log, "a", encoding="utf-8") as out:
        while time.monotonic() < deadline:
            i += 1
            org = f"W{wid}-{i}"
            code = run("register", "supplier", "add", "--name", f"Writer {wid} supplier {i}", "--org-id", org,
                       "--size", "small")
            out.write(f"supplier {org} {code}\\n")
            if code == 0 and i % 2 == 0:
                ref = f"C-{wid}-{i}"
                code = run("register", "contract", "add", "--reference", ref, "--title", f"Contract {i}",
                           "--supplier", org, "--value", str(1000 + i), "--currency", "EUR",
                           "--awarded", "2026-01-10", "--start", "2026-02-01", "--end", "2027-01-31",
                           "--reporting", "annual")
                out.write(f"contract {ref} {code}\\n")
            if code == 0 and i % 3 == 0:
                code = run("register", "supplier", "update", f"W{wid}-{i - 1}", "--name", f"Renamed {wid}-{i}")
                out.write(f"update W{wid}-{i - 1} {code}\\n")
            out.flush()
""")


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path):
    with fresh_database(request.param, tmp_path) as url:
        yield url


def _env(url: str, tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "FAIRTENDER_DB": url, "FAIRTENDER_STORE": str(tmp_path / "store"),
            "XDG_DATA_HOME": str(tmp_path / "xdg"), "USER": "load-test"}


def _cli(args: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fairtender", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


def _rows(url: str, sql: str) -> list[tuple]:
    from fairtender.register import db as dbm

    with dbm.get_engine(url).connect() as c:
        return [tuple(r) for r in c.exec_driver_sql(sql).all()]


def _is_null(old) -> bool:
    """A creation event has no old values (JSON null: None from PostgreSQL, the text 'null' from SQLite)."""
    return old is None or (isinstance(old, str) and json.loads(old) is None)


def assert_consistent(url: str) -> None:
    """SQLite integrity, and the audit log agreeing with the tables: every record has its creation event,
    every creation event its record, and no key exists twice."""
    if url.startswith("sqlite"):
        assert _rows(url, "PRAGMA integrity_check") == [("ok",)]
        assert _rows(url, "PRAGMA foreign_key_check") == []
    for table, entity, key in (("suppliers", "supplier", "org_key"), ("contracts", "contract", "reference"),
                               ("subcontractors", "subcontractor", "id")):
        ids = {r[0] for r in _rows(url, f"SELECT id FROM {table}")}
        created = Counter(r[0] for r in _rows(
            url, f"SELECT entity_id, old FROM audit_events WHERE entity = '{entity}' "
                 "AND action IN ('create', 'import')") if _is_null(r[1]))
        assert set(created) == ids, (table, sorted(ids ^ set(created))[:10])
        assert all(n == 1 for n in created.values()), (table, [k for k, n in created.items() if n > 1][:10])
        keys = Counter(r[0] for r in _rows(url, f"SELECT {key} FROM {table}"))
        assert all(n == 1 for n in keys.values())


# --------------------------------------------------------------------------- 8 writers, 30 s


def _parse_logs(paths: list[Path]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {"supplier": {}, "contract": {}, "update": {}}
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            kind, key, code = line.split()
            assert key not in out[kind] or kind == "update", ("logged twice", kind, key)
            out[kind][key] = int(code)
    return out


@pytest.mark.slow
def test_eight_writers_for_thirty_seconds(db, tmp_path):
    env = _env(db, tmp_path)
    assert _cli(["register", "init"], env).returncode == 0
    logs = [tmp_path / f"writer{w}.log" for w in range(8)]
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(w), "30", str(logs[w])], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for w in range(8)]
    errs = [p.communicate(timeout=180)[1] for p in procs]
    assert all(p.returncode == 0 for p in procs), errs
    assert not any("Traceback" in e for e in errs), errs
    done = _parse_logs(logs)

    # every command succeeded: with WAL + busy timeout nobody gets "database is locked"
    failed = {k: {key: c for key, c in v.items() if c != 0} for k, v in done.items()}
    assert not any(failed.values()), (failed, [e for e in errs if e][:3])
    assert len(done["supplier"]) >= 8 * 10, "the writers barely wrote: something serialises far too much"

    # nothing lost, nothing duplicated, nothing extra
    orgs = [r[0] for r in _rows(db, "SELECT org_id FROM suppliers")]
    refs = [r[0] for r in _rows(db, "SELECT reference FROM contracts")]
    assert sorted(orgs) == sorted(done["supplier"])
    assert sorted(refs) == sorted(done["contract"])
    # every update landed on the right record
    names = dict(_rows(db, "SELECT org_id, name FROM suppliers"))
    for org in done["update"]:
        wid, i = org[1:].split("-")
        assert names[org] == f"Renamed {wid}-{int(i) + 1}", (org, names[org])
    updates = _rows(db, "SELECT entity_key FROM audit_events WHERE entity = 'supplier' AND action = 'update'")
    assert sorted(r[0] for r in updates) == sorted(done["update"])
    assert_consistent(db)


# --------------------------------------------------------------------------- SIGKILL mid-transaction


def _releases(prefix: str, n: int, subcontracts: bool = True) -> str:
    lines = []
    for i in range(n):
        parties = [{"id": "S", "name": f"{prefix} supplier {i % 400}", "roles": ["supplier"],
                    "identifier": {"scheme": "XX-TEST", "id": f"{prefix}-{i % 400}"}, "details": {"scale": "sme"}}]
        award = {"id": "A", "date": "2026-01-02", "value": {"amount": 1000 + i, "currency": "EUR"},
                 "suppliers": [{"id": "S"}]}
        if subcontracts and i % 5 == 0:
            parties.append({"id": "SUB", "name": f"{prefix} sub {i % 50}", "roles": ["subcontractor"],
                            "identifier": {"scheme": "XX-TEST", "id": f"{prefix}-sub-{i % 50}"}})
            award["subcontracting"] = {"subcontracts": [{"id": "1", "subcontractor": {"id": "SUB"},
                                                         "value": {"amount": 100, "currency": "EUR"}}]}
        lines.append(json.dumps({
            "ocid": f"ocds-{prefix}-{i}", "id": str(i), "date": "2026-01-01", "tag": ["award"], "parties": parties,
            "awards": [award],
            "contracts": [{"id": "C", "awardID": "A", "period": {"startDate": "2026-02-01", "endDate": "2027-01-31"}}],
        }))
    return "\n".join(lines) + "\n"


def _normal(rows: list[tuple]) -> list[tuple]:
    """Rows comparable across backends: numbers as floats (NUMERIC vs REAL), the rest as text, sorted in Python
    (PostgreSQL's collation and SQLite's byte order differ)."""
    from decimal import Decimal

    def cell(v):
        return float(v) if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) else str(v)

    return sorted(tuple(cell(v) for v in r) for r in rows)


def _count(url: str, table: str) -> int:
    try:
        return _rows(url, f"SELECT count(*) FROM {table}")[0][0]
    except Exception:  # noqa: BLE001 - the schema may not exist yet while the importer starts
        return 0


def _kill_when(proc: subprocess.Popen, url: str, table: str, at_least: int, timeout: float = 90) -> None:
    """SIGKILL ``proc`` once ``table`` holds ``at_least`` rows (i.e. in the middle of its work)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if _count(url, table) >= at_least:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "finished before it could be interrupted: make the input bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def test_sigkilled_writers_leave_a_consistent_register(db, tmp_path):
    env = _env(db, tmp_path)
    assert _cli(["register", "init"], env).returncode == 0
    logs = [tmp_path / f"w{w}.log" for w in range(3)]
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(w), "60", str(logs[w])], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for w in range(3)]
    try:
        _kill_when(procs[0], db, "contracts", 3)
        for p in procs[1:]:
            time.sleep(0.3)
            os.kill(p.pid, signal.SIGKILL)
            p.wait(timeout=30)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    done = _parse_logs(logs)
    orgs = {r[0] for r in _rows(db, "SELECT org_id FROM suppliers")}
    # everything logged as done survived; at most the one command in flight per writer is extra
    ok = {k for k, c in done["supplier"].items() if c == 0}
    assert ok <= orgs
    assert len(orgs - ok) <= len(procs)
    assert_consistent(db)
    # the register is usable right after: no stale lock, the next writer just works
    r = _cli(["register", "supplier", "add", "--name", "After the crash", "--org-id", "AFTER-1"], env)
    assert r.returncode == 0, r.stderr
    assert_consistent(db)


# --------------------------------------------------------------------------- interrupted OCDS import


def test_interrupted_ocds_import_resumes_to_the_same_register(db, tmp_path):
    env = _env(db, tmp_path)
    data = tmp_path / "releases.jsonl"
    data.write_text(_releases("kill", 2000), encoding="utf-8")

    proc = subprocess.Popen([sys.executable, "-m", "fairtender", "register", "import", "ocds", str(data),
                             "--format", "json"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _kill_when(proc, db, "contracts", 1)
    partial = _count(db, "contracts")
    assert 0 < partial < 2000
    assert_consistent(db)  # committed batches are whole, the batch in flight is rolled back

    resumed = _cli(["register", "import", "ocds", str(data), "--format", "json"], env, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "Traceback" not in resumed.stderr
    assert_consistent(db)

    # the same data imported in one go into a fresh register gives the same records
    ref_url = f"sqlite:///{tmp_path / 'reference.db'}"
    ref = _cli(["register", "--db", ref_url, "import", "ocds", str(data), "--format", "json"], env, timeout=300)
    assert ref.returncode == 0, ref.stderr
    q_sup = "SELECT org_key, name, size FROM suppliers ORDER BY org_key"
    q_con = "SELECT reference, value, currency, start_on, end_on FROM contracts ORDER BY reference"
    q_sub = ("SELECT c.reference, s.org_key FROM subcontractors x JOIN contracts c ON c.id = x.contract_id "
             "JOIN suppliers s ON s.id = x.supplier_id ORDER BY 1, 2")
    for q in (q_sup, q_con, q_sub):
        assert _normal(_rows(db, q)) == _normal(_rows(ref_url, q)), q
    assert _count(db, "contracts") == 2000

    # and importing again changes nothing at all
    before = snapshot(db)
    again = _cli(["register", "import", "ocds", str(data), "--format", "json"], env, timeout=300)
    assert again.returncode == 0, again.stderr
    assert snapshot(db) == before
