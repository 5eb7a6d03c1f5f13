"""HTML report: escaping of untrusted text, self-containment, every finding shown, checklists."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from fairtender.models import CheckReport, DocumentReport, Match
from fairtender.render import html, markdown
from render_helpers import HOSTILE, clean_report, failed_report, finding, sample_report, tender_report

DAY = dt.date(2026, 11, 25)


class Collector(HTMLParser):
    """Collects tags, attributes and text the way a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.marks: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        self.text.append(data)
        if self.stack and self.stack[-1] == "mark":
            self.marks.append(data)


def parse(page: str) -> Collector:
    c = Collector()
    c.feed(page)
    return c


def test_untrusted_text_never_becomes_markup():
    report = sample_report()
    doc = report.documents[0]
    doc.path = f"tenders/{HOSTILE}.docx"
    doc.findings[0].suggestion = HOSTILE
    doc.findings[0].legal_basis = '"><svg onload=alert(3)>'
    doc.templates[0].elements[0].excerpt = HOSTILE
    doc.templates[0].grounds.found.append("</li><script>x</script>")
    page = html.render(report, generated=DAY)
    tags = parse(page).tags
    assert not [t for t, _ in tags if t in {"script", "img", "svg", "iframe", "object", "embed", "link"}]
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on")]  # no event handlers injected
    # the hostile text is there, as text
    text = "".join(parse(page).text)
    assert HOSTILE in text
    assert '"><svg onload=alert(3)>' in text


def test_self_contained_no_resource_urls():
    page = html.render(sample_report(), generated=DAY)
    assert "http" not in page.lower()  # nothing in the input mentions http, so nothing may
    tags = parse(page).tags
    for tag, attrs in tags:
        assert "src" not in attrs, tag
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs["href"]
    assert "@import" not in page and "url(" not in page
    assert len(re.findall(r"<style>", page)) == 1


def test_tender_urls_stay_text():
    report = sample_report(tender_report())
    report.documents[0].findings[0].message = "See https://example.org/evil.js"
    page = html.render(report, generated=DAY)
    tags = parse(page).tags
    assert not any("example.org" in (v or "") for _, attrs in tags for v in attrs.values())


def test_every_finding_appears_once_with_its_parts():
    report = sample_report()
    page = html.render(report, generated=DAY)
    c = parse(page)
    findings = [a for t, a in c.tags if "finding" in (a.get("class") or "").split()]
    assert len(findings) == sum(len(d.findings) for d in report.documents)
    assert sorted(a["data-rule"] for a in findings) == sorted(f.rule for d in report.documents for f in d.findings)
    text = " ".join(c.text)
    for f in report.documents[0].findings:
        for part in (f.message, f.suggestion, f.legal_basis, f.accepted):
            if part:
                assert part in text


def test_highlight_is_exactly_the_match():
    report = sample_report(tender_report())
    marks = parse(html.render(report, generated=DAY)).marks
    expected = [f.match.text for f in report.documents[0].findings if f.match]
    assert sorted(marks) == sorted(expected)


def test_highlight_with_hostile_match_and_excerpt_offsets():
    text = f"Prefix {HOSTILE} suffix & more"
    f = finding("barrier.x", "error", text, "<script>", paragraph=3)
    # excerpt shorter than the paragraph: excerpt offsets differ from paragraph offsets
    f.excerpt = "... " + text[5:]
    start = f.excerpt.index("<script>")
    f.match = Match(text="<script>", start=f.match.start, end=f.match.end, excerpt_start=start, excerpt_end=start + 8)
    page = html.render(CheckReport.build([DocumentReport(path="a.txt", findings=[f])]), generated=DAY)
    assert "<mark>&lt;script&gt;</mark>" in page
    assert parse(page).marks == ["<script>"]


def test_bad_offsets_do_not_highlight_wrong_words():
    f = finding("barrier.x", "error", "alpha beta gamma", "beta", paragraph=1)
    f.match = Match(text="beta", start=6, end=10, excerpt_start=0, excerpt_end=5)  # points at "alpha"
    page = html.render(CheckReport.build([DocumentReport(path="a.txt", findings=[f])]), generated=DAY)
    assert parse(page).marks == ["beta"]
    f.match = Match(text="delta", start=0, end=5, excerpt_start=40, excerpt_end=50)
    page = html.render(CheckReport.build([DocumentReport(path="a.txt", findings=[f])]), generated=DAY)
    assert parse(page).marks == []
    assert "alpha beta gamma" in page


