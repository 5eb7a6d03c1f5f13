"""Run the CLI in-process (spaCy loads once per test process) and capture what a user sees."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from fairtender.cli.main import main


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    out, err = capsys.readouterr()
    return Result(code, out, err)
