"""The PDF reader: pages, running headers/footers, de-hyphenation, paragraphs, headings."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from fairtender.readers import read_bytes, read_document
from fairtender.readers.pdf import build_paragraphs, join_lines, strip_running_lines

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CATERING = FIXTURES / "tender-catering-nl.pdf"


def test_fixture_pages_sections_and_footer_removed():
    doc = read_document(CATERING)
    assert doc.format == "pdf" and doc.pages == 4
    pages = [p.page for p in doc.paragraphs]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == 4
    text = doc.text
    assert "Pagina" not in text  # "Pagina 2 van 4" on every page
    assert "Bestek cateringdiensten ZW-INK" not in text  # running header
    turnover = next(p for p in doc.paragraphs if "minimale jaaromzet" in p.text)
    assert turnover.section_path == ["4. Geschiktheidseisen", "4.1 Financiële en economische draagkracht"]
    assert turnover.page == 2 and turnover.kind == "body"
    assert turnover.text == ("De inschrijver dient te beschikken over een minimale jaaromzet van EUR 2.000.000 in "
                             "elk van de laatste drie boekjaren.")
    heading = next(p for p in doc.paragraphs if p.text == "4.1 Financiële en economische draagkracht")
    assert heading.kind == "heading" and heading.heading_level == 2
    assert [p.text for p in doc.paragraphs if p.kind == "list-item"][:1] == ["- prijs: 40 procent;"]


def test_fixture_line_break_hyphens_are_removed():
    raw = []
    pdf = pdfium.PdfDocument(str(CATERING))
    for i in range(len(pdf)):
        raw.append(pdf[i].get_textpage().get_text_range())
    pdf.close()
    raw_text = "".join(raw)
    # the fixture really breaks words at line ends (pdfium marks such a hyphen U+FFFE)
    assert raw_text.count("\ufffe") >= 2
    doc = read_document(CATERING)
    text = doc.text
    assert "bedrijfsaansprakelijkheidsverzekering" in text
    assert "\ufffe" not in text and "\x02" not in text
    assert "chef-kok" in text and "Douwe Egberts-automaten" in text  # real hyphens stay


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["the require-", "ment is set"], "the requirement is set"),
        (["principle of non-", "discrimination applies"], "principle of non-discrimination applies"),
        (["the province Noord-", "Holland"], "the province Noord-Holland"),
        (["de EU-", "richtlijn"], "de EU-richtlijn"),
        (["state-of-the-", "art equipment"], "state-of-the-art equipment"),
        (["soft\u00ad", "hyphen"], "softhyphen"),
        (["dash at the end -", "then more"], "dash at the end - then more"),
        (["plain line", "continues"], "plain line continues"),
    ],
)
def test_join_lines_dehyphenation(lines, expected):
    assert join_lines(lines) == expected


WORDS = ["turnover", "references", "insurance", "staff", "equipment", "quality"]


def test_running_header_footer_dropped_and_content_kept():
    header = "City of Northbridge | Tender NB-2026-014"
    bodies = [[f"4.{i} Requirements on {w}", f"The {w} requirement is set out in annex {i}."]
              for i, w in enumerate(WORDS, 1)]
    pages = [[header, *body, f"Page {i} of 6"] for i, body in enumerate(bodies, 1)]
    assert strip_running_lines(pages) == bodies


def test_single_page_keeps_text_but_drops_page_number():
    pages = strip_running_lines([["Title line", "Some text.", "- 1 -"]])
    assert pages == [["Title line", "Some text."]]


def test_repeated_line_in_the_middle_of_pages_is_kept():
    pages = [["Header", "a", "b", "c", "d", "Repeated sentence.", "e", "f", "g", "h", "Footer 1"] for _ in range(5)]
    out = strip_running_lines(pages)
    assert all("Repeated sentence." in p for p in out)
    assert all("Header" not in p and "Footer 1" not in p for p in out)


def test_paragraphs_rebuilt_from_lines():
    width_line = "x" * 70
    pages = [[
        "SECTION III",
        "The contracting authority invites tenders for the supply of office",
        "furniture to its buildings in the city centre.",
        "Short closing line.",
        "• first bullet that is long enough to",
        "wrap onto a second line",
        "• second bullet",
        "",
        "4.2 Economic and financial standing",
        "Tenderers shall have a turnover of at least EUR 1,000,000 in each",
        "of the last three years.",
        width_line,
    ], [
        "continued on the next page in lowercase.",
        "A new paragraph on page two.",
    ]]
    paras = build_paragraphs(pages)
    got = [(p.kind, p.page, p.text) for p in paras]
    assert got[0] == ("heading", 1, "SECTION III")
    assert got[1] == ("body", 1, "The contracting authority invites tenders for the supply of office furniture to "
                                 "its buildings in the city centre.")
    assert got[2] == ("body", 1, "Short closing line.")
    assert got[3] == ("list-item", 1, "• first bullet that is long enough to wrap onto a second line")
    assert got[4] == ("list-item", 1, "• second bullet")
    assert got[5] == ("heading", 1, "4.2 Economic and financial standing")
    assert got[6][2].endswith("of the last three years.")
    assert got[7] == ("body", 1, width_line + " continued on the next page in lowercase.")
    assert got[8] == ("body", 2, "A new paragraph on page two.")
    assert paras[6].section_path == ["SECTION III", "4.2 Economic and financial standing"]
    assert [p.index for p in paras] == list(range(1, 10))


def _fpdf():
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    return pdf


def test_scanned_pdf_without_text_layer(tmp_path):
    pdf = _fpdf()
    for _ in range(3):
        pdf.add_page()
        pdf.rect(20, 20, 120, 80, style="F")
    f = tmp_path / "scan.pdf"
    f.write_bytes(bytes(pdf.output()))
    from fairtender.errors import DocumentError

    with pytest.raises(DocumentError) as e:
        read_document(f)
    assert e.value.code == "scanned-pdf"
    assert "scanned: run OCR first" in e.value.message and "scan.pdf" in e.value.message


def test_mostly_text_pdf_with_one_image_page_notes_it(tmp_path):
    pdf = _fpdf()
    for i in range(4):
        pdf.add_page()
        if i == 2:
            pdf.rect(20, 20, 120, 80, style="F")
        else:
            pdf.multi_cell(0, 6, f"The tenderer must provide {WORDS[i]} evidence for comparable work.")
    doc = read_bytes(bytes(pdf.output()), "mixed.pdf")
    assert doc.pages == 4 and doc.notes and "1 of 4 pages" in doc.notes[0]
    assert {p.page for p in doc.paragraphs} == {1, 2, 4}


def test_encrypted_pdf(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(CATERING))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    from fairtender.errors import DocumentError

    with pytest.raises(DocumentError) as e:
        read_bytes(buf.getvalue(), "locked.pdf")
    assert e.value.code == "encrypted" and "password" in e.value.message


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        b"%PDF-1.4\n" + b"\x00garbage" * 50,
        CATERING.read_bytes()[:1500],  # truncated: broken xref
    ],
)
def test_broken_pdf_is_corrupt_not_a_traceback(data):
    from fairtender.errors import DocumentError

    with pytest.raises(DocumentError) as e:
        read_bytes(data, "broken.pdf")
    assert e.value.code in ("corrupt", "scanned-pdf")


def test_not_a_pdf_at_all():
    from fairtender.errors import DocumentError

    with pytest.raises(DocumentError) as e:
        read_bytes(b"PK\x03\x04 this is a zip", "fake.pdf")
    assert e.value.code == "corrupt" and "not a PDF" in e.value.message


def test_pdf_with_owner_password_only_is_readable():
    """Permissions-only encryption (empty user password) opens without a password: read it."""
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(CATERING))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner-only")
    buf = io.BytesIO()
    writer.write(buf)
    doc = read_bytes(buf.getvalue(), "restricted.pdf")
    assert doc.pages == 4 and any("minimale jaaromzet" in p.text for p in doc.paragraphs)
