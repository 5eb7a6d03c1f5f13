"""``--format html``: one self-contained, printable HTML report for a whole check.

Document text is untrusted (anyone can write a tender), so everything goes
through Jinja2 with autoescaping on, and the highlighted excerpt is cut into
plain-text pieces in Python (:func:`fairtender.render.view.split_excerpt`)
that the template escapes one by one — never regex over escaped markup. The
CSS is inlined and nothing is fetched (no fonts, scripts, images or URLs), so
the file can be mailed, archived and opened offline.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from ..models import CheckReport, Summary
from .view import SEVERITIES, applies_text, format_location, report_view

if TYPE_CHECKING:  # pragma: no cover
    import jinja2

TEMPLATES = Path(__file__).with_name("templates")


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # always, whatever the template's file name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(applies_text=applies_text, format_location=format_location)
    return env


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def conclusion(report: CheckReport) -> str:
    """One plain sentence a reader can act on, built from the counts only."""
    s: Summary = report.summary
    checked = [d for d in report.documents if not d.error]
    with_errors = sum(1 for d in checked if d.count("error"))
    parts = []
    if not checked:
        parts.append("No document could be checked.")
    elif with_errors:
        of = f"{with_errors} of {len(checked)} documents" if len(checked) > 1 else "The document"
        verb = "has" if with_errors == 1 or len(checked) == 1 else "have"
        parts.append(f"{of} {verb} errors to resolve before publication.")
    elif s.warnings:
        parts.append(f"No errors found; {_plural(s.warnings, 'warning')} to review.")
    elif s.infos:
        parts.append(f"No errors or warnings; {_plural(s.infos, 'note')} for information.")
    else:
        parts.append("No findings.")
    if s.failed:
        parts.append(f"{_plural(s.failed, 'document')} could not be read (listed below).")
    return " ".join(parts)


def _title(report: CheckReport) -> str:
    if len(report.documents) == 1:
        return PurePath(report.documents[0].path).name or report.documents[0].path
    return f"{len(report.documents)} procurement documents"


def render(report: CheckReport, *, generated: dt.date | None = None) -> str:
    """Render ``report`` as one HTML page (a table of contents when it holds several documents).

    ``generated`` is the date printed on the cover (default: today, UTC); tests
    pass it to get byte-stable output.
    """
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=_title(report),
        version=report.fairtender_version,
        generated=(generated or dt.datetime.now(dt.timezone.utc).date()).isoformat(),
        summary=report.summary,
        conclusion=conclusion(report),
        docs=report_view(report),
        severities=[s.value for s in SEVERITIES],
    )
