"""False positives found by the by-hand review of real tenders, fixed in the rule data.

Paraphrased (not copied) from the review: a brand naming the object the buyer SELLS
or the reason for a negotiated award / exclusive rights is not a specification, and
alternative schemes, an "other evidence" route, a statutory authorisation with its
legal basis, or an EN 10204 inspection document is not a label demand. Each case is
paired with a near sentence that must still fire, so the exception cannot swallow the rule.
"""

from __future__ import annotations

import pytest

from fairtender.catalog.rules import load_rules
from fairtender.engine.barriers import check_text

RULES = load_rules()
BRAND = "barrier.brand-name"
CERT = "barrier.certificate-no-equivalent"


def fires(rule_id: str, text: str, lang: str) -> bool:
    return rule_id in {f.rule for f in check_text(text, lang=lang, rules=RULES)}


BRAND_NEGATIVE = [
    ("nl", "Verkoop van een gebruikte motorfiets BMW en een vrachtwagen Scania."),
    ("en", "Sale of two used Volvo trucks from the municipal depot."),
    ("fr", "Vente de trois véhicules Renault déclassés par la commune."),
    ("sv", "Försäljning av en begagnad Volvo lastbil från kommunen."),
    ("de", "Verkauf von zwei ausgemusterten Mercedes Transportern."),
    ("nl", "Geen andere partij kan ingrepen uitvoeren, aangezien Siemens anders de werking van de installatie niet langer garandeert."),
    ("nl", "Het contract wordt gegund aan Siemens, dat exclusieve rechten heeft op de software."),
    ("en", "The contract is awarded to Siemens because it holds exclusive rights to the control software."),
    ("fr", "Le marché est attribué à Siemens, qui détient des droits exclusifs sur le logiciel."),
    ("sv", "Kontraktet tilldelas Siemens som har ensamrätt till styrprogramvaran."),
    ("de", "Der Auftrag wird an Siemens vergeben, da Siemens Ausschließlichkeitsrechte an der Software besitzt."),
]

BRAND_POSITIVE = [
    ("nl", "Levering van een motorfiets BMW voor de politie."),
    ("en", "Supply of two Volvo trucks for the municipal depot."),
    ("fr", "Fourniture de trois véhicules Renault pour la commune."),
    ("sv", "Leverans av en Volvo lastbil till kommunen."),
    ("de", "Lieferung von zwei Mercedes Transportern."),
]

CERT_NEGATIVE = [
    ("en", "All timber shall be FSC or PEFC certified."),
    ("en", "The invoice shall state Category A (FSC certified) or Category B evidence for each timber product."),
    ("nl", "Het hout is gecertificeerd met een FSC- of PEFC-label."),
    ("nl", "Het papier is gecertificeerd met het FSC-keurmerk of het PEFC-keurmerk."),
    ("sv", "Virket ska vara certifierat enligt FSC eller PEFC."),
    ("fr", "Le bois doit être certifié FSC ou PEFC."),
    ("de", "Das Holz muss FSC oder PEFC zertifiziert sein."),
    ("de", "Der Bieter muss über ein VCA-Zertifikat nach § 12 Absatz 3 der Gefahrstoffverordnung verfügen."),
    ("de", "Erforderlich ist ein VCA-Zertifikat gemäß Arbeitsschutzgesetz."),
    ("fr", "Le titulaire doit détenir la certification MASE conformément à l'arrêté du 12 mai 2020."),
    ("sv", "Leverantören ska inneha VCA-certifikat enligt förordning (2011:927)."),
    ("en", "Each delivery comes with inspection certificates 3.1 to BS EN 10204."),
    ("de", "Als Nachweis sind für alle Stahlteile Abnahmeprüfzeugnisse 3.1 nach DIN EN 10204 vorzulegen."),
    ("en", "The contractor shall hold a CHAS certificate as required under section 3 of the Health and Safety Act."),
    ("nl", "De aannemer beschikt over een VCA-certificaat overeenkomstig het Koninklijk Besluit van 2015."),
]

CERT_POSITIVE = [
    ("en", "All timber shall be FSC certified."),
    ("nl", "Het papier is gecertificeerd met het FSC-keurmerk."),
    ("nl", "De aannemer beschikt over een VCA-certificaat."),
    ("en", "The contractor shall hold a CHAS certificate."),
    ("en", "The supplier shall hold a certificate to BS EN 1090 for steel structures."),
    ("sv", "Virket ska vara certifierat enligt FSC."),
    ("fr", "Le bois doit être certifié FSC."),
    ("de", "Das Holz muss FSC zertifiziert sein."),
    ("de", "Der Bieter muss über ein VCA-Zertifikat verfügen."),
    ("fr", "Le titulaire doit détenir la certification MASE."),
    ("en", "The supplier shall hold ISO 9001 certification."),
    ("de", "Der Auftragnehmer muss nach DIN EN ISO 9001 zertifiziert sein."),
]


@pytest.mark.parametrize(("lang", "text"), BRAND_NEGATIVE)
def test_brand_sold_or_justified_is_not_a_barrier(lang: str, text: str) -> None:
    assert not fires(BRAND, text, lang), text


@pytest.mark.parametrize(("lang", "text"), BRAND_POSITIVE)
def test_brand_in_a_supply_still_fires(lang: str, text: str) -> None:
    assert fires(BRAND, text, lang), text


@pytest.mark.parametrize(("lang", "text"), CERT_NEGATIVE)
def test_certificate_with_alternatives_or_legal_basis_is_not_a_barrier(lang: str, text: str) -> None:
    assert not fires(CERT, text, lang), text


@pytest.mark.parametrize(("lang", "text"), CERT_POSITIVE)
def test_single_certificate_still_fires(lang: str, text: str) -> None:
    assert fires(CERT, text, lang), text


SALE_DOCUMENTS = [
    ("nl", "Verkooop van een gebruikte moto BMW.\n\nInlichtingen over de verkoopprocedure: zie de website."),
    ("en", "Disposal of a used BMW motorbike.\n\nThe sale procedure is described on our website."),
    ("fr", "Cession d'un camion Renault.\n\nLa procédure de vente est décrite sur notre site."),
    ("sv", "En begagnad Volvo lastbil.\n\nFörsäljningsförfarandet beskrivs på vår webbplats."),
    ("de", "Abgabe eines Mercedes Transporters.\n\nDie Versteigerung erfolgt online."),
]


@pytest.mark.parametrize(("lang", "text"), SALE_DOCUMENTS)
def test_brand_in_a_sale_document_is_not_a_barrier(lang: str, text: str) -> None:
    """A notice whose subject is a sale (even with a misspelt title) names goods sold, not asked for."""
    assert not fires(BRAND, text, lang), text


def test_an_e_auction_to_buy_still_fires() -> None:
    text = "Supply of two Volvo trucks.\n\nThe award uses an electronic auction."
    assert fires(BRAND, text, "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le soumissionnaire prouve sa qualité par la certification ISO 9001 et/ou ISO 14001."),
    ("en", "The supplier shall hold ISO 9001 or ISO 14001 certification."),
])
def test_two_iso_standards_are_not_alternative_labels(lang: str, text: str) -> None:
    """Quality and environmental standards side by side are two demands, not equivalents of one another."""
    assert fires(CERT, text, lang), text
