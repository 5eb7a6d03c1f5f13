"""Orchestration of ``check``: read -> analyse -> facts -> templates -> rules -> report.

Only orchestration lives here; every step is a call into the part that owns it
(readers, nlp, facts, engine, accept). The batch runner checks documents in
worker processes that each load spaCy and compile the catalog once, and always
returns documents sorted by path, whatever the scheduling, so parallel and
serial runs give identical JSON.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .errors import DocumentError, UsageError
from .models import CheckReport, ContractValue, DocumentErrorInfo, DocumentReport, Severity


class CheckOptions(BaseModel):
    """Everything ``check`` can be told; the CLI options map onto these one to one."""

    model_config = ConfigDict(extra="forbid")

    templates: list[str] | None = Field(None, description="template ids to check (default: every clause template)")
    lang: str | None = None
    spacy_model: str | None = None
    value: float | None = Field(None, ge=0)
    currency: str | None = None
    kind: Literal["tender", "contract", "notice"] | None = None
    rules_dirs: list[Path] = Field(default_factory=list)
    clauses_dirs: list[Path] = Field(default_factory=list)
    config: Path | None = None
    settings: dict[str, Any] = Field(default_factory=dict, description="overrides of fairtender.toml settings")
    accept: list[str] = Field(default_factory=list, description='"RULE@PARAGRAPH=reason" acceptances')
    max_file_mb: float | None = Field(None, gt=0)
    jobs: int = Field(1, ge=1)
    filename: str | None = Field(None, description="name (for its suffix) when checking bytes")


class Catalog(BaseModel):
    """The validated rules and templates, loaded once per run and shipped to workers."""

    rules: list[Any]
    templates: list[Any]


def load_catalog(options: CheckOptions) -> Catalog:
    from .catalog.rules import load_rules
    from .catalog.templates import load_templates

    rules = load_rules(options.rules_dirs)
    templates = load_templates(options.clauses_dirs)
    if options.templates:
        known = {t.id: t for t in templates}
        unknown = [t for t in options.templates if t not in known]
        if unknown:
            raise UsageError(f"unknown template '{unknown[0]}': choose from {', '.join(sorted(known))}")
        templates = [known[t] for t in options.templates]
    else:
        templates = [t for t in templates if t.purpose == "clause"]
    return Catalog(rules=rules, templates=templates)


def _error_report(path: str, e: DocumentError) -> DocumentReport:
    return DocumentReport(path=path, error=DocumentErrorInfo(code=e.code, message=e.message))


def check_document(path: Path | str, options: CheckOptions, catalog: Catalog,
                   data: bytes | None = None) -> DocumentReport:
    """Check one document; a document that cannot be read comes back with ``error`` set."""
    from .readers import read_bytes, read_document

    settings = _settings(path if data is None else None, options)
    max_bytes = int((options.max_file_mb or settings.max_file_mb) * 2**20)
    try:
        if data is not None:
            document = read_bytes(data, str(path), max_bytes=max_bytes)
        else:
            document = read_document(path, max_bytes=max_bytes)
    except DocumentError as e:
        return _error_report(str(path), e)
    return analyse_document(document, options, catalog, settings)


def _settings(path: Path | str | None, options: CheckOptions):
    from .config import load_settings

    return load_settings(doc_path=path, config_path=options.config, overrides=options.settings)


def analyse_document(document, options: CheckOptions, catalog: Catalog, settings=None) -> DocumentReport:
    """The analysis half of :func:`check_document`, for a Document already read (insert uses it too)."""
    from .accept import apply_acceptances, load_acceptances
    from .engine.barriers import evaluate_barriers
    from .engine.clauses import evaluate_templates
    from .facts import find_contract_value, find_duration_months, guess_kind
    from .nlp import analyse

    settings = settings or _settings(document.path, options)
    adoc = analyse(document, lang=options.lang, model=options.spacy_model)
    if options.value is not None:
        value: ContractValue | None = ContractValue(
            amount=options.value, currency=(options.currency or "EUR").upper(), source="cli")
    else:
        value = find_contract_value(adoc)
    duration = find_duration_months(adoc)
    kind = options.kind or guess_kind(adoc)
    templates, clause_findings = evaluate_templates(
        adoc, catalog.templates, settings, kind=kind, contract_value=value, duration_months=duration)
    findings = clause_findings + evaluate_barriers(adoc, catalog.rules, settings, contract_value=value)
    acceptances = load_acceptances(Path(document.path), options.accept)
    findings = apply_acceptances(findings, acceptances)
    findings.sort(key=lambda f: (f.location.paragraph if f.location else 0, -f.severity.rank, f.rule))
    return DocumentReport(
        path=document.path, language=adoc.language, contract_value=value, templates=templates,
        findings=findings, format=document.format, kind=kind, pages=document.pages,
        paragraphs=len(document.paragraphs), duration_months=duration, sha256=document.sha256)


def collect(sources: Sequence[Path | str]) -> list[tuple[str, DocumentError | None]]:
    """Expand files and directories into documents to check; unreadable sources carry their error."""
    from .readers import iter_documents

    out: list[tuple[str, DocumentError | None]] = []
    for src in sources:
        try:
            out.extend((str(p), None) for p in iter_documents([Path(src)]))
        except DocumentError as e:
            out.append((str(src), e))
    return out


# ---------------------------------------------------------------- batch runner

_WORKER: dict[str, Any] = {}


def _init_worker(options: CheckOptions, catalog: Catalog) -> None:
    _WORKER["options"], _WORKER["catalog"] = options, catalog


def _work(path: str) -> DocumentReport:
    return _guarded(path, _WORKER["options"], _WORKER["catalog"])


def _guarded(path: str, options: CheckOptions, catalog: Catalog) -> DocumentReport:
    """check_document, where an unexpected failure on one file never sinks the batch."""
    try:
        return check_document(path, options, catalog)
    except DocumentError as e:
        return _error_report(path, e)
    except (UsageError, KeyboardInterrupt):
        raise
    except Exception as e:  # a reader/engine bug on one odd file: report it on that file
        if os.environ.get("FAIRTENDER_DEBUG"):
            raise
        return DocumentReport(path=path, error=DocumentErrorInfo(
            code="internal-error", message=f"{path}: internal error {type(e).__name__}: {e} (please report)"))


def check(source: Any, *, progress: Callable[[str], None] | None = None, **options: Any) -> CheckReport:
    """Check documents and return the report that ``--format json`` prints.

    ``source`` is a path, a list of paths (files or directories), or ``bytes``
    (then pass ``filename=`` so the format is known). Options are those of
    :class:`CheckOptions` (``templates``, ``lang``, ``value``, ``currency``,
    ``kind``, ``rules_dirs``, ``clauses_dirs``, ``accept``, ``jobs`` ...).
    """
    opts = CheckOptions(**options)
    catalog = load_catalog(opts)
    if isinstance(source, (bytes, bytearray)):
        name = opts.filename or "document.txt"
        report = check_document(name, opts, catalog, data=bytes(source))
        return CheckReport.build([report])
    sources = [source] if isinstance(source, (str, Path)) else list(source)
    if not sources:
        raise UsageError("nothing to check: give at least one file or directory")
    items = collect(sources)
    reports: dict[str, DocumentReport] = {p: _error_report(p, e) for p, e in items if e is not None}
    todo = sorted({p for p, e in items if e is None})
    if opts.jobs > 1 and len(todo) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        fork = "fork" in multiprocessing.get_all_start_methods()
        if fork:
            import spacy  # noqa: F401 - imported once here, shared by every forked worker (~1 s each)
        ctx = multiprocessing.get_context("fork" if fork else None)
        with ProcessPoolExecutor(max_workers=min(opts.jobs, len(todo)), mp_context=ctx,
                                 initializer=_init_worker, initargs=(opts, catalog)) as pool:
            # Largest first (longest-processing-time scheduling): a big PDF submitted last
            # would run alone on one core while the other idles. Output order is by path anyway.
            futures = {pool.submit(_work, p): p for p in sorted(todo, key=_size, reverse=True)}
            for fut in as_completed(futures):
                reports[futures[fut]] = fut.result()
                if progress:
                    progress(futures[fut])
    else:
        for p in todo:
            reports[p] = _guarded(p, opts, catalog)
            if progress:
                progress(p)
    ordered = [reports[p] for p in sorted(reports)]
    return CheckReport.build(ordered)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def exit_status(report: CheckReport, fail_on: str = "error") -> int:
    """0 clean, 1 a finding reaches ``fail_on``, 2 a document could not be read (spec)."""
    if report.summary.failed:
        return 2
    if fail_on == "never":
        return 0
    limit = Severity(fail_on).rank
    worst = report.worst()
    return 1 if worst is not None and worst.rank >= limit else 0
