"""Document readers: .docx, .pdf, .txt and .md into one :class:`~fairtender.models.Document`.

Every input first passes the guard (:mod:`.guard`), then one format reader.
The file is read once into memory (at most ``max_bytes``, 100 MB by default):
the bytes hashed are the bytes parsed, and the library API can pass bytes
directly (:func:`read_bytes`). Anything that goes wrong surfaces as a
:class:`~fairtender.errors.DocumentError` with a documented code, never as a
parser traceback.

Paragraph locations: ``index`` is the 1-based position in reading order after
empty paragraphs are dropped; ``page`` is set for PDF only; ``section_path``
is the path of headings above the paragraph (a heading's own path holds its
parents, not itself).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import DocumentError
from ..models import Document
from .guard import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, check_bytes, check_path

__all__ = ["SUPPORTED_SUFFIXES", "DEFAULT_MAX_BYTES", "read_document", "read_bytes", "iter_documents"]


def _printable(name: str) -> str:
    """The file name as it may appear in a one-line message: control characters (a newline!) escaped."""
    if all(c >= " " and c != "\x7f" for c in name):
        return name
    return "".join(c if c >= " " and c != "\x7f" else repr(c)[1:-1] for c in name)


def _one_line_errors(fn):
    """Re-raise a DocumentError whose file name holds control characters with the name escaped."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except DocumentError as exc:
            shown = _printable(exc.path)
            if shown != exc.path:
                raise DocumentError(shown, exc.reason, code=exc.code) from None
            raise

    return wrapper


@_one_line_errors
def read_document(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a document file into paragraphs with locations.

    Raises :class:`DocumentError` (codes: not-found, empty-file,
    unsupported-format, too-large, not-a-docx, corrupt, encrypted, scanned-pdf,
    unsafe-xml, zip-bomb, decode-error).
    """
    p = Path(path)
    check_path(p, max_bytes)
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentError(str(p), f"cannot be read ({exc.strerror or exc}): check permissions",
                            code="not-found") from None
    return read_bytes(data, str(p), max_bytes=max_bytes)


#: The most text (characters) one document may hold: about 4,000 pages. Reading and analysis take
#: ~75 bytes of memory per character, so a 200 MB one-line .txt (allowed by --max-size 300) grew past
#: 11 GB; refusing it up front keeps a check within bounded memory and time.
MAX_TEXT_CHARS = 10_000_000


def _too_much_text(name: str, chars: int, *, at_least: bool = False) -> DocumentError:
    what = "at least " if at_least else ""
    return DocumentError(name, f"the document holds {what}{chars / 1e6:.1f} million characters of text, over the "
                         f"{MAX_TEXT_CHARS / 1e6:.0f} million checked in one go: split it", code="too-large")


@_one_line_errors
def read_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read document bytes; the format comes from ``name``'s suffix (``name`` becomes ``Document.path``)."""
    fmt = check_bytes(data, name, max_bytes)
    if fmt in ("txt", "md") and len(data) > 4 * MAX_TEXT_CHARS:  # even 4-byte UTF-8 is over the limit
        raise _too_much_text(name, len(data) // 4, at_least=True)
    notes: list[str] = []
    pages: int | None = None
    try:
        if fmt == "docx":
            from .docx import read_docx

            paragraphs = read_docx(data, name)
        elif fmt == "pdf":
            from .pdf import read_pdf

            paragraphs, pages, notes = read_pdf(data, name)
        else:
            from .text import read_text

            paragraphs, notes = read_text(data, name, fmt)
    except DocumentError:
        raise
    except (MemoryError, RecursionError):
        raise DocumentError(name, "the document is too large or too deeply nested to read: split it",
                            code="too-large") from None
    except Exception as exc:  # noqa: BLE001 - parsers raise anything on broken input; never a traceback
        what = type(exc).__name__
        raise DocumentError(name, f"corrupt {fmt} file ({what}: {_short(exc)}): open it and save it again",
                            code="corrupt") from None
    chars = sum(len(p.text) for p in paragraphs)
    if chars > MAX_TEXT_CHARS:
        raise _too_much_text(name, chars)
    return Document(
        path=name,
        format=fmt,
        paragraphs=paragraphs,
        pages=pages,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        notes=notes,
    )


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:120] + ("..." if len(text) > 120 else "")


def _skipped(p: Path) -> bool:
    """Hidden files and Word's ``~$`` lock files are never documents to check."""
    return p.name.startswith((".", "~$"))


@_one_line_errors
def iter_documents(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand files and directories (recursively) into the document files to read.

    Directories contribute their supported files, sorted, skipping hidden
    files/directories and Word lock files. An explicitly named file must have
    a supported suffix. Raises ``not-found``, ``empty-directory`` or
    ``unsupported-format``.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[Path] = []
    for item in paths:
        p = Path(item)
        if not p.exists():
            raise DocumentError(str(p), "no such file or directory: check the path", code="not-found")
        if p.is_dir():
            found = _walk(p)
            if not found:
                raise DocumentError(
                    str(p),
                    f"no {', '.join(SUPPORTED_SUFFIXES)} files in this directory: check the path",
                    code="empty-directory",
                )
            out.extend(found)
        else:
            if p.suffix.lower() not in SUPPORTED_SUFFIXES:
                from .guard import unsupported_message

                raise DocumentError(str(p), unsupported_message(p.name), code="unsupported-format")
            out.append(p)
    return out


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in filenames:
            f = Path(dirpath) / fn
            if not _skipped(f) and f.suffix.lower() in SUPPORTED_SUFFIXES and f.is_file():
                found.append(f)
    return sorted(found)
