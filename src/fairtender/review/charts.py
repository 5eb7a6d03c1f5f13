"""The review's charts, drawn with matplotlib from :class:`ReviewData` into PNG or SVG bytes.

matplotlib is imported inside :func:`render_charts` (it costs about half a
second), and the charts are drawn on bare ``Figure`` objects with the Agg
canvas, never pyplot: no display, no global state, safe in any process.
Output is deterministic (fixed SVG hash salt, no date metadata), so the same
review renders to the same bytes. Colours follow the report's sober palette.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from .privacy import is_suppressed
from .schema import ReviewData

INK = "#1d2433"
MUTED = "#5b6474"
ACCENT = "#1f3a5f"
LIGHT = "#a9b8cc"
GRID = "#e3e6eb"
STATUS_COLOURS = {"on time": "#1d6b3a", "late": "#c98a1b", "rejected": "#a4161a", "missing": "#6b1f22",
                  "not yet due": "#c7cbd1"}
MAX_RULES = 12


@dataclass(frozen=True)
class Chart:
    """One rendered chart: ``id`` (stable), ``title``, ``alt`` text describing the data, image bytes."""

    id: str
    title: str
    alt: str
    data: bytes
    mime: str

    def data_uri(self) -> str:
        import base64

        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


def render_charts(data: ReviewData, fmt: str = "svg", dpi: int = 200) -> list[Chart]:
    """The charts that have data, as ``fmt`` ("svg" or "png") bytes."""
    if fmt not in ("svg", "png"):
        raise ValueError(f"chart format must be svg or png, not {fmt!r}")
    import matplotlib

    matplotlib.rcParams.update({
        "svg.hashsalt": "fairtender", "svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 9,
        "axes.edgecolor": GRID, "axes.labelcolor": MUTED, "xtick.color": MUTED, "ytick.color": INK,
        "axes.spines.top": False, "axes.spines.right": False, "path.simplify": True,
    })
    out = []
    for build in (_findings_by_rule, _report_status, _sme_share):
        made = build(data)
        if made is None:
            continue
        chart_id, title, alt, fig = made
        buf = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, dpi=dpi, bbox_inches="tight", metadata=metadata, facecolor="white")
        out.append(Chart(chart_id, title, alt, buf.getvalue(), "image/svg+xml" if fmt == "svg" else "image/png"))
    return out


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig


def _style(ax) -> None:
    ax.grid(axis="x", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(length=0)


def _findings_by_rule(d: ReviewData):
    rules = d.checks.findings_by_rule[:MAX_RULES]
    if not rules:
        return None
    rules = list(reversed(rules))
    fig = _figure(6.6, 0.9 + 0.32 * len(rules))
    ax = fig.add_subplot()
    y = range(len(rules))
    remaining = [r.found - r.fixed for r in rules]
    ax.barh(y, remaining, color=ACCENT, height=0.62, label="still in the latest check")
    ax.barh(y, [r.fixed for r in rules], left=remaining, color=LIGHT, height=0.62, label="fixed before publication")
    ax.set_yticks(list(y), [r.rule for r in rules])
    for i, r in enumerate(rules):
        ax.text(r.found + 0.05 * max(1, max(x.found for x in rules)) / 4, i, str(r.found), va="center",
                fontsize=8, color=MUTED)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("findings in checked tenders")
    ax.set_xlim(0, max(r.found for r in rules) * 1.12 + 0.5)
    _style(ax)
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    alt = "; ".join(f"{r.rule}: {r.found} found, {r.fixed} fixed" for r in reversed(rules))
    return "findings-by-rule", f"Findings by rule, {d.year}", alt, fig


def _report_status(d: ReviewData):
    years = [f for f in (d.compare, d) if f is not None and f.reports.due]
    if not years:
        return None
    fig = _figure(6.6, 0.9 + 0.45 * len(years))
    ax = fig.add_subplot()
    parts = [("on time", "on_time"), ("late", "late"), ("rejected", "rejected"), ("missing", "missing"),
             ("not yet due", "not_yet_due")]
    for i, f in enumerate(years):
        left = 0
        for label, attr in parts:
            v = getattr(f.reports, attr)
            ax.barh(i, v, left=left, color=STATUS_COLOURS[label], height=0.55, label=label if i == 0 else None)
            if v and v / f.reports.due >= 0.07:
                ax.text(left + v / 2, i, str(v), va="center", ha="center", fontsize=8,
                        color="white" if label != "not yet due" else INK)
            left += v
    ax.set_yticks(range(len(years)), [str(f.year) for f in years])
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("equality reports due in the year")
    _style(ax)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35 if len(years) > 1 else -0.6), ncol=5,
              frameon=False, fontsize=8)
    alt = "; ".join(f"{f.year}: {f.reports.on_time} on time, {f.reports.late} late, {f.reports.rejected} "
                    f"rejected, {f.reports.missing} missing, {f.reports.not_yet_due} not yet due" for f in years)
    return "report-status", "Equality reports by status", alt, fig


def _sme_share(d: ReviewData):
    points = d.history
    if not points:
        return None
    fig = _figure(6.6, 2.6)
    ax = fig.add_subplot()
    years = [p.year for p in points]

    def series(attr):
        return [getattr(p, attr) * 100 if isinstance(getattr(p, attr), float) else float("nan") for p in points]

    ax.plot(years, series("sme_share_count"), marker="o", color=ACCENT, linewidth=2, label="share of contracts")
    ax.plot(years, series("sme_share_value"), marker="s", color="#7a8fb0", linewidth=2, linestyle="--",
            label="share of value")
    for p in points:
        if is_suppressed(p.sme_share_count):
            ax.annotate(f"suppressed\n({p.sme_share_count} suppliers)", (p.year, 50), ha="center", va="center",
                        fontsize=7, color=MUTED)
    ax.set_ylim(0, 100)
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:.0f}%")
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(length=0)
    ax.legend(loc="upper left", frameon=False, fontsize=8)
    ax.set_ylabel("won by SMEs")

    def fmt(v):
        return f"{v * 100:.0f}%" if isinstance(v, float) else ("suppressed" if is_suppressed(v) else "no data")

    alt = "; ".join(f"{p.year}: {fmt(p.sme_share_count)} of contracts, {fmt(p.sme_share_value)} of value"
                    for p in points)
    return "sme-share", "Share won by SMEs over the years", alt, fig
