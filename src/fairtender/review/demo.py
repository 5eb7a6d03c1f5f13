"""A realistic demo register, so a new user sees a full annual review in one command.

``fairtender demo --output DIR`` writes ``DIR/fairtender.db`` (and the report
file store beside it) with three years of synthetic suppliers, contracts,
subcontractors and equality reports, plus recorded checks of the fixture
tenders in ``fixtures/`` and of edited copies of them (barrier sentences
removed, the missing clause elements added), so the review can count barriers
found and fixed before publication.

Everything goes through the register's service (so every record has its audit
event) and through the real ``check`` pipeline and report assessment; only the
random choices are synthetic, drawn from ``random.Random(seed)``: the same seed
and ``as_of`` give the same register. An existing ``DIR/fairtender.db`` is never
overwritten.
"""

from __future__ import annotations

import random
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..errors import RegisterError, UsageError

DB_NAME = "fairtender.db"
FIXTURE_TENDERS = ("tender-cleaning-en.docx", "tender-catering-nl.pdf", "tender-it-sv.txt")
CONTRACT_FIXTURES = ("contract-no-clause-en.docx", "contract-stockholm-partial-sv.docx")
# clause template added to the edited copy of a tender, by document language
CLAUSE_FOR_LANGUAGE = {"en": "ghent", "nl": "ghent", "sv": "stockholm", "fr": "ghent", "de": "ghent"}
AUTHORITY = {"en": "the City", "nl": "de Stad", "sv": "staden", "fr": "la Ville", "de": "die Stadt"}

SECTORS = [
    ("Office cleaning", "Cleaning"), ("School catering", "Catering"), ("IT support and maintenance", "IT"),
    ("Road maintenance", "Roadworks"), ("Translation and interpreting", "Language Services"),
    ("Security guarding", "Security"), ("Printing and mailing", "Print"), ("Green space maintenance", "Green"),
    ("Urban planning consultancy", "Consult"), ("Home care services", "Care"), ("Building renovation", "Build"),
    ("Waste collection", "Recycling"),
]
SURNAMES = {
    "BE": ["Vandenberghe", "Claes", "Peeters", "Janssens", "De Smet", "Maes", "Willems", "Goossens", "El Amrani",
           "Wouters", "Dubois", "Yilmaz", "Lambert", "Mertens", "Diallo"],
    "NL": ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Bouzid", "Mulder", "de Boer", "Kaya"],
    "SE": ["Lindqvist", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Hassan", "Larsson", "Berg"],
}
LEGAL_FORM = {"BE": ["BV", "NV", "CV", "VZW"], "NL": ["B.V.", "V.O.F."], "SE": ["AB", "Ekonomisk förening"]}
SIZES = (["micro"] * 20) + (["small"] * 30) + (["medium"] * 25) + (["large"] * 22) + ([None] * 3)


@dataclass
class DemoResult:
    db_url: str
    path: Path
    suppliers: int = 0
    contracts: int = 0
    subcontractors: int = 0
    reports_received: int = 0
    checks: int = 0
    years: list[int] = field(default_factory=list)


def build_demo(output: Path | str, *, seed: int = 2026, as_of: date | None = None,
               fixtures_dir: Path | None = None, actor: str = "demo") -> DemoResult:
    """Build the demo register in ``output``/fairtender.db; refuses to touch an existing one."""
    from ..register.service import Register

    output = Path(output)
    db = output / DB_NAME
    if db.exists():
        raise UsageError(f"{db} already exists: the demo never overwrites a register; "
                         "choose another --output or remove it")
    if output.exists() and not output.is_dir():
        raise UsageError(f"{output} is not a directory")
    fixtures = fixtures_dir or _fixtures_dir()
    missing = [n for n in FIXTURE_TENDERS if not (fixtures / n).is_file()]
    if missing:
        raise UsageError(f"fixture tenders not found in {fixtures}: {', '.join(missing)}")
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"{output}: cannot create directory: {e.strerror}") from None
    as_of = as_of or date.today()
    url = f"sqlite:///{db.resolve()}"
    reg = Register(url, actor=actor, today=as_of)
    rng = random.Random(seed)
    result = DemoResult(db_url=url, path=db, years=[as_of.year - 2, as_of.year - 1, as_of.year])
    with tempfile.TemporaryDirectory(prefix="fairtender-demo-") as tmp:
        work = Path(tmp)
        suppliers = _suppliers(reg, rng, result)
        _contracts(reg, rng, result, suppliers, as_of, work)
        _checks(url, rng, result, fixtures, as_of, work, actor, reg)
    return result


