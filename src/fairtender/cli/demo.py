"""``fairtender demo``: build a demo register with three years of synthetic data."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click


@click.command("demo")
@click.option("--output", "-o", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Directory for the demo register (DIR/fairtender.db); an existing register is never overwritten.")
@click.option("--seed", type=int, default=2026, show_default=True, help="Random seed (same seed, same register).")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The demo's 'today' (default: today); the three years end with its year.")
def demo(output: Path, seed: int, as_of: datetime | None) -> None:
    """Build a demo register: suppliers, contracts, subcontractors, equality reports and recorded checks.

    Prints the --db URL to use, e.g. `fairtender --db URL review --year YEAR --format html --output review.html`.
    """
    from ..review.demo import build_demo

    click.echo(f"building the demo register in {output} ...", err=True)
    r = build_demo(output, seed=seed, as_of=as_of.date() if as_of else None)
    click.echo(f"{r.suppliers} suppliers, {r.contracts} contracts ({r.years[0]}-{r.years[-1]}), "
               f"{r.subcontractors} subcontractors, {r.reports_received} reports received, "
               f"{r.checks} checks recorded", err=True)
    click.echo(f"try: fairtender --db {r.db_url} review --year {r.years[-1]} --format html --output review.html",
               err=True)
    click.echo(r.db_url)
