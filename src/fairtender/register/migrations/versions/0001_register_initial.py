"""Register schema: suppliers, contracts, subcontractors, reports, milestones, files, audit events.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Also makes ``audit_events`` append-only with triggers (SQLite and PostgreSQL).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Money = sa.Numeric(18, 2, asdecimal=False)
TZ = sa.DateTime(timezone=True)


def _lifecycle() -> list[sa.Column]:
    return [
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("archived_at", TZ, nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "stored_files",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("original_name", sa.String(500), nullable=False),
        sa.Column("stored_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_stored_files"),
    )
    op.create_table(
        "suppliers",
        sa.Column("id", BigId, nullable=False),
        sa.Column("org_id", sa.String(255), nullable=False),
        sa.Column("org_key", sa.String(255), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("size", sa.String(10), nullable=True),
        sa.Column("contact", sa.String(500), nullable=True),
        sa.Column("characteristics", sa.JSON(), nullable=True),
        sa.Column("source", sa.String(20), nullable=False),
        *_lifecycle(),
        sa.PrimaryKeyConstraint("id", name="pk_suppliers"),
        sa.UniqueConstraint("org_key", name="uq_suppliers_org_key"),
    )
    op.create_index("ix_suppliers_size", "suppliers", ["size"])

    op.create_table(
        "contracts",
        sa.Column("id", BigId, nullable=False),
        sa.Column("reference", sa.String(255), nullable=False),
        sa.Column("title", sa.String(1000), nullable=False),
        sa.Column("supplier_id", BigId, nullable=False),
        sa.Column("value", Money, nullable=True),
        sa.Column("currency", sa.String(3), nullable=True),
        sa.Column("awarded_on", sa.Date(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("reporting", sa.String(20), nullable=False),
        sa.Column("first_report_months", sa.Integer(), nullable=False),
        sa.Column("report_interval_months", sa.Integer(), nullable=False),
        sa.Column("report_due_days", sa.Integer(), nullable=False),
        sa.Column("request_answer_days", sa.Integer(), nullable=False),
        sa.Column("penalty_per_week", Money, nullable=True),
        sa.Column("penalty_currency", sa.String(3), nullable=True),
        sa.Column("action_plan_days", sa.Integer(), nullable=False),
        sa.Column("trial_months", sa.Integer(), nullable=False),
        sa.Column("obligation_days", sa.Integer(), nullable=False),
        sa.Column("evaluation_gaps", sa.Boolean(), nullable=True),
        sa.Column("action_plan_due", sa.Date(), nullable=True),
        sa.Column("action_plan_received", sa.Date(), nullable=True),
        sa.Column("trial_ends", sa.Date(), nullable=True),
        sa.Column("ocid", sa.String(255), nullable=True),
        sa.Column("source", sa.String(20), nullable=False),
        *_lifecycle(),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], name="fk_contracts_supplier_id_suppliers"),
        sa.PrimaryKeyConstraint("id", name="pk_contracts"),
        sa.UniqueConstraint("reference", name="uq_contracts_reference"),
    )
    op.create_index("ix_contracts_supplier_id", "contracts", ["supplier_id"])
    op.create_index("ix_contracts_awarded_on", "contracts", ["awarded_on"])
    op.create_index("ix_contracts_ocid", "contracts", ["ocid"])

    op.create_table(
        "contract_templates",
        sa.Column("contract_id", BigId, nullable=False),
        sa.Column("template", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"],
                                name="fk_contract_templates_contract_id_contracts"),
        sa.PrimaryKeyConstraint("contract_id", "template", name="pk_contract_templates"),
    )

    op.create_table(
        "subcontractors",
        sa.Column("id", BigId, nullable=False),
        sa.Column("contract_id", BigId, nullable=False),
        sa.Column("supplier_id", BigId, nullable=False),
        sa.Column("share", sa.Float(), nullable=True),
        sa.Column("value", Money, nullable=True),
        sa.Column("currency", sa.String(3), nullable=True),
        sa.Column("flowed_down", sa.Boolean(), nullable=True),
        sa.Column("evidence_sha256", sa.String(64), nullable=True),
        sa.Column("evidence_name", sa.String(500), nullable=True),
        sa.Column("confirmed_on", sa.Date(), nullable=True),
        sa.Column("obligation_due", sa.Date(), nullable=True),
        sa.Column("source", sa.String(20), nullable=False),
        *_lifecycle(),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], name="fk_subcontractors_contract_id_contracts"),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], name="fk_subcontractors_supplier_id_suppliers"),
        sa.ForeignKeyConstraint(["evidence_sha256"], ["stored_files.sha256"],
                                name="fk_subcontractors_evidence_sha256_stored_files"),
        sa.PrimaryKeyConstraint("id", name="pk_subcontractors"),
        sa.UniqueConstraint("contract_id", "supplier_id", name="uq_subcontractors_contract_supplier"),
    )
    op.create_index("ix_subcontractors_contract_id", "subcontractors", ["contract_id"])
    op.create_index("ix_subcontractors_supplier_id", "subcontractors", ["supplier_id"])
    op.create_index("ix_subcontractors_open", "subcontractors", ["confirmed_on", "obligation_due"])

    op.create_table(
        "reports",
        sa.Column("id", BigId, nullable=False),
        sa.Column("contract_id", BigId, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("notice_on", sa.Date(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("file_sha256", sa.String(64), nullable=True),
        sa.Column("file_name", sa.String(500), nullable=True),
        sa.Column("assessed_template", sa.String(60), nullable=True),
        sa.Column("assessed_language", sa.String(8), nullable=True),
        sa.Column("elements_present", sa.JSON(), nullable=True),
        sa.Column("elements_missing", sa.JSON(), nullable=True),
        sa.Column("completeness", sa.Float(), nullable=True),
        sa.Column("assessed_at", TZ, nullable=True),
        sa.Column("reviewer_notes", sa.Text(), nullable=True),
        sa.Column("reviewed_by", sa.String(200), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        *_lifecycle(),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], name="fk_reports_contract_id_contracts"),
        sa.ForeignKeyConstraint(["file_sha256"], ["stored_files.sha256"],
                                name="fk_reports_file_sha256_stored_files"),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.UniqueConstraint("contract_id", "kind", "period", name="uq_reports_contract_kind_period"),
    )
    op.create_index("ix_reports_contract_id", "reports", ["contract_id"])
    op.create_index("ix_reports_due_on", "reports", ["due_on"])
    op.create_index("ix_reports_status_due", "reports", ["status", "due_on"])
    op.create_index("ix_reports_archived", "reports", ["status"], sqlite_where=sa.text("active = 0"),
                    postgresql_where=sa.text("NOT active"))

    op.create_table(
        "milestones",
        sa.Column("id", BigId, nullable=False),
        sa.Column("contract_id", BigId, nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        *_lifecycle(),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], name="fk_milestones_contract_id_contracts"),
        sa.PrimaryKeyConstraint("id", name="pk_milestones"),
    )
    op.create_index("ix_milestones_contract_id", "milestones", ["contract_id"])

    op.create_table(
        "audit_events",
        sa.Column("id", BigId, nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("entity", sa.String(30), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=True),
        sa.Column("entity_key", sa.String(600), nullable=True),
        sa.Column("old", sa.JSON(), nullable=True),
        sa.Column("new", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_events"),
    )
    op.create_index("ix_audit_events_entity", "audit_events", ["entity", "entity_id"])

    _append_only("audit_events")


def _append_only(table: str) -> None:
    """Refuse UPDATE and DELETE on ``table`` inside the database itself."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION fairtender_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$")
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION fairtender_append_only()")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS fairtender_append_only()")
    for table in ("audit_events", "milestones", "reports", "subcontractors", "contract_templates",
                  "contracts", "suppliers", "stored_files"):
        op.drop_table(table)
