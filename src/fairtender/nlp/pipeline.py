"""One spaCy pipeline per language, built once per process.

A blank language (tokenizer rules only, no model) plus the rule-based
sentencizer and the lookup lemmatizer from ``spacy-lookups-data``: enough for
Matcher patterns over lemmas, with nothing downloaded at run time. If the user
names an installed trained pipeline (``--spacy-model``) we use that instead.

Loading the lookup table is the slow part (Swedish: 660k entries, ~2.5 s from
gzipped JSON), so we keep a pickled copy in the user cache directory and load
that on later runs (~10x faster). The cache is keyed by the spacy-lookups-data
version and rebuilt if missing or unreadable; it is never required.
"""

from __future__ import annotations

import os
import pickle
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

_LOCK = threading.Lock()


def cache_dir() -> Path | None:
    if os.environ.get("FAIRTENDER_NO_CACHE"):
        return None
    base = os.environ.get("FAIRTENDER_CACHE_DIR")
    if base:
        return Path(base)
    try:
        import platformdirs

        return Path(platformdirs.user_cache_dir("fairtender"))
    except Exception:  # pragma: no cover - platformdirs always importable in practice
        return None


def _lookup_table(lang: str) -> dict[str, str] | None:
    """The lemma lookup table for ``lang`` as a plain dict (cached as a pickle)."""
    try:
        from importlib.metadata import version

        data_version = version("spacy-lookups-data")
    except Exception:
        return None
    cache = cache_dir()
    cached = cache / f"lemma_lookup-{lang}-{data_version}-v2.pickle" if cache else None
    if cached and cached.is_file():
        try:
            with cached.open("rb") as f:
                table = pickle.load(f)
            if isinstance(table, dict):
                return table
        except Exception:
            pass
    import gzip
    import json

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{lang}_lemma_lookup.json.gz"
    if not path.is_file():
        return None
    with gzip.open(path, "rt", encoding="utf8") as f:
        raw = json.load(f)
    # French maps a form to a list of lemmas; the first is the common reading.
    table = {k: (v[0] if isinstance(v, list) and v else v) for k, v in raw.items() if v}
    table = {k: v for k, v in table.items() if isinstance(v, str)}
    if cached:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cached)
        except OSError:
            pass
    return table


def _register_lemmatizer() -> None:
    from spacy.language import Language

    if "fairtender_lemmatizer" in Language.factories:
        return

    class LookupLemmatizer:
        """Sets ``token.lemma_`` from a plain dict; lower-cases misses so patterns can rely on it."""

        def __init__(self, table: dict[str, str]) -> None:
            self.table = table

        def __call__(self, doc):
            table = self.table
            for token in doc:
                text = token.text
                lemma = table.get(text)
                if lemma is None:
                    low = text.lower()
                    lemma = table.get(low, low)
                token.lemma_ = lemma.lower()
            return doc

    @Language.factory("fairtender_lemmatizer", default_config={"lang": "en"})
    def make_lemmatizer(nlp, name: str, lang: str):  # noqa: ARG001 - spaCy factory signature
        return LookupLemmatizer(_lookup_table(lang) or {})


@cache
def get_nlp(lang: str, model: str | None = None) -> Language:
    """The pipeline for ``lang`` (or the installed trained pipeline ``model``), built once."""
    with _LOCK:
        import spacy

        if model:
            from ..errors import UsageError

            try:
                nlp = spacy.load(model, exclude=["ner", "textcat"])
            except OSError as e:
                raise UsageError(f"spaCy pipeline '{model}' is not installed ({e.__class__.__name__}); "
                                 "install it with pip or drop --spacy-model") from None
            if "sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names \
                    and "senter" not in nlp.pipe_names:
                nlp.add_pipe("sentencizer")
            return nlp
        _register_lemmatizer()
        nlp = spacy.blank(lang)
        _add_abbreviations(nlp, lang)
        nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "…"]})
        nlp.add_pipe("fairtender_lemmatizer", config={"lang": lang})
        nlp.max_length = 2_000_000
        return nlp


def _add_abbreviations(nlp: Language, lang: str) -> None:
    """Keep "2 mln. euro" / "1,2 Mio. EUR" / "art. 58" whole: a final period here ends no sentence."""
    from spacy.symbols import ORTH

    from ..quantities.lexicon import dotted_abbreviations

    words = set(dotted_abbreviations(lang)) | {"art.", "Art.", "nr.", "Nr.", "resp.", "incl.",
                                               "excl.", "ca.", "approx.", "min.", "max.", "bzw.", "ggf.",
                                               "inkl.", "exkl.", "t.o.m.", "fr.o.m.", "bl.a.", "m.m."}
    for word in sorted(words):
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
