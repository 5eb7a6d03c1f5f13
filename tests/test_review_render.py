"""Each output format of the review renders the same figures; HTML is escaped and self-contained."""

from __future__ import annotations

import io
import json
import re

import pytest

from fairtender.review import render_docx, render_html, render_json, render_markdown
from fairtender.review.figures import compute_review
from fairtender.review.schema import RuleFigure
from test_review_fixtures import AS_OF, shared_register

REQUIRED = {
    "contracts": {"count", "value", "with_complete_clause"},
    "checks": {"tenders", "findings_by_rule", "fixed_before_publication"},
    "reports": {"due", "on_time", "late", "missing", "rejected"},
    "subcontractors": {"count", "obligations_confirmed"},
    "suppliers": {"sme_share_count", "sme_share_value", "new"},
}


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    return shared_register(tmp_path_factory)


@pytest.fixture(scope="module")
def review(url):
    return compute_review(url, 2026, as_of=AS_OF)


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    return compute_review(f"sqlite:///{tmp_path_factory.mktemp('empty') / 'e.db'}", 2026, as_of=AS_OF)


def test_json_has_the_documented_fields(review):
    d = json.loads(render_json.render(review))
    assert d["year"] == 2026
    for key, fields in REQUIRED.items():
        assert fields <= set(d[key]), key
    assert d["contracts"]["count"] == 12 and d["reports"]["missing"] == 2
    assert d["suppliers"]["new"] == 10
    assert all({"question", "answer", "evidence"} <= set(b) for b in d["benchmark"])
    assert all(isinstance(r, str) for r in d["recommendations"]) and d["recommendations"]
    assert d["compare"]["year"] == 2025 and d["compare"]["suppliers"]["sme_share_count"] == "<5"
    assert {x["figure"] for x in d["deltas"]} >= {"contracts.count", "suppliers.sme_share_value"}


def test_json_round_trips_into_the_model(review):
    from fairtender.review.schema import ReviewData

    assert ReviewData.model_validate_json(render_json.render(review)) == review


def test_markdown_contains_the_figures(review):
    md = render_markdown.render(review)
    assert md.startswith("# Procurement equality review 2026")
    assert "| Contracts awarded | 12 | 2 | ▲ +10 |" in md
    assert "| Value awarded | EUR 1\u202f650\u202f000 | EUR 200\u202f000 |" in md
    assert "| Missing (past due) | 2 | 1 | ▲ +1 |" in md
    assert "| Contracts won by SMEs | 54.5% | &lt;5 | – |" in md
    assert "| barrier.turnover | barrier | 1 | 0 |" in md
    assert "| ghent | 5 | 3 | 60% |" in md
    for b in review.benchmark:
        assert f"### {b.question}" in md
    for r in review.recommendations:
        assert r.replace("<", "&lt;") in md


def test_docx_opens_and_has_headings_tables_and_pictures(review):
    from docx import Document

    buf = io.BytesIO()
    render_docx.render(review, buf)
    doc = Document(io.BytesIO(buf.getvalue()))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    for h in ("Procurement equality review 2026", "Benchmark questions on procurement", "Recommended actions",
              "Contracts awarded", "Tenders checked before publication", "Supplier equality reports",
              "Subcontractors", "Supplier base", "Method and privacy"):
        assert h in headings
    assert len(doc.inline_shapes) == 3  # findings by rule, report status, SME share
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert {"Contracts awarded", "12", "barrier.turnover", "<5"} <= cells


def test_html_is_self_contained_with_charts(review):
    html = render_html.render(review)
    assert html.count('src="data:image/svg+xml;base64,') == 3
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert "<h1>Procurement equality review 2026</h1>" in html
    assert "&lt;5" in html  # the suppression marker, escaped


def test_html_escapes_register_text(review):
    nasty = "<script>alert(1)</script>"
    data = review.model_copy(deep=True)
    data.checks.findings_by_rule.append(RuleFigure(rule=nasty, kind="barrier", found=2, fixed=0))
    data.notes.append('note with "quotes" & <b>tags</b>')
    data.title = "Review <i>2026</i>"
    html = render_html.render(data, charts=False)
    assert nasty not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>tags</b>" not in html and "&lt;b&gt;tags&lt;/b&gt;" in html
    assert "<i>2026</i>" not in html
    md = render_markdown.render(data)
    assert nasty not in md and "<b>" not in md


def test_charts_are_deterministic(review):
    from fairtender.review.charts import render_charts

    a = render_charts(review, "svg")
    b = render_charts(review, "svg")
    assert [c.id for c in a] == ["findings-by-rule", "report-status", "sme-share"]
    assert [c.data for c in a] == [c.data for c in b]
    png = render_charts(review, "png", dpi=60)
    assert all(c.data.startswith(b"\x89PNG") for c in png)
    assert "barrier.turnover: 1 found, 0 fixed" in a[0].alt


def test_empty_year_renders_in_every_format(empty):
    assert "no contracts awarded in 2026" in render_markdown.render(empty)
    html = render_html.render(empty)
    assert "no contracts awarded in 2026" in html and "data:image" not in html
    buf = io.BytesIO()
    render_docx.render(empty, buf)
    assert json.loads(render_json.render(empty))["contracts"]["with_complete_clause"] is None


def test_command_spans_become_code_after_escaping():
    from fairtender.review.render_html import code_spans

    assert str(code_spans("run `fairtender check --record` <now>")) == \
        "run <code>fairtender check --record</code> &lt;now&gt;"
    assert "<code><b>" not in str(code_spans("`<b>x</b>`"))
