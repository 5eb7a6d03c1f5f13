"""Benchmark: `fairtender check DIR --jobs 2` against `--jobs 1` on a folder of generated tenders.

Generates COUNT realistic tenders (a mix of .docx, .pdf and .txt, 5-30 pages,
English, Dutch and Swedish, some with indirect barriers and some with an
anti-discrimination clause), checks the folder serially and with two worker
processes, and prints both wall times and the speed-up (target: >= 1.7x on a
2-core machine). It also checks that both runs print identical JSON, since
the output order must not depend on scheduling.

    .venv/bin/python bench/bench_jobs.py                 # 200 tenders in a temp dir
    .venv/bin/python bench/bench_jobs.py --count 50 --dir /tmp/tenders --keep

PDFs are written with fpdf2 when it is installed; otherwise the mix is .docx
and .txt only (the script says so).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS_PER_PAGE = 450

# ----------------------------------------------------------------------------- text pools

EN = {
    "title": "Framework agreement for {subject}",
    "subjects": ["cleaning of municipal buildings", "catering for day-care centres", "IT support services",
                 "maintenance of public green spaces", "translation and interpreting services",
                 "security services for the town hall", "office furniture", "road marking works"],
    "sections": ["1. Introduction", "2. Subject of the contract", "3. Estimated value and duration",
                 "4. Exclusion and selection criteria", "5. Award criteria", "6. Technical specifications",
                 "7. Special conditions of performance", "8. Payment and invoicing", "9. Procedure and time limits"],
    "value": "The estimated value of the contract excluding VAT is EUR {value:,}. The contract runs for {months} months.",
    "filler": [
        "The contracting authority publishes this call for tenders in accordance with the applicable procurement law "
        "and invites all interested economic operators to submit a tender before the deadline stated below.",
        "Tenderers shall describe their methodology, the organisation of the work and the quality assurance measures "
        "they will apply during the performance of the contract, including reporting to the contract manager.",
        "The contractor shall report monthly on the services delivered, the hours worked and any incidents, using the "
        "template provided by the contracting authority, and shall attend a quarterly progress meeting.",
        "Questions about the procurement documents may be asked in writing through the e-procurement platform until "
        "ten days before the deadline; answers are published for all tenderers at the same time.",
        "Invoices are paid within thirty days of receipt of a correct invoice. Price revision is possible once a year "
        "on the basis of the official index for labour costs in the sector.",
        "The award criteria are price (40 points), quality of the proposed approach (40 points) and sustainability "
        "measures (20 points). Each criterion is scored by an evaluation committee of three members.",
        "The tenderer provides a list of the principal services carried out over at most the past three years, with "
        "the sums, dates and recipients, public or private, as evidence of technical ability.",
        "Tenders remain valid for one hundred and twenty days from the deadline for receipt of tenders. Variants are "
        "not allowed, but options described in annex B must be priced.",
        "The contractor uses environmentally friendly products and equipment and takes measures to reduce waste, "
        "noise and energy use at the sites where the services are performed.",
    ],
    "barriers": [
        "The tenderer shall have a minimum annual turnover of EUR {turnover:,} in each of the last three financial years.",
        "All supervisors must be native English speakers.",
        "The company must have been established for at least 15 years.",
        "Staff deployed on site should be aged 25-40 and part of a young and dynamic team.",
        "The tenderer must have an office in the city at the time of submission.",
        "Only cleaning products of the brand Ecolab shall be used.",
        "Joint bids by groups of economic operators are not accepted.",
        "Staff must be in perfect health and have no disabilities.",
    ],
    "clause": [
        "The contractor tolerates no discrimination on the basis of gender, nationality, race, skin colour, ethnic "
        "origin, age, sexual orientation, political conviction, language, health, disability, physical or genetic "
        "characteristics or social origin.",
        "The contractor respects all legislation on non-discrimination and equal rights, ensures that its services "
        "are accessible to all, prevents discriminatory behaviour in its workplace and imposes the same obligations "
        "on all its subcontractors.",
    ],
}

NL = {
    "title": "Raamovereenkomst voor {subject}",
    "subjects": ["schoonmaak van stedelijke gebouwen", "catering voor kinderdagverblijven", "onderhoud van groenzones",
                 "vertaal- en tolkdiensten"],
    "sections": ["1. Inleiding", "2. Voorwerp van de opdracht", "3. Geraamde waarde en looptijd",
                 "4. Uitsluiting en selectiecriteria", "5. Gunningscriteria", "6. Technische bepalingen",
                 "7. Bijzondere uitvoeringsvoorwaarden", "8. Betaling en facturatie"],
    "value": "De geraamde waarde van de opdracht exclusief btw bedraagt EUR {value:,}. De looptijd is {months} maanden.",
    "filler": [
        "Het bestuur publiceert deze opdracht overeenkomstig de wetgeving overheidsopdrachten en nodigt alle "
        "geinteresseerde ondernemers uit om een offerte in te dienen voor de uiterste datum.",
        "De inschrijver beschrijft de werkwijze, de organisatie van het werk en de maatregelen voor "
        "kwaliteitsbewaking die hij tijdens de uitvoering van de opdracht zal toepassen.",
        "De opdrachtnemer rapporteert maandelijks over de geleverde diensten, de gepresteerde uren en eventuele "
        "incidenten, volgens het model dat het bestuur ter beschikking stelt.",
        "Facturen worden betaald binnen dertig dagen na ontvangst van een correcte factuur. Prijsherziening is "
        "eenmaal per jaar mogelijk op basis van de officiele index.",
        "De gunningscriteria zijn prijs (40 punten), kwaliteit van de aanpak (40 punten) en duurzaamheid (20 punten).",
    ],
    "barriers": [
        "De inschrijver moet een minimale jaaromzet van EUR {turnover:,} hebben in elk van de laatste drie boekjaren.",
        "Alle leidinggevenden moeten het Nederlands als moedertaal hebben.",
        "De onderneming moet minstens 15 jaar bestaan.",
        "De inschrijver moet een kantoor in de stad hebben op het moment van indiening.",
    ],
    "clause": [
        "De opdrachtnemer tolereert geen discriminatie op grond van geslacht, nationaliteit, ras, huidskleur, etnische "
        "afkomst, leeftijd, seksuele geaardheid, politieke overtuiging, taal, gezondheid, handicap, fysieke of "
        "genetische eigenschappen of sociale afkomst.",
        "De opdrachtnemer leeft alle wetgeving inzake non-discriminatie en gelijke rechten na en legt dezelfde "
        "verplichtingen op aan al zijn onderaannemers.",
    ],
}

SV = {
    "title": "Ramavtal för {subject}",
    "subjects": ["städning av kommunala lokaler", "måltidsleveranser till förskolor", "skötsel av parker"],
    "sections": ["1. Inledning", "2. Upphandlingens föremål", "3. Uppskattat värde och avtalstid",
                 "4. Uteslutning och kvalificeringskrav", "5. Utvärdering", "6. Kravspecifikation",
                 "7. Särskilda kontraktsvillkor", "8. Betalning och fakturering"],
    "value": "Uppskattat värde: {value:,} SEK exklusive moms. Avtalstiden är {months} månader.",
    "filler": [
        "Den upphandlande myndigheten genomför upphandlingen enligt lagen om offentlig upphandling och välkomnar "
        "anbud från alla intresserade leverantörer före sista anbudsdag.",
        "Anbudsgivaren ska beskriva sin metod, organisationen av arbetet och de kvalitetsrutiner som tillämpas under "
        "avtalstiden, inklusive rapportering till myndighetens kontaktperson.",
        "Leverantören ska varje månad rapportera utförda tjänster, arbetade timmar och eventuella avvikelser enligt "
        "den mall som myndigheten tillhandahåller.",
        "Betalning sker trettio dagar efter mottagen korrekt faktura. Prisjustering får ske en gång per år enligt "
        "arbetskostnadsindex.",
    ],
    "barriers": [
        "Anbudsgivaren ska ha en årsomsättning om minst {turnover:,} SEK under vart och ett av de tre senaste åren.",
        "Arbetsledare ska ha svenska som modersmål.",
        "Företaget ska ha funnits i minst 15 år.",
    ],
    "clause": [
        "Leverantören ska vid utförandet av detta kontrakt följa diskrimineringslagen och på begäran lämna en skriftlig "
        "redovisning av de åtgärder som vidtagits för att säkerställa lika rättigheter och möjligheter.",
        "Leverantören ansvarar för att underleverantörer uppfyller samma krav. Brott mot villkoren ger myndigheten "
        "rätt att häva avtalet.",
    ],
}

LANGS = [(EN, 0.6), (NL, 0.2), (SV, 0.2)]


# ----------------------------------------------------------------------------- generation


def tender_text(rng: random.Random, pages: int) -> tuple[str, list[tuple[str, list[str]]]]:
    """A title and sections (heading, paragraphs) of about ``pages`` pages."""
    pool = rng.choices([p for p, _ in LANGS], weights=[w for _, w in LANGS])[0]
    title = pool["title"].format(subject=rng.choice(pool["subjects"]))
    value = rng.choice([80_000, 150_000, 200_000, 450_000, 900_000, 1_500_000, 3_000_000])
    sections: list[tuple[str, list[str]]] = [(h, []) for h in pool["sections"]]
    sections[2][1].append(pool["value"].format(value=value, months=rng.choice([12, 24, 36, 48])))
    if rng.random() < 0.6:
        for b in rng.sample(pool["barriers"], k=rng.randint(1, min(3, len(pool["barriers"])))):
            sections[3][1].append(b.format(turnover=value * rng.choice([1, 2, 5, 10])))
    if rng.random() < 0.5:
        sections[-2 if len(sections) > 8 else 6][1].extend(pool["clause"])
    words = sum(len(p.split()) for _, ps in sections for p in ps)
    target = pages * WORDS_PER_PAGE
    while words < target:
        para = " ".join(rng.sample(pool["filler"], k=2))
        sections[rng.randrange(len(sections))][1].append(para)
        words += len(para.split())
    return title, sections


def write_txt(path: Path, title: str, sections) -> None:
    lines = [title, ""]
    for heading, paras in sections:
        lines += [heading, ""] + [p + "\n" for p in paras]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_docx(path: Path, title: str, sections) -> None:
    import docx

    d = docx.Document()
    d.add_heading(title, level=0)
    for heading, paras in sections:
        d.add_heading(heading, level=1)
        for i, p in enumerate(paras):
            if heading.startswith("4.") and i == 0 and len(paras) > 1:
                t = d.add_table(rows=1, cols=2)
                t.cell(0, 0).text = "Requirement"
                t.cell(0, 1).text = p
            else:
                d.add_paragraph(p)
    d.save(str(path))


def write_pdf(path: Path, title: str, sections) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, title.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    for heading, paras in sections:
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, heading.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        for p in paras:
            pdf.multi_cell(0, 5, p.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))


def generate(folder: Path, count: int, seed: int = 2026) -> dict[str, int]:
    try:
        import fpdf  # noqa: F401

        kinds = ["docx", "pdf", "txt"]
    except ImportError:
        print("note: fpdf2 is not installed, generating .docx and .txt only", file=sys.stderr)
        kinds = ["docx", "txt"]
    writers = {"docx": write_docx, "pdf": write_pdf, "txt": write_txt}
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, int] = {k: 0 for k in kinds}
    for i in range(count):
        kind = kinds[i % len(kinds)]
        title, sections = tender_text(rng, rng.randint(5, 30))
        writers[kind](folder / f"tender-{i:03d}.{kind}", title, sections)
        made[kind] += 1
    return made


# ----------------------------------------------------------------------------- measuring


def run_check(folder: Path, jobs: int, out: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the command and its workers) of one check run."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cmd = [sys.executable, "-m", "fairtender", "check", str(folder), "--format", "json", "--jobs", str(jobs),
           "--fail-on", "never", "--output", str(out)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"check --jobs {jobs} failed with exit {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--dir", type=Path, help="where to generate the tenders (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the generated folder")
    ap.add_argument("--reuse", action="store_true", help="check the tenders already in --dir instead of generating")
    ap.add_argument("--repeat", type=int, default=1, help="runs per setting; the best time is reported")
    args = ap.parse_args()

    folder = args.dir or Path(tempfile.mkdtemp(prefix="fairtender-bench-")) / "tenders"
    t0 = time.perf_counter()
    if args.reuse and args.dir and folder.is_dir():
        files = [p for p in folder.iterdir() if p.suffix in {".docx", ".pdf", ".txt"}]
        args.count = len(files)
        made = {k: sum(1 for p in files if p.suffix == "." + k) for k in ("docx", "pdf", "txt")}
        verb = "reusing"
    else:
        made = generate(folder, args.count)
        verb = "generated"
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    print(f"{verb} {args.count} tenders ({', '.join(f'{n} {k}' for k, n in made.items())}; {size:.1f} MB) "
          f"in {time.perf_counter() - t0:.1f} s -> {folder}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cores: {os.cpu_count()}, load average before the runs: {load:.1f}")

    # Runs alternate (1, 2, 1, 2, ...) so that load from elsewhere hits both settings alike.
    times: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    outputs: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="fairtender-bench-out-") as tmp:
        for r in range(args.repeat):
            for jobs in (1, 2):
                out = Path(tmp) / f"check-jobs{jobs}-{r}.json"
                wall, cpu = run_check(folder, jobs, out)
                times[jobs].append(wall)
                cpus[jobs].append(cpu)
                outputs[jobs] = out.read_text(encoding="utf-8")
    results = {jobs: min(ts) for jobs, ts in times.items()}
    for jobs in (1, 2):
        print(f"--jobs {jobs}: {results[jobs]:.2f} s wall, best of {args.repeat} "
              f"({args.count / results[jobs]:.1f} documents/s; all runs: {', '.join(f'{t:.1f}' for t in times[jobs])}; "
              f"CPU {min(cpus[jobs]):.1f} s)")
    print(f"load average after the runs: {os.getloadavg()[0]:.1f} (other work on the machine skews wall times)")

    report = json.loads(outputs[1])
    summary = report.get("summary", {})
    print(f"findings: {summary.get('errors')} errors, {summary.get('warnings')} warnings, "
          f"{summary.get('infos')} info; failed documents: {summary.get('failed')}")
    same = hashlib.sha256(outputs[1].encode()).digest() == hashlib.sha256(outputs[2].encode()).digest()
    print(f"identical JSON for --jobs 1 and --jobs 2: {'yes' if same else 'NO'}")
    ratio = results[1] / results[2]
    print(f"speed-up --jobs 2 vs --jobs 1: {ratio:.2f}x (target >= 1.7x): {'OK' if ratio >= 1.7 else 'BELOW TARGET'}")
    if not args.keep and args.dir is None:
        shutil.rmtree(folder.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
