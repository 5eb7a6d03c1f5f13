"""Benchmark: what the barrier-rule engine adds to reading + sentence splitting a 100-page tender.

Generates a realistic 100-page tender as .docx (selection criteria, technical
specifications, contract terms, with a sprinkling of real barriers), then times,
in one process and after a warm-up:

- read: ``read_document`` (python-docx -> Document);
- analyse: ``analyse`` (language detection, tokenising, sentence splitting, lemmas);
Times are median CPU seconds of this process (``time.process_time``), so other
jobs on a shared machine do not distort the ratio.

- engine: ``evaluate_barriers`` with the compiled rules cached (the steady state of
  a batch run), and separately the one-off compilation of the rules for a language.

Target (issue 5): engine <= 50% of read + analyse.

    .venv/bin/python bench/bench_rules.py [--pages 100] [--lang en] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

WORDS_PER_PAGE = 450

SENTENCES = {
    "en": [
        "The contractor shall clean all office areas daily between 6:00 and 9:00 in accordance with the schedule in Annex {n}.",
        "Waste shall be separated into paper, plastics, glass and residual waste and removed at least twice a week.",
        "The supplier shall provide monthly reports on the number of interventions, response times and complaints.",
        "Tenderers shall submit three references for similar services performed during the last three years.",
        "The project manager shall have at least {k} years of experience in facility management.",
        "Prices are fixed for the first year and are then indexed annually on 1 January using the consumer price index.",
        "Invoices shall be sent electronically via the Peppol network and paid within 30 days of receipt.",
        "The contracting authority may terminate the contract with three months' notice in the event of serious breach.",
        "Tenderers may bid as a consortium or rely on the capacities of other entities.",
        "All staff deployed on the contract shall hold a valid certificate of good conduct.",
        "The contractor shall comply with applicable environmental, social and labour law obligations.",
        "Cleaning products shall carry the EU Ecolabel or an equivalent label, or meet equivalent criteria.",
        "Meetings between the contract manager and the supplier take place every quarter at the premises of the authority.",
        "The tender shall remain valid for 120 calendar days from the deadline for the receipt of tenders.",
        "Questions about the procurement documents may be asked through the e-procurement platform until ten days before the deadline.",
    ],
    "barriers": [
        "The tenderer shall have a minimum annual turnover of EUR {t},000 in each of the last three financial years.",
        "Interviewers must be native English speakers.",
        "Tenderers must have been established for at least ten years.",
        "Subcontracting is not permitted under this contract.",
        "The department requires 25 Dell Latitude 5440 laptops with docking stations.",
        "Bidders must have a registered office in the city at the time of tendering.",
    ],
}


def make_docx(path: Path, pages: int, seed: int = 7, unique: bool = False) -> int:
    """A tender of about ``pages`` pages; returns the number of words written."""
    import docx

    rnd = random.Random(seed)
    d = docx.Document()
    d.add_heading("Tender for facility services", 0)
    d.add_paragraph("Estimated contract value: EUR 900,000 excluding VAT.")
    words = 0
    section = 0
    while words < pages * WORDS_PER_PAGE:
        section += 1
        d.add_heading(f"{section}. Section {section}", 1)
        for _ in range(rnd.randint(6, 14)):
            parts = []
            for _ in range(rnd.randint(2, 5)):
                pool = SENTENCES["barriers"] if rnd.random() < 0.02 else SENTENCES["en"]
                sentence = rnd.choice(pool).format(n=rnd.randint(1, 9), k=rnd.randint(2, 12),
                                                   t=rnd.randint(100, 5000))
                if unique:  # no two sentences alike: defeats the engine's memo of repeated boilerplate
                    sentence = sentence[:-1] + f" (see clause {section}.{len(parts) + 1}.{rnd.randint(1, 99999)})."
                parts.append(sentence)
            text = " ".join(parts)
            words += len(text.split())
            d.add_paragraph(text)
        if section % 5 == 0:  # selection criteria are often in tables
            table = d.add_table(rows=4, cols=2)
            for r in range(4):
                table.cell(r, 0).text = f"Criterion {r + 1}"
                table.cell(r, 1).text = rnd.choice(SENTENCES["en"]).format(n=1, k=5, t=100)
    d.save(path)
    return words


def timed(fn, repeat: int):
    """Median CPU time of ``fn`` in this process (wall time is at the mercy of other jobs on the machine)."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.process_time()
        result = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--unique", action="store_true",
                    help="make every sentence unique (worst case: real tenders repeat boilerplate, the bench's pool "
                         "of sentences repeats even more)")
    a = ap.parse_args(argv)

    from fairtender.catalog.rules import load_rules
    from fairtender.config import Settings
    from fairtender.engine.barriers import evaluate_barriers
    from fairtender.engine.evaluators import common
    from fairtender.facts import find_contract_value
    from fairtender.nlp import analyse, get_nlp
    from fairtender.readers import read_document

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tender-100p.docx"
        words = make_docx(path, a.pages, unique=a.unique)
        rules = load_rules()
        settings = Settings()
        get_nlp("en")  # the pipeline load is a one-off per process, as in a batch run

        t_read, document = timed(lambda: read_document(path), a.repeat)
        t_nlp, adoc = timed(lambda: analyse(document, lang="en"), a.repeat)
        value = find_contract_value(adoc)

        common._CACHE.clear()
        t0 = time.process_time()
        common.compiled_rules(adoc, rules)
        t_compile = time.process_time() - t0

        def engine():
            adoc.cache.clear()
            return evaluate_barriers(adoc, rules, settings, value)

        t_engine, findings = timed(engine, a.repeat)

    base = t_read + t_nlp
    print(f"document: {a.pages} pages, {words:,} words, {len(document.paragraphs):,} paragraphs"
          + (" (every sentence unique)" if a.unique else ""))
    print(f"read (python-docx)             {t_read:8.3f} s")
    print(f"analyse (sentences, lemmas)    {t_nlp:8.3f} s")
    print(f"read + analyse                 {base:8.3f} s")
    print(f"barrier engine (14 rules)      {t_engine:8.3f} s   -> {100 * t_engine / base:5.1f}% of read + analyse"
          f"  (target <= 50%)")
    print(f"rule compilation (once/lang)   {t_compile:8.3f} s")
    print(f"findings: {len(findings)} ({', '.join(sorted({f.rule for f in findings}))})")
    return 0 if t_engine <= 0.5 * base else 1


if __name__ == "__main__":
    sys.exit(main())
