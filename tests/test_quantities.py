"""Numbers, money and durations as tenders write them, in en/nl/sv/fr/de."""

from __future__ import annotations

import pytest

from fairtender.quantities import (
    CURRENCIES,
    Duration,
    Money,
    Number,
    find_durations,
    find_money,
    find_numbers,
    parse_number,
)

# ----------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1,250,000", None, 1_250_000),
        ("1,250,000", "en", 1_250_000),
        ("1.250.000", None, 1_250_000),
        ("1.250.000", "nl", 1_250_000),
        ("1 250 000", "sv", 1_250_000),
        ("1\u00a0250\u00a0000", "fr", 1_250_000),   # no-break space
        ("1\u202f250\u202f000", "fr", 1_250_000),   # narrow no-break space
        ("1\u2009250\u2009000", None, 1_250_000),   # thin space
        ("1'250'000", "de", 1_250_000),            # Swiss apostrophe
        ("1.250.000,50", "de", 1_250_000.5),
        ("1,250,000.50", "en", 1_250_000.5),
        ("2,5", "nl", 2.5),
        ("2,5", "sv", 2.5),
        ("0.5", None, 0.5),
        ("0,125", "de", 0.125),
        ("1,234", "en", 1234),                     # English thousands
        ("1,234", "de", 1.234),                    # German decimal comma
        ("1.234", "en", 1.234),                    # English decimal point
        ("1.234", "nl", 1234),                     # Dutch thousands
        ("1.1 million", None, 1_100_000),
        ("1.5 million", "nl", 1_500_000),          # English scale word in a Dutch text
        ("1,5 miljoen", "nl", 1_500_000),
        ("2 miljoner", "sv", 2_000_000),
        ("1,2 Mio.", "de", 1_200_000),
        ("3 Mrd.", "de", 3_000_000_000),
        ("2 millions", "fr", 2_000_000),
        ("1,250 miljoen", "nl", 1_250_000),        # three decimals before a scale word
        ("250k", None, 250_000),
        ("2.5m", "en", 2_500_000),
        ("douze", None, 12),
        ("vijf", None, 5),
        ("three", None, 3),
        ("femton", None, 15),
        ("zwölf", None, 12),
        ("twenty-five", "en", 25),
        ("one hundred and twenty", "en", 120),
        ("vijfentwintig", "nl", 25),
        ("tweehonderd", "nl", 200),
        ("tjugofem", "sv", 25),
        ("tvåhundratjugofem", "sv", 225),
        ("vingt et un", "fr", 21),
        ("soixante-dix-sept", "fr", 77),
        ("quatre-vingt-dix", "fr", 90),
        ("deux cents", "fr", 200),
        ("fünfundzwanzig", "de", 25),
        ("zweihundertfünfundzwanzig", "de", 225),
        ("two million", "en", 2_000_000),
        ("tien miljoen", "nl", 10_000_000),
        ("minimum 40 hours", "en", 40),            # first number in a phrase
    ],
)
def test_parse_number(text, lang, expected):
    assert parse_number(text, lang) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "   ", "no figures here", "een", "ein Auftrag", "2024-01-15", "ISO 9001:2015",
                                  "art. 58(3)", "version 1.2.3"])
def test_parse_number_none(text):
    assert parse_number(text, "en" if "ein" not in text else "de") is None


# ----------------------------------------------------------------- find_numbers


def _n(text: str, lang: str) -> list[Number]:
    found = find_numbers(text, lang)
    for n in found:  # offsets always point at the matched text
        assert text[n.start:n.end] == n.text
    return found


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("aged between 25 and 40 years", "en", 25, 40),
        ("candidates aged 25-40", "en", 25, 40),
        ("from 25 to 40 years", "en", 25, 40),
        ("âgés de 25 à 40 ans", "fr", 25, 40),
        ("25 à 40 ans", "fr", 25, 40),
        ("tussen 25 en 40 jaar oud", "nl", 25, 40),
        ("van 25 tot 40 jaar", "nl", 25, 40),
        ("mellan 25 och 40 år", "sv", 25, 40),
        ("zwischen 25 und 40 Jahren", "de", 25, 40),
        ("von 25 bis 40 Jahren", "de", 25, 40),
        ("25–40 years", "en", 25, 40),                    # en dash
        ("between three and five years", "en", 3, 5),     # words
        ("between 3 and 5 million", "en", 3e6, 5e6),      # scale on the second number only
        ("between the ages of 25 and 40", "en", 25, 40),
        ("tussen de leeftijd van 25 en 40 jaar", "nl", 25, 40),
        ("entre l'âge de 25 et 40 ans", "fr", 25, 40),
    ],
)
def test_ranges(text, lang, low, high):
    nums = _n(text, lang)
    assert len(nums) == 1
    n = nums[0]
    assert n.is_range
    assert (n.low, n.high) == (pytest.approx(low), pytest.approx(high))
    assert n.value == n.low


