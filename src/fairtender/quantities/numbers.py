"""Numbers in running text: digits with locale separators, number words, scales, ranges, comparators.

Why a hand-written scanner instead of a library: tender text mixes conventions
("EUR 1,250,000" in a Dutch notice, "1.250.000" in an English translation, "2 500 000"
with a no-break space in a Swedish one) and writes small numbers in words ("three
full financial years", "vijf jaar", "femton år"). Babel/number-parsers assume one
locale per string and raise on anything else; here the language is a *hint* and
the shape of the digits decides the rest. All vocabulary is in :mod:`.lexicon`.

The scanner returns :class:`Number` objects with character offsets into the text
it was given, so callers can cut excerpts and align with spaCy tokens.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from . import lexicon as lx

# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Number:
    """A number found in text.

    ``value`` is the number as written (for a range: the lower bound, and ``low`` /
    ``high`` hold both bounds). ``comparator`` is one of ``">="``, ``">"``, ``"<="``,
    ``"<"`` when a cue such as "at least" / "no more than" governs the number, else
    ``None``. ``start``/``end`` are character offsets into the searched text.
    """

    value: float
    start: int
    end: int
    text: str
    low: float | None = None
    high: float | None = None
    comparator: str | None = None

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None


@dataclass(frozen=True)
class _Tok:
    """Internal scan token: one number (digits or words), possibly with a scale word."""

    value: float
    start: int
    end: int
    scale: float = 1.0          # multiplier already applied to ``value`` (1e6 for "2 million")
    words: bool = False         # written in words
    scaled_suffix: bool = False  # the scale came from a glued money suffix ("1m") - money only


# --------------------------------------------------------------------------- digits

_SP = " \u00a0\u202f\u2009"
_DIGITS = re.compile(
    rf"(?<![\w])(?<!\d[.,])"
    rf"(?:\d{{1,3}}(?:(?:[,.'’]|[{_SP}])\d{{3}})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    rf"(?![.,]?\d)"
)
# Digit shapes that are not quantities: dates, times, clause references, ratios.
_NOT_QUANTITY = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d+(?::\d+)+\b|\b\d+(?:/\d+)+\b|\b\d+\(\w{1,3}\)"
)
DECIMAL_COMMA_LANGS = frozenset({"nl", "sv", "fr", "de"})


def digits_to_float(raw: str, lang: str | None, *, money: bool = False, scaled: bool = False) -> float | None:
    """Interpret a digit string by its shape and the language.

    - spaces, no-break spaces and apostrophes are always thousands separators;
    - with both ``.`` and ``,`` the right-most one is the decimal mark ("1.250.000,00");
    - a mark repeated ("1.250.000", "1,250,000") is a thousands separator;
    - a single mark not followed by exactly three digits is decimal ("2,5", "0.5");
    - a single mark followed by three digits: decimal before a scale word ("1,250 million")
      or after a zero ("0,125"); in money thousands (amounts have no third decimal);
      otherwise the language decides ("1,234" is 1234 in English, 1.234 in Dutch;
      "1.234" is 1.234 in English, 1234 elsewhere). Without a language, thousands.
    """
    s = raw
    for ch in _SP + "'’":
        s = s.replace(ch, "")
    if not s:
        return None
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        thou = "," if dec == "." else "."
        if s.count(dec) > 1:
            s = s.replace(dec, "").replace(thou, "")
        else:
            s = s.replace(thou, "").replace(dec, ".")
    elif has_dot or has_comma:
        mark = "." if has_dot else ","
        if s.count(mark) > 1:
            s = s.replace(mark, "")
        else:
            intpart, frac = s.split(mark)
            if len(frac) != 3 or scaled or intpart.strip("0") == "":
                decimal = True
            elif money or lang is None:
                decimal = False
            elif lang in DECIMAL_COMMA_LANGS:
                decimal = mark == ","
            else:
                decimal = mark == "."
            s = intpart + "." + frac if decimal else intpart + frac
    try:
        return float(s)
    except ValueError:  # pragma: no cover - the regex only lets digits and marks through
        return None


# --------------------------------------------------------------------------- word numbers


@dataclass(frozen=True)
class _Lex:
    values: dict[str, int]
    hundreds: frozenset[str]
    scales: dict[str, float]
    connectors: frozenset[str]
    ambiguous: frozenset[str]
    before_plural: frozenset[str]
    idioms: re.Pattern[str] | None
    units: frozenset[str]
    atoms: tuple[str, ...]  # longest first, for splitting compounds
    shape: re.Pattern[str]  # fast filter: words made only of atoms and hyphens


@cache
def _lex(lang: str) -> _Lex:
    values = dict(lx.NUMBER_WORDS.get(lang, {}))
    hundreds = frozenset(lx.HUNDRED_WORDS.get(lang, set()))
    scales = {**lx.SCALE_WORDS_ANY, **lx.SCALE_WORDS.get(lang, {})}
    connectors = frozenset(lx.NUMBER_CONNECTORS.get(lang, set()))
    units = frozenset(w.split()[0] for w in lx.DURATION_UNITS.get(lang, {}))
    atoms = tuple(sorted({*values, *hundreds, *(k for k in scales if k.isalpha()), *connectors},
                         key=len, reverse=True))
    shape = re.compile("(?:" + "|".join(re.escape(a) for a in atoms) + "|-)+")
    idioms = lx.NOT_NUMBER_PHRASES.get(lang) or []
    return _Lex(values, hundreds, scales, connectors, frozenset(lx.AMBIGUOUS_NUMBER_WORDS.get(lang, set())),
                frozenset(lx.NUMBER_WORDS_BEFORE_PLURAL.get(lang, set())),
                re.compile("|".join(idioms), re.IGNORECASE) if idioms else None, units, atoms, shape)


@lru_cache(maxsize=65536)
def _split_cached(word: str, lang: str) -> tuple[str, ...] | None:
    lex = _lex(lang)
    if not lex.shape.fullmatch(word):
        return None
    res = _split_compound(word, lex)
    return tuple(res) if res is not None else None


def _split_compound(word: str, lex: _Lex) -> list[str] | None:
    """Split "vijfentwintig" / "zweihundertfünf" / "tjugofem" / "quatre-vingt-dix" into atoms, or None.

    Longest atoms first with backtracking; hyphens separate atoms but may also be
    part of one ("quatre-vingt"). A compound may not start or end with a connector.
    """
    if word in lex.values or word in lex.hundreds or word in lex.scales:
        return [word]
    n = len(word)
    memo: dict[int, tuple[str, ...] | None] = {}

    def go(i: int) -> tuple[str, ...] | None:
        if i == n:
            return ()
        if i in memo:
            return memo[i]
        res: tuple[str, ...] | None = None
        if word[i] == "-" and i > 0:
            res = go(i + 1)
        else:
            for atom in lex.atoms:
                if word.startswith(atom, i):
                    rest = go(i + len(atom))
                    if rest is not None:
                        res = (atom, *rest)
                        break
        memo[i] = res
        return res

    res = go(0)
    if not res or res[0] in lex.connectors or res[-1] in lex.connectors:
        return None
    if not any(a in lex.values or a in lex.hundreds for a in res):
        return None
    return list(res)


def _eval_atoms(atoms: list[tuple[str, bool]], lex: _Lex, lang: str) -> tuple[float, int] | None:
    """Evaluate atoms (text, joined-to-previous-in-one-word) left to right.

    Returns (value, atoms used): stops at the first atom that cannot continue the
    number, so "three two" yields 3 and leaves "two" for the next scan.
    """
    total = 0.0
    group = 0.0
    used = 0
    seen_value = False
    pending_connector = False
    prev_small: float | None = None  # last added unit (for "vijf en twintig" order)
    for i, (atom, joined) in enumerate(atoms):
        if atom in lex.connectors:
            nxt = atoms[i + 1][0] if i + 1 < len(atoms) else None
            if not seen_value or nxt is None or nxt not in lex.values:
                break
            if not joined and not (lang == "en" and group % 100 == 0 and group) and not (
                    lang == "fr" and nxt in {"un", "une", "onze"}):
                break
            pending_connector = True
            continue
        if atom in lex.values:
            v = lex.values[atom]
            if lang == "fr" and v == 20 and prev_small == 4 and group % 100 == 4:
                group += 76  # quatre-vingt(s) = 4 x 20
                prev_small = 80
                used = i + 1
                continue
            if seen_value and group:
                ok = (group % 100 == 0 and v < 100) or (group % 10 == 0 and v < 10) \
                    or (lang == "fr" and group % 20 == 0 and v < 20 and group % 100 != 0) \
                    or (pending_connector and lang in ("nl", "de") and prev_small is not None
                        and prev_small < 10 and v >= 20 and v % 10 == 0 and group % 100 == prev_small)
                if not ok:
                    break
            elif seen_value and not group and total and v >= 1000:
                break
            group += v
            prev_small = v
            seen_value = True
            pending_connector = False
            used = i + 1
            continue
        if atom in lex.hundreds:
            if group % 100 >= 10 and group >= 100:
                break
            group = (group or 1) * 100
            seen_value = True
            prev_small = None
            used = i + 1
            continue
        if atom in lex.scales:
            mult = lex.scales[atom]
            if not seen_value and mult != 1e3:  # "mille", "tusen", "duizend" alone are 1000
                break
            total += (group or 1) * mult
            group = 0
            prev_small = None
            seen_value = True
            used = i + 1
            continue
        break
    if not seen_value or used == 0:
        return None
    return total + group, used


_NEXT_WORD = re.compile(r"[\s\u00a0\-]+([^\W\d_]+)")


@cache
def _candidates_re(lang: str) -> re.Pattern[str]:
    """Whole words made only of number atoms ("three", "vijfentwintig", "quatre-vingt-dix")."""
    lex = _lex(lang)
    alt = "|".join(re.escape(a) for a in lex.atoms)
    return re.compile(rf"(?<![^\W\d_])(?:{alt})(?:-?(?:{alt}))*(?![^\W\d_])", re.IGNORECASE)


def _word_tokens(text: str, lang: str, masked: _Spans) -> list[_Tok]:
    """Number words in ``text`` for ``lang``.

    Only words made entirely of number atoms are looked at (one C-level regex pass),
    then runs of such words separated by a space or hyphen are evaluated together.
    """
    lex = _lex(lang)
    words = [(m.start(), m.end(), m.group().lower()) for m in _candidates_re(lang).finditer(text)]
    if not words:
        return []
    if lex.idioms is not None:
        idioms = _Spans([(m.start(), m.end()) for m in lex.idioms.finditer(text)])
        words = [wd for wd in words if not idioms.contains(wd[0])]
    value_atoms = set(lex.values) | lex.hundreds
    toks: list[_Tok] = []
    i = 0
    while i < len(words):
        s, e, w = words[i]
        atoms_here = _split_cached(w, lang)
        if atoms_here is None or not (set(atoms_here) & value_atoms or lex.scales.get(atoms_here[0]) == 1e3):
            i += 1
            continue
        # gather a run of consecutive number-ish words separated by a single space/hyphen
        seq: list[tuple[str, bool, int]] = []  # atom, joined, word index
        j = i
        while j < len(words):
            sj, ej, wj = words[j]
            if j > i and text[words[j - 1][1]:sj] not in (" ", "-", "\u00a0"):
                break
            found = _split_cached(wj, lang) if j > i else atoms_here
            if found is None:
                if wj in lex.connectors and j > i:
                    found = (wj,)
                else:
                    break
            for k, a in enumerate(found):
                seq.append((a, k > 0, j))
            j += 1
        res = _eval_atoms([(a, jn) for a, jn, _ in seq], lex, lang)
        if res is None:
            i += 1
            continue
        value, used = res
        last_word = seq[used - 1][2]
        # do not end inside a word ("vijfentwintigste" is not split off)
        if used < len(seq) and seq[used][2] == last_word:
            i += 1
            continue
        start, end = s, words[last_word][1]
        if last_word == i and (w in lex.ambiguous or w in lex.before_plural):
            nm = _NEXT_WORD.match(text, end)
            nxt = nm.group(1).lower() if nm else ""
            plural_ok = w in lex.before_plural and nxt[-1:] in ("s", "x")
            if nxt not in lex.units and nxt not in lex.scales and not plural_ok:
                i += 1
                continue
        if not masked.contains(start):
            has_scale = any(a in lex.scales for a, _, _ in seq[:used])
            toks.append(_Tok(value=value, start=start, end=end, words=True,
                             scale=1e6 if has_scale and value >= 1e6 else 1.0))
        i = last_word + 1
    return toks


class _Spans:
    """Sorted, non-overlapping character spans with a fast membership test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def contains(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, end - 1) - 1
        return k >= 0 and self.ends[k] > start


