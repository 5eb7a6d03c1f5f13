"""Clause templates against an analysed document: which elements are there, where, and what is missing.

How an element is recognised (the co-occurrence model, documented for the
lawyers who edit ``clauses/*.yaml``):

1. Every sentence is cut into *clauses* at semicolons ("shall comply with ...;
   shall report ...; shall ensure ..."), because one long contract sentence
   often carries several obligations.
2. An element matches a clause when every concept it ``needs`` is found in
   that clause, none of its ``unless`` concepts is, and its ``context`` holds:
   - ``sentence``: the template's context concept (anti-discrimination, equal
     treatment) is in the same sentence;
   - ``clause``: or the passage inherits that context from its paragraph's lead
     sentence (a numbering label such as "Clause 22." before it does not count
     as the lead), its section heading, the lead sentence of its section, the
     list introduction it belongs to, or the sentence just before or just after
     it in the same paragraph (for a paragraph's first sentence, also the last
     sentence of the paragraph before it in the same section) ("The Supplier shall comply with anti-discrimination
     law. If it breaches the preceding sentence, the Client may cancel the
     contract."; "Its premises are accessible to all. It complies with all
     equality legislation.") -- unless the clause itself is about
     another topic (``off_topic``: confidentiality, environment, late delivery),
     which is how "Subcontractors shall keep all data confidential" under a
     non-discrimination heading, or "report on carbon reduction measures" in the
     paragraph after the clause, is kept out;
   - ``none``: no context needed.
   The neighbouring sentence lends its context to element matching only, not
   to the collection of grounds.
   A sentence with the template's ``grounds_cue`` ("regardless of", "oavsett",
   "får inte särbehandla") and at least ``min_grounds`` grounds is a
   non-discrimination statement too, and sets the context like one.
3. Grounds (Ghent) are collected from non-discrimination statements: sentences
   that carry the context (or a "regardless of" cue), the list items that follow
   such a sentence ending in a colon, and clauses that list at least
   ``min_grounds`` grounds under an anti-discrimination heading or after such a
   sentence in the same paragraph -- not from a later paragraph that only follows
   the statement ("vehicles under six years of age, drivers with B2 English").

Matchers are compiled once per process per (template, language) and reused
for every document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..models import (
    ContractValue,
    Document,
    ElementResult,
    Finding,
    Grounds,
    Location,
    Paragraph,
    Severity,
    TemplateResult,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..catalog.template_schema import ElementSpec, Template
    from ..config import Settings
    from ..nlp import AnalysedDocument

_COMPILED: dict[tuple, Any] = {}
_HEADING_MAX_CHARS = 90
_HEADING_MAX_WORDS = 10
# A section's lead sentence sets the context for the next few paragraphs only: in a long
# "Special conditions" section that opens with equality, the fifth paragraph is about something else.
_LEAD_REACH = 3
#: how many paragraphs up a list item looks for the introduction ending in ':' it belongs to
_LIST_REACH = 60


# ------------------------------------------------------------------ document structure (template-independent)


@dataclass
class Clause:
    """A piece of a sentence between semicolons: the unit in which concepts must co-occur."""

    start: int  # token offsets in the unit's Doc
    end: int


@dataclass
class Sentence:
    unit_index: int
    start: int
    end: int
    text: str
    clauses: list[Clause]
    ends_with_colon: bool


@dataclass
class Para:
    paragraph: Paragraph
    units: list[int]
    sentences: list[Sentence] = field(default_factory=list)
    is_heading: bool = False
    block: int = 0


@dataclass
class Structure:
    paras: list[Para]
    block_heading: dict[int, int]  # block -> index into paras of its heading (if any)
    block_lead: dict[int, int]  # block -> index into paras of its first body paragraph


def _heading_like(p: Paragraph) -> bool:
    """Headings by the reader, or short lines that read as titles ("Hävning", "Article 8 - Confidentiality")."""
    if p.kind == "heading":
        return True
    if p.kind not in ("body",):
        return False
    text = p.text.strip()
    return (0 < len(text) <= _HEADING_MAX_CHARS and len(text.split()) <= _HEADING_MAX_WORDS
            and text[-1] not in ".;:,!?")


def structure(adoc: AnalysedDocument) -> Structure:
    """Paragraphs, sentences, semicolon clauses and sections of ``adoc`` (computed once per document)."""
    cached = adoc.cache.get("clauses.structure")
    if cached is not None:
        return cached
    paras: list[Para] = []
    by_par: dict[int, Para] = {}
    for ui, unit in enumerate(adoc.units):
        key = id(unit.paragraph)
        para = by_par.get(key)
        if para is None:
            para = Para(paragraph=unit.paragraph, units=[], is_heading=_heading_like(unit.paragraph))
            by_par[key] = para
            paras.append(para)
        para.units.append(ui)
        doc = unit.doc
        for sent in doc.sents:
            text = sent.text.strip()
            clauses: list[Clause] = []
            start = sent.start
            if ";" in text:  # iterating tokens is the slow part: only where there is something to cut
                for tok in sent:
                    if tok.text == ";":
                        if tok.i > start:
                            clauses.append(Clause(start, tok.i))
                        start = tok.i + 1
            if start < sent.end:
                clauses.append(Clause(start, sent.end))
            para.sentences.append(Sentence(ui, sent.start, sent.end, text, clauses, text.endswith(":")))
    block = -1
    block_heading: dict[int, int] = {}
    block_lead: dict[int, int] = {}
    prev_section: tuple[str, ...] | None = None
    for i, para in enumerate(paras):
        section = tuple(para.paragraph.section_path)
        if para.is_heading:
            block += 1
            block_heading[block] = i
        elif block < 0 or (section != prev_section and not paras[i - 1].is_heading):
            block += 1
        prev_section = section
        para.block = block
        if not para.is_heading and block not in block_lead and para.sentences:
            block_lead[block] = i
    s = Structure(paras=paras, block_heading=block_heading, block_lead=block_lead)
    adoc.cache["clauses.structure"] = s
    return s


# ------------------------------------------------------------------ compiled templates


@dataclass
class Compiled:
    """The patterns of a set of templates for one language, compiled once per process.

    Identical pattern lists (most templates share "subcontractor", "comply", the
    context concept ...) are compiled and run once. Matching runs in two phases
    because regex-like patterns (``*discrimin*``) cost time on every token: a
    small matcher for the context concepts runs over the whole document, and the
    full matcher only over the paragraphs that carry or inherit that context (or
    everywhere, for templates with context-free elements such as the report).
    """

    context_matcher: Any
    full_matcher: Any
    names: dict[str, dict[int, str]]  # template digest -> match id -> "c:concept" / "g:ground"
    everywhere: bool
    anchors: tuple[str, ...] | None  # lower-case strings one of which a unit must contain to carry context


def _anchors(patterns: list[str], compiler: Any) -> set[str] | None:
    """Cheap substrings that any text matching ``patterns`` contains (None when none can be derived).

    Used to skip the context matcher on the many paragraphs that cannot match: a word pattern
    contributes the first letters of the word and of its lemmas (inflections share them), an
    affix pattern its affix.
    """
    from .patterns import parse_pattern

    stops = getattr(compiler.nlp.Defaults, "stop_words", set())

    def selectivity(tok, anchors: set[str]) -> tuple[bool, int]:
        """Prefer words that are not stop words ("without", "utan", "ohne"), then longer anchors."""
        content = tok.kind not in ("word", "alt") or not all(v.lower() in stops for v in tok.values)
        return content, min(len(x) for x in anchors)

    def token_anchors(tok) -> set[str] | None:
        if tok.kind in ("num", "any", "regex", "gap") or tok.optional:
            return None
        if tok.kind in ("prefix", "suffix", "contains"):
            return {tok.values[0]}
        if tok.kind == "exact":
            return {tok.values[0].lower()}
        if tok.kind == "alt" and any(not compiler.is_single_word(a) for a in tok.values):
            return None  # a wildcard or several-token alternative: no reliable anchor
        got: set[str] = set()
        for word in tok.values:
            first = word.split()[0] if word.split() else word
            got.update(form[:4] for form in {first.lower(), *compiler.lemmas(first)})
        return got

    out: set[str] = set()
    for pattern in patterns:
        options = [(t, a) for t in parse_pattern(pattern) if (a := token_anchors(t))]
        if not options:
            return None
        out |= max(options, key=lambda ta: selectivity(*ta))[1]  # the most selective word
    return out


def _key(patterns: list[str]) -> str:
    import hashlib

    return "p" + hashlib.sha1("\x1f".join(patterns).encode()).hexdigest()[:16]


def compiled(templates: list[Template], nlp: Any, lang: str) -> Compiled | None:
    """The shared matchers of ``templates`` (those that have ``lang``) for ``lang``."""
    usable = [t for t in templates if lang in t.languages]
    if not usable:
        return None
    key = (tuple(t.digest for t in usable), lang, id(nlp))
    hit = _COMPILED.get(key)
    if hit is not None:
        return hit
    from .patterns import compiler_for

    full: dict[str, list[str]] = {}
    context: dict[str, list[str]] = {}
    names: dict[str, dict[int, str]] = {}
    strings = nlp.vocab.strings
    everywhere = False
    for t in usable:
        mapping: dict[int, str] = {}
        ctx_names = {t.context, t.grounds_cue}
        for name, per_lang in t.concepts.items():
            patterns = per_lang.get(lang)
            if patterns:
                k = _key(patterns)
                full[k] = patterns
                if name in ctx_names:
                    context[k] = patterns
                mapping[strings.add(k)] = f"c:{name}"
        for g in t.grounds:
            if g.synonyms.get(lang):
                k = _key(g.synonyms[lang])
                full[k] = g.synonyms[lang]
                mapping[strings.add(k)] = f"g:{g.id}"
        names[t.digest] = mapping
        everywhere = everywhere or any(el.context == "none" for el in t.elements)
    comp = compiler_for(nlp)
    anchors: set[str] | None = set()
    for patterns in context.values():
        got = _anchors(patterns, comp)
        if got is None or anchors is None:
            anchors = None
        else:
            anchors |= got
    c = Compiled(context_matcher=comp.matcher(context), full_matcher=comp.matcher(full), names=names,
                 everywhere=everywhere, anchors=tuple(sorted(anchors)) if anchors is not None else None)
    _COMPILED[key] = c
    return c


def _unit_matches(adoc: AnalysedDocument, st: Structure, comp: Compiled) -> list[list[tuple[int, int, int]]]:
    """Matches per unit: the full matcher where context is near, the context matcher elsewhere."""
    cache_key = ("clauses.matches", id(comp))
    cached = adoc.cache.get(cache_key)
    if cached is not None:
        return cached
    units = adoc.units
    anchors = comp.anchors

    def may_match(text: str) -> bool:
        low = text.lower()
        return anchors is None or any(a in low for a in anchors)

    ctx = [list(comp.context_matcher(u.doc)) if may_match(u.doc.text) else [] for u in units]
    if comp.everywhere:
        active = set(range(len(units)))
    else:
        marks = {(pi, si): True for pi, para in enumerate(st.paras) for si, sent in enumerate(para.sentences)
                 if any(sent.start <= s < sent.end for _, s, _ in ctx[sent.unit_index])}
        active = {ui for pi, para in enumerate(st.paras)
                  if any(marks.get((pi, si)) for si in range(len(para.sentences))) or _inherits(st, marks, pi)
                  or _neighbour(st, marks, pi, 0)
                  for ui in para.units}
    out = [list(comp.full_matcher(u.doc)) if ui in active else ctx[ui] for ui, u in enumerate(units)]
    adoc.cache[cache_key] = out
    return out


# ------------------------------------------------------------------ matching


@dataclass
class _Hits:
    """Concepts and grounds found per clause and per sentence for one template."""

    clause_concepts: dict[tuple[int, int, int], set[str]]  # (para, sentence, clause) -> concepts
    clause_grounds: dict[tuple[int, int, int], set[str]]
    sent_concepts: dict[tuple[int, int], set[str]]
    sent_grounds: dict[tuple[int, int], set[str]]
    # per clause with an off-topic word: for each such word, the concepts whose short phrase holds it at (or next
    # to) its start or end ("withhold payment", "Zahlungen einbehalten" are sanctions, not clauses about payment; "nicht gegen die
    # Umweltgesetze verstoßen" stays about the environment)
    off_topic_cover: dict[tuple[int, int, int], list[set[str]]] = field(default_factory=dict)


#: the longest phrase (in tokens) of another concept that can hold an off-topic word as its own part
_COVER_MAX_TOKENS = 6


def _hits(st: Structure, per_unit: list[list[tuple[int, int, int]]], names: dict[int, str],
          off_topic: str | None = None) -> _Hits:
    oc: dict[tuple[int, int, int], list[set[str]]] = {}
    cc: dict[tuple[int, int, int], set[str]] = {}
    cg: dict[tuple[int, int, int], set[str]] = {}
    sc: dict[tuple[int, int], set[str]] = {}
    sg: dict[tuple[int, int], set[str]] = {}
    empty: set[str] = set()
    for pi, para in enumerate(st.paras):
        for si, sent in enumerate(para.sentences):
            unit_matches = per_unit[sent.unit_index]
            if not unit_matches:  # most paragraphs of a long tender: nothing to sort out
                for ci in range(len(sent.clauses)):
                    cc[(pi, si, ci)] = cg[(pi, si, ci)] = empty
                sc[(pi, si)] = sg[(pi, si)] = empty
                continue
            matches = [(names[mid], s, e) for mid, s, e in unit_matches
                       if sent.start <= s < sent.end and mid in names]
            scon: set[str] = set()
            sgr: set[str] = set()
            for ci, cl in enumerate(sent.clauses):
                con: set[str] = set()
                gr: set[str] = set()
                for name, start, _ in matches:
                    if cl.start <= start < cl.end:
                        (con if name[0] == "c" else gr).add(name[2:])
                cc[(pi, si, ci)], cg[(pi, si, ci)] = con, gr
                if off_topic is not None and off_topic in con:
                    inside = [(n[2:], s, e) for n, s, e in matches if cl.start <= s < cl.end]
                    # a word that is itself another concept ("Umweltgesetze" is also the law) stays off-topic
                    oc[(pi, si, ci)] = [
                        set() if any(n2 != off_topic and (s2, e2) == (s, e) for n2, s2, e2 in inside) else
                        {n for n, s2, e2 in inside
                         if n != off_topic and e - s < e2 - s2 <= _COVER_MAX_TOKENS
                         and s2 <= s and e <= e2 and (s - s2 <= 1 or e2 - e <= 1)}
                        for n, s, e in inside if n == off_topic]
                scon |= con
                sgr |= gr
            sc[(pi, si)], sg[(pi, si)] = scon, sgr
    return _Hits(cc, cg, sc, sg, oc)


def _cancel_context(hits: _Hits, context: str, cancel: str) -> None:
    """Drop the context from sentences that state the procurement principle ("criteria are non-discriminatory")."""
    for key, concepts in hits.sent_concepts.items():
        if cancel in concepts and context in concepts:
            hits.sent_concepts[key] = concepts - {context}
            ci = 0
            while (key[0], key[1], ci) in hits.clause_concepts:
                hits.clause_concepts[(key[0], key[1], ci)] = hits.clause_concepts[(key[0], key[1], ci)] - {context}
                ci += 1


def _is_label(text: str) -> bool:
    """A numbering label read as a sentence of its own ("Clause 22.", "Art. 5.", "§ 12.", "4.2.")."""
    words = text.split()
    return len(words) <= 3 and any(ch.isdigit() for ch in text) and not text.endswith(":")


def _lead(para: Para) -> int:
    """The index of a paragraph's lead sentence: its first, after any numbering label."""
    for si, sent in enumerate(para.sentences[:3]):
        if not _is_label(sent.text):
            return si
    return 0


