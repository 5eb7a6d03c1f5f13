"""``kind: threshold``: a quantity tied to a requirement, compared with a limit.

The rule's patterns locate the requirement ("minimum annual turnover",
"#num years of experience"); the quantity is read from the same sentence with
the shared quantities parser (numbers in words, ranges, comparators, money
with locale separators and multipliers). For money compared with a multiple
of the contract value, currencies are converted only with a known rate; with
no contract value, or an amount in a currency we cannot convert, the finding is
still made but as ``info``, saying why it could not be compared.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .common import CUMULATIVE, PATTERN, adoc_order, fmt_money, fmt_number, make_finding, passes
from .limits import limit_value, multiple

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span

    from ...catalog.rule_schema import Rule
    from ...models import Finding
    from .common import SentenceHits
    from .context import EvalContext

CHARS_PER_TOKEN = 7
_YEARS_AFTER = re.compile(
    r"^\s*(?:full\s+|volle\s+|hela\s+|complets?\s+|vollen?\s+|last\s+|laatste\s+|senaste\s+)?"
    r"(?:financial\s+|fiscal\s+|accounting\s+)?"
    r"(?:years?|jaar|jaren|boekjaren|år|åren|räkenskapsår|ans|années|exercices|jahre|jahren|geschäftsjahre[n]?)\b",
    re.IGNORECASE)

# "three times the contract value", "2x", "tweemaal", "deux fois", "das Dreifache": a limit written as a ratio.
_RATIO_WORDS = {
    "twice": 2, "double": 2, "triple": 3, "tweemaal": 2, "driemaal": 3, "viermaal": 4, "dubbele": 2,
    "drievoudige": 3, "dubbla": 2, "dubbelt": 2, "dubbel": 2, "tredubbla": 3, "doppelte": 2, "doppelten": 2,
    "zweifache": 2, "zweifachen": 2, "dreifache": 3, "dreifachen": 3, "vierfache": 4, "vierfachen": 4,
    "fünffache": 5, "fünffachen": 5,
}
_RATIO = re.compile(
    r"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)?|[^\W\d_]+)\s*(?:-\s*)?"
    r"(?:x|×|times|fold|keer|maal|gånger|fois|mal|fache[n]?)(?![\w])"
    r"|(?P<word>" + "|".join(sorted(_RATIO_WORDS, key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE)

_COMPARE = {
    "greater": lambda q, lim: q > lim * (1 + 1e-9),
    "greater_equal": lambda q, lim: q >= lim * (1 - 1e-9),
    "less": lambda q, lim: q < lim * (1 - 1e-9),
    "less_equal": lambda q, lim: q <= lim * (1 + 1e-9),
}


def _quantities(ctx: EvalContext, sh: SentenceHits, kind: str) -> list[Any]:
    """Money or numbers of a sentence (memoised per document by text: rules and repeated sentences share it)."""
    key = ("ft-quantities", sh.sent.text, kind)
    cache = ctx.adoc.cache
    if key not in cache:
        from ... import quantities

        text = sh.sent.text
        lang = ctx.adoc.language
        cache[key] = quantities.find_money(text, lang) if kind == "money" else quantities.find_numbers(text, lang)
    return cache[key]


LABEL_MAX_CHARS = 90  # "Minimum annual turnover:" / "Critère : chiffre d'affaires minimum" (a form line, a cell)
VALUE_MAX_CHARS = 120  # the line or cell after it that holds only the amount


def _from_value_line(ctx: EvalContext, sh: SentenceHits, kind: str) -> list[Any]:
    """The quantities of the line after a label line, as if they followed the label.

    Forms and tables split a requirement over two paragraphs: a label ("Minimum annual
    turnover:", "Kriterium: Mindestumsatz") and its value ("EUR 2,000,000", "Wert: 1,5 Mio.
    EUR"). Only a short paragraph that is one sentence counts as a label, and only a short
    next paragraph as its value, so prose paragraphs never borrow each other's numbers.
    """
    label = sh.sent.text.strip()
    if len(label) > LABEL_MAX_CHARS or sh.unit.paragraph.text.strip() != label:
        return []
    units = ctx.adoc.units
    pos = adoc_order(ctx.adoc, sh.unit)
    if pos + 1 >= len(units):
        return []
    nxt = units[pos + 1].paragraph.text.strip()
    if not nxt or len(nxt) > VALUE_MAX_CHARS:
        return []
    from ... import quantities

    lang = ctx.adoc.language
    found = quantities.find_money(nxt, lang) if kind == "money" else quantities.find_numbers(nxt, lang)
    shift = len(sh.sent.text) + 1
    return [replace(q, start=q.start + shift, end=q.end + shift) for q in found]


def _match_chars(sent: Span, start_tok: int, end_tok: int) -> tuple[int, int]:
    doc = sent.doc
    return doc[start_tok].idx - sent.start_char, doc[end_tok - 1].idx + len(doc[end_tok - 1]) - sent.start_char


def _nearest(items: list[Any], ms: int, me: int, window_chars: int) -> Any | None:
    """The quantity closest to the match: inside it, else after it, else (at double cost) before it."""
    best, best_d = None, None
    for q in items:
        if q.start >= ms and q.end <= me:
            d = 0
        elif q.start >= me:
            d = q.start - me
        elif q.end <= ms:
            d = 2 * (ms - q.end)
        else:
            d = 0
        if d <= window_chars and (best_d is None or d < best_d):
            best, best_d = q, d
    return best


def _years(ctx: EvalContext, sh: SentenceHits, skip: Any) -> int:
    """How many years a cumulative amount covers ("over the last three years" -> 3; default 3)."""
    text = sh.sent.text
    for n in _quantities(ctx, sh, "number"):
        if skip is not None and not (n.end <= skip.start or n.start >= skip.end):
            continue
        if 2 <= n.value <= 10 and _YEARS_AFTER.match(text[n.end:]):
            return int(n.value)
    return 3


def _is_contract_value(ctx: EvalContext, paragraph: int, money: Any) -> bool:
    """``money``, read in paragraph ``paragraph``, is the contract value itself (not a requirement)."""
    v = ctx.contract_value
    if v is None or v.location is None or v.location.paragraph != paragraph:
        return False
    cur = getattr(money, "currency", None)
    return abs(money.amount - v.amount) < 0.5 and (cur is None or cur == v.currency)


def _ratio_in(text: str, lang: str) -> float | None:
    """The multiple of the contract value a sentence states ("three times", "2x", "tweemaal"), if any."""
    from ...quantities import parse_number

    for m in _RATIO.finditer(text):
        if m.group("word"):
            return float(_RATIO_WORDS[m.group("word").lower()])
        n = parse_number(m.group("num"), lang)
        if n is not None and 0 < n <= 100:
            return float(n)
    return None


def _as_ratio(ctx: EvalContext, i: int, rule: Rule, sh: SentenceHits) -> Finding | None:
    """A minimum written as a multiple of the contract value: compared without needing the value."""
    th = rule.threshold
    assert th is not None
    m = multiple(th.limit, ctx.settings)
    ratio = _ratio_in(sh.sent.text, ctx.adoc.language) if m is not None else None
    if ratio is None or not _COMPARE[th.comparison](ratio, m):
        return None
    h = sh.of(i, PATTERN)[0]
    values = {"ratio": fmt_number(ratio), "multiple": fmt_number(m),
              "amount": f"{fmt_number(ratio)} times the contract value", "value": "", "limit": ""}
    if ctx.contract_value is not None:
        v = ctx.contract_value
        values["value"] = fmt_money(v.amount, v.currency)
        values["limit"] = fmt_money(m * v.amount, v.currency)
    return make_finding(rule, ctx.adoc, sh.unit, sh.sent, h.start, h.end, values=values,
                        message=th.ratio_message or None)


def _money(ctx: EvalContext, i: int, rule: Rule, sh: SentenceHits) -> Finding | None:
    th = rule.threshold
    assert th is not None
    value, settings = ctx.contract_value, ctx.settings
    here = sh.unit.paragraph.index
    candidates = [m for m in _quantities(ctx, sh, "money") if not _is_contract_value(ctx, here, m)]
    if not candidates:  # "Estimated value:" | "EUR 1m": the line after the label holds the value itself
        candidates = [m for m in _from_value_line(ctx, sh, "money") if not _is_contract_value(ctx, here + 1, m)]
    if not candidates:
        return _as_ratio(ctx, i, rule, sh)
    for h in sh.of(i, PATTERN):
        ms, me = _match_chars(sh.sent, h.start, h.end)
        money = _nearest(candidates, ms, me, th.window * CHARS_PER_TOKEN)
        if money is None:
            continue
        currency = getattr(money, "currency", None) or (value.currency if value else None)
        amount = float(money.amount)
        total_note = ""
        if sh.of(i, CUMULATIVE):
            years = _years(ctx, sh, money)
            total_note = f" ({fmt_money(amount, currency)} over {years} years)"
            amount = amount / years
        values: dict[str, Any] = {"amount": fmt_money(amount, currency) + total_note,
                                  "number": fmt_number(amount)}
        m = multiple(th.limit, settings)
        if m is not None:
            values["multiple"] = fmt_number(m)
            if value is None:
                msg = th.unknown_value_message or rule.message
                return make_finding(rule, ctx.adoc, sh.unit, sh.sent, h.start, h.end, values=values,
                                    severity=th.unknown_value_severity, message=msg)
            values["value"] = fmt_money(value.amount, value.currency)
            converted = settings.convert(amount, currency, value.currency) if currency else amount
            if converted is None:
                msg = th.other_currency_message or rule.message
                return make_finding(rule, ctx.adoc, sh.unit, sh.sent, h.start, h.end, values=values,
                                    severity="info", message=msg)
            if currency and currency != value.currency:
                values["amount"] += f" (about {fmt_money(converted, value.currency)})"
            limit = m * value.amount
            values["limit"] = fmt_money(limit, value.currency)
            values["ratio"] = f"{converted / value.amount:.1f}" if value.amount else "∞"
            if _COMPARE[th.comparison](converted, limit):
                return make_finding(rule, ctx.adoc, sh.unit, sh.sent, h.start, h.end, values=values)
            return None
        limit, lim_cur = limit_value(th.limit, settings, value)
        if limit is None:
            return None
        converted = settings.convert(amount, currency, lim_cur) if (currency and lim_cur) else amount
        if converted is None:
            return None
        values["limit"] = fmt_money(limit, lim_cur)
        if _COMPARE[th.comparison](converted, limit):
            return make_finding(rule, ctx.adoc, sh.unit, sh.sent, h.start, h.end, values=values)
        return None
    return None


def _number(ctx: EvalContext, i: int, rule: Rule, sh: SentenceHits) -> Finding | None:
    th = rule.threshold
    assert th is not None
    numbers = _quantities(ctx, sh, "number") or _from_value_line(ctx, sh, "number")
    if not numbers:
        return None
    limit, _ = limit_value(th.limit, ctx.settings, ctx.contract_value)
    if limit is None:
        return None
    for h in sh.of(i, PATTERN):
        ms, me = _match_chars(sh.sent, h.start, h.end)
        n = _nearest(numbers, ms, me, th.window * CHARS_PER_TOKEN)
        if n is None:
            continue
        q = n.low if n.low is not None else n.value
        if th.comparison.startswith("greater") and n.comparator in ("<", "<="):
            continue  # "no more than 10 years" is a ceiling, not a minimum
        if _COMPARE[th.comparison](q, limit):
            values = {"number": n.text.strip(), "value": fmt_number(q), "limit": fmt_number(limit)}
            return make_finding(rule, ctx.adoc, sh.unit, sh.sent, h.start, h.end, values=values)
        return None
    return None


def evaluate(ctx: EvalContext, i: int, rule: Rule) -> list[Finding]:
    """At most one finding per sentence: the first requirement whose quantity crosses the limit."""
    assert rule.threshold is not None
    read = _money if rule.threshold.quantity == "money" else _number
    out: list[Finding] = []
    for sh in ctx.hits.sentences:
        if passes(ctx.hits, ctx.adoc, ctx.compiled, i, sh):
            f = read(ctx, i, rule, sh)
            if f is not None:
                out.append(f)
    return out
