"""``fairtender demo``: a full, deterministic demo register that never overwrites an existing one."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import create_engine, text

from fairtender.cli.main import main
from fairtender.errors import UsageError
from fairtender.review import demo as demo_mod
from fairtender.review.figures import compute_review

AS_OF = date(2026, 11, 25)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "demo"
    return demo_mod.build_demo(out, as_of=AS_OF)


def _scalar(url, sql):
    with create_engine(url).connect() as c:
        return c.execute(text(sql)).scalar()


def test_demo_has_three_years_of_everything(built):
    url = built.db_url
    assert built.years == [2024, 2025, 2026]
    assert built.suppliers >= 50 and built.contracts >= 100 and built.subcontractors > 0
    assert built.reports_received > 0 and built.checks > 0
    years = _scalar(url, "select count(distinct strftime('%Y', awarded_on)) from contracts")
    assert years == 3
    # every record was created through the register's service: it has its audit event
    assert _scalar(url, "select count(*) from audit_events where entity = 'contract' and action = 'create'") \
        == built.contracts
    assert _scalar(url, "select count(*) from audit_events where entity = 'check'") == built.checks


def test_demo_review_is_full(built):
    r = compute_review(built.db_url, 2026, as_of=AS_OF)
    assert r.contracts.count > 30 and r.contracts.with_complete_clause is not None
    assert 0 < r.checks.fixed < r.checks.findings  # some barriers were removed before publication, not all
    assert r.checks.barriers_fixed > 0
    assert r.reports.on_time > 0 and r.reports.missing > 0 and r.reports.rejected > 0
    assert r.reports.average_completeness is not None
    assert isinstance(r.suppliers.sme_share_count, float)
    assert [h.year for h in r.history] == [2024, 2025, 2026]
    # a contract document checked under its reference makes its registered clause incomplete
    assert any(t.complete < t.contracts for t in r.contracts.by_template)
    assert r.recommendations and len(r.benchmark) == 4


def test_demo_is_deterministic(built, tmp_path, monkeypatch):
    monkeypatch.setattr(demo_mod, "_checks", lambda *a, **k: None)  # the register part is what the seed drives
    again = demo_mod.build_demo(tmp_path / "again", as_of=AS_OF)
    q = ("select c.reference, c.value, c.currency, c.awarded_on, s.org_id, s.size, r.status, r.due_on, "
         "r.received_on, r.completeness from contracts c join suppliers s on s.id = c.supplier_id "
         "left join reports r on r.contract_id = c.id order by c.reference, r.kind, r.period")
    with create_engine(built.db_url).connect() as a, create_engine(again.db_url).connect() as b:
        assert a.execute(text(q)).all() == b.execute(text(q)).all()


def test_demo_refuses_to_overwrite(built):
    before = built.path.stat().st_mtime_ns
    with pytest.raises(UsageError, match="already exists"):
        demo_mod.build_demo(built.path.parent, as_of=AS_OF)
    assert built.path.stat().st_mtime_ns == before


def test_demo_command_prints_the_db_url_and_refuses_existing(tmp_path, capsys):
    (tmp_path / "fairtender.db").write_bytes(b"not touched")
    with pytest.raises(SystemExit) as e:
        main(["demo", "--output", str(tmp_path)])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "Traceback" not in err
    assert (tmp_path / "fairtender.db").read_bytes() == b"not touched"


def test_demo_needs_the_fixture_tenders(tmp_path):
    with pytest.raises(UsageError, match="fixture tenders not found"):
        demo_mod.build_demo(tmp_path / "x", fixtures_dir=tmp_path, as_of=AS_OF)
    assert not (tmp_path / "x").exists()