# --------------------------------------------------------------------------- scanning


def _masked_spans(text: str) -> _Spans:
    return _Spans([(m.start(), m.end()) for m in _NOT_QUANTITY.finditer(text)])


@cache
def _scale_after_re(lang: str | None, money: bool) -> re.Pattern[str]:
    words = dict(lx.SCALE_WORDS_ANY)
    for lg in ([lang] if lang else list(lx.LANGS)):
        words.update(lx.SCALE_WORDS.get(lg, {}))
    alts = sorted((re.escape(w) for w in words), key=len, reverse=True)
    glued = dict(lx.SUFFIX_SCALES_ANY)
    if money:
        glued.update(lx.SUFFIX_SCALES_MONEY)
    galts = sorted((re.escape(w) for w in glued), key=len, reverse=True)
    return re.compile(
        rf"(?P<glued>{'|'.join(galts)})(?![^\W\d_])|[{_SP}]?(?P<word>{'|'.join(alts)})(?![^\W\d_])",
        re.IGNORECASE,
    )


def _scale_value(word: str, lang: str | None) -> float:
    w = word.lower()
    for lg in ([lang] if lang else list(lx.LANGS)):
        table = {**lx.SCALE_WORDS_ANY, **lx.SCALE_WORDS.get(lg, {})}
        if w in table:
            return table[w]
    return lx.SCALE_WORDS_ANY.get(w, 1.0)


