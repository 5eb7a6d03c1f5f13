"""Fuzzing the HTML and Markdown reports with hostile text in EVERY field of a report.

``test_render_html.py`` fuzzes a finding's text. Here one hostile string goes
into every string a report carries (paths, sections, excerpts, match offsets,
template and element titles, grounds, contract-value phrase, error messages),
and the page is compared structurally with the same report built from a
harmless string: the browser must see exactly the same tags and attributes,
the hostile text must come through as text, and template syntax (``{{ }}``,
``{% %}``) must never be evaluated.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fairtender.models import (
    CheckReport,
    ContractValue,
    DocumentErrorInfo,
    DocumentReport,
    ElementResult,
    Finding,
    Grounds,
    Location,
    Match,
    Severity,
    TemplateResult,
)
from fairtender.render import html, markdown

DAY = dt.date(2026, 11, 25)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = ["<script>alert(1)</script>", "</style><script>x()</script>", '"><img src=x onerror=alert(2)>',
          "' onmouseover='y()", "{{ 7*7 }}", "{% for x in range(3) %}X{% endfor %}", "</textarea>", "<!--",
          "-->", "<![CDATA[", "&lt;b&gt;", "&#60;i&#62;", "javascript:alert(3)", "\u202e", "\n# heading\n",
          "| a | b |", "[link](http://evil.example)", "`code`", "*emph*", "\r\n", "\x00", "é€ß", " "]
hostile = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), min_size=1, max_size=6).map("".join)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(k for k, _ in attrs))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.tags.append(("<!--", ()))


def parse(page: str) -> Tags:
    t = Tags()
    t.feed(page)
    t.close()
    return t


def report(s: str, cut: int) -> CheckReport:
    """A two-document report (one read, one failed) with ``s`` in every string field.

    ``s`` is framed by letters so an empty or all-blank string does not drop an optional part.
    """
    s = f"a{s}z"
    excerpt = f"Tenderers {s} must be native speakers {s}."
    start = min(cut, len(excerpt) - 1)
    f_barrier = Finding(
        rule="barrier.language", severity=Severity.error, message=f"Native-speaker demand: {s}",
        location=Location(page=2, paragraph=7, section=f"4. Selection {s}"), excerpt=excerpt,
        suggestion=f"Ask for a level: {s}", legal_basis=f"Directive {s}", title=f"Native {s}",
        match=Match(text=excerpt[start:], start=start, end=len(excerpt), excerpt_start=start,
                    excerpt_end=len(excerpt)),
        accepted=s)
    f_clause = Finding(rule="clause.ghent.subcontractors", severity=Severity.warning, kind="clause",
                       template="ghent", message=f"Missing: {s}", suggestion=f"Add: {s}", excerpt="")
    tpl = TemplateResult(
        id="ghent", status="partial", title=f"Ghent {s}",
        elements=[ElementResult(id="clause.ghent.grounds", present=True, title=f"Grounds {s}", excerpt=s,
                                location=Location(paragraph=3, section=s)),
                  ElementResult(id="clause.ghent.subcontractors", present=False, title=f"Sub {s}")],
        grounds=Grounds(required=["age", f"g{s}"], found=[f"g{s}"], missing=["age"]))
    ok = DocumentReport(path=f"tenders/{s}.docx", language="en", format="docx", kind="tender", pages=3,
                        paragraphs=40, contract_value=ContractValue(amount=250000, currency="EUR", text=s),
                        templates=[tpl], findings=[f_barrier, f_clause])
    failed = DocumentReport(path=f"tenders/{s}-broken.pdf",
                            error=DocumentErrorInfo(code="corrupt", message=f"tenders/{s}: corrupt PDF {s}"))
    return CheckReport.build([ok, failed])


@FAST
@given(s=hostile, cut=st.integers(0, 80))
@example(s="</style><script>alert(1)</script>", cut=0)
@example(s="{{ 7*7 }}{{ config }}", cut=5)
@example(s='"><svg/onload=alert(1)>', cut=20)
def test_html_structure_is_independent_of_the_text(s, cut):
    page = html.render(report(s, cut), generated=DAY)
    base = parse(html.render(report("x", cut), generated=DAY))
    got = parse(page)
    strip = {"mark"}  # the highlight may cover more or less of the hostile excerpt
    assert [t for t in got.tags if t[0] not in strip] == [t for t in base.tags if t[0] not in strip]
    assert not any(t[0] in {"script", "img", "svg", "iframe", "object", "embed", "link", "base", "form"}
                   for t in got.tags)
    text = "".join(got.text)
    if "{{ 7*7 }}" in s:
        assert "{{ 7*7 }}" in text  # shown literally, never evaluated
    # every visible piece of the hostile string is there as text (whitespace may be folded)
    for piece in s.split():
        if piece.isprintable() and "\x00" not in piece:
            assert piece in text or piece.replace("\u202e", "") in text, piece


@FAST
@given(s=hostile, cut=st.integers(0, 80))
@example(s="\n# heading\n<script>x</script>", cut=0)
@example(s="| a | b |\n|---|---|", cut=3)
def test_markdown_structure_is_independent_of_the_text(s, cut):
    md = markdown.render(report(s, cut))
    base = markdown.render(report("x", cut))
    assert len(md.splitlines()) == len(base.splitlines())  # hostile text never adds lines, headings or rows
    assert "<" not in md.replace("&lt;", "")
    for got_line, base_line in zip(md.splitlines(), base.splitlines(), strict=True):
        assert got_line.startswith("#") == base_line.startswith("#")
        assert got_line.startswith("|") == base_line.startswith("|")
        if got_line.startswith("|"):  # a table row keeps its number of cells
            assert got_line.replace("\\|", "").count("|") == base_line.count("|")
