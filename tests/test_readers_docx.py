"""The .docx reader: reading order, tables (nested, merged), text boxes, headings, lists, xml_path."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from lxml import etree

from fairtender.readers import read_bytes, read_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _save(d, path: Path) -> Path:
    d.save(str(path))
    return path


def _by_text(doc, text):
    hits = [p for p in doc.paragraphs if p.text == text]
    assert hits, f"no paragraph {text!r} in {[p.text for p in doc.paragraphs]}"
    return hits[0]


def test_fixture_tender_reading_order_sections_and_table_cells():
    doc = read_document(FIXTURES / "tender-cleaning-en.docx")
    assert doc.format == "docx" and doc.pages is None
    assert [p.index for p in doc.paragraphs] == list(range(1, len(doc.paragraphs) + 1))
    turnover = next(p for p in doc.paragraphs if "minimum annual turnover of EUR 1,000,000" in p.text)
    assert turnover.kind == "table-cell"
    assert turnover.section_path == ["4. Selection criteria", "4.2 Economic and financial standing"]
    # the table sits between the paragraph before it and the heading after it
    lead = next(p for p in doc.paragraphs if p.text.startswith("The tenderer shall meet the following criteria"))
    nxt = _by_text(doc, "4.3 Technical and professional ability")
    assert lead.index < turnover.index < nxt.index
    heading = _by_text(doc, "4.2 Economic and financial standing")
    assert heading.kind == "heading" and heading.heading_level == 2
    assert heading.section_path == ["4. Selection criteria"]  # a heading carries its parents only
    title = doc.paragraphs[0]
    assert title.kind == "heading" and title.heading_level == 0 and title.style == "Title"
    assert all(title.text not in p.section_path for p in doc.paragraphs)
    assert len(doc.sha256) == 64 and doc.size_bytes == (FIXTURES / "tender-cleaning-en.docx").stat().st_size


@pytest.mark.parametrize("name", ["contract-no-clause-en.docx", "contract-stockholm-partial-sv.docx"])
def test_fixture_contracts_have_styled_numbered_headings(name):
    doc = read_document(FIXTURES / name)
    headings = [p for p in doc.paragraphs if p.kind == "heading" and p.heading_level]
    assert len(headings) >= 8
    assert all(p.style.startswith("Heading") for p in headings)
    body = [p for p in doc.paragraphs if p.kind == "body"]
    assert all(p.section_path for p in body[1:])


def test_xml_path_refinds_paragraph_in_a_copy(tmp_path):
    src = FIXTURES / "tender-cleaning-en.docx"
    doc = read_document(src)
    copy_path = tmp_path / "copy.docx"
    copy_path.write_bytes(src.read_bytes())
    with zipfile.ZipFile(copy_path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    for p in doc.paragraphs:
        found = root.xpath(p.xml_path, namespaces=ns)
        assert len(found) == 1, p.xml_path
        text = "".join(found[0].itertext())
        assert " ".join(text.split()) == p.text
    assert any("/w:tbl" in p.xml_path for p in doc.paragraphs if p.kind == "table-cell")


def test_nested_and_merged_table_cells_read_once_in_order(tmp_path):
    d = docx.Document()
    d.add_paragraph("Before the table.")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).text = "A1"
    t.cell(0, 1).merge(t.cell(0, 2)).text = "Merged across"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "Merged down"
    t.cell(1, 1).text = "B2"
    t.cell(1, 2).text = "B3"
    t.cell(2, 1).text = "C2"
    inner = t.cell(2, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Inner left"
    inner.cell(0, 1).text = "Inner right"
    d.add_paragraph("After the table.")
    doc = read_document(_save(d, tmp_path / "t.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert texts == ["Before the table.", "A1", "Merged across", "Merged down", "B2", "B3", "C2",
                     "Inner left", "Inner right", "After the table."]
    assert {p.kind for p in doc.paragraphs[1:-1]} == {"table-cell"}
    assert doc.paragraphs[7].xml_path.count("w:tbl") == 2


def _textbox_run(text: str) -> str:
    """A DrawingML text box with its VML fallback, as Word writes it (the text must be read once)."""
    return f"""
