"""Fuzzing rule and template loading: random YAML, mutated real files, random patterns.

A city edits these files by hand. Whatever is in them, loading ends in the
rules/templates or in ONE :class:`CatalogError` naming that file and a field --
never a KeyError/TypeError from deep inside, and never a pattern that loads
fine and then crashes the matcher in the middle of a check.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fairtender.catalog.loader import bundled_dir
from fairtender.catalog.rules import load_rules
from fairtender.catalog.templates import load_templates
from fairtender.engine.patterns import PatternError, compiler_for, find, parse_pattern
from fairtender.errors import CatalogError

FAST = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

SENTENCES = {
    "en": "The tenderer shall have a minimum annual turnover of EUR 2 million and 10 years of experience.",
    "nl": "De inschrijver moet een minimale jaaromzet van 2 miljoen euro hebben en 10 jaar ervaring.",
    "sv": "Leverantören ska ha en årsomsättning om minst 2 miljoner kronor och 10 års erfarenhet.",
    "fr": "Le soumissionnaire doit avoir un chiffre d'affaires annuel d'au moins 2 millions d'euros.",
    "de": "Der Bieter muss einen Jahresumsatz von mindestens 2 Millionen Euro und 10 Jahre Erfahrung haben.",
}


def _bundled(kind: str) -> list[dict]:
    out = []
    for p in sorted(bundled_dir(kind).glob("*.yaml")):
        if p.name.startswith("_"):
            continue
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            out.append(data)
    return out


RULES = _bundled("rules")
TEMPLATES = _bundled("clauses")

junk = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**20), st.floats(allow_nan=True),
                 st.text(max_size=30), st.lists(st.text(max_size=10), max_size=3),
                 st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=3))


def _paths(obj, prefix=()):
    """Every (path, value) inside a nested dict/list."""
    yield prefix, obj
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))


@st.composite
def mutated(draw, originals: list[dict]):
    assume_nonempty = originals or [{"id": "x"}]
    data = copy.deepcopy(draw(st.sampled_from(assume_nonempty)))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p, _ in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for k in path[:-1]:
            parent = parent[k]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(junk)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = draw(junk)
        else:
            parent.append(draw(junk))
    return data


@pytest.fixture(scope="module")
def contexts_only(tmp_path_factory) -> Path:
    """A stand-in bundled rules directory holding only the shared contexts: loads fast, isolates the fuzzed file."""
    import shutil

    d = tmp_path_factory.mktemp("bundled-rules")
    src = bundled_dir("rules") / "_contexts.yaml"
    if src.is_file():
        shutil.copy(src, d / src.name)
    return d


def _expect_clean(tmp: Path, target: Path, fn, bundled_rules: Path | None = None):
    from unittest import mock

    try:
        if bundled_rules is not None:
            with mock.patch("fairtender.catalog.rules.bundled_dir", lambda name: bundled_rules):
                return fn()
        return fn()
    except CatalogError as exc:
        assert exc.file == str(target), (exc.file, exc.message)
        assert exc.field and exc.reason
        assert "\n" not in exc.message, exc.message
        return None


def _fresh_dir(tmp_path: Path, counter=[0]) -> Path:  # noqa: B006 - a per-process counter is the point
    counter[0] += 1
    d = tmp_path / f"lib{counter[0]}"
    d.mkdir()
    return d


# --------------------------------------------------------------------------- rules


yamlish = st.lists(st.sampled_from(list("ab:- \n\t'\"{}[]#&*!|>%@`,?") + ["id", "kind", "patterns", "en"]),
                   max_size=120).map("".join)


@FAST
@given(text=yamlish)
@example(text="id: [unclosed")
@example(text="- a\n- b\n")
@example(text="&a [*a, *a]")
@example(text="a: &x [*x]")
@example(text="!!python/object/apply:os.system ['true']")
def test_random_yaml_rule_file(tmp_path, contexts_only, text):
    d = _fresh_dir(tmp_path)
    target = d / "custom.yaml"
    target.write_text(text, encoding="utf-8")
    _expect_clean(tmp_path, target, lambda: load_rules([d]), contexts_only)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=mutated(RULES))
def test_mutated_bundled_rule(tmp_path, contexts_only, data):
    d = _fresh_dir(tmp_path)
    target = d / "mutated.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    rules = _expect_clean(tmp_path, target, lambda: load_rules([d]), contexts_only)
    if rules is None:
        return
    # a rule that loads must also compile and run, the way the engine compiles it (groups expanded)
    from fairtender.catalog.alternatives import expand
    from fairtender.nlp import get_nlp

    for r in rules:
        for lang in r.languages[:2]:
            comp = compiler_for(get_nlp(lang))
            plain = [q for p in r.patterns[lang] + r.exceptions.get(lang, []) for q in expand(p)]
            m = comp.matcher({r.id: plain})
            find(m, get_nlp(lang)(SENTENCES[lang]))


def test_non_utf8_and_unreadable_rule_files(tmp_path):
    d = tmp_path / "lib"
    d.mkdir()
    (d / "latin1.yaml").write_bytes("id: barrier.caf\xe9\n".encode("latin-1"))
    with pytest.raises(CatalogError) as e:
        load_rules([d])
    assert e.value.file.endswith("latin1.yaml")
    with pytest.raises(CatalogError) as e:
        load_rules([tmp_path / "missing-dir"])
    assert "missing-dir" in e.value.file


# --------------------------------------------------------------------------- patterns

pattern_text = st.lists(st.sampled_from(list("ab /\"|*?.#()[]\\^$+{},'-:") +
                                       ["..", "...", "..3", "..99", "#num", "#any", "é", "ö", "ß", "year"]),
                       min_size=1, max_size=25).map("".join)


@settings(max_examples=80, deadline=None)
@given(pattern=pattern_text, lang=st.sampled_from(list(SENTENCES)))
@example(pattern='""', lang="en")
@example(pattern='"" word', lang="en")
@example(pattern="/a{1,99999}/", lang="en")
@example(pattern="/(?i)year/", lang="en")
@example(pattern="/year(?i)/", lang="en")
@example(pattern="a? #num?", lang="en")
@example(pattern="- ..3 -", lang="nl")
@example(pattern="'", lang="fr")
def test_any_pattern_that_parses_compiles_and_runs(pattern, lang):
    """parse_pattern is the load-time gate: what passes it must never fail at check time."""
    from fairtender.nlp import get_nlp

    try:
        parse_pattern(pattern)
    except PatternError as exc:
        assert str(exc)
        return
    nlp = get_nlp(lang)
    matcher = compiler_for(nlp).matcher({"x": [pattern]})
    for s, e in ((lab_s, lab_e) for _, lab_s, lab_e in find(matcher, nlp(SENTENCES[lang] + " " + pattern))):
        assert 0 <= s < e


# --------------------------------------------------------------------------- templates


@FAST
@given(text=yamlish)
def test_random_yaml_template_file(tmp_path, text):
    d = _fresh_dir(tmp_path)
    target = d / "custom.yaml"
    target.write_text(text, encoding="utf-8")
    _expect_clean(tmp_path, target, lambda: load_templates([d], bundled=False))


@FAST
@given(data=mutated(TEMPLATES))
def test_mutated_bundled_template(tmp_path, data):
    d = _fresh_dir(tmp_path)
    target = d / "mutated.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _expect_clean(tmp_path, target, lambda: load_templates([d], bundled=False))
