"""Word annotation: comments on the exact words, in body and table cells; the original untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from fairtender.errors import DocumentError, UsageError
from fairtender.models import Document as FtDocument
from fairtender.models import DocumentErrorInfo, DocumentReport, Location, Match, Paragraph
from fairtender.readers import read_document
from fairtender.render.docx_comments import AUTHOR, INITIALS, annotate
from render_helpers import finding, ghent_template

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}

TURNOVER = "The tenderer shall have a minimum annual turnover of EUR 1,000,000 in each of the last three years."
NATIVE_PARTS = [("All supervisors must be ", False), ("native Dutch", True), (" speakers, without exception.", False)]
NATIVE = "".join(t for t, _ in NATIVE_PARTS)
CELL = "Minimum of 250 employees on the payroll"
AGE = "Staff should be aged 25-40."


def build_tender(path: Path) -> None:
    """A small tender with headings, formatted runs, numbering, an empty paragraph and a table."""
    d = docx.Document()
    d.add_heading("Cleaning of municipal buildings", level=0)
    d.add_paragraph("")  # readers skip empty paragraphs: indices and w:p ordinals diverge
    d.add_heading("4. Selection criteria", level=1)
    d.add_paragraph(TURNOVER)
    p = d.add_paragraph(style="List Number")
    for text, bold in NATIVE_PARTS:
        run = p.add_run(text)
        run.bold = bold
        run.font.size = Pt(11)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Criterion"
    t.cell(0, 1).text = "Requirement"
    t.cell(1, 0).text = "Firm size"
    t.cell(1, 1).text = CELL
    d.add_paragraph(AGE, style="List Number")
    d.save(str(path))


def reader_view(path: Path) -> FtDocument:
    """The reader's Document for ``path`` (paragraph indices and the xml_path of each w:p)."""
    return read_document(path)


def index_of(doc: FtDocument, text: str) -> int:
    return next(p.index for p in doc.paragraphs if p.text == text)


def commented_ranges(path: Path) -> dict[int, tuple[str, str]]:
    """comment id -> (text between its range markers, xml path of the w:p holding the start marker)."""
    d = docx.Document(str(path))
    body = d.element.body
    tree = d.element.getroottree()
    out: dict[int, tuple[str, str]] = {}
    for start in body.iter(W + "commentRangeStart"):
        cid = start.get(W + "id")
        collecting, parts = False, []
        for el in body.iter():
            if el is start:
                collecting = True
            elif el.tag == W + "commentRangeEnd" and el.get(W + "id") == cid:
                break
            elif collecting and el.tag == W + "t":
                parts.append(el.text or "")
        owner = next(a for a in start.iterancestors() if a.tag == W + "p")
        out[int(cid)] = ("".join(parts), tree.getpath(owner))
    return out


@pytest.fixture()
def tender(tmp_path: Path) -> tuple[Path, FtDocument]:
    path = tmp_path / "tender.docx"
    build_tender(path)
    return path, reader_view(path)


def report_for(doc: FtDocument) -> DocumentReport:
    return DocumentReport(
        path=doc.path,
        language="en",
        templates=[ghent_template()],
        findings=[
            finding("barrier.turnover", "error", TURNOVER, "minimum annual turnover of EUR 1,000,000",
                    paragraph=index_of(doc, TURNOVER), message="Turnover is 5x the value.",
                    suggestion="Lower it to EUR 400,000.", legal_basis="Directive 2014/24/EU, art. 58(3)"),
            finding("barrier.language", "error", NATIVE, "native Dutch speakers", paragraph=index_of(doc, NATIVE),
                    message="Native-speaker demand.", suggestion="Ask for CEFR B2.", legal_basis="Dir. 2000/43/EC"),
            finding("barrier.firm-size", "warning", CELL, "250 employees", paragraph=index_of(doc, CELL),
                    message="Firm-size demand.", legal_basis="Directive 2014/24/EU, art. 58"),
            finding("barrier.age", "warning", AGE, "aged 25-40", paragraph=index_of(doc, AGE), message="Age range."),
            finding("barrier.no-lots", "info", "", "", paragraph=None, message="Not divided into lots."),
            finding("clause.ghent.subcontractors", "error", "", "", paragraph=None, kind="clause",
                    message="Subcontractor element missing."),
        ],
    )


