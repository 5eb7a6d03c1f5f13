"""Alembic migrations of the register schema, shipped inside the package so a wheel can run them."""
