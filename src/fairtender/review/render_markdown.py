"""The review as Markdown (GitHub-flavoured tables), for wikis, merge requests and plain-text archives.

Charts are not embedded (Markdown viewers block data: images); every charted
figure is also in a table here.
"""

from __future__ import annotations

from .assess import pct
from .schema import ReviewData
from .view import RATING_LABELS, fmt_count, fmt_money, fmt_share, headline, sections


def _cell(text: object) -> str:
    """A table cell: pipes escaped, line breaks flattened, markup characters neutralised."""
    s = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
    return s.replace("<", "&lt;").replace(">", "&gt;")


def _text(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _table(head: list[str], rows: list[list[object]]) -> list[str]:
    align = ["---"] + ["---:"] * (len(head) - 1)
    out = ["| " + " | ".join(_cell(h) for h in head) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows]
    return out + [""]


def render(data: ReviewData) -> str:
    prev = str(data.compare.year) if data.compare else "–"
    out = [f"# {_text(data.title)}", "",
           f"Figures as of {data.as_of.isoformat()}, compared with {prev}. Money in {data.currency}. "
           f"Figures about supplier characteristics resting on fewer than {data.min_group} suppliers are "
           f"shown as \"<{data.min_group}\".", ""]
    out += ["## At a glance", ""]
    out += _table(["Figure", str(data.year), "Change"], [[label, v, ch] for v, label, ch, _ in headline(data)])
    if data.notes:
        out += ["**Notes**", ""] + [f"- {_text(n)}" for n in data.notes] + [""]
    out += ["## Benchmark questions on procurement", ""]
    for b in data.benchmark:
        out += [f"### {_text(b.question)}", "", f"**{RATING_LABELS[b.rating]}.** {_text(b.answer)}", "",
                "Evidence:", ""] + [f"- {_text(e)}" for e in b.evidence] + [""]
    out += ["## Recommended actions", ""]
    out += [f"{i}. {_text(r)}" for i, r in enumerate(data.recommendations, 1)] or ["No actions follow from the figures."]
    out += [""]
    out += ["## Key figures", ""]
    for sec in sections(data):
        out += [f"### {sec.title}", ""]
        out += _table(["Figure", str(data.year), prev, "Change"], [[r.label, r.value, r.previous, r.change]
                                                                  for r in sec.rows])
        if sec.id == "contracts":
            c = data.contracts
            if c.value_by_currency:
                out += ["Value per currency: " + ", ".join(fmt_money(v, cur) for cur, v in
                                                           c.value_by_currency.items()) + ".", ""]
            if c.by_template:
                out += _table(["Clause template", "Contracts", "Complete", "Share complete"],
                              [[t.template, t.contracts, t.complete, fmt_share(t.share)] for t in c.by_template])
        if sec.id == "checks" and data.checks.findings_by_rule:
            out += _table(["Rule", "Kind", "Found", "Fixed before publication"],
                          [[f.rule, f.kind, f.found, f.fixed] for f in data.checks.findings_by_rule])
        if sec.id == "suppliers" and data.suppliers.declared:
            out += _table(["Self-declared characteristic", "Suppliers", "Contracts"],
                          [[d.characteristic, fmt_count(d.suppliers), fmt_count(d.contracts)]
                           for d in data.suppliers.declared])
    if data.history:
        out += ["### SME share over the years", ""]
        out += _table(["Year", "Contracts", "Won by SMEs", "Value won by SMEs"],
                      [[h.year, h.contracts, pct(h.sme_share_count) if h.sme_share_count is not None else "–",
                        pct(h.sme_share_value) if h.sme_share_value is not None else "–"] for h in data.history])
    out += ["---", "", f"Produced by fairtender {data.fairtender_version}, review schema {data.schema_version}.", ""]
    return "\n".join(out)
