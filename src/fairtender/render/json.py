"""``--format json``: the CheckReport dumped field for field (spec/check-output.md)."""

from __future__ import annotations

from ..models import CheckReport


def render(report: CheckReport) -> str:
    return report.model_dump_json(indent=2) + "\n"