def test_comments_cover_exactly_the_triggering_words(tender, tmp_path):
    path, doc = tender
    report = report_for(doc)
    out = tmp_path / "out" / "annotated.docx"
    n = annotate(report, path, out, document=doc)
    located = [f for f in report.findings if f.location]
    assert n == len(located) + 1  # plus the summary comment

    ranges = commented_ranges(out)
    texts = sorted(t for t, _ in ranges.values())
    for f in located:
        assert f.match.text in texts, f.rule
        cid = next(c for c, (t, _) in ranges.items() if t == f.match.text)
        # the start marker sits in the paragraph the reader put at that index
        want = next(p.xml_path for p in doc.paragraphs if p.index == f.location.paragraph)
        assert ranges[cid][1] == want


def test_comment_inside_table_cell(tender, tmp_path):
    path, doc = tender
    out = tmp_path / "a.docx"
    annotate(report_for(doc), path, out, document=doc)
    ranges = commented_ranges(out)
    owner = next(p for t, p in ranges.values() if t == "250 employees")
    assert "/w:tbl/w:tr[2]/w:tc[2]/w:p" in owner
    cell = docx.Document(str(out)).tables[0].cell(1, 1)
    assert cell.text == CELL  # splitting runs changed no text


def test_comment_text_author_and_summary(tender, tmp_path):
    path, doc = tender
    report = report_for(doc)
    out = tmp_path / "a.docx"
    annotate(report, path, out, document=doc)
    comments = list(docx.Document(str(out)).comments)
    assert {c.author for c in comments} == {AUTHOR}
    assert {c.initials for c in comments} == {INITIALS}
    bodies = [c.text for c in comments]
    turnover = next(b for b in bodies if "Turnover is 5x" in b)
    assert "Lower it to EUR 400,000." in turnover and "art. 58(3)" in turnover
    summary = next(b for b in bodies if b.startswith("fairtender check"))
    assert "clause.ghent.subcontractors" in summary  # missing element from the TemplateResult
    assert "Not divided into lots." in summary  # document-level finding without a paragraph
    assert "age" in summary  # missing ground
    # every finding appears somewhere in the annotated copy
    for f in report.findings:
        assert any(f.message in b for b in bodies), f.rule
    # the summary sits on the first paragraph with text
    ranges = commented_ranges(out)
    first = next(p.xml_path for p in doc.paragraphs if p.index == 1)
    summary_id = next(c.comment_id for c in comments if c.text.startswith("fairtender check"))
    assert ranges[summary_id][1] == first


def test_original_untouched_and_formatting_preserved(tender, tmp_path):
    path, doc = tender
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "a.docx"
    annotate(report_for(doc), path, out, document=doc)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    src, dst = docx.Document(str(path)), docx.Document(str(out))
    assert [p.text for p in src.paragraphs] == [p.text for p in dst.paragraphs]
    assert [p.style.name for p in src.paragraphs] == [p.style.name for p in dst.paragraphs]
    assert len(dst.tables) == len(src.tables) == 1
    # numbering kept on the list paragraphs
    assert len(dst.element.body.findall(".//w:numPr", NS)) == len(src.element.body.findall(".//w:numPr", NS))
    # the bold word was split away from " speakers" but is still bold, and only it is
    native = next(p for p in dst.paragraphs if p.text == NATIVE)
    bold = "".join(r.text for r in native.runs if r.bold)
    assert bold == "native Dutch"
    assert all(r.font.size == Pt(11) for r in native.runs if r.text)


