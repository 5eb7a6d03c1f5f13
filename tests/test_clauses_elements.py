"""Every element of every template in every language: present (paraphrased), absent, distractors."""

from __future__ import annotations

import pytest

from clause_cases import (
    CUE_STATEMENTS,
    CUE_WITHOUT_GROUNDS,
    DISTRACTORS,
    FALSE_POSITIVES,
    GROUND_SYNONYMS,
    GROUND_TEXTS,
    GROUNDS_ELSEWHERE,
    PRESENT,
    SINGLE,
    STATEMENT,
)
from fairtender.catalog.templates import load_templates
from fairtender.config import Settings
from fairtender.engine.clauses import evaluate_templates, text_document
from fairtender.nlp import analyse

LANGS = ["en", "nl", "sv", "fr", "de"]
TEMPLATES = {t.id: t for t in load_templates([])}


def _result(template_id: str, lang: str, text: str):
    adoc = analyse(text_document(text), lang=lang)
    results, findings = evaluate_templates(adoc, [TEMPLATES[template_id]], Settings(), kind=None,
                                           contract_value=None, duration_months=None)
    return results[0], findings


def _cases(kind: str):
    for tid in ("ghent", "stockholm", "flanders"):
        for lang in LANGS:
            for el in TEMPLATES[tid].elements:
                yield pytest.param(tid, lang, el.id, id=f"{kind}-{lang}-{el.id}")


@pytest.mark.parametrize("tid,lang,element", list(_cases("present")))
def test_element_present_in_paraphrase(tid, lang, element):
    result, _ = _result(tid, lang, PRESENT[(tid, lang)])
    el = next(e for e in result.elements if e.id == element)
    assert el.present, f"{element} not recognised in the {lang} paraphrase"
    assert el.location is not None and el.location.paragraph >= 2


@pytest.mark.parametrize("tid,lang,element", list(_cases("distractor")))
def test_element_absent_in_distractor(tid, lang, element):
    result, _ = _result(tid, lang, DISTRACTORS[(tid, lang)])
    el = next(e for e in result.elements if e.id == element)
    assert not el.present, f"{element} wrongly found in the {lang} distractor: {el.excerpt}"


@pytest.mark.parametrize("tid", ["ghent", "stockholm", "flanders"])
@pytest.mark.parametrize("lang", LANGS)
def test_unrelated_text_is_absent_with_a_finding_per_element(tid, lang):
    text = {"en": "The works start on 1 March.", "nl": "De werken starten op 1 maart.",
            "sv": "Arbetena börjar den 1 mars.", "fr": "Les travaux commencent le 1er mars.",
            "de": "Die Arbeiten beginnen am 1. März."}[lang]
    result, findings = _result(tid, lang, text)
    assert result.status == "absent"
    assert {f.rule for f in findings} == {e.id for e in TEMPLATES[tid].elements}
    for f in findings:
        assert f.kind == "clause" and f.template == tid and f.location is None
        assert f.suggestion.startswith("Add") and '"' in f.suggestion
        assert f.legal_basis


@pytest.mark.parametrize("lang,phrase,ground", GROUND_SYNONYMS,
                         ids=[f"{lang}-{phrase}" for lang, phrase, _ in GROUND_SYNONYMS])
def test_ground_synonyms(lang, phrase, ground):
    result, _ = _result("ghent", lang, STATEMENT[lang].format(g=phrase))
    assert ground in result.grounds.found, f"'{phrase}' not read as {ground}"


@pytest.mark.parametrize("lang,text,ground,expected", GROUND_TEXTS,
                         ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(GROUND_TEXTS)])
def test_ground_names_in_statements(lang, text, ground, expected):
    result, _ = _result("ghent", lang, text)
    assert (ground in result.grounds.found) is expected, f"{ground} in {result.grounds.found}: {text}"


def test_grounds_only_count_inside_a_non_discrimination_statement():
    text = "The Contractor's staff shall be in good health and speak the language of the users.\n" \
           "Tenderers state their nationality and age."
    result, _ = _result("ghent", "en", text)
    assert result.grounds.found == []
    assert not next(e for e in result.elements if e.id == "clause.ghent.grounds").present


def test_grounds_listed_as_items_after_an_introduction():
    text = ("Non-discrimination\nThe Contractor shall not discriminate on any of the following grounds:\n"
            "sex;\nnationality;\nage;\ndisability.\nPayment\nInvoices are paid within 30 days.")
    result, _ = _result("ghent", "en", text)
    assert set(result.grounds.found) == {"gender", "nationality", "age", "disability"}


