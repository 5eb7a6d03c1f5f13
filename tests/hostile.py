"""Generators of hostile and oversized documents, written by test code into a temporary directory.

Why generated and not committed: a zip bomb, a 2,000-page PDF or a 200 MB text
file must never sit in the repository (or in a wheel), and generating them
from a few lines of code documents exactly what is hostile about each.

Everything here writes raw bytes (zip members, PDF objects) instead of going
through python-docx or fpdf2: it is faster (a 2,000-page PDF in well under a
second) and it lets us build files that no well-behaved library would write
(lying zip directories, broken xref tables, entity declarations).
"""

from __future__ import annotations

import io
import os
import random
import resource
import struct
import subprocess
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

# --------------------------------------------------------------------------- docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def w_paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p>'


def document_xml(body: str, *, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )


def docx_bytes(document: str | bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word package (content types, root rels, document.xml) that python-docx opens."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("word/document.xml", document if isinstance(document, bytes) else document.encode("utf-8"))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    path.write_bytes(docx_bytes(document_xml("".join(w_paragraph(t) for t in paragraphs))))
    return path


def docx_many_tables(path: Path, tables: int = 10_000, marker_table: int | None = None, marker: str = "") -> Path:
    """A docx of ``tables`` one-cell tables; table ``marker_table`` (1-based) holds ``marker``."""
    cell = (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>'
        "<w:tr><w:tc>{}</w:tc></w:tr></w:tbl>"
    )
    parts = []
    for i in range(1, tables + 1):
        text = marker if i == marker_table else f"Lot item {i}: delivery of office supplies to building {i % 97}."
        parts.append(cell.format(w_paragraph(text)))
    path.write_bytes(docx_bytes(document_xml("".join(parts))))
    return path


def docx_xxe(path: Path, secret_file: str = "/etc/passwd") -> Path:
    """A docx whose document.xml declares an external entity pointing at a local file."""
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret_file}">]>'
    body = w_paragraph("Contract terms.") + '<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
    path.write_bytes(docx_bytes(document_xml(body, prolog=prolog)))
    return path


def docx_billion_laughs(path: Path, *, utf16: bool = False, part: str = "word/document.xml") -> Path:
    """The classic entity-expansion bomb (10^9 'lol's when expanded), in ``part`` of the package."""
    ents = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                                      for i in range(1, 10)]
    prolog = "<!DOCTYPE w:document [" + "".join(ents) + "]>"
    body = w_paragraph("Tender.") + "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
    xml = document_xml(body, prolog=prolog)
    if utf16:
        data = b"\xff\xfe" + xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le")
    else:
        data = xml.encode("utf-8")
    if part == "word/document.xml":
        path.write_bytes(docx_bytes(data))
    else:
        path.write_bytes(docx_bytes(document_xml(w_paragraph("Tender.")), extra={part: data}))
    return path


def docx_zip_bomb(path: Path, inflated_mb: int = 64, *, declared: int | None = None) -> Path:
    """A docx whose document.xml is ``inflated_mb`` MB of whitespace inside valid XML (ratio ~1000x).

    ``declared`` makes the zip directory lie about the inflated size (e.g. 1 MB
    for 64 MB really inside), so only a reader that counts what it inflates
    notices. Streams the compression: about 0.1 s per 16 MB.
    """
    head = document_xml("").split("<w:sectPr/>")[0] + w_paragraph("Tender.") + "<!--"
    tail = "--><w:sectPr/></w:body></w:document>"
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = 0
    size = 0
    chunks: list[bytes] = []

    def feed(b: bytes) -> None:
        nonlocal crc, size
        crc = zlib.crc32(b, crc)
        size += len(b)
        chunks.append(comp.compress(b))

    feed(head.encode())
    block = b" " * (1 << 20)
    for _ in range(inflated_mb):
        feed(block)
    feed(tail.encode())
    chunks.append(comp.flush())
    raw = b"".join(chunks)
    path.write_bytes(_zip_with_raw_member(raw, crc, size if declared is None else declared))
    return path


def docx_lying_directory(path: Path, declared: int = 4 * 2**30) -> Path:
    """A docx whose zip directory declares document.xml unpacks to ``declared`` bytes (a bomb by declaration)."""
    xml = document_xml(w_paragraph("Tender.")).encode()
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = raw.compress(xml) + raw.flush()
    path.write_bytes(_zip_with_raw_member(data, zlib.crc32(xml), min(declared, 0xFFFFFFFF)))
    return path


