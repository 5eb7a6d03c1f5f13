"""Read .txt and .md files.

Encoding: UTF-8 (a BOM is fine, UTF-16 with a BOM too); when the bytes are not
UTF-8 we fall back to Windows-1252 (what Word's "plain text" export and most
Western European tools write), then Latin-1, and say so in a note -- a wrong
guess there only garbles a few accented letters, which is better than
refusing the file. Only binary junk (NUL bytes) is refused with
``decode-error``.

Markdown: ``#`` headings (and setext underlines) make the heading path; blank
lines separate paragraphs, list items and table cells are paragraphs of their
own.

Plain text: every non-empty line is a paragraph, unless it is a soft-wrapped
continuation of the line before (that line does not end a sentence and this
one starts in lowercase, or that line is long prose without final
punctuation). Numbered heading lines ("2.3 Financial standing", "Artikel 8 -
Geheimhouding", "§ 6 Nachunternehmer"), ALL-CAPS lines and short title-like
lines standing alone after a blank line set the heading path. Short passages
such as "2.3 Financial standing\\nEstimated value: EUR 80,000.\\nThe tenderer
must ..." thus become one heading and two paragraphs.
"""

from __future__ import annotations

import re

from ..errors import DocumentError
from ..models import Paragraph
from .structure import SectionTracker, is_caps_heading, looks_like_statement, numbered_heading_level, renumber

_TERMINAL = (".", "!", "?", ":", ";")
_BULLET = re.compile(r"^(?:[-*+•●▪–]\s+|\(?[a-z]\)\s+|\(?\d{1,2}[.)]\s+(?=\S))")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^(=+|-+)\s*$")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_LONG_LINE = 60


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode text bytes; return the text and notes about the encoding used."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            raise DocumentError(name, "broken UTF-16 text: save the file again as UTF-8",
                                code="decode-error") from None
    if b"\x00" in data:
        raise DocumentError(name, "binary data, not text (NUL bytes): give the original document or save it as "
                            "UTF-8 text", code="decode-error")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "Windows-1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "Latin-1"
    return text, [f"not valid UTF-8: read as {encoding}; save the file as UTF-8 if accents look wrong"]


def read_text(data: bytes, name: str, fmt: str) -> tuple[list[Paragraph], list[str]]:
    text, notes = decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "txt" and "\x0c" in text:
        lines = _strip_page_furniture(text)
    else:
        lines = [_clean(line) for line in text.split("\n")]
    paras = read_markdown(lines) if fmt == "md" else read_plain(lines)
    return renumber(paras), notes