def _fixtures_dir() -> Path:
    """Where the example documents are: bundled in the wheel, else ``fixtures/`` of a source checkout."""
    package = Path(__file__).resolve().parent.parent
    bundled = package / "_data" / "fixtures"
    if bundled.is_dir():
        return bundled
    for parent in package.parents:
        if (parent / "fixtures").is_dir() and (parent / "pyproject.toml").is_file():
            return parent / "fixtures"
    return Path.cwd() / "fixtures"


# --------------------------------------------------------------------------- suppliers


def _org_id(rng: random.Random, country: str) -> str:
    if country == "BE":
        n = f"{rng.randrange(10**9):09d}"
        return f"BE0{n[:3]}.{n[3:6]}.{n[6:]}"
    if country == "NL":
        return f"NL{rng.randrange(10**9):09d}B01"
    return f"SE{rng.randrange(10**10):010d}01"


def _suppliers(reg, rng: random.Random, result: DemoResult) -> list[dict]:
    from ..register.schemas import SupplierIn

    out, seen = [], set()
    for _ in range(72):
        country = rng.choices(["BE", "NL", "SE"], weights=[55, 20, 25])[0]
        label, short = rng.choice(SECTORS)
        name = f"{rng.choice(SURNAMES[country])} {short} {rng.choice(LEGAL_FORM[country])}"
        org = _org_id(rng, country)
        if org in seen or name in {s['name'] for s in out}:
            continue
        seen.add(org)
        size = rng.choice(SIZES)
        declared = {}
        if rng.random() < 0.12:
            declared["social_economy"] = "yes"
        if rng.random() < 0.18:
            declared["women_led"] = "yes"
        reg.add_supplier(SupplierIn(name=name, org_id=org, country=country, size=size,
                                    characteristics=declared or None))
        out.append({"org": org, "name": name, "country": country, "size": size, "sector": label})
    result.suppliers = len(out)
    return out


# --------------------------------------------------------------------------- contracts and reports


def _report_elements() -> list[dict]:
    import yaml

    from ..catalog.loader import bundled_dir

    data = yaml.safe_load((bundled_dir("clauses") / "equality-report.yaml").read_text(encoding="utf-8"))
    return data["elements"]


def _report_text(chosen: list[dict], ref: str, period: int, supplier: str) -> str:
    """An English equality report made of the model sentences of the ``chosen`` report-template elements."""
    lines = [f"# Equality report {period}", "", f"Contract {ref}, supplier {supplier}.", ""]
    for e in chosen:
        text = e.get("text", {}).get("en", "")
        lines += [f"## {e.get('title', '')}", "", _fill(text, "en"), ""]
    lines += ["", f"Signed for {supplier} on behalf of the management, reference {ref}/{period}."]
    return "\n".join(lines)


def _fill(text: str, lang: str) -> str:
    return text.replace("{authority}", AUTHORITY.get(lang, "the City")).replace("{report_days}", "7")