def scan(text: str, lang: str | None, *, money: bool = False, glued: bool | None = None) -> list[_Tok]:
    """Every number in ``text`` (digits and words), with scale words applied, in order.

    ``money``: read "250,000"/"250.000" as thousands whatever the language (amounts
    have no third decimal). ``glued`` (default: ``money``): accept "1m"/"3.5bn".
    """
    masked = _masked_spans(text)
    toks: list[_Tok] = []
    scale_re = _scale_after_re(lang, money if glued is None else glued)
    for m in _DIGITS.finditer(text):
        if masked.contains(m.start()):
            continue
        raw = m.group()
        end = m.end()
        scale = 1.0
        suffix = False
        sm = scale_re.match(text, end)
        if sm:
            if sm.group("glued"):
                g = sm.group("glued")
                scale = lx.SUFFIX_SCALES_ANY.get(g) or lx.SUFFIX_SCALES_MONEY.get(g, 1.0)
                suffix = g not in lx.SUFFIX_SCALES_ANY
            else:
                scale = _scale_value(sm.group("word"), lang)
            end = sm.end()
        value = digits_to_float(raw, lang, money=money, scaled=scale != 1.0)
        if value is None or not math.isfinite(value * scale):  # 400 digits: not a quantity, and never inf
            continue
        toks.append(_Tok(value=value * scale, start=m.start(), end=end, scale=scale, scaled_suffix=suffix))
    word_langs = [lang] if lang else list(lx.LANGS)
    for lg in word_langs:
        taken = _Spans([(t.start, t.end) for t in toks])  # digit tokens are sorted and disjoint
        words = [t for t in _word_tokens(text, lg, masked) if not taken.overlaps(t.start, t.end)]
        if words:
            toks = sorted(toks + words, key=lambda t: t.start)
    toks.sort(key=lambda t: t.start)
    return _merge_restatements(text, toks)