def docx_many_members(path: Path, members: int = 10_050) -> Path:
    extra = {f"word/media/part{i}.bin": b"x" for i in range(members)}
    path.write_bytes(docx_bytes(document_xml(w_paragraph("Tender.")), extra=extra))
    return path


def _zip_with_raw_member(deflated: bytes, crc: int, size: int) -> bytes:
    """A zip package whose word/document.xml member is ``deflated`` (raw deflate) with the given CRC and size."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
    entries = buf.getvalue()
    # Re-open the two members' local records and append ours by hand, then write a new central directory.
    zin = zipfile.ZipFile(io.BytesIO(entries))
    out = io.BytesIO()
    central = []
    for info in zin.infolist():
        data = zin.read(info.filename)
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        comp = c.compress(data) + c.flush()
        central.append(_local(out, info.filename, comp, zlib.crc32(data), len(data)))
    central.append(_local(out, "word/document.xml", deflated, crc, size))
    cd_start = out.tell()
    for rec in central:
        out.write(rec)
    cd_size = out.tell() - cd_start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), cd_size, cd_start, 0))
    return out.getvalue()


def _local(out: io.BytesIO, name: str, comp: bytes, crc: int, size: int) -> bytes:
    offset = out.tell()
    fn = name.encode()
    out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc & 0xFFFFFFFF, len(comp),
                          size & 0xFFFFFFFF, len(fn), 0))
    out.write(fn)
    out.write(comp)
    return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc & 0xFFFFFFFF, len(comp),
                       size & 0xFFFFFFFF, len(fn), 0, 0, 0, 0, 0, offset) + fn


# --------------------------------------------------------------------------- pdf

NOUNS = ["paper", "toner", "chairs", "desks", "laptops", "cables", "lamps", "filters", "gloves", "boxes",
         "folders", "pens", "labels", "screens", "racks", "mops", "soap", "towels", "bags", "tape",
         "batteries", "keyboards", "printers", "cartridges", "binders", "shelves", "trolleys", "ladders",
         "brushes", "buckets", "cleaners", "sponges", "wipes", "bins", "mats", "hooks", "clips"]
PLACES = ["north", "south", "east", "west", "central", "harbour", "airport", "station", "market", "river",
          "castle", "garden", "library", "museum", "school", "hospital", "stadium", "theatre", "bridge",
          "tower", "park", "square", "avenue", "canal", "forest", "hill", "valley", "lake", "beach", "field",
          "meadow", "orchard", "quarry", "mill", "farm", "dock", "pier", "gate", "wall", "yard", "court"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def page_lines(i: int) -> list[str]:
    """Three lines of plausible English for page ``i``, different on every page (no running header)."""
    n, p, d = NOUNS[i % len(NOUNS)], PLACES[(i * 7) % len(PLACES)], DAYS[(i * 3) % len(DAYS)]
    return [
        f"The contractor shall deliver {n} to the {p} depot every {d} before noon.",
        f"Deliveries of {n} are checked by the {p} site manager and signed for on receipt.",
        f"Missing {n} are replaced within two working days at no extra cost to the {p} office.",
    ]


def _pdf_string(text: str) -> bytes:
    return b"(" + text.encode("latin-1", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(
        b")", b"\\)") + b")"


def pdf_bytes(pages: list[list[str]], *, broken_xref: bool = False, truncate: float | None = None) -> bytes:
    """A PDF with one page per item of ``pages`` (lines of Helvetica text), written object by object.

    ``broken_xref`` writes an xref table whose offsets are all wrong and a
    ``startxref`` pointing into the middle of a stream: readers must repair or refuse.
    """
    objs: list[bytes] = []
    n = len(pages)
    # 1 catalog, 2 pages, 3 font, then per page: page object + content stream
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Count {n} /Kids [{kids}] >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        content = [b"BT /F1 11 Tf 72 760 Td 14 TL"]
        for line in lines:
            content.append(_pdf_string(line) + b" Tj T*")
        content.append(b"ET")
        stream = b"\n".join(content)
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                    f"/Contents {5 + 2 * i} 0 R >>".encode())
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % num + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    rng = random.Random(n)
    for off in offsets:
        if broken_xref:
            off = rng.randrange(0, xref)
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objs) + 1, (xref // 2) if broken_xref else xref))
    data = out.getvalue()
    if truncate is not None:
        data = data[: int(len(data) * truncate)]
    return data


def write_pdf(path: Path, n_pages: int, **kw) -> Path:
    path.write_bytes(pdf_bytes([page_lines(i) for i in range(n_pages)], **kw))
    return path


def encrypted_pdf(path: Path, user_password: str = "secret") -> Path:
    """A PDF that needs a password to open (pypdf, AES-256)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([page_lines(i) for i in range(3)]))))
    writer.encrypt(user_password=user_password, owner_password="owner-" + user_password, algorithm="AES-256")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


