"""``--format docx``: a copy of a Word tender with a comment on every flagged passage.

Lawyers review in Word, so each finding becomes a Word comment (python-docx
>= 1.2 comments API) anchored on exactly the words that triggered it. The
report only knows paragraph numbers in reading order; the reader knows, for
each paragraph, the lxml path of its ``w:p`` (``Paragraph.xml_path``), so we
re-read the source with :func:`fairtender.readers.read_document` and follow
that path into a fresh copy. Runs are split at the match boundaries (each half
keeps a copy of the run properties) so the comment covers the words and
nothing else; when the words cannot be found, the comment covers the whole
paragraph rather than being lost. Findings with no paragraph (a missing clause
element, a document-level barrier) go into one summary comment on the first
paragraph. The source file is only ever read.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DocumentError, UsageError
from ..models import Document, DocumentReport, Finding

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document as DocxDocument
    from lxml.etree import _Element

AUTHOR = "fairtender"
INITIALS = "FT"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_W = f"{{{W_NS}}}"

# Run children that carry text, with their text equivalent (as the docx reader reads them).
_CHAR_TAGS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def annotate(doc_report: DocumentReport, source: Path, output: Path, *, document: Document | None = None) -> int:
    """Write ``output``: a copy of ``source`` with Word comments on the findings; return the number written.

    One comment per finding with matched words (on exactly those words), one
    per paragraph for findings about a whole paragraph, and one summary
    comment on the first paragraph (counts, missing clause elements, findings
    with no paragraph).

    ``document`` is the reader's view of ``source`` (paragraphs with
    ``xml_path``); when omitted it is read with
    :func:`fairtender.readers.read_document`. ``source`` is never modified.
    """
    import docx

    source, output = Path(source), Path(output)
    if doc_report.error is not None:
        raise DocumentError(str(source), f"cannot annotate: {doc_report.error.message}", code=doc_report.error.code)
    if source.suffix.lower() != ".docx":
        raise DocumentError(str(source), "Word comments can only be added to .docx files", code="unsupported-format")
    if output.exists() and output.resolve() == source.resolve():
        raise UsageError(f"{output}: the annotated copy must not overwrite the original; choose another --output")
    if document is None:
        from ..readers import read_document

        document = read_document(source)

    data = source.read_bytes()  # read once; python-docx works on the in-memory copy
    wdoc = docx.Document(io.BytesIO(data))
    locator = _Locator(wdoc, document)

    written = 0
    unplaced: list[Finding] = []
    # Findings about a whole paragraph (no matched words, e.g. clause elements missing from the
    # clause there) share one comment per paragraph instead of stacking a dozen on it.
    whole: dict[int, tuple[_Element, list[Finding]]] = {}
    for finding in doc_report.findings:
        p_elm = locator.element(finding)
        if p_elm is None:
            unplaced.append(finding)
            continue
        if finding.match is None:
            whole.setdefault(id(p_elm), (p_elm, []))[1].append(finding)
            continue
        runs = _anchor(wdoc, p_elm, finding, locator.reader_text(finding))
        if not runs:
            unplaced.append(finding)
            continue
        wdoc.add_comment(runs, text=comment_text(finding), author=AUTHOR, initials=INITIALS)
        written += 1
    for p_elm, group in whole.values():
        runs = _anchor(wdoc, p_elm, group[0], None)
        if not runs:
            unplaced.extend(group)
            continue
        text = "\n\n".join(comment_text(f) for f in group)  # an empty paragraph between findings
        wdoc.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)
        written += 1

    summary = summary_text(doc_report, unplaced)
    first = locator.first_paragraph_runs()
    if first:
        wdoc.add_comment(first, text=summary, author=AUTHOR, initials=INITIALS)
        written += 1

    output.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    wdoc.save(buf)
    output.write_bytes(buf.getvalue())
    return written


# --------------------------------------------------------------------------- comment text


def comment_text(finding: Finding) -> str:
    """Message, fix and legal basis, one paragraph each (python-docx splits on newlines)."""
    head = f"[{finding.severity.value.upper()}] {finding.title or finding.rule}"
    lines = [head, finding.message.strip()]
    if finding.suggestion:
        lines.append(f"Suggested fix: {finding.suggestion.strip()}")
    if finding.legal_basis:
        lines.append(f"Legal basis: {finding.legal_basis.strip()}")
    if finding.accepted:
        lines.append(f"Accepted: {finding.accepted.strip()}")
    lines.append(f"Rule: {finding.rule}")
    return "\n".join(_clean(x) for x in lines if x)


def summary_text(doc_report: DocumentReport, unplaced: list[Finding]) -> str:
    """The summary comment: counts, missing clause elements, and findings with no paragraph to sit on."""
    e, w, i = (doc_report.count(s) for s in ("error", "warning", "info"))
    counts = f"{e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}, {i} info"
    lines = [f"fairtender check: {counts}."]
    listed: set[str] = set()
    by_rule: dict[str, list[Finding]] = {}
    for f in unplaced:
        by_rule.setdefault(f.rule, []).append(f)
    for t in doc_report.templates:
        missing = [e for e in t.elements if not e.present]
        if missing:
            lines.append(f"Clause template '{t.id}' ({t.status}): missing elements:")
            for e in missing:
                lines.append(f"  - {e.title or e.id} ({e.id})")
                for f in by_rule.get(e.id, []):
                    lines.append(f"    [{f.severity.value.upper()}] {f.message.strip()}")
                    if f.suggestion:
                        lines.append(f"    Suggested fix: {f.suggestion.strip()}")
                listed.add(e.id)
        else:
            lines.append(f"Clause template '{t.id}': all elements present.")
        if t.grounds and t.grounds.missing:
            lines.append(f"  Protected grounds not named: {', '.join(t.grounds.missing)}")
    others = [f for f in unplaced if f.rule not in listed]
    if others:
        lines.append("Findings for the whole document:")
        for f in others:
            lines.append(f"  - [{f.severity.value.upper()}] {f.message.strip()}")
            if f.suggestion:
                lines.append(f"    Suggested fix: {f.suggestion.strip()}")
            if f.legal_basis:
                lines.append(f"    Legal basis: {f.legal_basis.strip()}")
    return "\n".join(_clean(x) for x in lines)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(text: str) -> str:
    """XML 1.0 forbids most control characters; tenders sometimes contain them."""
    return _CONTROL.sub(" ", text.replace("\n", " ").replace("\r", " "))


# --------------------------------------------------------------------------- locating paragraphs


class _Locator:
    """Maps a finding's 1-based reading-order paragraph to the ``w:p`` element in the copy."""

    def __init__(self, wdoc: DocxDocument, document: Document) -> None:
        self.wdoc = wdoc
        self.root = wdoc.element
        self.tree = self.root.getroottree()
        self.by_index = {p.index: p for p in document.paragraphs}
        self.document = document
        ns = {k: v for k, v in (self.root.nsmap or {}).items() if k}
        from docx.oxml.ns import nsmap as docx_nsmap

        for k, v in docx_nsmap.items():
            ns.setdefault(k, v)
        self.ns = ns

    def _resolve(self, xml_path: str | None) -> _Element | None:
        if not xml_path:
            return None
        try:
            hits = self.tree.xpath(xml_path, namespaces=self.ns)
        except Exception:  # an unknown prefix or malformed path: fall back to text search
            return None
        if isinstance(hits, list) and len(hits) == 1 and getattr(hits[0], "tag", None) == _W + "p":
            return hits[0]
        return None

    def element(self, finding: Finding) -> _Element | None:
        if finding.location is None:
            return None
        para = self.by_index.get(finding.location.paragraph)
        if para is None:
            return None
        found = self._resolve(para.xml_path)
        if found is not None:
            return found
        # Fallback: the first w:p whose text is the paragraph's text (whitespace-insensitive).
        want = " ".join(para.text.split())
        if not want:
            return None
        for p in self.root.iter(_W + "p"):
            if " ".join(_paragraph_text(p).split()) == want:
                return p
        return None

    def reader_text(self, finding: Finding) -> str | None:
        para = self.by_index.get(finding.location.paragraph) if finding.location else None
        return para.text if para is not None else None

    def first_paragraph_runs(self) -> list | None:
        """Runs of the first paragraph in reading order that has text (else the first w:p in the body)."""
        from docx.text.paragraph import Paragraph as DocxParagraph

        for para in sorted(self.by_index.values(), key=lambda p: p.index):
            p = self._resolve(para.xml_path)
            if p is not None:
                runs = [r for r in _text_runs(p) if _run_text(r)]
                if runs:
                    return [_run_obj(self.wdoc, r) for r in runs]
        body = self.root.find(_W + "body")
        first = body.find(_W + "p") if body is not None else None
        if first is None:
            return None
        runs = _text_runs(first)
        if runs:
            return [_run_obj(self.wdoc, runs[0]), _run_obj(self.wdoc, runs[-1])]
        # An empty first paragraph: give the comment an (empty) run to hold on to.
        return [DocxParagraph(first, self.wdoc._body).add_run("")]