def test_decreasing_pair_is_not_a_range():
    nums = _n("lots 40-25 apply", "en")
    assert [n.value for n in nums] == [40, 25]
    assert not any(n.is_range for n in nums)


@pytest.mark.parametrize(
    ("text", "lang", "value", "comparator"),
    [
        ("at least 3 years", "en", 3, ">="),
        ("a minimum of 250 employees", "en", 250, ">="),
        ("no fewer than 50 staff", "en", 50, ">="),
        ("no less than five years", "en", 5, ">="),
        ("10 years or more", "en", 10, ">="),
        ("a minimum annual turnover of EUR 2,000,000", "en", 2_000_000, ">="),
        ("at most 40 years old", "en", 40, "<="),
        ("no more than 35", "en", 35, "<="),
        ("up to 12 months", "en", 12, "<="),
        ("no older than 35", "en", 35, "<="),
        ("not older than 35", "en", 35, "<="),
        ("under 35", "en", 35, "<"),
        ("below 30 years of age", "en", 30, "<"),
        ("more than 8 years", "en", 8, ">"),
        ("minstens 5 jaar ervaring", "nl", 5, ">="),
        ("ten minste 50 werknemers", "nl", 50, ">="),
        ("minimaal drie jaar", "nl", 3, ">="),
        ("maximaal 40 jaar", "nl", 40, "<="),
        ("hoogstens 35 jaar", "nl", 35, "<="),
        ("niet ouder dan 35 jaar", "nl", 35, "<="),
        ("minst 10 anställda", "sv", 10, ">="),
        ("lägst 5 miljoner", "sv", 5e6, ">="),
        ("10 anställda eller fler", "sv", 10, ">="),
        ("högst 40 år", "sv", 40, "<="),
        ("under 30 år", "sv", 30, "<"),
        ("au moins 3 ans", "fr", 3, ">="),
        ("d'au moins 3 ans", "fr", 3, ">="),
        ("un minimum de 10 salariés", "fr", 10, ">="),
        ("au plus 45 ans", "fr", 45, "<="),
        ("moins de 35 ans", "fr", 35, "<"),
        ("de moins de 35 ans", "fr", 35, "<"),
        ("mindestens 250 Mitarbeiter", "de", 250, ">="),
        ("wenigstens zehn Jahre", "de", 10, ">="),
        ("höchstens 40 Jahre", "de", 40, "<="),
        ("maximal 40 Jahre", "de", 40, "<="),
        ("nicht älter als 40 Jahre", "de", 40, "<="),
        ("unter 35 Jahren", "de", 35, "<"),
        ("10+ years of experience", "en", 10, ">="),
        ("≥ 250 employees", "en", 250, ">="),
        ("age <35", "en", 35, "<"),
        ("min. 5 år", "sv", 5, ">="),
    ],
)
def test_comparators(text, lang, value, comparator):
    nums = _n(text, lang)
    assert nums, text
    assert nums[0].value == pytest.approx(value)
    assert nums[0].comparator == comparator


def test_plus_between_numbers_is_a_sum_not_a_comparator():
    assert [n.comparator for n in _n("förlängning 1+1 år", "sv")] == [None, None]


def test_comparator_applies_to_the_next_number_only():
    nums = _n("at least 3 years of experience; the team has 5 members", "en")
    assert [(n.value, n.comparator) for n in nums] == [(3, ">="), (5, None)]


def test_comparator_not_taken_from_far_away():
    text = "The minimum requirements are listed in the annex to this document and the supplier shall keep 4 copies"
    assert _n(text, "en")[-1].comparator is None