def _contracts(reg, rng: random.Random, result: DemoResult, suppliers: list[dict], as_of: date, work: Path) -> None:
    from ..register.schemas import ContractIn, ReportRequestIn, SubcontractorIn

    elements = _report_elements()
    first_year = as_of.year - 2
    # later years: more contracts carry the clause, more SMEs win (the city's policy working)
    clause_rate = {first_year: 0.45, first_year + 1: 0.65, first_year + 2: 0.85}
    sme_bias = {first_year: 0.9, first_year + 1: 1.2, first_year + 2: 1.5}
    n = 0
    sub_orgs: list[str] = []
    for year in result.years:
        count = {first_year: 34, first_year + 1: 40, first_year + 2: 46}[year]
        last_day = min(date(year, 12, 31), as_of - timedelta(days=1))
        span = (last_day - date(year, 1, 1)).days
        weights = [sme_bias[year] if s["size"] in ("micro", "small", "medium") else 1.0 for s in suppliers]
        for _ in range(count):
            n += 1
            sup = rng.choices(suppliers, weights=weights)[0]
            awarded = date(year, 1, 1) + timedelta(days=rng.randrange(max(span, 1)))
            start = awarded + timedelta(days=rng.randrange(14, 60))
            end = start + timedelta(days=365 * rng.choice([1, 2, 2, 3, 4]) - 1)
            value = round(rng.lognormvariate(11.8, 1.0), -3) or 10_000.0
            currency = "EUR"
            if sup["country"] == "SE":
                currency, value = "SEK", round(value * 11.5, -3)
            templates = []
            if rng.random() < clause_rate[year]:
                templates = ["stockholm"] if sup["country"] == "SE" else [rng.choice(["ghent", "ghent", "flanders"])]
            reporting = rng.choices(["annual", "on-request", "self-evaluation"], weights=[55, 30, 15])[0]
            ref = f"{year}-{n:04d}"
            reg.add_contract(ContractIn(
                reference=ref, title=f"{sup['sector']}, lot {rng.randrange(1, 5)}", supplier=sup["org"],
                value=value, currency=currency, awarded=awarded, start=start, end=end, templates=templates,
                reporting=reporting))
            result.contracts += 1
            if reporting == "on-request" and rng.random() < 0.6:
                requested = start + timedelta(days=rng.randrange(60, 300))
                if requested < as_of:
                    reg.request_report(ReportRequestIn(contract=ref, period=requested.year, requested_on=requested,
                                                       due=requested + timedelta(days=30)))
            if rng.random() < 0.3:
                for _k in range(rng.choice([1, 1, 2])):
                    if sub_orgs and rng.random() < 0.3:
                        org, name = rng.choice(sub_orgs), None
                    else:
                        country = sup["country"]
                        org = _org_id(rng, country)
                        name = f"{rng.choice(SURNAMES[country])} {rng.choice(SECTORS)[1]} {rng.choice(LEGAL_FORM[country])}"
                        sub_orgs.append(org)
                    if org == sup["org"]:
                        continue
                    try:
                        reg.add_subcontractor(SubcontractorIn(
                            contract=ref, org_id=org, name=name, size=rng.choice(["micro", "small", "medium"]),
                            share=round(rng.uniform(0.05, 0.3), 2), due=start + timedelta(days=30)))
                    except RegisterError:  # the same subcontractor drawn twice for one contract: skip it
                        continue
                    result.subcontractors += 1
                    roll = rng.random()
                    confirmed_on = start + timedelta(days=rng.randrange(5, 60))
                    if roll < 0.7 and confirmed_on < as_of:
                        reg.confirm_subcontractor(ref, org, confirmed_on=confirmed_on)
                    elif roll < 0.78 and confirmed_on < as_of:
                        reg.confirm_subcontractor(ref, org, confirmed_on=confirmed_on, flowed_down=False)
    _receive_reports(reg, rng, result, elements, as_of, work)


