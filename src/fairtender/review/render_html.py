"""The review as one self-contained HTML page: inline CSS, charts as data: URIs, nothing fetched.

Jinja2 with autoescaping on: every text from the register (template ids, rule
ids, characteristic names, notes) is escaped.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .schema import ReviewData


def code_spans(text: str):
    """Escape ``text``, then show `command` spans as <code> (recommendations name commands)."""
    import re

    from markupsafe import Markup, escape

    return Markup(re.sub(r"`([^`<>]+)`", r"<code>\1</code>", str(escape(text))))


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("fairtender.review", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["code_spans"] = code_spans
    return env


def render(data: ReviewData, *, charts: bool = True) -> str:
    from .charts import render_charts
    from .view import RATING_LABELS, fmt_count, fmt_share, headline, sections, value_lines

    css = resources.files("fairtender.review").joinpath("templates/review.css").read_text(encoding="utf-8")
    drawn = {c.id: c for c in render_charts(data, "svg")} if charts else {}
    template = _environment().get_template("review.html.j2")
    return template.render(d=data, css=css, charts=drawn, sections=sections(data), headline=headline(data),
                           ratings=RATING_LABELS, fmt_share=fmt_share, fmt_count=fmt_count,
                           value_lines=value_lines(data))