_PAREN_OPEN = re.compile(r"\s*\(\s*")
_PAREN_CLOSE = re.compile(r"\s*\)")


def _merge_restatements(text: str, toks: list[_Tok]) -> list[_Tok]:
    """"three (3) years", "sex (6) månader", "36 (thirty-six) months": one number, not two."""
    out: list[_Tok] = []
    for t in toks:
        if out:
            prev = out[-1]
            gap = text[prev.end:t.start]
            close = _PAREN_CLOSE.match(text, t.end)
            if close and _PAREN_OPEN.fullmatch(gap) and abs(prev.value - t.value) < 1e-9:
                out[-1] = replace(prev, end=close.end())
                continue
        out.append(t)
    return out


# --------------------------------------------------------------------------- ranges


@cache
def _range_res(lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str], list[tuple[str, str]]]:
    langs = [lang] if lang else list(lx.LANGS)
    seps = list(lx.RANGE_SEPARATORS["*"])
    pairs: list[tuple[str, str]] = []
    for lg in langs:
        seps += lx.RANGE_SEPARATORS.get(lg, [])
        pairs += lx.RANGE_OPEN_CLOSE.get(lg, [])
    sym = [re.escape(s) for s in seps if not s[0].isalpha()]
    wrd = [re.escape(s) for s in seps if s[0].isalpha()]
    sep_re = re.compile(
        rf"\s*(?:{'|'.join(sym)})\s*|\s+(?:{'|'.join(wrd)})\s+" if wrd else rf"\s*(?:{'|'.join(sym)})\s*",
        re.IGNORECASE,
    )
    close_words = sorted({c for _, c in pairs}, key=len, reverse=True)
    close_re = re.compile(rf"\s+(?:{'|'.join(re.escape(c) for c in close_words)})\s+", re.IGNORECASE)
    return sep_re, close_re, pairs


