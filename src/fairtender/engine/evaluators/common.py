"""Machinery every rule kind shares: compiled matchers, sentence hits, findings.

Why per-rule matchers behind an anchor index: spaCy's Matcher evaluates the
first token of every pattern at every token, in Python for lemma-set and regex
predicates, so one Matcher holding every rule's patterns costs far more than
reading the document. Instead each rule gets small Matchers (its patterns; its
exceptions, requirements and contexts; its document-wide exceptions), and a
cheap index of *anchor* words (:mod:`.anchors`) says in which sentences a rule
can fire at all. A rule's patterns run only on those sentences, and its
exceptions only on the sentences where a pattern matched. Sentence scope is
the scope of every exception ("or equivalent" must be in the same sentence as
the brand name).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...models import Finding, Location, Match
from .anchors import Option, doc_stats, pattern_options, rarest

if TYPE_CHECKING:  # pragma: no cover
    from spacy.matcher import Matcher
    from spacy.tokens import Span

    from ...catalog.rule_schema import Rule
    from ...nlp import AnalysedDocument, Unit

# roles of a pattern inside a rule
PATTERN, EXCEPTION, REQUIRES, DOC_EXCEPTION, CONTEXT, CUMULATIVE = "p", "x", "r", "d", "c", "m"
AUX_ROLES = (EXCEPTION, REQUIRES, CONTEXT, CUMULATIVE)
EXCERPT_CHARS = 300


class _Lazy:
    """A Matcher compiled on first use.

    Most patterns never run on a given document (their anchor words are not in
    it), and compiling all of them up front cost more than checking a short
    tender; so each is compiled the first time a sentence needs it, once per
    process.
    """

    __slots__ = ("_compiler", "_entries", "_matcher")

    def __init__(self, compiler: Any, entries: dict[str, list[str]]) -> None:
        self._compiler, self._entries, self._matcher = compiler, entries, None

    def get(self) -> Matcher:
        if self._matcher is None:
            self._matcher = self._compiler.matcher(self._entries)
        return self._matcher


@dataclass
class PatternMatcher:
    """One plain pattern's (lazily compiled) Matcher and the anchor options any match of it must contain."""

    lazy: _Lazy
    options: list[Option] | None

    @property
    def matcher(self) -> Matcher:
        return self.lazy.get()


@dataclass
class RuleMatchers:
    """The patterns of one rule for one language, compiled when first needed."""

    patterns: list[PatternMatcher]
    lazy_aux: _Lazy | None  # exceptions, requires, contexts, cumulative markers
    doc_exceptions: list[PatternMatcher]

    @property
    def aux(self) -> Matcher | None:
        return self.lazy_aux.get() if self.lazy_aux is not None else None


@dataclass
class CompiledRules:
    """Every rule's matchers for one language."""

    language: str
    rules: list[Rule]
    per_rule: list[RuleMatchers]
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

        compiler = compiler_for(adoc.nlp)
        roles: dict[int, set[str]] = defaultdict(set)
        per_rule: list[RuleMatchers] = []

        def one_by_one(label: str, plain: list[str]) -> list[PatternMatcher]:
            return [PatternMatcher(_Lazy(compiler, {label: [q]}), pattern_options(compiler, q)) for q in plain]

        for i, rule in enumerate(rules):
            parts = {
                PATTERN: rule.patterns.get(lang, []),
                EXCEPTION: rule.exceptions.get(lang, []),
                REQUIRES: rule.requires.get(lang, []),
                DOC_EXCEPTION: rule.document_exceptions.get(lang, []),
                CONTEXT: rule.context_patterns(lang),
                CUMULATIVE: rule.threshold.cumulative.get(lang, []) if rule.threshold else [],
            }
            plain = {role: list(dict.fromkeys(q for p in pats for q in expand(p)))
                     for role, pats in parts.items() if pats}
            roles[i].update(plain)
            aux = {f"{i}:{role}": plain[role] for role in AUX_ROLES if role in plain}
            per_rule.append(RuleMatchers(
                patterns=one_by_one(f"{i}:{PATTERN}", plain.get(PATTERN, [])),
                lazy_aux=_Lazy(compiler, aux) if aux else None,
                doc_exceptions=one_by_one(f"{i}:{DOC_EXCEPTION}", plain.get(DOC_EXCEPTION, [])),
            ))
        hit = CompiledRules(language=lang, rules=list(rules), per_rule=per_rule, roles=dict(roles))
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
    """Run each pattern only on the sentences holding its rarest anchor; exceptions only where it matched."""
    from ..patterns import find

    stats = doc_stats(adoc)
    units = [u for u in adoc.units if len(u.doc)]
    every = list(range(len(stats)))
    table: dict[int, SentenceHits] = {}
    anywhere: dict[int, set[str]] = defaultdict(set)

    def add(sid: int, found: list[tuple[str, int, int]]) -> None:
        u, k, _, _ = stats.bounds[sid]
        sent = stats.span(sid)
        for label, s, e in found:
            if e > sent.end:
                continue
            idx, role = label.split(":")
            r = int(idx)
            sh = table.get(sid)
            if sh is None:
                sh = table[sid] = SentenceHits(unit=units[u], sent=sent, index=k)
            sh.hits[r][role].append(Hit(r, role, s, e))
            anywhere[r].add(role)

    memo: dict[tuple[int, str], list[tuple[str, int, int]]] = {}

    def matches(matcher: Matcher, sid: int) -> list[tuple[str, int, int]]:
        """Matcher hits in a sentence; identical sentences (boilerplate, table rows) are matched once."""
        start = stats.bounds[sid][2]
        key = (id(matcher), stats.texts[sid])
        rel = memo.get(key)
        if rel is None:
            rel = memo[key] = [(lab, s - start, e - start) for lab, s, e in find(matcher, stats.span(sid))]
        return [(lab, s + start, e + start) for lab, s, e in rel]

    def run(pms: list[PatternMatcher], *, one_per_sentence: bool = False, stop_at_first: bool = False) -> list[int]:
        hit_ids: set[int] = set()
        for pm in pms:
            sids = rarest(pm.options, stats)
            for sid in every if sids is None else sids:
                if one_per_sentence and sid in hit_ids:
                    continue  # a pattern rule needs one match per sentence
                if pm.options is not None and not stats.has_all(pm.options, sid):
                    continue
                found = matches(pm.matcher, sid)
                if found:
                    add(sid, found)
                    hit_ids.add(sid)
                    if stop_at_first:
                        return sorted(hit_ids)
        return sorted(hit_ids)

    for i, rm in enumerate(compiled.per_rule):
        matched = run(rm.patterns, one_per_sentence=compiled.rules[i].kind != "threshold")
        if not matched:
            continue
        if rm.aux is not None:
            todo = set(matched)
            if REQUIRES in compiled.roles.get(i, ()):
                for sid in matched:  # a lead-in sentence ("Minimum requirements:") may hold the requirement
                    if sid > 0 and stats.texts[sid - 1].rstrip().endswith(":"):
                        todo.add(sid - 1)
            for sid in sorted(todo):
                add(sid, matches(rm.aux, sid))
        if rm.doc_exceptions:
            run(rm.doc_exceptions, stop_at_first=True)

    sentences = [table[sid] for sid in sorted(table)]
    lookup = {(id(sh.unit), sh.sent.start): sh for sh in sentences}
    return DocumentHits(sentences=sentences, anywhere=dict(anywhere), index=lookup)


