"""Markdown report and the --summary-only lines."""

from __future__ import annotations

import re

from fairtender.models import CheckReport, DocumentReport
from fairtender.render import markdown, summary
from render_helpers import HOSTILE, clean_report, failed_report, finding, sample_report, tender_report


def test_counts_table_and_every_finding():
    report = sample_report()
    md = markdown.render(report)
    lines = md.splitlines()
    header = lines.index("| Document | Errors | Warnings | Info | Clause templates |")
    assert lines[header + 1] == "|---|--:|--:|--:|---|"
    rows = lines[header + 2 : header + 5]
    assert rows[0] == "| tenders/cleaning-2026.docx | 3 | 2 | 1 | ghent: partial |"
    assert rows[1] == "| tenders/scan.pdf | – | – | – | unreadable: scanned-pdf |"
    assert rows[2] == "| tenders/catering.txt | 0 | 0 | 0 | ghent: complete |"
    numbered = [ln for ln in lines if re.match(r"^\d+\. \*\*", ln)]
    assert len(numbered) == sum(len(d.findings) for d in report.documents)
    for f in report.documents[0].findings:
        assert f"`{f.rule}`" in md
    assert "**minimum annual turnover of EUR 1,000,000**" in md
    assert "missing `clause.ghent.subcontractors`" in md
    assert "no text layer" in md


def test_findings_grouped_by_document_in_order():
    md = markdown.render(sample_report(tender_report("a.docx"), tender_report("b.docx")))
    a, b = md.index("## a.docx"), md.index("## b.docx")
    assert a < b
    first = md[a:b]
    assert first.index("`barrier.turnover`") < first.index("`barrier.language`") < first.index("`barrier.age`")


def test_hostile_text_is_inert():
    f = finding("barrier.x", "error", HOSTILE + " | ` *x* [a](javascript:1)", "<script>", paragraph=1,
                message="line one\n\n# not a heading | cell", section="A > B")
    md = markdown.render(CheckReport.build([DocumentReport(path="x|y<b>.txt", findings=[f])]))
    assert "<script>" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script&gt;" in md
    assert "x\\|y&lt;b&gt;.txt" in md  # a pipe in a path cannot break the table
    assert "\\[a\\](javascript:1)" in md  # no link
    assert "\n# not a heading" not in md  # newlines flattened
    assert "A › B" in md
    for row in [ln for ln in md.splitlines() if ln.startswith("| ") and "txt" in ln]:
        assert len(re.findall(r"(?<!\\)\|", row)) == 6  # exactly the table's own separators


def test_escape_keeps_plain_text_readable():
    assert markdown.escape("EUR 1.000.000, 25-40 years (max).") == "EUR 1.000.000, 25-40 years (max)."
    assert markdown.escape("a_b*c") == "a\\_b\\*c"
    assert markdown.escape("&amp; & x") == "&amp;amp; & x"


def test_summary_lines():
    report = sample_report(tender_report("a.docx"), failed_report("b.pdf"), clean_report("c.txt"))
    out = summary.render(report)
    assert out.splitlines() == [
        "a.docx: 3 errors, 2 warnings, 1 info; templates: ghent partial",
        "b.pdf: unreadable (scanned-pdf): b.pdf: no text layer (scanned: run OCR first)",
        "c.txt: 0 errors, 0 warnings, 0 info; templates: ghent complete",
    ]
    assert out.endswith("\n")


def test_summary_one_line_per_document_even_with_newlines_in_names():
    doc = DocumentReport(path="evil\nfake.docx: 0 errors", templates=[])
    out = summary.render(CheckReport.build([doc, clean_report("c.txt")]))
    assert len(out.splitlines()) == 2
    assert out.splitlines()[0] == "evil\\nfake.docx: 0 errors: 0 errors, 0 warnings, 0 info; templates: no templates checked"
    one = summary.render(CheckReport.build([DocumentReport(path="x.docx", findings=[
        finding("r", "warning", "t", "t", paragraph=1)])]))
    assert one == "x.docx: 0 errors, 1 warning, 0 info; templates: no templates checked\n"
