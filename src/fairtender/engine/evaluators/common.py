"""Machinery every rule kind shares: compiled matchers, sentence hits, findings.

Why one matcher for all rules: spaCy's Matcher walks a Doc once for all its
patterns, so compiling every rule's patterns, exceptions and contexts into one
Matcher (labels ``"<rule index>:<role>"``) and running it once per paragraph is
far cheaper than one pass per rule. The hits are then bucketed per sentence,
which is the scope of every exception ("or equivalent" must be in the same
sentence as the brand name).
"""

from __future__ import annotations

import bisect
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...models import Finding, Location, Match

if TYPE_CHECKING:  # pragma: no cover
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span

    from ...catalog.rule_schema import Rule
    from ...nlp import AnalysedDocument, Unit

# roles of a pattern inside a rule
PATTERN, EXCEPTION, REQUIRES, DOC_EXCEPTION, CONTEXT, CUMULATIVE = "p", "x", "r", "d", "c", "m"
EXCERPT_CHARS = 300


@dataclass
class CompiledRules:
    """Every rule's patterns for one language, in one Matcher."""

    language: str
    rules: list[Rule]
    matcher: Matcher
    roles: dict[int, set[str]] = field(default_factory=dict)  # rule index -> roles that have patterns


_CACHE: dict[tuple[str, int, tuple[str, ...]], CompiledRules] = {}
_LOCK = threading.Lock()


def compiled_rules(adoc: AnalysedDocument, rules: list[Rule]) -> CompiledRules:
    """Compile ``rules`` for the document's language once per process (keyed by content)."""
    lang = adoc.language
    key = (lang, id(adoc.nlp), tuple(r.fingerprint for r in rules))
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            return hit
        from ...catalog.alternatives import expand
        from ..patterns import compiler_for

        entries: dict[str, list[str]] = {}
        roles: dict[int, set[str]] = defaultdict(set)
        for i, rule in enumerate(rules):
            parts = {
                PATTERN: rule.patterns.get(lang, []),
                EXCEPTION: rule.exceptions.get(lang, []),
                REQUIRES: rule.requires.get(lang, []),
                DOC_EXCEPTION: rule.document_exceptions.get(lang, []),
                CONTEXT: rule.context_patterns(lang),
                CUMULATIVE: rule.threshold.cumulative.get(lang, []) if rule.threshold else [],
            }
            for role, pats in parts.items():
                if pats:
                    entries[f"{i}:{role}"] = [plain for p in pats for plain in expand(p)]
                    roles[i].add(role)
        matcher = compiler_for(adoc.nlp).matcher(entries)
        hit = CompiledRules(language=lang, rules=list(rules), matcher=matcher, roles=dict(roles))
        _CACHE[key] = hit
        return hit


@dataclass
class Hit:
    """One pattern match of one rule role, as token offsets into its unit's Doc."""

    rule: int
    role: str
    start: int
    end: int


@dataclass
class SentenceHits:
    """The hits of one sentence, by rule and role."""

    unit: Unit
    sent: Span
    index: int  # sentence number within its unit
    hits: dict[int, dict[str, list[Hit]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))

    def of(self, rule: int, role: str) -> list[Hit]:
        r = self.hits.get(rule)
        return r.get(role, []) if r else []


@dataclass
class DocumentHits:
    """All hits of a document: per sentence in reading order, plus the rules seen anywhere per role."""

    sentences: list[SentenceHits]
    anywhere: dict[int, set[str]]
    index: dict[tuple[int, int], SentenceHits] = field(default_factory=dict)  # (id(unit), sent.start)


def collect_hits(adoc: AnalysedDocument, compiled: CompiledRules) -> DocumentHits:
    from ..patterns import find

    sentences: list[SentenceHits] = []
    anywhere: dict[int, set[str]] = defaultdict(set)
    for unit in adoc.units:
        doc: Doc = unit.doc
        if not len(doc):
            continue
        raw = find(compiled.matcher, doc)
        if not raw:
            continue
        sents = list(doc.sents)
        starts = [s.start for s in sents]
        buckets: dict[int, SentenceHits] = {}
        for label, s, e in raw:
            i = bisect.bisect_right(starts, s) - 1
            sent = sents[i]
            if e > sent.end:  # a gap pattern that ran over a sentence end
                continue
            idx, role = label.split(":")
            r = int(idx)
            sh = buckets.get(i)
            if sh is None:
                sh = buckets[i] = SentenceHits(unit=unit, sent=sent, index=i)
            sh.hits[r][role].append(Hit(r, role, s, e))
            anywhere[r].add(role)
        sentences.extend(buckets[i] for i in sorted(buckets))
    index = {(id(sh.unit), sh.sent.start): sh for sh in sentences}
    return DocumentHits(sentences=sentences, anywhere=dict(anywhere), index=index)