def _receive_reports(reg, rng: random.Random, result: DemoResult, elements: list[dict], as_of: date,
                     work: Path) -> None:
    """Suppliers send most reports (on time or late), some never; reviewers accept or reject some.

    Bulk path: the service's ``record_report`` assesses each file with the clause
    matcher (about a second per report today), so the demo stores the files in the
    register's file store and writes the receipt and its audit event itself, in
    one transaction, with the assessment known by construction (the report text
    is made of exactly the chosen elements' model sentences). Decisions, notices
    and the Ghent self-evaluation gaps go through the service.
    """
    from sqlalchemy import select

    from ..register.models import AuditEvent, Contract, Report, StoredFile, utcnow

    reports = sorted(reg.list_reports(), key=lambda r: (r.due, r.contract, r.kind, r.period))
    suppliers = {c.reference: c.supplier_name for c in reg.list_contracts()}
    ids = [e["id"] for e in elements]
    received: list[tuple] = []
    for r in reports:
        if r.status != "requested" or r.due >= as_of or r.kind == "action-plan":
            continue
        year_index = r.due.year - (as_of.year - 2)
        roll = rng.random()
        on_time = 0.55 + 0.1 * year_index
        if roll < on_time:
            when = r.due - timedelta(days=rng.randrange(0, 25))
        elif roll < on_time + 0.22:
            when = r.due + timedelta(days=rng.randrange(3, 80))
        else:
            if rng.random() < 0.5 and r.due + timedelta(days=14) < as_of:
                reg.notice_report(r.contract, r.period, kind=r.kind, on=r.due + timedelta(days=14))
            continue
        if when >= as_of:
            continue
        when = max(when, r.requested_on or when)
        quality = min(1.0, rng.uniform(0.35, 1.0) + 0.05 * year_index)
        chosen = [e for e in elements if rng.random() < quality] or elements[:1]
        f = work / f"equality-report-{r.contract}-{r.kind}-{r.period}.md"
        f.write_text(_report_text(chosen, r.contract, r.period, suppliers[r.contract]), encoding="utf-8")
        digest, size = reg.store.put(f)[:2]
        present = [e["id"] for e in chosen]
        received.append((r, when, f.name, digest, size, present, [i for i in ids if i not in present]))
    with reg.transaction() as s:
        for r, when, name, digest, size, present, missing in received:
            if s.get(StoredFile, digest) is None:
                s.add(StoredFile(sha256=digest, size=size, original_name=name))
                s.flush()
            row = s.scalars(select(Report).join(Contract, Contract.id == Report.contract_id)
                            .where(Contract.reference == r.contract, Report.kind == r.kind,
                                   Report.period == r.period)).one()
            values = {"status": "received", "received_on": when, "file_sha256": digest, "file_name": name,
                      "assessed_template": "equality-report", "assessed_language": "en",
                      "elements_present": present, "elements_missing": missing,
                      "completeness": round(len(present) / len(ids), 4)}
            for k, v in values.items():
                setattr(row, k, v)
            new = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}
            s.add(AuditEvent(at=utcnow(), actor=reg.actor, action="record", entity="report", entity_id=row.id,
                             entity_key=f"{r.contract}/{r.kind}/{r.period}", old={"status": "requested"}, new=new))
    result.reports_received += len(received)
    for r, _when, _name, _digest, _size, present, _missing in received:
        if r.kind == "self-evaluation":
            reg.assess_report(r.contract, r.period, kind=r.kind, gaps=len(present) < len(ids))
        decision = rng.random()
        if decision < 0.1:
            reg.assess_report(r.contract, r.period, kind=r.kind, decision="rejected",
                              notes="The report does not describe the measures taken.")
        elif decision < 0.75:
            reg.assess_report(r.contract, r.period, kind=r.kind, decision="accepted")


# --------------------------------------------------------------------------- recorded checks


def _language_of(name: str) -> str:
    """The fixtures name their language last: ``tender-it-sv.txt`` -> ``sv``."""
    return Path(name).stem.rsplit("-", 1)[-1]


def _check_by_template(check, paths: list[Path], **options) -> list:
    """Check each document against the clause template of its language (one run per template)."""
    groups: dict[str, list[Path]] = {}
    for p in paths:
        groups.setdefault(CLAUSE_FOR_LANGUAGE.get(_language_of(p.name.replace("-edited", "")), "ghent"), []).append(p)
    docs = []
    for template, group in sorted(groups.items()):
        docs += check(group, templates=[template], jobs=1, **options).documents
    failed = [d for d in docs if d.error is not None]
    if failed:
        raise UsageError("a fixture document could not be checked: " + "; ".join(d.error.message for d in failed))
    return sorted(docs, key=lambda d: Path(d.path).name)