def test_cues_are_per_language():
    # "ten" is a number in English but part of the Dutch cue "ten minste"
    assert _n("ten minste 5", "nl")[0].value == 5
    assert [n.value for n in _n("ten pieces", "en")] == [10]


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("three full financial years", "en", [3]),
        ("vijf jaar", "nl", [5]),
        ("tre år", "sv", [3]),
        ("douze ans", "fr", [12]),
        ("zehn Jahre", "de", [10]),
        ("femton år", "sv", [15]),
        ("three (3) years", "en", [3]),              # restatement is one number
        ("sex (6) månader", "sv", [6]),
        ("36 (thirty-six) months", "en", [36]),
        ("een jaar", "nl", [1]),                      # article read as one before a unit
        ("een omzet van", "nl", []),                   # but not elsewhere
        ("a supplier", "en", []),
        ("ein Auftrag", "de", []),
        ("two and three", "en", [2, 3]),              # "and" does not join them
        ("matériel neuf et garanti", "fr", []),        # "neuf" = new
        ("neuf salariés", "fr", [9]),
        ("de termijnen in acht nemen", "nl", []),      # idiom: "take into account"
        ("acht jaar", "nl", [8]),
        ("Fristen außer Acht lassen", "de", []),
        ("one of the bidders", "en", []),
        ("three two", "en", [3, 2]),
    ],
)
def test_number_words(text, lang, values):
    assert [n.value for n in _n(text, lang)] == values


@pytest.mark.parametrize("text", ["on 2024-01-15 at 10:00", "ISO 9001:2015", "Directive 2014/24/EU article 58(3)",
                                  "see 12.03.2024", "release 1.2.3"])
def test_dates_times_references_are_not_quantities(text):
    assert _n(text, "en") == []


def test_no_exception_and_nothing_found_on_empty():
    assert find_numbers("", "en") == []
    assert find_money("", "en") == []
    assert find_durations("", "en") == []


# ----------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("text", "lang", "amount", "currency"),
    [
        ("EUR 1,250,000", "en", 1_250_000, "EUR"),
        ("€ 1.250.000", "nl", 1_250_000, "EUR"),
        ("€1.250.000,00", "nl", 1_250_000, "EUR"),
        ("1,5 miljoen euro", "nl", 1_500_000, "EUR"),
        ("2 500 000 SEK", "sv", 2_500_000, "SEK"),
        ("2\u00a0500\u00a0000 kronor", "sv", 2_500_000, "SEK"),
        ("2 MSEK", "sv", 2_000_000, "SEK"),
        ("2 mkr", "sv", 2_000_000, "SEK"),
        ("800 tkr", "sv", 800_000, "SEK"),
        ("500 000:-", "sv", 500_000, "SEK"),
        ("25 000 kr", "sv", 25_000, "SEK"),
        ("GBP 250k", "en", 250_000, "GBP"),
        ("£1m", "en", 1_000_000, "GBP"),
        ("£2.5m", "en", 2_500_000, "GBP"),
        ("£500,000", "en", 500_000, "GBP"),
        ("300 000 €", "fr", 300_000, "EUR"),
        ("90 000 € HT", "fr", 90_000, "EUR"),
        ("5 M€", "fr", 5_000_000, "EUR"),
        ("EUR 0.5 million", "en", 500_000, "EUR"),
        ("1,2 Mio. EUR", "de", 1_200_000, "EUR"),
        ("CHF 2 Mio.", "de", 2_000_000, "CHF"),
        ("Fr. 500'000", "de", 500_000, "CHF"),
        ("USD 3.5 bn", "en", 3_500_000_000, "USD"),
        ("US$ 250,000", "en", 250_000, "USD"),
        ("KES 10,000,000", "en", 10_000_000, "KES"),
        ("€ 250.000", "en", 250_000, "EUR"),      # amounts have no third decimal, whatever the language
        ("EUR 250,000", "nl", 250_000, "EUR"),
        ("one million pounds", "en", 1_000_000, "GBP"),
        ("tio miljoner kronor", "sv", 10_000_000, "SEK"),
        ("zwei Millionen Euro", "de", 2_000_000, "EUR"),
        ("3 900 000\nSEK", "sv", 3_900_000, "SEK"),  # wrapped line in extracted PDF text
    ],
)
def test_find_money(text, lang, amount, currency):
    found = find_money(text, lang)
    assert len(found) == 1, found
    m = found[0]
    assert isinstance(m, Money)
    assert m.amount == pytest.approx(amount)
    assert m.currency == currency
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(
    ("text", "lang"),
    [("£1m (one million pounds)", "en"), ("EUR 1,000,000 (one million euros)", "en"),
     ("€ 50.000 (vijftigduizend euro)", "nl"), ("SEK 500 000 (femhundratusen kronor)", "sv"),
     ("EUR 2.000.000 (i.e. EUR 2,000,000)", "en")],
)
def test_parenthetical_restatement_is_one_amount(text, lang):
    found = find_money(text, lang)
    assert len(found) == 1, found
    assert found[0].start == 0


def test_conversion_in_another_currency_is_kept():
    found = find_money("EUR 100,000 (SEK 1 150 000)", "en")
    assert [(m.amount, m.currency) for m in found] == [(100_000, "EUR"), (1_150_000, "SEK")]