def test_offsets_off_falls_back_to_search_then_paragraph(tender, tmp_path):
    path, doc = tender
    idx = index_of(doc, TURNOVER)
    shifted = finding("barrier.turnover", "error", TURNOVER, "annual turnover", paragraph=idx)
    shifted.match = Match(text="annual turnover", start=3, end=18, excerpt_start=3, excerpt_end=18)
    lost = finding("barrier.age", "warning", AGE, "", paragraph=index_of(doc, AGE))
    lost.match = Match(text="words that are not there", start=0, end=5, excerpt_start=0, excerpt_end=5)
    report = DocumentReport(path=str(path), findings=[shifted, lost])
    out = tmp_path / "a.docx"
    assert annotate(report, path, out, document=doc) == 3
    texts = {t for t, _ in commented_ranges(out).values()}
    assert "annual turnover" in texts
    assert AGE in texts  # whole paragraph


def test_unknown_paragraph_goes_to_summary(tender, tmp_path):
    path, doc = tender
    ghost = finding("barrier.x", "warning", "nowhere", "nowhere", paragraph=999, message="Ghost finding.")
    out = tmp_path / "a.docx"
    assert annotate(DocumentReport(path=str(path), findings=[ghost]), path, out, document=doc) == 1
    assert "Ghost finding." in next(iter(docx.Document(str(out)).comments)).text


def test_hostile_text_is_stored_as_text(tender, tmp_path):
    path, doc = tender
    f = finding("barrier.turnover", "error", TURNOVER, "turnover", paragraph=index_of(doc, TURNOVER),
                message='<w:p>"&\x01 </w:comment>')
    out = tmp_path / "a.docx"
    annotate(DocumentReport(path=str(path), findings=[f]), path, out, document=doc)
    assert any('<w:p>"&  </w:comment>' in c.text for c in docx.Document(str(out)).comments)


def test_refuses_bad_targets(tender, tmp_path):
    path, doc = tender
    report = DocumentReport(path=str(path))
    with pytest.raises(UsageError):
        annotate(report, path, path, document=doc)
    txt = tmp_path / "t.txt"
    txt.write_text("hello", encoding="utf-8")
    with pytest.raises(DocumentError) as e:
        annotate(DocumentReport(path=str(txt)), txt, tmp_path / "x.docx", document=doc)
    assert e.value.code == "unsupported-format"
    failed = DocumentReport(path=str(path), error=DocumentErrorInfo(code="corrupt", message="broken"))
    with pytest.raises(DocumentError):
        annotate(failed, path, tmp_path / "y.docx", document=doc)


def test_location_without_reader_path_uses_text(tmp_path):
    """A paragraph whose xml_path is missing is still found by its text."""
    path = tmp_path / "t.docx"
    build_tender(path)
    doc = FtDocument(path=str(path), format="docx", paragraphs=[Paragraph(index=1, text=AGE)])
    f = finding("barrier.age", "warning", AGE, "aged 25-40", paragraph=1)
    f.location = Location(paragraph=1)
    out = tmp_path / "a.docx"
    annotate(DocumentReport(path=str(path), findings=[f]), path, out, document=doc)
    assert "aged 25-40" in {t for t, _ in commented_ranges(out).values()}


def test_reader_whitespace_normalisation_does_not_misplace_comment(tmp_path):
    """Readers collapse spaces, so report offsets differ from the run text: the words are still found."""
    path = tmp_path / "ws.docx"
    d = docx.Document()
    d.add_paragraph("Intro.")
    p = d.add_paragraph()
    p.add_run("   Bidders  must have an ")
    p.add_run("office in  Ghent").italic = True
    p.add_run(" at submission; an office in Ghent is not needed later.")
    d.save(str(path))
    doc = reader_view(path)
    para = next(x for x in doc.paragraphs if "Bidders" in x.text)
    words = "office in Ghent"
    f = finding("barrier.local-presence", "error", para.text, words, paragraph=para.index)
    assert f.match.start == para.text.index(words)
    out = tmp_path / "a.docx"
    annotate(DocumentReport(path=str(path), findings=[f]), path, out, document=doc)
    texts = [t for t, _ in commented_ranges(out).values()]
    assert "office in  Ghent" in texts  # the first (italic) occurrence, nearest the reported offset
    italic = [r.text for r in docx.Document(str(out)).paragraphs[1].runs if r.italic]
    assert italic == ["office in  Ghent"]


