"""Threshold rules: turnover against the contract value (currencies, per-year vs cumulative, unknown
value, ratios) and years of experience against the configured limit (words, ranges, settings)."""

from __future__ import annotations

import pytest

from fairtender.catalog.rules import load_rules
from fairtender.config import Settings
from fairtender.engine.barriers import check_text
from fairtender.models import ContractValue, Severity

RULES = load_rules()


def turnover(text: str, lang: str = "en", **kw):
    return [f for f in check_text(text, lang=lang, rules=RULES, **kw) if f.rule == "barrier.turnover"]


def experience(text: str, lang: str = "en", **kw):
    return [f for f in check_text(text, lang=lang, rules=RULES, **kw) if f.rule == "barrier.experience"]


def test_turnover_message_carries_the_numbers():
    [f] = turnover("Estimated value: EUR 200,000.\nThe tenderer shall have a minimum yearly turnover of EUR 1,000,000.")
    assert f.severity == Severity.error
    assert f.message == ("Minimum yearly turnover EUR 1,000,000 is 5.0x the estimated contract value EUR 200,000 "
                         "(limit: 2x).")
    assert f.suggestion == "Lower the minimum to at most EUR 400,000 or state the reason in the procurement documents."
    assert f.legal_basis == "Directive 2014/24/EU, art. 58(3)"
    assert f.location is not None and f.location.paragraph == 2


@pytest.mark.parametrize(("amount", "found"), [("400,000", False), ("400,001", True), ("399,999", False),
                                               ("1.2 million", True)])
def test_turnover_exactly_twice_is_allowed(amount, found):
    text = f"Estimated value: EUR 200,000.\nBidders must have an annual turnover of at least EUR {amount}."
    assert bool(turnover(text)) is found


def test_turnover_limit_follows_the_setting():
    text = "Estimated value: EUR 200,000.\nBidders must have an annual turnover of at least EUR 500,000."
    assert turnover(text)
    assert not turnover(text, settings=Settings(turnover_multiple=3))


def test_unknown_value_is_info():
    [f] = turnover("The tenderer shall have a minimum annual turnover of EUR 400,000.")
    assert f.severity == Severity.info and "unknown" in f.message and "EUR 400,000" in f.message


def test_currency_conversion_and_unknown_rate():
    [f] = turnover("Estimated value: EUR 200,000.\nMinimum annual turnover: GBP 500,000.")
    assert f.severity == Severity.error and "GBP 500,000" in f.message and "about EUR" in f.message
    # 340,000 GBP is about 400,000 EUR at the default 0.85 rate: not above 2x
    assert not turnover("Estimated value: EUR 200,000.\nMinimum annual turnover: GBP 300,000.")
    [g] = turnover("Estimated value: EUR 200,000.\nMinimum annual turnover: MXN 5,000,000.")
    assert g.severity == Severity.info and "cannot be compared" in g.message
    value = ContractValue(amount=100_000, currency="SEK", source="cli")
    [h] = turnover("Krav på omsättning: minst 500 000 SEK per år.", lang="sv", contract_value=value)
    assert "5.0x" in h.message


def test_cumulative_turnover_is_divided_by_the_years():
    base = "Estimated value: EUR 200,000.\n"
    [f] = turnover(base + "The cumulative turnover over the last three years must be at least EUR 1,500,000.")
    assert "EUR 500,000" in f.message and "over 3 years" in f.message and "2.5x" in f.message
    assert not turnover(base + "The combined turnover of the last three financial years must reach EUR 1,200,000.")
    # an average annual figure is already yearly
    assert turnover(base + "Average annual turnover over the last three years: at least EUR 500,000.")


def test_turnover_negation_and_information_only():
    base = "Estimated value: EUR 100,000.\n"
    assert not turnover(base + "No minimum turnover is required for this contract of EUR 100,000.")
    assert not turnover(base + "Please state your turnover for the last three years (for information only: EUR).")
    assert not turnover("Geraamde waarde: € 50.000.\nEr geldt geen minimale jaaromzet.", lang="nl")
    assert not turnover("Kontraktets värde: 500 000 kronor.\nInga krav ställs på omsättningen.", lang="sv")
    assert not turnover("Montant estimé : 50 000 €.\nAucun chiffre d'affaires minimum n'est exigé.", lang="fr")
    assert not turnover("Geschätzter Wert: 50.000 EUR.\nEin Mindestumsatz wird nicht verlangt.", lang="de")