def previous_sentence(adoc: AnalysedDocument, unit: Unit, sent: Span) -> tuple[Unit, Span] | None:
    """The sentence before ``sent`` (in the same unit, else the last one of the previous unit)."""
    if sent.start > 0:
        return unit, unit.doc[sent.start - 1].sent
    units = adoc.units
    for k, u in enumerate(units):
        if u is unit:
            for prev in reversed(units[:k]):
                if len(prev.doc):
                    return prev, prev.doc[len(prev.doc) - 1].sent
            return None
    return None


def passes(dh: DocumentHits, adoc: AnalysedDocument, compiled: CompiledRules, i: int, sh: SentenceHits) -> bool:
    """Whether rule ``i`` fires in sentence ``sh``: a pattern hit, no exception or context, requirements met.

    A ``requires`` pattern may also sit in the lead-in sentence of a list
    ("Minimum requirements:" followed by the items), which is how selection
    criteria are usually laid out.
    """
    if not sh.of(i, PATTERN) or sh.of(i, EXCEPTION) or sh.of(i, CONTEXT):
        return False
    if DOC_EXCEPTION in dh.anywhere.get(i, ()):
        return False
    if REQUIRES in compiled.roles.get(i, ()) and not sh.of(i, REQUIRES):
        prev = previous_sentence(adoc, sh.unit, sh.sent)
        if prev is None or not prev[1].text.rstrip().endswith(":"):
            return False
        ph = dh.index.get((id(prev[0]), prev[1].start))
        if ph is None or not ph.of(i, REQUIRES):
            return False
    return True


def excerpt(sent: Span, start_char: int, end_char: int, limit: int = EXCERPT_CHARS) -> tuple[str, int, int]:
    """The sentence, trimmed around [start_char, end_char) (doc offsets) to about ``limit`` chars.

    Returns the excerpt and the match offsets inside it.
    """
    text = sent.text
    base = sent.start_char
    ms, me = start_char - base, end_char - base
    if len(text) <= limit:
        lead = len(text) - len(text.lstrip())
        return text.strip(), ms - lead, me - lead
    room = max(limit - (me - ms), 0)
    left = max(0, ms - room // 2)
    right = min(len(text), me + (room - (ms - left)))
    left = max(0, min(left, right - limit))
    # widen to word boundaries
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and not text[right].isspace():
        right += 1
    chunk = text[left:right]
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return prefix + chunk + suffix, ms - left + len(prefix), me - left + len(prefix)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, values: dict[str, Any]) -> str:
    """``template`` with ``{placeholders}`` filled; unknown ones are left as written."""
    try:
        return template.format_map(_Blank(values))
    except (ValueError, IndexError):  # a stray brace in a user rule: show it verbatim
        return template


def make_finding(rule: Rule, adoc: AnalysedDocument, unit: Unit, sent: Span, start_tok: int, end_tok: int,
                 *, values: dict[str, Any] | None = None, severity=None, message: str | None = None) -> Finding:
    """A finding for the tokens [start_tok, end_tok) of ``unit`` inside sentence ``sent``."""
    doc = unit.doc
    span = doc[start_tok:end_tok]
    text, es, ee = excerpt(sent, span.start_char, span.end_char)
    vals = {"match": span.text, **(values or {})}
    location: Location = adoc.location(unit.paragraph)
    return Finding(
        rule=rule.id,
        severity=severity or rule.severity,
        message=render(message or rule.message, vals),
        location=location,
        excerpt=text,
        suggestion=render(rule.suggestion, vals).strip(),
        legal_basis=rule.legal_basis,
        title=rule.title,
        kind="barrier",
        match=Match(text=span.text, start=unit.offset + span.start_char, end=unit.offset + span.end_char,
                    excerpt_start=es, excerpt_end=ee),
    )


def fmt_money(amount: float, currency: str | None) -> str:
    """"EUR 1,250,000" (cents only when there are any)."""
    num = f"{amount:,.2f}" if abs(amount - round(amount)) > 0.004 else f"{amount:,.0f}"
    return f"{currency} {num}" if currency else num


def fmt_number(x: float) -> str:
    return f"{x:g}" if abs(x - round(x)) > 1e-9 else str(int(round(x)))
