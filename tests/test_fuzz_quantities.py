"""Property tests for quantities that ``test_quantities_props.py`` does not cover.

That file covers grouped/decimal round trips up to 10^15, money forms, scale
words, number words and random text. Here: values beyond float's exact range
and below a millionth, numbers written in non-ASCII digits, durations in every
language, values embedded in noisy sentences, and the invariant the barrier
rules rely on -- every value handed out is a finite, non-negative float (an
``inf`` turnover would compare as "above any limit" and print as "inf").
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fairtender.quantities import find_durations, find_money, find_numbers, parse_number

LANGS = ["en", "nl", "sv", "fr", "de"]
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def grouped(n: int, lang: str, frac: str = "") -> str:
    s = f"{n:,}"  # 1,234,567
    thousands = {"en": ",", "nl": ".", "de": ".", "sv": "\u00a0", "fr": "\u202f"}[lang]
    s = s.replace(",", thousands)
    if frac:
        s += ("." if lang == "en" else ",") + frac
    return s


# --------------------------------------------------------------------------- huge and tiny


@FAST
@given(n=st.integers(min_value=10**15, max_value=10**60), lang=st.sampled_from(LANGS))
def test_huge_grouped_numbers_are_close_and_finite(n, lang):
    value = parse_number(grouped(n, lang), lang)
    assert value is not None and math.isfinite(value)
    assert value == pytest.approx(float(n), rel=1e-9)


@FAST
@given(zeros=st.integers(min_value=6, max_value=14), digit=st.integers(min_value=1, max_value=9),
       lang=st.sampled_from(LANGS))
def test_tiny_decimals(zeros, digit, lang):
    text = "0" + ("." if lang == "en" else ",") + "0" * zeros + str(digit)
    assert parse_number(text, lang) == pytest.approx(digit * 10 ** -(zeros + 1), rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(length=st.integers(min_value=300, max_value=3000), lang=st.sampled_from(LANGS),
       form=st.sampled_from(["EUR {}", "{} SEK", "€ {}", "{} euro"]))
@example(length=400, lang="en", form="EUR {}")
def test_absurdly_long_amounts_are_never_infinite(length, lang, form):
    """A 400-digit "amount" must not become ``inf`` (it would beat every threshold and print as 'inf')."""
    digits = "9" * length
    for value in (parse_number(digits, lang), *(n.value for n in find_numbers(digits, lang))):
        assert value is None or math.isfinite(value)
    for m in find_money("Estimated value: " + form.format(digits), lang):
        assert math.isfinite(m.amount)


# --------------------------------------------------------------------------- other scripts


@FAST
@given(n=st.integers(min_value=0, max_value=10**9), lang=st.sampled_from(LANGS),
       script=st.sampled_from(["0123456789", "０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९"]))
def test_other_digit_scripts_are_exact_or_ignored(n, lang, script):
    """Fullwidth, Arabic-Indic or Devanagari digits: read as the same number, or not at all -- never garbage."""
    text = "".join(script[int(c)] for c in str(n))
    value = parse_number(text, lang)
    assert value is None or value == float(n)
    for num in find_numbers(f"at least {text} years", lang):
        assert num.value == float(n)


# --------------------------------------------------------------------------- durations

UNITS = {
    "en": ("The contract duration is {} {}.", "months", "years"),
    "nl": ("De looptijd van de opdracht is {} {}.", "maanden", "jaar"),
    "sv": ("Avtalstiden är {} {}.", "månader", "år"),
    "fr": ("La durée du marché est de {} {}.", "mois", "ans"),
    "de": ("Die Laufzeit des Vertrags beträgt {} {}.", "Monate", "Jahre"),
}


@FAST
@given(n=st.integers(min_value=2, max_value=120), lang=st.sampled_from(LANGS), years=st.booleans())
def test_duration_round_trip(n, lang, years):
    sentence, months_word, years_word = UNITS[lang]
    if years:
        n = n % 30 + 2
    text = sentence.format(n, years_word if years else months_word)
    found = find_durations(text, lang)
    assert len(found) == 1, (text, found)
    assert found[0].months == pytest.approx(n * 12 if years else n)
    assert text[found[0].start:found[0].end] == found[0].text


# --------------------------------------------------------------------------- noise around values

noise = st.text(alphabet=st.sampled_from(list("abcdefghij klmnopqrstuvwxyzåäöéüß ;:!?()\"'")), max_size=40)


@FAST
@given(n=st.integers(min_value=1000, max_value=10**12), lang=st.sampled_from(LANGS), before=noise, after=noise)
def test_money_found_exactly_once_in_noise(n, lang, before, after):
    """Letters-and-punctuation noise (no digits) around an amount neither hides it nor invents another."""
    text = f"{before} EUR {grouped(n, lang)}; {after}"
    money = [m for m in find_money(text, lang) if m.currency == "EUR"]
    assert len(money) == 1, (text, money)
    assert money[0].amount == pytest.approx(n)
    assert text[money[0].start:money[0].end] == money[0].text


@settings(max_examples=30, deadline=None)
@given(chunk=st.sampled_from(["1 ", "1.", "1,", "1 000 ", "EUR 1 ", "at least ", "between 1 and "]),
       reps=st.integers(min_value=500, max_value=4000), lang=st.sampled_from(LANGS))
def test_pathological_repetition_finishes(chunk, reps, lang):
    """Repeated separators and cues: a regex with catastrophic backtracking would hang here."""
    text = chunk * reps
    for items in (find_numbers(text, lang), find_money(text, lang), find_durations(text, lang)):
        for it in items:
            assert 0 <= it.start < it.end <= len(text)
