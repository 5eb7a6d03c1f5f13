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

    if not rules:
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