def adoc_order(adoc: AnalysedDocument, unit: Unit) -> int:
    order = adoc.cache.get("ft-unit-order")
    if order is None:
        order = adoc.cache["ft-unit-order"] = {id(u): k for k, u in enumerate(adoc.units)}
    return order[id(unit)]


def previous_sentence(adoc: AnalysedDocument, unit: Unit, sent: Span) -> tuple[Unit, Span] | None:
    """The sentence before ``sent`` (in the same unit, else the last one of the previous unit)."""
    if sent.start > 0:
        return unit, unit.doc[sent.start - 1].sent
    units = adoc.units
    k = adoc_order(adoc, unit)
    for prev in reversed(units[:k]):
        if len(prev.doc):
            return prev, prev.doc[len(prev.doc) - 1].sent
    return None


# Words that join two separate demands in one sentence ("... de marque Tarkett et le bois doit être
# certifié PEFC"). Only these, not a preposition: in "erfarenhet av ... Microsoft" the brand is what the
# experience is about, and the brand rule's "experience" exception must hold.
_JOINERS = {
    "en": {"and", "while", "whereas", ";"},
    "nl": {"en", "terwijl", "alsook", ";"},
    "sv": {"och", "samt", "medan", ";"},
    "fr": {"et", "ainsi", "tandis", ";"},
    "de": {"und", "sowie", "während", ";"},
}


def live_exceptions(sh: SentenceHits, i: int) -> list[Hit]:
    """Rule ``i``'s exception hits, less those that belong to another demand joined in the same sentence.

    One sentence often makes two demands ("parquet de marque Tarkett et bois certifié PEFC", "seit
    zehn Jahren am Markt tätig sein und mindestens 80 Mitarbeiter beschäftigen"). A word that is an
    exception for one rule ("certifié" for brand names, "Mitarbeiter" for the firm's age) must not
    cancel it when that word lies in another rule's match that is joined to this rule's match by
    "and"/"et"/"und"/"och"/"en" or a semicolon. Where the two matches overlap (the same words read
    two ways), or nothing but ordinary words stands between them ("erfarenhet av ... Microsoft":
    the brand is what the experience is about), the exception still holds.
    """
    exceptions = sh.of(i, EXCEPTION)
    if not exceptions:
        return exceptions
    mine = sh.of(i, PATTERN)
    doc = sh.sent.doc
    joiners = _JOINERS.get(doc.lang_, _JOINERS["en"])

    def joined(a: Hit, b: Hit) -> bool:
        lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
        return any(t.lower_ in joiners for t in doc[lo:hi])

    others = [h for r, roles in sh.hits.items() if r != i for h in roles.get(PATTERN, ())
              if not any(h.start < m.end and m.start < h.end for m in mine)
              and all(joined(h, m) for m in mine)]
    if not others:
        return exceptions
    semis = [t.i for t in sh.sent if t.text == ";"]

    def part(tok: int) -> int:  # which semicolon-separated obligation of the sentence a token is in
        return sum(1 for k in semis if k < tok)

    mine_parts = {part(m.start) for m in mine}
    return [x for x in exceptions
            if not any((o.start <= x.start and x.end <= o.end)
                       or (part(x.start) == part(o.start) and part(x.start) not in mine_parts) for o in others)]


def passes(dh: DocumentHits, adoc: AnalysedDocument, compiled: CompiledRules, i: int, sh: SentenceHits) -> bool:
    """Whether rule ``i`` fires in sentence ``sh``: a pattern hit, no exception or context, requirements met.

    A ``requires`` pattern may also sit in the lead-in sentence of a list
    ("Minimum requirements:" followed by the items), which is how selection
    criteria are usually laid out.
    """
    if not sh.of(i, PATTERN) or live_exceptions(sh, i) or sh.of(i, CONTEXT):
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
