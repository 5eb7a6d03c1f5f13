"""Word annotation on real tender documents (read in place from ../shared/real-world, never copied).

Real Word files have fields, bookmarks, revision marks, styles and runs split
mid-word; a comment on every paragraph of such a file, each on a few words
picked at random, must cover exactly those words and leave the text unchanged.
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

import docx
import pytest

from fairtender.models import DocumentReport, Finding, Location, Match, Severity
from fairtender.readers import read_document
from fairtender.render.docx_comments import annotate

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real-world" / "docs"
# the small ones: the whole suite must stay fast
NAMES = ["Call-Off Schedule 7 - Key Staff (DA).docx", "Joint Schedule 5 - Corporate Social Responsibility (DA).docx",
         "Joint Schedule 7 - Financial Distress (DA).docx"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-world/docs is absent")


def covered_texts(path: Path) -> dict[str, str]:
    """comment id -> text between its range markers."""
    body = docx.Document(str(path)).element.body
    open_ids: set[str] = set()
    texts: dict[str, list[str]] = {}
    for el in body.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.add(el.get(W + "id"))
            texts.setdefault(el.get(W + "id"), [])
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(el.get(W + "id"))
        elif el.tag in TEXT or el.tag == W + "t":
            piece = el.text or "" if el.tag == W + "t" else TEXT[el.tag]
            for i in open_ids:
                texts[i].append(piece)
    return {i: "".join(t) for i, t in texts.items()}


@pytest.mark.parametrize("name", NAMES)
def test_comment_on_every_paragraph_of_a_real_document(name, tmp_path):
    source = REAL / name
    if not source.exists():
        pytest.skip(f"{name} not in the real-world corpus")
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    doc = read_document(source)
    rng = random.Random(name)
    findings = []
    for p in doc.paragraphs:
        spans = list(re.finditer(r"\w{4,}(?:\s+\w{3,}){0,2}", p.text))
        if spans:
            m = rng.choice(spans)
            findings.append(Finding(rule="barrier.test", severity=Severity.warning, message=f"finding-{p.index}",
                                    location=Location(paragraph=p.index), excerpt=p.text,
                                    match=Match(text=m.group(), start=m.start(), end=m.end(),
                                                excerpt_start=m.start(), excerpt_end=m.end())))
    assert len(findings) > 10
    out = tmp_path / "annotated.docx"
    assert annotate(DocumentReport(path=str(source), findings=findings), source, out, document=doc) == len(findings) + 1
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before

    covered = covered_texts(out)
    annotated = docx.Document(str(out))
    by_message = {c.text.split("\n")[1]: str(c.comment_id) for c in annotated.comments if "\n" in c.text}
    for f in findings:
        got = covered[by_message[f.message]]
        assert " ".join(got.split()) == " ".join(f.match.text.split()), (f.location.paragraph, f.match.text, got)
    assert [p.text for p in docx.Document(str(source)).paragraphs] == [p.text for p in annotated.paragraphs]
