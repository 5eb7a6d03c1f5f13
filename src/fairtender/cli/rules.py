"""``fairtender rules list|show``: the indirect-barrier rules, for reading and reviewing."""

from __future__ import annotations

import json
from pathlib import Path

import click

RULES_DIR = click.option("--rules-dir", "rules_dirs", multiple=True, type=click.Path(path_type=Path),
                         help="Extra rule directory (repeatable); a rule with a bundled id replaces it.")
FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)


@click.group("rules")
def rules() -> None:
    """List and show the indirect-barrier rules."""


@rules.command("list")
@RULES_DIR
@FORMAT
def list_cmd(rules_dirs: tuple[Path, ...], fmt: str) -> None:
    """Every rule: id, severity, languages and title."""
    from tabulate import tabulate

    from ..catalog.rules import load_rules

    items = load_rules(list(rules_dirs))
    if fmt == "json":
        click.echo(json.dumps([{"id": r.id, "severity": r.severity.value, "kind": r.kind,
                                "languages": r.languages, "title": r.title} for r in items],
                              indent=2, ensure_ascii=False))
        return
    rows = [(r.id, r.severity.value, r.kind, ",".join(r.languages), r.title) for r in items]
    click.echo(tabulate(rows, headers=["id", "severity", "kind", "languages", "title"]))


def _limit_text(rule) -> str | None:
    th = rule.threshold
    lim = th.limit if th else rule.value_limit
    if lim is None:
        return None
    if lim.constant is not None:
        what = f"{lim.constant:g}"
    elif lim.setting is not None:
        what = f"setting '{lim.setting}'"
    else:
        what = f"{lim.multiple_of_value} x the estimated contract value"
    if th is not None:
        cmp = {"greater": ">", "greater_equal": ">=", "less": "<", "less_equal": "<="}[th.comparison]
        return f"{th.quantity} {cmp} {what}"
    return f"contract value > {what}"


@rules.command("show")
@click.argument("rule_id", metavar="ID")
@click.option("--lang", help="Show patterns and examples of this language only (en, nl, sv, fr, de).")
@click.option("--verify", is_flag=True, help="Run the examples through the engine and mark each one.")
@RULES_DIR
@FORMAT
def show_cmd(rule_id: str, lang: str | None, verify: bool, rules_dirs: tuple[Path, ...], fmt: str) -> None:
    """One rule with everything in it: message, reason, legal basis, fix, patterns and examples.

    The examples include, per language, text that triggers the rule and text
    that must not (the hard cases of the rule's "must NOT catch" column).
    """
    from ..catalog.rule_schema import LANGS
    from ..catalog.rules import load_rules
    from ..errors import UsageError

    all_rules = load_rules(list(rules_dirs))
    rule = next((r for r in all_rules if r.id == rule_id), None)
    if rule is None:
        raise UsageError(f"unknown rule '{rule_id}': see `fairtender rules list`")
    if lang is not None and lang not in LANGS:
        raise UsageError(f"unknown language '{lang}': choose one of {', '.join(LANGS)}")
    langs = [lang] if lang else [x for x in LANGS if x in rule.examples or x in rule.patterns]
    checks: dict[tuple[str, str, int], bool] = {}
    if verify:
        from ..engine.barriers import check_text

        for lg in langs:
            ex = rule.examples.get(lg)
            if ex is None:
                continue
            for kind, texts in (("positive", ex.positive), ("negative", ex.negative)):
                for i, text in enumerate(texts):
                    found = any(f.rule == rule.id for f in check_text(text, lang=lg, rules=all_rules))
                    checks[(lg, kind, i)] = found == (kind == "positive")
    if fmt == "json":
        data = rule.model_dump(mode="json")
        if lang:
            for key in ("patterns", "exceptions", "requires", "document_exceptions", "examples"):
                data[key] = {k: v for k, v in data[key].items() if k == lang}
        if verify:
            data["verified"] = all(checks.values()) if checks else None
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    out = [f"{rule.title} [{rule.id}]",
           f"Severity: {rule.severity.value}    Kind: {rule.kind}    Languages: {', '.join(rule.languages)}",
           f"Message: {rule.message}"]
    limit = _limit_text(rule)
    if limit:
        out.append(f"Limit: {limit}")
    out += ["", "Why:", f"  {' '.join(rule.rationale.split())}", "",
            f"Legal basis: {rule.legal_basis}", f"Suggestion: {rule.suggestion}"]
    if rule.unless_context:
        out.append(f"Not in sentences about: {', '.join(rule.unless_context)}")
    for lg in langs:
        out += ["", f"--- {lg} ---"]
        sections = [("Patterns", rule.patterns), ("Requires one of", rule.requires),
                    ("Exceptions (same sentence)", rule.exceptions),
                    ("Exceptions (whole document)", rule.document_exceptions)]
        if rule.threshold is not None:
            sections.append(("Totals over several years (divided by the years)", rule.threshold.cumulative))
        for title, per_lang in sections:
            pats = per_lang.get(lg) or []
            if pats:
                out.append(f"{title}:")
                out += [f"  {p}" for p in pats]
        ex = rule.examples.get(lg)
        if ex is not None:
            for kind, label, texts in (("positive", "Triggers", ex.positive), ("negative", "Does not trigger",
                                                                                ex.negative)):
                out.append(f"{label}:")
                for i, text in enumerate(texts):
                    mark = ""
                    if verify:
                        mark = "[ok] " if checks.get((lg, kind, i)) else "[FAILS] "
                    out.append(f"  {mark}" + text.replace("\n", " / "))
    click.echo("\n".join(out))
    if verify and not all(checks.values()):
        raise SystemExit(1)
