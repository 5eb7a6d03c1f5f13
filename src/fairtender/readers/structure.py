"""Shared structure helpers for the readers: numbered-heading patterns and the section path.

Tenders number their sections ("4.2 Economic and financial standing",
"Artikel 8 - Geheimhouding", "§ 6 Nachunternehmer", "SECTION III") far more
reliably than they use Word heading styles, and PDF or text files have no
styles at all. So one set of patterns serves all three readers; each reader
adds its own evidence (bold in docx, a short line in PDF, a blank line before
it in text) before it trusts a match.
"""

from __future__ import annotations

import re

from ..models import Paragraph

_KEYWORDS = (
    "artikel|article|art\\.|section|sektion|avsnitt|kapitel|chapter|hoofdstuk|paragraaf|afdeling|"
    "annex|annexe|bijlage|bilaga|anlage|anhang|appendix|chapitre|titre|part|deel|del|teil|lot|perceel|"
    "delområde|los|schedule|clause"
)
_NUMBERED = re.compile(r"^(?P<num>[A-Z]?\d{1,2}(?:\.\d{1,2}){0,5})\.?\)?\s+(?P<title>\S.*)$")
_KEYWORD = re.compile(rf"^(?:{_KEYWORDS})\s+(?:\d{{1,3}}(?:\.\d{{1,2}})*|[IVXLC]{{1,6}}|[A-Z])\b", re.IGNORECASE)
_SECTION_SIGN = re.compile(r"^§\s*\d+[a-z]?\b")
_ROMAN = re.compile(r"^(?P<num>[IVX]{1,5})[.)]\s+\S")
_TERMINAL = (".", ";", ",", ":", "!", "?")

#: Finite verbs that make a short line a statement ("3 Consortia are allowed"), not a title.
_STATEMENT_VERBS = frozenset(
    ["must", "shall", "should", "will", "may", "is", "are", "be", "has", "have", "can", "cannot", "moet", "moeten", "dient", "dienen", "zal", "zullen", "zijn", "heeft", "hebben", "mag", "mogen", "kan", "kunnen", "wordt", "worden", "ska", "skall", "måste", "bör", "är", "har", "får", "muss", "müssen", "soll", "sollen", "ist", "sind", "hat", "haben", "wird", "werden", "darf", "dürfen", "können", "doit", "doivent", "est", "sont", "ont", "peut", "peuvent", "sera", "seront"]
)

MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 14


def numbered_heading_level(text: str) -> int | None:
    """Level of a numbered heading line ("4.2 Economic ..." -> 2, "Artikel 8 - ..." -> 1), else None.

    Only the shape is judged here: short, no final sentence punctuation, a
    numbering prefix followed by a capitalised title. Readers add their own
    evidence (bold, line length) before they call it a heading.
    """
    t = text.strip()
    if not t or len(t) > MAX_HEADING_CHARS or len(t.split()) > MAX_HEADING_WORDS:
        return None
    if t.endswith(_TERMINAL) or t.endswith("…"):
        return None
    m = _NUMBERED.match(t)
    if m:
        title = m.group("title")
        if not (title[0].isupper() or title[0] in "§\"'(«“"):
            return None
        # "2026 Annual report" is a year, "12 Months" a quantity: at most 2 digits per group (regex) and
        # a title with at least one letter word.
        if not re.search(r"[^\W\d_]{2,}", title):
            return None
        return m.group("num").count(".") + 1
    if is_keyword_heading(t):
        return 1
    m = _ROMAN.match(t)
    if m and re.search(r"[^\W\d_]{3,}", t[m.end() - 1:]):
        return 1
    return None


def looks_like_statement(text: str) -> bool:
    """True when a short line carries a finite verb ("must", "ska", "moet", ...): a requirement, not a title.

    Used where there is no formatting evidence (PDF, plain text): "3 The tenderer must have 250 employees"
    is a numbered requirement, "3 Selection criteria" a heading.
    """
    return any(w in _STATEMENT_VERBS for w in re.findall(r"[^\W\d_]+", text.lower()))


def is_keyword_heading(text: str) -> bool:
    """"Artikel 8", "Bilaga 1: ...", "§ 5": headings in running text, but also items of an enumeration."""
    t = text.strip()
    return bool(_KEYWORD.match(t) or _SECTION_SIGN.match(t))


def is_caps_heading(text: str) -> bool:
    """An ALL-CAPS short line ("SELECTION CRITERIA", "SECTION III") -- a heading in PDF and text files."""
    t = text.strip()
    if len(t) > 80 or t.endswith(_TERMINAL):
        return False
    letters = [c for c in t if c.isalpha()]
    if len(letters) < 4:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.9 and len(t.split()) <= 10


class SectionTracker:
    """Keeps the heading path while paragraphs stream past.

    Convention (documented for every reader): a heading's own ``section_path``
    holds its *parents* only; the paragraphs after it carry the full path
    including it. A heading of level N closes every open heading of level >= N.
    """

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []

    @property
    def path(self) -> list[str]:
        return [text for _, text in self._stack]

    def heading(self, level: int, text: str) -> list[str]:
        """Register a heading; return the section path the heading itself gets (its parents)."""
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        parents = self.path
        self._stack.append((level, text))
        return parents


    def retitle_last(self, text: str) -> None:
        """Replace the text of the innermost open heading (a heading that wrapped onto a second line)."""
        if self._stack:
            self._stack[-1] = (self._stack[-1][0], text)


def renumber(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Give paragraphs their 1-based reading-order index (after readers dropped empties)."""
    for i, p in enumerate(paragraphs, 1):
        p.index = i
    return paragraphs
