"""When a template applies: value/duration limits, settings overrides, kinds, and assess_text."""

from __future__ import annotations

import pytest

from fairtender.catalog.templates import get_template
from fairtender.config import Settings, TemplateLimit
from fairtender.engine.clauses import applicability, assess_text, evaluate_templates, text_document
from fairtender.models import ContractValue, Severity
from fairtender.nlp import analyse

STOCKHOLM = get_template("stockholm")
GHENT = get_template("ghent")


def cv(amount: float, currency: str) -> ContractValue:
    return ContractValue(amount=amount, currency=currency)


@pytest.mark.parametrize("value,months,applies,severity", [
    (cv(1_000_000, "SEK"), 24, "required", Severity.error),
    (cv(500_000, "SEK"), 24, "below-limit", Severity.info),
    (cv(1_000_000, "SEK"), 6, "below-limit", Severity.info),
    (cv(200_000, "EUR"), 12, "required", Severity.error),  # EUR 200,000 is about SEK 2.3 million
    (cv(50_000, "EUR"), 12, "below-limit", Severity.info),
    (None, 24, "unknown", Severity.warning),
    (cv(1_000_000, "SEK"), None, "unknown", Severity.warning),
    (cv(500_000, "SEK"), None, "below-limit", Severity.info),  # below on value whatever the duration
    (cv(1_000_000, "XYZ"), 24, "unknown", Severity.warning),  # no exchange rate
])
def test_stockholm_limits(value, months, applies, severity):
    got = applicability(STOCKHOLM, Settings(), value, months)
    assert got[:2] == (applies, severity)


def test_ghent_limit_and_city_override():
    assert applicability(GHENT, Settings(), cv(20_000, "EUR"), None)[:2] == ("below-limit", Severity.info)
    assert applicability(GHENT, Settings(), cv(40_000, "EUR"), None)[:2] == ("required", Severity.error)
    city = Settings(templates={"ghent": TemplateLimit(min_value=10_000)})
    assert applicability(GHENT, city, cv(20_000, "EUR"), None)[:2] == ("required", Severity.error)
    off = Settings(templates={"stockholm": TemplateLimit(min_value=None, min_duration_months=None)})
    assert applicability(STOCKHOLM, off, None, None)[:2] == ("required", Severity.error)


def test_findings_carry_the_applicability_severity():
    adoc = analyse(text_document("The works start on 1 March."), lang="en")
    _, below = evaluate_templates(adoc, [STOCKHOLM], Settings(), kind="contract",
                                  contract_value=cv(100_000, "SEK"), duration_months=24)
    assert {f.severity for f in below} == {Severity.info}
    assert all("below" in f.message for f in below)
    _, unknown = evaluate_templates(adoc, [STOCKHOLM], Settings(), kind="contract", contract_value=None,
                                    duration_months=None)
    assert {f.severity for f in unknown} == {Severity.warning}
    results, required = evaluate_templates(adoc, [STOCKHOLM], Settings(), kind="contract",
                                           contract_value=cv(2_000_000, "SEK"), duration_months=24)
    assert {f.severity for f in required} == {Severity.error}
    assert results[0].applies == "required" and results[0].missing_severity == Severity.error
    assert required[0].legal_basis.startswith("Förordning (2006:260)")


def test_flanders_exclusion_is_only_info_in_a_contract():
    adoc = analyse(text_document("The works start on 1 March."), lang="en")
    flanders = get_template("flanders")
    _, findings = evaluate_templates(adoc, [flanders], Settings(), kind="contract",
                                     contract_value=cv(100_000, "EUR"), duration_months=None)
    sev = {f.rule: f.severity for f in findings}
    assert sev["clause.flanders.exclusion"] == Severity.info
    assert sev["clause.flanders.sanctions"] == Severity.error


def test_suggestion_quotes_the_model_sentence_in_the_document_language():
    adoc = analyse(text_document("De werken starten op 1 maart."), lang="nl")
    _, findings = evaluate_templates(adoc, [GHENT], Settings(), kind=None, contract_value=None, duration_months=None)
    sub = next(f for f in findings if f.rule == "clause.ghent.subcontractors")
    assert "onderaannemers" in sub.suggestion and sub.suggestion.count('"') == 2


def test_assess_text_report():
    report = """Equality report 2026 - Greenway Landscapes Ltd
Our equality and diversity policy was adopted by the board in 2024.
This year we introduced anonymous CVs in recruitment and advertised all vacancies with the public employment service.
All managers followed a one-day training on unconscious bias.
Staff can file a complaint with our confidential counsellor; two complaints were received and resolved.
"""
    result = assess_text(report)
    present = {e.id.split(".")[-1] for e in result.elements if e.present}
    assert {"policy", "workforce", "training", "complaints"} <= present
    assert "action-plan" not in present and "subcontractors" not in present
    assert result.status == "partial"
    nl = assess_text("Gelijkekansenverslag\nOns actieplan voor volgend jaar bevat drie doelstellingen.", lang="nl")
    assert [e.id for e in nl.elements if e.present] == ["clause.equality-report.action-plan"]
