"""Fuzzing the register CLI with random argument values: a refused command never writes anything.

Every example runs a real ``fairtender register ...`` command (in-process,
through the CLI entry point and its error mapping) against one SQLite
register. Around each command the whole database is snapshotted:

- a failed command (exit != 0) leaves every table exactly as it was;
- a successful command that changed any table also wrote audit events;
- nothing ever ends in a traceback or an internal error (exit 3).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from register_helpers import run, snapshot

FAST = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

ORG = "BE0123456789"
REF = "C-1"


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    d = tmp_path_factory.mktemp("fuzz-register")
    url = f"sqlite:///{d / 'register.db'}"
    old = {k: os.environ.get(k) for k in ("FAIRTENDER_STORE", "FAIRTENDER_DB")}
    os.environ["FAIRTENDER_STORE"] = str(d / "store")
    os.environ.pop("FAIRTENDER_DB", None)
    report = d / "report.txt"
    report.write_text("Equality policy: we train all staff on non-discrimination every year.", encoding="utf-8")
    for args in (["init"],
                 ["supplier", "add", "--name", "Clean Co", "--org-id", ORG, "--country", "BE", "--size", "small"],
                 ["contract", "add", "--reference", REF, "--title", "Cleaning", "--supplier", ORG, "--value", "250000",
                  "--currency", "EUR", "--awarded", "2026-01-10", "--start", "2026-02-01", "--end", "2028-01-31",
                  "--reporting", "on-request", "--template", "ghent"],
                 ["report", "request", "--contract", REF, "--period", "2026", "--due", "2026-06-30"]):
        r = run("--db", url, "register", *args)
        assert r.code == 0, (args, r.err)
    yield url, d
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


text = st.one_of(
    st.sampled_from([ORG, REF, "", " ", "BE 0123.456.789", "be0123456789", "C-1 ", "../../etc/passwd", "x" * 600,
                     "Robert'); DROP TABLE suppliers;--", "\x00", "名前", "\u202e", "-", "--help", "%s%s"]),
    st.text(max_size=20),
)
date = st.one_of(st.dates().map(str), st.sampled_from(["2026-02-30", "2026-13-01", "26-01-01", "", "yesterday",
                                                       "2027-01-31", "2025-12-31"]), st.text(max_size=12))
number = st.one_of(st.sampled_from(["-1", "0", "1e309", "inf", "nan", "-0", "1,5", "250000", "1e-320", "", "12abc"]),
                   st.floats().map(repr), st.integers(-10**20, 10**20).map(str))
currency = st.one_of(st.sampled_from(["EUR", "SEK", "eur", "XXX", "ZZZ", "EU", "EURO", "", "€"]), st.text(max_size=4))
year = st.one_of(st.integers(-5, 10000).map(str), st.text(max_size=5))


def mostly(good, bad):
    """Valid values three times out of four, so that commands also succeed and the register keeps changing."""
    return st.one_of(good, good, good, bad)


new_org = st.from_regex(r"BE0[0-9]{9}", fullmatch=True)
org = mostly(st.sampled_from([ORG]) | new_org, text)
ref = mostly(st.sampled_from([REF]) | st.from_regex(r"C-[0-9]{1,4}", fullmatch=True), text)
name = mostly(st.sampled_from(["Acme", "Städ AB", "Schoon & Co"]), text)
country = mostly(st.sampled_from(["BE", "SE", "NL", "de"]), text)
good_date = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)).map(str)
when = mostly(good_date, date)
amount = mostly(st.integers(0, 10**9).map(str), number)
cur = mostly(st.sampled_from(["EUR", "SEK", "GBP"]), currency)
period = mostly(st.integers(2020, 2030).map(str), year)


@st.composite
def command(draw, tmp: Path):
    kind = draw(st.sampled_from(["supplier-add", "supplier-update", "supplier-archive", "contract-add",
                                 "contract-update", "sub-add", "report-request", "report-record", "report-assess"]))
    if kind == "supplier-add":
        return ["supplier", "add", "--name", draw(name), "--org-id", draw(org), "--country", draw(country)]
    if kind == "supplier-update":
        return ["supplier", "update", draw(org), "--name", draw(name), "--country", draw(country)]
    if kind == "supplier-archive":
        return ["supplier", "archive", draw(org)]
    if kind == "contract-add":
        return ["contract", "add", "--reference", draw(ref), "--title", draw(name), "--supplier", draw(org),
                "--value", draw(amount), "--currency", draw(cur), "--awarded", draw(when),
                "--start", draw(when), "--end", draw(when),
                "--reporting", draw(mostly(st.sampled_from(["annual", "on-request", "self-evaluation"]),
                                           st.just("weekly")))]
    if kind == "contract-update":
        return ["contract", "update", draw(ref), "--value", draw(amount), "--end", draw(when)]
    if kind == "sub-add":
        return ["subcontractor", "add", "--contract", draw(ref), "--org-id", draw(org), "--name", draw(name),
                "--share", draw(mostly(st.sampled_from(["0.3", "30%", "1"]), number))]
    if kind == "report-request":
        return ["report", "request", "--contract", draw(ref), "--period", draw(period), "--due", draw(when)]
    if kind == "report-record":
        f = draw(st.sampled_from(["report.txt", "report.txt", "missing.pdf", "", "../report.txt", "/etc",
                                  "/dev/null"]))
        path = str(tmp / f) if f and not f.startswith("/") else f
        return ["report", "record", "--contract", draw(ref), "--period", draw(period), "--file", path]
    return ["report", "assess", "--contract", draw(ref), "--period", draw(period),
            draw(st.sampled_from(["--accept", "--reject", "--reassess"])), "--notes", draw(name)]


def _audit_count(snap: dict) -> int:
    return len(snap.get("audit_events", []))


@FAST
@given(data=st.data())
def test_random_register_commands_are_all_or_nothing(register, data):
    url, tmp = register
    args = data.draw(command(tmp))
    before = snapshot(url)
    r = run("--db", url, "register", *args)
    after = snapshot(url)
    event(f"{args[0]} {args[1]}: exit {r.code}")
    assert "Traceback" not in r.err and r.code != 3, (args, r.err)
    if r.code != 0:
        assert after == before, ("a refused command changed the register", args, r.err)
        lines = [ln for ln in r.err.splitlines() if ln.strip()]
        assert lines, args
        if not any(ln.startswith(("Usage:", "Error:", "Try ")) for ln in lines):  # click's own usage errors
            assert len(lines) == 1 and lines[0].startswith("fairtender: "), (args, lines)
    else:
        changed = {t for t in after if t != "audit_events" and after[t] != before.get(t)}
        if changed:
            assert _audit_count(after) > _audit_count(before), ("a change without an audit event", args, changed)
        assert after.get("audit_events", [])[: _audit_count(before)] == before.get("audit_events", []), \
            "the audit log is append-only"
