"""The wheel carries rules/ and clauses/; --help stays light."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from fairtender.catalog.loader import bundled_dir


@pytest.mark.skipif(not os.environ.get("FAIRTENDER_EXPECT_WHEEL"),
                    reason="set by .ci/run, where fairtender is installed from a plain (non-editable) wheel")
def test_installed_wheel_carries_rules_and_clauses():
    for name in ("rules", "clauses"):
        d = bundled_dir(name)
        assert d.parts[-2:] == ("_data", name), d
        assert "site-packages" in str(d)
        assert any(d.glob("*.yaml"))


def test_help_does_not_import_heavy_modules():
    code = ("import sys\nfrom fairtender.cli.main import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('spacy', 'pdfplumber', 'pypdfium2', 'sqlalchemy', 'matplotlib', 'docx') if m in sys.modules]\n"
            "print('HEAVY', heavy)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out, out
    assert "check" in out and "register" in out


def test_python_dash_m_and_version():
    out = subprocess.run([sys.executable, "-m", "fairtender", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "fairtender, version" in out.stdout
