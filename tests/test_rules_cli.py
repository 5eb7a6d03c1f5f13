"""`fairtender rules list|show` and the --rules-dir option."""

from __future__ import annotations

import json
import textwrap

from click.testing import CliRunner

from fairtender.cli.main import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_list_table_has_every_rule_with_severity_and_languages():
    res = run("rules", "list")
    assert res.exit_code == 0
    lines = [line for line in res.output.splitlines() if line.startswith("barrier.")]
    assert len(lines) == 14
    assert any(line.startswith("barrier.turnover") and "error" in line and "en,nl,sv,fr,de" in line
               and "turnover" in line.lower() for line in lines)


def test_list_json():
    data = json.loads(run("rules", "list", "--format", "json").output)
    assert {d["id"] for d in data} >= {"barrier.no-lots", "barrier.brand-name"}
    nolots = next(d for d in data if d["id"] == "barrier.no-lots")
    assert nolots["kind"] == "document" and nolots["languages"] == ["en", "nl", "sv", "fr", "de"]


def test_show_text_has_everything_and_examples_both_ways():
    res = run("rules", "show", "barrier.brand-name", "--lang", "nl")
    assert res.exit_code == 0
    out = res.output
    for part in ("barrier.brand-name", "Legal basis: Directive 2014/24/EU, art. 42(4)", "Suggestion:",
                 "Why:", "--- nl ---", "Triggers:", "Does not trigger:", "gelijkwaardig"):
        assert part in out, part
    assert "--- en ---" not in out


def test_show_verify_runs_the_examples():
    from fairtender.catalog.rules import load_rules

    rule = next(r for r in load_rules() if r.id == "barrier.language")
    examples = rule.examples["en"]
    res = run("rules", "show", "barrier.language", "--lang", "en", "--verify")
    assert res.exit_code == 0, res.output
    assert res.output.count("[ok]") == len(examples.positive) + len(examples.negative) >= 4
    assert "[FAILS]" not in res.output


def test_show_json_threshold():
    data = json.loads(run("rules", "show", "barrier.turnover", "--format", "json").output)
    assert data["threshold"]["limit"]["multiple_of_value"] == "turnover_multiple"
    assert data["examples"]["sv"]["positive"]


def test_unknown_rule_and_language_are_usage_errors():
    from fairtender.errors import UsageError

    runner = CliRunner()
    res = runner.invoke(cli, ["rules", "show", "barrier.nope"])
    assert isinstance(res.exception, UsageError) and "unknown rule" in str(res.exception)
    res = runner.invoke(cli, ["rules", "show", "barrier.age", "--lang", "xx"])
    assert isinstance(res.exception, UsageError)


def test_rules_dir_adds_a_rule_and_bad_file_exits_2(tmp_path):
    d = tmp_path / "my-rules"
    d.mkdir()
    (d / "parking.yaml").write_text(textwrap.dedent("""
        id: city.parking
        title: Parking permit demanded
        severity: info
        kind: pattern
        message: "Parking permit: {match}"
        patterns:
          en: [parking permit]
    """), encoding="utf-8")
    res = run("rules", "list", "--rules-dir", str(d))
    assert "city.parking" in res.output
    (d / "broken.yaml").write_text("id: city.broken\ntitle: x\nseverity: error\nkind: pattern\nmessage: m\n"
                                   "patterns:\n  en: ['... gap']\n", encoding="utf-8")
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "fairtender", "rules", "list", "--rules-dir", str(d)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "broken.yaml" in proc.stderr and "patterns.en[0]" in proc.stderr
    assert "Traceback" not in proc.stderr
