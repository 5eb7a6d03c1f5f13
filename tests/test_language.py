"""Language detection on tender wording: full paragraphs, 2-sentence excerpts, short notice lines."""

from __future__ import annotations

import pytest

from fairtender.nlp.language import LANGUAGES, detect_language, language_scores

# Two-sentence excerpts written for these tests in the register of real tenders.
EXCERPTS = {
    "en": [
        "The contracting authority invites tenders for the cleaning of municipal buildings. "
        "Tenderers must submit their bid before the deadline stated in section 4.",
        "The supplier shall comply with all applicable equality legislation. "
        "It shall ensure that its subcontractors do the same.",
        "Bidders should have a minimum annual turnover of twice the contract value. "
        "Evidence must be provided with the tender.",
    ],
    "nl": [
        "De aanbestedende dienst nodigt inschrijvers uit om een offerte in te dienen. "
        "De opdracht wordt gegund aan de economisch meest voordelige inschrijving.",
        "De opdrachtnemer verbindt zich ertoe geen enkele vorm van discriminatie te tolereren. "
        "Hij legt dezelfde verplichting op aan zijn onderaannemers.",
        "De inschrijver moet beschikken over een minimale jaaromzet van 500.000 euro. "
        "Dit wordt aangetoond met de jaarrekeningen van de laatste drie boekjaren.",
    ],
    "sv": [
        "Leverantören ska följa gällande diskrimineringslag. "
        "Leverantören ansvarar för att underleverantörer uppfyller samma krav.",
        "Anbudet ska vara skriftligt och avfattat på svenska. "
        "Anbudsgivaren ska ha en omsättning om minst två miljoner kronor per år.",
        "Avtalstiden är två år med möjlighet till förlängning. "
        "Beställaren har rätt att häva avtalet om leverantören inte fullgör sina åtaganden.",
    ],
    "fr": [
        "Le pouvoir adjudicateur invite les soumissionnaires à remettre une offre. "
        "Le marché sera attribué à l'offre économiquement la plus avantageuse.",
        "Le titulaire s'engage à respecter la législation relative à la lutte contre les discriminations. "
        "Il impose les mêmes obligations à ses sous-traitants.",
        "Le candidat doit justifier d'un chiffre d'affaires annuel minimum. "
        "Les pièces justificatives sont jointes à la candidature.",
    ],
    "de": [
        "Der Auftraggeber fordert die Bieter zur Abgabe eines Angebots auf. "
        "Der Zuschlag wird auf das wirtschaftlichste Angebot erteilt.",
        "Der Auftragnehmer verpflichtet sich, die geltenden Gesetze zur Gleichbehandlung einzuhalten. "
        "Er stellt sicher, dass seine Nachunternehmer dieselben Pflichten erfüllen.",
        "Die Bieter müssen einen Mindestumsatz nachweisen. "
        "Die Nachweise sind dem Angebot beizufügen.",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(lg, t) for lg, ts in EXCERPTS.items() for t in ts])
def test_two_sentence_excerpts(lang, text):
    assert detect_language(text) == lang


@pytest.mark.parametrize(("lang", "text"), [(lg, ts[0].split(". ")[0] + ".") for lg, ts in EXCERPTS.items()])
def test_single_sentence(lang, text):
    assert detect_language(text) == lang


# Short notice lines paraphrasing the wording of real TED notices and Swedish call-offs
# (../shared/real-world/texts/), each with its field path as notices are flattened to text.
NOTICE_LINES = {
    "nl": "[/F02_2014/OBJECT_CONTRACT/SHORT_DESCR] Het betreft de levering van juridische diensten "
          "voor het ministerie, waarbij de opdracht in drie percelen is verdeeld.",
    "sv": "[/F02_2014/OBJECT_CONTRACT/SHORT_DESCR] Upphandling av snöröjning och halkbekämpning "
          "för bolagets fastigheter i Stockholm.",
    "fr": "[/F02_2014/OBJECT_CONTRACT/SHORT_DESCR] Le présent marché porte sur la fourniture et la pose "
          "de menuiseries extérieures pour le compte du groupement.",
    "de": "[/F02_2014/OBJECT_CONTRACT/SHORT_DESCR] Gegenstand des Auftrags ist die Vermessung der Flächen "
          "und die Auswertung der Daten durch den Auftragnehmer.",
    "en": "[/F02_2014/OBJECT_CONTRACT/SHORT_DESCR] The framework covers the supply of road salt "
          "to the council and its partners.",
}


