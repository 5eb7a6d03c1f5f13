"""Recorded checks for the annual review: checks, their template statuses and findings.

Revision ID: 0100
Revises: 0001
Create Date: 2026-11-25

Owned by the review (``fairtender.review.models``); numbered 0100 so that the
register's own revisions keep their numbers, but chained linearly after the
register's current head.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0100"
down_revision = "0001"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Money = sa.Numeric(18, 2, asdecimal=False)
TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "checks",
        sa.Column("id", BigId, nullable=False),
        sa.Column("reference", sa.String(255), nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("kind", sa.String(20), nullable=True),
        sa.Column("contract_value", Money, nullable=True),
        sa.Column("currency", sa.String(3), nullable=True),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("infos", sa.Integer(), nullable=False),
        sa.Column("fairtender_version", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_checks"),
    )
    op.create_index("ix_checks_checked_on", "checks", ["checked_on"])
    op.create_index("ix_checks_reference_checked_on", "checks", ["reference", "checked_on"])

    op.create_table(
        "check_templates",
        sa.Column("check_id", BigId, nullable=False),
        sa.Column("template", sa.String(60), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("applies", sa.String(20), nullable=True),
        sa.Column("missing", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["check_id"], ["checks.id"], name="fk_check_templates_check_id_checks"),
        sa.PrimaryKeyConstraint("check_id", "template", name="pk_check_templates"),
    )

    op.create_table(
        "check_findings",
        sa.Column("id", BigId, nullable=False),
        sa.Column("check_id", BigId, nullable=False),
        sa.Column("rule", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("signature", sa.String(64), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("section", sa.String(1000), nullable=True),
        sa.Column("excerpt", sa.Text(), nullable=True),
        sa.Column("accepted", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["check_id"], ["checks.id"], name="fk_check_findings_check_id_checks"),
        sa.PrimaryKeyConstraint("id", name="pk_check_findings"),
    )
    op.create_index("ix_check_findings_check_rule", "check_findings", ["check_id", "rule"])


def downgrade() -> None:
    op.drop_table("check_findings")
    op.drop_table("check_templates")
    op.drop_index("ix_checks_reference_checked_on", table_name="checks")
    op.drop_index("ix_checks_checked_on", table_name="checks")
    op.drop_table("checks")
