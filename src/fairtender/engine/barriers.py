"""Evaluate the indirect-barrier rules (``rules/*.yaml``) over an analysed document.

The rules are compiled for the document's language once per process (cached by
language and the rules' content fingerprints), matched in one pass per
paragraph, and each rule's kind decides how its sentence hits become findings
(:mod:`fairtender.engine.evaluators`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..catalog.rule_schema import Rule
    from ..config import Settings
    from ..models import ContractValue, Finding
    from ..nlp import AnalysedDocument


def evaluate_barriers(adoc: AnalysedDocument, rules: list[Rule], settings: Settings,
                      contract_value: ContractValue | None) -> list[Finding]:
    """Every barrier finding of ``adoc``, in reading order (then by rule id)."""
    from .evaluators import EVALUATORS
    from .evaluators.common import collect_hits, compiled_rules
    from .evaluators.context import EvalContext

    if not rules or not any(len(u.doc) for u in adoc.units):
        return []
    compiled = compiled_rules(adoc, rules)
    hits = collect_hits(adoc, compiled)
    ctx = EvalContext(adoc=adoc, compiled=compiled, hits=hits, settings=settings, contract_value=contract_value)
    findings: list[Finding] = []
    for i, rule in enumerate(compiled.rules):
        if i not in compiled.roles or i not in hits.anywhere:
            continue
        findings.extend(EVALUATORS[rule.kind](ctx, i, rule))
    findings.sort(key=lambda f: (f.location.paragraph if f.location else 0,
                                 f.match.start if f.match else 0, f.rule))
    return findings


def text_document(text: str, path: str = "<text>"):
    """A Document with one paragraph per non-empty line (how rule examples and snippets are checked)."""
    from ..models import Document, Paragraph

    lines = [line for line in text.splitlines() if line.strip()]
    return Document(path=path, format="txt",
                    paragraphs=[Paragraph(index=i + 1, text=line) for i, line in enumerate(lines)])


def check_text(text: str, *, lang: str | None = None, rules: list[Rule] | None = None,
               settings: Settings | None = None, contract_value: ContractValue | None = None) -> list[Finding]:
    """Barrier findings for a snippet of text (the contract value is read from it unless given).

    Used by ``fairtender rules show`` to verify examples, and handy in a notebook.
    """
    from ..catalog.rules import load_rules
    from ..config import Settings as _Settings
    from ..facts import find_contract_value
    from ..nlp import analyse

    adoc = analyse(text_document(text), lang=lang)
    value = contract_value if contract_value is not None else find_contract_value(adoc)
    return evaluate_barriers(adoc, rules if rules is not None else load_rules(), settings or _Settings(), value)