# --------------------------------------------------------------------------- runs


@dataclass
class _Seg:
    r: _Element
    start: int
    end: int


def _anchor(wdoc: DocxDocument, p_elm: _Element, finding: Finding, reader_text: str | None) -> list:
    host = _textbox_host_run(p_elm)
    if host is not None:
        # Word keeps no comments inside text boxes: anchor on the run holding the box.
        return [_run_obj(wdoc, host)]
    return _runs_for(wdoc, p_elm, finding, reader_text)


def _textbox_host_run(p: _Element) -> _Element | None:
    """For a paragraph inside a text box, the outermost run (in a body or cell paragraph) that holds the box."""
    if not any(a.tag == _W + "txbxContent" for a in p.iterancestors()):
        return None
    runs = [a for a in p.iterancestors() if a.tag == _W + "r"]
    return runs[-1] if runs else None


def _owner_paragraph(el: _Element) -> _Element | None:
    for anc in el.iterancestors():
        if anc.tag == _W + "p":
            return anc
    return None


def _text_runs(p: _Element) -> list[_Element]:
    """The paragraph's own runs in order (not those of nested text boxes, not deleted text)."""
    out = []
    for r in p.iter(_W + "r"):
        if _owner_paragraph(r) is not p:
            continue
        if any(a.tag in (_W + "del", _W + "moveFrom") for a in r.iterancestors()):
            continue
        out.append(r)
    return out


