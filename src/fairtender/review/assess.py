"""What the figures say: year-on-year deltas, the benchmark questions answered, recommended actions.

Pure functions of :class:`ReviewData` (no database), so each rule below can be
read, tested and changed on its own. The benchmark questions are those of the
Integrating Cities / EUROCITIES benchmark's key factor "Procurement" and
ECCAR commitments 5 and 6: equal access, hidden barriers, monitoring and
evaluation, redress for aggrieved parties. Each answer carries a rating and the
figures it rests on as evidence.
"""

from __future__ import annotations

from .privacy import is_suppressed
from .schema import BenchmarkAnswer, Delta, ReviewData, YearFigures

# Thresholds behind the ratings (documented in docs/review-schema.md).
GOOD_SHARE = 0.9  # clause coverage, tenders checked, reports on time, fixes: "yes" from here
FAIR_SHARE = 0.5  # "largely"/"partly" boundary
LOW_COMPLETENESS = 0.7
# clause templates whose elements include termination or sanctions (rule-ids.md)
SANCTION_TEMPLATES = ("stockholm", "flanders")

# (path, label, unit, up is better: True/False, None = neutral)
DELTA_FIGURES: list[tuple[str, str, str, bool | None]] = [
    ("contracts.count", "Contracts awarded", "count", None),
    ("contracts.value", "Value awarded", "money", None),
    ("contracts.with_complete_clause", "Contracts with a complete clause", "share", True),
    ("checks.tenders", "Tenders checked before publication", "count", True),
    ("checks.checks", "Checks recorded", "count", None),
    ("checks.findings", "Findings in checked tenders", "count", False),
    ("checks.barriers_found", "Barriers found", "count", False),
    ("checks.barriers_fixed", "Barriers removed before publication", "count", True),
    ("checks.fixed_before_publication", "Findings fixed before publication", "share", True),
    ("reports.due", "Equality reports due", "count", None),
    ("reports.on_time", "Reports received on time", "count", True),
    ("reports.not_yet_due", "Reports not yet due", "count", None),
    ("reports.on_time_share", "Share of reports past due received on time", "share", True),
    ("reports.late", "Reports received late", "count", False),
    ("reports.missing", "Reports missing", "count", False),
    ("reports.rejected", "Reports rejected", "count", False),
    ("reports.average_completeness", "Average completeness of reports", "share", True),
    ("subcontractors.count", "Subcontractors", "count", None),
    ("subcontractors.obligations_confirmed", "Subcontractors with confirmed obligations", "share", True),
    ("subcontractors.not_flowed_down", "Obligations refused", "count", False),
    ("suppliers.awarded", "Suppliers awarded a contract", "count", None),
    ("suppliers.sme_share_count", "Contracts won by SMEs", "share", True),
    ("suppliers.sme_share_value", "Value won by SMEs", "share", True),
    ("suppliers.new", "New suppliers", "count", True),
]


def _get(fig: YearFigures, path: str):
    obj = fig
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def deltas(data: ReviewData) -> list[Delta]:
    """Each figure of ``DELTA_FIGURES`` in the year against the comparison year."""
    if data.compare is None:
        return []
    out = []
    for path, label, unit, up_good in DELTA_FIGURES:
        cur, prev = _get(data, path), _get(data.compare, path)
        numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (cur, prev))
        if not numeric:
            out.append(Delta(figure=path, label=label, current=cur, previous=prev, change=None,
                             direction="n/a", unit=unit))
            continue
        change = round(cur - prev, 4 if unit == "share" else 2)
        direction = "up" if change > 0 else "down" if change < 0 else "same"
        better = None if up_good is None or direction == "same" else (direction == "up") == up_good
        out.append(Delta(figure=path, label=label, current=cur, previous=prev, change=change,
                         direction=direction, better=better, unit=unit))
    return out


def many(n: int, word: str, plural: str | None = None) -> str:
    """"1 report", "2 reports"."""
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def pct(v) -> str:
    """A share as "62%" (or the suppression marker, or "n/a")."""
    if v is None:
        return "n/a"
    if is_suppressed(v):
        return f"{v} suppliers (suppressed)"
    return f"{v * 100:.0f}%"


def money(v: float, currency: str) -> str:
    return f"{currency} {v:,.0f}"


def benchmark(d: ReviewData) -> list[BenchmarkAnswer]:
    return [_equal_access(d), _hidden_barriers(d), _monitoring(d), _redress(d)]


