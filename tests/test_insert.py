"""``insert``: placement, numbering, styles, partial completion, idempotence, verification, refusals."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

from cli_helpers import run
from fairtender.errors import UsageError
from fairtender.insert import insert_clause
from fairtender.readers import read_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _build(path: Path, sections: list[tuple[str, list[str]]], *, heading_font: str = "Georgia",
           body_style: str = "Contract Body") -> Path:
    """A contract with numbered Heading 1 sections (bold Georgia runs) and a custom body style."""
    d = docx.Document()
    if body_style not in [s.name for s in d.styles]:
        st = d.styles.add_style(body_style, WD_STYLE_TYPE.PARAGRAPH)
        st.font.size = Pt(10.5)
    for title, paras in sections:
        h = d.add_paragraph(style="Heading 1")
        run_ = h.add_run(title)
        run_.bold = True
        run_.font.name = heading_font
        for text in paras:
            p = d.add_paragraph(style=body_style)
            r = p.add_run(text)
            r.font.size = Pt(10.5)
    d.save(path)
    return path


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _texts(path: Path) -> list[tuple[str, str, str]]:
    return [(p.kind, p.style or "", p.text) for p in read_document(path).paragraphs]


NL_SECTIONS = [
    ("1. Voorwerp van de opdracht", ["De opdracht betreft het onderhoud van de groenzones van de stad."]),
    ("2. Uitvoeringsvoorwaarden", ["De opdrachtnemer voert de werken uit volgens de regels van de kunst.",
                                   "De werken worden uitgevoerd tussen 7 en 18 uur."]),
    ("3. Betaling", ["De facturen worden binnen 30 dagen betaald."]),
]


def test_inserts_after_the_execution_section_with_a_free_letter_number(tmp_path):
    src = _build(tmp_path / "contract-nl.docx", NL_SECTIONS)
    before = _sha(src)
    out = tmp_path / "out.docx"
    result = insert_clause(src, "ghent", out, authority="Stad Gent")
    assert result.status == "inserted" and result.verified and result.status_after == "complete"
    assert result.position == "after-section" and result.anchor == "2. Uitvoeringsvoorwaarden"
    texts = [t for _, _, t in _texts(out)]
    i = texts.index("2a. Non-discriminatieclausule")  # "3." is taken: the user's numbering is kept
    assert texts[i - 1] == "De werken worden uitgevoerd tussen 7 en 18 uur."
    assert texts[i + 6] == "3. Betaling"
    assert _sha(src) == before, "the input must never change"


def test_continues_numbering_at_the_end_when_no_execution_section(tmp_path):
    src = _build(tmp_path / "c.docx", [("1. Scope", ["The Contractor cleans the offices."]),
                                       ("7. Payment", ["Invoices are paid within 30 days."])])
    out = tmp_path / "out.docx"
    result = insert_clause(src, "stockholm", out, authority="the City")
    assert result.position == "end" and result.verified
    paras = _texts(out)
    assert paras[-5][2] == "8. Anti-discrimination conditions"
    assert "the City may terminate the contract" in paras[-1][2]
    body = docx.Document(str(out)).element.body
    assert body[-1].tag == f"{W}sectPr", "the section properties stay the last element of the body"


def test_styles_of_heading_and_body_are_reused(tmp_path):
    src = _build(tmp_path / "c.docx", NL_SECTIONS)
    out = tmp_path / "out.docx"
    insert_clause(src, "flanders", out)
    d = docx.Document(str(out))
    new = next(p for p in d.paragraphs if p.text.endswith("Non-discriminatie"))
    assert new.style.name == "Heading 1"
    assert new.runs[0].bold and new.runs[0].font.name == "Georgia"
    i = [p._p for p in d.paragraphs].index(new._p)
    clause_paras = d.paragraphs[i + 1:i + 6]
    assert all(p.style.name == "Contract Body" for p in clause_paras)
    assert all(p.runs[0].font.size == Pt(10.5) for p in clause_paras)


def test_last_subsection_of_the_execution_section_on_the_fixture(tmp_path):
    src = FIXTURES / "contract-no-clause-en.docx"
    out = tmp_path / "out.docx"
    result = insert_clause(src, "ghent", out)
    assert result.position == "in-section" and result.heading == "5.4 Non-discrimination clause"
    paras = read_document(out).paragraphs
    new = next(p for p in paras if p.text == "5.4 Non-discrimination clause")
    assert new.kind == "heading" and new.heading_level == 2 and new.style == "Heading 2"
    assert paras[new.index].section_path[-1] == "5.4 Non-discrimination clause"
    assert paras[new.index + 5].text == "6. Subcontracting"


def test_after_option_names_the_heading(tmp_path):
    src = _build(tmp_path / "c.docx", NL_SECTIONS)
    out = tmp_path / "out.docx"
    result = insert_clause(src, "stockholm", out, after="Betaling")
    assert result.anchor == "3. Betaling" and result.heading.startswith("4. ")
    with pytest.raises(UsageError, match="no heading matching"):
        insert_clause(src, "stockholm", tmp_path / "o2.docx", after="Nonexistent heading")


def test_idempotent_second_insert_writes_nothing(tmp_path):
    src = _build(tmp_path / "c.docx", NL_SECTIONS)
    out = tmp_path / "out.docx"
    insert_clause(src, "ghent", out)
    again = tmp_path / "again.docx"
    result = insert_clause(out, "ghent", again)
    assert result.status == "already-complete" and result.output is None
    assert not again.exists()


def test_partial_clause_gets_only_the_missing_elements(tmp_path):
    src = FIXTURES / "contract-stockholm-partial-sv.docx"
    out = tmp_path / "out.docx"
    n_before = len(read_document(src).paragraphs)
    result = insert_clause(src, "stockholm", out)
    assert result.status == "completed" and result.verified
    assert result.inserted_elements == ["clause.stockholm.subcontractors", "clause.stockholm.termination"]
    paras = read_document(out).paragraphs
    assert len(paras) == n_before + 2
    added = [p for p in paras if p.text.startswith(("Leverantören ansvarar för att underleverantörer", "Om Leverantören inte"))]
    assert len(added) == 2
    assert all(p.section_path[-1].startswith("5.2 Särskilda kontraktsvillkor") for p in added)


def test_verification_failure_is_reported(tmp_path, monkeypatch, capsys):
    import fairtender.clause_text as ct

    real = ct.render_clause

    def broken(*args, **kwargs):
        clause = real(*args, **kwargs)
        for p in clause.paragraphs:
            p.text = "The parties meet once a month."
        clause.heading = "Meetings"
        return clause

    monkeypatch.setattr(ct, "render_clause", broken)
    src = _build(tmp_path / "c.docx", NL_SECTIONS)
    result = insert_clause(src, "ghent", tmp_path / "out.docx")
    assert result.verified is False and result.status_after == "absent"
    r = run(capsys, "insert", str(src), "--template", "ghent", "--output", str(tmp_path / "cli.docx"))
    assert r.code == 1 and "Verification FAILED" in r.err


def test_refusals(tmp_path):
    src = _build(tmp_path / "c.docx", NL_SECTIONS)
    with pytest.raises(UsageError, match="refusing to overwrite"):
        insert_clause(src, "ghent", src)
    with pytest.raises(UsageError, match="refusing to overwrite"):
        insert_clause(src, "ghent", tmp_path / "." / "c.docx")
    txt = tmp_path / "c.txt"
    txt.write_text("hello", encoding="utf-8")
    with pytest.raises(UsageError, match=r"\.docx"):
        insert_clause(txt, "ghent", tmp_path / "o.docx")
    with pytest.raises(UsageError, match="unknown template"):
        insert_clause(src, "nope", tmp_path / "o.docx")
    with pytest.raises(UsageError, match="no such file"):
        insert_clause(tmp_path / "missing.docx", "ghent", tmp_path / "o.docx")


def test_cli_insert_docx_markdown_and_errors(tmp_path, capsys):
    src = FIXTURES / "contract-no-clause-en.docx"
    out = tmp_path / "o.docx"
    r = run(capsys, "insert", str(src), "--template", "stockholm", "--authority", "City of Northbridge",
            "--output", str(out))
    assert r.code == 0 and "Verified" in r.out and out.is_file()
    r = run(capsys, "insert", str(out), "--template", "stockholm", "--output", str(tmp_path / "o2.docx"))
    assert r.code == 0 and "already contains" in r.out and not (tmp_path / "o2.docx").exists()
    r = run(capsys, "insert", str(src), "--template", "stockholm", "--format", "markdown", "--authority", "City X")
    assert r.code == 0 and r.out.startswith("## Anti-discrimination conditions") and "City X may terminate" in r.out
    r = run(capsys, "insert", str(FIXTURES / "contract-stockholm-partial-sv.docx"), "--template", "stockholm",
            "--format", "text")
    assert r.code == 0 and "missing elements: subcontractors, termination" in r.err
    assert "häva avtalet" in r.out and "diskrimineringslagen (2008:567)" not in r.out
    r = run(capsys, "insert", str(src), "--template", "stockholm")
    assert r.code == 2 and "--output is required" in r.err
    r = run(capsys, "insert", str(src), "--template", "stockholm", "--output", str(src))
    assert r.code == 2 and r.err.startswith("fairtender:") and "Traceback" not in r.err


def test_word_numbered_headings_keep_their_numbering_and_get_no_text_number(tmp_path):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    for title, body in [("Scope", "The contractor cleans the offices."), ("Contract execution", "Work starts at 7."),
                        ("Payment", "Invoices are paid within 30 days.")]:
        h = d.add_paragraph(title, style="Heading 1")
        numpr = OxmlElement("w:numPr")
        for tag, val in (("w:ilvl", "0"), ("w:numId", "1")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            numpr.append(el)
        h._p.get_or_add_pPr().append(numpr)
        d.add_paragraph(body)
    src = tmp_path / "auto.docx"
    d.save(src)
    out = tmp_path / "out.docx"
    result = insert_clause(src, "stockholm", out)
    assert result.heading == "Anti-discrimination conditions" and result.anchor == "Contract execution"
    new = next(p for p in docx.Document(str(out)).paragraphs if p.text == "Anti-discrimination conditions")
    assert new._p.pPr.numPr is not None and new._p.pPr.numPr.numId.val == 1
    assert result.verified
