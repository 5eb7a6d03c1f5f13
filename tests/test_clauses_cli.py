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


def test_check_reports_templates_and_clause_findings(capsys, tmp_path):
    doc = tmp_path / "contract.txt"
    doc.write_text("Anti-discrimination terms\n\nThe Provider shall meet its obligations under anti-discrimination "
                   "legislation and shall, on request, report in writing on its equality measures.\n", encoding="utf-8")
    r = run(capsys, "check", str(doc), "--format", "json", "--template", "stockholm", "--template", "ghent",
            "--fail-on", "never")
    assert r.code == 0, r.err
    report = json.loads(r.out)["documents"][0]
    by_id = {t["id"]: t for t in report["templates"]}
    st = by_id["stockholm"]
    assert st["status"] == "partial"
    present = {e["id"]: e["present"] for e in st["elements"]}
    assert present == {"clause.stockholm.legal-compliance": True, "clause.stockholm.reporting": True,
                       "clause.stockholm.subcontractors": False, "clause.stockholm.termination": False}
    assert by_id["ghent"]["grounds"]["found"] == [] and len(by_id["ghent"]["grounds"]["missing"]) == 13
    rules = {f["rule"] for f in report["findings"] if f["rule"].startswith("clause.stockholm")}
    assert rules == {"clause.stockholm.subcontractors", "clause.stockholm.termination"}


def test_user_template_in_another_language_only(capsys, tmp_path):
    d = tmp_path / "clauses"
    d.mkdir()
    (d / "city.yaml").write_text(yaml.safe_dump({
        "id": "city", "title": "City clause", "languages": ["en"],
        "concepts": {"discrimination": {"en": ["*discriminat*"]}, "law": {"en": ["law"]},
                     "comply": {"en": ["comply"]}},
        "heading": {"en": "Equal treatment"},
        "elements": [{"id": "clause.city.law", "title": "Law", "requires": "complies with the law",
                      "needs": ["comply", "law"], "text": {"en": "The Contractor shall comply with anti-discrimination law."}}],
    }), encoding="utf-8")
    en = tmp_path / "en.txt"
    en.write_text("The Contractor shall comply with anti-discrimination law.\n", encoding="utf-8")
    r = run(capsys, "check", str(en), "--format", "json", "--template", "city", "--clauses-dir", str(d),
            "--fail-on", "never")
    assert json.loads(r.out)["documents"][0]["templates"][0]["status"] == "complete"
    nl = tmp_path / "nl.txt"
    nl.write_text("De opdrachtnemer leeft de antidiscriminatiewet na en de werken starten op 1 maart.\n", encoding="utf-8")
    r = run(capsys, "check", str(nl), "--format", "json", "--template", "city", "--clauses-dir", str(d),
            "--fail-on", "never")
    doc = json.loads(r.out)["documents"][0]
    assert doc["templates"][0]["status"] == "absent"
    assert [f["severity"] for f in doc["findings"] if f["rule"] == "clause.city.law"] == ["warning"]
