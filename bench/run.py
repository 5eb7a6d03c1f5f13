"""Run every fairtender benchmark in one go and print ONE table with reference ratios.

    .venv/bin/python bench/run.py            # full size (about 15-25 minutes on 2 cores)
    .venv/bin/python bench/run.py --quick    # scaled-down inputs, a smoke run (about 2-3 minutes)
    .venv/bin/python bench/run.py --only startup,check,pdf   # a subset (names: see --help)

Generates its own inputs in a temporary directory (the generators of the other
bench scripts are reused: ``bench_jobs``, ``bench_read``, ``bench_rules``,
``bench_register``, ``bench_review``) and measures each figure next to a
reference measured in the same run on the same machine, so the ratios stay
meaningful on a loaded or a faster machine:

- startup: ``fairtender --help`` vs ``python -c pass``;
- check: ``fairtender check`` on a one-paragraph .txt (target < 1.5 s wall);
- pdf: reading + language detection, and the full check, of the largest PDF
  in ``../shared/real-world`` (else a generated 150-page PDF) vs ``pdftotext``;
- docx: reading a generated 100+ page .docx;
- rules: the barrier engine's time as a share of read + analyse (``bench_rules.py``);
- jobs: ``check DIR --jobs 2`` vs ``--jobs 1`` on generated tenders;
- register: ``register overdue``/``status`` at 100k contracts / 1M reports, and an
  OCDS import of 100k releases;
- review: ``fairtender review`` on the same register.

Every external command runs as a child process whose wall time, CPU time and
peak RSS come from ``os.wait4``. Not a test: nothing is asserted; a missing
tool or input is reported in the table as skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
REAL = ROOT.parent / "shared" / "real-world"
sys.path.insert(0, str(BENCH))

PY = sys.executable
FT = [PY, "-m", "fairtender"]
SECTIONS = ("startup", "check", "pdf", "docx", "rules", "jobs", "register", "review")


# --------------------------------------------------------------------------- measuring


@dataclass
class Measure:
    wall: float
    cpu: float
    rss_mb: float
    code: int
    out: bytes
    err: bytes


TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def run(cmd: list[str], *, env: dict[str, str] | None = None) -> Measure:
    """Run ``cmd`` once: wall time, CPU time (user+sys, children included) and peak RSS.

    Peak RSS comes from GNU time when installed: Linux carries a process's RSS
    high-water mark across fork+exec, so ``wait4`` on a child forked from this
    (large, after generating a register) process would report this process's
    peak. ``/usr/bin/time`` forks the command from its own small process.
    Without it, ``wait4``'s figure is used (an upper bound).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = [TIME, "-f", "%M %U %S", "-o", tf.name, *cmd] if TIME else cmd
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        rss, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
        if TIME:
            last = (tf.read().strip().splitlines() or [""])[-1].split()
            if len(last) == 3:
                rss, cpu = int(last[0]) / 1024, float(last[1]) + float(last[2])
        out.seek(0)
        err.seek(0)
        return Measure(wall, cpu, rss, code, out.read(), err.read())


def best(cmd: list[str], repeat: int, **kw) -> Measure:
    runs = [run(cmd, **kw) for _ in range(repeat)]
    for m in runs:
        if m.code not in (0, 1):
            raise RuntimeError(f"{' '.join(map(str, cmd))} exited {m.code}: {m.err.decode()[-600:]}")
    return min(runs, key=lambda m: m.wall)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str, str]] = []

    def add(self, section: str, figure: str, measured: str, reference: str = "-", ratio: str = "-",
            target: str = "-", rss: float | None = None) -> None:
        self.rows.append((section, figure, measured, reference, ratio, target,
                          f"{rss:.0f}" if rss is not None else "-"))
        print(f"  [{section}] {figure}: {measured}" + (f"  (ref {reference}, {ratio})" if reference != "-" else ""),
              file=sys.stderr, flush=True)

    def skip(self, section: str, figure: str, why: str) -> None:
        self.add(section, figure, f"skipped: {why}")

    def print(self) -> None:
        from tabulate import tabulate

        print(tabulate(self.rows, headers=["area", "figure", "measured", "reference", "ratio", "target",
                                           "peak RSS MB"]))