def test_findings_in_document_order_with_sections():
    page = html.render(sample_report(tender_report()), generated=DAY)
    c = parse(page)
    locs = [a["id"] for t, a in c.tags if "finding" in (a.get("class") or "").split()]
    assert locs == [f"d1-f{i}" for i in range(1, 7)]
    order = [a["data-rule"] for t, a in c.tags if "finding" in (a.get("class") or "").split()]
    # document-level first, then by paragraph
    assert order == ["clause.ghent.subcontractors", "barrier.turnover", "barrier.language", "barrier.age",
                     "barrier.brand-name", "future.some-new-rule"]
    text = "\n".join(c.text)
    for heading in ("4. Selection > 4.2 Economic and financial standing", "5. Staff", "Whole document", "8. Payment"):
        assert heading in text
    assert text.count("5. Staff") == 1  # consecutive findings share one section heading


def test_summary_checklist_and_grounds():
    page = html.render(sample_report(tender_report()), generated=DAY)
    c = parse(page)
    elements = [a["class"] for t, a in c.tags if t == "tr" and "element" in (a.get("class") or "")]
    assert elements == ["element present", "element present", "element missing"]
    grounds = [a["class"] for t, a in c.tags if t == "li" and (a.get("class") or "").startswith("ground-")]
    assert grounds == ["ground-found", "ground-found", "ground-missing"]
    text = " ".join(c.text)
    for fact in ("EUR 200,000", "English (en)", "tender (docx)", "24 months", "3 error", "2 warning", "1 info"):
        assert fact in text, fact


def test_toc_only_for_several_documents_and_failed_listed():
    many = html.render(sample_report(), generated=DAY)
    assert 'class="toc"' in many
    anchors = [a["href"] for t, a in parse(many).tags if t == "a"]
    assert anchors == ["#d1", "#d2", "#d3"]
    assert "no text layer (scanned: run OCR first)" in many
    assert "scanned-pdf" in many
    one = html.render(sample_report(clean_report()), generated=DAY)
    assert 'class="toc"' not in one
    assert "No findings." in one


def test_conclusion_sentences():
    assert "The document has errors" in html.conclusion(sample_report(tender_report()))
    assert html.conclusion(sample_report(clean_report())) == "No findings."
    assert "No document could be checked." in html.conclusion(sample_report(failed_report()))
    two = sample_report(tender_report("a.docx"), clean_report("b.txt"), failed_report())
    assert html.conclusion(two) == (
        "1 of 2 documents has errors to resolve before publication. 1 document could not be read (listed below)."
    )


def test_deterministic_with_fixed_date():
    assert html.render(sample_report(), generated=DAY) == html.render(sample_report(), generated=DAY)
    assert "2026-11-25" in html.render(sample_report(), generated=DAY)


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("<>&\"'=/ abscriptonerrorimg`*_|[]()\n")), min_size=1, max_size=60),
       cut=st.integers(min_value=0, max_value=60))
def test_no_markup_injection_property(text, cut):
    """Whatever the tender says, and wherever the match offsets point, no tag or attribute is created."""
    cut = min(cut, len(text))
    f = finding("barrier.x", "error", text, "", paragraph=1, message=text, suggestion=text, section=text)
    f.match = Match(text=text[cut:], start=cut, end=len(text), excerpt_start=cut, excerpt_end=len(text))
    report = CheckReport.build([DocumentReport(path=text, findings=[f])])
    baseline = parse(html.render(CheckReport.build([DocumentReport(path="x", findings=[
        finding("barrier.x", "error", "x", "", paragraph=1, message="x", suggestion="x", section="x")])]), generated=DAY))
    c = parse(html.render(report, generated=DAY))
    assert [t for t, _ in c.tags if t != "mark"] == [t for t, _ in baseline.tags if t != "mark"]
    assert "".join(c.marks) in ("", text[cut:])
    md = markdown.render(report)
    assert "<" not in md.replace("&lt;", "")
