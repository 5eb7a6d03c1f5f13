"""Amounts of money: a number with a currency next to it.

Why separate from :mod:`.numbers`: money reads digit shapes differently (an amount
never has three decimals, so "€ 250.000" and "EUR 250,000" are both 250000 in
every language), accepts glued scales ("£2.5m", "3.5bn") that would be metres or
bytes elsewhere, and knows the fused Swedish and German forms ("2 MSEK", "800 tkr",
"5 M€"). A figure restated in words or another format right after it, in
parentheses ("£1m (one million pounds)"), is the same amount and reported once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

from . import lexicon as lx
from .numbers import _Tok, comparator_for, pair_ranges, scan


@dataclass(frozen=True)
class Money:
    """An amount with its ISO 4217 currency.

    For a range ("between EUR 100,000 and 200,000") ``amount`` is the lower bound and
    ``low``/``high`` hold both; ``comparator`` is set like :class:`~.numbers.Number`'s
    ("a minimum turnover of EUR 2m" -> ``">="``).
    """

    amount: float
    currency: str
    start: int
    end: int
    text: str
    low: float | None = None
    high: float | None = None
    comparator: str | None = None

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """Active ISO 4217 codes, read from the register's data file (no import of the register)."""
    path = Path(__file__).resolve().parents[1] / "register" / "iso4217.txt"
    codes: set[str] = set()
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                codes.add(line.split("\t", 1)[0].strip().upper())
    except OSError:  # pragma: no cover - the file ships with the package
        pass
    return frozenset(codes | {"EUR", "SEK", "GBP", "USD", "CHF", "NOK", "DKK", "KES"})


def _currency_table() -> dict[str, str]:
    table: dict[str, str] = {code: code for code in iso_codes() if code not in lx.CODE_STOPLIST}
    table.update(lx.CURRENCY_SYMBOLS)
    for words in lx.CURRENCY_WORDS.values():
        table.update(words)
    for fused, (_, code) in lx.FUSED_CURRENCIES.items():
        table[fused] = code
    return table


CURRENCIES: Mapping[str, str] = MappingProxyType(_currency_table())
"""Every currency expression we recognise (code, symbol, word, fused form) -> ISO 4217 code."""

_SP = r"[\s\u00a0\u202f\u2009]{0,2}"


def _alt(items, flags: str = "") -> str:
    body = "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@cache