def secs(m: Measure | float) -> str:
    v = m.wall if isinstance(m, Measure) else m
    return f"{v:.2f} s"


# --------------------------------------------------------------------------- the benchmarks


def bench_startup(t: Table, repeat: int) -> None:
    ref = best([PY, "-c", "pass"], repeat)
    helpm = best([*FT, "--help"], repeat)
    t.add("startup", "fairtender --help", secs(helpm), f"python -c pass {secs(ref)}",
          f"{helpm.wall / ref.wall:.1f}x", "fast; no spaCy import", helpm.rss_mb)
    imp = best([PY, "-X", "importtime", "-c", "import fairtender.cli.main"], 1)
    heavy = [m for m in ("spacy", "pdfplumber", "sqlalchemy", "matplotlib") if re.search(rf"\| {m}\b", imp.err.decode())]
    t.add("startup", "heavy modules imported by the CLI entry", ", ".join(heavy) or "none", target="none")


def bench_check_small(t: Table, work: Path, repeat: int) -> None:
    p = work / "one-paragraph.txt"
    p.write_text("The contractor shall clean the offices daily and report monthly on the number of interventions.\n",
                 encoding="utf-8")
    m = best([*FT, "check", str(p), "--format", "json"], repeat)
    ref = best([PY, "-c", "import spacy; spacy.blank('en')"], repeat)
    t.add("check", "check one-paragraph .txt", secs(m), f"python + spacy.blank {secs(ref)}",
          f"{m.wall / ref.wall:.1f}x", "< 1.5 s", m.rss_mb)


def _largest_pdf(work: Path) -> tuple[Path, str]:
    pdfs = sorted(REAL.rglob("*.pdf"), key=lambda p: p.stat().st_size) if REAL.is_dir() else []
    if pdfs:
        return pdfs[-1], "real-world"
    import random

    from bench_jobs import tender_text, write_pdf

    title, sections = tender_text(random.Random(5), 150)
    path = work / "generated-150p.pdf"
    write_pdf(path, title, sections)
    return path, "generated"


READ_CHILD = """
import json, sys, time
from fairtender.readers import read_document
from fairtender.nlp import detect_language
path, repeat = sys.argv[1], int(sys.argv[2])
best = None
for _ in range(repeat):
    t0 = time.perf_counter()
    doc = read_document(path)
    t1 = time.perf_counter()
    lang = detect_language(doc.text)
    t2 = time.perf_counter()
    if best is None or t2 - t0 < best[0]:
        best = (t2 - t0, t1 - t0, doc.pages or 0, len(doc.paragraphs), lang)
print(json.dumps(best))
"""


def bench_pdf(t: Table, work: Path, repeat: int) -> None:
    pdf, origin = _largest_pdf(work)
    m = best([PY, "-c", READ_CHILD, str(pdf), str(repeat)], 1)
    total, read_only, pages, paras, lang = json.loads(m.out)
    exe = shutil.which("pdftotext")
    name = f"{pdf.name[:28]}... ({origin}, {pages} pages)"
    if exe:
        ref = best([exe, "-q", str(pdf), "-"], repeat)
        t.add("pdf", f"read + language, in process: {name}", f"{total:.2f} s, {pages / total:.0f} pages/s",
              f"pdftotext {secs(ref)}, {pages / ref.wall:.0f} pages/s", f"{total / ref.wall:.1f}x", "<= 3x",
              m.rss_mb)
    else:
        ref = None
        t.add("pdf", f"read + language, in process: {name}", f"{total:.2f} s, {pages / total:.0f} pages/s",
              "pdftotext not installed", "-", "<= 3x", m.rss_mb)
    full = best([*FT, "check", str(pdf), "--format", "json", "--jobs", "1", "--fail-on", "never"], 1)
    doc = json.loads(full.out)["documents"][0]
    t.add("pdf", f"fairtender check (process, all rules/templates), {len(doc['findings'])} findings",
          f"{full.wall:.2f} s, {pages / full.wall:.1f} pages/s",
          f"pdftotext {secs(ref)}" if ref else "-", f"{full.wall / ref.wall:.0f}x" if ref else "-", "-", full.rss_mb)


