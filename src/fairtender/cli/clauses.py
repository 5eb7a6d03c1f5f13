"""``fairtender clauses list|show``: the clause library, for reading and for pasting."""

from __future__ import annotations

import json
from pathlib import Path

import click

CLAUSES_DIR = click.option("--clauses-dir", "clauses_dirs", multiple=True, type=click.Path(path_type=Path),
                           help="Extra template directory (repeatable).")


@click.group("clauses")
def clauses() -> None:
    """List and show the anti-discrimination clause templates."""


@clauses.command("list")
@CLAUSES_DIR
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def list_cmd(clauses_dirs: tuple[Path, ...], fmt: str) -> None:
    """Every template: id, title, purpose, languages and elements."""
    from tabulate import tabulate

    from ..catalog.templates import load_templates

    templates = load_templates(list(clauses_dirs))
    if fmt == "json":
        click.echo(json.dumps([{"id": t.id, "title": t.title, "purpose": t.purpose, "languages": t.languages,
                                "elements": [e.id for e in t.elements]} for t in templates], indent=2))
        return
    rows = [(t.id, t.title, t.purpose, ",".join(t.languages), len(t.elements),
             _limits(t)) for t in templates]
    click.echo(tabulate(rows, headers=["id", "title", "purpose", "languages", "elements", "required from"]))


def _limits(t) -> str:
    if t.applies is None:
        return "always"
    parts = []
    if t.applies.min_value is not None:
        parts.append(f"{t.applies.currency} {t.applies.min_value:,.0f}")
    if t.applies.min_duration_months is not None:
        parts.append(f"{t.applies.min_duration_months:g} months")
    return " and ".join(parts) or "always"


@clauses.command("show")
@click.argument("template_id", metavar="ID")
@click.option("--lang", default="en", show_default=True, help="Language of the model text (en, nl, sv, fr, de).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("--authority", help="Name of the contracting authority to put in the text.")
@click.option("--report-days", type=click.IntRange(min=1), help="Days to deliver a requested report.")
@CLAUSES_DIR
def show_cmd(template_id: str, lang: str, fmt: str, authority: str | None, report_days: int | None,
             clauses_dirs: tuple[Path, ...]) -> None:
    """One template: its model text in LANG, its elements and (Ghent) grounds."""
    from ..catalog.templates import get_template
    from ..clause_text import render_clause

    t = get_template(template_id, list(clauses_dirs))
    clause = render_clause(t, lang, authority=authority, report_days=report_days)
    if fmt == "json":
        data = {"id": t.id, "title": t.title, "purpose": t.purpose, "description": t.description,
                "legal_basis": t.legal_basis, "source": t.source, "languages": t.languages,
                "applies": t.applies.model_dump() if t.applies else None,
                "elements": [{"id": e.id, "title": e.title, "requires": e.requires, "severity": e.severity.value}
                             for e in t.elements],
                "grounds": [{"id": g.id, "title": g.title} for g in t.grounds],
                "model_text": clause.model_dump()}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    if fmt == "markdown":
        lines = [f"# {t.title}", "", t.description, "", f"**Legal basis:** {t.legal_basis}", "",
                 f"**Required from:** {_limits(t)}", "", "## Elements", ""]
        lines += [f"- `{e.id}` **{e.title}**: {e.requires}" for e in t.elements]
        if t.grounds:
            lines += ["", "## Grounds", "", ", ".join(f"`{g.id}` ({g.title})" for g in t.grounds)]
        lines += ["", f"## Model text ({lang})", "", clause.as_markdown(level=3).rstrip()]
        click.echo("\n".join(lines))
        return
    click.echo(f"{t.title} [{t.id}]")
    click.echo(f"Legal basis: {t.legal_basis}")
    click.echo(f"Required from: {_limits(t)}")
    click.echo("Elements:")
    for e in t.elements:
        click.echo(f"  {e.id:40} {e.title}")
    if t.grounds:
        click.echo("Grounds: " + ", ".join(g.id for g in t.grounds))
    click.echo(f"\nModel text ({lang}):\n")
    click.echo(clause.as_text().rstrip())
