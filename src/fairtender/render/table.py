"""``--format table``: findings grouped per document, for a terminal."""

from __future__ import annotations

from tabulate import tabulate

from ..models import CheckReport, DocumentReport, Finding, Location

EXCERPT_WIDTH = 70


def short_location(loc: Location | None) -> str:
    if loc is None:
        return "(document)"
    parts = []
    if loc.page:
        parts.append(f"p.{loc.page}")
    parts.append(f"¶{loc.paragraph}")
    if loc.section:
        sec = loc.section.split(" > ")[-1]
        parts.append(sec if len(sec) <= 28 else sec[:27] + "…")
    return " ".join(parts)


def short_excerpt(f: Finding, width: int = EXCERPT_WIDTH) -> str:
    text = " ".join(f.excerpt.split())
    if f.match is not None and len(text) > width:
        # centre the window on the triggering words
        mid = (f.match.excerpt_start + f.match.excerpt_end) // 2
        start = max(0, min(len(text) - width, mid - width // 2))
        text = ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")
    elif len(text) > width:
        text = text[: width - 1] + "…"
    return text


def _missing(f: Finding) -> str:
    """A finding with no passage (a missing clause element, a document rule): say what it is about."""
    text = f"(missing) {f.title}" if f.kind == "clause" and f.title else (f.title or f.message)
    return text if len(text) <= EXCERPT_WIDTH else text[: EXCERPT_WIDTH - 1] + "…"


def _value(d: DocumentReport) -> str:
    if d.contract_value is None:
        return "value unknown"
    v = d.contract_value
    return f"value {v.currency} {v.amount:,.0f}" + (" (from --value)" if v.source == "cli" else "")


def render_document(d: DocumentReport) -> str:
    lines = [f"== {d.path}"]
    if d.error:
        lines.append(f"   could not be read [{d.error.code}]: {d.error.message}")
        return "\n".join(lines)
    meta = [d.language or "?", d.kind or "?", _value(d)]
    if d.pages:
        meta.append(f"{d.pages} pages")
    lines.append("   " + ", ".join(meta))
    for t in d.templates:
        missing = [e.id.rsplit(".", 1)[-1] for e in t.elements if not e.present]
        extra = f" — missing: {', '.join(missing)}" if missing and t.status != "absent" else ""
        grounds = ""
        if t.grounds and t.status != "absent" and t.grounds.missing:
            grounds = f"; grounds missing: {', '.join(t.grounds.missing)}"
        lines.append(f"   clause {t.id}: {t.status}{extra}{grounds}")
    if d.findings:
        rows = [(f.severity.value, f.rule, short_location(f.location), short_excerpt(f) or _missing(f))
                for f in d.findings]
        lines.append(tabulate(rows, headers=["severity", "rule", "location", "excerpt"], tablefmt="simple"))
    else:
        lines.append("   no findings")
    return "\n".join(lines)


def render(report: CheckReport) -> str:
    blocks = [render_document(d) for d in report.documents]
    s = report.summary
    blocks.append(f"{s.documents} document(s): {s.errors} error(s), {s.warnings} warning(s), "
                  f"{s.infos} info(s), {s.failed} unreadable")
    return "\n\n".join(blocks) + "\n"
