"""Alembic environment: run migrations on the connection fairtender hands over.

fairtender runs Alembic programmatically (:func:`fairtender.register.db.upgrade`)
and passes an open connection in ``config.attributes["connection"]``; there is
no alembic.ini. Offline (SQL script) mode is not supported.
"""

from __future__ import annotations

from alembic import context

from fairtender.register.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable when someone runs the alembic CLI directly
    raise RuntimeError("run fairtender's register migrations with `fairtender register upgrade`")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
