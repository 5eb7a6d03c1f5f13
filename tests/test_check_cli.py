"""`fairtender check` end to end: the JSON contract, exit codes, directories, bad input."""

from __future__ import annotations

import json
import zipfile

import pytest

from cli_helpers import run
from fairtender import check
from fairtender.check_api import exit_status
from fairtender.models import CheckReport

TENDER = """1. Contract details
Estimated contract value: EUR 100,000 excluding VAT.

2. Selection criteria
The tenderer must have a minimum yearly turnover of EUR 1,000,000.
Interviewers must be native English speakers.
"""

CLEAN = """Lunch deliveries
The supplier delivers sandwiches to the town hall every weekday before noon.
"""


def test_json_has_every_field_of_the_spec(capsys, write):
    path = write("t.txt", TENDER)
    r = run(capsys, "check", str(path), "--format", "json")
    assert r.code == 1, r.err
    data = json.loads(r.out)
    assert set(data) >= {"fairtender_version", "documents", "summary"}
    assert set(data["summary"]) >= {"documents", "errors", "warnings", "infos", "failed"}
    doc = data["documents"][0]
    assert set(doc) >= {"path", "language", "contract_value", "templates", "findings", "error"}
    assert doc["language"] == "en" and doc["error"] is None
    assert doc["contract_value"] == {**doc["contract_value"], "amount": 100000.0, "currency": "EUR", "source": "document"}
    assert {t["id"] for t in doc["templates"]} >= {"ghent", "stockholm"}
    for t in doc["templates"]:
        assert t["status"] in ("complete", "partial", "absent")
        for el in t["elements"]:
            assert set(el) >= {"id", "present", "location"}
    ghent = next(t for t in doc["templates"] if t["id"] == "ghent")
    assert set(ghent["grounds"]) == {"required", "found", "missing"}
    rules = {f["rule"] for f in doc["findings"]}
    assert {"barrier.turnover", "barrier.language"} <= rules
    for f in doc["findings"]:
        assert set(f) >= {"rule", "severity", "message", "location", "excerpt", "suggestion", "legal_basis"}
        assert f["severity"] in ("error", "warning", "info")
    turnover = next(f for f in doc["findings"] if f["rule"] == "barrier.turnover")
    assert "1,000,000" in turnover["message"] and turnover["location"]["paragraph"] >= 1
    assert turnover["legal_basis"] and turnover["suggestion"]


def test_value_from_cli_overrides_the_document(capsys, write):
    path = write("t.txt", TENDER)
    r = run(capsys, "check", str(path), "--format", "json", "--value", "600000", "--currency", "eur")
    doc = json.loads(r.out)["documents"][0]
    assert doc["contract_value"]["source"] == "cli" and doc["contract_value"]["currency"] == "EUR"
    assert "barrier.turnover" not in {f["rule"] for f in doc["findings"]}


@pytest.mark.parametrize("fail_on, code", [("never", 0), ("error", 1), ("info", 1)])
def test_fail_on(capsys, write, fail_on, code):
    path = write("t.txt", TENDER)
    assert run(capsys, "check", str(path), "--fail-on", fail_on).code == code


def test_exit_status_rules():
    clean = CheckReport.build([])
    assert exit_status(clean, "error") == 0


def test_table_output_groups_per_document(capsys, write):
    path = write("t.txt", TENDER)
    r = run(capsys, "check", str(path))
    assert "== " in r.out and "barrier.turnover" in r.out and "severity" in r.out
    assert "clause ghent: absent" in r.out