def _equal_access(d: ReviewData) -> BenchmarkAnswer:
    q = ("Equal access: do all suppliers, including small and under-represented businesses, "
         "have equal access to the city's contracts?")
    s, c = d.suppliers, d.contracts
    ev = [f"{many(c.count, 'contract')} awarded in {d.year} ({money(c.value, d.currency)}), to {many(s.awarded, 'supplier')}"]
    if c.count == 0:
        return BenchmarkAnswer(id="equal-access", question=q, rating="not known",
                               answer=f"No contracts were awarded in {d.year}, so access cannot be judged.",
                               evidence=ev)
    ev.append(f"SMEs won {pct(s.sme_share_count)} of contracts and {pct(s.sme_share_value)} of the value "
              f"(of {many(s.known_size_contracts, 'contract')} whose supplier size is known)")
    ev.append(f"{many(s.new, 'supplier')} won their first contract with the city")
    if s.unknown_size_contracts:
        ev.append(f"supplier size unknown for {many(s.unknown_size_contracts, 'contract')}")
    share = s.sme_share_count
    if share is None or is_suppressed(share):
        rating, answer = "not known", ("Too few suppliers of known size to publish the SME share; "
                                       "record suppliers' size class in the register.")
    elif share >= FAIR_SHARE and s.new > 0:
        rating, answer = "largely", (f"SMEs won {pct(share)} of contracts and {s.new} suppliers were new, "
                                     "so the market is open to smaller and newer firms.")
    else:
        rating, answer = "partly", (f"SMEs won {pct(share)} of contracts and {s.new} suppliers were new: "
                                    "access for smaller or newer firms is limited.")
    return BenchmarkAnswer(id="equal-access", question=q, rating=rating, answer=answer, evidence=ev)


def _hidden_barriers(d: ReviewData) -> BenchmarkAnswer:
    q = "Hidden barriers: are tenders checked and cleared of requirements that exclude some suppliers?"
    k, c = d.checks, d.contracts
    ev = [f"{many(k.tenders, 'tender')} checked before publication ({many(k.checks, 'check')}); "
          f"{many(c.count, 'contract')} awarded"]
    if k.tenders == 0:
        return BenchmarkAnswer(id="hidden-barriers", question=q, rating="no",
                               answer=f"No tender was checked with fairtender before publication in {d.year}.",
                               evidence=ev)
    ev.append(f"{many(k.barriers_found, 'barrier')} found, {k.barriers_fixed} removed before publication")
    ev.append(f"{many(k.findings, 'finding')} in all (barriers and missing clause elements), "
              f"{pct(k.fixed_before_publication)} fixed before publication")
    top = [f for f in k.findings_by_rule if f.kind == "barrier" and f.found > f.fixed][:3]
    if top:
        ev.append("barriers left in published tenders: " + ", ".join(f"{f.rule} ({f.found - f.fixed})" for f in top))
    coverage = k.tenders / c.count if c.count else 1.0
    fixed = k.fixed_before_publication if k.fixed_before_publication is not None else 1.0
    if coverage >= GOOD_SHARE and fixed >= GOOD_SHARE:
        rating, answer = "yes", "Tenders are checked before publication and nearly all barriers found are removed."
    elif fixed >= FAIR_SHARE:
        rating, answer = "largely", (f"Checked tenders are mostly cleared ({pct(fixed)} of findings fixed), "
                                     "but not every tender is checked.")
    else:
        rating, answer = "partly", (f"Only {pct(fixed)} of the findings were fixed before publication: "
                                    "barriers remain in published tenders.")
    return BenchmarkAnswer(id="hidden-barriers", question=q, rating=rating, answer=answer, evidence=ev)


def _monitoring(d: ReviewData) -> BenchmarkAnswer:
    q = ("Monitoring and evaluation: does the city monitor whether suppliers keep the equality commitments "
         "of their contracts?")
    c, r, sub = d.contracts, d.reports, d.subcontractors
    ev = [f"{pct(c.with_complete_clause)} of contracts awarded have a complete anti-discrimination clause",
          f"{many(r.due, 'equality report')} due: {r.on_time} on time, {r.late} late, {r.missing} missing, "
          f"{r.rejected} rejected, {r.not_yet_due} not yet due",
          f"average completeness of received reports: {pct(r.average_completeness)}",
          f"{sub.confirmed} of {many(sub.count, 'subcontractor')} confirmed the flowed-down obligations"]
    if r.due == 0 and c.count == 0:
        return BenchmarkAnswer(id="monitoring", question=q, rating="not known",
                               answer=f"No contracts and no reports in {d.year}.", evidence=ev)
    clause = c.with_complete_clause or 0.0
    on_time = r.on_time_share
    if r.due == 0:
        rating, answer = "no", "No equality reports were due: suppliers' commitments are not being followed up."
    elif on_time is None:
        rating, answer = "not known", (f"None of the {many(r.due, 'report')} due in {d.year} was past its due "
                                       f"date on {d.as_of.isoformat()}.")
    elif clause >= GOOD_SHARE and (on_time or 0) >= GOOD_SHARE and r.missing == 0:
        rating, answer = "yes", "Contracts carry the clause and suppliers report on time; reports are assessed."
    elif (on_time or 0) >= FAIR_SHARE:
        rating, answer = "largely", (f"Reports are requested and assessed ({pct(on_time)} on time), "
                                     f"but {r.missing} are missing and {r.late} came late.")
    else:
        rating, answer = "partly", (f"Reports are requested but only {pct(on_time)} arrived on time; "
                                    f"{r.missing} are missing.")
    return BenchmarkAnswer(id="monitoring", question=q, rating=rating, answer=answer, evidence=ev)


