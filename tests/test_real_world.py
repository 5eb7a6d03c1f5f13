"""Real tenders, contracts and notices from ``../shared/real-world/`` (never copied into the repository).

Every document in ``docs/`` and a deterministic sample of ``texts/`` are
symlinked into a temporary directory and checked in ONE ``fairtender check
--format json`` run (spaCy loads once per worker). The test asserts what must
hold for any real document: it is read (or refused with a documented code),
its language is one of the five, and every location points inside it.
Skipped, with the reason shown, where the shared material is absent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real-world"
LANGS = {"en", "nl", "sv", "fr", "de"}
SUFFIXES = {".docx", ".pdf", ".txt", ".md"}
#: how many of the ~240 notice texts the test samples (every k-th, by name): enough for each source
#: and language, small enough for the suite's time budget. The full set is reviewed by hand.
TEXT_SAMPLE = 10

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"real-world corpus not present at {REAL}")


def _inputs() -> list[Path]:
    docs = sorted(p for p in (REAL / "docs").iterdir() if p.suffix.lower() in SUFFIXES)
    texts = sorted(p for p in (REAL / "texts").rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    step = max(1, len(texts) // TEXT_SAMPLE)
    return docs + texts[::step][:TEXT_SAMPLE]


def _run_corpus(d: Path) -> tuple[dict[str, Path], dict]:
    links: dict[str, Path] = {}
    for i, src in enumerate(_inputs()):
        link = d / f"{i:03d}-{src.parent.name}-{src.name}"
        os.symlink(src, link)
        links[link.name] = src
    proc = subprocess.run([sys.executable, "-m", "fairtender", "check", str(d), "--format", "json", "--jobs", "2",
                           "--fail-on", "never"], capture_output=True, text=True, timeout=600)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode in (0, 2), (proc.returncode, proc.stderr[-3000:])
    return links, json.loads(proc.stdout)


def _docs(corpus):
    links, data = corpus
    return {Path(doc["path"]).name: doc for doc in data["documents"]}, links


def _every_document_is_reported(corpus):
    docs, links = _docs(corpus)
    assert set(docs) == set(links)


def _every_document_is_read_with_a_language(corpus):
    docs, links = _docs(corpus)
    for name, doc in docs.items():
        if doc["error"]:  # only a documented refusal is acceptable, and none of these files is broken
            pytest.fail(f"{links[name]}: {doc['error']}")
        assert doc["language"] in LANGS, (name, doc["language"])
        assert doc["paragraphs"] and doc["paragraphs"] > 0, name


def _language_matches_the_notice_language_in_its_name(corpus):
    """TED notices carry their language in the file name (..._NL.txt, ..._SV.txt)."""
    docs, links = _docs(corpus)
    checked = 0
    for name, doc in docs.items():
        stem = links[name].stem
        tag = stem.rsplit("_", 1)[-1].lower() if "_" in stem else ""
        if tag in LANGS:
            assert doc["language"] == tag, (links[name].name, doc["language"])
            checked += 1
    assert checked >= 5


def _locations_point_inside_the_document(corpus):
    docs, _ = _docs(corpus)
    for name, doc in docs.items():
        n, pages = doc["paragraphs"], doc["pages"]
        locs = [f["location"] for f in doc["findings"] if f["location"]]
        locs += [e["location"] for t in doc["templates"] for e in t["elements"] if e["location"]]
        if doc["contract_value"] and doc["contract_value"].get("location"):
            locs.append(doc["contract_value"]["location"])
        for loc in locs:
            assert 1 <= loc["paragraph"] <= n, (name, loc, n)
            if pages:
                assert loc["page"] is not None and 1 <= loc["page"] <= pages, (name, loc, pages)
            else:
                assert loc["page"] is None, (name, loc)


def _findings_are_complete(corpus):
    docs, _ = _docs(corpus)
    for name, doc in docs.items():
        for f in doc["findings"]:
            assert f["severity"] in ("error", "warning", "info"), (name, f)
            assert f["message"].strip(), (name, f["rule"])
            if f["rule"].startswith("barrier."):
                assert f["excerpt"].strip() and f["legal_basis"].strip() and f["suggestion"].strip(), (name, f)
            assert "{" not in f["message"], ("unfilled placeholder", name, f["message"])


def _templates_reported_for_every_document(corpus):
    docs, _ = _docs(corpus)
    for name, doc in docs.items():
        ids = {t["id"] for t in doc["templates"]}
        assert {"ghent", "stockholm", "flanders"} <= ids, (name, ids)
        for t in doc["templates"]:
            present = sum(e["present"] for e in t["elements"])
            expected = "complete" if present == len(t["elements"]) else ("absent" if present == 0 else "partial")
            assert t["status"] == expected, (name, t["id"], t["status"], present)


@pytest.mark.slow
def test_real_world_corpus(tmp_path):
    """One test, so that the corpus is checked once even when xdist spreads tests over workers."""
    corpus = _run_corpus(tmp_path)
    _every_document_is_reported(corpus)
    _every_document_is_read_with_a_language(corpus)
    _language_matches_the_notice_language_in_its_name(corpus)
    _locations_point_inside_the_document(corpus)
    _findings_are_complete(corpus)
    _templates_reported_for_every_document(corpus)