<w:r {W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing><wp:anchor><a:graphic><a:graphicData>
        <wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>
      </a:graphicData></a:graphic></wp:anchor></w:drawing>
    </mc:Choice>
    <mc:Fallback>
      <w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>"""


def test_text_box_read_once_after_its_anchor(tmp_path):
    d = docx.Document()
    d.add_heading("3. Conditions", level=1)
    anchor = d.add_paragraph("Anchor paragraph.")
    anchor._p.append(parse_xml(_textbox_run("Suppliers must be established in the city.")))
    d.add_paragraph("Closing paragraph.")
    doc = read_document(_save(d, tmp_path / "tb.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert texts == ["3. Conditions", "Anchor paragraph.", "Suppliers must be established in the city.",
                     "Closing paragraph."]
    box = doc.paragraphs[2]
    assert box.kind == "textbox" and box.section_path == ["3. Conditions"]
    assert "txbxContent" in box.xml_path


def test_headers_footers_and_empty_paragraphs_skipped(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "CITY OF NORTHBRIDGE - CONFIDENTIAL"
    d.sections[0].footer.paragraphs[0].text = "Page 1 of 9"
    d.add_paragraph("Body text.")
    d.add_paragraph("")
    d.add_paragraph("   ")
    d.add_paragraph("More body text.")
    doc = read_document(_save(d, tmp_path / "hf.docx"))
    assert [p.text for p in doc.paragraphs] == ["Body text.", "More body text."]
    assert [p.index for p in doc.paragraphs] == [1, 2]


def test_localized_and_based_on_heading_styles(tmp_path):
    d = docx.Document()
    kop = d.styles.add_style("Kop 1", WD_STYLE_TYPE.PARAGRAPH)  # Dutch name, no outline level of its own
    rubrik = d.styles.add_style("Rubrik 2", WD_STYLE_TYPE.PARAGRAPH)
    custom = d.styles.add_style("Tender Section", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = d.styles["Heading 1"]  # heading by based-on chain
    outlined = d.styles.add_style("Clause Title", WD_STYLE_TYPE.PARAGRAPH)
    outlined.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W_NS} w:val="2"/>'))
    d.add_paragraph("Inleiding", style=kop)
    d.add_paragraph("Tekst onder de inleiding.")
    d.add_paragraph("Bakgrund", style=rubrik)
    d.add_paragraph("Text under bakgrund.")
    d.add_paragraph("Annex A", style=custom)
    d.add_paragraph("Clause 7", style=outlined)
    d.add_paragraph("Text in clause 7.")
    doc = read_document(_save(d, tmp_path / "styles.docx"))
    by = {p.text: p for p in doc.paragraphs}
    assert (by["Inleiding"].kind, by["Inleiding"].heading_level) == ("heading", 1)
    assert (by["Bakgrund"].kind, by["Bakgrund"].heading_level) == ("heading", 2)
    assert by["Text under bakgrund."].section_path == ["Inleiding", "Bakgrund"]
    assert (by["Annex A"].kind, by["Annex A"].heading_level) == ("heading", 1)
    assert (by["Clause 7"].kind, by["Clause 7"].heading_level) == ("heading", 3)
    assert by["Text in clause 7."].section_path == ["Annex A", "Clause 7"]


def test_numbering_pattern_headings_need_bold_and_no_final_period(tmp_path):
    d = docx.Document()
    d.add_paragraph().add_run("Artikel 8 - Geheimhouding").bold = True
    d.add_paragraph("De opdrachtnemer houdt alle gegevens geheim.")
    d.add_paragraph().add_run("8.1 Duur van de geheimhouding").bold = True
    d.add_paragraph("De plicht geldt ook na afloop.")
    d.add_paragraph().add_run("§ 5 Nachunternehmer").bold = True
    d.add_paragraph("4.2 Not bold, so not a heading")
    d.add_paragraph().add_run("1. Bold but a sentence.").bold = True
    doc = read_document(_save(d, tmp_path / "num.docx"))
    by = {p.text: p for p in doc.paragraphs}
    assert by["Artikel 8 - Geheimhouding"].heading_level == 1
    assert by["8.1 Duur van de geheimhouding"].heading_level == 2
    assert by["De plicht geldt ook na afloop."].section_path == ["Artikel 8 - Geheimhouding",
                                                                   "8.1 Duur van de geheimhouding"]
    assert by["§ 5 Nachunternehmer"].kind == "heading"
    assert by["4.2 Not bold, so not a heading"].kind == "body"
    assert by["1. Bold but a sentence."].kind == "body"


def test_list_items_by_numbering(tmp_path):
    d = docx.Document()
    d.add_paragraph("Tenderers shall provide:")
    d.add_paragraph("annual accounts;", style="List Number")
    d.add_paragraph("two references.", style="List Bullet")
    p = d.add_paragraph("direct numbering")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    doc = read_document(_save(d, tmp_path / "list.docx"))
    assert [p.kind for p in doc.paragraphs] == ["body", "list-item", "list-item", "list-item"]


def test_content_controls_and_hyperlinks_are_read(tmp_path):
    d = docx.Document()
    d.add_paragraph("First.")
    body = d.element.body
    sdt = parse_xml(
        f'<w:sdt {W_NS}><w:sdtContent><w:p><w:r><w:t>Inside a content control.</w:t></w:r></w:p>'
        "</w:sdtContent></w:sdt>"
    )
    body.insert(1, sdt)
    link = parse_xml(
        f'<w:p {W_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId99"><w:r><w:t>the portal</w:t></w:r>'
        "</w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>"
    )
    body.insert(2, link)
    doc = read_document(_save(d, tmp_path / "sdt.docx"))
    assert [p.text for p in doc.paragraphs] == ["First.", "Inside a content control.", "See the portal."]


def test_read_bytes_docx_uses_name_as_path():
    data = (FIXTURES / "contract-no-clause-en.docx").read_bytes()
    doc = read_bytes(data, "upload/contract.docx")
    assert doc.path == "upload/contract.docx" and doc.format == "docx"
    assert any(p.text == "5. Performance of the contract" for p in doc.paragraphs)


def test_large_generated_document_keeps_order(tmp_path):
    d = docx.Document()
    for i in range(1, 31):
        d.add_heading(f"{i}. Section {i}", level=1)
        for j in range(3):
            d.add_paragraph(f"Paragraph {i}.{j} of the body.")
    doc = read_document(_save(d, tmp_path / "big.docx"))
    assert len(doc.paragraphs) == 120
    assert doc.paragraphs[-1].section_path == ["30. Section 30"]
    assert doc.paragraphs[-1].text == "Paragraph 30.2 of the body."


def test_deep_copy_of_paragraph_model_is_independent():
    # readers return plain pydantic models: a consumer may mutate its copy without touching ours
    doc = read_document(FIXTURES / "tender-cleaning-en.docx")
    clone = copy.deepcopy(doc)
    clone.paragraphs[0].section_path.append("x")
    assert doc.paragraphs[0].section_path == []


def test_docx_with_utf8_bom_free_bytes_from_buffer():
    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("Bytes only.")
    d.save(buf)
    assert read_bytes(buf.getvalue(), "mem.docx").paragraphs[0].text == "Bytes only."


def test_legacy_vml_text_box_without_alternate_content(tmp_path):
    d = docx.Document()
    anchor = d.add_paragraph("Anchor.")
    anchor._p.append(parse_xml(
        f'<w:r {W_NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        "<w:p><w:r><w:t>Old-style box text.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    ))
    doc = read_document(_save(d, tmp_path / "vml.docx"))
    assert [(p.kind, p.text) for p in doc.paragraphs] == [("body", "Anchor."), ("textbox", "Old-style box text.")]
