"""Every review figure on the hand-built register of test_review_fixtures (answers known by hand)."""

from __future__ import annotations

from datetime import date

import pytest

from fairtender.errors import UsageError
from fairtender.review.figures import compute_review
from test_review_fixtures import AS_OF, shared_register


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    return shared_register(tmp_path_factory)


@pytest.fixture(scope="module")
def review(url):
    return compute_review(url, 2026, as_of=AS_OF)


def test_contracts(review):
    c = review.contracts
    assert c.count == 12
    assert c.value == pytest.approx(1_650_000)
    assert c.value_by_currency == {"EUR": 1_450_000, "SEK": 2_300_000}
    assert c.with_complete_clause_count == 6
    assert c.with_complete_clause == pytest.approx(0.5)
    by = {t.template: (t.contracts, t.complete) for t in c.by_template}
    assert by == {"ghent": (5, 3), "stockholm": (2, 2), "flanders": (1, 1)}


def test_checks_and_fixed_before_publication(review):
    k = review.checks
    assert (k.tenders, k.checks, k.findings, k.fixed) == (3, 4, 4, 2)
    assert k.fixed_before_publication == pytest.approx(0.5)
    assert (k.barriers_found, k.barriers_fixed) == (3, 1)
    by = {f.rule: (f.found, f.fixed) for f in k.findings_by_rule}
    assert by == {"barrier.turnover": (1, 0), "barrier.age": (1, 1), "clause.ghent.subcontractors": (1, 1),
                  "barrier.language": (1, 0)}
    ghent = next(t for t in k.clause_by_template if t.template == "ghent")
    assert (ghent.complete, ghent.partial, ghent.absent) == (1, 0, 0)  # T1's latest check; C2, C8 are contracts
    assert [t.template for t in k.clause_by_template] == ["flanders", "ghent"]  # C9 (kind unknown) counts


def test_reports(review):
    r = review.reports
    assert (r.due, r.on_time, r.late, r.rejected, r.missing, r.not_yet_due) == (6, 1, 1, 1, 2, 1)
    assert r.received == 3
    assert r.on_time_share == pytest.approx(0.2)
    assert r.average_completeness == pytest.approx(0.5)
    assert r.overdue_over_90_days == 1
    assert r.backlog_earlier_years == 1
    assert r.addressing_complaints == 1


def test_subcontractors(review):
    s = review.subcontractors
    assert (s.count, s.confirmed, s.not_flowed_down) == (4, 2, 1)
    assert s.obligations_confirmed == pytest.approx(0.5)


def test_suppliers(review):
    s = review.suppliers
    assert s.awarded == 12
    assert s.new == 10
    assert s.known_size_contracts == 11 and s.unknown_size_contracts == 1
    assert s.sme_contracts == 6
    assert s.sme_share_count == pytest.approx(6 / 11, abs=1e-4)
    assert s.sme_share_value == pytest.approx(0.375)


def test_small_groups_are_suppressed(review, url):
    prev = review.compare.suppliers  # 2025: one SME and one large supplier
    assert prev.sme_share_count == "<5" and prev.sme_share_value == "<5" and prev.sme_contracts == "<5"
    declared = {d.characteristic: d for d in review.suppliers.declared}
    assert declared["social_economy"].suppliers == "<5"  # S1 and S2; S3 declared "no"
    open_ = compute_review(url, 2026, as_of=AS_OF, min_group=2)
    d = {x.characteristic: x for x in open_.suppliers.declared}["social_economy"]
    assert (d.suppliers, d.contracts) == (2, 2)
    assert compute_review(url, 2025, as_of=AS_OF, min_group=1).suppliers.sme_share_count == pytest.approx(0.5)
    # 2026 with a threshold of 6: five large suppliers are now a small group
    assert compute_review(url, 2026, as_of=AS_OF, min_group=6).suppliers.sme_share_value == "<6"


def test_no_individual_characteristics_in_output(review):
    text = review.model_dump_json()
    assert "Supplier S1" not in text and "BE-S1" not in text


def test_comparison_and_deltas(review):
    assert review.compare.year == 2025
    assert review.compare.contracts.count == 2
    assert review.compare.checks.tenders == 1  # T0
    d = {x.figure: x for x in review.deltas}
    assert d["contracts.count"].change == 10 and d["contracts.count"].direction == "up"
    assert d["contracts.count"].better is None  # neutral figure
    assert d["suppliers.new"].change == 8 and d["suppliers.new"].better is True
    assert d["suppliers.sme_share_count"].direction == "n/a"  # previous year suppressed
    assert d["reports.missing"].previous == 1 and d["reports.missing"].better is False