def _run_text(r: _Element) -> str:
    parts = []
    for child in r:
        if child.tag == _W + "t":
            parts.append(child.text or "")
        elif child.tag in _CHAR_TAGS:
            parts.append(_CHAR_TAGS[child.tag])
    return "".join(parts)


def _paragraph_text(p: _Element) -> str:
    return "".join(_run_text(r) for r in _text_runs(p))


def _segments(p: _Element) -> list[_Seg]:
    segs, pos = [], 0
    for r in _text_runs(p):
        n = len(_run_text(r))
        segs.append(_Seg(r, pos, pos + n))
        pos += n
    return segs


def _child_len(child: _Element) -> int:
    if child.tag == _W + "t":
        return len(child.text or "")
    return 1 if child.tag in _CHAR_TAGS else 0


def _split_run(r: _Element, k: int) -> _Element:
    """Split run ``r`` after ``k`` characters; return the new right-hand run (inserted after ``r``).

    The right half is a deep copy of the run, so it keeps the run properties
    (bold, font, highlighting, revision marks) of the original.
    """
    right = copy.deepcopy(r)
    _keep(r, 0, k)
    _keep(right, k, None)
    r.addnext(right)
    return right


def _keep(r: _Element, lo: int, hi: int | None) -> None:
    """Keep only the characters [lo, hi) of run ``r`` (``w:rPr`` always kept)."""
    pos = 0
    for child in list(r):
        if child.tag == _W + "rPr":
            continue
        n = _child_len(child)
        c_lo, c_hi = pos, pos + n
        pos = c_hi
        end = hi if hi is not None else c_hi
        if n == 0:
            # zero-width content (drawings, field chars) stays on the side it starts on
            if not (lo <= c_lo and (hi is None or c_lo < hi)):
                r.remove(child)
            continue
        a, b = max(c_lo, lo), min(c_hi, end)
        if a >= b:
            r.remove(child)
        elif child.tag == _W + "t" and (a, b) != (c_lo, c_hi):
            child.text = (child.text or "")[a - c_lo : b - c_lo]
            child.set(f"{{{XML_NS}}}space", "preserve")


