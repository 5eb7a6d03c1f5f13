"""Fuzzing the document readers through ``read_bytes``: random, structured and re-encoded inputs.

``test_readers_robust.py`` flips bytes in the fixtures. Here hypothesis builds
inputs from scratch: random bytes under every suffix, zip packages with random
XML, PDFs with random objects, text in other encodings -- and, where the input
is valid, checks that the reader gives back exactly the words that went in.
The invariant everywhere: a :class:`Document` or a :class:`DocumentError` with
a documented code and a one-line message naming the file; nothing else.
"""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import hostile as h
from fairtender.errors import DocumentError
from fairtender.models import Document
from fairtender.readers import read_bytes

CODES = {"not-found", "empty-directory", "empty-file", "unsupported-format", "too-large", "not-a-docx", "corrupt",
         "encrypted", "scanned-pdf", "unsafe-xml", "zip-bomb", "decode-error"}
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read(data: bytes, name: str) -> Document | DocumentError:
    try:
        doc = read_bytes(data, name)
    except DocumentError as exc:
        assert exc.code in CODES, exc.code
        assert "\n" not in exc.message and "\r" not in exc.message, exc.message
        assert name.replace("\n", "\\n") in exc.message
        return exc
    assert isinstance(doc, Document)
    assert [p.index for p in doc.paragraphs] == list(range(1, len(doc.paragraphs) + 1))
    assert all(p.text.strip() for p in doc.paragraphs)
    if doc.format == "pdf":
        assert doc.pages and all(1 <= (p.page or 0) <= doc.pages for p in doc.paragraphs)
    return doc


def words(texts) -> list[str]:
    return " ".join(texts).split()


# --------------------------------------------------------------------------- random bytes


@FAST
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".docx", ".pdf", ".txt", ".md"]))
@example(data=b"PK\x05\x06" + b"\x00" * 18, suffix=".docx")  # an empty zip
@example(data=b"%PDF-1.7\n%%EOF", suffix=".pdf")
@example(data=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, suffix=".docx")  # OLE, not encrypted
@example(data=b"\xff\xfe\x00", suffix=".txt")
def test_random_bytes(data, suffix):
    read(data, "upload" + suffix)


@FAST
@given(prefix=st.sampled_from([b"PK\x03\x04", b"%PDF-1.4\n", b"\xef\xbb\xbf", b"\xff\xfe"]), data=st.binary(max_size=3000),
       suffix=st.sampled_from([".docx", ".pdf", ".txt"]))
def test_random_bytes_behind_a_plausible_magic(prefix, data, suffix):
    read(prefix + data, "bid\nfile" + suffix)


# --------------------------------------------------------------------------- docx

xml_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
                   max_size=80)


@FAST
@given(paras=st.lists(xml_text, min_size=1, max_size=12))
def test_docx_round_trip_keeps_every_word(paras):
    doc = read(h.docx_bytes(h.document_xml("".join(h.w_paragraph(t) for t in paras))), "t.docx")
    assert isinstance(doc, Document), doc
    assert words(p.text for p in doc.paragraphs) == words(paras)


xml_noise = st.text(alphabet=st.one_of(st.sampled_from(list("<>/=\"'&;:!?[]-wptbrl ")), st.characters(max_codepoint=0x3000)),
                    max_size=300)


@FAST
@given(body=xml_noise)
@example(body="<w:p><w:r><w:t>unclosed")
@example(body="<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>")
@example(body='<w:p xmlns:x="urn:x"><x:unknown><w:r><w:t>hidden</w:t></w:r></x:unknown></w:p>')
def test_docx_with_random_xml_body(body):
    read(h.docx_bytes(h.document_xml(body)), "noise.docx")


@settings(max_examples=25, deadline=None)
@given(depth=st.integers(min_value=50, max_value=3000))
def test_deeply_nested_tables(depth):
    inner = h.w_paragraph("Innermost cell text.")
    xml = "<w:tbl><w:tr><w:tc>" * depth + inner + "</w:tc></w:tr></w:tbl>" * depth
    result = read(h.docx_bytes(h.document_xml(xml)), "nested.docx")
    if isinstance(result, Document):
        assert words(p.text for p in result.paragraphs) == ["Innermost", "cell", "text."]


@FAST
@given(parts=st.dictionaries(st.sampled_from(["word/styles.xml", "word/numbering.xml", "word/settings.xml",
                                              "word/_rels/document.xml.rels", "docProps/core.xml",
                                              "word/header1.xml", "[Content_Types].xml"]),
                             st.binary(max_size=300), max_size=4))
def test_docx_with_garbage_in_other_parts(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        base = {"[Content_Types].xml": h.CONTENT_TYPES.encode(), "_rels/.rels": h.ROOT_RELS.encode(),
                "word/document.xml": h.document_xml(h.w_paragraph("Cleaning services.")).encode()}
        base.update(parts)
        for name, data in base.items():
            zf.writestr(name, data)
    read(buf.getvalue(), "parts.docx")


# --------------------------------------------------------------------------- pdf

line = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_characters="\x7f"),
               min_size=1, max_size=70)


@FAST
@given(pages=st.lists(st.lists(line, min_size=1, max_size=5), min_size=1, max_size=4),
       broken=st.booleans())
def test_generated_pdfs(pages, broken):
    result = read(h.pdf_bytes(pages, broken_xref=broken), "gen.pdf")
    if isinstance(result, Document):
        assert result.pages == len(pages)


@FAST
@given(cut=st.floats(min_value=0.0, max_value=1.0), seed=st.integers(0, 10**6), flips=st.integers(0, 30))
def test_mutated_pdfs(cut, seed, flips):
    import random

    data = bytearray(h.pdf_bytes([h.page_lines(i) for i in range(3)]))
    rng = random.Random(seed)
    for _ in range(flips):
        data[rng.randrange(len(data))] = rng.randrange(256)
    read(bytes(data[: max(1, int(len(data) * cut))]), "mutated.pdf")


# --------------------------------------------------------------------------- text

plain = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff"),
                min_size=1, max_size=80)


@FAST
@given(paras=st.lists(plain, min_size=1, max_size=10),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]),
       suffix=st.sampled_from([".txt", ".md"]))
def test_text_in_any_encoding_keeps_its_words_or_says_why(paras, encoding, suffix):
    text = "\n\n".join(paras)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
        encoding = "utf-8"
    result = read(data, "notice" + suffix)
    if isinstance(result, DocumentError):
        assert result.code in {"decode-error", "empty-file"} or not text.strip(), result
        return
    got = words(p.text for p in result.paragraphs)
    if suffix == ".txt" and encoding in ("utf-8", "utf-8-sig", "utf-16"):
        assert got == words(paras)
    else:  # markdown strips its markup; a legacy encoding may be guessed as another one
        assert len(got) <= len(words(paras)) + 5