def _clean(line: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()


def _strip_page_furniture(text: str) -> list[str]:
    """Text with form feeds (pdftotext output) has pages: drop their running headers/footers like the PDF reader."""
    from .pdf import strip_running_lines  # pure Python; shares the PDF reader's header/footer logic

    pages = [[_clean(line) for line in page.split("\n")] for page in text.split("\x0c")]
    lines: list[str] = []
    for page in strip_running_lines(pages):
        lines.extend(page)
        lines.append("")
    return lines


# --------------------------------------------------------------------------- plain text


def _txt_heading_level(lines: list[str], i: int) -> int | None:
    line = lines[i]
    level = numbered_heading_level(line)
    if level is not None and not looks_like_statement(line):
        return level
    before_blank = i == 0 or not lines[i - 1]
    after_text = i + 1 < len(lines) and bool(lines[i + 1])
    if is_caps_heading(line) and (before_blank or after_text):
        return 1
    # a short title-like line standing alone after a blank line, followed directly by text
    if (before_blank and after_text and len(line) <= 60 and len(line.split()) <= 8
            and line[0].isupper() and not line.endswith((*_TERMINAL, ","))
            and not _BULLET.match(line) and not re.search(r"\d{3,}", line)
            and not looks_like_statement(line)):
        return 1
    return None


def read_plain(lines: list[str]) -> list[Paragraph]:
    out: list[Paragraph] = []
    sections = SectionTracker()
    current: Paragraph | None = None
    last_line = ""
    for i, line in enumerate(lines):
        if not line:
            current = None
            continue
        if out and out[-1].kind == "heading" and current is None and lines[i - 1] and _heading_wraps(out[-1].text, line):
            out[-1].text = f"{out[-1].text} {line}"
            sections.retitle_last(out[-1].text)
            continue
        level = _txt_heading_level(lines, i)
        if level is not None:
            path = sections.heading(level, line)
            out.append(Paragraph(index=0, text=line, section_path=path, kind="heading", heading_level=level))
            current = None
            continue
        bullet = bool(_BULLET.match(line))
        if current is not None and not bullet and _soft_wrapped(last_line, line):
            current.text = _join(current.text, line)
            last_line = line
            continue
        last_line = line
        current = Paragraph(index=0, text=line, section_path=sections.path, kind="list-item" if bullet else "body")
        out.append(current)
    return out


def _heading_wraps(heading: str, line: str) -> bool:
    """A long heading line followed by a short lowercase line: the heading wrapped."""
    return line[0].islower() and len(heading) >= 50 and len(line) <= 40 and not line.endswith(_TERMINAL)


def _soft_wrapped(prev: str, line: str) -> bool:
    """Is ``line`` a continuation of ``prev`` rather than a new statement?"""
    if prev.endswith(_TERMINAL):
        return False
    if line[0].islower() or prev.endswith(("-", ",")):
        return True
    # hard-wrapped prose: a long line stopping mid-sentence, then "1,000,000 per year" or "(see 4.2)".
    # A capitalised line after it stays a statement of its own (short passages list one per line).
    return len(prev) >= _LONG_LINE and not line[0].isupper()


def _join(left: str, right: str) -> str:
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[:1].islower():
        return left[:-1] + right
    return left + " " + right


# --------------------------------------------------------------------------- markdown


def _md_inline(text: str) -> str:
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [label](url) -> label
    return text.replace("`", "").strip()


def read_markdown(lines: list[str]) -> list[Paragraph]:
    out: list[Paragraph] = []
    sections = SectionTracker()
    buffer: list[str] = []
    buffer_kind = "body"
    in_fence = False

    def flush() -> None:
        nonlocal buffer, buffer_kind
        if buffer:
            text = _md_inline(" ".join(buffer))
            if text:
                out.append(Paragraph(index=0, text=text, section_path=sections.path, kind=buffer_kind))
        buffer, buffer_kind = [], "body"

    def heading(level: int, text: str) -> None:
        text = _md_inline(text)
        if text:
            path = sections.heading(level, text)
            out.append(Paragraph(index=0, text=text, section_path=path, kind="heading", heading_level=level))

    for i, raw in enumerate(lines):
        line = raw
        if line.startswith(("```", "~~~")):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if line:
                buffer.append(line)
                flush()
            continue
        m = _MD_HEADING.match(line)
        if m:
            flush()
            heading(len(m.group(1)), m.group(2))
            continue
        if line and _MD_SETEXT.match(line) and buffer and len(buffer) == 1 and i > 0 and lines[i - 1]:
            text = buffer.pop()
            flush()
            heading(1 if line.startswith("=") else 2, text)
            continue
        if not line:
            flush()
            continue
        line = re.sub(r"^>\s?", "", line)
        if line.startswith("|"):
            flush()
            if not _MD_TABLE_RULE.match(line):
                for cell in line.strip("|").split("|"):
                    cell = _md_inline(cell)
                    if cell:
                        out.append(Paragraph(index=0, text=cell, section_path=sections.path, kind="table-cell"))
            continue
        if _BULLET.match(line):
            flush()
            buffer, buffer_kind = [re.sub(r"^[-*+•●▪–]\s+", "", line)], "list-item"
            continue
        buffer.append(line)
    flush()
    return out
