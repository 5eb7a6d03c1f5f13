"""Several ``fairtender register`` processes writing at once all succeed (SQLite WAL + busy timeout +
BEGIN IMMEDIATE; PostgreSQL row locks), including the very first use that creates the schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from register_helpers import BACKENDS, fresh_database, snapshot


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path):
    with fresh_database(request.param, tmp_path) as url:
        yield url


def _env(url: str, tmp_path) -> dict[str, str]:
    return {**os.environ, "FAIRTENDER_DB": url, "FAIRTENDER_STORE": str(tmp_path / "store"),
            "XDG_DATA_HOME": str(tmp_path / "xdg")}


def _spawn(args: list[str], env) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "fairtender", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _releases(prefix: str, n: int) -> str:
    lines = []
    for i in range(n):
        sup = {"id": "S", "name": f"{prefix} supplier {i % 300}", "roles": ["supplier"],
               "identifier": {"scheme": "XX-TEST", "id": f"{prefix}-{i % 300}"}}
        lines.append(json.dumps({
            "ocid": f"ocds-{prefix}-{i}", "id": str(i), "date": "2026-01-01", "parties": [sup],
            "awards": [{"id": "A", "date": "2026-01-02", "value": {"amount": 1000 + i, "currency": "EUR"},
                        "suppliers": [{"id": "S"}]}],
            "contracts": [{"id": "C", "awardID": "A", "period": {"startDate": "2026-02-01",
                                                                "endDate": "2027-01-31"}}]}))
    return "\n".join(lines) + "\n"


def test_concurrent_writers_all_succeed(db, tmp_path):
    env = _env(db, tmp_path)
    # first use by several processes at once: one creates the schema, the others wait and reuse it
    procs = [_spawn(["register", "supplier", "add", "--name", f"Supplier {i}", "--org-id", f"ORG-{i}"], env)
             for i in range(3)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _ in results), results

    # two imports overlapping in time, each committing 16 batches, and one more writer among them
    files = []
    for prefix in ("alpha", "beta"):
        f = tmp_path / f"{prefix}.jsonl"
        f.write_text(_releases(prefix, 800), encoding="utf-8")
        files.append(f)
    procs = [_spawn(["register", "import", "ocds", str(f), "--batch-size", "50", "--format", "json"], env)
             for f in files]
    procs.append(_spawn(["register", "supplier", "add", "--name", "Late", "--org-id", "ORG-late"], env))
    outs = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _, _ in outs), [(c, e) for c, _, e in outs]
    for _code, out, _ in outs[:2]:
        assert json.loads(out)["created"] == {"suppliers": 300, "contracts": 800, "subcontractors": 0}

    tables = snapshot(db)
    assert len(tables["suppliers"]) == 3 + 600 + 1
    assert len(tables["contracts"]) == 1600
    assert len(tables["audit_events"]) == 3 + 600 + 1600 + 1  # every change audited exactly once
