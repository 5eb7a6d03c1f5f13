"""The input guard: every file passes here before a parser sees a byte of it.

Why a separate guard: parsers (python-docx/lxml, pdfium) are built to read
documents, not to defend against them. A zip bomb is inflated by ``zipfile``
before python-docx can complain, an XML entity is expanded by the parser that
meets it, and an encrypted Word file (an OLE compound file, not a zip) gives a
baffling "not a zip file". So the guard checks the cheap, structural facts
first -- existence, size, suffix, magic bytes, zip directory, declared and
actual uncompressed sizes, DOCTYPE/ENTITY declarations -- and turns each into a
:class:`~fairtender.errors.DocumentError` with a stable code and a one-line
message that says what to do.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import DocumentError

#: File suffixes fairtender reads, mapped to ``Document.format``.
SUPPORTED_SUFFIXES: dict[str, str] = {".docx": "docx", ".pdf": "pdf", ".txt": "txt", ".md": "md"}

DEFAULT_MAX_BYTES = 100 * 2**20

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK"
#: The stream name an encrypted OOXML package has inside its OLE container (UTF-16LE).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class ZipLimits:
    """How much a .docx may inflate before we call it a zip bomb.

    Real Word files inflate 5-20x (XML compresses well) and rarely exceed a few
    tens of MB uncompressed; a bomb inflates thousands of times. ``max_ratio``
    only applies to members bigger than ``ratio_floor`` so a tiny, highly
    repetitive styles.xml never trips it.
    """

    max_total: int = 512 * 2**20
    max_ratio: float = 200.0
    ratio_floor: int = 2 * 2**20
    max_members: int = 10_000


DEFAULT_ZIP_LIMITS = ZipLimits()


def format_for(name: str) -> str | None:
    """The ``Document.format`` for a file name, or None when the suffix is not supported."""
    return SUPPORTED_SUFFIXES.get(Path(name).suffix.lower())


def check_path(path: Path, max_bytes: int) -> str:
    """Check that ``path`` is an existing, non-empty file of a supported kind within the size limit.

    Returns the format. Content checks happen in :func:`check_bytes` once the
    bytes are read (a single read, so the bytes hashed are the bytes parsed).
    """
    name = str(path)
    if not path.exists():
        raise DocumentError(name, "no such file or directory: check the path", code="not-found")
    if path.is_dir():
        raise DocumentError(name, "is a directory, not a document: pass the files or use iter_documents",
                            code="unsupported-format")
    fmt = format_for(path.name)
    if fmt is None:
        raise DocumentError(name, unsupported_message(path.name), code="unsupported-format")
    size = path.stat().st_size
    _check_size(name, size, max_bytes)
    return fmt


def check_bytes(data: bytes, name: str, max_bytes: int, *, zip_limits: ZipLimits = DEFAULT_ZIP_LIMITS) -> str:
    """Check document bytes (size, magic, container structure); return the format.

    Raises :class:`DocumentError` with a documented code for anything a parser
    should not be given.
    """
    fmt = format_for(name)
    if fmt is None:
        raise DocumentError(name, unsupported_message(name), code="unsupported-format")
    _check_size(name, len(data), max_bytes)
    if fmt == "docx":
        check_docx(data, name, zip_limits)
    elif fmt == "pdf":
        check_pdf(data, name)
    return fmt


def unsupported_message(name: str) -> str:
    suffix = Path(name).suffix or "(no suffix)"
    supported = ", ".join(SUPPORTED_SUFFIXES)
    return f"unsupported file type {suffix}: fairtender reads {supported} (save the document in one of these)"


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size == 0:
        raise DocumentError(name, "the file is empty (0 bytes): check that it was saved or copied completely",
                            code="empty-file")
    if size > max_bytes:
        raise DocumentError(
            name,
            f"the file is {_mb(size)}, over the {_mb(max_bytes)} limit: split it or raise the limit (max_bytes)",
            code="too-large",
        )


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n} bytes"


# --------------------------------------------------------------------------- docx


def check_docx(data: bytes, name: str, limits: ZipLimits = DEFAULT_ZIP_LIMITS) -> None:
    """Refuse what is not a safe Word package: OLE files, non-zips, zip bombs, DOCTYPE/ENTITY in XML."""
    if data.startswith(OLE_MAGIC):
        if is_encrypted_ole(data):
            raise DocumentError(name, "the document is password-protected: remove the password in Word and save again",
                                code="encrypted")
        raise DocumentError(name, "not a .docx (legacy .doc or other OLE file): open it in Word and save as .docx",
                            code="not-a-docx")
    if not data.startswith(ZIP_MAGIC):
        raise DocumentError(name, "not a .docx (not a zip package): open it in Word and save as .docx",
                            code="not-a-docx")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception as exc:  # noqa: BLE001 - a broken central directory raises many kinds of error
        raise DocumentError(name, f"not a .docx (broken zip: {exc}): open it in Word and save as .docx",
                            code="not-a-docx") from None
    with zf:
        names = {i.filename for i in infos}
        if "word/document.xml" not in names:
            raise DocumentError(name, "not a .docx (the package has no word/document.xml): save it from Word as .docx",
                                code="not-a-docx")
        _check_zip_sizes(name, infos, limits)
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and not info.is_dir():
                _scan_xml_member(zf, info, name, limits)


def _check_zip_sizes(name: str, infos: list[zipfile.ZipInfo], limits: ZipLimits) -> None:
    """Refuse by the sizes the zip directory declares, before anything is inflated."""
    if len(infos) > limits.max_members:
        raise DocumentError(name, f"zip bomb refused: {len(infos)} parts in the package (limit {limits.max_members})",
                            code="zip-bomb")
    total = 0
    for info in infos:
        total += info.file_size
        if total > limits.max_total:
            raise DocumentError(
                name,
                f"zip bomb refused: unpacks to more than {_mb(limits.max_total)}: the file is not a normal Word document",
                code="zip-bomb",
            )
        if info.file_size > limits.ratio_floor:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise DocumentError(
                    name,
                    f"zip bomb refused: {info.filename} inflates {ratio:.0f}x (limit {limits.max_ratio:.0f}x): "
                    "the file is not a normal Word document",
                    code="zip-bomb",
                )


_CHUNK = 1 << 20


def _scan_xml_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: ZipLimits) -> None:
    """Stream one XML part: refuse DOCTYPE/ENTITY declarations and cap the bytes really inflated.

    The declared sizes checked above may lie; this read counts what comes out.
    ``zipfile`` itself stops at the declared size, so the cap is a second line.
    """
    markers = (b"<!DOCTYPE", b"<!ENTITY")
    read = 0
    tail = b""
    utf16: str | None = None
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                if read == 0 and chunk[:2] in (b"\xff\xfe", b"\xfe\xff"):
                    utf16 = "utf-16-le" if chunk[:2] == b"\xff\xfe" else "utf-16-be"
                read += len(chunk)
                if read > limits.max_total:
                    raise DocumentError(name, f"zip bomb refused: {info.filename} unpacks to more than "
                                        f"{_mb(limits.max_total)}", code="zip-bomb")
                window = tail + chunk
                if utf16 is not None:
                    found = any(m.decode().encode(utf16) in window for m in markers)
                else:
                    found = any(m in window for m in markers)
                if found:
                    raise DocumentError(
                        name,
                        f"unsafe XML refused: {info.filename} declares a DOCTYPE or ENTITY "
                        "(external entity / entity expansion attack): do not open this file; ask for a clean copy",
                        code="unsafe-xml",
                    )
                tail = chunk[-32:]
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - zlib.error, BadZipFile (CRC), NotImplementedError (method), ...
        raise DocumentError(name, f"corrupt .docx ({info.filename}: {exc}): open it in Word and save again",
                            code="corrupt") from None


def is_encrypted_ole(data: bytes) -> bool:
    """True when an OLE compound file holds an ``EncryptedPackage`` stream (a password-protected OOXML file).

    The directory entries store stream names in UTF-16LE; a byte search over
    the file finds the name without a full CFB parser. A legacy .doc never has
    that stream.
    """
    return data.startswith(OLE_MAGIC) and _ENCRYPTED_PACKAGE in data


# --------------------------------------------------------------------------- pdf


def check_pdf(data: bytes, name: str) -> None:
    """A PDF must carry the ``%PDF-`` header in its first KiB (as readers tolerate leading junk)."""
    if b"%PDF-" not in data[:1024]:
        if data.startswith(OLE_MAGIC) or data.startswith(ZIP_MAGIC):
            what = "an Office file"
        else:
            what = "no %PDF- header"
        raise DocumentError(name, f"not a PDF ({what}): check the file or export it to PDF again", code="corrupt")
