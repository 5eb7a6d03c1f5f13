"""Load the barrier rules: the bundled ``rules/`` directory plus the user's ``--rules-dir``.

Every file is validated twice: against the pydantic schema (fields, types,
kinds) and pattern by pattern against the pattern language, so a bad rule is
rejected at load time with the file and the exact field (``patterns.nl[2]``)
instead of failing, or silently matching nothing, in the middle of a check.

Files whose name starts with ``_`` are not rules: ``_contexts.yaml`` holds the
shared contexts (e.g. how a non-discrimination clause is worded) that rules
name in ``unless_context``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import CatalogError
from .alternatives import AlternativesError, expand
from .loader import bundled_dir, load_yaml_file, yaml_files
from .rule_schema import Contexts, PerLang, Rule

CONTEXTS_FILE = "_contexts.yaml"


def _check_patterns(path: Path, field: str, per_lang: PerLang) -> None:
    from ..engine.patterns import PatternError, parse_pattern

    valid = _known_valid()
    for lang, patterns in per_lang.items():
        for i, p in enumerate(patterns):
            if p in valid.known:
                continue
            try:
                for plain in expand(p):
                    parse_pattern(plain)
            except (PatternError, AlternativesError) as e:
                raise CatalogError(str(path), f"{field}.{lang}[{i}]", f"bad pattern {p!r}: {e}") from None
            valid.added.add(p)


class _Valid:
    """Pattern strings already validated by this version of the pattern code (kept in the user cache).

    Validating the ~3,000 bundled patterns (10,000 once phrase groups are expanded) costs 0.15 s on
    every start; a pattern string that passed with the same pattern-language code passes again.
    """

    def __init__(self) -> None:
        self.known: set[str] = set()
        self.added: set[str] = set()
        self.path: Path | None = None


_VALID: _Valid | None = None


def _known_valid() -> _Valid:
    global _VALID
    if _VALID is None:
        import hashlib
        import pickle

        from ..engine import patterns
        from ..nlp.pipeline import cache_dir
        from . import alternatives

        v = _Valid()
        cache = cache_dir()
        if cache is not None:
            code = hashlib.sha256()
            for mod in (patterns, alternatives):
                code.update(Path(mod.__file__).read_bytes())
            v.path = cache / f"valid-patterns-{code.hexdigest()[:16]}.pickle"
            try:
                with v.path.open("rb") as f:
                    known = pickle.load(f)
                if isinstance(known, set):
                    v.known = known
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
                pass
        _VALID = v
    return _VALID


def _save_valid() -> None:
    """Remember newly validated patterns (best effort: the cache is never required)."""
    import os
    import pickle

    v = _VALID
    if v is None or not v.added or v.path is None:
        return
    v.known |= v.added
    v.added = set()
    try:
        v.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = v.path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(v.known, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, v.path)
    except OSError:
        pass


def validate_rule(path: Path, rule: Rule, contexts: dict[str, PerLang]) -> None:
    """Pattern syntax and cross-references the schema alone cannot check."""
    _check_patterns(path, "patterns", rule.patterns)
    _check_patterns(path, "exceptions", rule.exceptions)
    _check_patterns(path, "requires", rule.requires)
    _check_patterns(path, "document_exceptions", rule.document_exceptions)
    if rule.threshold is not None:
        _check_patterns(path, "threshold.cumulative", rule.threshold.cumulative)
    for i, name in enumerate(rule.unless_context):
        if name not in contexts:
            known = ", ".join(sorted(contexts)) or "none"
            raise CatalogError(str(path), f"unless_context[{i}]", f"unknown context '{name}' (known: {known})")


def load_contexts(dirs: Iterable[Path]) -> dict[str, PerLang]:
    """Shared contexts from ``_contexts.yaml`` of each directory; later directories add or replace."""
    out: dict[str, PerLang] = {}
    for d in dirs:
        path = Path(d) / CONTEXTS_FILE
        if path.is_file():
            ctx = load_yaml_file(path, Contexts)
            for name, per_lang in ctx.contexts.items():
                _check_patterns(path, f"contexts.{name}", per_lang)
            out.update(ctx.contexts)
    return out


def rule_dirs(extra_dirs: Iterable[Path] = ()) -> list[Path]:
    return [bundled_dir("rules"), *(Path(d) for d in extra_dirs)]


def load_rules(extra_dirs: Iterable[Path] = ()) -> list[Rule]:
    """The bundled rules plus those in ``extra_dirs``; a user rule with a bundled id replaces it.

    Raises :class:`CatalogError` (file, field, reason) for the first bad file.
    """
    dirs = rule_dirs(extra_dirs)
    contexts = load_contexts(dirs)
    seen: dict[str, Path] = {}
    rules: dict[str, Rule] = {}
    for path in yaml_files(dirs):
        if path.name.startswith("_"):
            continue
        rule = load_yaml_file(path, Rule)
        if rule.id in seen and seen[rule.id].parent == path.parent:
            raise CatalogError(str(path), "id", f"duplicate id '{rule.id}' (also in {seen[rule.id].name})")
        validate_rule(path, rule, contexts)
        seen[rule.id] = path
        rules[rule.id] = rule
    out = list(rules.values())
    for r in out:
        r._contexts = {name: contexts[name] for name in r.unless_context}  # type: ignore[attr-defined]
    _save_valid()
    return out


def get_rule(rule_id: str, extra_dirs: Iterable[Path] = ()) -> Rule:
    for r in load_rules(extra_dirs):
        if r.id == rule_id:
            return r
    from ..errors import UsageError

    raise UsageError(f"unknown rule '{rule_id}': see `fairtender rules list`")
