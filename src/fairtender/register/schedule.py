"""When reports are due, what a delay costs, and which self-evaluation stage a contract is in.

The figures come from real clauses (the defaults below) and can be changed per
city in a ``[register]`` section of ``fairtender.toml`` and per contract with
options of ``register contract add|update``:

- Stockholm model: the first report 8 months after the start, then every 12
  months; extra information within 7 days of a request; SEK 25,000 per started
  week of delay after notice.
- Ghent model: a self-evaluation; when it shows gaps, an action plan (here due 90
  days later) with milestones, then a trial period of two years before sanctions.

Example::

    [register]
    first_report_months = 8
    report_due_days = 0          # days after each reporting period ends
    request_answer_days = 7
    action_plan_days = 90
    trial_months = 24
    obligation_days = 30         # subcontractor obligations confirmed within N days of the later of start/adding
    due_soon_days = 30

    [register.penalties.stockholm]
    amount = 25000
    currency = "SEK"
"""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import UsageError


class Penalty(BaseModel):
    model_config = ConfigDict(defer_build=True)

    amount: float = Field(ge=0)
    currency: str = "SEK"


class RegisterDefaults(BaseModel):
    """Defaults applied when a contract does not set its own figures."""

    model_config = ConfigDict(defer_build=True)

    first_report_months: int = Field(8, ge=0)
    report_interval_months: int = Field(12, ge=12)
    report_due_days: int = Field(0, ge=0)
    request_answer_days: int = Field(7, ge=0)
    action_plan_days: int = Field(90, ge=0)
    trial_months: int = Field(24, ge=0)
    obligation_days: int = Field(30, ge=0)
    due_soon_days: int = Field(30, ge=0)
    # a self-evaluation whose completeness is below this shows gaps (an action plan becomes due)
    gap_threshold: float = Field(1.0, ge=0, le=1)
    penalties: dict[str, Penalty] = Field(
        default_factory=lambda: {"stockholm": Penalty(amount=25_000, currency="SEK")})

    def penalty_for(self, templates: list[str]) -> Penalty | None:
        """The default penalty of the first template (in the given order) that has one."""
        for t in templates:
            if t in self.penalties:
                return self.penalties[t]
        return None


def load_defaults(config_path: str | None = None) -> RegisterDefaults:
    """Defaults from the ``[register]`` section of fairtender.toml (explicit path or cwd), if any."""
    data = _register_section(config_path)
    try:
        return RegisterDefaults(**data)
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        raise UsageError(f"fairtender.toml: setting 'register.{field}': {err['msg']}") from None


def _register_section(config_path: str | None) -> dict[str, Any]:
    """The ``[register]`` table of fairtender.toml (explicit path, else the current directory).

    Read here rather than through :mod:`fairtender.config` so that register commands do
    not pay for building the check settings models.
    """
    import sys
    from pathlib import Path

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    path = Path(config_path) if config_path else Path.cwd() / "fairtender.toml"
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        raise UsageError(f"{path}: cannot read config: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"{path}: invalid TOML: {e}") from None
    section = data.get("register", {})
    return section if isinstance(section, dict) else {}


# --------------------------------------------------------------------------- dates


def add_months(d: date, months: int) -> date:
    """``d`` plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def report_schedule(start: date | None, end: date | None, first_months: int, interval_months: int,
                    due_days: int) -> list[tuple[int, date]]:
    """(period, due date) of each scheduled report of a contract.

    Period k ends ``first_months + k * interval_months`` after the start; every
    period that ends on or before the contract end is reported on. A contract that
    ends before its first period ends owes one report for the whole term, at the
    end; an open-ended one (no end date) gets its first period scheduled. The
    period label is the year the period ends in; the report is due ``due_days``
    after it ends.
    """
    if start is None:
        return []
    out: list[tuple[int, date]] = []
    k = 0
    while True:
        period_end = add_months(start, first_months + k * interval_months)
        if end is not None and period_end > end:
            break
        out.append((period_end.year, period_end + timedelta(days=due_days)))
        k += 1
        if end is None and k >= 1:  # open-ended contracts: schedule the first period only
            break
        if k > 200:  # pragma: no cover - a century of reports is a data error, not a schedule
            break
    if not out and end is not None and end >= start:
        out.append((end.year, end + timedelta(days=due_days)))
    return out


def penalty_accrued(due: date, notice: date | None, as_of: date, per_week: float | None) -> tuple[int, float]:
    """(started weeks, amount) of delay penalty: per started week from notice (or the due date).

    The clause says "per started week of delay after notice"; when the city has
    not recorded a notice date, the due date itself counts as notice.
    """
    if not per_week:
        return 0, 0.0
    start = notice or due
    days = (as_of - start).days
    if days <= 0:
        return 0, 0.0
    weeks = math.ceil(days / 7)
    return weeks, round(weeks * per_week, 2)


# --------------------------------------------------------------------------- self-evaluation stage


def stage_expr(as_of: date):
    """SQL expression for a contract's Ghent self-evaluation stage (None if not self-evaluation).

    One expression serves ``contract show`` and the ``status`` counts, so they agree:
    self-evaluation-due -> compliant | action-plan-due -> trial-period ->
    completed (all milestones done) | sanctions-possible (open milestones after the trial).
    """
    from sqlalchemy import and_, case, exists, false, select

    from .models import Contract, Milestone

    open_milestone = exists(
        select(Milestone.id).where(Milestone.contract_id == Contract.id, Milestone.done_on.is_(None)))
    return case(
        (Contract.reporting != "self-evaluation", None),
        (Contract.evaluation_gaps.is_(None), "self-evaluation-due"),
        (Contract.evaluation_gaps == false(), "compliant"),
        (Contract.action_plan_received.is_(None), "action-plan-due"),
        (and_(Contract.trial_ends.is_not(None), Contract.trial_ends > as_of), "trial-period"),
        (open_milestone, "sanctions-possible"),
        else_="completed",
    )
