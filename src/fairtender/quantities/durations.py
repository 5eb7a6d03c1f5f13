"""Periods of time: a number with a unit, in months, and the extensions that follow it.

Why months: clause templates state their limits in months (Swedish state
agencies: at least 8 months) and tenders mix years, months, weeks and days; one
unit makes them comparable. A base period and its options are kept apart
("avtalstid 2 år med option på förlängning 1+1 år" is 24 months plus 24 months of
extension), because the applicability limits look at the base period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from . import lexicon as lx
from .numbers import scan


@dataclass(frozen=True)
class Duration:
    """A period: ``months`` is the base period, ``extension_months`` the optional extensions."""

    months: float
    start: int
    end: int
    text: str
    extension_months: float | None = None

    @property
    def total_months(self) -> float:
        return self.months + (self.extension_months or 0.0)


@cache
def _unit_re(lang: str) -> tuple[re.Pattern[str], dict[str, float]]:
    units = {k.lower(): v for k, v in lx.DURATION_UNITS.get(lang, {}).items()}
    alt = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(units, key=len, reverse=True))
    return re.compile(rf"\+?[ \u00a0\u202f\u2009\-]?\s?(?P<unit>{alt})(?![^\W\d_])", re.IGNORECASE), units


@cache
def _cue_re(lang: str) -> re.Pattern[str]:
    cues = lx.EXTENSION_CUES.get(lang, []) + (lx.EXTENSION_CUES["en"] if lang != "en" else [])
    alt = "|".join(re.escape(c) for c in sorted(set(cues), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})", re.IGNORECASE)


_PLUS = re.compile(r"\s*\+\s*")
_TIMES = re.compile(r"\s*(?:[x×]|times|keer|maal|gånger|fois|mal)\s*", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.;!?]\s+[A-ZÄÖÅÉ]|\n")


def find_durations(text: str, lang: str) -> list[Duration]:
    """Every period in ``text``, in months, with extensions folded into the period before them.

    >>> [(d.months, d.extension_months) for d in find_durations("avtalstid 2 år med option på förlängning 1+1 år", "sv")]
    [(24.0, 24.0)]
    """
    if not text:
        return []
    unit_re, units = _unit_re(lang)
    toks = scan(text, lang)
    found: list[Duration] = []
    i = 0
    while i < len(toks):
        # a chain "1+1", "2+1+1" or a product "2 x 12" ending with a unit
        chain = [toks[i]]
        op = None
        j = i
        while j + 1 < len(toks):
            gap = text[toks[j].end:toks[j + 1].start]
            if _PLUS.fullmatch(gap) and op in (None, "+"):
                op = "+"
            elif _TIMES.fullmatch(gap) and op is None and len(chain) == 1:
                op = "x"
            else:
                break
            chain.append(toks[j + 1])
            j += 1
        last = chain[-1]
        um = unit_re.match(text, last.end)
        if um is None:
            i += 1
            continue
        per = units[re.sub(r"\s+", " ", um.group("unit").lower())]
        start, end = chain[0].start, um.end()
        if op == "x":
            months, ext = chain[0].value * chain[1].value * per, None
        else:
            months = chain[0].value * per
            ext = sum(t.value for t in chain[1:]) * per if len(chain) > 1 else None
        found.append(Duration(months=_r(months), start=start, end=end, text=text[start:end],
                              extension_months=_r(ext) if ext is not None else None))
        i = j + 1
    return _fold_extensions(text, found, lang)


def _r(x: float) -> float:
    return round(x, 4)


def _fold_extensions(text: str, items: list[Duration], lang: str) -> list[Duration]:
    """A period introduced by an extension cue right after another period extends it."""
    cue = _cue_re(lang)
    out: list[Duration] = []
    for d in items:
        if out:
            prev = out[-1]
            gap = text[prev.end:d.start]
            if len(gap) <= 160 and not _SENTENCE_BREAK.search(gap) and cue.search(gap):
                out[-1] = replace(prev, end=d.end, text=text[prev.start:d.end],
                                  extension_months=_r((prev.extension_months or 0) + d.total_months))
                continue
        out.append(d)
    return out
