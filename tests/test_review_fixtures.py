"""A small register whose review figures are known by hand, built through the register service.

Imported by the review tests (``from test_review_fixtures import ...``). The
expected values are written next to the data that produces them.

Year 2026 (as of 2026-11-30), compared with 2025:

- 12 active contracts awarded in 2026 (C13 is archived and does not count):
  C1-C6 to SMEs S1-S6 at EUR 100,000; C7-C10 to large L1-L4 at EUR 200,000;
  C11 to L5 at SEK 2,300,000 (= EUR 200,000 at 11.5); C12 to U1 (size unknown)
  at EUR 50,000. Total EUR 1,650,000. SME share: 6/11 contracts, 600k/1.6M value.
- 2025: C01 to S1 and C02 to L1 (EUR 100,000 each): both groups of one supplier
  -> SME figures suppressed. New suppliers 2026 = 10 (all but S1 and L1).
- Clauses: C1-C4 list ghent, C7 stockholm, C8 ghent+stockholm. Recorded checks:
  C2 ghent absent, C8 ghent partial/stockholm complete, C9 flanders complete.
  ghent 3/5 complete, stockholm 2/2, flanders 1/1; contracts with a complete
  clause: C1, C3, C4, C7, C8, C9 = 6/12.
- Reports due in 2026: C1 on time (0.8 complete, complaints element), C2 late
  (0.4), C3 rejected (0.3), C4 missing since 2026-06-01 (>90 days), C5 missing
  since 2026-10-15, C6 due 2026-12-15 (not yet due). C7's 2025 report is
  still missing (backlog). Average completeness 0.5.
- Subcontractors on 2026 contracts: 4, 2 confirmed, 1 not flowed down.
- Checks in 2026: T1 twice (turnover stays, age and ghent.subcontractors fixed),
  T2 (language; one accepted finding not counted), C9 (kind unknown: counts as a
  tender) and the contract documents C2 and C8 (not tenders): 3 tenders, 4
  checks, 4 findings, 2 fixed. T0 was checked in 2025.
- Self-declared: S1 and S2 declare social_economy -> 2 suppliers, suppressed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

AS_OF = date(2026, 11, 30)


def _report(path: str, findings=(), templates=(), kind: str | None = "tender"):
    from fairtender.models import CheckReport, DocumentReport

    return CheckReport.build([DocumentReport(path=path, sha256="0" * 64, findings=list(findings),
                                             templates=list(templates), kind=kind)])


def _finding(rule: str, excerpt: str = "", paragraph: int | None = None, kind: str = "barrier",
             accepted: str | None = None):
    from fairtender.models import Finding, Location

    return Finding(rule=rule, severity="error", message="m", excerpt=excerpt, kind=kind, accepted=accepted,
                   location=Location(paragraph=paragraph) if paragraph else None)


def _template(tid: str, status: str):
    from fairtender.models import TemplateResult

    return TemplateResult(id=tid, status=status, elements=[])


def build_register(tmp: Path, url: str | None = None) -> str:
    """Create the register described above (in ``tmp``, or at ``url``); returns its URL."""
    from sqlalchemy import update

    from fairtender.register.models import Report
    from fairtender.register.schemas import ContractIn, ReportRequestIn, SubcontractorIn, SupplierIn
    from fairtender.register.service import Register
    from fairtender.review.record import record_check

    url = url or f"sqlite:///{tmp / 'review.db'}"
    reg = Register(url, actor="tester", today=AS_OF, store_root=tmp / "store")
    sizes = {**{f"S{i}": s for i, s in enumerate(["micro", "small", "medium", "small", "micro", "medium"], 1)},
             **{f"L{i}": "large" for i in range(1, 6)}, "U1": None}
    for org, size in sizes.items():
        chars = {"social_economy": "yes"} if org in ("S1", "S2") else ({"social_economy": "no"} if org == "S3"
                                                                       else None)
        reg.add_supplier(SupplierIn(name=f"Supplier {org}", org_id=f"BE-{org}", size=size, characteristics=chars))

    def contract(ref, org, value, cur, awarded, templates=()):
        reg.add_contract(ContractIn(reference=ref, title=f"Contract {ref}", supplier=f"BE-{org}", value=value,
                                    currency=cur, awarded=awarded, start=awarded, end=date(awarded.year + 2, 12, 31),
                                    templates=list(templates), reporting="on-request"))

    contract("C01", "S1", 100_000, "EUR", date(2025, 5, 1))
    contract("C02", "L1", 100_000, "EUR", date(2025, 6, 1))
    tpl = {"C1": ["ghent"], "C2": ["ghent"], "C3": ["ghent"], "C4": ["ghent"], "C7": ["stockholm"],
           "C8": ["ghent", "stockholm"]}
    for i in range(1, 7):
        contract(f"C{i}", f"S{i}", 100_000, "EUR", date(2026, i, 10), tpl.get(f"C{i}", []))
    for i in range(7, 11):
        contract(f"C{i}", f"L{i - 6}", 200_000, "EUR", date(2026, i - 5, 20), tpl.get(f"C{i}", []))
    contract("C11", "L5", 2_300_000, "SEK", date(2026, 7, 1))
    contract("C12", "U1", 50_000, "EUR", date(2026, 8, 1))
    contract("C13", "L1", 999_999, "EUR", date(2026, 9, 1), ["ghent"])
    reg.archive_contract("C13", "entered by mistake")

    def request(ref, period, due):
        reg.request_report(ReportRequestIn(contract=ref, period=period, due=due, requested_on=date(period, 1, 5)))

    request("C1", 2026, date(2026, 3, 1))
    request("C2", 2026, date(2026, 3, 1))
    request("C3", 2026, date(2026, 3, 1))
    request("C4", 2026, date(2026, 6, 1))
    request("C5", 2026, date(2026, 10, 15))
    request("C6", 2026, date(2026, 12, 15))
    request("C7", 2025, date(2025, 10, 1))
    for ref, received in (("C1", date(2026, 2, 20)), ("C2", date(2026, 4, 1)), ("C3", date(2026, 3, 1))):
        f = tmp / f"report-{ref}.txt"
        f.write_text(f"Equality report of contract {ref}: our equality policy and measures.\n", encoding="utf-8")
        reg.record_report(ref, 2026, f, received_on=received)
    reg.assess_report("C3", 2026, decision="rejected", notes="no measures described")
    # completeness comes from the content assessment (the register's matcher); fix it to known values
    with reg.transaction() as s:
        for ref, comp, present in (("C1", 0.8, ["report.policy", "report.complaints"]),
                                   ("C2", 0.4, ["report.policy"]), ("C3", 0.3, [])):
            cid = reg._contract(s, ref).id
            s.execute(update(Report).where(Report.contract_id == cid)
                      .values(completeness=comp, elements_present=present))

    reg.add_subcontractor(SubcontractorIn(contract="C1", org_id="BE-SUBA", name="Sub A", flowed_down=True))
    reg.confirm_subcontractor("C1", "BE-SUBA", confirmed_on=date(2026, 4, 1))
    reg.add_subcontractor(SubcontractorIn(contract="C1", org_id="BE-SUBB", name="Sub B", flowed_down=False))
    reg.add_subcontractor(SubcontractorIn(contract="C1", org_id="BE-SUBC", name="Sub C"))
    reg.add_subcontractor(SubcontractorIn(contract="C7", org_id="BE-SUBD", name="Sub D", flowed_down=True))
    reg.confirm_subcontractor("C7", "BE-SUBD", confirmed_on=date(2026, 5, 1))
    reg.add_subcontractor(SubcontractorIn(contract="C01", org_id="BE-SUBE", name="Sub E", flowed_down=True))

    rec = lambda report, when, ref=None: record_check(report, url, ref, checked_on=when, actor="tester")  # noqa: E731
    rec(_report("t/T0.docx", [_finding("barrier.age", "under 35 years old", 4)]), date(2025, 12, 1))
    rec(_report("t/T1.docx", [_finding("barrier.turnover", "A turnover of EUR 5 million.", 7),
                              _finding("barrier.age", "aged 25-40", 9),
                              _finding("clause.ghent.subcontractors", kind="clause")],
                [_template("ghent", "partial")]), date(2026, 2, 1))
    rec(_report("t/T1-v2.docx", [_finding("barrier.turnover", "a  turnover of EUR 5 MILLION.", 8)],
                [_template("ghent", "complete")]), date(2026, 3, 1), "T1")
    rec(_report("t/T2.docx", [_finding("barrier.language", "native English speaker", 3),
                              _finding("barrier.local-presence", "office in Ghent", 5, accepted="on-site service")]),
        date(2026, 5, 1))
    rec(_report("c/C2.docx", templates=[_template("ghent", "absent")], kind="contract"), date(2026, 1, 10))
    rec(_report("c/C8.docx", templates=[_template("ghent", "partial"), _template("stockholm", "complete")],
                kind="contract"), date(2026, 1, 10))
    rec(_report("c/C9.docx", templates=[_template("flanders", "complete")], kind=None), date(2026, 1, 10))
    return url


_SHARED: dict[str, str] = {}


def shared_register(tmp_path_factory) -> str:
    """One read-only copy of the register per test process (building it assesses report files: slow-ish)."""
    if "url" not in _SHARED:
        _SHARED["url"] = build_register(tmp_path_factory.mktemp("shared-review"))
    return _SHARED["url"]
