"""The ``review`` command and ``check --record``: options, outputs and one-line errors."""

from __future__ import annotations

import json

import pytest

from fairtender.cli.main import main
from test_review_fixtures import shared_register


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    return shared_register(tmp_path_factory)


def run(args, capsys):
    with pytest.raises(SystemExit) as e:
        main(args)
    out = capsys.readouterr()
    return e.value.code, out.out, out.err


def test_review_json_to_stdout(url, capsys):
    code, out, _ = run(["--db", url, "review", "--year", "2026", "--as-of", "2026-11-30", "--format", "json"], capsys)
    assert code == 0
    d = json.loads(out)
    assert d["year"] == 2026 and d["contracts"]["count"] == 12 and d["compare"]["year"] == 2025


def test_review_options(url, capsys, tmp_path):
    out = tmp_path / "sub" / "r.md"
    code, _, err = run(["review", "--db", url, "--year", "2026", "--compare", "2024", "--as-of", "2026-11-30",
                        "--format", "markdown", "--output", str(out), "--min-group", "2", "--currency", "SEK",
                        "--title", "Review {year} of the City"], capsys)
    assert code == 0 and "written" in err
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Review 2026 of the City") and "Money in SEK" in md
    assert "| social_economy | 2 | 2 |" in md  # --min-group 2 publishes the group of two


def test_review_settings_from_config(url, capsys, tmp_path):
    cfg = tmp_path / "fairtender.toml"
    cfg.write_text('[review]\nmin_group = 3\ntitle = "Ghent {year}"\n\n[fx]\nSEK = 10.0\n', encoding="utf-8")
    code, out, _ = run(["--db", url, "review", "--year", "2026", "--as-of", "2026-11-30", "--format", "json",
                        "--config", str(cfg)], capsys)
    d = json.loads(out)
    assert code == 0 and d["min_group"] == 3 and d["title"] == "Ghent 2026"
    assert d["contracts"]["value"] == pytest.approx(1_450_000 + 230_000)


def test_review_docx_and_html_files(url, capsys, tmp_path):
    code, _, _ = run(["--db", url, "review", "--year", "2026", "--format", "docx", "--output",
                      str(tmp_path / "r.docx")], capsys)
    assert code == 0 and (tmp_path / "r.docx").read_bytes()[:2] == b"PK"
    code, _, _ = run(["--db", url, "review", "--year", "2026", "--output", str(tmp_path / "r.html")], capsys)
    assert code == 0 and (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("args, message", [
    (["--format", "docx"], "--format docx needs --output"),
    (["--compare", "2026"], "different year"),
    (["--min-group", "0"], "--min-group must be at least 1"),
    (["--currency", "XXX"], "no exchange rate for XXX"),
])
def test_review_usage_errors_are_one_line(url, capsys, args, message):
    code, _, err = run(["--db", url, "review", "--year", "2026", *args], capsys)
    assert code == 2
    assert err.startswith("fairtender: ") and message in err and err.count("\n") == 1


def test_review_of_an_empty_year_says_so(url, capsys):
    code, out, err = run(["--db", url, "review", "--year", "2031", "--format", "json"], capsys)
    assert code == 0 and "no contracts awarded in 2031" in err
    assert json.loads(out)["contracts"]["with_complete_clause"] is None


def test_review_refuses_a_newer_database(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "new.db"
    con = sqlite3.connect(db)
    con.execute("create table alembic_version (version_num varchar(32))")
    con.execute("insert into alembic_version values ('9999')")
    con.commit()
    con.close()
    code, _, err = run(["--db", f"sqlite:///{db}", "review", "--year", "2026", "--format", "json"], capsys)
    assert code == 2 and "newer" in err


def test_check_record_via_the_command_line(tmp_path, capsys):
    tender = tmp_path / "tender-42.txt"
    tender.write_text("# Cleaning\n\nEstimated value: EUR 100,000.\n\nStaff must be native English speakers.\n",
                      encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.db'}"
    code, _, err = run(["--db", db, "check", str(tender), "--record", "--reference", "CL-42", "--format", "json",
                        "--fail-on", "never", "-j", "1"], capsys)
    assert code == 0 and "recorded 1 check(s)" in err
    code, out, _ = run(["--db", db, "review", "--year", str(__import__("datetime").date.today().year),
                        "--format", "json"], capsys)
    assert json.loads(out)["checks"]["tenders"] == 1