def test_directory_mode_keeps_going_and_lists_the_failed_file(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(TENDER)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(CLEAN)
    (tmp_path / "broken.docx").write_bytes(b"this is not a zip")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.csv").write_text("ignored")
    r = run(capsys, "check", str(tmp_path), "--format", "json")
    assert r.code == 2
    data = json.loads(r.out)
    by_name = {d["path"].rsplit("/", 1)[-1]: d for d in data["documents"]}
    assert set(by_name) == {"a.txt", "b.txt", "broken.docx", "empty.txt"}
    assert by_name["broken.docx"]["error"]["code"] == "not-a-docx"
    assert by_name["empty.txt"]["error"]["code"] == "empty-file"
    assert by_name["a.txt"]["findings"] and by_name["b.txt"]["error"] is None
    assert data["summary"]["failed"] == 2 and data["summary"]["documents"] == 4
    assert [d["path"] for d in data["documents"]] == sorted(d["path"] for d in data["documents"])
    lines = [ln for ln in r.err.splitlines() if ln.strip()]
    assert len(lines) == 2 and all(ln.startswith("fairtender: ") for ln in lines)
    assert "Traceback" not in r.err


@pytest.mark.parametrize("args, needle", [
    (["check", "/nonexistent/tender.docx"], "no such file"),
    (["check", "{tmp}/t.txt", "--currency", "EUR"], "--currency needs --value"),
    (["check", "{tmp}/t.txt", "--template", "nope"], "unknown template"),
    (["check", "{tmp}/t.txt", "--lang", "xx"], "unsupported language"),
    (["check", "{tmp}/t.txt", "--rules-dir", "{tmp}/missing"], "not a directory"),
    (["check", "{tmp}/t.txt", "--format", "docx"], "needs --output"),
    (["check", "{tmp}/t.txt", "--format", "pdf"], "Invalid value"),
])
def test_bad_usage_is_one_line_and_exit_2(capsys, tmp_path, args, needle):
    (tmp_path / "t.txt").write_text(TENDER)
    r = run(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert r.code == 2, (r.code, r.err)
    assert needle in r.err
    assert "Traceback" not in r.err


def test_empty_directory_and_unsupported_file(capsys, tmp_path):
    (tmp_path / "d").mkdir()
    r = run(capsys, "check", str(tmp_path / "d"), "--format", "json")
    assert r.code == 2 and json.loads(r.out)["documents"][0]["error"]["code"] == "empty-directory"
    (tmp_path / "x.odt").write_text("x")
    r = run(capsys, "check", str(tmp_path / "x.odt"), "--format", "json")
    assert r.code == 2 and json.loads(r.out)["documents"][0]["error"]["code"] == "unsupported-format"


def test_unsafe_docx_is_refused_not_parsed(capsys, tmp_path):
    bad = tmp_path / "xxe.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>')
    r = run(capsys, "check", str(bad), "--format", "json")
    doc = json.loads(r.out)["documents"][0]
    assert r.code == 2 and doc["error"]["code"] == "unsafe-xml"
    assert "root:" not in r.out


def test_library_api_on_path_and_bytes(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text(TENDER)
    rep = check(p)
    assert isinstance(rep, CheckReport) and rep.documents[0].language == "en"
    rep2 = check(TENDER.encode(), filename="tender.txt", templates=["stockholm"])
    assert [t.id for t in rep2.documents[0].templates] == ["stockholm"]
    assert {f.rule for f in rep2.documents[0].findings} >= {"barrier.turnover"}


def test_parallel_and_serial_give_identical_json(tmp_path):
    for i in range(4):
        (tmp_path / f"t{i}.txt").write_text(TENDER if i % 2 else CLEAN)
    serial = check(tmp_path, jobs=1).model_dump_json()
    parallel = check(tmp_path, jobs=2).model_dump_json()
    assert serial == parallel


def test_a_published_notice_does_not_require_the_clause(capsys, write):
    path = write("notice.txt", TENDER)
    r = run(capsys, "check", str(path), "--format", "json", "--kind", "notice")
    doc = json.loads(r.out)["documents"][0]
    clause = [f for f in doc["findings"] if f["rule"].startswith("clause.")]
    assert doc["kind"] == "notice" and clause
    assert {f["severity"] for f in clause} == {"info"}
    assert any("notice" in f["message"] for f in clause)
    assert "barrier.turnover" in {f["rule"] for f in doc["findings"]}
