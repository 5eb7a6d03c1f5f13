"""Every example in every rule file runs: positives must trigger their rule, negatives must not.

The examples are written per language (two positives and two hard negatives
from the rule's "must NOT catch" column, at least), so this is the per-rule,
per-language test the rules are held to, and ``fairtender rules show`` prints
the same sentences.
"""

from __future__ import annotations

import pytest

from fairtender.catalog.rule_schema import LANGS
from fairtender.catalog.rules import load_rules
from fairtender.engine.barriers import check_text

RULES = load_rules()
CASES = [
    pytest.param(rule.id, lang, kind, text, id=f"{rule.id}-{lang}-{kind}{i}")
    for rule in RULES
    for lang, ex in rule.examples.items()
    for kind, texts in (("positive", ex.positive), ("negative", ex.negative))
    for i, text in enumerate(texts)
]


def test_every_rule_has_two_positives_and_two_negatives_per_language():
    assert len(RULES) == 14
    for rule in RULES:
        for lang in LANGS:
            ex = rule.examples.get(lang)
            assert ex is not None, f"{rule.id}: no examples in {lang}"
            assert len(ex.positive) >= 2 and len(ex.negative) >= 2, f"{rule.id} {lang}"


@pytest.mark.parametrize(("rule_id", "lang", "kind", "text"), CASES)
def test_example(rule_id: str, lang: str, kind: str, text: str) -> None:
    found = {f.rule for f in check_text(text, lang=lang, rules=RULES)}
    if kind == "positive":
        assert rule_id in found, f"missed: {text!r} (found {sorted(found)})"
    else:
        assert rule_id not in found, f"false positive: {text!r}"
