"""The HTML review in a real browser: headless Chromium renders it (DOM, PNG screenshot, PDF) offline.

Skipped, with the reason shown, when /usr/bin/chromium is missing (CI installs it).
Set FAIRTENDER_SCREENSHOT_DIR to keep the screenshot and the PDF for a look.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fairtender.review import render_html
from fairtender.review.figures import compute_review
from test_review_fixtures import AS_OF, shared_register

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="headless browser test needs /usr/bin/chromium (apt-get install chromium)"),
]

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         "--disable-dev-shm-usage"]


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review-browser")
    data = compute_review(shared_register(tmp_path_factory), 2026, as_of=AS_OF)
    page = tmp / "review.html"
    page.write_text(render_html.render(data), encoding="utf-8")
    url = page.as_uri()
    dom = chromium(tmp, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    png, pdf = tmp / "review.png", tmp / "review.pdf"
    shot = chromium(tmp, f"--screenshot={png}", "--window-size=1200,2600", url)
    assert shot.returncode == 0, shot.stderr[-2000:]
    printed = chromium(tmp, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", url)
    assert printed.returncode == 0, printed.stderr[-2000:]
    keep = os.environ.get("FAIRTENDER_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for f in (png, pdf):
            shutil.copy(f, Path(keep) / f"review-{f.name}")
    return data, dom.stdout, png, pdf


def test_dom_has_the_sections_and_figures(rendered):
    data, dom, _png, _pdf = rendered
    h2 = re.findall(r"<h2[^>]*>(.*?)</h2>", dom)
    assert h2 == ["Benchmark questions on procurement", "Recommended actions", "Contracts awarded",
                  "Tenders checked before publication", "Supplier equality reports", "Subcontractors",
                  "Supplier base", "Method and privacy"]
    assert dom.count('class="question"') == 4
    assert len(re.findall(r"<ol class=\"actions\">.*?</ol>", dom, re.S)) == 1
    assert dom.count("<li>", dom.index('class="actions"')) >= len(data.recommendations)
    assert re.search(r'<span class="num">12</span><span class="lbl">contracts awarded</span>', dom)


def test_charts_are_decoded_images(rendered):
    _data, dom, _png, _pdf = rendered
    imgs = re.findall(r'<img src="(data:image/svg\+xml;base64,[^"]+)" alt="([^"]*)"', dom)
    assert len(imgs) == 3
    assert all(alt for _src, alt in imgs)


def test_screenshot_and_pdf(rendered):
    from PIL import Image

    _data, _dom, png, pdf = rendered
    with Image.open(png) as im:
        assert im.size == (1200, 2600)
        colours = im.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 50  # text and charts were painted, not a blank page
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        assert len(doc) >= 3
        text = doc[0].get_textpage().get_text_range()
        assert "Procurement equality review 2026" in text
    finally:
        doc.close()
