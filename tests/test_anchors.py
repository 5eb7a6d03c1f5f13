"""Anchors: the words a pattern cannot match without, used to try each pattern only on the sentences
that hold them. A pattern without anchors is tried on every sentence, so regex groups and hyphenated
alternatives get anchors too; they must never hide a match."""

from __future__ import annotations

from fairtender.catalog.rules import load_rules
from fairtender.engine.barriers import check_text
from fairtender.engine.evaluators.anchors import pattern_options
from fairtender.engine.patterns import compiler_for
from fairtender.nlp import get_nlp


def test_regex_groups_and_hyphenated_alternatives_have_anchors():
    comp = compiler_for(get_nlp("en"))
    assert pattern_options(comp, "/^(certifi|zertifi)/ ..3 x") == [
        ("prefixes", frozenset({"certifi", "zertifi"})), ("lemma", frozenset({"x"}))]
    assert pattern_options(comp, "/(?-i:^(DIN|NEN)$)/ #num") == [("words", frozenset({"din", "nen"}))]
    assert pattern_options(comp, "/(?-i:^EN(-ISO)?$)/ #num") == [("prefix", "en")]
    [(kind, lemmas)] = pattern_options(comp, "native-speaker|native-speakers")
    assert kind == "lemma" and "native" in lemmas
    assert pattern_options(comp, "/(?-i:^[A-Z])/ x") == [("lemma", frozenset({"x"}))]


def test_anchored_patterns_still_match():
    rules = load_rules()
    found = {f.rule for f in check_text("The supplier shall be certified to DIN 77200.", lang="en", rules=rules)}
    assert "barrier.certificate-no-equivalent" in found
    found = {f.rule for f in check_text("The steel contractor shall be certified to EN 1090.", lang="en", rules=rules)}
    assert "barrier.certificate-no-equivalent" in found
    found = {f.rule for f in check_text("All supervisors must be native-speakers of English.", lang="en", rules=rules)}
    assert "barrier.language" in found
