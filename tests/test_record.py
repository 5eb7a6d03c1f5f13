"""record_check: checks stored in the register, with audit events, and "fixed before publication"."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import create_engine, text

from fairtender.errors import UsageError
from fairtender.models import (
    CheckReport,
    DocumentErrorInfo,
    DocumentReport,
    Finding,
    Location,
    TemplateResult,
)
from fairtender.review.figures import compute_review
from fairtender.review.record import record_check, signature


def _finding(rule, excerpt="", paragraph=None):
    return Finding(rule=rule, severity="error", message="m", excerpt=excerpt,
                   location=Location(paragraph=paragraph) if paragraph else None)


def _doc(path, findings=(), templates=(), error=None):
    return DocumentReport(path=path, sha256="ab" * 32, findings=list(findings), templates=list(templates),
                          error=error)


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'r.db'}"


def _rows(url, sql):
    with create_engine(url).connect() as c:
        return c.execute(text(sql)).all()


def test_signature_ignores_case_spacing_and_paragraph_moves():
    a = _finding("barrier.age", "Aged  25-40\nonly", 3)
    b = _finding("barrier.age", "aged 25-40 only", 17)
    assert signature(a) == signature(b)
    assert signature(a) != signature(_finding("barrier.experience", "aged 25-40 only", 3))
    # without an excerpt the paragraph identifies the finding
    assert signature(_finding("barrier.no-lots", "", 1)) != signature(_finding("barrier.no-lots", "", 2))
    assert signature(_finding("clause.ghent.grounds")) == signature(_finding("clause.ghent.grounds"))


def test_record_stores_check_templates_findings_and_audit(url):
    report = CheckReport.build([_doc("dir/tender-7.docx", [_finding("barrier.age", "under 35", 4)],
                                     [TemplateResult(id="ghent", status="partial", elements=[])])])
    assert record_check(report, url, None, checked_on=date(2026, 3, 1), actor="alice") == 1
    (ref, name, sha, on, actor), = _rows(url, "select reference, file_name, sha256, checked_on, actor from checks")
    assert (ref, name, sha, on, actor) == ("tender-7", "tender-7.docx", "ab" * 32, "2026-03-01", "alice")
    assert _rows(url, "select template, status from check_templates") == [("ghent", "partial")]
    assert _rows(url, "select rule, paragraph, excerpt from check_findings") == [("barrier.age", 4, "under 35")]
    (action, entity, key), = _rows(url, "select action, entity, entity_key from audit_events")
    assert (action, entity, key) == ("record", "check", "tender-7")


def test_failed_documents_are_not_recorded(url):
    report = CheckReport.build([_doc("a.docx"), _doc("b.pdf", error=DocumentErrorInfo(code="corrupt", message="x"))])
    assert record_check(report, url, None) == 1
    assert [r[0] for r in _rows(url, "select reference from checks")] == ["a"]


def test_reference_names_one_document(url):
    report = CheckReport.build([_doc("a.docx"), _doc("b.docx")])
    with pytest.raises(UsageError, match="names one tender"):
        record_check(report, url, "T-1")
    with pytest.raises(UsageError, match="must not be empty"):
        record_check(CheckReport.build([_doc("a.docx")]), url, "  ")
    assert record_check(CheckReport.build([]), url, None) == 0


def test_fixed_before_publication_across_two_checks(url):
    first = CheckReport.build([_doc("t.docx", [_finding("barrier.turnover", "turnover of EUR 5 million", 5),
                                               _finding("barrier.language", "native speaker", 9),
                                               _finding("barrier.age", "young team", 12)])])
    later = CheckReport.build([_doc("t-edited.docx", [_finding("barrier.turnover", "Turnover of EUR 5 million", 6)])])
    record_check(first, url, "TENDER-9", checked_on=date(2026, 4, 1))
    record_check(later, url, "TENDER-9", checked_on=date(2026, 4, 20))
    r = compute_review(url, 2026, as_of=date(2026, 12, 31))
    assert (r.checks.tenders, r.checks.checks, r.checks.findings, r.checks.fixed) == (1, 2, 3, 2)
    by = {f.rule: f.fixed for f in r.checks.findings_by_rule}
    assert by == {"barrier.turnover": 0, "barrier.language": 1, "barrier.age": 1}
    # a third check that brings a barrier back: it is no longer fixed
    record_check(CheckReport.build([_doc("t3.docx", [_finding("barrier.turnover", "turnover of EUR 5 million"),
                                                     _finding("barrier.age", "young team")])]),
                 url, "TENDER-9", checked_on=date(2026, 5, 2))
    assert compute_review(url, 2026, as_of=date(2026, 12, 31)).checks.fixed == 1


def test_latest_check_is_by_date_not_by_insertion(url):
    record_check(CheckReport.build([_doc("t.docx", [])]), url, "T", checked_on=date(2026, 6, 1))
    record_check(CheckReport.build([_doc("t.docx", [_finding("barrier.age", "young team")])]), url, "T",
                 checked_on=date(2026, 5, 1))
    assert compute_review(url, 2026, as_of=date(2026, 12, 31)).checks.fixed == 1


def test_record_end_to_end_with_check_api(tmp_path, url):
    """A real check of a tender, then of an edited copy without its barrier sentences."""
    from fairtender.check_api import check

    tender = tmp_path / "tender.txt"
    barrier = ("Tenderers must have an annual turnover of at least EUR 50 million. "
               "Staff must be native English speakers aged between 25 and 40.")
    body = ("# Cleaning services\n\nEstimated value excluding VAT: EUR 200,000.\n\n"
            "## Selection criteria\n\n{}\n\nThe contractor shall clean the offices twice a day.\n")
    tender.write_text(body.format(barrier), encoding="utf-8")
    first = check([tender], jobs=1)
    tender.write_text(body.format("Tenderers must have an annual turnover of at least EUR 400,000."),
                      encoding="utf-8")
    later = check([tender], jobs=1)
    assert record_check(first, url, "CLEAN-1", checked_on=date(2026, 2, 1)) == 1
    assert record_check(later, url, "CLEAN-1", checked_on=date(2026, 2, 8)) == 1
    before = {signature(f) for f in first.documents[0].findings if not f.accepted}
    after = {signature(f) for f in later.documents[0].findings}
    r = compute_review(url, 2026, as_of=date(2026, 12, 31))
    assert r.checks.findings == len(before | after)
    assert r.checks.fixed == len(before - after)
    assert any(f.rule.startswith("barrier.") for f in first.documents[0].findings)
    assert r.checks.barriers_fixed >= 1


def test_migrations_have_one_head_and_include_the_review_tables():
    """The review's migration is chained linearly after the register's (a second head would break upgrades)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from fairtender.register import db as dbm

    cfg = Config()
    cfg.set_main_option("script_location", str(dbm.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    assert len(script.get_heads()) == 1
    revisions = [r.revision for r in script.walk_revisions()]
    assert "0100" in revisions
    assert dbm.known_revisions()[-1] == script.get_current_head()


def test_upgrade_creates_the_check_tables(url):
    from sqlalchemy import inspect

    from fairtender.register import db as dbm

    dbm.upgrade(url)
    assert {"checks", "check_templates", "check_findings"} <= set(inspect(dbm.get_engine(url)).get_table_names())
