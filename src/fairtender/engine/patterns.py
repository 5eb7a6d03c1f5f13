"""A small pattern language for rules and templates, compiled to spaCy Matcher patterns.

Rules and clause templates are edited by lawyers, so a pattern is written as
words, not as spaCy's JSON token dicts::

    native speaker|speakers          words match by lemma: "Native speakers" matches
    mother tongue|language
    onderaannem* verplicht*          word*  : a token that starts with "onderaannem" (compounds)
    *omzet                           *word  : a token that ends with "omzet" ("jaaromzet")
    *diskriminer*                    *word* : a token that contains it
    or|and? equivalent               word?  : optional token
    not ... permitted|allowed        ...    : up to 4 other tokens;  ..8 : up to 8 (at most ..15)
    #num years                       #num   : a number (digits or a number word)
    /ISO\\s?\\d+/                    /re/   : token text matches the regular expression (case-insensitive)
    "Nespresso"                      "Word" : exactly this text, case-sensitive
    chiffre d'affaires               plain text is tokenised like the document, so
                                     "d'affaires" or "non-discrimination" just work

Each word is lemmatised with the same lookup table as the document, so the
pattern author may write any inflected form. Syntax errors raise
:class:`PatternError`, which the catalog turns into "file, field, reason".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.matcher import Matcher


class PatternError(ValueError):
    """A pattern string that cannot be compiled; the message says why."""


@dataclass(frozen=True)
class Tok:
    kind: str  # word | alt | prefix | suffix | contains | gap | num | regex | exact | any
    values: tuple[str, ...] = ()
    optional: bool = False
    gap: int = 0


_GAP = re.compile(r"^\.\.(\d+)$")
# An alternative the tokenizer may split, or a wildcard: each becomes its own variant.
_MAYBE_SPLIT = re.compile(r"[^\w]")
MAX_VARIANTS = 64
# spaCy expands a gap "{0,N}" into N optional tokens, and the partial matches multiply with N: one
# "..20" gap took 46 s on a 1,300-word sentence that repeats its anchor words; "..10" takes 1 s.
MAX_GAP = 15


def parse_pattern(pattern: str) -> list[Tok]:
    """Parse a pattern string without a language (used to validate catalog files)."""
    if not isinstance(pattern, str):
        return _parse_pattern(pattern)
    return list(_parse_cached(pattern))


@lru_cache(maxsize=65536)
def _parse_cached(pattern: str) -> tuple[Tok, ...]:
    """Each pattern is parsed when its file is validated, for its anchors and when compiled: once is enough."""
    return tuple(_parse_pattern(pattern))


def _parse_pattern(pattern: str) -> list[Tok]:
    if not isinstance(pattern, str) or not pattern.strip():
        raise PatternError("empty pattern")
    parts = _split(pattern)
    toks: list[Tok] = []
    for raw in parts:
        optional = False
        part = raw
        if len(part) > 1 and part.endswith("?") and not (part.startswith("/") and part.endswith("/")):
            optional, part = True, part[:-1]
        if part == "...":
            toks.append(Tok("gap", gap=4))
            continue
        m = _GAP.match(part)
        if m:
            n = int(m.group(1))
            if not 1 <= n <= MAX_GAP:
                raise PatternError(f"gap '{part}' must be between ..1 and ..{MAX_GAP} (a wider gap makes "
                                   "matching slow on long sentences: split the pattern instead)")
            toks.append(Tok("gap", gap=n))
            continue
        if part == "#num":
            toks.append(Tok("num", optional=optional))
            continue
        if part == "#any":
            toks.append(Tok("any", optional=optional))
            continue
        if part.startswith("#"):
            raise PatternError(f"unknown token class '{part}' (use #num or #any)")
        if len(part) >= 2 and part.startswith("/") and part.endswith("/"):
            rx = part[1:-1]
            error = _regex_error(rx)
            if error:
                raise PatternError(f"bad regular expression /{rx}/: {error}")
            toks.append(Tok("regex", (rx,), optional))
            continue
        if len(part) >= 2 and part.startswith('"') and part.endswith('"'):
            if not part[1:-1].strip():  # matches no token: spaCy would refuse it at check time (E012)
                raise PatternError(f"empty quoted text {part} in pattern")
            toks.append(Tok("exact", (part[1:-1],), optional))
            continue
        if "|" in part:
            alts = tuple(a for a in part.split("|"))
            if any(not a for a in alts):
                raise PatternError(f"empty alternative in '{part}'")
            for a in alts:  # a wildcard alternative is compiled on its own: it must be valid on its own
                if "*" in a:
                    parse_pattern(a)
            toks.append(Tok("alt", alts, optional))
            continue
        if part.startswith("*") and part.endswith("*") and len(part) > 2:
            toks.append(Tok("contains", (part[1:-1].lower(),), optional))
        elif part.endswith("*") and len(part) > 1:
            toks.append(Tok("prefix", (part[:-1].lower(),), optional))
        elif part.startswith("*") and len(part) > 1:
            toks.append(Tok("suffix", (part[1:].lower(),), optional))
        elif "*" in part:
            raise PatternError(f"'*' goes at the start or end of a word, not inside '{part}'")
        else:
            toks.append(Tok("word", (part,), optional))
    bound = 1
    for t in toks:
        if t.kind == "alt":
            complex_alts = sum(1 for a in t.values if _MAYBE_SPLIT.search(a))
            bound *= complex_alts + (1 if complex_alts < len(t.values) else 0)
    if bound > MAX_VARIANTS:
        raise PatternError(f"alternatives with punctuation or '*' expand to more than {MAX_VARIANTS} "
                           "variants: split the pattern")
    if all(t.kind == "gap" or t.optional for t in toks):
        raise PatternError("a pattern needs at least one required word")
    if toks[0].kind == "gap" or toks[-1].kind == "gap":
        raise PatternError("a pattern cannot start or end with a gap")
    return toks


@lru_cache(maxsize=8192)
def _regex_error(rx: str) -> str | None:
    """Why ``rx`` does not compile, or None (memoised: expanded patterns repeat their regexes, and the
    ``re`` module's own cache of 512 is too small for a catalog's thousands)."""
    try:
        re.compile(rx)
    except re.error as e:
        return str(e)
    return None


def _split(pattern: str) -> list[str]:
    """Whitespace split that keeps /regex with spaces/ and "quoted text" together."""
    if "/" not in pattern and '"' not in pattern:  # most patterns: a plain split is the same, 10x faster
        return pattern.split()
    out: list[str] = []
    buf = ""
    closer = ""
    for ch in pattern.strip():
        if closer:
            buf += ch
            if ch == closer:
                closer = ""
            continue
        if ch.isspace():
            if buf:
                out.append(buf)
                buf = ""
            continue
        if not buf and ch in "/\"":
            closer = ch
        buf += ch
    if closer:
        raise PatternError(f"unclosed {closer} in pattern")
    if buf:
        out.append(buf)
    return out


# Number words that are also articles or pronouns ("a", "en", "un", "ein"): too ambiguous for #num.
_NOT_NUMBERS = {"a", "an", "een", "en", "ett", "un", "une", "ein", "eine", "einen", "einem", "einer"}


def _number_regex() -> str:
    """``#num`` as one regex over the lower-cased token: digits, or a number word of any language.

    A regex predicate instead of a custom token attribute keeps spaCy's Matcher
    on its fast path (extension attributes make it build a Token per position).
    """
    global _NUMBER_RX
    if _NUMBER_RX is None:
        from ..quantities.lexicon import NUMBER_WORDS

        words = sorted({w for ws in NUMBER_WORDS.values() for w in ws if w not in _NOT_NUMBERS},
                       key=len, reverse=True)
        _NUMBER_RX = r"^(?:[+±~≥>]?\d[\d.,'’ ]*(?:\+|st|nd|rd|th|e|er|de|ème)?|" + "|".join(
            re.escape(w) for w in words) + r")$"
    return _NUMBER_RX


_NUMBER_RX: str | None = None


class Compiler:
    """Compiles pattern strings for one spaCy pipeline (one language)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        table = None
        if "fairtender_lemmatizer" in nlp.pipe_names:
            table = nlp.get_pipe("fairtender_lemmatizer").table
        self.table: dict[str, str] | None = table
        self._pieces: dict[str, tuple[str, ...]] = {}
        self._lemmas: dict[str, list[str]] = {}

    def lemmas(self, word: str) -> list[str]:
        """Every lemma a document token spelled like ``word`` (in any case) can get."""
        got = self._lemmas.get(word)
        if got is None:
            got = self._lemmas[word] = self._find_lemmas(word)
        return got

    def _find_lemmas(self, word: str) -> list[str]:
        low = word.lower()
        if self.table is not None:
            t = self.table
            base = t.get(low, low)
            cands = {low, base.lower(), t.get(word.capitalize(), base).lower(), t.get(word.upper(), base).lower()}
        else:  # a trained pipeline: ask it
            cands = {low, *(tok.lemma_.lower() for tok in self.nlp(word))}
        return sorted(cands)

    def pieces(self, text: str) -> tuple[str, ...]:
        """The tokens ``text`` is split into by this language's tokenizer (memoised: patterns repeat words)."""
        got = self._pieces.get(text)
        if got is None:
            got = self._pieces[text] = tuple(t.text for t in self.nlp.make_doc(text))
        return got

    def is_single_word(self, word: str) -> bool:
        """True when ``word`` is one plain token here (no wildcard, not split by the tokenizer)."""
        return "*" not in word and len(self.pieces(word)) == 1

    def _word_specs(self, word: str, optional: bool) -> list[dict[str, Any]]:
        toks = self.pieces(word)
        specs = []
        for text in toks:
            if any(ch.isalnum() for ch in text):
                spec: dict[str, Any] = {"LEMMA": {"IN": self.lemmas(text)}}
            else:
                spec = {"ORTH": text}
            if optional:
                spec["OP"] = "?"
            specs.append(spec)
        return specs

    def _alt_options(self, values: tuple[str, ...], opt: dict[str, Any]) -> list[list[dict[str, Any]]]:
        """The token sequences one ``a|b|c`` slot stands for.

        Plain one-token words share one LEMMA spec; a wildcard alternative
        ("*registrerad") or one the tokenizer splits ("sub-contracting",
        "d'expérience", "firma's") becomes its own sequence, so it matches the
        document the way it is tokenised instead of silently never matching.
        """
        lemmas: set[str] = set()
        options: list[list[dict[str, Any]]] = []
        for alt in values:
            tok = parse_pattern(alt)[0] if "*" in alt else None
            if tok is not None and tok.kind in ("prefix", "suffix", "contains"):
                options.append(self._token_specs(tok, opt))
                continue
            if len(self.pieces(alt)) == 1:
                lemmas.update(self.lemmas(alt))
            else:
                options.append(self._word_specs(alt, bool(opt)))
        if lemmas:
            options.insert(0, [{"LEMMA": {"IN": sorted(lemmas)}, **opt}])
        return options

    def _token_specs(self, tok: Tok, opt: dict[str, Any]) -> list[dict[str, Any]]:
        if tok.kind == "word":
            return self._word_specs(tok.values[0], tok.optional)
        if tok.kind == "prefix":
            return [{"LOWER": {"REGEX": "^" + re.escape(tok.values[0])}, **opt}]
        if tok.kind == "suffix":
            return [{"LOWER": {"REGEX": re.escape(tok.values[0]) + "$"}, **opt}]
        if tok.kind == "contains":
            return [{"LOWER": {"REGEX": re.escape(tok.values[0])}, **opt}]
        if tok.kind == "gap":
            return [{"OP": f"{{0,{tok.gap}}}"}]
        if tok.kind == "num":
            return [{"LOWER": {"REGEX": _number_regex()}, **opt}]
        if tok.kind == "any":
            return [{**opt} if opt else {}]
        if tok.kind == "regex":
            return [{"TEXT": {"REGEX": "(?i)" + tok.values[0]}, **opt}]
        if tok.kind == "exact":
            return [{"ORTH": w, **opt} for w in self.pieces(tok.values[0])]
        raise PatternError(f"unknown token kind {tok.kind}")  # pragma: no cover - parse_pattern makes only these

    def compile_variants(self, pattern: str) -> list[list[dict[str, Any]]]:
        """The spaCy token patterns for one pattern string (several when alternatives differ in shape)."""
        variants: list[list[dict[str, Any]]] = [[]]
        for tok in parse_pattern(pattern):
            opt = {"OP": "?"} if tok.optional else {}
            options = self._alt_options(tok.values, opt) if tok.kind == "alt" else [self._token_specs(tok, opt)]
            variants = [v + o for v in variants for o in options][:MAX_VARIANTS]  # parse_pattern bounds this
        return variants

    def matcher(self, entries: dict[str, list[str]]) -> Matcher:
        """A Matcher with one label per key, each with its list of pattern strings."""
        from spacy.matcher import Matcher

        m = Matcher(self.nlp.vocab, validate=False)
        for key, patterns in entries.items():
            compiled = [v for p in patterns for v in self.compile_variants(p)]
            if compiled:
                m.add(key, compiled, greedy="LONGEST")
        return m


def compiler_for(nlp: Language) -> Compiler:
    """One compiler per pipeline (cached on the pipeline object)."""
    comp = getattr(nlp, "_fairtender_compiler", None)
    if comp is None:
        comp = Compiler(nlp)
        nlp._fairtender_compiler = comp  # type: ignore[attr-defined]
    return comp


def find(matcher: Matcher, doc_or_span) -> list[tuple[str, int, int]]:
    """Matches as (label, start, end) token offsets into the Doc, sorted by position."""
    vocab = matcher.vocab
    # allow_missing: our pipelines always set lemmas; the check would walk the whole Doc on every call
    out = [(vocab.strings[mid], s, e) for mid, s, e in matcher(doc_or_span, allow_missing=True)]
    from spacy.tokens import Span

    if isinstance(doc_or_span, Span):  # a Span: make Doc offsets (Span has .sents too, so test the type)
        out = [(k, s + doc_or_span.start, e + doc_or_span.start) for k, s, e in out]
    return sorted(out, key=lambda x: (x[1], x[2]))
