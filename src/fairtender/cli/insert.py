"""``fairtender insert``: put the standard clause into a Word document (or print it for pasting)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import EXIT_FINDINGS, UsageError


@click.command("insert")
@click.argument("document", type=click.Path(path_type=Path))
@click.option("--template", "template_id", required=True, metavar="ID", help="Clause template (ghent, stockholm, flanders, ...).")
@click.option("--lang", help="Language of the clause (default: the document's).")
@click.option("--authority", help='Name of the contracting authority, e.g. "City of Ghent".')
@click.option("--after", metavar="HEADING", help="Insert after the section with this heading "
              "(default: the section on contract execution / special conditions, else the end).")
@click.option("--report-days", type=click.IntRange(min=1), help="Days to deliver a requested equality report.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="The new .docx to write (never the input).")
@click.option("--format", "fmt", type=click.Choice(["docx", "markdown", "text", "json"]), default="docx",
              show_default=True, help="docx writes --output; markdown/text print the clause to paste; "
              "json writes --output and prints the result as JSON.")
@click.option("--clauses-dir", "clauses_dirs", multiple=True, type=click.Path(path_type=Path),
              help="Extra template directory (repeatable).")
def insert(document: Path, template_id: str, lang: str | None, authority: str | None, after: str | None,
           report_days: int | None, output: Path | None, fmt: str, clauses_dirs: tuple[Path, ...]) -> None:
    """Insert the model clause of a template into DOCUMENT.

    A document without the clause gets it as its own numbered section in the
    document's styles; a partial clause gets only its missing elements; a
    complete one is left alone (exit 0). The output is checked again after
    writing: exit 1 if the clause is still not complete.
    """
    from ..insert import clause_for_printing, insert_clause

    dirs = list(clauses_dirs)
    if fmt in ("markdown", "text"):
        result, clause, _ = clause_for_printing(document, template_id, lang=lang, authority=authority,
                                                report_days=report_days, clauses_dirs=dirs)
        if clause is None:
            click.echo(f"{document} already contains the complete clause '{template_id}'; nothing to add.", err=True)
            return
        if result.status == "partial":
            names = ", ".join(p.element.split(".")[-1] for p in clause.paragraphs if p.element)
            click.echo(f"The clause is partly present; missing elements: {names}.", err=True)
        click.echo(clause.as_markdown() if fmt == "markdown" else clause.as_text(), nl=False)
        return
    if output is None:
        raise UsageError("--output is required (the new .docx to write; the input is never changed)")
    result = insert_clause(document, template_id, output, lang=lang, authority=authority, after=after,
                           report_days=report_days, clauses_dirs=dirs)
    if fmt == "json":
        click.echo(json.dumps(result.model_dump(), indent=2, ensure_ascii=False))
    elif result.verified is False:
        click.echo(f"fairtender: {result.message}", err=True)
    else:
        click.echo(result.message)
    if result.verified is False:
        sys.exit(EXIT_FINDINGS)