def bench_docx(t: Table, work: Path, quick: bool, repeat: int) -> None:
    from bench_read import make_docx

    path = work / "long.docx"
    pages = make_docx(path, 30 if quick else 90)
    m = best([PY, "-c", READ_CHILD, str(path), str(repeat)], 1)
    total, read_only, _, paras, lang = json.loads(m.out)
    t.add("docx", f"read + language, generated .docx ~{pages} pages, {paras} paragraphs",
          f"{total:.2f} s, {pages / total:.0f} pages/s", rss=m.rss_mb)
    full = best([*FT, "check", str(path), "--format", "json", "--jobs", "1", "--fail-on", "never"], 1)
    t.add("docx", f"fairtender check of the same ~{pages} pages", f"{full.wall:.2f} s, {pages / full.wall:.1f} pages/s",
          rss=full.rss_mb)


def bench_rules(t: Table, quick: bool) -> None:
    m = run([PY, str(BENCH / "bench_rules.py"), "--pages", "30" if quick else "100", "--repeat", "3"])
    text = m.out.decode()
    base = re.search(r"read \+ analyse\s+([\d.]+) s", text)
    eng = re.search(r"barrier engine \(\d+ rules\)\s+([\d.]+) s", text)
    if not (base and eng):
        t.skip("rules", "barrier engine share", f"bench_rules.py output not understood (exit {m.code})")
        return
    b, e = float(base.group(1)), float(eng.group(1))
    t.add("rules", f"barrier engine on a {'30' if quick else '100'}-page tender (CPU)", f"{e:.2f} s",
          f"read + analyse {b:.2f} s", f"{100 * e / b:.0f}%", "<= 50%", m.rss_mb)


def bench_jobs(t: Table, work: Path, quick: bool) -> None:
    from bench_jobs import generate

    folder = work / "tenders"
    count = 20 if quick else 200
    made = generate(folder, count)
    cmd = [*FT, "check", str(folder), "--format", "json", "--fail-on", "never", "--jobs"]
    one = best([*cmd, "1"], 1)
    two = best([*cmd, "2"], 1)
    same = json.loads(one.out) == json.loads(two.out)
    kinds = ", ".join(f"{v} {k}" for k, v in made.items())
    t.add("jobs", f"check {count} tenders ({kinds}) --jobs 2", secs(two), f"--jobs 1 {secs(one)}",
          f"{one.wall / two.wall:.2f}x", ">= 1.7x", two.rss_mb)
    t.add("jobs", "parallel output identical to serial", "yes" if same else "NO", target="yes")


def _register_db(work: Path, quick: bool) -> tuple[str, dict[str, int], float]:
    from bench_register import generate
    from bench_review import generate_checks

    url = f"sqlite:///{work / 'register.db'}"
    n_contracts, n_reports, n_tenders = (10_000, 100_000, 200) if quick else (100_000, 1_000_000, 2_000)
    t0 = time.perf_counter()
    counts = generate(url, n_contracts, n_reports)
    counts.update(generate_checks(url, n_tenders))
    return url, counts, time.perf_counter() - t0