@pytest.mark.parametrize(("lang", "text"), list(NOTICE_LINES.items()))
def test_notice_lines_with_field_paths(lang, text):
    assert detect_language(text) == lang


def test_field_paths_and_addresses_are_not_evidence():
    # English-looking notice field paths, URLs and mail addresses around a Dutch sentence
    text = "\n".join([
        "[/F21_2014/CONTRACTING_BODY/ADDRESS_CONTRACTING_BODY/OFFICIALNAME] Gemeente Voorbeeld",
        "[/F21_2014/CONTRACTING_BODY/URL_DOCUMENT] https://www.tenderned.nl/aankondiging/detail/one/of/the",
        "[/F21_2014/OBJECT_CONTRACT/LOT_DIVISION/LOT_MAX_ONE_TENDERER] 1",
        "[/F21_2014/CONTRACTING_BODY/ADDRESS_CONTRACTING_BODY/E_MAIL] the.info@example.org",
        "[/F21_2014/OBJECT_CONTRACT/SHORT_DESCR] De opdracht betreft het onderhoud van de groenvoorziening.",
    ])
    assert detect_language(text) == "nl"


def test_company_forms_do_not_make_swedish_german():
    text = ("PostNord Sverige AB\nPostNord TPL AB\nHallsberg Brevterminal AB\nRosersberg Brevterminal AB\n"
            "Upphandling av snöröjning och halkbekämpning.")
    assert detect_language(text) == "sv"


def test_repeated_heading_does_not_outweigh_the_body():
    text = ("Die Stadt Die Stadt Die Stadt Die Stadt Die Stadt Die Stadt Die Stadt Die Stadt Die Stadt\n"
            "The supplier shall deliver the goods to the address given in the order and the buyer will pay "
            "the invoice within thirty days of receipt of the goods.")
    assert detect_language(text) == "en"


def test_english_terms_in_a_dutch_text():
    text = ("De leverancier levert een cloud-based software as a service oplossing. "
            "De inschrijver beschrijft in zijn offerte hoe hij de service level agreement zal naleven.")
    assert detect_language(text) == "nl"


def test_default_when_no_evidence():
    assert detect_language("") == "en"
    assert detect_language("12345 67,89 — !!") == "en"
    assert detect_language("", default="nl") == "nl"


def test_scores_cover_every_language_and_prefer_the_right_one():
    scores = language_scores(EXCERPTS["sv"][0])
    assert set(scores) == set(LANGUAGES)
    assert max(scores, key=scores.get) == "sv"
    assert all(v >= 0 for v in scores.values())


def test_long_text_is_sampled_not_fully_scanned():
    text = EXCERPTS["fr"][0] + " " + "lorem ipsum " * 500_000
    assert detect_language(text) == "fr"


def test_analyse_uses_detection_and_lang_override():
    from fairtender.models import Document, Paragraph
    from fairtender.nlp import analyse

    doc = Document(path="x.txt", format="txt", paragraphs=[Paragraph(index=1, text=EXCERPTS["de"][0])])
    assert analyse(doc).language == "de"
    assert analyse(doc, lang="en").language == "en"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Avtalets beräknade värde: cirka 800 tkr."),
        ("nl", "Bijzondere bepaling - gelijke kansen"),
        ("de", "Leistungsbeschreibung und Eignungsnachweise"),
        ("fr", "Critères d'attribution"),
        ("en", "Health and safety"),
    ],
)
def test_headings_without_function_words(lang, text):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("lang", "text"),
    [  # the function words tie ("die" is Dutch and German): spelling decides
        ("de", "Die geschätzte Auftragssumme beträgt 400.000 EUR."),
        ("nl", "Raming: € 300.000. Minimale omzet: € 450.000 per boekjaar."),
        ("sv", "Lägsta årsomsättning: 4 MSEK."),
        ("fr", "Chiffre d'affaires minimal : 2 millions d'euros."),
        ("en", "Key personnel\nSenior Architect - minimum 12 years post-qualification experience."),
    ],
)
def test_close_calls_and_requirement_lines(lang, text):
    assert detect_language(text) == lang


def test_short_document_sample_does_not_repeat_paragraphs():
    from fairtender.models import Document, Paragraph
    from fairtender.nlp.analysed import _sample

    doc = Document(path="x.txt", format="txt", paragraphs=[
        Paragraph(index=1, text="Selectie", kind="heading", heading_level=1),
        Paragraph(index=2, text="Die geschätzte Auftragssumme beträgt 400.000 EUR.")])
    sample = _sample(doc)
    assert sample.count("Auftragssumme") == 1 and "Selectie" in sample
