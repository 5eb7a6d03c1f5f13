"""How the review's figures are worded and grouped, shared by the HTML, Markdown and Word renderers.

Every human-readable format takes its tables from :func:`sections` and its
number formatting from the ``fmt_*`` functions here, so the formats cannot
disagree about a figure or how it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .privacy import is_suppressed
from .schema import Delta, ReviewData, YearFigures

RATING_LABELS = {"yes": "Yes", "largely": "Largely", "partly": "Partly", "no": "No", "not known": "Not known"}


def fmt_count(v) -> str:
    if v is None:
        return "–"
    if is_suppressed(v):
        return str(v)
    return f"{int(v):,}".replace(",", "\u202f")


def fmt_share(v) -> str:
    if v is None:
        return "–"
    if is_suppressed(v):
        return str(v)
    return f"{v * 100:.1f}%".replace(".0%", "%")


def fmt_money(v, currency: str) -> str:
    if v is None:
        return "–"
    return f"{currency} {v:,.0f}".replace(",", "\u202f")


def fmt_value(v, unit: str, currency: str = "EUR") -> str:
    if unit == "share":
        return fmt_share(v)
    if unit == "money":
        return fmt_money(v, currency)
    return fmt_count(v)


def fmt_change(d: Delta | None, currency: str = "EUR") -> str:
    """"▲ +10", "▼ −2.5 pts", "= 0" or "–" when the change cannot be computed (suppressed, no data)."""
    if d is None or d.change is None:
        return "–"
    if d.direction == "same":
        return "= 0"
    arrow = "▲" if d.direction == "up" else "▼"
    sign = "+" if d.change > 0 else "−"
    mag = abs(d.change)
    if d.unit == "share":
        text = f"{mag * 100:.1f}".removesuffix(".0") + " pts"
    elif d.unit == "money":
        text = fmt_money(mag, currency)
    else:
        text = fmt_count(mag)
    return f"{arrow} {sign}{text}"


def trend_class(d: Delta | None) -> str:
    if d is None or d.better is None:
        return "neutral"
    return "better" if d.better else "worse"


@dataclass
class Row:
    label: str
    value: str
    previous: str
    change: str
    trend: str


@dataclass
class Section:
    id: str
    title: str
    rows: list[Row] = field(default_factory=list)


# (section id, title, [(label, dotted path, unit)])
SECTIONS: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    ("contracts", "Contracts awarded", [
        ("Contracts awarded", "contracts.count", "count"),
        ("Value awarded", "contracts.value", "money"),
        ("With a complete anti-discrimination clause", "contracts.with_complete_clause", "share"),
    ]),
    ("checks", "Tenders checked before publication", [
        ("Tenders checked", "checks.tenders", "count"),
        ("Checks recorded", "checks.checks", "count"),
        ("Findings (barriers and missing clause elements)", "checks.findings", "count"),
        ("Barriers found", "checks.barriers_found", "count"),
        ("Barriers removed before publication", "checks.barriers_fixed", "count"),
        ("Findings fixed before publication", "checks.fixed_before_publication", "share"),
    ]),
    ("reports", "Supplier equality reports", [
        ("Reports due", "reports.due", "count"),
        ("Received on time", "reports.on_time", "count"),
        ("Received late", "reports.late", "count"),
        ("Missing (past due)", "reports.missing", "count"),
        ("Rejected", "reports.rejected", "count"),
        ("Not yet due", "reports.not_yet_due", "count"),
        ("On time, of reports past due", "reports.on_time_share", "share"),
        ("Average completeness of received reports", "reports.average_completeness", "share"),
    ]),
    ("subcontractors", "Subcontractors", [
        ("Subcontractors on contracts awarded", "subcontractors.count", "count"),
        ("Obligations flowed down and confirmed", "subcontractors.obligations_confirmed", "share"),
        ("Obligations refused (not flowed down)", "subcontractors.not_flowed_down", "count"),
    ]),
    ("suppliers", "Supplier base", [
        ("Suppliers awarded a contract", "suppliers.awarded", "count"),
        ("New suppliers", "suppliers.new", "count"),
        ("Contracts won by SMEs", "suppliers.sme_share_count", "share"),
        ("Value won by SMEs", "suppliers.sme_share_value", "share"),
    ]),
]


def get(fig: YearFigures | None, path: str):
    if fig is None:
        return None
    obj = fig
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def sections(data: ReviewData) -> list[Section]:
    deltas = {d.figure: d for d in data.deltas}
    out = []
    for sid, title, rows in SECTIONS:
        sec = Section(sid, title)
        for label, path, unit in rows:
            d = deltas.get(path)
            sec.rows.append(Row(label, fmt_value(get(data, path), unit, data.currency),
                                fmt_value(get(data.compare, path), unit, data.currency) if data.compare else "–",
                                fmt_change(d, data.currency), trend_class(d)))
        out.append(sec)
    return out


def headline(data: ReviewData) -> list[tuple[str, str, str, str]]:
    """The four figures on the cover: (value, label, change, trend class)."""
    deltas = {d.figure: d for d in data.deltas}
    items = [("contracts.count", "contracts awarded", "count"),
             ("contracts.with_complete_clause", "with a complete clause", "share"),
             ("checks.fixed_before_publication", "findings fixed before publication", "share"),
             ("reports.on_time_share", "reports on time", "share")]
    return [(fmt_value(get(data, p), u, data.currency), label, fmt_change(deltas.get(p), data.currency),
             trend_class(deltas.get(p))) for p, label, u in items]


def value_lines(data: ReviewData) -> list[str]:
    """How the contract value was summed: per currency, and what was converted."""
    return [fmt_money(v, cur) for cur, v in data.contracts.value_by_currency.items()]
