"""Every figure of the annual review, each computed by an SQL aggregate, into :class:`ReviewData`.

What is counted (also in ``docs/review-schema.md``):

- Only *active* records (archiving is how the register withdraws a record; nothing is deleted).
- **Contracts** of a year: awarded (``awarded_on``) in that year. Their value is
  summed per currency in SQL and converted to the review currency with the
  exchange rates of :class:`fairtender.config.Settings` (``[fx]`` in
  fairtender.toml); currencies without a rate are listed, not guessed.
- **Complete clause**: a contract has template T complete when the latest
  recorded check of a document under the contract's reference (``check
  --record --reference REF``) says T is complete; when no recorded check speaks
  about T, a template listed on the contract in the register counts as complete
  (the register records the clauses a signed contract contains).
- **Checks** of a year: recorded checks of tenders (documents the check did not
  classify as a contract) dated in the year. A finding is
  "fixed before publication" when its signature (see :mod:`.record`) appears in
  a check of the tender in the year but not in the tender's latest check of the
  year. Accepted (justified) findings are not counted as findings.
- **Reports** of a year: reports due in the year. Each is in exactly one of
  on time (received or accepted, by the due date), late (received after it),
  rejected, missing (still requested after the due date, as of ``as_of``) or not
  yet due.
- **Subcontractors** of a year: those on contracts awarded in the year;
  confirmed = obligations flowed down with a confirmation date.
- **Suppliers**: SME = size micro/small/medium (or OCDS "sme"); shares are of
  contracts whose supplier's size is known. New = first ever contract awarded in
  the year. Figures about supplier characteristics are suppressed for small
  groups (:mod:`.privacy`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..config import Settings
from ..errors import UsageError
from .privacy import DEFAULT_MIN_GROUP, suppress
from .schema import (
    CheckFigures,
    ContractFigures,
    DeclaredCharacteristic,
    HistoryPoint,
    ReportFigures,
    ReviewData,
    RuleFigure,
    SubcontractorFigures,
    SupplierFigures,
    TemplateShare,
    TemplateStatusCount,
    YearFigures,
)

HISTORY_YEARS = 10
SQLITE_MMAP_BYTES = 1 << 30
OVERDUE_DAYS = 90
RECEIVED = ("received", "accepted")
# report elements (equality-report template) that show a complaints and redress procedure
COMPLAINTS_MARKERS = ("complaint", "redress")
_FALSY = {"", "no", "false", "0", "none", "n", "nee", "nej", "non", "nein"}


def compute_review(db_url: str | None, year: int, *, compare: int | None = None, as_of: date | None = None,
                   currency: str = "EUR", min_group: int = DEFAULT_MIN_GROUP,
                   settings: Settings | None = None, title: str | None = None) -> ReviewData:
    """The whole review of ``year`` (compared with ``compare``, default the previous year).

    ``as_of`` (default today) is the date reports are judged missing (or not yet
    due) against; everything else is the register's current state.
    """
    from .. import __version__
    from ..register.service import Register
    from .assess import benchmark, deltas, recommendations

    if not 1900 <= year <= 2200:
        raise UsageError(f"--year {year} is not a plausible year")
    compare = year - 1 if compare is None else compare
    if compare == year:
        raise UsageError("--compare must be a different year than --year")
    if not 1900 <= compare <= 2200:
        raise UsageError(f"--compare {compare} is not a plausible year")
    if min_group < 1:
        raise UsageError("--min-group must be at least 1")
    settings = settings or Settings()
    currency = currency.upper()
    if currency not in settings.fx:
        raise UsageError(f"no exchange rate for {currency}: add it under [fx] in fairtender.toml")
    reg = Register(db_url)
    as_of = as_of or reg.today
    with reg.reading() as s:
        if s.get_bind().dialect.name == "sqlite":
            # read the big tables through a memory map: the review scans ~100k report rows per year
            # by date, and page-by-page read() calls cost more system time than the queries themselves
            s.connection().exec_driver_sql(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
        q = _Queries(s, as_of, currency, min_group, settings,
                     years=(year - HISTORY_YEARS + 1, year, compare))
        current = q.year(year)
        previous = q.year(compare)
        history = q.history(year)
    data = ReviewData(**current.model_dump(), fairtender_version=__version__, as_of=as_of, currency=currency,
                      min_group=min_group, compare=previous, history=history,
                      title=title or f"Procurement equality review {year}")
    data.deltas = deltas(data)
    data.benchmark = benchmark(data)
    data.recommendations = recommendations(data)
    return data


def _share(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


class _Queries:
    """The SQL of one review run (one read transaction, so all figures see the same data)."""

    def __init__(self, session, as_of: date, currency: str, min_group: int, settings: Settings,
                 years: tuple[int, ...] = ()) -> None:
        self.s = session
        self.years = years
        self.as_of = as_of
        self.currency = currency
        self.k = min_group
        self.settings = settings

    # ------------------------------------------------------------------ helpers

    def _convert(self, by_currency: dict[str | None, float]) -> tuple[float, list[str]]:
        total, unconverted = 0.0, []
        for cur, amount in by_currency.items():
            if not amount:
                continue
            v = self.settings.convert(amount, cur, self.currency) if cur else None
            if v is None:
                unconverted.append(cur or "unknown")
            else:
                total += v
        return round(total, 2), sorted(unconverted)

    @staticmethod
    def _bounds(year: int) -> tuple[date, date]:
        return date(year, 1, 1), date(year, 12, 31)

    def _contracts_in(self, year: int):
        """Active contracts awarded in ``year``. ``active != false`` (not ``= true``) keeps SQLite on the
        award-date index instead of the barely selective ``active`` index."""
        from sqlalchemy import false

        from ..register.models import Contract

        lo, hi = self._bounds(year)
        return (Contract.awarded_on >= lo, Contract.awarded_on <= hi, Contract.active != false())

    # ------------------------------------------------------------------ one year

    def year(self, year: int) -> YearFigures:
        fig = YearFigures(year=year, contracts=self.contracts(year), checks=self.checks(year),
                          reports=self.reports(year), subcontractors=self.subcontractors(year),
                          suppliers=self.suppliers(year))
        if fig.contracts.count == 0:
            fig.notes.append(f"no contracts awarded in {year}")
        if fig.checks.tenders == 0:
            fig.notes.append(f"no tenders checked with --record in {year}")
        if fig.reports.due == 0:
            fig.notes.append(f"no equality reports due in {year}")
        if fig.contracts.unconverted_currencies:
            fig.notes.append(f"contract values in {', '.join(fig.contracts.unconverted_currencies)} have no "
                             f"exchange rate and are left out of the total (add them under [fx] in fairtender.toml)")
        return fig

    def contracts(self, year: int) -> ContractFigures:
        from sqlalchemy import func, select

        from ..register.models import Contract

        where = self._contracts_in(year)
        by_cur = dict(self.s.execute(select(Contract.currency, func.coalesce(func.sum(Contract.value), 0.0))
                                     .where(*where, Contract.value.is_not(None))
                                     .group_by(Contract.currency)).all())
        count, without_value = self.s.execute(
            select(func.count(), func.count().filter(Contract.value.is_(None))).where(*where)).one()
        total, unconverted = self._convert(by_cur)
        fig = ContractFigures(count=count, value=total, currency=self.currency,
                              value_by_currency={(c or "unknown"): round(v, 2) for c, v in sorted(
                                  by_cur.items(), key=lambda kv: kv[0] or "")},
                              unconverted_currencies=unconverted, without_value=without_value)
        if count:
            by_template, complete_contracts = self._clauses(year)
            fig.by_template = by_template
            fig.with_complete_clause_count = complete_contracts
            fig.with_complete_clause = _share(complete_contracts, count)
        return fig

    def _latest_checks(self, *conditions):
        """Subquery (reference, id) of the latest recorded check per reference among ``conditions``."""
        from sqlalchemy import func, select

        from .models import RecordedCheck

        rn = func.row_number().over(partition_by=RecordedCheck.reference,
                                    order_by=(RecordedCheck.checked_on.desc(), RecordedCheck.id.desc()))
        ranked = select(RecordedCheck.reference, RecordedCheck.id, rn.label("rn")).where(*conditions).subquery()
        return select(ranked.c.reference, ranked.c.id).where(ranked.c.rn == 1).subquery("latest")

    def _clauses(self, year: int) -> tuple[list[TemplateShare], int]:
        from sqlalchemy import and_, case, func, literal, or_, select, union_all

        from ..register.models import Contract, ContractTemplate
        from .models import CheckTemplate, RecordedCheck

        names = set(self.s.scalars(select(ContractTemplate.template).distinct()).all())
        names |= set(self.s.scalars(select(CheckTemplate.template).distinct()).all())
        if not names:
            return [], 0
        tnames = union_all(*[select(literal(n).label("template")) for n in sorted(names)]).subquery("t")
        latest = self._latest_checks(RecordedCheck.checked_on <= self.as_of)
        ct, cs = ContractTemplate, CheckTemplate
        complete = case((cs.status.is_not(None), case((cs.status == "complete", 1), else_=0)), else_=1)
        pairs = (select(Contract.id.label("contract_id"), tnames.c.template, complete.label("complete"))
                 .select_from(Contract).join(tnames, literal(True))
                 .outerjoin(ct, and_(ct.contract_id == Contract.id, ct.template == tnames.c.template))
                 .outerjoin(latest, latest.c.reference == Contract.reference)
                 .outerjoin(cs, and_(cs.check_id == latest.c.id, cs.template == tnames.c.template))
                 .where(*self._contracts_in(year),
                        or_(ct.contract_id.is_not(None), cs.status.in_(("complete", "partial"))))
                 ).subquery("pairs")
        rows = self.s.execute(select(pairs.c.template, func.count(), func.sum(pairs.c.complete))
                              .group_by(pairs.c.template).order_by(pairs.c.template)).all()
        by_template = [TemplateShare(template=t, contracts=n, complete=int(c or 0), share=_share(int(c or 0), n))
                       for t, n, c in rows]
        complete_contracts = self.s.scalar(
            select(func.count(func.distinct(pairs.c.contract_id))).where(pairs.c.complete == 1)) or 0
        return by_template, complete_contracts

    def checks(self, year: int) -> CheckFigures:
        from sqlalchemy import and_, case, func, or_, select
        from sqlalchemy.orm import aliased

        from .models import CheckFinding, CheckTemplate, RecordedCheck

        lo, hi = self._bounds(year)
        # checks of contract documents serve the clause figures of contracts, not "tenders checked"
        in_year = (RecordedCheck.checked_on >= lo, RecordedCheck.checked_on <= min(hi, self.as_of),
                   or_(RecordedCheck.kind.is_(None), RecordedCheck.kind != "contract"))
        tenders, checks = self.s.execute(
            select(func.count(func.distinct(RecordedCheck.reference)), func.count()).where(*in_year)).one()
        fig = CheckFigures(tenders=tenders, checks=checks)
        if not tenders:
            return fig
        latest = self._latest_checks(*in_year)
        found = (select(RecordedCheck.reference, CheckFinding.rule, CheckFinding.kind, CheckFinding.signature)
                 .join(CheckFinding, CheckFinding.check_id == RecordedCheck.id)
                 .where(*in_year, CheckFinding.accepted.is_(None)).distinct().subquery("found"))
        f2 = aliased(CheckFinding)
        kept = (select(latest.c.reference, f2.rule, f2.signature).join(f2, f2.check_id == latest.c.id)
                .distinct().subquery("kept"))
        fixed = case((kept.c.signature.is_(None), 1), else_=0)
        rows = self.s.execute(
            select(found.c.rule, found.c.kind, func.count(), func.sum(fixed))
            .select_from(found)
            .outerjoin(kept, and_(kept.c.reference == found.c.reference, kept.c.signature == found.c.signature,
                                  kept.c.rule == found.c.rule))
            .group_by(found.c.rule, found.c.kind)).all()
        fig.findings_by_rule = sorted((RuleFigure(rule=r, kind=k, found=n, fixed=int(x or 0)) for r, k, n, x in rows),
                                      key=lambda f: (-f.found, f.rule))
        fig.findings = sum(f.found for f in fig.findings_by_rule)
        fig.fixed = sum(f.fixed for f in fig.findings_by_rule)
        fig.barriers_found = sum(f.found for f in fig.findings_by_rule if f.kind == "barrier")
        fig.barriers_fixed = sum(f.fixed for f in fig.findings_by_rule if f.kind == "barrier")
        fig.fixed_before_publication = _share(fig.fixed, fig.findings)
        status_rows = self.s.execute(
            select(CheckTemplate.template, CheckTemplate.status, func.count())
            .join(latest, and_(latest.c.id == CheckTemplate.check_id))
            .group_by(CheckTemplate.template, CheckTemplate.status)).all()
        by_t: dict[str, TemplateStatusCount] = {}
        for t, st, n in status_rows:
            entry = by_t.setdefault(t, TemplateStatusCount(template=t))
            if st in ("complete", "partial", "absent"):
                setattr(entry, st, n)
        fig.clause_by_template = [by_t[t] for t in sorted(by_t)]
        return fig

    def reports(self, year: int) -> ReportFigures:
        from sqlalchemy import String, and_, case, cast, false, func, or_, select

        from ..register.models import Contract, Report

        lo, hi = self._bounds(year)
        live = (Report.active != false(), Contract.active != false())
        received = Report.status.in_(RECEIVED)

        def n(cond):
            return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

        text = cast(Report.elements_present, String)
        complaints = or_(*[text.like(f"%{m}%") for m in COMPLAINTS_MARKERS])
        cutoff = self.as_of - timedelta(days=OVERDUE_DAYS)
        row = self.s.execute(
            select(func.count(),
                   n(and_(received, or_(Report.received_on.is_(None), Report.received_on <= Report.due_on))),
                   n(and_(received, Report.received_on > Report.due_on)),
                   n(Report.status == "rejected"),
                   n(and_(Report.status == "requested", Report.due_on < self.as_of)),
                   n(and_(Report.status == "requested", Report.due_on >= self.as_of)),
                   n(and_(Report.status == "requested", Report.due_on < cutoff)),
                   func.avg(case((Report.status.in_(("received", "accepted", "rejected")), Report.completeness))),
                   n(and_(Report.status.in_(("received", "accepted", "rejected")), complaints)))
            .join(Contract, Contract.id == Report.contract_id)
            .where(Report.due_on >= lo, Report.due_on <= hi, *live)).one()
        due, on_time, late, rejected, missing, pending, over90, avg, compl = row
        backlog = self.s.scalar(
            select(func.count()).select_from(Report).join(Contract, Contract.id == Report.contract_id)
            .where(Report.due_on < lo, Report.status.in_(("requested", "rejected")), Report.due_on < self.as_of,
                   *live)) or 0
        got = on_time + late + rejected
        return ReportFigures(due=due, on_time=on_time, late=late, missing=missing, rejected=rejected,
                             not_yet_due=pending, received=got, on_time_share=_share(on_time, due - pending),
                             average_completeness=round(avg, 4) if avg is not None else None,
                             overdue_over_90_days=over90, backlog_earlier_years=backlog,
                             addressing_complaints=compl, addressing_complaints_share=_share(compl, got))

    def subcontractors(self, year: int) -> SubcontractorFigures:
        from sqlalchemy import and_, case, false, func, select, true

        from ..register.models import Contract, Subcontractor

        confirmed = and_(Subcontractor.flowed_down == true(), Subcontractor.confirmed_on.is_not(None))
        count, ok, refused = self.s.execute(
            select(func.count(), func.coalesce(func.sum(case((confirmed, 1), else_=0)), 0),
                   func.coalesce(func.sum(case((Subcontractor.flowed_down == false(), 1), else_=0)), 0))
            .join(Contract, Contract.id == Subcontractor.contract_id)
            .where(*self._contracts_in(year), Subcontractor.active != false())).one()
        return SubcontractorFigures(count=count, confirmed=ok, obligations_confirmed=_share(ok, count),
                                    not_flowed_down=refused)

    @staticmethod
    def _size_group():
        from sqlalchemy import case

        from ..register.models import SME_CLASSES, Supplier

        return case((Supplier.size.in_(SME_CLASSES), "sme"), (Supplier.size == "large", "large"), else_="unknown")

    def suppliers(self, year: int) -> SupplierFigures:
        from sqlalchemy import func, select

        from ..register.models import Contract

        counts, values = self._by_year()
        awarded = self.s.scalar(select(func.count(func.distinct(Contract.supplier_id)))
                                .where(*self._contracts_in(year))) or 0
        fig = SupplierFigures(awarded=awarded, new=self._first_awards().get(year, 0))
        self._sme(fig, counts.get(year, {}), values.get(year, {}))
        fig.declared = self._declared(self._contracts_in(year))
        return fig

    def _first_awards(self) -> dict[int, int]:
        """Suppliers per year of their first ever award (one query for every year of the review)."""
        if not hasattr(self, "_first"):
            from sqlalchemy import extract, false, func, select

            from ..register.models import Contract

            first = (select(Contract.supplier_id, func.min(Contract.awarded_on).label("first"))
                     .where(Contract.active != false(), Contract.awarded_on.is_not(None))
                     .group_by(Contract.supplier_id).subquery())
            yr = extract("year", first.c.first).label("yr")
            self._first = {int(y): n for y, n in self.s.execute(select(yr, func.count()).group_by(yr))}
        return self._first

    def _by_year(self):
        """Contracts, distinct suppliers and value per (award year, size group), for the years of the review.

        One pair of grouped queries feeds the supplier figures of the year, of the
        comparison year and the SME history chart.
        """
        if hasattr(self, "_years_cache"):
            return self._years_cache
        from sqlalchemy import extract, false, func, select

        from ..register.models import Contract, Supplier

        lo, hi = date(min(self.years), 1, 1), date(max(self.years), 12, 31)
        yr = extract("year", Contract.awarded_on).label("yr")
        group = self._size_group().label("grp")
        where = (Contract.active != false(), Contract.awarded_on >= lo, Contract.awarded_on <= hi)
        counts: dict[int, dict[str, tuple[int, int]]] = {}
        for y, g, n, sup in self.s.execute(
                select(yr, group, func.count(), func.count(func.distinct(Contract.supplier_id)))
                .join(Supplier, Supplier.id == Contract.supplier_id).where(*where).group_by(yr, group)):
            counts.setdefault(int(y), {})[g] = (n, sup)
        values: dict[int, dict[str, dict[str | None, float]]] = {}
        for y, g, cur, v in self.s.execute(
                select(yr, group, Contract.currency, func.sum(Contract.value))
                .join(Supplier, Supplier.id == Contract.supplier_id)
                .where(*where, Contract.value.is_not(None)).group_by(yr, group, Contract.currency)):
            values.setdefault(int(y), {}).setdefault(g, {})[cur] = v or 0.0
        self._years_cache = (counts, values)
        return self._years_cache

    def _sme(self, fig: SupplierFigures | None, counts: dict[str, tuple[int, int]],
             values: dict[str, dict[str | None, float]]) -> tuple[Any, Any, int]:
        sme_n, sme_sup = counts.get("sme", (0, 0))
        large_n, large_sup = counts.get("large", (0, 0))
        known = sme_n + large_n
        sme_v, _ = self._convert(values.get("sme", {}))
        large_v, _ = self._convert(values.get("large", {}))
        groups = [sme_sup, large_sup]
        share_n = suppress(_share(sme_n, known), groups, self.k)
        share_v = suppress(_share(sme_v, sme_v + large_v), groups, self.k)
        if fig is not None:
            fig.known_size_contracts = known
            fig.unknown_size_contracts = counts.get("unknown", (0, 0))[0]
            fig.sme_contracts = suppress(sme_n, groups, self.k) if known else None
            fig.sme_share_count, fig.sme_share_value = share_n, share_v
        return share_n, share_v, known

    def _declared(self, where) -> list[DeclaredCharacteristic]:
        """Counts per self-declared characteristic; individual declarations never leave this function."""
        from sqlalchemy import func, select

        from ..register.models import Contract, Supplier

        per_supplier = (select(Contract.supplier_id, func.count().label("n")).where(*where)
                        .group_by(Contract.supplier_id).subquery())
        suppliers: dict[str, int] = {}
        contracts: dict[str, int] = {}
        for chars, n in self.s.execute(select(Supplier.characteristics, per_supplier.c.n)
                                       .join(per_supplier, per_supplier.c.supplier_id == Supplier.id)
                                       .where(Supplier.characteristics.is_not(None))):
            if not isinstance(chars, dict):
                continue
            for key, value in chars.items():
                if value is None or value is False or str(value).strip().lower() in _FALSY:
                    continue
                suppliers[key] = suppliers.get(key, 0) + 1
                contracts[key] = contracts.get(key, 0) + n
        return [DeclaredCharacteristic(characteristic=str(key)[:80],
                                       suppliers=suppress(suppliers[key], [suppliers[key]], self.k),
                                       contracts=suppress(contracts[key], [suppliers[key]], self.k))
                for key in sorted(suppliers)]

    # ------------------------------------------------------------------ across years

    def history(self, year: int) -> list[HistoryPoint]:
        """SME shares per award year, up to ``year`` (at most ``HISTORY_YEARS`` years), for the chart."""
        counts, values = self._by_year()
        out = []
        for y in sorted(y for y in counts if year - HISTORY_YEARS < y <= year):
            share_n, share_v, _ = self._sme(None, counts[y], values.get(y, {}))
            out.append(HistoryPoint(year=y, contracts=sum(n for n, _ in counts[y].values()),
                                    sme_share_count=share_n, sme_share_value=share_v))
        return out
