"""``fairtender review``: build the annual procurement equality review from the register."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..errors import UsageError

FORMATS = ["html", "markdown", "json", "docx"]


@click.command("review")
@click.option("--year", type=int, required=True, help="The year under review.")
@click.option("--compare", type=int, default=None, help="Year to compare with (default: the previous year).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write here (required for docx; default: stdout).")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Judge missing reports as of this date (default: today).")
@click.option("--currency", metavar="CODE", default=None, help="Reporting currency (default EUR, or [review] currency).")
@click.option("--min-group", type=int, default=None,
              help="Suppress supplier-characteristic figures resting on fewer suppliers (default 5).")
@click.option("--title", default=None, help="Title of the review (\"{year}\" is replaced).")
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False), help="Settings file (default: ./fairtender.toml).")
@click.option("--db", metavar="URL", default=None, help="Register database (default: the root --db / $FAIRTENDER_DB).")
@click.pass_context
def review(ctx: click.Context, year: int, compare: int | None, fmt: str, output: Path | None,
           as_of: datetime | None, currency: str | None, min_group: int | None, title: str | None,
           config: Path | None, db: str | None) -> None:
    """Build the annual procurement equality review of YEAR from the register.

    Contracts awarded and their clauses, tenders checked before publication and
    the barriers fixed, supplier equality reports, subcontractor obligations and
    the supplier base, compared with another year; the benchmark questions on
    procurement answered with evidence, and recommended actions.
    """
    from ..config import load_settings
    from ..review.defaults import load_review_defaults
    from ..review.figures import compute_review

    if fmt == "docx" and output is None:
        raise UsageError("--format docx needs --output FILE.docx")
    defaults = load_review_defaults(config)
    settings = load_settings(config_path=config)
    db_url = db or (ctx.find_root().obj.db if ctx.find_root().obj else None)
    title = title or defaults.title
    data = compute_review(db_url, year, compare=compare, as_of=as_of.date() if as_of else None,
                          currency=currency or defaults.currency,
                          min_group=min_group if min_group is not None else defaults.min_group,
                          settings=settings, title=title.replace("{year}", str(year)) if title else None)
    for note in data.notes:
        if note.startswith(f"no contracts awarded in {year}"):
            click.echo(f"fairtender: note: {note}", err=True)
    if fmt == "docx":
        from ..review.render_docx import render as render_docx

        _prepare(output)
        try:
            render_docx(data, output)
        except OSError as e:
            raise UsageError(f"{output}: cannot write: {e.strerror}") from None
        click.echo(f"{output}: review of {year} written", err=True)
        return
    if fmt == "json":
        from ..review.render_json import render
    elif fmt == "markdown":
        from ..review.render_markdown import render
    else:
        from ..review.render_html import render
    text = render(data)
    if output is None:
        click.echo(text, nl=False)
        return
    _prepare(output)
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        raise UsageError(f"{output}: cannot write: {e.strerror}") from None
    click.echo(f"{output}: review of {year} written", err=True)


def _prepare(output: Path) -> None:
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"{output.parent}: cannot create directory: {e.strerror}") from None
