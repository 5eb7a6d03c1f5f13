"""Property tests for quantity parsing: locale round-trips, huge and tiny numbers, random text.

The formatters and number spellers here are written independently of the parser
(plain Python string formatting and textbook spelling rules), so a round-trip
failing means the parser and the convention disagree.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from fairtender.quantities import find_durations, find_money, find_numbers, parse_number

LANGS = ["en", "nl", "sv", "fr", "de"]
SPACES = [" ", "\u00a0", "\u202f", "\u2009"]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def fmt(value: Decimal, lang: str, space: str = " ", group: bool = True) -> str:
    """Write ``value`` the way ``lang`` writes numbers (en 1,234.5 / nl,de 1.234,5 / sv,fr 1 234,5)."""
    sign, digits, exp = value.as_tuple()
    assert sign == 0
    text = format(value, "f")
    intpart, _, frac = text.partition(".")
    if group and len(intpart) > 3:
        groups = []
        while len(intpart) > 3:
            groups.insert(0, intpart[-3:])
            intpart = intpart[:-3]
        groups.insert(0, intpart)
        thousands = {"en": ",", "nl": ".", "de": ".", "sv": space, "fr": space}[lang]
        intpart = thousands.join(groups)
    decimal = "." if lang == "en" else ","
    return intpart + (decimal + frac if frac else "")


amounts = st.decimals(min_value=0, max_value=Decimal(10) ** 15, places=2, allow_nan=False, allow_infinity=False)
integers = st.integers(min_value=0, max_value=10 ** 15)
small_decimals = st.decimals(min_value=Decimal("0.000001"), max_value=Decimal(1000), places=6,
                             allow_nan=False, allow_infinity=False)


@FAST
@given(value=amounts, lang=st.sampled_from(LANGS), space=st.sampled_from(SPACES))
@example(value=Decimal("1250000"), lang="nl", space=" ")
@example(value=Decimal("1234.5"), lang="en", space=" ")
@example(value=Decimal("1000000000000000"), lang="sv", space="\u202f")
def test_round_trip_grouped_numbers(value, lang, space):
    text = fmt(value, lang, space)
    assert parse_number(text, lang) == pytest.approx(float(value), rel=1e-12, abs=1e-9)


@FAST
@given(value=small_decimals, lang=st.sampled_from(LANGS))
@example(value=Decimal("0.000001"), lang="fr")
@example(value=Decimal("12.125"), lang="de")
@example(value=Decimal("12.125"), lang="en")
def test_round_trip_decimals_including_three_places(value, lang):
    value = value.normalize()
    assume(value > 0)
    text = fmt(value, lang)
    assert parse_number(text, lang) == pytest.approx(float(value), rel=1e-12)


@FAST
@given(value=integers, lang=st.sampled_from(LANGS))
def test_round_trip_integers_found_in_a_sentence(value, lang):
    text = f"Het bedrag is {fmt(Decimal(value), lang)} in totaal."
    nums = find_numbers(text, lang)
    assert len(nums) == 1
    assert nums[0].value == pytest.approx(value)
    assert text[nums[0].start:nums[0].end] == nums[0].text


CURRENCY_FORMS = {
    "en": [("EUR {}", "EUR"), ("€{}", "EUR"), ("£{}", "GBP"), ("{} GBP", "GBP"), ("USD {}", "USD")],
    "nl": [("€ {}", "EUR"), ("{} euro", "EUR"), ("EUR {}", "EUR")],
    "sv": [("{} SEK", "SEK"), ("{} kronor", "SEK"), ("{} kr", "SEK"), ("{}:-", "SEK")],
    "fr": [("{} €", "EUR"), ("{} euros", "EUR"), ("CHF {}", "CHF")],
    "de": [("{} EUR", "EUR"), ("EUR {}", "EUR"), ("{} Euro", "EUR"), ("CHF {}", "CHF")],
}


@FAST
@given(data=st.data(), value=st.decimals(min_value=1, max_value=Decimal(10) ** 12, places=2,
                                         allow_nan=False, allow_infinity=False),
       lang=st.sampled_from(LANGS))
def test_money_round_trip(data, value, lang):
    form, code = data.draw(st.sampled_from(CURRENCY_FORMS[lang]))
    text = "Bedrag: " + form.format(fmt(value, lang)) + "."
    found = find_money(text, lang)
    assert len(found) == 1, (text, found)
    assert found[0].amount == pytest.approx(float(value), rel=1e-12)
    assert found[0].currency == code


@FAST
@given(whole=st.integers(min_value=1, max_value=999), tenth=st.integers(min_value=0, max_value=9),
       lang=st.sampled_from(LANGS))
def test_scale_words(whole, tenth, lang):
    word = {"en": "million", "nl": "miljoen", "sv": "miljoner", "fr": "millions", "de": "Millionen"}[lang]
    number = f"{whole}{'.' if lang == 'en' else ','}{tenth}" if tenth else str(whole)
    assert parse_number(f"{number} {word}", lang) == pytest.approx((whole + tenth / 10) * 1e6)


# ------------------------------------------------------------------ number words, spelled independently

EN_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NL_ONES = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
NL_TENS = ["_", "_", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]
DE_ONES = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"]
DE_TENS = ["_", "_", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]
SV_ONES = ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton"]
SV_TENS = ["_", "_", "tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"]


def spell(n: int, lang: str) -> str:
    if lang == "en":
        if n < 20:
            return EN_ONES[n]
        return EN_TENS[n // 10] + ("-" + EN_ONES[n % 10] if n % 10 else "")
    if lang == "nl":
        if n < 20:
            return NL_ONES[n]
        if not n % 10:
            return NL_TENS[n // 10]
        unit = NL_ONES[n % 10]
        joiner = "ën" if unit.endswith("e") else "en"
        return unit + joiner + NL_TENS[n // 10]
    if lang == "de":
        if n < 20:
            return DE_ONES[n]
        if not n % 10:
            return DE_TENS[n // 10]
        unit = "ein" if n % 10 == 1 else DE_ONES[n % 10]
        return unit + "und" + DE_TENS[n // 10]
    if n < 20:
        return SV_ONES[n]
    return SV_TENS[n // 10] + (SV_ONES[n % 10] if n % 10 else "")


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=2, max_value=99), lang=st.sampled_from(["en", "nl", "de", "sv"]))
def test_number_words_round_trip(n, lang):
    word = spell(n, lang)
    assert parse_number(word, lang) == n, word
    # and inside a sentence, with a unit after it
    unit = {"en": "years", "nl": "jaar", "de": "Jahre", "sv": "år"}[lang]
    durations = find_durations(f"voor {word} {unit}", lang)
    assert [d.months for d in durations] == [12 * n]


@pytest.mark.parametrize(("word", "value"), [("tweeëntwintig", 22), ("drieëndertig", 33)])
def test_dutch_diaeresis_compounds(word, value):
    assert parse_number(word, "nl") == value


# ------------------------------------------------------------------ never an exception

texty = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
numbery = st.text(alphabet="0123456789 .,'’-–+()€£$%:/\u00a0\u202fkKmMbnSEKEURmiljoenkrtusenxX", max_size=80)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(texty, numbery), lang=st.sampled_from(LANGS))
def test_never_raises_and_offsets_are_consistent(text, lang):
    for found in (find_numbers(text, lang), find_money(text, lang), find_durations(text, lang)):
        last_start = -1
        for item in found:
            assert 0 <= item.start < item.end <= len(text)
            assert text[item.start:item.end] == item.text
            assert item.start >= last_start
            last_start = item.start
    for m in find_money(text, lang):
        assert m.amount >= 0 and len(m.currency) == 3 and m.currency.isupper()
        if m.is_range:
            assert m.low is not None and m.high is not None and m.low < m.high
    for n in find_numbers(text, lang):
        assert n.comparator in (None, ">=", ">", "<=", "<")
    for d in find_durations(text, lang):
        assert d.months >= 0
    value = parse_number(text, lang)
    assert value is None or value >= 0
    assert parse_number(text) is None or parse_number(text) >= 0


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet="0123456789.,", min_size=1, max_size=5000))
def test_long_digit_runs_do_not_blow_up(text):
    find_numbers(text, "en")
    find_money("EUR " + text, "nl")
