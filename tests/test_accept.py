"""Justified exceptions: sidecar files and --accept specs turn findings into info, never drop them."""

from __future__ import annotations

import pytest

from fairtender.accept import apply_acceptances, load_acceptances, parse_accept_spec, sidecar_paths
from fairtender.errors import UsageError
from fairtender.models import Finding, Location, Severity


def finding(rule: str, paragraph: int, severity: Severity = Severity.error) -> Finding:
    return Finding(rule=rule, severity=severity, message="Minimum turnover too high.",
                   location=Location(paragraph=paragraph))


def test_cli_spec_forms():
    a = parse_accept_spec('barrier.turnover@12="pre-financing of works"')
    assert (a.rule, a.paragraph, a.reason, a.source) == ("barrier.turnover", 12, "pre-financing of works", "cli")
    assert parse_accept_spec("barrier.age=legal minimum").paragraph is None
    assert parse_accept_spec("barrier.age@*=everywhere").paragraph is None


@pytest.mark.parametrize("spec", ["barrier.turnover@12", "@12=x", "barrier.turnover@12=", "barrier.turnover@x=y",
                                  "barrier.turnover@0=zero", ""])
def test_bad_cli_spec(spec):
    with pytest.raises(UsageError):
        parse_accept_spec(spec)


def test_apply_sets_info_and_reason_without_dropping():
    findings = [finding("barrier.turnover", 12), finding("barrier.turnover", 30), finding("barrier.age", 12)]
    out = apply_acceptances(findings, [parse_accept_spec("barrier.turnover@12=justified")])
    assert len(out) == 3
    assert out[0].severity == Severity.info and out[0].accepted == "justified"
    assert "justified" in out[0].message
    assert out[1].severity == Severity.error and out[1].accepted is None  # another paragraph
    assert out[2].severity == Severity.error  # another rule
    assert findings[0].severity == Severity.error  # the input is not changed


def test_document_wide_acceptance_and_most_specific_reason_wins():
    findings = [finding("barrier.turnover", 3), finding("barrier.turnover", 9)]
    accs = [parse_accept_spec("barrier.turnover=general reason"), parse_accept_spec("barrier.turnover@9=specific")]
    out = apply_acceptances(findings, accs)
    assert [f.accepted for f in out] == ["general reason", "specific"]


def test_sidecar_next_to_document(tmp_path):
    doc = tmp_path / "tender.docx"
    doc.write_bytes(b"")
    sidecar = tmp_path / "tender.docx.fairtender.yaml"
    sidecar.write_text("accept:\n  - rule: barrier.turnover\n    paragraph: 4\n    reason: pre-financing\n",
                       encoding="utf-8")
    accs = load_acceptances(doc, ['barrier.age@2="legal minimum age"'])
    assert [(a.rule, a.paragraph, a.source) for a in accs] == [
        ("barrier.turnover", 4, str(sidecar)), ("barrier.age", 2, "cli")]
    out = apply_acceptances([finding("barrier.turnover", 4)], accs)
    assert out[0].accepted == "pre-financing" and out[0].severity == Severity.info


def test_sidecar_without_document_suffix_and_missing_sidecar(tmp_path):
    doc = tmp_path / "tender.pdf"
    assert load_acceptances(doc, []) == []
    (tmp_path / "tender.fairtender.yaml").write_text("accept: []\n", encoding="utf-8")
    assert sidecar_paths(doc)[1].is_file()
    assert load_acceptances(doc, []) == []


@pytest.mark.parametrize(("content", "field"), [
    ("accept:\n  - rule: barrier.turnover\n    paragraph: 4\n", "accept[0].reason"),
    ("accept:\n  - rule: barrier.turnover\n    paragraph: first\n    reason: x\n", "accept[0].paragraph"),
    ("accept:\n  - rule: barrier.turnover\n    reason: x\n    colour: red\n", "accept[0].colour"),
    ("accepted: []\n", "accepted"),
    ("- a list\n", "(root)"),
    ("accept: [unclosed\n", "invalid YAML"),
])
def test_bad_sidecar_names_file_and_field(tmp_path, content, field):
    doc = tmp_path / "tender.txt"
    (tmp_path / "tender.txt.fairtender.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as e:
        load_acceptances(doc, [])
    assert "tender.txt.fairtender.yaml" in e.value.message and field in e.value.message


def test_check_end_to_end_with_acceptance(tmp_path):
    """The acceptance reaches the report of `check` (sidecar and CLI)."""
    from fairtender.check_api import check

    doc = tmp_path / "tender.txt"
    doc.write_text("Estimated contract value: EUR 100,000.\n"
                   "The bidder shall have a minimum annual turnover of EUR 900,000.\n"
                   "Interviewers must be native Spanish speakers.\n", encoding="utf-8")
    (tmp_path / "tender.txt.fairtender.yaml").write_text(
        "accept:\n  - rule: barrier.turnover\n    paragraph: 2\n    reason: Works must be pre-financed.\n",
        encoding="utf-8")
    report = check(doc, templates=[], accept=['barrier.language@3="interviews of Spanish native speakers"'])
    by_rule = {f.rule: f for f in report.documents[0].findings if f.rule.startswith("barrier.")}
    assert by_rule["barrier.turnover"].severity == Severity.info
    assert by_rule["barrier.turnover"].accepted == "Works must be pre-financed."
    assert by_rule["barrier.language"].accepted == "interviews of Spanish native speakers"