def test_missing_grounds_give_a_finding_naming_them():
    text = "The Contractor shall not discriminate on grounds of sex, age or disability."
    result, findings = _result("ghent", "en", text)
    grounds = next(f for f in findings if f.rule == "clause.ghent.grounds")
    assert "nationality" in grounds.message and "social origin" in grounds.message
    assert result.status == "partial"


def test_partial_clause_findings_point_at_the_clause():
    text = "Equal treatment\nThe Supplier shall comply with anti-discrimination legislation."
    result, findings = _result("stockholm", "en", text)
    assert result.status == "partial"
    missing = {f.rule for f in findings}
    assert missing == {"clause.stockholm.reporting", "clause.stockholm.subcontractors", "clause.stockholm.termination"}
    assert all(f.location is not None and f.location.paragraph == 2 for f in findings)


def test_off_topic_sentence_under_a_discrimination_heading_does_not_count():
    text = ("Non-discrimination\nThe Contractor shall not discriminate against anyone.\n"
            "The Contractor shall require its subcontractors to keep personal data confidential.")
    result, _ = _result("ghent", "en", text)
    assert not next(e for e in result.elements if e.id == "clause.ghent.subcontractors").present


def test_semicolon_clauses_keep_obligations_apart():
    text = ("The Contractor shall respect anti-discrimination law; the Authority may terminate the contract "
            "for late delivery; subcontractors must be approved in advance.")
    result, _ = _result("stockholm", "en", text)
    present = {e.id for e in result.elements if e.present}
    assert "clause.stockholm.legal-compliance" in present
    assert "clause.stockholm.subcontractors" not in present


@pytest.mark.parametrize("lang,tid,text,element,expected", SINGLE,
                         ids=[f"{c[0]}-{c[1]}-{c[3]}-{i}" for i, c in enumerate(SINGLE)])
def test_single_obligations(lang, tid, text, element, expected):
    result, _ = _result(tid, lang, text)
    el = next(e for e in result.elements if e.id == f"clause.{tid}.{element}")
    assert el.present is expected


def test_one_ground_in_passing_is_not_a_grounds_list():
    result, _ = _result("ghent", "en", "The Contractor shall comply with gender equality law.")
    assert result.grounds.found == [] and len(result.grounds.missing) == 13


def test_matchers_are_compiled_once_per_process_and_language():
    from fairtender.engine.clauses import compiled
    from fairtender.nlp import get_nlp

    templates = list(TEMPLATES.values())
    first = compiled(templates, get_nlp("sv"), "sv")
    assert compiled(templates, get_nlp("sv"), "sv") is first
    assert compiled(templates, get_nlp("nl"), "nl") is not first


@pytest.mark.parametrize("lang,text,tids,elements", FALSE_POSITIVES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(FALSE_POSITIVES)])
def test_other_senses_of_equality_are_not_clause_elements(lang, text, tids, elements):
    """Tie-breaks, equal treatment of tenderers, diversity of premises, community benefits: no element."""
    for tid in tids:
        result, _ = _result(tid, lang, text)
        wrong = [e.id for e in result.elements
                 if e.present and e.id.rsplit(".", 1)[1] in elements]
        assert not wrong, f"{wrong} wrongly found in: {text}"


@pytest.mark.parametrize("lang,text", CUE_STATEMENTS, ids=[c[0] for c in CUE_STATEMENTS])
def test_a_regardless_of_statement_with_grounds_sets_the_context(lang, text):
    result, _ = _result("ghent", lang, text)
    present = {e.id for e in result.elements if e.present}
    assert {"clause.ghent.accessibility", "clause.ghent.subcontractors"} <= present, present
    assert {"gender", "age", "disability"} <= set(result.grounds.found)


@pytest.mark.parametrize("lang,text", CUE_WITHOUT_GROUNDS, ids=[c[0] for c in CUE_WITHOUT_GROUNDS])
def test_regardless_of_without_grounds_sets_no_context(lang, text):
    result, _ = _result("ghent", lang, text)
    assert not any(e.present for e in result.elements)


@pytest.mark.parametrize("lang,text,absent", GROUNDS_ELSEWHERE, ids=[c[0] for c in GROUNDS_ELSEWHERE])
def test_grounds_come_from_the_statement_not_the_next_paragraph(lang, text, absent):
    result, _ = _result("ghent", lang, text)
    assert {"gender", "disability"} <= set(result.grounds.found)
    assert not set(absent) & set(result.grounds.found), result.grounds.found