def test_money_needs_a_currency():
    assert find_money("a fence 5m high and 250 metres long", "en") == []
    assert find_money("1,250,000 units", "en") == []


def test_money_ranges():
    m = find_money("between EUR 100,000 and 200,000", "en")[0]
    assert (m.low, m.high, m.currency) == (100_000, 200_000, "EUR")
    m = find_money("100 000–200 000 SEK", "sv")[0]
    assert (m.low, m.high, m.currency) == (100_000, 200_000, "SEK")
    m = find_money("mellan 1 och 2 MSEK", "sv")[0]
    assert (m.low, m.high) == (1_000_000, 2_000_000)


def test_money_comparator():
    m = find_money("a minimum annual turnover of EUR 2m", "en")[0]
    assert (m.amount, m.comparator) == (2_000_000, ">=")
    m = find_money("een jaaromzet van minstens € 500.000", "nl")[0]
    assert (m.amount, m.comparator) == (500_000, ">=")


def test_several_amounts_in_order():
    text = "De maximale waarde bedraagt 3 000 000 EUR, met 3 raamovereenkomsten van elk 1 000 000 EUR."
    assert [m.amount for m in find_money(text, "nl")] == [3_000_000, 1_000_000]


def test_iso_code_stoplist_words_are_not_currencies():
    assert find_money("ALL 500 items and TOP 10 suppliers", "en") == []


@pytest.mark.parametrize("lang", ["en", "nl", "sv", "fr", "de"])
def test_dotted_scale_abbreviations_are_listed_and_parsed(lang):
    from fairtender.quantities.lexicon import dotted_abbreviations

    abbrevs = dotted_abbreviations(lang)
    assert "Mio." in abbrevs and all(a.endswith(".") for a in abbrevs)
    scale = {"mio.": 1e6, "mln.": 1e6, "milj.": 1e6, "mill.": 1e6, "mld.": 1e9, "mrd.": 1e9, "tsd.": 1e3}
    for a in abbrevs:
        assert parse_number(f"2 {a}", lang) == pytest.approx(2 * scale[a.lower()])
    assert find_money("EUR 2 mln. per jaar", lang)[0].amount == 2e6


def test_currencies_table():
    assert CURRENCIES["€"] == "EUR"
    assert CURRENCIES["kronor"] == "SEK"
    assert CURRENCIES["MSEK"] == "SEK"
    assert CURRENCIES["SEK"] == "SEK"
    assert "ALL" not in CURRENCIES
    with pytest.raises(TypeError):
        CURRENCIES["XXX"] = "XXX"  # read-only: callers cannot corrupt the shared table


# ----------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "lang", "months", "extension"),
    [
        ("duration: 24 months", "en", 24, None),
        ("for a period of 3 years", "en", 36, None),
        ("a three-year contract", "en", 36, None),
        ("6 weeks", "en", 6 * 7 / 30.4375, None),
        ("90 days", "en", 90 / 30.4375, None),
        ("three full financial years", "en", 36, None),
        ("The contract runs for 2 years with an option to extend for a further 12 months.", "en", 24, 12),
        ("looptijd van 4 jaar", "nl", 48, None),
        ("48 maanden", "nl", 48, None),
        ("vier jaar, stilzwijgend verlengbaar met 2 x 12 maanden", "nl", 48, 24),
        ("avtalstid 2 år med option på förlängning 1+1 år", "sv", 24, 24),
        ("avtalstid 2+1+1 år", "sv", 24, 24),
        ("sex (6) månader", "sv", 6, None),
        ("durée de 36 mois", "fr", 36, None),
        ("un an reconductible trois fois un an", "fr", 12, 36),
        ("Laufzeit 2 Jahre", "de", 24, None),
        ("zwölf Monate mit Verlängerungsoption um 12 Monate", "de", 12, 12),
        ("10+ years", "en", 120, None),
    ],
)
def test_find_durations(text, lang, months, extension):
    found = find_durations(text, lang)
    assert len(found) == 1, found
    d = found[0]
    assert isinstance(d, Duration)
    assert d.months == pytest.approx(months, rel=1e-3)
    if extension is None:
        assert d.extension_months is None
    else:
        assert d.extension_months == pytest.approx(extension)
        assert d.total_months == pytest.approx(months + extension)
    assert text[d.start:d.end] == d.text


def test_separate_sentences_do_not_extend():
    found = find_durations("The contract lasts 2 years. Extension of the warranty: 6 months.", "en")
    assert [(d.months, d.extension_months) for d in found] == [(24, None), (6, None)]


def test_number_without_unit_is_no_duration():
    assert find_durations("at least 3 references", "en") == []
