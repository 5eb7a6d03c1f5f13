"""The scheduler's read path (``register.fastread``) gives exactly what the library gives.

``register overdue`` and ``register status`` read a current SQLite register through
sqlite3 directly; these tests compare every row and figure with
:class:`~fairtender.register.service.Register` on a generated register with
archived records, penalties, notices, obligations and every self-evaluation stage,
and check that anything unusual falls back to the library path.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

from fairtender.register import db as dbm
from fairtender.register import fastread
from register_helpers import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    from bench_register import generate

    path = tmp_path_factory.mktemp("fast") / "register.db"
    url = f"sqlite:///{path}"
    generate(url, 400, 4000, seed=3)
    with sqlite3.connect(path) as c:  # notices move the penalty start; some are later than the due date
        c.execute("UPDATE reports SET notice_on = date(due_on, '+10 days') WHERE id % 7 = 0")
        c.execute("UPDATE reports SET active = 0 WHERE id % 97 = 0")
        c.execute("UPDATE contracts SET penalty_per_week = 1234.5 WHERE id % 11 = 0")
    return url


def _iso(row: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


DAYS = [date(2017, 3, 1), date(2024, 1, 1), date(2026, 6, 1), date(2031, 1, 1)]


def test_field_lists_match_the_models():
    from fairtender.register.schedule import RegisterDefaults
    from fairtender.register.schemas import OverdueItem

    assert tuple(OverdueItem.model_fields) == fastread.OVERDUE_FIELDS
    assert RegisterDefaults().due_soon_days == fastread.DEFAULT_DUE_SOON_DAYS


@pytest.mark.parametrize("day", DAYS)
def test_overdue_rows_equal_the_library(url, day):
    from fairtender.register.service import Register

    reg = Register(url)
    expected = [_iso(r) for r in reg._overdue_rows_core(reg.engine, day)]  # the SQLAlchemy Core query
    got = fastread.overdue_rows(url, day)
    assert got == expected
    assert [_iso(r) for r in reg.overdue_rows(day)] == expected  # the library uses fastread on SQLite
    assert [list(r) for r in got] == [list(r) for r in expected]  # same key order: same JSON
    if day == date(2026, 6, 1):
        assert {r["kind"] for r in got} == {"report", "subcontractor-obligation"}
        assert any(r["penalty_accrued"] for r in got) and any(r["notice_on"] for r in got)


@pytest.mark.parametrize("day", DAYS)
def test_status_equals_the_library(url, day, tmp_path, monkeypatch):
    from fairtender.cli.register import _plain
    from fairtender.register.service import Register

    monkeypatch.chdir(tmp_path)
    expected = _plain(Register(url).status(day))
    got = fastread.status(url, day)
    assert json.dumps(got) == json.dumps(expected)
    if day == date(2026, 6, 1):
        assert got["penalties_accrued"] and len(got["stages"]) >= 4


def test_cli_output_is_the_same_on_both_paths(url, tmp_path, monkeypatch):
    """Forcing the library path (fastread answers None) prints byte for byte the same."""
    monkeypatch.chdir(tmp_path)
    args = [("register", "overdue", "--as-of", "2026-06-01", "--format", f) for f in ("json", "csv", "table")]
    args += [("register", "status", "--as-of", "2026-06-01", "--format", f) for f in ("json", "table")]
    fast = [run("--db", url, *a) for a in args]
    monkeypatch.setattr(fastread, "connect", lambda _url: None)
    slow = [run("--db", url, *a) for a in args]
    assert [(r.code, r.out) for r in fast] == [(r.code, r.out) for r in slow]
    assert fast[0].code == 1 and json.loads(fast[0].out)


def test_unusual_registers_fall_back_to_the_library(url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert fastread.connect("sqlite://") is None
    assert fastread.connect(f"sqlite:///{tmp_path / 'missing.db'}") is None
    assert fastread.connect("postgresql+psycopg://u@localhost/x") is None
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert fastread.connect(f"sqlite:///{junk}") is None
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    assert fastread.overdue_rows(f"sqlite:///{empty}", date(2026, 1, 1)) is None  # first use: the library migrates
    old = tmp_path / "old.db"
    dbm.upgrade(f"sqlite:///{old}", dbm.known_revisions()[0])
    if len(dbm.known_revisions()) > 1:
        assert fastread.connect(f"sqlite:///{old}") is None
    # custom register settings: the library validates and applies them
    (tmp_path / "fairtender.toml").write_text("[register]\ndue_soon_days = 400\n", encoding="utf-8")
    assert fastread.status(url, date(2026, 6, 1)) is None
    r = run("--db", url, "register", "status", "--as-of", "2026-06-01", "--format", "json")
    assert r.code == 0 and json.loads(r.out)["due_soon_days"] == 400
    (tmp_path / "fairtender.toml").write_text("[check]\nlang = 'en'\n", encoding="utf-8")
    assert fastread.status(url, date(2026, 6, 1))["due_soon_days"] == 30


def test_a_newer_schema_is_still_refused(tmp_path):
    path = tmp_path / "newer.db"
    url = f"sqlite:///{path}"
    dbm.upgrade(url)
    with sqlite3.connect(path) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    dbm._checked.discard(url)  # as a new process would
    assert fastread.connect(url) is None
    r = run("--db", url, "register", "status")
    assert r.code == 2 and "newer than this fairtender" in r.err