_MID = re.compile(r"(?:[A-Z]{3}|[€£$¥]|US\$|SEK|kr)", re.UNICODE)


def _open_word_before(text: str, start: int, pairs: list[tuple[str, str]], close: str | None) -> int | None:
    """Start of the "between"-style word that opens a range (closed by ``close``, or any)."""
    window = text[max(0, start - 40):start]
    for open_w, close_w in pairs:
        if close is not None and close_w.lower() != close.lower():
            continue
        m = re.search(rf"(?<!\w){re.escape(open_w)}\s+(?P<mid>\S{{1,4}}\s*)?$", window, re.IGNORECASE)
        if m and (not m.group("mid") or _MID.fullmatch(m.group("mid").strip())):
            return start - len(window) + m.start()
        # "between the ages of 25 and 40", "tussen de leeftijd van 25 en 40": up to three words
        if close is not None:
            m = re.search(rf"(?<!\w){re.escape(open_w)}(?:\s+[^\s\d,;:.()]+){{1,3}}\s+$", window, re.IGNORECASE)
            if m:
                return start - len(window) + m.start()
    return None


def _range_start(text: str, a: _Tok, b: _Tok, lang: str | None) -> int | None:
    """Where the range a..b starts (its opening word or ``a``), or None if a, b are no range."""
    sep_re, close_re, pairs = _range_res(lang)
    gap = text[a.end:b.start]
    if "+" in gap or "\n" in gap or len(gap) > 16:
        return None
    # drop a currency repeated before the second number: "EUR 100,000 and EUR 200,000"
    core = re.sub(r"\s*(?:[A-Z]{3}|[€£$¥]|US\$)\s*$", " ", gap) if not b.words else gap
    if sep_re.fullmatch(core) or sep_re.fullmatch(gap):
        opened = _open_word_before(text, a.start, pairs, None)
        return a.start if opened is None else opened
    cm = close_re.fullmatch(core) or close_re.fullmatch(gap)
    if cm:
        close = core.strip().split()[0]
        return _open_word_before(text, a.start, pairs, close)
    return None


def pair_ranges(text: str, toks: list[_Tok], lang: str | None) -> list[tuple[_Tok, _Tok | None, int]]:
    """Group tokens into (low, high, span start) ranges or (tok, None, tok.start) singles.

    A range is "A-B", "A to B", "between A and B" (per-language words in the lexicon)
    with A < B. A scale written only on the second number applies to both
    ("between 3 and 5 million").
    """
    out: list[tuple[_Tok, _Tok | None, int]] = []
    i = 0
    while i < len(toks):
        a = toks[i]
        if i + 1 < len(toks):
            b = toks[i + 1]
            start = _range_start(text, a, b, lang)
            if start is not None:
                lo = a
                if lo.scale == 1.0 and b.scale != 1.0 and lo.value * b.scale <= b.value:
                    lo = replace(lo, value=lo.value * b.scale, scale=b.scale)
                if lo.value < b.value:
                    out.append((lo, b, start))
                    i += 2
                    continue
        out.append((a, None, a.start))
        i += 1
    return out


# --------------------------------------------------------------------------- comparators