# --------------------------------------------------------------------------- text


def huge_one_line_text(path: Path, size_mb: int = 200) -> Path:
    """``size_mb`` MB of English words on ONE line (no newline), written in 1 MB blocks."""
    sentence = b"The supplier delivers clean towels to every school on time and without extra cost. "
    block = (sentence * ((1 << 20) // len(sentence) + 1))[: 1 << 20]
    with path.open("wb") as fh:
        for _ in range(size_mb):
            fh.write(block)
    return path


# --------------------------------------------------------------------------- running the CLI


@dataclass
class Run:
    code: int
    out: str
    err: str
    max_rss_mb: float
    seconds: float


def _limits(mem_gib: float, cpu_s: int):
    def apply() -> None:
        lim = int(mem_gib * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 5))
        os.setsid()

    return apply


def run_cli(*args: str | os.PathLike[str], timeout: float = 120, mem_gib: float = 3.0, cpu_s: int = 120,
            cwd: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``python -m fairtender ARGS`` in a subprocess under memory and CPU limits, with a wall timeout.

    Peak RSS: Linux carries a process's RSS high-water mark across fork+exec,
    so ``wait4`` on a child forked from a big pytest worker reports the
    worker's peak. GNU time forks the command from its own small process, so
    its figure is the command's own; without /usr/bin/time the ``wait4``
    figure (an upper bound) is used. A timeout kills the whole process group
    and fails the calling test with the command line, so a hang is a clear
    failure rather than a stuck CI job.
    """
    import tempfile
    import threading
    import time

    timefile = tempfile.NamedTemporaryFile("r", suffix=".time")  # noqa: SIM115 - closed below
    cmd = [sys.executable, "-m", "fairtender", *map(str, args)]
    if os.path.exists("/usr/bin/time"):
        cmd = ["/usr/bin/time", "-f", "%M", "-o", timefile.name, *cmd]
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=full_env,
                            preexec_fn=_limits(mem_gib, cpu_s))
    bufs: dict[str, bytes] = {}

    def drain(key: str, stream) -> None:
        bufs[key] = stream.read()

    threads = [threading.Thread(target=drain, args=(k, s), daemon=True)
               for k, s in (("out", proc.stdout), ("err", proc.stderr))]
    for t in threads:
        t.start()
    deadline = t0 + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(proc.pid, 9)
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            raise AssertionError(f"timed out after {timeout}s: {cmd}")
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    for t in threads:
        t.join(10)
    rss_mb = usage.ru_maxrss / 1024
    with timefile:
        last = (timefile.read().strip().splitlines() or [""])[-1]
        if last.isdigit():
            rss_mb = int(last) / 1024
    err = bufs.get("err", b"").decode("utf-8", "replace")
    err = "".join(ln for ln in err.splitlines(keepends=True) if not ln.startswith("Command exited with non-zero"))
    return Run(proc.returncode, bufs.get("out", b"").decode("utf-8", "replace"), err, rss_mb, seconds)


def assert_clean_failure(run: Run, code: str | set[str], name: str | None = None) -> None:
    """Exit 2, no traceback, stderr holds ONE ``fairtender: ...`` line naming the file; the JSON (if any) has the code."""
    codes = {code} if isinstance(code, str) else code
    assert run.code == 2, (run.code, run.err[-2000:])
    assert "Traceback" not in run.err and "Traceback" not in run.out, run.err[-2000:]
    lines = [ln for ln in run.err.splitlines() if ln.strip()]
    assert lines, "a failure must say something on stderr"
    assert all(ln.startswith("fairtender: ") for ln in lines), lines
    if name is not None:
        assert any(name in ln for ln in lines), (name, lines)
    if run.out.strip().startswith("{"):
        import json

        docs = json.loads(run.out)["documents"]
        got = {d["error"]["code"] for d in docs if d.get("error")}
        assert got and got <= codes, (got, codes)
