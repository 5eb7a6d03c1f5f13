"""OCDS import: the real-data slice in all three shapes, idempotence, the subcontracting extension,
streaming, and bad files; on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import json

import pytest

from fairtender.errors import RegisterError
from fairtender.register.ocds import iter_releases, party_identity
from register_helpers import BACKENDS, OCDS, fresh_database, run, snapshot

SLICE = OCDS / "colombia-slice.json"


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    with fresh_database(request.param, tmp_path) as url:
        monkeypatch.setenv("FAIRTENDER_DB", url)
        monkeypatch.setenv("FAIRTENDER_STORE", str(tmp_path / "store"))
        yield url


def imported(path) -> dict:
    r = run("register", "import", "ocds", str(path), "--format", "json")
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_slice_fixture_is_a_real_release_package():
    data = json.loads(SLICE.read_text(encoding="utf-8"))
    assert data["publisher"]["name"] == "Colombia Compra Eficiente"
    releases = data["releases"]
    assert len(releases) == 12 and all(r["awards"] for r in releases)
    names = [p["name"] for r in releases for p in r["parties"] if "supplier" in p["roles"]]
    assert len(names) > len(set(names))  # a supplier that recurs: import must not duplicate it


def test_import_release_package_then_reimport_changes_nothing(db):
    first = imported(SLICE)
    assert first["releases"] == 12
    assert first["created"] == {"suppliers": 11, "contracts": 12, "subcontractors": 0}
    contracts = json.loads(run("register", "contract", "list", "--format", "json").out)
    c = next(x for x in contracts if x["reference"] == "ocds-k50g02-57365-1/57365-1")
    assert (c["value"], c["currency"], c["start"], c["end"]) == (1300615208.0, "COP", "2021-02-23", "2021-10-31")
    assert c["supplier_name"] == "LADOINSA LABORES DOTACIONES INDUSTRIALES S.A.S"
    assert c["reporting"] == "on-request" and c["source"] == "ocds"

    before = snapshot(db)
    for again in (SLICE, OCDS / "colombia-slice.jsonl", OCDS / "colombia-slice-records.json"):
        res = imported(again)
        assert res["created"] == {"suppliers": 0, "contracts": 0, "subcontractors": 0}, again
        assert res["updated"] == {"suppliers": 0, "contracts": 0, "subcontractors": 0}, again
        assert res["skipped"]["contracts"] == 12
    assert snapshot(db) == before  # not even an audit event


def test_import_reports_created_updated_and_audits(db, tmp_path):
    imported(SLICE)
    data = json.loads(SLICE.read_text(encoding="utf-8"))
    data["releases"][0]["contracts"][0]["value"]["amount"] += 1000
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    res = imported(changed)
    assert res["updated"]["contracts"] == 1 and res["created"]["contracts"] == 0
    ref = f"{data['releases'][0]['ocid']}/{data['releases'][0]['contracts'][0]['id']}"
    events = json.loads(run("register", "log", "contract", ref, "--format", "json").out)
    assert [e["action"] for e in events] == ["import", "import"]
    assert events[1]["new"]["value"] == events[1]["old"]["value"] + 1000
    table = run("register", "import", "ocds", str(changed)).out
    assert "created" in table and "contracts" in table


def test_subcontracting_extension_and_record_package_with_embedded_releases(db):
    res = imported(OCDS / "subcontracting-example.json")
    assert res["created"] == {"suppliers": 2, "contracts": 1, "subcontractors": 1}
    subs = json.loads(run("register", "subcontractor", "list", "--format", "json").out)
    assert [(s["contract"], s["org_id"], s["name"], s["share"]) for s in subs] == [
        ("ocds-xmpl01-2026-0042/0042-C1", "0987.654.321", "Glas & Gevel VOF", 0.15)]
    sup = json.loads(run("register", "supplier", "show", "0123456789", "--format", "json").out)
    assert (sup["org_id"], sup["name"], sup["size"], sup["country"]) == ("0123.456.789", "Schoon BV", "sme", "BE")
    assert imported(OCDS / "subcontracting-example.json")["created"]["subcontractors"] == 0


def test_manual_supplier_keeps_its_name_but_gets_missing_details(db):
    assert run("register", "supplier", "add", "--name", "Schoon", "--org-id", "0123 456 789").code == 0
    res = imported(OCDS / "subcontracting-example.json")
    assert res["updated"]["suppliers"] == 1 and res["created"]["suppliers"] == 1  # + the subcontractor
    sup = json.loads(run("register", "supplier", "show", "0123.456.789", "--format", "json").out)
    assert (sup["name"], sup["size"], sup["org_id"]) == ("Schoon", "sme", "0123 456 789")


def test_bad_ocds_files_are_refused_and_change_nothing(db, tmp_path):
    assert run("register", "init").code == 0
    cases = {"empty.json": "", "text.json": "hello", "broken.json": '{"releases": [{"ocid": "x", ',
             "lines.jsonl": '{"ocid": "a"}\n{not json\n'}
    for name, text in cases.items():
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        before = snapshot(db)
        r = run("register", "import", "ocds", str(p))
        assert r.code == 2 and r.err.startswith("fairtender: ") and len(r.err.strip().splitlines()) == 1, (name, r.err)
        assert snapshot(db) == before
    r = run("register", "import", "ocds", str(tmp_path / "missing.json"))
    assert r.code == 2 and "no such file" in r.err


def test_releases_are_streamed_not_loaded(tmp_path):
    """A package is read lazily: the first release arrives before the (broken) end of the file is parsed."""
    p = tmp_path / "big.json"
    release = json.dumps({"ocid": "ocds-1", "id": "1", "parties": []})
    p.write_text('{"uri": "x", "releases": [' + ",".join([release] * 1000) + ', {"ocid": ', encoding="utf-8")
    it = iter_releases(p)
    assert next(it)["ocid"] == "ocds-1"
    with pytest.raises(RegisterError, match="invalid JSON"):
        list(it)


def test_party_identity_uses_real_identifiers_else_the_name():
    assert party_identity({"id": "1", "name": "A", "identifier": {"id": "1"}}) == ("name:A", "A")
    assert party_identity({"id": "T1", "name": "B", "identifier": {"scheme": "SE-BLV", "id": "556677-8899"}}) == (
        "556677-8899", "B")
    assert party_identity({"id": "p", "name": "C", "identifier": {"id": "BE0123456789"}}) == ("BE0123456789", "C")
    assert party_identity({"id": "p"}) is None