def _neighbour(st: Structure, marks: dict[tuple[int, int], bool], pi: int, si: int) -> bool:
    """The sentence just before or just after (pi, si) in the same paragraph carries the context.

    The first sentence of a paragraph also looks at the last sentence of the paragraph before it in the
    same section ("... shall observe anti-discrimination law." / "If it breaches the preceding paragraph,
    the Client may cancel the contract.").
    """
    if marks.get((pi, si - 1)) or marks.get((pi, si + 1)):
        return True
    if si == 0 and pi > 0:
        prev = st.paras[pi - 1]
        return (not prev.is_heading and prev.block == st.paras[pi].block and bool(prev.sentences)
                and bool(marks.get((pi - 1, len(prev.sentences) - 1))))
    return False


def _inherits(st: Structure, marks: dict[tuple[int, int], bool], pi: int) -> str | None:
    """The inheritance rule over ``marks`` (the (paragraph, sentence) pairs that carry the context).

    Says where the context comes from: "paragraph" (its own lead sentence), "heading", "lead" (the
    section's lead sentence), "list" (the introduction of the list it belongs to), or None.
    """
    para = st.paras[pi]
    if para.sentences and (marks.get((pi, 0)) or marks.get((pi, _lead(para)))):
        return "paragraph"
    h = st.block_heading.get(para.block)
    if h is not None and any(marks.get((h, si)) for si in range(len(st.paras[h].sentences))):
        return "heading"
    lead = st.block_lead.get(para.block)
    if lead is not None and pi - lead <= _LEAD_REACH and st.paras[lead].sentences \
            and (marks.get((lead, 0)) or marks.get((lead, _lead(st.paras[lead])))):
        return "lead"
    # a list item (or short line) under an introduction ending in ':' that is about discrimination
    j = pi - 1
    # bounded: without a limit, a block of thousands of short paragraphs (a docx of 10,000 one-cell
    # tables) made this walk quadratic (4,000 cells: 146 s)
    while j >= 0 and pi - j <= _LIST_REACH and st.paras[j].block == para.block and not st.paras[j].is_heading:
        prev = st.paras[j]
        if prev.sentences and prev.sentences[-1].ends_with_colon:
            return "list" if any(marks.get((j, si)) for si in range(len(prev.sentences))) else None
        if prev.paragraph.kind != "list-item" and len(prev.paragraph.text) > 160:
            break
        j -= 1
    return None


