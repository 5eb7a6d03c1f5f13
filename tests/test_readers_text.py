"""The .txt and .md readers: encodings, headings, paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from fairtender.errors import DocumentError
from fairtender.readers import read_bytes, read_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _texts(doc):
    return [(p.kind, p.text) for p in doc.paragraphs]


def test_scorer_style_passage_one_paragraph_per_line():
    data = (
        b"2.3 Financial standing\n"
        b"Estimated contract value: EUR 80,000 excluding VAT.\n"
        b"The tenderer must have a minimum yearly turnover of EUR 500,000.\n"
    )
    doc = read_bytes(data, "case.txt")
    assert _texts(doc) == [
        ("heading", "2.3 Financial standing"),
        ("body", "Estimated contract value: EUR 80,000 excluding VAT."),
        ("body", "The tenderer must have a minimum yearly turnover of EUR 500,000."),
    ]
    assert doc.paragraphs[2].section_path == ["2.3 Financial standing"]
    assert doc.paragraphs[2].index == 3 and doc.paragraphs[2].page is None


def test_soft_wrapped_lines_are_joined_but_statements_are_not():
    data = (
        b"The tenderer shall submit the annual accounts of the last three years and\n"
        b"a statement of the turnover in the area covered by the contract.\n"
        b"Consortia are allowed\n"
        b"Subcontracting is allowed.\n"
        b"The minimum turnover is EUR\n"
        b"1,000,000 per year, which is well above the estimated value of the whole\n"
        b"contract.\n"
        b"Require-\n"
        b"ments are listed below.\n"
    )
    doc = read_bytes(data, "wrap.txt")
    assert [p.text for p in doc.paragraphs] == [
        "The tenderer shall submit the annual accounts of the last three years and a statement of the turnover "
        "in the area covered by the contract.",
        "Consortia are allowed",
        "Subcontracting is allowed.",
        "The minimum turnover is EUR",
        "1,000,000 per year, which is well above the estimated value of the whole contract.",
        "Requirements are listed below.",
    ]


def test_numbered_keyword_and_caps_headings_in_txt():
    data = (
        "FÖRFRÅGNINGSUNDERLAG\n\n"
        "Artikel 8 - Geheimhouding\n"
        "De opdrachtnemer houdt alle gegevens geheim.\n\n"
        "§ 6 Nachunternehmer\n"
        "Der Auftragnehmer darf Nachunternehmer einsetzen.\n\n"
        "3.3 Teknisk kapacitet\n"
        "Anbudsgivaren ska ha minst 50 anställda.\n"
        "3.3.1 Referenser\n"
        "Två referenser ska lämnas.\n\n"
        "Selection criteria\n"
        "Tenderers must show their ability.\n"
    ).encode()
    doc = read_bytes(data, "h.txt")
    kinds = {p.text: (p.kind, p.heading_level, p.section_path) for p in doc.paragraphs}
    assert kinds["FÖRFRÅGNINGSUNDERLAG"][0] == "heading"
    assert kinds["Artikel 8 - Geheimhouding"][:2] == ("heading", 1)
    assert kinds["§ 6 Nachunternehmer"][:2] == ("heading", 1)
    # a level-2 number nests under the open level-1 heading, whatever its numbering scheme
    assert kinds["3.3.1 Referenser"] == ("heading", 3, ["§ 6 Nachunternehmer", "3.3 Teknisk kapacitet"])
    assert kinds["Två referenser ska lämnas."][2][-2:] == ["3.3 Teknisk kapacitet", "3.3.1 Referenser"]
    assert kinds["Selection criteria"][0] == "heading"
    assert kinds["Tenderers must show their ability."][2] == ["Selection criteria"]


def test_sentences_that_look_numbered_are_not_headings():
    data = b"Scope\n\n24 months after signature the contract ends.\n2. The tenderer must hold a licence.\n"
    doc = read_bytes(data, "n.txt")
    kinds = {p.text: p.kind for p in doc.paragraphs}
    assert kinds["24 months after signature the contract ends."] == "body"
    assert kinds["2. The tenderer must hold a licence."] == "list-item"


def test_fixture_swedish_tender_sections():
    doc = read_document(FIXTURES / "tender-it-sv.txt")
    assert doc.format == "txt"
    p = next(p for p in doc.paragraphs if "svenska som modersmål" in p.text)
    assert p.section_path == ["3 Kvalificeringskrav", "3.3 Teknisk och yrkesmässig kapacitet"]
    assert len(doc.text.split()) > 1200


def test_utf8_bom_and_crlf():
    doc = read_bytes("\ufeffÜberschrift\r\n\r\nDer Bieter muss ein Büro haben.\r\n".encode(), "bom.txt")
    assert doc.paragraphs[0].text == "Überschrift" and doc.notes == []
    assert doc.paragraphs[1].text == "Der Bieter muss ein Büro haben."


def test_utf16_with_bom():
    doc = read_bytes("Anbudsgivaren ska ha kontor i Malmö.\n".encode("utf-16"), "u16.txt")
    assert doc.paragraphs[0].text == "Anbudsgivaren ska ha kontor i Malmö."


def test_cp1252_fallback_with_note():
    data = "De inschrijver levert één offerte van € 5.000 — uiterlijk 1 mei.\n".encode("cp1252")
    doc = read_bytes(data, "cp.txt")
    assert doc.paragraphs[0].text == "De inschrijver levert één offerte van € 5.000 — uiterlijk 1 mei."
    assert doc.notes and "Windows-1252" in doc.notes[0]


def test_latin1_fallback_when_not_cp1252():
    data = b"Caf\xe9 \x81 text.\n"  # 0x81 is undefined in cp1252
    doc = read_bytes(data, "l1.txt")
    assert doc.paragraphs[0].text.startswith("Café")
    assert "Latin-1" in doc.notes[0]


def test_binary_junk_is_a_decode_error(tmp_path):
    f = tmp_path / "junk.txt"
    f.write_bytes(b"\x00\x01\x02binary\x00\xff" * 10)
    with pytest.raises(DocumentError) as e:
        read_document(f)
    assert e.value.code == "decode-error"
    assert "junk.txt" in e.value.message and "\n" not in e.value.message


def test_markdown_headings_lists_tables_and_emphasis():
    md = (
        b"# Tender for catering\n\n"
        b"Intro text that is\nwrapped over two lines.\n\n"
        b"## 4. Selection criteria\n\n"
        b"### 4.2 Economic standing\n\n"
        b"The tenderer **must** have a [turnover](https://example.org) of EUR 2,000,000.\n\n"
        b"- first requirement\n"
        b"- second requirement\n\n"
        b"| Criterion | Minimum |\n|---|---|\n| Turnover | EUR 2,000,000 |\n\n"
        b"Setext heading\n--------------\n\n"
        b"Under setext.\n"
    )
    doc = read_bytes(md, "t.md")
    assert doc.format == "md"
    by = {p.text: p for p in doc.paragraphs}
    assert by["Tender for catering"].heading_level == 1
    assert by["Intro text that is wrapped over two lines."].section_path == ["Tender for catering"]
    body = by["The tenderer must have a turnover of EUR 2,000,000."]
    assert body.section_path == ["Tender for catering", "4. Selection criteria", "4.2 Economic standing"]
    assert by["first requirement"].kind == "list-item"
    assert by["Turnover"].kind == "table-cell" and by["EUR 2,000,000"].kind == "table-cell"
    assert by["Setext heading"].heading_level == 2
    assert by["Under setext."].section_path == ["Tender for catering", "Setext heading"]


def test_markdown_code_fence_is_not_parsed_as_headings():
    doc = read_bytes(b"# A\n\n```\n# not a heading\n```\n", "c.md")
    assert [(p.kind, p.text) for p in doc.paragraphs] == [("heading", "A"), ("body", "# not a heading")]


def test_pdftotext_style_pages_lose_running_headers_and_page_numbers():
    pages = []
    for i, topic in enumerate(["pris", "kvalitet", "leverans", "miljö"], 1):
        pages.append(
            f"2023070003 Avrop för projektledare                Publicerad 2023-08-02\n\n"
            f"{i}.1 Krav på {topic}\n"
            f"Leverantören ska redovisa {topic} enligt bilaga {i}.\n\n"
            f"                                    Sida {i}/4\n"
        )
    doc = read_bytes("\x0c".join(pages).encode(), "export.txt")
    texts = [p.text for p in doc.paragraphs]
    assert not any("Publicerad" in t or t.startswith("Sida") for t in texts)
    assert texts[:2] == ["1.1 Krav på pris", "Leverantören ska redovisa pris enligt bilaga 1."]
    assert doc.pages is None


def test_wrapped_numbered_heading_is_rejoined():
    data = ("1.1 Avropsförfrågan projektledare / integrationsarkitekt nationella\n"
            "tjänsteplattformen\n"
            "Inera AB driver plattformen.\n").encode()
    doc = read_bytes(data, "w.txt")
    assert doc.paragraphs[0].text == "1.1 Avropsförfrågan projektledare / integrationsarkitekt nationella " \
                                     "tjänsteplattformen"
    assert doc.paragraphs[1].section_path == [doc.paragraphs[0].text]


@pytest.mark.parametrize("first", ["Consortia are allowed", "The tenderer must have 250 employees",
                                   "Anbudsgivaren ska ha kontor i Malmö", "De inschrijver moet Nederlands spreken"])
def test_short_statement_first_line_is_not_a_title(first):
    doc = read_bytes(f"{first}\nThe rest of the passage follows here.\n".encode(), "s.txt")
    assert doc.paragraphs[0].kind == "body" and doc.paragraphs[1].section_path == []


def test_numbered_requirement_without_period_is_not_a_heading():
    doc = read_bytes(b"3 Selection criteria\n3.1 The tenderer must have 250 employees\n", "r.txt")
    assert [p.kind for p in doc.paragraphs] == ["heading", "body"]
    assert doc.paragraphs[1].section_path == ["3 Selection criteria"]
