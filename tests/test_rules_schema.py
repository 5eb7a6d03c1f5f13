"""Rule files: the bundled catalog loads, and a bad file is rejected with its file and field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from fairtender.catalog.alternatives import AlternativesError, expand
from fairtender.catalog.rules import load_rules
from fairtender.errors import CatalogError

SPEC_IDS = {
    "barrier.turnover", "barrier.firm-size", "barrier.years-established", "barrier.age", "barrier.experience",
    "barrier.language", "barrier.nationality", "barrier.local-presence", "barrier.incumbency",
    "barrier.brand-name", "barrier.certificate-no-equivalent", "barrier.consortium-ban", "barrier.health",
    "barrier.no-lots",
}

GOOD = """
id: city.parking
title: Parking permit demanded
severity: warning
kind: pattern
message: "Demands a parking permit: {match}"
legal_basis: "none"
suggestion: "Drop it."
patterns:
  en: [parking permit]
examples:
  en:
    positive: ["Bidders must hold a parking permit."]
    negative: ["Bidders may park anywhere."]
"""


def write_rule(tmp_path: Path, text: str, name: str = "rule.yaml") -> Path:
    d = tmp_path / "rules"
    d.mkdir(exist_ok=True)
    (d / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return d


def test_bundled_rules_are_exactly_the_spec_ids():
    rules = load_rules()
    assert {r.id for r in rules} == SPEC_IDS
    for r in rules:
        assert r.languages == ["en", "nl", "sv", "fr", "de"], r.id
        assert r.legal_basis and r.suggestion and r.rationale, r.id


def test_user_directory_adds_and_replaces(tmp_path):
    d = write_rule(tmp_path, GOOD)
    replaced = GOOD.replace("city.parking", "barrier.age").replace("Parking permit demanded", "Local age rule")
    (d / "age.yaml").write_text(textwrap.dedent(replaced), encoding="utf-8")
    rules = {r.id: r for r in load_rules([d])}
    assert "city.parking" in rules
    assert rules["barrier.age"].title == "Local age rule"
    assert len(rules) == len(SPEC_IDS) + 1


@pytest.mark.parametrize(("mutation", "field"), [
    (lambda t: t.replace("  en: [parking permit]", "  nl: ['..3 x']"), "patterns.nl[0]"),
    (lambda t: t.replace("  en: [parking permit]", "  en: [parking, '/[unclosed/']"), "patterns.en[1]"),
    (lambda t: t.replace("  en: [parking permit]", "  en: ['(parking permit']"), "patterns.en[0]"),
    (lambda t: t.replace("severity: warning", "severity: fatal"), "severity"),
    (lambda t: t.replace("kind: pattern", "kind: regex"), "kind"),
    (lambda t: t.replace("id: city.parking", "id: Parking Rule"), "id"),
    (lambda t: t.replace("title: Parking permit demanded\n", ""), "title"),
    (lambda t: t + "exeptions:\n  en: [x]\n", "exeptions"),
    (lambda t: t.replace("  en: [parking permit]", "  xx: [parking permit]"), "patterns.xx"),
    (lambda t: t + "unless_context: [no-such-context]\n", "unless_context[0]"),
    (lambda t: t.replace("kind: pattern", "kind: threshold"), "(root)"),
    (lambda t: t + "exceptions:\n  en: ['#nums']\n", "exceptions.en[0]"),
])
def test_bad_rule_file_names_file_and_field(tmp_path, mutation, field):
    d = write_rule(tmp_path, mutation(GOOD), "bad.yaml")
    with pytest.raises(CatalogError) as e:
        load_rules([d])
    assert e.value.file.endswith("bad.yaml")
    assert e.value.field == field or e.value.field.startswith(field), e.value.field


def test_threshold_limit_needs_exactly_one_form_and_a_known_setting(tmp_path):
    base = GOOD.replace("kind: pattern", "kind: threshold")
    two = base + "threshold:\n  quantity: number\n  limit: {constant: 3, setting: experience_years}\n"
    with pytest.raises(CatalogError) as e:
        load_rules([write_rule(tmp_path, two, "two.yaml")])
    assert "exactly one" in e.value.reason
    unknown = base + "threshold:\n  quantity: number\n  limit: {setting: years_of_wisdom}\n"
    (tmp_path / "rules" / "two.yaml").unlink()
    with pytest.raises(CatalogError) as e:
        load_rules([write_rule(tmp_path, unknown, "unknown.yaml")])
    assert e.value.field == "threshold.limit.setting" and "years_of_wisdom" in e.value.reason


def test_invalid_yaml_and_non_mapping(tmp_path):
    with pytest.raises(CatalogError) as e:
        load_rules([write_rule(tmp_path, "id: [unclosed\n", "broken.yaml")])
    assert "invalid YAML" in e.value.reason
    (tmp_path / "rules" / "broken.yaml").unlink()
    with pytest.raises(CatalogError) as e:
        load_rules([write_rule(tmp_path, "- just\n- a list\n", "list.yaml")])
    assert e.value.field == "(root)"


def test_missing_rules_directory_is_an_error(tmp_path):
    with pytest.raises(CatalogError) as e:
        load_rules([tmp_path / "nowhere"])
    assert e.value.field == "(directory)"


def test_duplicate_id_in_one_directory(tmp_path):
    d = write_rule(tmp_path, GOOD, "a.yaml")
    (d / "b.yaml").write_text(textwrap.dedent(GOOD), encoding="utf-8")
    with pytest.raises(CatalogError) as e:
        load_rules([d])
    assert e.value.field == "id" and "duplicate" in e.value.reason


def test_all_languages_key_is_copied_into_every_language(tmp_path):
    d = write_rule(tmp_path, GOOD.replace("  en: [parking permit]", "  en: [parking permit]\n  '*': ['\"ParkCo\"']"))
    rule = next(r for r in load_rules([d]) if r.id == "city.parking")
    assert rule.patterns["en"] == ["parking permit", '"ParkCo"']
    assert rule.patterns["de"] == ['"ParkCo"']


def test_phrase_alternatives_expand():
    assert expand("(at least|no fewer than) #num staff") == ["at least #num staff", "no fewer than #num staff"]
    assert expand("(big|) dog") == ["big dog", "dog"]
    assert expand("a (b|c) d") == ["a b|c d"]  # single words stay one token alternative
    assert expand("/^(a|b)$/ x") == ["/^(a|b)$/ x"]  # regexes are left alone
    # "?" after a group makes it optional, as after a word (it used to become a literal word "?")
    assert expand("(not|never)? accepted") == ["not accepted", "never accepted", "accepted"]
    assert expand("must (not be|never be)? allowed") == ["must not be allowed", "must never be allowed",
                                                         "must allowed"]
    assert all("?" not in p for p in expand("(a b|c)? d (e|f g)?"))
    with pytest.raises(AlternativesError):
        expand("(a b|c")
    with pytest.raises(AlternativesError):
        expand(" ".join(["(a b|c d|e f)"] * 6))


def test_fingerprint_changes_with_content():
    a, b = load_rules(), load_rules()
    assert [r.fingerprint for r in a] == [r.fingerprint for r in b]
    changed = a[0].model_copy(update={"message": "other"})
    changed._fingerprint = None
    assert changed.fingerprint != a[0].fingerprint


def test_validated_patterns_are_remembered_but_never_excuse_a_bad_one(tmp_path, monkeypatch):
    import pickle

    from fairtender.catalog import rules as catalog_rules

    monkeypatch.setenv("FAIRTENDER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(catalog_rules, "_VALID", None)
    load_rules()
    [cached] = list((tmp_path / "cache").glob("valid-patterns-*.pickle"))
    known = pickle.loads(cached.read_bytes())
    assert "native speaker|speakers" in known or len(known) > 1000
    # a new process trusts the file for the bundled patterns, and still validates a new, bad one
    monkeypatch.setattr(catalog_rules, "_VALID", None)
    d = tmp_path / "mine"
    d.mkdir()
    (d / "bad.yaml").write_text(
        "id: barrier.mine\ntitle: t\nseverity: error\nkind: pattern\nmessage: m\n"
        "patterns:\n  en: ['x ..99 y']\n", encoding="utf-8")
    with pytest.raises(CatalogError) as e:
        load_rules([d])
    assert "patterns.en[0]" in str(e.value)
    assert "x ..99 y" not in pickle.loads(cached.read_bytes())
    # an unreadable cache file is ignored
    cached.write_bytes(b"not a pickle")
    monkeypatch.setattr(catalog_rules, "_VALID", None)
    assert load_rules()
