"""``check --summary-only``: one line per document, for folders of hundreds of tenders.

``path: N errors, N warnings, N info; templates ghent partial, stockholm absent``
or ``path: unreadable (code): message``. Paths and messages are flattened onto
one line (control characters shown escaped) so that a file name containing a
newline can never forge a second line.
"""

from __future__ import annotations

from ..models import CheckReport, DocumentReport
from .view import template_status_line


def _one_line(text: str) -> str:
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def line(doc: DocumentReport) -> str:
    path = _one_line(doc.path)
    if doc.error:
        return f"{path}: unreadable ({_one_line(doc.error.code)}): {_one_line(doc.error.message)}"
    counts = ", ".join(
        [_plural(doc.count("error"), "error"), _plural(doc.count("warning"), "warning"), f"{doc.count('info')} info"]
    )
    return f"{path}: {counts}; templates: {_one_line(template_status_line(doc))}"


def render(report: CheckReport) -> str:
    return "".join(line(d) + "\n" for d in report.documents)
