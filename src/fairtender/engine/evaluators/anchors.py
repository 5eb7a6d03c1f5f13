"""A cheap pre-filter: which sentences could any rule fire in at all?

Why: spaCy's Matcher tries the first token of every pattern at every token,
and rule patterns use regex and prefix predicates that are evaluated in Python,
so running hundreds of patterns over every token of a 100-page tender costs far
more than reading it. But a rule can only fire in a sentence that contains one
of its patterns' distinctive words. For every pattern we pick one *anchor* (the
required token that is rarest *in this document*: a lemma set, a
case-sensitive text, or a lower-case substring for ``word*`` tokens) and run
a rule's Matcher only on the sentences that contain one of its anchors. A pattern with no usable anchor
(e.g. only a regex and numbers) makes every sentence a candidate, which is
always correct, only slower.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover

    from ..patterns import Compiler

_LITERAL_START = re.compile(r"^(?:\(\?-i:)?\^([^\W\d_]{2,})")
# /^(certifi|zertifi|accredit)/ and /(?-i:^(DIN|NEN|BS)$)/: a group of literal word starts (or whole words)
_LITERAL_GROUP = re.compile(r"^(?:\(\?-i:)?\^\(((?:[^\W\d_]{2,}\|)*[^\W\d_]{2,})\)(?![?*{])(\$)?")


# ("lemma", lemmas) | ("orth", exact word) | ("prefix"|"suffix"|"contains", lower-case text)
Option = tuple[str, "frozenset[str] | str"]


@dataclass
class _Index:
    """hash -> sentence ids, as numpy runs (sorted unique keys, offsets into grouped sentence ids)."""

    keys: Any
    offsets: Any
    sids: Any

    @classmethod
    def build(cls, values: Any, sids: Any) -> _Index:
        import numpy as np

        if not len(values):
            return cls(np.array([], dtype=np.uint64), np.array([0]), np.array([], dtype=np.int64))
        order = np.lexsort((sids, values))
        v, s = values[order], sids[order]
        keep = np.ones(len(v), dtype=bool)
        keep[1:] = (v[1:] != v[:-1]) | (s[1:] != s[:-1])
        v, s = v[keep], s[keep]
        change = np.flatnonzero(np.r_[True, v[1:] != v[:-1]])
        return cls(v[change], np.r_[change, len(v)], s)

    def runs(self, hashes) -> list[tuple[int, int]]:
        import numpy as np

        keys, out = self.keys, []
        for h in hashes:
            j = int(np.searchsorted(keys, np.uint64(h)))
            if j < len(keys) and int(keys[j]) == h:
                out.append((int(self.offsets[j]), int(self.offsets[j + 1])))
        return out


@dataclass
class DocStats:
    """Where each lemma, word and word part occurs in one document, by sentence.

    Built with numpy from spaCy's token arrays (lemma, text and lower-case
    hashes, sentence starts, character offsets) rather than by iterating Token
    or Span objects, which would cost as much as the matching it saves.
    Sentence spans are made lazily, only for the sentences a pattern is tried on.
    """

    docs: list[Any]  # the unit Docs (non-empty units, in order)
    bounds: list[tuple[int, int, int, int]]  # per sentence: (unit position, sentence number, start, end token)
    texts: list[str]  # per sentence: its text
    lemma_index: _Index
    orth_index: _Index
    lower_index: _Index
    forms: list[tuple[str, int]]  # sorted (lower-case form, hash)
    rforms: list[tuple[str, int]]  # sorted (reversed lower-case form, hash)
    sent_lemmas: list[Any]  # per sentence: lemma hashes
    sent_orths: list[Any]  # per sentence: text hashes
    strings: Any  # the vocab's StringStore
    _spans: dict[int, Any] = field(default_factory=dict)
    _memo: dict[Option, list[int]] = field(default_factory=dict)
    _runs: dict[Option, list[tuple[int, int]]] = field(default_factory=dict)
    _sets: dict[tuple[str, int], frozenset[int]] = field(default_factory=dict)
    _hashes: dict[Any, frozenset[int]] = field(default_factory=dict)
    _freq: dict[Option, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.bounds)

    def span(self, sid: int) -> Any:
        sp = self._spans.get(sid)
        if sp is None:
            u, _, a, b = self.bounds[sid]
            sp = self._spans[sid] = self.docs[u][a:b]
        return sp

    def hashes(self, value: Any) -> frozenset[int]:
        h = self._hashes.get(value)
        if h is None:
            words = value if isinstance(value, frozenset) else (value,)
            h = self._hashes[value] = frozenset(self.strings.add(x) for x in words)
        return h

    def _form_hashes(self, kind: str, value: Any) -> list[int]:
        if kind in ("prefixes", "words"):
            out: list[int] = []
            for v in sorted(value):
                if kind == "prefixes":
                    out.extend(self._form_hashes("prefix", v))
                else:
                    i = bisect.bisect_left(self.forms, (v, -1))
                    while i < len(self.forms) and self.forms[i][0] == v:
                        out.append(self.forms[i][1])
                        i += 1
            return out
        if kind == "prefix":
            i = bisect.bisect_left(self.forms, (value, -1))
            out = []
            while i < len(self.forms) and self.forms[i][0].startswith(value):
                out.append(self.forms[i][1])
                i += 1
            return out
        if kind == "suffix":
            rv = value[::-1]
            i = bisect.bisect_left(self.rforms, (rv, -1))
            out = []
            while i < len(self.rforms) and self.rforms[i][0].startswith(rv):
                out.append(self.rforms[i][1])
                i += 1
            return out
        return [h for f, h in self.forms if value in f]

    def _option_runs(self, opt: Option) -> list[tuple[int, int]]:
        r = self._runs.get(opt)
        if r is None:
            kind, value = opt
            if kind == "lemma":
                r = self.lemma_index.runs(self.hashes(value))
            elif kind == "orth":
                r = self.orth_index.runs(self.hashes(value))
            else:
                r = self.lower_index.runs(self._form_hashes(kind, value))  # type: ignore[arg-type]
            self._runs[opt] = r
        return r

    def _index_of(self, kind: str) -> _Index:
        return {"lemma": self.lemma_index, "orth": self.orth_index}.get(kind, self.lower_index)

    def frequency(self, opt: Option) -> int:
        """How many (sentence, form) pairs hold ``opt``: an upper bound of its sentences, cheap to get."""
        n = self._freq.get(opt)
        if n is None:
            n = self._freq[opt] = sum(b - a for a, b in self._option_runs(opt))
        return n

    def sentences_with(self, opt: Option) -> list[int]:
        hit = self._memo.get(opt)
        if hit is None:
            index = self._index_of(opt[0])
            ids: set[int] = set()
            for a, b in self._option_runs(opt):
                ids.update(index.sids[a:b].tolist())
            hit = self._memo[opt] = sorted(ids)
        return hit

    def _set(self, kind: str, sid: int) -> frozenset[int]:
        key = (kind, sid)
        st = self._sets.get(key)
        if st is None:
            arr = self.sent_lemmas[sid] if kind == "lemma" else self.sent_orths[sid]
            st = self._sets[key] = frozenset(arr.tolist())
        return st

    def has_all(self, options: list[Option], sid: int) -> bool:
        """Whether sentence ``sid`` holds every required token of a pattern (a necessary condition)."""
        for kind, value in options:
            if kind in ("lemma", "orth"):
                if self._set(kind, sid).isdisjoint(self.hashes(value)):
                    return False
            elif kind in ("prefixes", "words"):
                low = self.texts[sid].lower()
                if not any(v in low for v in value):
                    return False
            elif value not in self.texts[sid].lower():
                return False
        return True


def doc_stats(adoc: Any) -> DocStats:
    cached = adoc.cache.get("ft-anchor-stats")
    if cached is not None:
        return cached
    import numpy as np
    from spacy.attrs import IDX, LEMMA, LOWER, ORTH, SENT_START

    units = [u for u in adoc.units if len(u.doc)]
    docs = [u.doc for u in units]
    if docs:
        big = np.concatenate([d.to_array([LEMMA, SENT_START, IDX, ORTH, LOWER]) for d in docs]).astype(np.int64)
        lengths = np.array([len(d) for d in docs], dtype=np.int64)
    else:
        big = np.zeros((0, 5), dtype=np.int64)
        lengths = np.zeros(0, dtype=np.int64)
    unit_start = np.r_[0, np.cumsum(lengths)[:-1]].astype(np.int64) if len(lengths) else lengths
    # a sentence starts where spaCy says so, and at every unit's first token (vectorised: no Token objects)
    starts_mask = big[:, 1] == 1
    starts_mask[unit_start] = True
    sent_first = np.flatnonzero(starts_mask)
    sent_end = np.r_[sent_first[1:], len(big)].astype(np.int64)
    unit_of_sent = np.searchsorted(unit_start, sent_first, side="right") - 1
    sids = (np.cumsum(starts_mask) - 1).astype(np.int64)

    unit_texts = []
    for unit, doc in zip(units, docs, strict=True):
        last = doc[len(doc) - 1]
        # the unit's text without Doc.text, which rebuilds it token by token
        unit_texts.append(unit.paragraph.text[unit.offset:unit.offset + last.idx + len(last.text_with_ws)])
    idx_col = big[:, 2].tolist()
    ustarts, ulens = unit_start.tolist(), lengths.tolist()
    firsts, ends = sent_first.tolist(), sent_end.tolist()
    bounds: list[tuple[int, int, int, int]] = []
    texts: list[str] = []
    prev_u, k = -1, 0
    for u, a, b in zip(unit_of_sent.tolist(), firsts, ends, strict=True):
        k = k + 1 if u == prev_u else 0
        prev_u = u
        base, ut = ustarts[u], unit_texts[u]
        bounds.append((u, k, a - base, b - base))
        texts.append(ut[idx_col[a]:(idx_col[b] if b - base < ulens[u] else len(ut))])
    lemma_col = big[:, 0].astype(np.uint64)
    orth_col = big[:, 3].astype(np.uint64)
    lower = big[:, 4].astype(np.uint64)
    strings = adoc.nlp.vocab.strings
    forms = sorted((strings[int(h)], int(h)) for h in np.unique(lower))
    stats = DocStats(docs=docs, bounds=bounds, texts=texts,
                     lemma_index=_Index.build(lemma_col, sids),
                     orth_index=_Index.build(orth_col, sids),
                     lower_index=_Index.build(lower, sids),
                     forms=forms, rforms=sorted((f[::-1], h) for f, h in forms),
                     sent_lemmas=[lemma_col[a:b] for a, b in zip(firsts, ends, strict=True)],
                     sent_orths=[orth_col[a:b] for a, b in zip(firsts, ends, strict=True)],
                     strings=strings)
    adoc.cache["ft-anchor-stats"] = stats
    return stats


def _options(compiler: Compiler, pattern: str) -> list[Option]:
    """Every required token of one plain pattern that can serve as an anchor."""
    from ..patterns import parse_pattern

    out: list[Option] = []
    for tok in parse_pattern(pattern):
        if tok.optional or tok.kind in ("gap", "num", "any"):
            continue
        if tok.kind == "regex":  # /^ISO\d+/ -> any token starting with "iso" (the regex is case-insensitive)
            g = _LITERAL_GROUP.match(tok.values[0])
            if g:  # one of several literal starts / whole words: an anchor too (else tried on every sentence)
                words = frozenset(w.lower() for w in g.group(1).split("|"))
                out.append(("words" if g.group(2) else "prefixes", words))
                continue
            m = _LITERAL_START.match(tok.values[0])
            if m:
                lit = m.group(1)
                if tok.values[0][m.end():m.end() + 1] in ("?", "*", "{"):
                    lit = lit[:-1]
                if len(lit) >= 2:
                    out.append(("prefix", lit.lower()))
            continue
        if tok.kind == "alt":
            # each alternative starts with its first piece ("native-speaker" is native - speaker); a
            # wildcard alternative has no lemma to look up
            lemmas: set[str] = set()
            for a in tok.values:
                first = compiler.pieces(a)[:1] if "*" not in a else ()
                if not first or not first[0][:1].isalnum() and not any(c.isalnum() for c in first[0]):
                    lemmas = set()
                    break
                lemmas.update(compiler.lemmas(first[0]))
            if lemmas:
                out.append(("lemma", frozenset(lemmas)))
        elif tok.kind == "word":
            for piece in compiler.pieces(tok.values[0]):
                if any(c.isalnum() for c in piece):
                    out.append(("lemma", frozenset(compiler.lemmas(piece))))
        elif tok.kind in ("prefix", "suffix", "contains"):
            if len(tok.values[0]) >= 2:
                out.append((tok.kind, tok.values[0].lower()))
        elif tok.kind == "exact":
            for word in compiler.pieces(tok.values[0]):
                out.append(("orth", word))
    return out


def pattern_options(compiler: Compiler, pattern: str) -> list[Option] | None:
    """The anchor options of one plain pattern; None when it has none (it must be tried everywhere)."""
    return _options(compiler, pattern) or None


def rarest(options: list[Option] | None, stats: DocStats) -> list[int] | None:
    """The sentences holding the rarest anchor of a pattern in this document (None: every sentence)."""
    if options is None:
        return None
    return stats.sentences_with(min(options, key=stats.frequency))
