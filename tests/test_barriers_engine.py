"""The barrier engine: finding fields, sentence scope, negation and permission, non-discrimination
clauses, the no-lots document rule, caching of compiled rules and user rule directories."""

from __future__ import annotations

import textwrap

import pytest

from fairtender.catalog.rules import load_rules
from fairtender.config import Settings
from fairtender.engine.barriers import check_text, evaluate_barriers
from fairtender.engine.evaluators import common
from fairtender.models import ContractValue, Document, Paragraph, Severity
from fairtender.nlp import analyse

RULES = load_rules()


def rules_found(text: str, lang: str, **kw) -> set[str]:
    return {f.rule for f in check_text(text, lang=lang, rules=RULES, **kw)}


def test_finding_fields_point_at_the_words():
    doc = Document(path="t.txt", format="txt", paragraphs=[
        Paragraph(index=1, text="4. Staff", section_path=["4. Staff"], kind="heading"),
        Paragraph(index=2, text="The service runs daily. Interviewers must be native Spanish speakers, as agreed.",
                  page=3, section_path=["4. Staff"]),
    ])
    adoc = analyse(doc, lang="en")
    [f] = [f for f in evaluate_barriers(adoc, RULES, Settings(), None) if f.rule == "barrier.language"]
    assert f.location.paragraph == 2 and f.location.page == 3 and f.location.section == "4. Staff"
    assert f.excerpt == "Interviewers must be native Spanish speakers, as agreed."
    para = doc.paragraphs[1].text
    assert para[f.match.start:f.match.end] == f.match.text == "native Spanish speakers"
    assert f.excerpt[f.match.excerpt_start:f.match.excerpt_end] == f.match.text
    assert f.kind == "barrier" and f.title and f.suggestion and f.legal_basis
    assert '"native Spanish speakers"' in f.message


def test_long_sentence_excerpt_is_trimmed_around_the_match():
    filler = " ".join(["The contractor keeps the premises clean and tidy"] * 12)
    text = f"{filler}, and interviewers must be native Spanish speakers, {filler}."
    [f] = [f for f in check_text(text, lang="en", rules=RULES) if f.rule == "barrier.language"]
    assert len(f.excerpt) <= 320 and f.excerpt.startswith("…") and f.excerpt.endswith("…")
    assert f.excerpt[f.match.excerpt_start:f.match.excerpt_end] == "native Spanish speakers"


def test_exceptions_only_apply_in_the_same_sentence():
    assert "barrier.brand-name" not in rules_found("Supply 20 Lenovo ThinkPad laptops or equivalent.", "en")
    assert "barrier.brand-name" in rules_found("Supply 20 Lenovo ThinkPad laptops. Other items may be equivalent.",
                                               "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Consortia are allowed and tenderers may rely on the capacities of other entities."),
    ("en", "We do not require a local office."),
    ("en", "No minimum turnover is required."),
    ("nl", "Combinaties van ondernemers zijn toegelaten."),
    ("nl", "Een kantoor in de gemeente is niet vereist; de opdrachtnemer is tijdens de uitvoering binnen 4 uur ter plaatse."),
    ("sv", "Gemensamma anbud är tillåtet och underleverantörer får anlitas."),
    ("fr", "Le groupement d'entreprises est autorisé et la sous-traitance est admise."),
    ("de", "Die Bildung von Bietergemeinschaften ist zulässig; Nachunternehmer dürfen eingesetzt werden."),
])
def test_permission_and_negation_are_not_barriers(lang, text):
    assert not {r for r in rules_found(text, lang) if r.startswith("barrier.")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Provider will not tolerate discrimination on the basis of age, nationality, language or disability."),
    ("nl", "De opdrachtnemer discrimineert niet op grond van leeftijd, nationaliteit, taal of handicap."),
    ("sv", "Leverantören får inte diskriminera på grund av ålder, nationalitet, språk eller funktionsnedsättning."),
    ("fr", "Le titulaire s'interdit toute discrimination fondée sur l'âge, la nationalité, la langue ou le handicap."),
    ("de", "Niemand darf wegen des Alters, der Staatsangehörigkeit, der Sprache oder einer Behinderung benachteiligt werden."),
])
def test_non_discrimination_clauses_are_not_barriers(lang, text):
    assert not rules_found(text, lang) & {"barrier.age", "barrier.nationality", "barrier.language", "barrier.health"}


