"""``kind: pattern``: a pattern in a sentence with no exception in that sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import PATTERN, make_finding, passes

if TYPE_CHECKING:  # pragma: no cover
    from ...catalog.rule_schema import Rule
    from ...models import Finding
    from .context import EvalContext


def evaluate(ctx: EvalContext, i: int, rule: Rule) -> list[Finding]:
    """One finding per sentence in which the rule fires, at its first match."""
    out: list[Finding] = []
    for sh in ctx.hits.sentences:
        if not passes(ctx.hits, ctx.adoc, ctx.compiled, i, sh):
            continue
        h = sh.of(i, PATTERN)[0]
        out.append(make_finding(rule, ctx.adoc, sh.unit, sh.sent, h.start, h.end))
    return out
