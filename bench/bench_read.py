"""Benchmark the document readers against pdftotext (poppler-utils) as the reference.

    .venv/bin/python bench/bench_read.py [--pages 120] [--repeat 3] [--pdf FILE]

Generates a 100+ page .docx (headings, body text, tables) in a temp dir, times
``read_document`` on it, and on the largest PDF under ../shared/real-world/
(skipped with a message when absent), and runs ``pdftotext`` on that same PDF
(skipped when poppler-utils is not installed). Prints pages per second and
the ratio to pdftotext. Target (issue 3): reading + language detection of a
100-page PDF within 3x pdftotext -- reading alone must leave headroom.

Timings are the best of ``--repeat`` runs, in this process (warm imports).
Not a test: never asserts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "real-world"


def make_docx(path: Path, sections: int) -> int:
    """Write a long tender: ``sections`` numbered sections of prose, a sub-heading, a list and a table each.

    Returns an estimate of the page count (about 500 words per page).
    """
    import docx

    d = docx.Document()
    d.add_heading("Framework agreement for facility services", level=0)
    sentence = ("The contractor shall perform the services with due care, in accordance with the "
                "specifications in this section and the applicable legislation, and shall report "
                "any deviation to the contracting authority without delay. ")
    words = 0
    for s in range(1, sections + 1):
        d.add_heading(f"{s}. Requirements for service package {s}", level=1)
        for k in range(1, 3):
            d.add_heading(f"{s}.{k} Detailed requirements {s}.{k}", level=2)
            for _ in range(3):
                d.add_paragraph(sentence * 3)
                words += len(sentence.split()) * 3
            d.add_paragraph("annual accounts of the last three years;", style="List Bullet")
            d.add_paragraph("two references for comparable services.", style="List Bullet")
        t = d.add_table(rows=4, cols=3)
        for r in range(4):
            for c in range(3):
                t.cell(r, c).text = f"Criterion {s}.{r}.{c}: minimum level EUR {1000 * (r + 1):,}"
        words += 12 * 6
    d.save(str(path))
    return max(1, words // 500)


def best_of(fn, repeat: int) -> tuple[float, object]:
    best = float("inf")
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def largest_pdf(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    if not SHARED.is_dir():
        return None
    pdfs = sorted(SHARED.rglob("*.pdf"), key=lambda p: p.stat().st_size, reverse=True)
    return pdfs[0] if pdfs else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sections", type=int, default=90, help="sections in the generated docx (~1.2 pages each)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pdf", help="PDF to time (default: the largest under ../shared/real-world)")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    from fairtender.readers import read_document

    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long-tender.docx"
        pages = make_docx(path, args.sections)
        secs, doc = best_of(lambda: read_document(path), args.repeat)
        rows.append(("docx (generated)", f"~{pages} pages, {len(doc.paragraphs)} paragraphs",
                     f"{secs:.3f} s", f"{pages / secs:.0f} pages/s"))

    pdf = largest_pdf(args.pdf)
    ratio_note = ""
    if pdf is None or not pdf.exists():
        rows.append(("pdf", "skipped: no PDF under ../shared/real-world", "-", "-"))
    else:
        secs, doc = best_of(lambda: read_document(pdf), args.repeat)
        rows.append((f"pdf {pdf.name[:40]}", f"{doc.pages} pages, {len(doc.paragraphs)} paragraphs",
                     f"{secs:.3f} s", f"{doc.pages / secs:.0f} pages/s"))
        exe = shutil.which("pdftotext")
        if exe is None:
            rows.append(("pdftotext", "skipped: poppler-utils not installed (apt-get install poppler-utils)",
                         "-", "-"))
        else:
            ref, _ = best_of(lambda: subprocess.run([exe, "-q", str(pdf), "-"], check=True,
                                                    stdout=subprocess.DEVNULL), args.repeat)
            rows.append(("pdftotext (reference)", f"{doc.pages} pages", f"{ref:.3f} s",
                         f"{doc.pages / ref:.0f} pages/s"))
            ratio_note = f"fairtender PDF reading / pdftotext = {secs / ref:.2f}x (target incl. language detection: <= 3x)"

    width = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        print("  ".join(cell.ljust(width[i]) for i, cell in enumerate(r)))
    if ratio_note:
        print(ratio_note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
