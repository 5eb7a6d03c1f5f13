"""The HTML report in a real browser: headless Chromium renders it to PNG and PDF, and its DOM is checked.

Skipped, with the reason shown, when /usr/bin/chromium is missing (CI installs it).
The screenshots land in pytest's tmp dir; set FAIRTENDER_SCREENSHOT_DIR to keep them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fairtender.models import CheckReport
from fairtender.render import html
from render_helpers import sample_report

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless browser test needs /usr/bin/chromium (apt-get install chromium)"),
]

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--disable-dev-shm-usage",
]


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def render_in_browser(report: CheckReport, tmp: Path, name: str) -> tuple[str, Path, Path]:
    page = tmp / f"{name}.html"
    page.write_text(html.render(report, generated=dt.date(2026, 11, 25)), encoding="utf-8")
    url = page.as_uri()
    dom = chromium(tmp, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    png, pdf = tmp / f"{name}.png", tmp / f"{name}.pdf"
    shot = chromium(tmp, f"--screenshot={png}", "--window-size=1280,2000", url)
    assert shot.returncode == 0, shot.stderr[-2000:]
    printed = chromium(tmp, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", url)
    assert printed.returncode == 0, printed.stderr[-2000:]
    keep = os.environ.get("FAIRTENDER_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for f in (png, pdf):
            shutil.copy(f, Path(keep) / f.name)
    return dom.stdout, png, pdf


def pdf_pages(pdf: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def png_size(png: Path) -> tuple[int, int]:
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_sample_report_renders_in_chromium(tmp_path):
    report = sample_report()
    dom, png, pdf = render_in_browser(report, tmp_path, "sample-report")

    # the DOM Chromium built: headings, one element per finding, no script ever executed or created
    assert "<script" not in dom.lower()
    assert re.search(r"<h1>\s*3 procurement documents\s*</h1>", dom)
    for heading in ("Contents", "Summary", "Anti-discrimination clause", "Findings", "Document could not be checked"):
        assert f">{heading}<" in dom or f">{heading} <" in dom, heading
    findings = re.findall(r'<div class="finding sev-(error|warning|info)[^"]*"', dom)
    assert len(findings) == sum(len(d.findings) for d in report.documents)
    assert findings.count("error") == report.summary.errors
    assert len(re.findall(r'<article class="document"', dom)) == 3

    assert png_size(png) == (1280, 2000)
    assert png.stat().st_size > 20_000  # a rendered page, not a blank one
    assert pdf.read_bytes()[:5] == b"%PDF-"
    # print CSS: each document starts on its own page, so at least one page per document
    assert pdf_pages(pdf) >= len(report.documents)


def test_fixture_tender_report_renders_in_chromium(tmp_path):
    """The real pipeline on a bundled example tender, rendered in the browser."""
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    docs = sorted(fixtures.glob("*.docx")) if fixtures.is_dir() else []
    tenders = [p for p in docs if p.name.startswith("tender")] or docs
    if not tenders:
        pytest.skip("no example tender in fixtures/ yet")
    import fairtender

    report = fairtender.check(tenders[0])
    dom, png, pdf = render_in_browser(report, tmp_path, "fixture-report")
    assert len(re.findall(r'<div class="finding sev-', dom)) == len(report.documents[0].findings)
    assert ">Summary<" in dom
    assert pdf.read_bytes()[:5] == b"%PDF-"