def bench_register(t: Table, work: Path, quick: bool, url: str, counts: dict[str, int], repeat: int) -> None:
    from bench_register import AS_OF, releases_file

    env = {**os.environ, "FAIRTENDER_STORE": str(work / "store")}
    scale = f"{counts.get('contracts', 0):,} contracts / {counts.get('reports', 0):,} reports"
    base = [*FT, "--db", url, "register"]
    ref = best([*FT, "--help"], repeat, env=env)
    m = best([*base, "overdue", "--as-of", AS_OF.isoformat(), "--format", "json"], repeat, env=env)
    items = len(json.loads(m.out))
    t.add("register", f"overdue --format json at {scale} ({items:,} items)", secs(m), f"--help {secs(ref)}",
          f"{m.wall / ref.wall:.1f}x", "< 1 s", m.rss_mb)
    m = best([*base, "status", "--as-of", AS_OF.isoformat()], repeat, env=env)
    t.add("register", f"status at {scale}", secs(m), f"--help {secs(ref)}", f"{m.wall / ref.wall:.1f}x", "< 1 s",
          m.rss_mb)
    n = 5_000 if quick else 100_000
    rel = work / "releases.jsonl"
    releases_file(rel, n)
    ourl = f"sqlite:///{work / 'ocds.db'}"
    m = best([*FT, "--db", ourl, "register", "import", "ocds", str(rel), "--format", "json"], 1, env=env)
    created = json.loads(m.out)["created"]
    t.add("register", f"import ocds {n:,} releases ({rel.stat().st_size / 1e6:.0f} MB)",
          f"{m.wall:.1f} s, {n / m.wall:,.0f} releases/s", target="< 120 s for 100k", rss=m.rss_mb)
    again = best([*FT, "--db", ourl, "register", "import", "ocds", str(rel), "--format", "json"], 1, env=env)
    created2 = json.loads(again.out)["created"]
    t.add("register", "re-import of the same file (idempotent)", f"{again.wall:.1f} s, created "
          f"{sum(created2.values())} (first run {sum(created.values()):,})", target="0 created", rss=again.rss_mb)


def bench_review(t: Table, work: Path, url: str, counts: dict[str, int]) -> None:
    from bench_review import AS_OF, YEAR

    scale = f"{counts.get('contracts', 0):,} contracts / {counts.get('reports', 0):,} reports"
    for fmt in ("json", "html"):
        out = work / f"review.{fmt}"
        m = best([*FT, "--db", url, "review", "--year", str(YEAR), "--as-of", AS_OF.isoformat(), "--format", fmt,
                  "--output", str(out)], 1)
        t.add("review", f"review --format {fmt} at {scale}", secs(m), target="< 10 s", rss=m.rss_mb)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="scaled-down inputs: a smoke run of a few minutes")
    ap.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated subset of {', '.join(SECTIONS)}")
    ap.add_argument("--repeat", type=int, default=None, help="runs per short command (best is kept); default 5, 2 with --quick")
    ap.add_argument("--keep", type=Path, default=None, help="generate into this directory and keep it")
    a = ap.parse_args(argv)
    only = set(a.only.split(","))
    unknown = only - set(SECTIONS)
    if unknown:
        ap.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    repeat = a.repeat or (2 if a.quick else 5)
    work = a.keep or Path(tempfile.mkdtemp(prefix="ft-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    t = Table()
    load0 = os.getloadavg()[0]
    started = time.perf_counter()
    try:
        steps = [
            ("startup", lambda: bench_startup(t, repeat)),
            ("check", lambda: bench_check_small(t, work, repeat)),
            ("pdf", lambda: bench_pdf(t, work, min(repeat, 3))),
            ("docx", lambda: bench_docx(t, work, a.quick, min(repeat, 3))),
            ("rules", lambda: bench_rules(t, a.quick)),
            ("jobs", lambda: bench_jobs(t, work, a.quick)),
        ]
        for name, fn in steps:
            if name in only:
                _guarded(t, name, fn)
        if only & {"register", "review"}:
            try:
                url, counts, gen = _register_db(work, a.quick)
                t.add("register", "generate " + ", ".join(f"{v:,} {k}" for k, v in counts.items()), f"{gen:.0f} s")
            except Exception as e:  # noqa: BLE001 - report and go on with the rest of the table
                t.skip("register", "generate the register", f"{type(e).__name__}: {e}")
            else:
                if "register" in only:
                    _guarded(t, "register", lambda: bench_register(t, work, a.quick, url, counts, repeat))
                if "review" in only:
                    _guarded(t, "review", lambda: bench_review(t, work, url, counts))
    finally:
        if a.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"fairtender benchmarks{' (--quick)' if a.quick else ''}, {date.today()}, {os.cpu_count()} cores, "
          f"load average {load0:.1f} -> {os.getloadavg()[0]:.1f}, {time.perf_counter() - started:.0f} s in all")
    t.print()
    return 0


def _guarded(t: Table, name: str, fn) -> None:
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - one failing benchmark must not hide the others
        t.skip(name, "benchmark failed", f"{type(e).__name__}: {str(e)[:160]}")


if __name__ == "__main__":
    sys.exit(main())
