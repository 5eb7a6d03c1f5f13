"""Format-neutral view of a :class:`CheckReport` shared by the HTML and Markdown reports.

Both human-readable formats need the same derived facts (findings in document
order grouped by section, counts by severity/kind/rule, the excerpt split
around the triggering words, readable locations). Computing them once here
keeps the formats from disagreeing and keeps the templates free of logic.
Nothing here knows any rule id: every finding of any rule is shown the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..models import CheckReport, ContractValue, DocumentReport, Finding, Location, Severity, TemplateResult

SEVERITIES: tuple[Severity, ...] = (Severity.error, Severity.warning, Severity.info)

_LANGUAGES = {
    "en": "English",
    "nl": "Dutch",
    "sv": "Swedish",
    "fr": "French",
    "de": "German",
}

_APPLIES = {
    "required": "required",
    "below-limit": "below the value/duration limit (missing elements reported as info)",
    "unknown": "value or duration unknown (missing elements reported as warnings)",
}


@dataclass(frozen=True)
class Excerpt:
    """An excerpt cut into the text before, at and after the triggering words.

    The pieces are plain (unescaped) text; each output format escapes them
    itself, so highlighting never works on already-escaped markup.
    """

    before: str
    hit: str
    after: str

    @property
    def text(self) -> str:
        return self.before + self.hit + self.after


@dataclass
class FindingView:
    finding: Finding
    number: int
    anchor: str
    excerpt: Excerpt | None
    location: str

    @property
    def severity(self) -> str:
        return self.finding.severity.value

    @property
    def heading(self) -> str:
        return self.finding.title or self.finding.rule


@dataclass
class RuleTally:
    """How often one rule fired in a document, by severity, with the rule's title as the findings give it."""

    rule: str
    title: str
    error: int = 0
    warning: int = 0
    info: int = 0


@dataclass
class SectionGroup:
    """Consecutive findings sharing one section heading (``None``: the whole document)."""

    title: str
    findings: list[FindingView] = field(default_factory=list)


@dataclass
class DocumentView:
    report: DocumentReport
    number: int
    anchor: str
    counts: dict[str, int]
    kinds: dict[str, int]
    rules: list[RuleTally]
    groups: list[SectionGroup]
    templates: list[TemplateResult]

    @property
    def findings(self) -> list[FindingView]:
        return [f for g in self.groups for f in g.findings]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def worst(self) -> str | None:
        for sev in SEVERITIES:
            if self.counts[sev.value]:
                return sev.value
        return None

    @property
    def language(self) -> str:
        return language_name(self.report.language)

    @property
    def value(self) -> str:
        return format_value(self.report.contract_value)


def language_name(code: str | None) -> str:
    if not code:
        return "unknown"
    name = _LANGUAGES.get(code)
    return f"{name} ({code})" if name else code


def format_amount(amount: float) -> str:
    """Thousands with thin grouping commas; decimals only when there are cents."""
    if float(amount).is_integer():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


def format_value(value: ContractValue | None) -> str:
    if value is None:
        return "unknown"
    source = "given on the command line" if value.source == "cli" else "from the document"
    return f"{value.currency} {format_amount(value.amount)} ({source})"


def format_location(loc: Location | None) -> str:
    """``p. 3, ¶ 12`` — page only when the format has pages; empty for document-level findings."""
    if loc is None:
        return "whole document"
    parts = []
    if loc.page is not None:
        parts.append(f"p. {loc.page}")
    parts.append(f"¶ {loc.paragraph}")
    return ", ".join(parts)


def applies_text(template: TemplateResult) -> str:
    return _APPLIES.get(template.applies, template.applies)


def split_excerpt(finding: Finding) -> Excerpt | None:
    """Cut ``finding.excerpt`` at the match offsets.

    Offsets are trusted only when they are in range and point at the matched
    text (or the match text is unknown); otherwise the match text is searched
    for, and failing that the excerpt is shown without a highlight rather than
    highlighting the wrong words.
    """
    text = finding.excerpt or ""
    if not text:
        return None
    m = finding.match
    if m is None:
        return Excerpt(text, "", "")
    s, e = m.excerpt_start, m.excerpt_end
    if 0 <= s < e <= len(text) and (not m.text or _same(text[s:e], m.text)):
        return Excerpt(text[:s], text[s:e], text[e:])
    if m.text:
        found = _find_loose(text, m.text)
        if found:
            s, e = found
            return Excerpt(text[:s], text[s:e], text[e:])
    return Excerpt(text, "", "")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _find_loose(text: str, needle: str) -> tuple[int, int] | None:
    """Find ``needle`` in ``text`` ignoring case and differences in whitespace."""
    tokens = needle.split()
    if not tokens:
        return None
    pattern = r"\s+".join(re.escape(t) for t in tokens)
    hit = re.search(pattern, text, flags=re.IGNORECASE)
    return (hit.start(), hit.end()) if hit else None


def _order_key(f: Finding) -> tuple:
    loc = f.location
    start = f.match.start if f.match else 0
    if loc is None:
        return (0, 0, 0, -f.severity.rank, f.rule)
    return (1, loc.paragraph, start, -f.severity.rank, f.rule)


def document_view(doc: DocumentReport, number: int) -> DocumentView:
    counts = {sev.value: doc.count(sev) for sev in SEVERITIES}
    kinds = dict(Counter(f.kind for f in doc.findings))
    per_rule: dict[str, RuleTally] = {}
    for f in doc.findings:
        tally = per_rule.setdefault(f.rule, RuleTally(f.rule, f.title))
        setattr(tally, f.severity.value, getattr(tally, f.severity.value) + 1)
    rules = sorted(per_rule.values(), key=lambda t: (-t.error, -t.warning, -t.info, t.rule))

    groups: list[SectionGroup] = []
    for i, f in enumerate(sorted(doc.findings, key=_order_key), start=1):
        title = "Whole document" if f.location is None else (f.location.section or "Untitled section")
        if not groups or groups[-1].title != title:
            groups.append(SectionGroup(title))
        groups[-1].findings.append(
            FindingView(
                finding=f,
                number=i,
                anchor=f"d{number}-f{i}",
                excerpt=split_excerpt(f),
                location=format_location(f.location),
            )
        )
    return DocumentView(
        report=doc,
        number=number,
        anchor=f"d{number}",
        counts=counts,
        kinds=kinds,
        rules=rules,
        groups=groups,
        templates=list(doc.templates),
    )


def report_view(report: CheckReport) -> list[DocumentView]:
    return [document_view(d, i) for i, d in enumerate(report.documents, start=1)]


def template_status_line(doc: DocumentReport) -> str:
    """``ghent partial, stockholm absent`` (or ``no templates checked``)."""
    if not doc.templates:
        return "no templates checked"
    return ", ".join(f"{t.id} {t.status}" for t in doc.templates)