def _checks(url: str, rng: random.Random, result: DemoResult, fixtures: Path, as_of: date, work: Path,
            actor: str, reg) -> None:
    """Record checks of the fixture tenders (and of edited copies) over three years, and of two contracts."""
    from ..check_api import check
    from ..models import CheckReport
    from .record import record_check

    good = _check_by_template(check, [fixtures / n for n in FIXTURE_TENDERS], kind="tender")
    edited = {Path(d.path).stem: d for d in
              _check_by_template(check, [_edited_copy(d, work) for d in good], kind="tender")}
    # how many tenders a year, and how many of them were checked again after editing
    plan = {result.years[0]: (6, 2), result.years[1]: (9, 5), result.years[2]: (12, 10)}
    for year, (tenders, rechecked) in plan.items():
        last = min(date(year, 12, 31), as_of - timedelta(days=15))
        for i in range(tenders):
            doc = good[i % len(good)]
            short = Path(doc.path).stem.split("-")[1].upper()
            ref = f"T-{year}-{short}-{i + 1:02d}"
            first_on = date(year, 1, 10) + timedelta(days=rng.randrange(max((last - date(year, 1, 10)).days - 14, 1)))
            result.checks += record_check(CheckReport.build([doc]), url, ref, checked_on=first_on, actor=actor)
            later = edited.get(Path(doc.path).stem + "-edited")
            if i < rechecked and later is not None:
                result.checks += record_check(CheckReport.build([later]), url, ref,
                                              checked_on=first_on + timedelta(days=rng.randrange(3, 14)), actor=actor)
    # signed contracts whose clause turned out incomplete when the contract document itself was checked
    contracts = [c for c in reg.list_contracts() if c.awarded and c.awarded.year == result.years[-1]]
    for name in CONTRACT_FIXTURES:
        if not (fixtures / name).is_file():
            continue
        doc, = _check_by_template(check, [fixtures / name], kind="contract")
        template = CLAUSE_FOR_LANGUAGE[_language_of(name)]
        for c in [c for c in contracts if template in c.templates][:2]:
            result.checks += record_check(CheckReport.build([doc]), url, c.reference, checked_on=c.awarded,
                                          actor=actor)


def _edited_copy(doc, work: Path) -> Path:
    """The tender as a buyer fixes it: barrier sentences taken out, missing clause elements added (Markdown)."""
    from ..readers import read_document

    document = read_document(doc.path)
    barrier_paragraphs: dict[int, list] = {}
    for f in doc.findings:
        if f.kind == "barrier" and f.location is not None:
            barrier_paragraphs.setdefault(f.location.paragraph, []).append(f)
    lines: list[str] = []
    for p in document.paragraphs:
        if p.kind == "heading":
            lines += ["#" * min(max(p.heading_level or 2, 1), 6) + " " + p.text, ""]
            continue
        text = p.text
        for f in barrier_paragraphs.get(p.index, []):
            text = _drop_sentence(text, f.match.text if f.match else f.excerpt)
        if text.strip():
            lines += [text, ""]
    lang = doc.language or "en"
    lines += _clause_section(CLAUSE_FOR_LANGUAGE.get(lang, "ghent"), lang)
    out = work / f"{Path(doc.path).stem}-edited.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def _drop_sentence(text: str, needle: str) -> str:
    """``text`` without the sentence(s) containing ``needle`` (all of it when the sentence is not found)."""
    parts = re.split(r"(?<=[.!?;])\s+", text)
    kept = [s for s in parts if not needle or needle.lower() not in s.lower()]
    return " ".join(kept) if len(kept) < len(parts) else ""


def _clause_section(template: str, lang: str) -> list[str]:
    import yaml

    from ..catalog.loader import bundled_dir

    data = yaml.safe_load((bundled_dir("clauses") / f"{template}.yaml").read_text(encoding="utf-8"))
    heading = (data.get("heading") or {}).get(lang) or "Non-discrimination clause"
    lines = [f"## {heading}", ""]
    for e in data.get("elements", []):
        text = (e.get("text") or {}).get(lang) or (e.get("text") or {}).get("en")
        if text:
            lines += [_fill(text.strip(), lang), ""]
    return lines
