"""Every model text, rendered and inserted, is recognised as complete in its own language (all pairs)."""

from __future__ import annotations

import docx
import pytest

from fairtender.catalog.templates import load_templates
from fairtender.clause_text import render_clause
from fairtender.config import Settings
from fairtender.engine.clauses import evaluate_templates, text_document
from fairtender.insert import insert_clause
from fairtender.nlp import analyse

TEMPLATES = load_templates([])
PAIRS = [(t.id, lang) for t in TEMPLATES for lang in t.languages]
CLAUSE_PAIRS = [(t.id, lang) for t in TEMPLATES if t.purpose == "clause" for lang in t.languages]
T = {t.id: t for t in TEMPLATES}

INTRO = {
    "en": ("1. Subject", "The contract covers the cleaning of the town hall."),
    "nl": ("1. Voorwerp", "De opdracht betreft de schoonmaak van het stadhuis."),
    "sv": ("1 Omfattning", "Avtalet omfattar städning av stadshuset."),
    "fr": ("1. Objet", "Le marché porte sur le nettoyage de l'hôtel de ville."),
    "de": ("1. Gegenstand", "Der Auftrag umfasst die Reinigung des Rathauses."),
}


def test_all_fifteen_clause_pairs_are_covered():
    assert len(CLAUSE_PAIRS) == 15


@pytest.mark.parametrize("tid,lang", PAIRS, ids=[f"{t}-{lang}" for t, lang in PAIRS])
def test_rendered_model_text_is_complete(tid, lang):
    text = render_clause(T[tid], lang, authority="X").as_text()
    assert "{" not in text
    adoc = analyse(text_document(text), lang=lang)
    (result,), findings = evaluate_templates(adoc, [T[tid]], Settings(), kind=None, contract_value=None,
                                             duration_months=None)
    assert result.status == "complete", [e.id for e in result.elements if not e.present]
    assert findings == []


@pytest.mark.parametrize("tid,lang", PAIRS, ids=[f"{t}-{lang}" for t, lang in PAIRS])
def test_each_element_alone_is_recognised_under_the_heading(tid, lang):
    """A partial insert adds single elements: each must stand on its own."""
    for el in T[tid].elements:
        text = render_clause(T[tid], lang, elements=[el.id]).as_text()
        adoc = analyse(text_document(text), lang=lang)
        (result,), _ = evaluate_templates(adoc, [T[tid]], Settings(), kind=None, contract_value=None,
                                          duration_months=None)
        assert el.id in {e.id for e in result.elements if e.present}


@pytest.mark.parametrize("tid,lang", CLAUSE_PAIRS, ids=[f"{t}-{lang}" for t, lang in CLAUSE_PAIRS])
def test_inserted_model_text_is_complete(tid, lang, tmp_path):
    d = docx.Document()
    title, body = INTRO[lang]
    d.add_paragraph(title, style="Heading 1")
    d.add_paragraph(body)
    src = tmp_path / f"c-{lang}.docx"
    d.save(src)
    result = insert_clause(src, tid, tmp_path / "out.docx", lang=lang, authority="Stad Gent")
    assert result.verified and result.status_after == "complete"


@pytest.mark.parametrize("lang", ["en", "nl", "sv", "fr", "de"])
def test_report_elements_are_told_apart(lang):
    """The register builds and assesses reports from single sections: each must count as itself only."""
    from fairtender.engine.clauses import assess_text

    report = T["equality-report"]
    for el in report.elements:
        result = assess_text(render_clause(report, lang, elements=[el.id]).as_text(), lang=lang)
        assert [e.id for e in result.elements if e.present] == [el.id]
