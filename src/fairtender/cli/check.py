"""``fairtender check``: parse options, call :func:`fairtender.check_api.check`, render, exit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import UsageError

FORMATS = ["table", "json", "html", "markdown", "docx"]


def _settings_overrides(turnover_multiple, experience_years, lots_value) -> dict:
    return {k: v for k, v in {"turnover_multiple": turnover_multiple, "experience_years": experience_years,
                              "lots_value": lots_value}.items() if v is not None}


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write here instead of stdout (a directory for docx of several files).")
@click.option("--template", "templates", multiple=True, metavar="ID", help="Clause template to check (repeatable; default: all).")
@click.option("--kind", type=click.Choice(["tender", "contract", "notice"]), help="Document kind (default: guessed; clause elements are not required in a published notice).")
@click.option("--lang", help="Document language (en, nl, sv, fr, de); default: detected.")
@click.option("--spacy-model", metavar="NAME", help="Use this installed trained spaCy pipeline.")
@click.option("--value", type=float, help="Estimated contract value (overrides the document).")
@click.option("--currency", metavar="CODE", help="Currency of --value (default EUR).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True,
              help="Exit 1 when a finding reaches this severity.")
@click.option("--rules-dir", "rules_dirs", multiple=True, type=click.Path(path_type=Path), help="Extra rule directory (repeatable).")
@click.option("--clauses-dir", "clauses_dirs", multiple=True, type=click.Path(path_type=Path), help="Extra template directory (repeatable).")
@click.option("--config", type=click.Path(path_type=Path), help="Settings file (default: fairtender.toml beside the document or here).")
@click.option("--accept", multiple=True, metavar='RULE@PARAGRAPH="REASON"', help="Accept a justified finding (reported as info).")
@click.option("--turnover-multiple", type=float, help="barrier.turnover limit as a multiple of the value (default 2).")
@click.option("--experience-years", type=float, help="barrier.experience threshold in years (default 8).")
@click.option("--lots-value", type=float, help="barrier.no-lots value limit (default 1,000,000 in lots currency).")
@click.option("--max-size", "max_file_mb", type=float, help="Largest file to read, in MB (default 100).")
@click.option("--jobs", "-j", type=int, default=None, help="Worker processes (default: number of cores).")
@click.option("--summary-only", is_flag=True, help="One line per document.")
@click.option("--record", is_flag=True, help="Store the result in the register (for the annual review).")
@click.option("--reference", metavar="REF", help="Tender reference to record under (default: file name).")
@click.option("--db", metavar="URL", help="Register database for --record.")
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...], fmt: str, output: Path | None, templates: tuple[str, ...],
          kind, lang, spacy_model, value, currency, fail_on, rules_dirs, clauses_dirs, config, accept,
          turnover_multiple, experience_years, lots_value, max_file_mb, jobs, summary_only, record,
          reference, db) -> None:
    """Check tenders and contracts (.docx, .pdf, .txt, .md; directories recursively).

    Reports every indirect barrier and every missing anti-discrimination clause
    element with its location, reason, legal basis and a fix. Exit status: 0
    clean, 1 a finding reached --fail-on, 2 usage error or unreadable document.
    """
    from ..check_api import check as run_check
    from ..check_api import collect, exit_status

    if currency and value is None:
        raise UsageError("--currency needs --value")
    if fmt == "docx" and output is None:
        raise UsageError("--format docx needs --output (a .docx file, or a directory for several documents)")
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    options = dict(
        templates=list(templates) or None, kind=kind, lang=lang, spacy_model=spacy_model, value=value,
        currency=currency, rules_dirs=list(rules_dirs), clauses_dirs=list(clauses_dirs), config=config,
        accept=list(accept), max_file_mb=max_file_mb, jobs=jobs,
        settings=_settings_overrides(turnover_multiple, experience_years, lots_value))

    show_bar = sys.stderr.isatty()
    if show_bar:
        total = len(collect(list(paths)))
        with click.progressbar(length=total, label="checking", file=sys.stderr) as bar:
            report = run_check(list(paths), progress=lambda _p: bar.update(1), **options)
    else:
        report = run_check(list(paths), **options)

    for d in report.documents:
        if d.error:
            click.echo(f"fairtender: {d.error.message}", err=True)

    if record:
        from ..review.record import record_check

        n = record_check(report, db_url=db or ctx.find_root().obj.db, reference=reference)
        click.echo(f"recorded {n} check(s) in the register", err=True)

    if summary_only:
        from ..render.summary import render as render_summary

        _emit(render_summary(report), output)
    elif fmt == "docx":
        _write_docx(report, output)
    else:
        if fmt == "json":
            from ..render.json import render
        elif fmt == "html":
            from ..render.html import render
        elif fmt == "markdown":
            from ..render.markdown import render
        else:
            from ..render.table import render
        _emit(render(report), output)
    ctx.exit(exit_status(report, fail_on))


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        raise UsageError(f"{output}: cannot write: {e.strerror}") from None


def _write_docx(report, output: Path) -> None:
    from ..render.docx_comments import annotate

    docs = [d for d in report.documents if d.error is None and (d.format == "docx")]
    if not docs:
        raise UsageError("--format docx annotates .docx documents, and none was checked")
    single = len(report.documents) == 1 and output.suffix.lower() == ".docx"
    if single:
        targets = [(docs[0], output)]
    else:
        if output.exists() and not output.is_dir():
            raise UsageError(f"{output}: give a directory for several documents")
        output.mkdir(parents=True, exist_ok=True)
        targets = [(d, output / (Path(d.path).stem + ".annotated.docx")) for d in docs]
    for d, out in targets:
        if Path(d.path).resolve() == out.resolve():
            raise UsageError(f"{out}: refusing to overwrite the checked document; choose another --output")
        n = annotate(d, Path(d.path), out)
        click.echo(f"{out}: {n} comment(s)", err=True)
