"""The input guard and iter_documents: every bad input gets its documented code and a one-line message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from fairtender.errors import DocumentError
from fairtender.readers import SUPPORTED_SUFFIXES, iter_documents, read_bytes, read_document
from fairtender.readers.guard import OLE_MAGIC, ZipLimits, check_bytes, is_encrypted_ole

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _error(fn, *args, **kwargs) -> DocumentError:
    with pytest.raises(DocumentError) as e:
        fn(*args, **kwargs)
    err = e.value
    assert "\n" not in err.message and err.exit_code == 2
    return err


def _docx_bytes(text: str = "Hello.") -> bytes:
    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph(text)
    d.save(buf)
    return buf.getvalue()


def _replace_member(data: bytes, member: str, content: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == member else src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- paths


def test_missing_path(tmp_path):
    err = _error(read_document, tmp_path / "nope.docx")
    assert err.code == "not-found" and "nope.docx" in err.message


def test_zero_byte_file(tmp_path):
    f = tmp_path / "empty.pdf"
    f.write_bytes(b"")
    err = _error(read_document, f)
    assert err.code == "empty-file" and "empty.pdf" in err.message


@pytest.mark.parametrize("name", ["tender.doc", "tender.rtf", "tender.odt", "README"])
def test_unsupported_extension(tmp_path, name):
    f = tmp_path / name
    f.write_bytes(b"something")
    err = _error(read_document, f)
    assert err.code == "unsupported-format" and ".docx" in err.message


def test_file_over_size_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("x" * 5000)
    err = _error(read_document, f, max_bytes=1000)
    assert err.code == "too-large" and "max_bytes" in err.message
    assert read_document(f, max_bytes=10_000).paragraphs[0].text.startswith("xxx")
    err = _error(read_bytes, b"y" * 50, "mem.txt", max_bytes=10)
    assert err.code == "too-large"


def test_directory_given_to_read_document(tmp_path):
    (tmp_path / "dir.docx").mkdir()
    assert _error(read_document, tmp_path / "dir.docx").code == "unsupported-format"


# --------------------------------------------------------------------------- docx structure


def test_docx_that_is_not_a_zip(tmp_path):
    f = tmp_path / "plain.docx"
    f.write_text("I am plain text pretending to be Word.")
    err = _error(read_document, f)
    assert err.code == "not-a-docx" and "plain.docx" in err.message


def test_docx_with_broken_zip():
    data = _docx_bytes()
    err = _error(read_bytes, data[: len(data) // 2], "half.docx")
    assert err.code == "not-a-docx"


def test_zip_without_word_document_xml():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    err = _error(read_bytes, buf.getvalue(), "sheet.docx")
    assert err.code == "not-a-docx" and "word/document.xml" in err.message


def _cfb(*stream_names: str) -> bytes:
    """A minimal OLE compound file image: the magic, a header and directory entries with UTF-16LE names."""
    header = OLE_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + b"\x00" * (512 - 32)
    entries = b""
    for name in ("Root Entry", *stream_names):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entries += raw + b"\x00" * (64 - len(raw)) + len(raw).to_bytes(2, "little") + b"\x02" + b"\x00" * 61
    return header + entries + b"\x00" * (512 - len(entries) % 512)


def test_password_protected_docx_is_encrypted(tmp_path):
    data = _cfb("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces")
    assert is_encrypted_ole(data)
    f = tmp_path / "locked.docx"
    f.write_bytes(data)
    err = _error(read_document, f)
    assert err.code == "encrypted" and "password" in err.message


def test_legacy_doc_renamed_to_docx():
    data = _cfb("WordDocument", "1Table", "\x05SummaryInformation")
    assert not is_encrypted_ole(data)
    err = _error(read_bytes, data, "old.docx")
    assert err.code == "not-a-docx" and "save as .docx" in err.message


XXE = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize(
    ("member", "content"),
    [
        ("word/document.xml", XXE),
        ("word/document.xml", LAUGHS),
        ("word/styles.xml", XXE),
        ("[Content_Types].xml", b'<?xml version="1.0"?><!DOCTYPE Types SYSTEM "http://evil.example/t.dtd"><Types/>'),
        ("word/document.xml", XXE.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")),
    ],
)
def test_docx_declaring_doctype_or_entities_is_refused(tmp_path, member, content):
    data = _replace_member(_docx_bytes(), member, content)
    f = tmp_path / "evil.docx"
    f.write_bytes(data)
    err = _error(read_document, f)
    assert err.code == "unsafe-xml" and member in err.message


def _with_extra_member(name: str, writer) -> bytes:
    buf = io.BytesIO()
    src = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        zi = zipfile.ZipInfo(name)
        zi.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(zi, "w", force_zip64=True) as fh:
            writer(fh)
    return buf.getvalue()


def test_zip_bomb_by_ratio_with_default_limits():
    # 4 MB of zeros deflate ~1000x: far beyond a Word file's 5-20x
    data = _with_extra_member("word/media/padding.xml", lambda fh: fh.write(b"\x00" * (4 * 2**20)))
    err = _error(read_bytes, data, "bomb.docx")
    assert err.code == "zip-bomb" and "inflates" in err.message


def test_large_bomb_streamed_write_refused_by_declared_size():
    """256 MiB of zeros written in a stream (a scaled-down 2 GB bomb): refused from the zip directory."""
    chunk = b"\x00" * (1 << 20)

    def write(fh):
        for _ in range(256):
            fh.write(chunk)

    data = _with_extra_member("word/document2.xml", write)
    assert len(data) < 1_000_000
    err = _error(read_bytes, data, "bomb.docx")
    assert err.code == "zip-bomb"
    limits = ZipLimits(max_total=100 * 2**20, max_ratio=1e9)  # ratio rule off: the total-size rule refuses
    with pytest.raises(DocumentError) as e:
        check_bytes(data, "bomb.docx", 10**9, zip_limits=limits)
    assert e.value.code == "zip-bomb" and "unpacks to more than" in e.value.message


def test_zip_bomb_by_total_uncompressed_size():
    buf = io.BytesIO()
    src = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        for i in range(3):
            dst.writestr(f"word/media/part{i}.bin", b"\x00" * 200_000)
    limits = ZipLimits(max_total=500_000, max_ratio=1e9)
    with pytest.raises(DocumentError) as e:
        check_bytes(buf.getvalue(), "big.docx", 10**9, zip_limits=limits)
    assert e.value.code == "zip-bomb" and "unpacks to more than" in e.value.message
    # the same package passes with the defaults: the guard is about inflation, not about media
    assert check_bytes(buf.getvalue(), "big.docx", 10**9) == "docx"


def test_zip_bomb_streamed_cap_catches_what_declared_sizes_hide():
    # a member whose streamed size exceeds the cap even though the ratio rule is disabled
    buf = io.BytesIO()
    src = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "word/document.xml":
                body = body + b"<!--" + b" " * 3_000_000 + b"-->"
            dst.writestr(info.filename, body)
    limits = ZipLimits(max_total=2_000_000, max_ratio=1e9)
    with pytest.raises(DocumentError) as e:
        check_bytes(buf.getvalue(), "padded.docx", 10**9, zip_limits=limits)
    assert e.value.code == "zip-bomb"


def test_good_docx_passes_guard():
    assert check_bytes((FIXTURES / "tender-cleaning-en.docx").read_bytes(), "ok.docx", 10**8) == "docx"


# --------------------------------------------------------------------------- iter_documents


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "tenders"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for rel in ["b.docx", "a.pdf", "sub/c.txt", "sub/deeper/d.md", "notes.odt", ".secret.txt", "~$b.docx",
                ".hidden/e.txt", "sub/image.png"]:
        (root / rel).write_bytes(b"x")
    return root


def test_iter_documents_expands_directories_sorted_and_filtered(tmp_path):
    root = _tree(tmp_path)
    got = [p.relative_to(root).as_posix() for p in iter_documents(root)]
    assert got == ["a.pdf", "b.docx", "sub/c.txt", "sub/deeper/d.md"]


def test_iter_documents_keeps_explicit_files_in_order(tmp_path):
    root = _tree(tmp_path)
    got = iter_documents([root / "sub" / "c.txt", str(root / "a.pdf")])
    assert [p.name for p in got] == ["c.txt", "a.pdf"]


def test_iter_documents_errors(tmp_path):
    err = _error(iter_documents, tmp_path / "missing")
    assert err.code == "not-found"
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.odt").write_bytes(b"x")
    err = _error(iter_documents, [empty])
    assert err.code == "empty-directory" and "empty" in err.message
    f = tmp_path / "tender.doc"
    f.write_bytes(b"x")
    assert _error(iter_documents, f).code == "unsupported-format"


def test_supported_suffixes():
    assert set(SUPPORTED_SUFFIXES) == {".docx", ".pdf", ".txt", ".md"}


def test_every_fixture_reads(tmp_path):
    for f in iter_documents(FIXTURES):
        doc = read_document(f)
        assert len(doc.paragraphs) > 20, f


def test_file_name_with_newline_gives_a_one_line_message(tmp_path):
    f = tmp_path / "evil\nname.docx"
    f.write_bytes(b"not a zip")
    err = _error(read_document, f)
    assert err.code == "not-a-docx" and "evil\\nname.docx" in err.message
    err = _error(read_bytes, b"", "a\rb.txt")
    assert err.code == "empty-file" and "a\\rb.txt" in err.message


def test_unicode_file_name_is_kept(tmp_path):
    f = tmp_path / "upphandling-förfrågan-ärende.txt"
    f.write_text("Anbudet ska vara skrivet på svenska.", encoding="utf-8")
    doc = read_document(f)
    assert doc.path.endswith("upphandling-förfrågan-ärende.txt")
