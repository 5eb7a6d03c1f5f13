"""``fairtender clauses list|show`` and clause checking through ``check``."""

from __future__ import annotations

import json

import yaml

from cli_helpers import run


def test_list_table_and_json(capsys):
    r = run(capsys, "clauses", "list")
    assert r.code == 0
    for tid in ("ghent", "stockholm", "flanders", "equality-report"):
        assert tid in r.out
    assert "SEK 750,000 and 8 months" in r.out
    r = run(capsys, "clauses", "list", "--format", "json")
    data = {t["id"]: t for t in json.loads(r.out)}
    assert data["stockholm"]["elements"][1] == "clause.stockholm.reporting"
    assert data["ghent"]["languages"] == ["en", "nl", "sv", "fr", "de"]


def test_show_text_markdown_json(capsys):
    r = run(capsys, "clauses", "show", "ghent", "--lang", "nl")
    assert r.code == 0 and "Non-discriminatieclausule" in r.out and "zogenaamd ras" in r.out
    assert "clause.ghent.subcontractors" in r.out and "social-origin" in r.out
    r = run(capsys, "clauses", "show", "stockholm", "--lang", "sv", "--format", "markdown",
            "--authority", "Stockholms stad", "--report-days", "7")
    assert r.code == 0 and r.out.startswith("# Stockholm") and "### Antidiskrimineringsvillkor" in r.out
    assert "På begäran av Stockholms stad" in r.out and "inom 7 dagar" in r.out
    r = run(capsys, "clauses", "show", "flanders", "--format", "json", "--lang", "fr")
    data = json.loads(r.out)
    assert data["model_text"]["language"] == "fr" and len(data["elements"]) == 5
    assert data["applies"]["min_value"] == 30000


def test_show_errors(capsys):
    r = run(capsys, "clauses", "show", "nope")
    assert r.code == 2 and "unknown template 'nope'" in r.err
    r = run(capsys, "clauses", "show", "ghent", "--lang", "xx")
    assert r.code == 2 and "no text in language 'xx'" in r.err


def test_bad_user_template_via_cli(capsys, tmp_path):
    d = tmp_path / "clauses"
    d.mkdir()
    (d / "bad.yaml").write_text(yaml.safe_dump({"id": "bad", "title": "Bad"}), encoding="utf-8")
    r = run(capsys, "clauses", "list", "--clauses-dir", str(d))
    assert r.code == 2 and "bad.yaml" in r.err and "field 'languages'" in r.err
