"""Document facts: estimated contract value, contract duration, tender or contract."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fairtender.facts import find_contract_value, find_duration_months, guess_kind
from fairtender.models import ContractValue, Document, Paragraph
from fairtender.nlp import analyse


def adoc(lines: list[str], lang: str | None = None, kinds: dict[int, str] | None = None):
    kinds = kinds or {}
    paragraphs = [Paragraph(index=i + 1, text=t, kind=kinds.get(i, "body"),  # type: ignore[arg-type]
                            heading_level=1 if kinds.get(i) == "heading" else None)
                  for i, t in enumerate(lines)]
    return analyse(Document(path="tender.txt", format="txt", paragraphs=paragraphs), lang=lang)


# ----------------------------------------------------------------- contract value

VALUE_CASES = [
    # English
    ("en", ["Estimated value excluding VAT: EUR 1,250,000"], 1_250_000, "EUR"),
    ("en", ["The estimated contract value is GBP 250k over the whole term."], 250_000, "GBP"),
    ("en", ["Lot 1 covers cleaning. Estimated value: £2.5m."], 2_500_000, "GBP"),
    ("en", ["The value of the framework is estimated at EUR 0.5 million."], 500_000, "EUR"),
    ("en", ["Total value of the contract (estimated): USD 3.5 bn"], 3_500_000_000, "USD"),
    ("en", ["Contract value: KES 10,000,000 inclusive of taxes."], 10_000_000, "KES"),
    ("en", ["Value: £1m (one million pounds)"], 1_000_000, "GBP"),
    # Dutch
    ("nl", ["De geraamde waarde van de opdracht bedraagt € 1.250.000 excl. btw."], 1_250_000, "EUR"),
    ("nl", ["Geraamde waarde: 1,5 miljoen euro"], 1_500_000, "EUR"),
    ("nl", ["Het geraamde bedrag van deze opdracht is €1.250.000,00 exclusief btw."], 1_250_000, "EUR"),
    ("nl", ["De raming voor de volledige looptijd bedraagt 300.000 euro."], 300_000, "EUR"),
    ("nl", ["De maximale waarde van de raamovereenkomsten bedraagt 3 000 000 EUR, er worden 3 "
            "raamovereenkomsten van elk 1 000 000 EUR gesloten."], 3_000_000, "EUR"),
    # Swedish
    ("sv", ["Uppskattat värde: 2 500 000 SEK"], 2_500_000, "SEK"),
    ("sv", ["Upphandlingens värde beräknas till 2 MSEK per år."], 2_000_000, "SEK"),
    ("sv", ["Ramavtalet (uppskattat värde 15 MSEK) avser konsulttjänster."], 15_000_000, "SEK"),
    ("sv", ["Avtalets beräknade värde är 800 tkr."], 800_000, "SEK"),
    ("sv", ["Kontraktets värde beräknas till 2 500 000 kronor för hela avtalstiden."], 2_500_000, "SEK"),
    ("sv", ["Det uppskattade värdet för hela avtalstiden är 2 000 000 SEK exklusive moms."], 2_000_000, "SEK"),
    ("en", ["The total contract value is estimated at EUR 350,000 excluding VAT."], 350_000, "EUR"),
    ("sv", ["Avropets uppskattade värde, för hela kontraktstiden inklusive option, uppgår till 3 900 000\nSEK."],
     3_900_000, "SEK"),
    # French
    ("fr", ["Valeur estimée hors TVA : 90 000 € HT"], 90_000, "EUR"),
    ("fr", ["Le montant estimé du marché est de 300 000 €."], 300_000, "EUR"),
    ("fr", ["Estimation du marché : 1,2 million d'euros sur quatre ans."], 1_200_000, "EUR"),
    ("fr", ["La valeur totale est estimée à CHF 2 Mio."], 2_000_000, "CHF"),
    # German
    ("de", ["Geschätzter Auftragswert: 1,2 Mio. EUR netto"], 1_200_000, "EUR"),
    ("de", ["Der Auftragswert wird auf 500.000 EUR geschätzt."], 500_000, "EUR"),
    ("de", ["Schätzwert ohne MwSt.: 750.000,00 EUR"], 750_000, "EUR"),
    ("de", ["Der geschätzte Gesamtwert beträgt CHF 2 Mio. für die Laufzeit."], 2_000_000, "CHF"),
    # estimates worded without "estimated value"
    ("en", ["The contract is worth approximately GBP 400,000 over three years."], 400_000, "GBP"),
    ("en", ["Indicative budget: EUR 75,000 per year."], 75_000, "EUR"),
    ("nl", ["De opdracht wordt geschat op 350.000 euro excl. btw."], 350_000, "EUR"),
    ("nl", ["Een raamovereenkomst ter waarde van 2 miljoen euro."], 2_000_000, "EUR"),
    ("sv", ["Kontraktets värde uppskattas till cirka 3 miljoner kronor."], 3_000_000, "SEK"),
    ("fr", ["Estimation : 480 000 € HT."], 480_000, "EUR"),
    ("fr", ["Le présent marché, d'un montant prévisionnel de 1,8 M€ HT, n'est pas alloti."], 1_800_000, "EUR"),
    ("fr", ["Le montant prévisionnel de l'accord-cadre s'élève à 200 000 € HT."], 200_000, "EUR"),
    ("de", ["Das Auftragsvolumen wird auf 90.000 € geschätzt."], 90_000, "EUR"),
    ("de", ["Der Auftrag über EUR 1.300.000,- wird als Gesamtvergabe vergeben."], 1_300_000, "EUR"),
    ("de", ["Die voraussichtlichen Gesamtkosten betragen 640.000 EUR netto."], 640_000, "EUR"),
]


@pytest.mark.parametrize(("lang", "lines", "amount", "currency"), VALUE_CASES,
                         ids=[c[1][0][:40] for c in VALUE_CASES])
def test_contract_value_phrasings(lang, lines, amount, currency):
    value = find_contract_value(adoc(lines, lang))
    assert isinstance(value, ContractValue)
    assert value.amount == pytest.approx(amount)
    assert value.currency == currency
    assert value.source == "document"
    assert value.text and value.location and value.location.paragraph == 1


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("en", ["Bidders must have a minimum annual turnover of EUR 1,000,000."]),
        ("en", ["Insurance cover of at least GBP 5m is required for the value of the works."]),
        ("en", ["The performance guarantee value: EUR 50,000."]),
        ("en", ["Contracts above the EU threshold value of EUR 5,382,000 are published in the OJEU."]),
        ("nl", ["De inschrijver heeft een minimale jaaromzet van € 2.000.000."]),
        ("nl", ["De waarde van de verzekering bedraagt minstens € 2.500.000 per schadegeval."]),
        ("sv", ["Leverantören ska ha en årlig omsättning om minst 10 MSEK."]),
        ("sv", ["Vid försening utgår vite om 25 000 kronor per påbörjad vecka."]),
        ("fr", ["Chiffre d'affaires minimum : 1 000 000 €."]),
        ("fr", ["Le montant de la garantie est de 50 000 €."]),
        ("de", ["Mindestumsatz in den letzten drei Jahren: 2 Mio. EUR."]),
        ("de", ["Die Vertragsstrafe beträgt 10.000 EUR je Verstoß."]),
        ("en", ["We value diversity.", "The supplier employs 250 people."]),
        ("en", ["The Supplier can terminate if the Buyer fails to pay a sum worth over 10% of the total "
                "Contract Value or £1,000, whichever is the lower."]),
        # a threshold that something applies above, not this contract's value
        ("de", ["Der Auftraggeber wird ab einer Auftragssumme von 30 000 EUR einen Auszug anfordern."]),
        ("en", ["For contracts above a total value of EUR 50,000 the supplier shall report yearly."]),
        ("nl", ["Vanaf een opdrachtwaarde van 30.000 euro is een clausule verplicht."]),
        ("fr", ["À partir d'un montant estimé de 40 000 € HT, une publicité est obligatoire."]),
    ],
)
def test_no_value_from_turnover_insurance_penalty_guarantee(lang, lines):
    assert find_contract_value(adoc(lines, lang)) is None


@pytest.mark.parametrize(
    ("lang", "lines"),
    [  # minimums for the candidate's earlier work (selection requirements), not this contract's value
        ("nl", ["Elke referentie moet een jaarlijkse opdrachtwaarde hebben die hoger is dan 750 000 EUR."]),
        ("nl", ["De kandidaat legt drie referenties voor met een contractwaarde van minstens 400.000 euro."]),
        ("en", ["Reference projects must each have a contract value of at least EUR 2,000,000."]),
        ("en", ["Provide two previous contracts with a total value of EUR 500,000 or more."]),
        ("sv", ["Anbudsgivaren ska redovisa tre referensuppdrag med ett kontraktsvärde om minst 1 MSEK."]),
        ("fr", ["Les références doivent porter sur des marchés d'une valeur totale d'au moins 800 000 €."]),
        ("fr", ["Trois marchés similaires dont le montant du marché atteint 300 000 € au minimum."]),
        ("de", ["Es sind drei Referenzen mit einem Auftragswert von mindestens 1 Mio. EUR vorzulegen."]),
        ("de", ["Vergleichbare Aufträge mit einem Gesamtwert von mehr als 500.000 EUR sind nachzuweisen."]),
        ("en", ["Reference projects - contract value:", "EUR 900,000"]),
    ],
)
def test_no_value_from_reference_or_minimum_requirements(lang, lines):
    assert find_contract_value(adoc(lines, lang)) is None


@pytest.mark.parametrize(
    ("lang", "lines", "amount"),
    [  # the estimate named inside a requirement sentence is still the estimate; the demand is not
        ("fr", ["CA exigé : le marché étant estimé à 4 000 000 EUR HTVA sur 8 ans, le chiffre d'affaires "
                "annuel doit atteindre 250 000 EUR au minimum."], 4_000_000),
        ("fr", ["CA minimum: le marche etant estime à 2 400 000 EUR, donc 300 000 EUR par an."], 2_400_000),
        ("fr", ["Le présent accord-cadre est évalué à 750 000 € HT."], 750_000),
        ("fr", ["Montant : les prestations sont estimées à 120 000 € par an."], 120_000),
        ("nl", ["Referenties: zie punt 3. De geraamde waarde bedraagt 1 200 000 EUR."], 1_200_000),
        ("en", ["Suppliers need a turnover of at least EUR 3m. The contract value is estimated at EUR 1.5m."],
         1_500_000),
    ],
)
def test_estimate_beside_a_requirement_is_taken(lang, lines, amount):
    value = find_contract_value(adoc(lines, lang))
    assert value is not None and value.amount == pytest.approx(amount)


def test_reference_minimum_loses_to_a_ted_value_field():
    lines = ["[/F05_2014/OBJECT_CONTRACT/OBJECT_DESCR/VAL_OBJECT] 640000.00",
             "[/F05_2014/LEFTI/TECHNICAL_PROFESSIONAL_MIN_LEVEL] — Elke referentie heeft een jaarlijkse "
             "opdrachtwaarde die gelijk is aan of hoger is dan 2 000 000 EUR."]
    value = find_contract_value(adoc(lines, "nl"))
    assert value is not None and (value.amount, value.currency) == (640_000, "EUR")


def test_turnover_next_to_the_value_is_not_taken():
    lines = ["Bidders must have a minimum annual turnover of EUR 1,000,000. "
             "The estimated value of the contract is EUR 400,000."]
    value = find_contract_value(adoc(lines, "en"))
    assert value is not None and value.amount == 400_000


def test_value_cue_does_not_reach_across_a_turnover_cue():
    lines = ["Der Auftragswert wird auf 500.000 EUR geschätzt; der Mindestumsatz beträgt 2 Mio. EUR."]
    value = find_contract_value(adoc(lines, "de"))
    assert value is not None and value.amount == 500_000


def test_stronger_cue_wins_then_document_order():
    lines = ["Budget: EUR 900,000 for all phases.",
             "Value: EUR 800,000.",
             "The estimated contract value is EUR 700,000.",
             "The estimated value of the extension is EUR 100,000."]
    value = find_contract_value(adoc(lines, "en"))
    assert value is not None
    assert value.amount == 700_000
    assert value.location is not None and value.location.paragraph == 3


def test_range_takes_upper_bound_and_says_so():
    value = find_contract_value(adoc(["The estimated value is between EUR 100,000 and 200,000."], "en"))
    assert value is not None
    assert value.amount == 200_000
    assert "upper bound" in (value.text or "")


def test_label_and_amount_in_separate_cells():
    value = find_contract_value(adoc(["Estimated value", "EUR 750,000", "Duration", "24 months"], "en"))
    assert value is not None and value.amount == 750_000
    assert value.location is not None and value.location.paragraph == 2


def test_ted_line_without_currency_uses_the_documents_currency():
    lines = ["[/F02_2014/OBJECT_CONTRACT/TITLE] Städtjänster",
             "[/F02_2014/OBJECT_CONTRACT/VAL_ESTIMATED_TOTAL] 2500000.00",
             "[/F02_2014/LEFTI/SUITABILITY] Omsättning minst 5 000 000 SEK."]
    value = find_contract_value(adoc(lines, "sv"))
    assert value is not None
    assert (value.amount, value.currency) == (2_500_000, "SEK")
    assert value.location is not None and value.location.paragraph == 2


def test_ted_placeholder_value_is_ignored():
    assert find_contract_value(adoc(["[/F02_2014/OBJECT_CONTRACT/VAL_ESTIMATED_TOTAL] 1.00"], "en")) is None


def test_ted_field_text_is_read_as_text():
    lines = ["[/F21_2014/OBJECT_CONTRACT/SHORT_DESCR] Juridische diensten. De geraamde waarde bedraagt 900.000 EUR."]
    value = find_contract_value(adoc(lines, "nl"))
    assert value is not None and value.amount == 900_000


def test_no_value_in_a_document_without_amounts():
    assert find_contract_value(adoc(["Invitation to tender for cleaning services.", "Selection criteria"], "en")) is None


def test_value_with_detected_language():
    lines = ["De aanbestedende dienst nodigt inschrijvers uit om een offerte in te dienen voor de opdracht.",
             "De geraamde waarde van de opdracht bedraagt € 450.000 exclusief btw."]
    a = adoc(lines)
    assert a.language == "nl"
    value = find_contract_value(a)
    assert value is not None and (value.amount, value.currency) == (450_000, "EUR")


# ----------------------------------------------------------------- duration


@pytest.mark.parametrize(
    ("lang", "lines", "months"),
    [
        ("en", ["Duration: 24 months"], 24),
        ("en", ["The contract will run for a period of 3 years with an option to extend by 12 months."], 36),
        ("en", ["Contract period: three (3) years from the date of award."], 36),
        ("nl", ["De looptijd van de overeenkomst is 4 jaar."], 48),
        ("nl", ["Duur van de opdracht: 48 maanden, verlengbaar met 2 x 12 maanden."], 48),
        ("sv", ["Avtalstid 2 år med option på förlängning 1+1 år."], 24),
        ("sv", ["Avropskontraktet gäller inledningsvis sex (6) månader från det att båda parter har signerat."], 6),
        ("fr", ["La durée du marché est de 36 mois."], 36),
        ("fr", ["Le marché est conclu pour une durée de douze mois reconductible trois fois."], 12),
        ("de", ["Laufzeit: 2 Jahre"], 24),
        ("de", ["Die Vertragslaufzeit beträgt zwölf Monate mit Verlängerungsoption."], 12),
        ("en", ["[/F02_2014/OBJECT_CONTRACT/OBJECT_DESCR/DURATION] 36"], 36),
        ("en", ["This contract starts on 1 May 2026 (the Commencement Date) and runs for 36 months."], 36),
        ("sv", ["Avtalstiden är två år från avtalets tecknande med option på förlängning 1+1 år."], 24),
    ],
)
def test_duration(lang, lines, months):
    assert find_duration_months(adoc(lines, lang)) == pytest.approx(months)


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("en", ["Staff must have 5 years of experience."]),
        ("en", ["Tenders must remain valid for 90 days."]),
        ("nl", ["De inschrijving blijft 120 dagen geldig."]),
        ("sv", ["Konsulten ska ha minst 5 års erfarenhet."]),
        ("fr", ["Le délai de validité des offres est de 120 jours."]),
        ("de", ["Die Gewährleistung beträgt 5 Jahre."]),
        ("en", ["If charges exceed £5 million during the Contract Period, the Supplier must notify the Buyer "
                "within 5 Working Days."]),
    ],
)
def test_no_duration_from_experience_or_validity(lang, lines):
    assert find_duration_months(adoc(lines, lang)) is None


def test_strongest_duration_cue_wins():
    lines = ["Each call-off has a duration of 6 months.", "Contract period: 4 years."]
    assert find_duration_months(adoc(lines, "en")) == 48


# ----------------------------------------------------------------- kind


@pytest.mark.parametrize(
    ("lang", "lines", "kind"),
    [
        ("en", ["Core Terms", "1. Definitions", "The Parties hereby agree as follows."], "contract"),
        ("en", ["SERVICES AGREEMENT", "This Agreement is made between the City of Ghent and the Supplier."],
         "contract"),
        ("en", ["Invitation to Tender", "Selection criteria", "Tenderers must submit their bids by 1 May."], "tender"),
        ("en", ["Contract notice", "Tenderers must hold ISO 9001."], "notice"),
        ("nl", ["Overeenkomst", "De ondergetekenden komen het volgende overeen."], "contract"),
        ("nl", ["Bestek", "Gunningscriteria", "De inschrijver voegt bij zijn offerte ..."], "tender"),
        ("sv", ["Avtal om konsulttjänster", "Parterna har träffat följande avtal."], "contract"),
        ("sv", ["Förfrågningsunderlag", "Anbudsgivaren ska uppfylla kvalificeringskraven."], "tender"),
        ("fr", ["Contrat de prestations de services", "Les parties conviennent de ce qui suit."], "contract"),
        ("fr", ["Cahier des charges", "Les soumissionnaires remettent leur offre."], "tender"),
        ("de", ["Rahmenvertrag", "Die Vertragsparteien vereinbaren Folgendes."], "contract"),
        ("de", ["Ausschreibung", "Die Bieter müssen Referenzen vorlegen."], "tender"),
        ("en", ["Cleaning of municipal buildings", "Some general text without cues."], "tender"),
    ],
)
def test_guess_kind(lang, lines, kind):
    assert guess_kind(adoc(lines, lang)) == kind


def test_tender_with_a_draft_contract_annex_stays_a_tender():
    lines = ["Invitation to tender: cleaning services", "1. Selection criteria",
             "Tenderers shall have ...", "2. Award criteria", "Bids are scored on price and quality.",
             "Annex 3: draft contract", "The Parties hereby agree as follows."]
    assert guess_kind(adoc(lines, "en", kinds={1: "heading", 3: "heading", 5: "heading"})) == "tender"


def test_cover_page_naming_the_parties_is_a_contract():
    lines = ["BUYER", "AND", "SUPPLIER", "FACILITIES MANAGEMENT MARKETPLACE CONTRACT", "JOINT SCHEDULE 7",
             "1. Financial distress", "The Supplier shall notify the Buyer of any Financial Distress Event."]
    assert guess_kind(adoc(lines, "en")) == "contract"


def test_contract_details_heading_in_a_tender_stays_a_tender():
    lines = ["City of Northbridge - Office Cleaning Services 2026-2028",
             "Invitation to tender, open procedure. Reference NB-FAC-2026-014. Contracting authority: City of "
             "Northbridge, Facilities Department, Town Hall Square 1, Northbridge. Tenders are due on 1 May.",
             "1. Introduction", "The City (hereinafter \"the City\") invites tenders for cleaning.",
             "2. Contract details", "2.1 Subject-matter", "The contract covers the daily cleaning of offices.",
             "3. Selection criteria", "4. Award criteria"]
    kinds = {0: "heading", 2: "heading", 4: "heading", 5: "heading", 7: "heading", 8: "heading"}
    assert guess_kind(adoc(lines, "en", kinds=kinds)) == "tender"


def test_ted_notice_is_a_notice_even_when_it_quotes_contract_terms():
    lines = ["[/F05_2014/CONTRACTING_BODY/ADDRESS_CONTRACTING_BODY/OFFICIALNAME] ProRail bv",
             "[/F05_2014/OBJECT_CONTRACT/TITLE] Raamovereenkomst onderhoud",
             "[/F05_2014/OBJECT_CONTRACT/SHORT_DESCR] Partijen sluiten een raamovereenkomst."]
    assert guess_kind(adoc(lines, "nl")) == "notice"


def test_two_ted_lines_are_not_yet_a_notice():
    lines = ["Overeenkomst", "[/F05_2014/OBJECT_CONTRACT/TITLE] Raamovereenkomst onderhoud",
             "[/F05_2014/OBJECT_CONTRACT/SHORT_DESCR] Onderhoud van sporen.",
             "De ondergetekenden komen het volgende overeen."]
    assert guess_kind(adoc(lines, "nl")) == "contract"


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("en", ["Belgium-Ghent: Cleaning services", "2026/S 012-034567", "Contract notice", "Services",
                "Section I: Contracting authority", "The parties hereby agree to nothing here."]),
        ("en", ["Contract award notice – Results of the procurement procedure", "Tenderers: 4"]),
        ("nl", ["België-Gent: Schoonmaakdiensten", "Aankondiging van een opdracht", "Diensten"]),
        ("nl", ["Aankondiging van een gegunde opdracht", "Resultaten van de aanbestedingsprocedure"]),
        ("sv", ["Sverige-Malmö: Städtjänster", "Meddelande om upphandling", "Tjänster"]),
        ("sv", ["Meddelande om tilldelning av kontrakt", "Avtalet tilldelades leverantören."]),
        ("fr", ["Avis de marché", "Fournitures", "Les soumissionnaires remettent leur offre."]),
        ("fr", ["Avis d'attribution de marché", "Le marché a été attribué."]),
        ("de", ["Deutschland-Köln: Reinigungsdienste", "Auftragsbekanntmachung", "Dienstleistungen"]),
        ("de", ["VERGABEBEKANNTMACHUNG", "Ergebnisse des Vergabeverfahrens"]),
    ],
)
def test_notice_heading_makes_a_notice(lang, lines):
    assert guess_kind(adoc(lines, lang)) == "notice"


@pytest.mark.parametrize(
    ("lang", "lines", "kind"),
    [  # the heading words cited inside other text, or too far down, do not make a notice
        ("en", ["Invitation to tender", "Contract notice reference: 2026/S 012-034567",
                "Tenderers must submit their bids by 1 May."], "tender"),
        ("nl", ["Bestek", "Zie de aankondiging van een opdracht in het Publicatieblad.", "Gunningscriteria"],
         "tender"),
        ("fr", ["Contrat de prestations de services", "Les parties conviennent de ce qui suit.",
                "1. Objet", "2. Durée", "3. Prix", "Avis de marché"], "contract"),
    ],
)
def test_notice_words_elsewhere_do_not_make_a_notice(lang, lines, kind):
    assert guess_kind(adoc(lines, lang)) == kind


# ----------------------------------------------------------------- robustness


def test_empty_document():
    a = adoc([], "en")
    assert find_contract_value(a) is None
    assert find_duration_months(a) is None
    assert guess_kind(a) == "tender"


def test_blank_paragraphs():
    a = adoc(["", "   ", "\n"], "sv")
    assert (find_contract_value(a), find_duration_months(a), guess_kind(a)) == (None, None, "tender")


_WORDS = ["estimated", "value", "turnover", "EUR", "€", "1.250.000", "2,5", "miljoen", "MSEK", "duration",
          "24", "months", "år", "avtalstid", "looptijd", "(", ")", ":", ".", "between", "and", "£1m", "10%", "of",
          "[/F02_2014/OBJECT_CONTRACT/VAL_ESTIMATED_TOTAL]", "the", "Parties", "tender", "\n"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paras=st.lists(st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join), max_size=6),
       lang=st.sampled_from(["en", "nl", "sv"]))
def test_facts_never_raise_on_odd_text(paras, lang):
    a = adoc(paras, lang)
    value = find_contract_value(a)
    if value is not None:
        assert value.amount >= 100 and len(value.currency) == 3
        assert value.location is not None and 1 <= value.location.paragraph <= len(paras)
    months = find_duration_months(a)
    assert months is None or months > 0
    assert guess_kind(a) in ("tender", "contract", "notice")


@pytest.mark.parametrize(
    ("lang", "lines", "amount"),
    [  # an annual value over the contract period, options included (Directive 2014/24/EU art. 5(1))
        ("en", ["Anticipated annual value: EUR 300,000. Contract period: 4 years (2+1+1)."], 1_200_000),
        ("sv", ["Upphandlingens värde beräknas till 2 MSEK per år.", "Avtalstid 2 år med option på förlängning 1+1 år."],
         8_000_000),
        ("fr", ["Le montant annuel estimé est de 200 000 € HT. Durée du marché : 3 ans."], 600_000),
        ("de", ["Geschätzter Jahresauftragswert: 150.000 EUR.",
                "Vertragslaufzeit: 2 Jahre mit Option auf Verlängerung um 1 Jahr."], 450_000),
        ("nl", ["De geraamde jaarlijkse waarde bedraagt € 250.000. De looptijd van de overeenkomst is 4 jaar."],
         1_000_000),
        # no period of at least a year, or not an annual figure: as stated
        ("en", ["The estimated value is EUR 400,000 per year."], 400_000),
        ("en", ["Estimated contract value: EUR 500,000. Contract period: 3 years."], 500_000),
    ],
)
def test_annual_value_over_the_contract_period(lang, lines, amount):
    value = find_contract_value(adoc(lines, lang))
    assert value is not None and value.amount == pytest.approx(amount)
    assert ("annual value over the contract period" in (value.text or "")) is (amount not in (400_000, 500_000))


@pytest.mark.parametrize(
    ("lang", "lines", "amount"),
    [  # a bare participle after the subject ("framework, estimated at ...")
        ("en", ["Highway maintenance framework, estimated at £4.2 million over four years."], 4_200_000),
        ("nl", ["Raamovereenkomst voor groenonderhoud, geraamd op 2,5 miljoen euro."], 2_500_000),
        ("sv", ["Ramavtal för städtjänster, uppskattat till 12 MSEK."], 12_000_000),
        ("de", ["Rahmenvertrag Gebäudereinigung, geschätzt auf 1,5 Mio. EUR."], 1_500_000),
    ],
)
def test_bare_estimated_at(lang, lines, amount):
    value = find_contract_value(adoc(lines, lang))
    assert value is not None and value.amount == pytest.approx(amount)