def test_explicit_compare_year(url):
    r = compute_review(url, 2026, compare=2024, as_of=AS_OF)
    assert r.compare.year == 2024 and r.compare.contracts.count == 0


def test_history(review):
    years = {h.year: h for h in review.history}
    assert sorted(years) == [2025, 2026]
    assert years[2026].contracts == 12
    assert years[2025].sme_share_count == "<5"


def test_benchmark_and_recommendations(review):
    ids = [b.id for b in review.benchmark]
    assert ids == ["equal-access", "hidden-barriers", "monitoring", "redress"]
    for b in review.benchmark:
        assert b.question and b.answer and b.evidence
    hidden = review.benchmark[1]
    assert "3 barriers found, 1 removed before publication" in hidden.evidence
    redress = review.benchmark[3]
    assert redress.evidence[0].startswith("3 of 12 contracts carry a complete Stockholm- or Flanders-style")
    assert redress.rating == "no"  # 25% with sanction rights, 33% of reports with a complaints procedure
    recs = "\n".join(review.recommendations)
    assert "1 report overdue for more than 90 days: give formal notice and consider termination rights" in recs
    assert "6 of 12 contracts awarded without a complete anti-discrimination clause" in recs
    assert "2 subcontractors without confirmed obligations" in recs
    assert "Received reports are 50% complete" in recs


def test_empty_year_is_a_note_not_a_crash(url):
    r = compute_review(url, 2031, as_of=date(2031, 12, 31))
    assert r.contracts.count == 0 and r.contracts.with_complete_clause is None
    assert r.suppliers.sme_share_count is None and r.reports.on_time_share is None
    assert "no contracts awarded in 2031" in r.notes
    assert any("No contracts are recorded for 2031" in x for x in r.recommendations)
    assert {b.rating for b in r.benchmark} <= {"not known", "no"}


def test_year_whose_reports_are_not_yet_due(review):
    from fairtender.review.assess import benchmark
    from fairtender.review.schema import ReportFigures

    early = review.model_copy(deep=True)
    early.reports = ReportFigures(due=5, not_yet_due=5)
    monitoring = next(b for b in benchmark(early) if b.id == "monitoring")
    assert monitoring.rating == "not known" and "None of the 5 reports due in 2026 was past its due date" \
        in monitoring.answer


def test_empty_database(tmp_path):
    r = compute_review(f"sqlite:///{tmp_path / 'empty.db'}", 2026, as_of=AS_OF)
    assert r.contracts.count == 0 and r.checks.tenders == 0 and r.history == []


def test_unknown_currency_rate_is_listed_not_guessed(url):
    from fairtender.config import Settings

    r = compute_review(url, 2026, as_of=AS_OF, settings=Settings(fx={"EUR": 1.0}))
    assert r.contracts.value == pytest.approx(1_450_000)
    assert r.contracts.unconverted_currencies == ["SEK"]
    assert any("SEK" in n for n in r.notes)


def test_other_reporting_currency(url):
    r = compute_review(url, 2026, as_of=AS_OF, currency="sek")
    assert r.currency == "SEK" and r.contracts.value == pytest.approx(1_650_000 * 11.5)


@pytest.mark.parametrize("kwargs, msg", [
    ({"year": 2026, "compare": 2026}, "different year"),
    ({"year": 3000}, "plausible"),
    ({"year": 2026, "compare": 20}, "--compare 20 is not a plausible year"),
    ({"year": 2026, "min_group": 0}, "min-group"),
    ({"year": 2026, "currency": "XYZ"}, "exchange rate"),
])
def test_bad_arguments(url, kwargs, msg):
    with pytest.raises(UsageError, match=msg):
        compute_review(url, **kwargs)


@pytest.mark.postgres
@pytest.mark.skipif(not __import__("os").environ.get("FAIRTENDER_TEST_POSTGRES_URL"),
                    reason="FAIRTENDER_TEST_POSTGRES_URL is not set")
def test_postgresql_gives_the_same_review(review, tmp_path):
    """The same register on PostgreSQL: every figure, delta, answer and recommendation is identical."""
    from register_helpers import fresh_database
    from test_review_fixtures import build_register

    with fresh_database("postgres", tmp_path) as pg:
        build_register(tmp_path, pg)
        on_pg = compute_review(pg, 2026, as_of=AS_OF)
    assert on_pg.model_dump() == review.model_dump()
