"""The analysed document: paragraphs turned into spaCy Docs, once.

A *unit* is a paragraph, or a slice of a very long paragraph (a PDF table
flattened into one line, a 200 MB one-line text file): spaCy's cost and memory
grow with the length of one Doc, so we cut paragraphs longer than
``MAX_UNIT_CHARS`` at a sentence end or space. ``Unit.offset`` maps a token's
character index back into its paragraph, so findings still point at the
paragraph the user sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..models import Document, Location, Paragraph
from .language import LANGUAGES, detect_language
from .pipeline import get_nlp

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MAX_UNIT_CHARS = 20_000
_CUT = re.compile(r"[.!?;]\s|\s")


@dataclass
class Unit:
    paragraph: Paragraph
    doc: Doc
    offset: int = 0  # char offset of doc.text within paragraph.text


@dataclass
class AnalysedDocument:
    document: Document
    language: str
    nlp: Language
    units: list[Unit]
    cache: dict[str, Any] = field(default_factory=dict)  # engines may memoise per-document work here

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.document.paragraphs

    def sentences(self) -> Iterator[tuple[Unit, Span]]:
        """Every sentence with the unit (paragraph slice) it belongs to, in reading order."""
        for unit in self.units:
            yield from ((unit, sent) for sent in unit.doc.sents)

    @staticmethod
    def location(paragraph: Paragraph) -> Location:
        return Location(page=paragraph.page, paragraph=paragraph.index, section=paragraph.section)


def _slices(text: str) -> Iterator[tuple[int, str]]:
    if len(text) <= MAX_UNIT_CHARS:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(start + MAX_UNIT_CHARS, len(text))
        if end < len(text):
            window = text[start + MAX_UNIT_CHARS // 2 : end]
            cut = None
            for m in _CUT.finditer(window):
                cut = m.end()
            if cut:
                end = start + MAX_UNIT_CHARS // 2 + cut
        yield start, text[start:end]
        start = end


def analyse(document: Document, lang: str | None = None, model: str | None = None) -> AnalysedDocument:
    """Detect the language (unless given), then tokenise, split and lemmatise every paragraph."""
    from ..errors import UsageError

    if lang is not None and lang not in LANGUAGES and not model:
        raise UsageError(f"unsupported language '{lang}': choose one of {', '.join(LANGUAGES)}")
    language = lang or detect_language(_sample(document))
    nlp = get_nlp(language, model)
    pieces: list[tuple[Paragraph, int, str]] = [
        (p, off, chunk) for p in document.paragraphs for off, chunk in _slices(p.text)
    ]
    docs = nlp.pipe((chunk for _, _, chunk in pieces), batch_size=256)
    units = [Unit(paragraph=p, doc=d, offset=off) for (p, off, _), d in zip(pieces, docs, strict=False)]
    return AnalysedDocument(document=document, language=language, nlp=nlp, units=units)


def _sample(document: Document, limit: int = 20_000) -> str:
    """Body text first (headings and table cells are often codes or names), up to ``limit`` chars."""
    parts: list[str] = []
    size = 0
    for kind_ok in (lambda p: p.kind in ("body", "list-item"), lambda p: p.kind not in ("body", "list-item")):
        for p in document.paragraphs:
            if kind_ok(p):
                parts.append(p.text)
                size += len(p.text)
                if size >= limit:
                    return "\n".join(parts)
        if size >= 200:
            break
    return "\n".join(parts)
