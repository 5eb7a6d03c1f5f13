"""``kind: document``: one finding for the whole document (``barrier.no-lots``).

The rule fires when the contract value is above ``value_limit`` (converted to
the limit's currency), a sentence states that the contract is not divided into
lots (``patterns``, with same-sentence ``exceptions`` such as a reason given in
that sentence), and no ``document_exceptions`` pattern (a stated reason for not
dividing) occurs anywhere. An unknown value means we cannot say: no finding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import PATTERN, fmt_money, make_finding, passes
from .limits import limit_value

if TYPE_CHECKING:  # pragma: no cover
    from ...catalog.rule_schema import Rule
    from ...models import Finding
    from .context import EvalContext


def evaluate(ctx: EvalContext, i: int, rule: Rule) -> list[Finding]:
    value = ctx.contract_value
    if value is None or rule.value_limit is None:
        return []
    limit, currency = limit_value(rule.value_limit, ctx.settings, value)
    if limit is None:
        return []
    amount = value.amount if not currency else ctx.settings.convert(value.amount, value.currency, currency)
    if amount is None or amount <= limit:
        return []
    for sh in ctx.hits.sentences:
        if passes(ctx.hits, ctx.adoc, ctx.compiled, i, sh):
            h = sh.of(i, PATTERN)[0]
            shown = fmt_money(value.amount, value.currency)
            if currency and currency != value.currency:
                shown += f" (about {fmt_money(amount, currency)})"
            values = {"value": shown, "limit": fmt_money(limit, currency)}
            return [make_finding(rule, ctx.adoc, sh.unit, sh.sent, h.start, h.end, values=values)]
    return []
