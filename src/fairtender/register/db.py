"""Where the register lives and how to open it: URL resolution, engines, schema migrations.

URL resolution: an explicit ``--db`` wins, then ``$FAIRTENDER_DB``, then a
SQLite file ``register.db`` in the user's data directory (platformdirs),
created on first use. A plain file path is accepted as a SQLite URL.

SQLite connections get WAL journaling, a busy timeout and foreign keys (event
listeners), and write transactions start with ``BEGIN IMMEDIATE`` so that two
processes writing at once queue on the lock instead of failing with "database
is locked" when a reader upgrades to a writer.

The schema is owned by the Alembic migrations inside this package. Opening a
database checks its revision: an empty database is migrated to the head (first
use), an older one must be upgraded (``register upgrade``), and one from a
newer fairtender is refused before anything is written.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from ..errors import RegisterError

ENV_DB = "FAIRTENDER_DB"
ENV_STORE = "FAIRTENDER_STORE"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_MS = 60_000


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("fairtender", appauthor=False))


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'register.db'}"


def resolve_url(db: str | None = None) -> str:
    """``--db`` > ``$FAIRTENDER_DB`` > SQLite file in the user data dir; bare paths become SQLite URLs."""
    url = db or os.environ.get(ENV_DB) or default_url()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL (None for other databases or in-memory SQLite)."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def store_dir(url: str) -> Path:
    """The report file store: next to a SQLite file, else ``$FAIRTENDER_STORE`` or the data dir."""
    if os.environ.get(ENV_STORE):
        return Path(os.environ[ENV_STORE])
    path = sqlite_path(url)
    if path is not None:
        return path.with_name(path.stem + ".files")
    return data_dir() / "files"


# --------------------------------------------------------------------------- engines


@lru_cache(maxsize=8)
def get_engine(url: str):
    """One engine per URL per process, with the SQLite pragmas installed."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        if url.startswith("sqlite"):
            path = sqlite_path(url)
            if path is not None and not path.parent.is_dir():
                if path == Path(default_url().removeprefix("sqlite:///")):  # first use: create the data dir
                    path.parent.mkdir(parents=True, exist_ok=True)
                else:
                    raise RegisterError(f"cannot create the register database {path}: "
                                        f"directory {path.parent} does not exist")
            engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
            _install_sqlite_listeners(engine, event)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as e:
        raise RegisterError(f"cannot use database URL {_redact(url)}: {e}") from e
    return engine


def _install_sqlite_listeners(engine, event) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no branch - trivial
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = "IMMEDIATE" if conn.get_execution_options().get("fairtender_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


def writer(engine):
    """The same engine, but transactions take the write lock up front (SQLite ``BEGIN IMMEDIATE``)."""
    return engine.execution_options(fairtender_write=True)


def _redact(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


# --------------------------------------------------------------------------- migrations

_REV_RE = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN_RE = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)


@lru_cache(maxsize=1)
def known_revisions() -> tuple[str, ...]:
    """Revision ids of the bundled migrations, oldest first (read from the files, without alembic)."""
    parents: dict[str, str | None] = {}
    for f in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = f.read_text(encoding="utf-8")
        rev, down = _REV_RE.search(text), _DOWN_RE.search(text)
        if rev:
            parents[rev.group(1)] = down.group(1) if down else None
    order: list[str] = []
    children = {v: k for k, v in parents.items()}
    cur = children.get(None)
    while cur is not None:
        order.append(cur)
        cur = children.get(cur)
    return tuple(order)


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(conn) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def _quick_revision(conn) -> str | None:
    """The schema version in one query (no reflection); falls back to :func:`current_revision`."""
    from contextlib import nullcontext

    from sqlalchemy import text

    try:
        with conn.begin_nested() if conn.dialect.name == "postgresql" else nullcontext():
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    except Exception:
        return None
    return row[0] if row else None



def _has_tables(conn) -> bool:
    from sqlalchemy import inspect

    return bool(inspect(conn).get_table_names())


def _refuse_newer(rev: str | None) -> None:
    if rev is not None and rev not in known_revisions():
        raise RegisterError(
            f"the register database has schema version {rev}, newer than this fairtender knows "
            f"(up to {head_revision()}): upgrade fairtender to use it")


def _run_alembic_upgrade(conn, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, target)


def _lock(conn) -> None:
    if conn.dialect.name == "postgresql":  # serialise concurrent first-use migrations
        from sqlalchemy import text

        conn.execute(text("SELECT pg_advisory_xact_lock(7464867)"))


def upgrade(url: str, target: str | None = None) -> tuple[str | None, str]:
    """Migrate the database to the bundled head (or ``target``); returns (revision before, revision after)."""
    engine = get_engine(url)
    try:
        with writer(engine).begin() as conn:
            _lock(conn)
            before = current_revision(conn)
            _refuse_newer(before)
            if before is None and _has_tables(conn):
                raise RegisterError("the database has tables but no fairtender schema version: "
                                    "it is not a fairtender register")
            after = target or head_revision()
            if before != after:
                _run_alembic_upgrade(conn, after)
    except RegisterError:
        raise
    except Exception as e:
        raise RegisterError(f"cannot open the register database {_redact(url)}: {_short(e)}") from e
    if after == head_revision():
        _checked.add(url)
    return before, after


_checked: set[str] = set()


def ensure_schema(url: str) -> None:
    """Before any use: migrate an empty database, refuse an older or newer schema."""
    if url in _checked:
        return
    engine = get_engine(url)
    try:
        with engine.connect() as conn:
            rev = _quick_revision(conn) or current_revision(conn)
            empty = rev is None and not _has_tables(conn)
            conn.rollback()
    except RegisterError:
        raise
    except Exception as e:
        raise RegisterError(f"cannot open the register database {_redact(url)}: {_short(e)}") from e
    _refuse_newer(rev)
    if empty:
        upgrade(url)
        return
    if rev is None:
        raise RegisterError("the database has tables but no fairtender schema version: "
                            "it is not a fairtender register")
    if rev != head_revision():
        raise RegisterError(f"the register database has schema version {rev}, this fairtender needs "
                            f"{head_revision()}: run `fairtender register upgrade`")
    _checked.add(url)


def _short(e: BaseException) -> str:
    msg = str(getattr(e, "orig", None) or e).strip().splitlines()
    return msg[0] if msg else type(e).__name__
