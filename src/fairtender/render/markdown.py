"""``--format markdown``: a compact report to paste into a ticket or an email.

A GitHub-flavoured table of counts, then every finding grouped by document in
document order. Document text is untrusted and Markdown renderers pass raw
HTML through, so every piece of text is escaped (markup characters
backslashed, ``<``/``>`` turned into entities, line breaks flattened) before it
is placed in the page; the highlight is added around the escaped pieces.
"""

from __future__ import annotations

import re

from ..models import CheckReport
from .view import DocumentView, Excerpt, FindingView, format_amount, report_view

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def escape(text: str | None) -> str:
    """Make untrusted text inert in GitHub-flavoured Markdown, on one line."""
    if not text:
        return ""
    text = " ".join(text.split())
    text = _ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def code(text: str) -> str:
    """Inline code for identifiers; falls back to escaped text if it holds a backtick."""
    return f"`{text}`" if "`" not in text and text.strip() else escape(text)


def _excerpt(ex: Excerpt) -> str:
    if not ex.hit.strip():
        return escape(ex.text)
    hit = ex.hit
    lead = hit[: len(hit) - len(hit.lstrip())]
    trail = hit[len(hit.rstrip()) :]
    before = escape(ex.before + lead)
    after = escape(trail + ex.after)
    sep_b = " " if lead or (ex.before and ex.before[-1].isspace()) else ""
    sep_a = " " if trail or (ex.after and ex.after[0].isspace()) else ""
    return f"{before}{sep_b}**{escape(hit)}**{sep_a}{after}".strip()


def _finding(fv: FindingView) -> list[str]:
    f = fv.finding
    head = [f"**{fv.severity.upper()}**", code(f.rule), fv.location]
    if f.location and f.location.section:
        head.append(escape(f.location.section.replace(" > ", " › ")))
    lines = [f"{fv.number}. " + " · ".join(head)]
    if f.title and f.title.casefold() not in f.message.casefold():  # compact: no title the message repeats
        lines.append(f"   - *{escape(f.title)}*")
    lines.append(f"   - {escape(f.message)}")
    if fv.excerpt is not None and fv.excerpt.text.strip():
        lines.append(f"   - Excerpt: “{_excerpt(fv.excerpt)}”")
    if f.suggestion:
        lines.append(f"   - Fix: {escape(f.suggestion)}")
    if f.legal_basis:
        lines.append(f"   - Legal basis: {escape(f.legal_basis)}")
    if f.accepted:
        lines.append(f"   - Accepted: {escape(f.accepted)}")
    return lines


def _templates(d: DocumentView) -> list[str]:
    out = []
    for t in d.templates:
        missing = [e for e in t.elements if not e.present]
        line = f"- Clause {code(t.id)}: **{t.status}**"
        if missing:
            line += "; missing " + ", ".join(
                code(e.id) + (f" ({escape(e.title)})" if e.title else "") for e in missing
            )
        if t.grounds and t.grounds.missing:
            line += "; grounds not named: " + ", ".join(escape(g) for g in t.grounds.missing)
        out.append(line)
    return out


def _facts(d: DocumentView) -> str:
    r = d.report
    value = r.contract_value
    facts = [
        d.language,
        r.kind or "type not determined",
        f"{value.currency} {format_amount(value.amount)}" if value else "value unknown",
    ]
    if r.pages is not None:
        facts.append(f"{r.pages} pages")
    return " · ".join(escape(x) for x in facts)


def render(report: CheckReport) -> str:
    docs = report_view(report)
    s = report.summary
    out = [
        f"# fairtender check: {s.documents} document{'s' if s.documents != 1 else ''}",
        "",
        f"{s.errors} errors · {s.warnings} warnings · {s.infos} info · {s.failed} unreadable "
        f"(fairtender {escape(report.fairtender_version)})",
        "",
        "| Document | Errors | Warnings | Info | Clause templates |",
        "|---|--:|--:|--:|---|",
    ]
    for d in docs:
        name = escape(d.report.path)
        if d.report.error:
            out.append(f"| {name} | – | – | – | unreadable: {escape(d.report.error.code)} |")
        else:
            templates = ", ".join(f"{escape(t.id)}: {t.status}" for t in d.templates) or "none"
            out.append(f"| {name} | {d.counts['error']} | {d.counts['warning']} | {d.counts['info']} | {templates} |")
    for d in docs:
        out += ["", f"## {escape(d.report.path)}", ""]
        if d.report.error:
            out.append(f"Could not be checked ({code(d.report.error.code)}): {escape(d.report.error.message)}")
            continue
        out.append(_facts(d))
        tmpl = _templates(d)
        if tmpl:
            out += [""] + tmpl
        out.append("")
        if not d.total:
            out.append("No findings.")
        for fv in d.findings:
            out += _finding(fv)
    return "\n".join(out) + "\n"