TEXTBOX_RUN = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
 <mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="1" cy="1"/>
 <wp:docPr id="7" name="Box"/><a:graphic><a:graphicData
 uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>
 <w:p><w:r><w:t>Only local companies may apply.</w:t></w:r></w:p>
 </w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>
 <mc:Fallback/></mc:AlternateContent></w:r>"""


def test_text_box_and_hyperlink_paragraphs(tmp_path):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    path = tmp_path / "box.docx"
    d = docx.Document()
    d.add_paragraph("Intro.")
    host = d.add_paragraph("See the box: ")
    host._p.append(parse_xml(TEXTBOX_RUN))
    p = d.add_paragraph("Products must be certified, see ")
    r_id = d.part.relate_to("https://example.org/iso", RT.HYPERLINK, is_external=True)
    link = parse_xml(f'<w:hyperlink xmlns:w="{W[1:-1]}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                     f'2006/relationships" r:id="{r_id}"><w:r><w:t>ISO 14001 only</w:t></w:r></w:hyperlink>')
    p._p.append(link)
    p.add_run(" for details.")
    d.save(str(path))

    doc = reader_view(path)
    box = next(x for x in doc.paragraphs if x.text == "Only local companies may apply.")
    cert = next(x for x in doc.paragraphs if "ISO 14001" in x.text)
    findings = [
        finding("barrier.local-presence", "error", box.text, "Only local companies", paragraph=box.index,
                message="Local firms only."),
        finding("barrier.certificate-no-equivalent", "warning", cert.text, "ISO 14001 only", paragraph=cert.index,
                message="No equivalent accepted."),
    ]
    out = tmp_path / "a.docx"
    assert annotate(DocumentReport(path=str(path), findings=findings), path, out, document=doc) == 3
    ranges = commented_ranges(out)
    annotated = docx.Document(str(out))
    # no comment markers inside the text box; the box's host run carries the comment
    assert not annotated.element.body.findall(".//w:txbxContent//w:commentRangeStart", NS)
    host_path = next(x.xml_path for x in doc.paragraphs if x.text.startswith("See the box"))
    assert any(where == host_path for _, where in ranges.values())
    # a hyperlink's words are commented inside the link, the link kept
    assert "ISO 14001 only" in {t for t, _ in ranges.values()}
    links = annotated.element.body.findall(".//w:hyperlink", NS)
    assert len(links) == 1 and links[0].get(qn("r:id")) == r_id


def test_paragraph_level_findings_share_one_comment(tender, tmp_path):
    """Findings without matched words (e.g. clause elements missing where the clause is) group per paragraph."""
    path, doc = tender
    idx = index_of(doc, AGE)
    missing = [finding(f"clause.ghent.{e}", "error", "", "", paragraph=idx, kind="clause", message=f"{e} is missing.")
               for e in ("grounds", "workplace", "subcontractors")]
    word = finding("barrier.age", "warning", AGE, "aged 25-40", paragraph=idx, message="Age range.")
    out = tmp_path / "a.docx"
    n = annotate(DocumentReport(path=str(path), findings=[*missing, word]), path, out, document=doc)
    assert n == 3  # one grouped comment, one on the words, the summary
    comments = list(docx.Document(str(out)).comments)
    grouped = [c.text for c in comments if "workplace is missing." in c.text]
    assert len(grouped) == 1 and all(f"{e} is missing." in grouped[0] for e in ("grounds", "subcontractors"))
    texts = {t: where for t, where in commented_ranges(out).values()}
    want = next(p.xml_path for p in doc.paragraphs if p.index == idx)
    assert texts[AGE] == want and texts["aged 25-40"] == want