def test_no_lots_needs_value_above_limit_and_no_reason():
    statement = "The contract is not divided into lots."
    assert "barrier.no-lots" in rules_found(f"Estimated value: EUR 2,000,000.\n{statement}", "en")
    assert "barrier.no-lots" not in rules_found(f"Estimated value: EUR 900,000.\n{statement}", "en")
    assert "barrier.no-lots" not in rules_found(statement, "en")  # value unknown: cannot say
    reason = "Reasons for not dividing into lots: the works form one technical unit."
    assert "barrier.no-lots" not in rules_found(f"Estimated value: EUR 2,000,000.\n{statement}\n{reason}", "en")
    # the limit is a setting, converted from the document's currency
    sek = ContractValue(amount=15_000_000, currency="SEK", source="cli")
    assert "barrier.no-lots" in rules_found(statement, "en", contract_value=sek)
    assert "barrier.no-lots" not in rules_found(statement, "en", contract_value=sek,
                                                settings=Settings(lots_value=2_000_000))


def test_no_lots_message_has_value_and_limit():
    [f] = [f for f in check_text("Estimated value: GBP 3,000,000.\nThe procurement comprises a single lot.",
                                 lang="en", rules=RULES) if f.rule == "barrier.no-lots"]
    assert "GBP 3,000,000" in f.message and "EUR" in f.message and f.severity == Severity.warning


def test_lead_in_sentence_supplies_the_requirement():
    text = ("Estimated value (excl. VAT): EUR 100,000.\nMinimum requirements:\n"
            "(ii) turnover of EUR 1,000,000 in the last financial year.")
    assert "barrier.turnover" in rules_found(text, "en")


def test_compiled_rules_are_cached_per_language_and_content():
    adoc = analyse(Document(path="x", format="txt", paragraphs=[Paragraph(index=1, text="Hello.")]), lang="en")
    a = common.compiled_rules(adoc, RULES)
    assert common.compiled_rules(adoc, list(RULES)) is a
    changed = [r.model_copy(update={"message": "x"}) if r.id == "barrier.age" else r for r in RULES]
    for r in changed:
        r._fingerprint = None
    assert common.compiled_rules(adoc, changed) is not a


def test_user_rule_directory_rule_runs(tmp_path):
    d = tmp_path / "rules"
    d.mkdir()
    (d / "parking.yaml").write_text(textwrap.dedent("""
        id: city.parking
        title: Parking permit demanded
        severity: info
        kind: pattern
        message: "Parking permit: {match}"
        patterns:
          en: [(resident|residents) parking permit]
    """), encoding="utf-8")
    rules = load_rules([d])
    found = check_text("Bidders must hold a resident parking permit.", lang="en", rules=rules)
    assert [(f.rule, f.severity, f.message) for f in found] == [
        ("city.parking", Severity.info, "Parking permit: resident parking permit")]


def test_empty_document_and_no_rules():
    adoc = analyse(Document(path="x", format="txt", paragraphs=[]), lang="en")
    assert evaluate_barriers(adoc, RULES, Settings(), None) == []
    adoc = analyse(Document(path="x", format="txt", paragraphs=[Paragraph(index=1, text="Native speakers only.")]),
                   lang="en")
    assert evaluate_barriers(adoc, [], Settings(), None) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [  # two demands in one sentence: one rule's exception word is part of the other demand
        ("fr", "Le parquet posé est de marque Tarkett et le bois doit être certifié PEFC.",
         {"barrier.brand-name", "barrier.certificate-no-equivalent"}),
        ("de", "Der Bieter muss seit mindestens zehn Jahren am Markt tätig sein und mindestens 80 Mitarbeiter "
               "beschäftigen.", {"barrier.years-established", "barrier.firm-size"}),
        # ... or stands after a semicolon, in another obligation
        ("de", "Die Heizungsanlage ist mit einem Viessmann Vitodens 200-W auszustatten; der Installateur muss nach "
               "ISO 9001 zertifiziert sein.", {"barrier.brand-name", "barrier.certificate-no-equivalent"}),
        # the exception still holds for its own demand
        ("fr", "Le produit doit être certifié NF ou équivalent.", set()),
        ("de", "Der Bieter muss seit mindestens zehn Jahren am Markt tätig sein.", {"barrier.years-established"}),
    ],
)
def test_an_exception_belongs_to_its_own_demand(lang, text, expected):
    assert rules_found(text, lang) == expected


def test_an_exception_about_the_same_demand_still_holds():
    # the brand is what the experience is about: no "and" joins two demands here
    text = "Konsulten ska ha minst tio (10) års erfarenhet av uppdrag inom Microsoft infrastrukturplattform."
    assert "barrier.brand-name" not in rules_found(text, "sv")