def _res(lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    codes = [c for c in iso_codes() if c not in lx.CODE_STOPLIST]
    words: dict[str, str] = dict(lx.CURRENCY_WORDS["*"])
    for lg in ([lang] if lang else list(lx.LANGS)):
        words.update(lx.CURRENCY_WORDS.get(lg, {}))
    symbols = [s for s in lx.CURRENCY_SYMBOLS if s not in (":-", "kr", "kr.")]
    before = re.compile(
        rf"(?:(?<![A-Za-z]){_alt(codes)}|{_alt(symbols)}){_SP}$"
    )
    fused = _alt(lx.FUSED_CURRENCIES)
    after = re.compile(
        rf"{_SP}(?:(?P<fused>{fused})|(?P<code>{_alt(codes)})|(?P<sym>€|£|:-)|(?P<word>{_alt(words, 'i')}))"
        rf"(?![^\W\d_])"
    )
    return before, after, {k.lower(): v for k, v in words.items()}


_RESTATE = re.compile(
    r"\s*\(\s*(?:(?:i\.\s?e\.|ie|that is|or|namely|soit|c\.-à-d\.|dvs\.?|d\.\s?h\.|ofwel|oftewel|"
    r"d\.w\.z\.|zegge|i ord|en lettres|in words|in Worten)[\s,:]*)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _MTok:
    tok: _Tok
    currency: str | None


def _attach(text: str, t: _Tok, lang: str | None) -> _MTok:
    before_re, after_re, words = _res(lang)
    cur: str | None = None
    start, end, value, scale = t.start, t.end, t.value, t.scale
    bm = before_re.search(text, max(0, t.start - 8), t.start)
    if bm and bm.end() == t.start:
        sym = bm.group().strip()
        cur = CURRENCIES.get(sym, sym if sym in iso_codes() else None)
        start = bm.start()
    am = after_re.match(text, t.end)
    if am:
        if am.group("fused"):
            mult, code = lx.FUSED_CURRENCIES[am.group("fused")]
            if scale == 1.0 and (cur is None or cur == code):
                value, scale, cur, end = value * mult, mult, code, am.end()
        elif cur is None or cur == _after_code(am, words):
            cur = _after_code(am, words)
            end = am.end()
    if cur is None:
        return _MTok(replace(t, start=start, end=end), None)
    return _MTok(replace(t, value=value, scale=scale, start=start, end=end), cur)


def _after_code(am: re.Match[str], words: dict[str, str]) -> str | None:
    if am.group("code"):
        return am.group("code")
    if am.group("sym"):
        return {"€": "EUR", "£": "GBP", ":-": "SEK"}[am.group("sym")]
    if am.group("word"):
        return words.get(re.sub(r"\s+", " ", am.group("word").lower()))
    return None


def find_money(text: str, lang: str) -> list[Money]:
    """Every amount of money in ``text`` with its ISO 4217 currency, in order.

    >>> [(m.amount, m.currency) for m in find_money("Estimated value: £2.5m (two and a half million)", "en")]
    [(2500000.0, 'GBP')]
    >>> [(m.amount, m.currency) for m in find_money("Uppskattat värde 15 MSEK", "sv")]
    [(15000000.0, 'SEK')]
    """
    if not text:
        return []
    mtoks = [_attach(text, t, lang) for t in scan(text, lang, money=True)]
    # a glued "m"/"bn" means million only next to a currency ("5m" alone is metres)
    mtoks = [m for m in mtoks if m.currency is not None or not m.tok.scaled_suffix]
    by_tok = {id(m.tok): m for m in mtoks}
    grouped = pair_ranges(text, [m.tok for m in mtoks], lang)
    out: list[Money] = []
    for idx, (a, b, start) in enumerate(grouped):
        ma = by_tok.get(id(a))
        mb = by_tok.get(id(b)) if b is not None else None
        cur_a = ma.currency if ma else next((m.currency for m in mtoks if m.tok.start == a.start), None)
        if b is None:
            if cur_a is None:
                continue
            comp = comparator_for(text, start, a.end, lang, _prev_end(grouped, idx), _next_start(grouped, idx))
            out.append(Money(amount=a.value, currency=cur_a, start=start, end=a.end, text=text[start:a.end],
                             comparator=comp))
            continue
        cur_b = mb.currency if mb else None
        if cur_a and cur_b and cur_a != cur_b:
            # two amounts in different currencies ("EUR 100 - SEK 1 150"): not a range
            for t, c in ((a, cur_a), (b, cur_b)):
                out.append(Money(amount=t.value, currency=c, start=t.start, end=t.end, text=text[t.start:t.end]))
            continue
        cur = cur_a or cur_b
        if cur is None:
            continue
        comp = comparator_for(text, start, b.end, lang, _prev_end(grouped, idx), _next_start(grouped, idx))
        out.append(Money(amount=a.value, currency=cur, start=start, end=b.end, text=text[start:b.end],
                         low=a.value, high=b.value, comparator=comp))
    return _dedupe(text, out)


def _prev_end(grouped, idx: int) -> int:
    if not idx:
        return 0
    a, b, _ = grouped[idx - 1]
    return (b or a).end


def _next_start(grouped, idx: int) -> int | None:
    return grouped[idx + 1][2] if idx + 1 < len(grouped) else None


def _dedupe(text: str, items: list[Money]) -> list[Money]:
    """Drop overlaps and parenthetical restatements in the same currency."""
    out: list[Money] = []
    for m in sorted(items, key=lambda m: (m.start, -(m.end - m.start))):
        if out:
            prev = out[-1]
            if m.start < prev.end:
                continue
            gap = text[prev.end:m.start]
            if m.currency == prev.currency and _RESTATE.fullmatch(gap):
                continue
        out.append(m)
    return out