@cache
def _cmp_res(lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, str]]:
    langs = ["*"] + ([lang] if lang else list(lx.LANGS))
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for lg in langs:
        before.update(lx.COMPARATOR_BEFORE.get(lg, {}))
        after.update(lx.COMPARATOR_AFTER.get(lg, {}))

    def alt(words: dict[str, str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    words_before = {k: v for k, v in before.items() if k[0].isalpha()}
    symbols = "|".join(re.escape(k) for k in sorted((k for k in before if not k[0].isalpha()), key=len, reverse=True))
    before_re = re.compile(rf"(?<![\w'])(?:{alt(words_before)})(?![^\W\d_])|(?<![<>=≤≥])(?:{symbols})\s*$",
                           re.IGNORECASE)
    words_after = {k: v for k, v in after.items() if k[0].isalpha()}
    after_re = re.compile(rf"(?:[^\W\d_]+[\s\-]+){{0,3}}?(?:{alt(words_after)})(?![^\W\d_])", re.IGNORECASE)
    return before_re, after_re, before, after


_BREAK = re.compile(r"[;!?\n]|\.\s+(?=[A-ZÄÖÅÉ])")


def comparator_for(text: str, start: int, end: int, lang: str | None, prev_end: int = 0,
                   next_start: int | None = None) -> str | None:
    """The comparator a cue gives the number at ``text[start:end]``.

    A cue before the number counts when at most eight words and no other number
    separate them ("a minimum annual turnover of EUR 2 million"); a cue after it
    when at most three words do ("5 years or more").
    """
    before_re, after_re, before, after = _cmp_res(lang)
    lo = max(prev_end, start - 120)
    window = text[lo:start]
    brk = None
    for brk in _BREAK.finditer(window):  # noqa: B007 - we want the last break
        pass
    if brk is not None:
        lo += brk.end()
        window = text[lo:start]
    best: tuple[int, int, str] | None = None
    for m in before_re.finditer(window):
        between = window[m.end():]
        if len(re.findall(r"[^\W\d_]+", between)) > 8:
            continue
        cand = (m.end(), -(m.end() - m.start()), m.group())
        if best is None or cand > best:
            best = cand
    if best is not None:
        key = re.sub(r"\s+", " ", best[2].lower()).strip()
        return before.get(key)
    if text.startswith("+", end) and not re.match(r"\s*\d", text[end + 1:end + 4]):
        return after.get("+")  # "10+ years"; "1+1 år" is a sum, not a comparator
    hi = len(text) if next_start is None else next_start
    tail = text[end:min(hi, end + 60)]
    am = after_re.match(tail.lstrip(" \u00a0)"))
    if am:
        phrase = re.sub(r"\s+", " ", am.group().lower())
        for cue in sorted(after, key=len, reverse=True):
            if phrase.endswith(cue):
                return after[cue]
    return None


# --------------------------------------------------------------------------- public


def find_numbers(text: str, lang: str) -> list[Number]:
    """Every number in ``text``: digits and words, with ranges and comparators resolved.

    >>> [(n.value, n.comparator) for n in find_numbers("at least three years", "en")]
    [(3.0, '>=')]
    >>> n = find_numbers("tussen 25 en 40 jaar", "nl")[0]; (n.low, n.high)
    (25.0, 40.0)
    """
    if not text:
        return []
    toks = scan(text, lang)
    grouped = pair_ranges(text, toks, lang)
    out: list[Number] = []
    for idx, (a, b, start) in enumerate(grouped):
        end = (b or a).end
        prev_end = grouped[idx - 1][1].end if idx and grouped[idx - 1][1] else (grouped[idx - 1][0].end if idx else 0)
        next_start = grouped[idx + 1][2] if idx + 1 < len(grouped) else None
        comp = comparator_for(text, start, end, lang, prev_end, next_start)
        if b is None:
            out.append(Number(value=a.value, start=start, end=end, text=text[start:end], comparator=comp))
        else:
            out.append(Number(value=a.value, start=start, end=end, text=text[start:end],
                              low=a.value, high=b.value, comparator=comp))
    return out


def parse_number(text: str, lang: str | None = None) -> float | None:
    """The value of the (first) number written in ``text``, or None.

    ``lang`` is a hint for separators and number words; without it digit shapes
    are read locale-neutrally and number words in any of en/nl/sv/fr/de are
    accepted. Scales are applied ("1,5 miljoen" -> 1500000.0, "250k" -> 250000.0),
    and a glued "m"/"bn" is read as million/billion since the caller asked for a
    number ("2.5m" -> 2500000.0).
    """
    if not text or not text.strip():
        return None
    toks = scan(text, lang, glued=True)
    if not toks:
        return None
    return toks[0].value
