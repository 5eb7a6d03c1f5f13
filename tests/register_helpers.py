"""Helpers for the register tests: a fresh database per test (SQLite, and PostgreSQL when
``FAIRTENDER_TEST_POSTGRES_URL`` is set), running the real CLI entry point in-process, and
snapshots of every table to prove that a refused command changed nothing."""

from __future__ import annotations

import io
import os
import uuid
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_ENV = "FAIRTENDER_TEST_POSTGRES_URL"
ROOT = Path(__file__).resolve().parent.parent
OCDS = ROOT / "fixtures" / "ocds"

BACKENDS = [
    "sqlite",
    pytest.param("postgres", marks=[pytest.mark.postgres,
                                    pytest.mark.skipif(not os.environ.get(PG_ENV),
                                                       reason=f"{PG_ENV} is not set")]),
]


@contextmanager
def fresh_database(kind: str, tmp_path: Path):
    """Yield the URL of an empty database; PostgreSQL databases are created and dropped per test."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'register.db'}"
        return
    import sqlalchemy as sa

    from fairtender.register import db as dbm

    admin_url = os.environ[PG_ENV]
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = "ft_test_" + uuid.uuid4().hex[:12]
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        dbm.get_engine(url).dispose()
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args: str) -> Result:
    """Run ``fairtender ARGS`` through the real entry point (error mapping included), in-process."""
    from fairtender.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            main([str(a) for a in args])
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    return Result(code, out.getvalue(), err.getvalue())


def snapshot(url: str) -> dict[str, list]:
    """Every row of every table (and the schema version), for before/after comparisons."""
    from sqlalchemy import inspect

    from fairtender.register import db as dbm

    engine = dbm.get_engine(url)
    with engine.connect() as c:
        tables = sorted(inspect(c).get_table_names())
        return {t: [tuple(r) for r in c.exec_driver_sql(f'SELECT * FROM "{t}" ORDER BY 1').all()] for t in tables}