def _redress(d: ReviewData) -> BenchmarkAnswer:
    q = ("Redress: can people and businesses who were treated unfairly by a supplier obtain redress, "
         "and does the city act on breaches?")
    c, r = d.contracts, d.reports
    sanctions = sum(t.complete for t in c.by_template if t.template in SANCTION_TEMPLATES)
    ev = [f"{sanctions} of {many(c.count, 'contract')} carry a complete Stockholm- or Flanders-style clause, "
          "which gives the city termination or sanction rights",
          f"{c.with_complete_clause_count} of {many(c.count, 'contract')} carry a complete "
          "anti-discrimination clause of any style",
          f"{r.addressing_complaints} of {many(r.received, 'received report')} describe a complaints and redress "
          f"procedure ({pct(r.addressing_complaints_share)})",
          f"{many(r.overdue_over_90_days, 'report')} overdue for more than 90 days; {r.rejected} rejected"]
    if c.count == 0 and r.received == 0:
        return BenchmarkAnswer(id="redress", question=q, rating="not known",
                               answer=f"No contracts and no received reports in {d.year}.", evidence=ev)
    clause = sanctions / c.count if c.count else 0.0
    compl = r.addressing_complaints_share or 0.0
    if clause >= GOOD_SHARE and compl >= GOOD_SHARE:
        rating, answer = "yes", ("Contracts give the city sanctions for breaches and suppliers run "
                                 "complaints procedures.")
    elif clause >= FAIR_SHARE or compl >= FAIR_SHARE:
        rating, answer = "partly", (f"{pct(clause)} of contracts give sanction rights and {pct(compl)} of "
                                    "reports describe a complaints procedure.")
    else:
        rating, answer = "no", ("Few contracts give sanction rights and few suppliers describe a complaints "
                                "procedure.")
    return BenchmarkAnswer(id="redress", question=q, rating=rating, answer=answer, evidence=ev)


def recommendations(d: ReviewData) -> list[str]:
    """Actions the figures call for, most pressing first. Each names the figure that triggers it."""
    out: list[str] = []
    r, c, k, sub, s = d.reports, d.contracts, d.checks, d.subcontractors, d.suppliers
    if r.overdue_over_90_days:
        out.append(f"{many(r.overdue_over_90_days, 'report')} overdue for more than 90 days: give formal notice and "
                   "consider termination rights under the clause.")
    if r.missing - r.overdue_over_90_days > 0:
        out.append(f"{many(r.missing - r.overdue_over_90_days, 'report')} overdue for up to 90 days: send reminders "
                   "and record the notice date so penalties can run (`register report notice`).")
    if r.backlog_earlier_years:
        out.append(f"{many(r.backlog_earlier_years, 'report')} due before {d.year} still outstanding: "
                   "settle them before the next reporting round.")
    if r.rejected:
        out.append(f"{many(r.rejected, 'report')} rejected: agree an action plan with each supplier and "
                   "follow it up.")
    if c.count and c.with_complete_clause is not None and c.with_complete_clause < 1:
        n = c.count - c.with_complete_clause_count
        out.append(f"{n} of {many(c.count, 'contract')} awarded without a complete anti-discrimination clause: "
                   "insert the standard clause in every new contract (`fairtender insert`).")
    if c.count and k.tenders < c.count:
        out.append(f"{many(k.tenders, 'tender')} checked against {many(c.count, 'contract')} awarded: check every tender "
                   "before publication (`fairtender check --record`).")
    left = [f for f in k.findings_by_rule if f.kind == "barrier" and f.found > f.fixed]
    if left:
        top = left[0]
        out.append(f"{top.rule}: {many(top.found - top.fixed, 'finding')} remained in published tenders: "
                   "review this requirement with the buyers who use it.")
    if sub.count and sub.confirmed < sub.count:
        out.append(f"{many(sub.count - sub.confirmed, 'subcontractor')} without confirmed obligations: ask the "
                   "main suppliers for evidence that the clause was flowed down.")
    if r.average_completeness is not None and r.average_completeness < LOW_COMPLETENESS:
        out.append(f"Received reports are {pct(r.average_completeness)} complete on average: send suppliers "
                   "the report template and ask for the missing parts.")
    cur, prev = s.sme_share_count, d.compare.suppliers.sme_share_count if d.compare else None
    if isinstance(cur, float) and isinstance(prev, float) and cur < prev - 0.05:
        out.append(f"The SME share of contracts fell from {pct(prev)} to {pct(cur)}: divide large contracts "
                   "into lots and check turnover and experience requirements.")
    if s.unknown_size_contracts and c.count and s.unknown_size_contracts / c.count > 0.2:
        out.append(f"Supplier size is unknown for {many(s.unknown_size_contracts, 'contract')}: record size classes "
                   "so access for SMEs can be measured.")
    if c.count == 0:
        out.append(f"No contracts are recorded for {d.year}: add the year's awards to the register "
                   "(`register contract add` or `register import ocds`).")
    return out