def _clause_matches(el: ElementSpec, template: Template, concepts: set[str], sent_concepts: set[str],
                    inherited: bool | str | None, cover: list[set[str]] | None = None) -> bool:
    for need in el.needs:
        if not any(alt in concepts for alt in need.split("|")):
            return False
    if any(u in concepts for u in el.unless):
        return False
    if el.context == "none" or template.context in sent_concepts:
        return True
    if el.context == "clause" and inherited:
        if not (template.off_topic and template.off_topic in concepts) or template.context in concepts:
            return True
        # the off-topic word is part of the element's own phrase ("withhold payment", "Zahlungen einbehalten")
        needed = {alt for need in el.needs for alt in need.split("|")}
        return bool(cover) and all(c & needed for c in cover)
    return False


@dataclass
class _Found:
    location: Location
    excerpt: str


def _excerpt(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def match_template(adoc: AnalysedDocument, template: Template, templates: list[Template] | None = None
                   ) -> tuple[dict[str, _Found], list[str], _Found | None]:
    """Elements found (id -> where), grounds found (ordered as in the template), and where the grounds are.

    ``templates`` is the whole set being checked, so that their shared patterns are matched once.
    """
    comp = compiled(templates if templates is not None else [template], adoc.nlp, adoc.language)
    if comp is None or template.digest not in comp.names:
        return {}, [], None
    st = structure(adoc)
    hits = _hits(st, _unit_matches(adoc, st, comp), comp.names[template.digest], template.off_topic)
    if template.not_context:
        _cancel_context(hits, template.context, template.not_context)
    marks = {k: True for k, v in hits.sent_concepts.items() if template.context in v}
    if template.grounds_cue is not None:
        # "shall not treat anyone differently on grounds of sex, age or disability" states non-discrimination
        # without the word: the cue with a list of grounds sets the context for what follows, too
        for k, v in hits.sent_concepts.items():
            if template.grounds_cue in v and len(hits.sent_grounds[k]) >= template.min_grounds:
                marks[k] = True
    found: dict[str, _Found] = {}
    grounds: set[str] = set()
    grounds_at: _Found | None = None
    ctx = template.context
    cue = template.grounds_cue
    list_mode = False  # inside a list of grounds introduced by "... discrimination on the following grounds:"
    for pi, para in enumerate(st.paras):
        if para.is_heading:
            list_mode = False
            if para.paragraph.kind == "heading":
                continue  # a title-like body line ("Leverantören ska följa lagen") may still hold an element
        if list_mode and para.paragraph.kind not in ("list-item", "table-cell") and len(para.paragraph.text) > 160:
            list_mode = False  # a list of grounds continues over list items and short lines only
        inherited = _inherits(st, marks, pi)
        loc = adoc.location(para.paragraph)
        para_grounds: set[str] = set()
        for si, sent in enumerate(para.sentences):
            sc = hits.sent_concepts[(pi, si)]
            statement = ctx in sc or (cue is not None and cue in sc)
            if statement or list_mode:
                para_grounds |= hits.sent_grounds[(pi, si)]
            for ci in range(len(sent.clauses)):
                cc = hits.clause_concepts[(pi, si, ci)]
                cg = hits.clause_grounds[(pi, si, ci)]
                # a section's lead sentence sets the topic, but the grounds come from the statement itself:
                # "drivers shall have a command of English; vehicles under six years of age" in the next
                # paragraph are no grounds
                if inherited in ("paragraph", "heading", "list") and len(cg) >= template.min_grounds:
                    para_grounds |= cg
                near = inherited or ("neighbour" if _neighbour(st, marks, pi, si) else None)
                for el in template.elements:
                    if el.grounds or el.id in found:
                        continue
                    if _clause_matches(el, template, cc, sc, near, hits.off_topic_cover.get((pi, si, ci))):
                        found[el.id] = _Found(loc, _excerpt(sent.text))
            if sent.ends_with_colon:
                list_mode = statement or (list_mode and para.paragraph.kind == "list-item")
        if para_grounds:
            grounds |= para_grounds
            if grounds_at is None:
                grounds_at = _Found(loc, _excerpt(para.paragraph.text))
    order = [g.id for g in template.grounds]
    found_grounds = [g for g in order if g in grounds]
    if grounds_at is None or len(found_grounds) < template.min_grounds:
        # one ground named in passing ("gender equality law") is not a list of grounds
        return found, [], None
    for el in template.elements:
        if el.grounds:
            found[el.id] = grounds_at
    return found, found_grounds, grounds_at


# ------------------------------------------------------------------ applicability


def applicability(template: Template, settings: Settings | None, contract_value: ContractValue | None,
                  duration_months: float | None) -> tuple[str, Severity, str]:
    """("required"|"below-limit"|"unknown", severity for missing elements, a sentence saying why)."""
    limits = template.applies.model_dump() if template.applies else {
        "min_value": None, "currency": "EUR", "min_duration_months": None}
    override = settings.templates.get(template.id) if settings is not None else None
    if override is not None:
        for name in override.model_fields_set:
            limits[name] = getattr(override, name)
    min_value, currency, min_months = limits["min_value"], limits["currency"], limits["min_duration_months"]
    if min_value is None and min_months is None:
        return "required", Severity.error, ""
    below: list[str] = []
    unknown: list[str] = []
    if min_value is not None:
        amount = None
        if contract_value is not None:
            amount = (settings.convert(contract_value.amount, contract_value.currency, currency)
                      if settings is not None else
                      (contract_value.amount if contract_value.currency == currency else None))
        if amount is None:
            unknown.append(f"the contract value is unknown (limit {currency} {min_value:,.0f})")
        elif amount < min_value:
            below.append(f"the contract value ({currency} {amount:,.0f}) is below {currency} {min_value:,.0f}")
    if min_months is not None:
        if duration_months is None:
            unknown.append(f"the duration is unknown (limit {min_months:g} months)")
        elif duration_months < min_months:
            below.append(f"the duration ({duration_months:g} months) is below {min_months:g} months")
    if below:
        return "below-limit", Severity.info, "Not required here: " + "; ".join(below) + "."
    if unknown:
        return "unknown", Severity.warning, "Required only above its limits, and " + "; ".join(unknown) + "."
    return "required", Severity.error, ""


def _cap(a: Severity, b: Severity) -> Severity:
    return a if a.rank <= b.rank else b


# ------------------------------------------------------------------ evaluation


def evaluate_template(adoc: AnalysedDocument, template: Template, settings: Settings | None, *,
                      kind: str | None = None, contract_value: ContractValue | None = None,
                      duration_months: float | None = None, templates: list[Template] | None = None
                      ) -> tuple[TemplateResult, list[Finding]]:
    """One template: its result and a finding for every missing element (or missing grounds)."""
    from ..clause_text import element_text

    found, found_grounds, grounds_at = match_template(adoc, template, templates)
    applies, severity, why = applicability(template, settings, contract_value, duration_months)
    lang = adoc.language if adoc.language in template.languages else template.languages[0]
    supported = adoc.language in template.languages
    elements = [ElementResult(id=el.id, present=el.id in found, title=el.title,
                              location=found[el.id].location if el.id in found else None,
                              excerpt=found[el.id].excerpt if el.id in found else None)
                for el in template.elements]
    grounds = None
    if template.grounds:
        required = [g.id for g in template.grounds]
        grounds = Grounds(required=required, found=found_grounds,
                          missing=[g for g in required if g not in found_grounds])
    n_present = sum(e.present for e in elements)
    complete = n_present == len(elements) and (grounds is None or not grounds.missing)
    status = "complete" if complete else ("absent" if n_present == 0 else "partial")
    result = TemplateResult(id=template.id, status=status, elements=elements, grounds=grounds,
                            title=template.title, applies=applies, missing_severity=severity)
    # a missing element of a partly present clause points at the clause; of an absent one, nowhere
    anchor = next((found[el.id].location for el in template.elements if el.id in found), None)
    findings: list[Finding] = []
    for el in template.elements:
        sev = _cap(el.severity, severity)
        note = why
        if kind is not None and kind not in el.kinds:
            sev = Severity.info
            note = f"Not required in a {kind}."
        if not supported:
            sev = _cap(sev, Severity.warning)
            note = (f"This template has no wording for language '{adoc.language}', so the element "
                    "could not be recognised; check it by hand.")
        quote = element_text(template, el, lang)
        if el.id not in found:
            msg = f"{template.title}: the element '{el.title}' is missing ({el.requires})."
        elif el.grounds and grounds is not None and grounds.missing:
            msg = (f"{template.title}: the non-discrimination statement does not list these grounds: "
                   f"{', '.join(_ground_titles(template, grounds.missing))}.")
        else:
            continue
        findings.append(Finding(
            rule=el.id, severity=sev, message=f"{msg} {note}".strip(), kind="clause", template=template.id,
            title=el.title, location=found[el.id].location if el.id in found else anchor,
            excerpt=found[el.id].excerpt if el.id in found else "",
            suggestion=f'Add to the anti-discrimination clause: "{quote}"',
            legal_basis=template.legal_basis))
    return result, findings


def _ground_titles(template: Template, ids: list[str]) -> list[str]:
    titles = {g.id: g.title for g in template.grounds}
    return [titles.get(i, i) for i in ids]


def evaluate_templates(adoc: AnalysedDocument, templates: list[Template], settings: Settings | None, *,
                       kind: str | None, contract_value: ContractValue | None,
                       duration_months: float | None) -> tuple[list[TemplateResult], list[Finding]]:
    """Every template against ``adoc`` (what ``check`` calls)."""
    results: list[TemplateResult] = []
    findings: list[Finding] = []
    for t in templates:
        r, f = evaluate_template(adoc, t, settings, kind=kind, contract_value=contract_value,
                                 duration_months=duration_months, templates=templates)
        results.append(r)
        findings.extend(f)
    return results, findings


def text_document(text: str, name: str = "<text>") -> Document:
    """A Document from plain text: one paragraph per non-empty line; short title-like lines are headings."""
    paragraphs: list[Paragraph] = []
    section: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        p = Paragraph(index=len(paragraphs) + 1, text=line)
        if _heading_like(p):
            section = [line]
            p = Paragraph(index=p.index, text=line, kind="heading", heading_level=1, section_path=[])
        else:
            p = Paragraph(index=p.index, text=line, section_path=list(section))
        paragraphs.append(p)
    return Document(path=name, format="txt", paragraphs=paragraphs)


def assess_text(text: str, template_id: str = "equality-report", lang: str | None = None,
                extra_dirs: list | None = None) -> TemplateResult:
    """Assess plain text (e.g. a supplier's equality report) against one template; used by the register."""
    from ..catalog.templates import get_template
    from ..nlp import analyse

    template = get_template(template_id, extra_dirs)
    adoc = analyse(text_document(text), lang=lang)
    result, _ = evaluate_template(adoc, template, None)
    return result
