"""The renderers on the real pipeline's output for the bundled example documents.

Every finding the checker reports for a fixture must appear in the HTML, the
Markdown and (for .docx) the annotated Word copy, with Word comments on the
paragraph the reader located and on the matched words.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

import docx
import pytest

import fairtender
from fairtender.models import CheckReport
from fairtender.readers import read_document
from fairtender.render import html, markdown, summary
from fairtender.render.docx_comments import annotate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DOCS = sorted(p for p in FIXTURES.glob("*") if p.suffix in {".docx", ".pdf", ".txt", ".md"}) if FIXTURES.is_dir() else []
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

pytestmark = pytest.mark.skipif(not DOCS, reason="no example documents in fixtures/")


@lru_cache(maxsize=1)
def fixture_report() -> CheckReport:
    return fairtender.check([str(p) for p in DOCS], jobs=1)


def test_every_fixture_finding_in_html_and_markdown():
    report = fixture_report()
    assert report.summary.failed == 0
    page = html.render(report)
    total = sum(len(d.findings) for d in report.documents)
    assert total > 0
    assert len(re.findall(r'<div class="finding sev-', page)) == total
    rules = re.findall(r'data-rule="([^"]+)"', page)
    assert sorted(rules) == sorted(f.rule for d in report.documents for f in d.findings)
    md = markdown.render(report)
    assert len(re.findall(r"^\d+\. \*\*(ERROR|WARNING|INFO)\*\*", md, flags=re.M)) == total
    for d in report.documents:
        for f in d.findings:
            assert f"`{f.rule}`" in md
    assert len(summary.render(report).splitlines()) == len(report.documents)


@pytest.mark.parametrize("path", [p for p in DOCS if p.suffix == ".docx"], ids=lambda p: p.name)
def test_every_fixture_finding_commented_in_word(path, tmp_path):
    report = fixture_report()
    doc_report = next(d for d in report.documents if Path(d.path).name == path.name)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "annotated.docx"
    n = annotate(doc_report, path, out)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    reader = {p.index: p for p in read_document(path).paragraphs}
    located = [f for f in doc_report.findings if f.location and f.location.paragraph in reader]
    # one per finding on its words, one per paragraph for findings about a whole paragraph, the summary
    whole_paragraphs = {f.location.paragraph for f in located if f.match is None}
    assert n == sum(1 for f in located if f.match is not None) + len(whole_paragraphs) + 1

    annotated = docx.Document(str(out))
    tree = annotated.element.getroottree()
    starts = {s.get(W + "id"): s for s in annotated.element.body.iter(W + "commentRangeStart")}
    placed = []
    for c in annotated.comments:
        start = starts.get(str(c.comment_id))
        owner = next(a for a in start.iterancestors() if a.tag == W + "p")
        placed.append((c.text, tree.getpath(owner)))
    for f in located:
        want = reader[f.location.paragraph].xml_path
        assert any(f.message.strip() in text and where == want for text, where in placed), f.rule
    assert [p.text for p in docx.Document(str(path)).paragraphs] == [p.text for p in annotated.paragraphs]
