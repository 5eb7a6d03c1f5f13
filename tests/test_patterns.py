"""The pattern language shared by rules and templates."""

from __future__ import annotations

import pytest

from fairtender.engine.patterns import PatternError, compiler_for, find, parse_pattern
from fairtender.nlp import get_nlp


def matches(lang: str, patterns: list[str], text: str) -> list[str]:
    nlp = get_nlp(lang)
    m = compiler_for(nlp).matcher({"x": patterns})
    doc = nlp(text)
    return [doc[s:e].text for _, s, e in find(m, doc)]


def test_words_match_by_lemma_in_any_inflection():
    assert matches("en", ["native speaker"], "They are Native Speakers of Dutch.") == ["Native Speakers"]
    assert matches("en", ["subcontractors"], "each subcontractor") == ["subcontractor"]


def test_alternatives_and_optional():
    assert matches("en", ["or|and? equivalent"], "a Canon printer or equivalent") == ["or equivalent"]
    assert matches("en", ["or|and equivalent"], "Canon or an equivalent") == []
    assert matches("en", ["or|and? equivalent"], "Canon or an equivalent") == ["equivalent"]
    assert matches("en", ["brand name?"], "the brand is Canon") == ["brand"]


def test_prefix_suffix_contains_for_compounds():
    assert matches("nl", ["onderaannem*"], "De onderaannemers zijn gebonden.") == ["onderaannemers"]
    assert matches("nl", ["*omzet"], "De jaaromzet bedraagt") == ["jaaromzet"]
    assert matches("sv", ["*diskriminer*"], "antidiskrimineringsvillkor gäller") == ["antidiskrimineringsvillkor"]


def test_gaps_bound_the_distance():
    assert matches("en", ["native ..2 speaker"], "native Spanish speakers") == ["native Spanish speakers"]
    assert matches("en", ["native ..1 speaker"], "native and fluent Spanish speakers") == []


def test_numbers_regex_and_exact_case():
    assert matches("en", ["#num years"], "at least ten years") == ["ten years"]
    assert matches("en", ["/iso\\d+/"], "certified ISO9001") == ["ISO9001"]
    assert matches("en", ['"Volvo"'], "a Volvo, not a volvo") == ["Volvo"]


def test_plain_text_is_tokenised_like_the_document():
    assert matches("fr", ["chiffre d'affaires"], "un chiffre d'affaires annuel") == ["chiffre d'affaires"]
    assert matches("en", ["non-discrimination law"], "all non-discrimination law") == ["non-discrimination law"]


@pytest.mark.parametrize("bad, reason", [
    ("", "empty"), ("   ", "empty"), ("... x", "gap"), ("x ...", "gap"), ("a**b", "'*'"),
    ("/(/", "regular expression"), ("#foo", "token class"), ("x ..99 y", "between"), ("x ..16 y", "slow"),
    ('"unclosed', "unclosed"), ("a||b", "empty alternative"), ("x? y?", "required"),
])
def test_syntax_errors_say_why(bad, reason):
    with pytest.raises(PatternError, match=reason):
        parse_pattern(bad)


def test_alternatives_may_be_several_tokens_or_wildcards():
    # "sub-contracting" and "d'expérience" are split by the tokenizer; "*registrerad" is a wildcard:
    # inside a|b they must still match the document as it is tokenised.
    assert matches("en", ["subcontracting|sub-contracting prohibited"], "Sub-contracting prohibited") == [
        "Sub-contracting prohibited"]
    assert matches("fr", ["ans d'expérience|expériences"], "dix ans d'expérience") == ["ans d'expérience"]
    assert matches("sv", ["*registrerad|etablerad i kommunen"], "företagsregistrerad i kommunen") == [
        "företagsregistrerad i kommunen"]
    assert matches("nl", ["kmo's|ondernemingen"], "enkel kmo's") == ["kmo's"]


def test_too_many_variants_is_an_error():
    alts = "|".join(f"sub-{w}" for w in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"))
    with pytest.raises(PatternError, match="variants"):
        parse_pattern(f"{alts} {alts}")  # at load time, before any document is checked
    assert len(compiler_for(get_nlp("en")).compile_variants(f"{alts} x")) == 9


def test_regex_is_case_insensitive_unless_the_rule_says_so():
    # rules rely on the inline flag for capitalised names (brands, named buyers): keep it working
    assert matches("en", ["supplied by /^ass/"], "supplied by ASSA ABLOY") == ["supplied by ASSA"]
    assert matches("en", ["supplied by /(?-i:^[A-Z]{2,}$)/"], "supplied by ASSA ABLOY") == ["supplied by ASSA"]
    assert matches("en", ["supplied by /(?-i:^[A-Z]{2,}$)/"], "supplied by the contractor") == []