def test_turnover_as_a_multiple_of_the_value():
    [f] = turnover("The minimum annual turnover is three times the estimated contract value.")
    assert "3x" in f.message
    assert not turnover("The minimum annual turnover is twice the estimated contract value.")
    assert turnover("De minimale jaaromzet bedraagt driemaal de geraamde waarde van de opdracht.", lang="nl")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Estimated value: EUR 80,000.\nApplicants need a turnover exceeding EUR 250,000 per annum."),
    ("nl", "Raming: 100.000 euro.\nDe kandidaat heeft een gemiddelde jaaromzet van minimum 350.000 euro."),
    ("sv", "Uppskattat värde: 2 MSEK.\nLeverantörens årsomsättning ska uppgå till lägst 6 MSEK."),
    ("fr", "Montant estimé : 200 000 € HT.\nChiffre d'affaires annuel minimal exigé : 1 000 000 €."),
    ("de", "Geschätzter Auftragswert: 150.000 EUR.\nDer Mindestjahresumsatz beträgt 600.000 EUR."),
])
def test_turnover_in_five_languages(lang, text):
    [f] = turnover(text, lang=lang)
    assert f.severity == Severity.error and "x the estimated contract value" in f.message


@pytest.mark.parametrize(("text", "found"), [
    ("The team leader shall have at least 10 years of experience.", True),
    ("The team leader shall have at least 8 years of experience.", False),
    ("The team leader shall have between 10 and 15 years of experience.", True),
    ("The team leader shall have between 5 and 12 years of experience.", False),  # the minimum is what counts
    ("The team leader shall have at least twelve years' experience.", True),
    ("The team leader shall have references from the last 10 years.", False),
    ("The team leader shall have experience of projects completed in the last 10 years.", False),
])
def test_experience_threshold(text, found):
    assert bool(experience(text)) is found


def test_experience_message_and_setting():
    [f] = experience("Der Bauleiter verfügt über mindestens zehn Jahre Berufserfahrung.", lang="de")
    assert "zehn years of experience" in f.message and "limit: 8 years" in f.message
    assert f.severity == Severity.warning
    assert not experience("Der Bauleiter verfügt über mindestens zehn Jahre Berufserfahrung.", lang="de",
                          settings=Settings(experience_years=10))
    assert experience("Le chef d'équipe justifie de 6 ans d'expérience.", lang="fr",
                      settings=Settings(experience_years=5))


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [  # forms and table rows: the label on one line (or cell), the amount on the next
        ("en", "Minimum annual turnover:\nEUR 2,000,000\nEstimated contract value: EUR 500,000", True),
        ("en", "Minimum annual turnover:\nEUR 900,000\nEstimated contract value: EUR 500,000", False),
        ("fr", "Critère : chiffre d'affaires annuel minimum\nValeur : 2 millions d'euros\n"
               "Le présent marché est estimé à 750 000 € HT.", True),
        ("de", "Kriterium: Mindestumsatz\nWert: 1,5 Mio. EUR pro Geschäftsjahr\nAuftragswert (geschätzt): 600.000 EUR",
         True),
        ("nl", "Minimale jaaromzet:\n€ 1.500.000\nGeraamde waarde: € 400.000", True),
        ("sv", "Lägsta årsomsättning:\n10 MSEK\nUppskattat värde: 2 MSEK", True),
        # the next line is not an amount, or the label demands no minimum, or the amount is the value itself
        ("en", "Minimum annual turnover:\nNot applicable\nEstimated contract value: EUR 500,000", False),
        ("en", "Turnover 2023:\nEUR 3,000,000\nEstimated contract value: EUR 500,000", False),
        ("en", "Minimum turnover required:\nEstimated contract value: EUR 500,000", False),
        # a prose paragraph never borrows the next paragraph's amount
        ("en", "The tenderer shall demonstrate a minimum annual turnover as set out in the selection "
               "questionnaire, which is published with these documents.\nEUR 2,000,000\n"
               "Estimated contract value: EUR 500,000", False),
    ],
)
def test_turnover_label_and_amount_on_separate_lines(lang, text, found):
    assert bool(turnover(text, lang=lang)) is found