def _normalise(text: str) -> tuple[str, list[int]]:
    """Whitespace collapsed to single spaces and stripped, with each kept char's index in ``text``."""
    chars: list[str] = []
    where: list[int] = []
    pending_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            pending_space = bool(chars)
            continue
        if pending_space:
            chars.append(" ")
            where.append(i - 1)
            pending_space = False
        chars.append(ch)
        where.append(i)
    return "".join(chars), where


def _loosely_equal(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _align(reader_text: str, run_text: str, s: int, e: int) -> tuple[int, int] | None:
    """Map offsets in the reader's paragraph text onto the run text when they differ only in whitespace."""
    from bisect import bisect_left

    nr, mr = _normalise(reader_text)
    nt, mt = _normalise(run_text)
    if nr != nt or not nt:
        return None
    ns, ne = bisect_left(mr, s), bisect_left(mr, e)
    if not 0 <= ns < ne <= len(mt):
        return None
    return mt[ns], mt[ne - 1] + 1


def _locate(text: str, finding: Finding, reader_text: str | None) -> tuple[int, int] | None:
    """Where the triggering words are in this paragraph's run text.

    The offsets refer to the reader's paragraph text, which may differ from
    the run text in whitespace (readers collapse and strip it). Trust the
    offsets when they point at the words; else align the two texts; else
    search for the words (nearest occurrence to the offset, exactly, then
    ignoring case and spacing); else give up (the caller comments the whole
    paragraph).
    """
    m = finding.match
    if m is None:
        return None
    s, e = m.start, m.end
    if 0 <= s < e <= len(text) and (not m.text or text[s:e] == m.text):
        return s, e
    if reader_text is not None:
        span = _align(reader_text, text, s, e)
        if span and (not m.text or _loosely_equal(text[span[0] : span[1]], m.text)):
            return span
    if not m.text:
        return None
    spans = [(i.start(), i.end()) for i in re.finditer(re.escape(m.text), text)]
    tokens = m.text.split()
    if tokens:
        pattern = r"\s+".join(re.escape(t) for t in tokens)
        spans += [(i.start(), i.end()) for i in re.finditer(pattern, text, flags=re.IGNORECASE)]
    if not spans:
        return None
    return min(spans, key=lambda sp: (abs(sp[0] - s), sp[0]))


def _runs_for(wdoc: DocxDocument, p: _Element, finding: Finding, reader_text: str | None = None) -> list:
    """The Run objects covering exactly the finding's words (splitting runs), else the whole paragraph."""
    segs = _segments(p)
    text = "".join(_run_text(s.r) for s in segs)
    span = _locate(text, finding, reader_text)
    if span is None:
        covered = [s.r for s in segs if s.end > s.start]
    else:
        s, e = span
        for seg in segs:
            if seg.start < s < seg.end:
                _split_run(seg.r, s - seg.start)
        for seg in _segments(p):
            if seg.start < e < seg.end:
                _split_run(seg.r, e - seg.start)
        covered = [seg.r for seg in _segments(p) if seg.start >= s and seg.end <= e and seg.end > seg.start]
    if not covered:
        return []
    return [_run_obj(wdoc, covered[0]), _run_obj(wdoc, covered[-1])]


def _run_obj(wdoc: DocxDocument, r: _Element):
    from docx.text.run import Run

    return Run(r, wdoc._body)
