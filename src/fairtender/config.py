"""Settings a city can change without touching rules: thresholds, limits, exchange rates.

Read from ``fairtender.toml`` next to the checked document, else in the current
directory (or an explicit ``--config``), then overridden by CLI options. The
defaults are the ones in ``spec/rule-ids.md``.

Example ``fairtender.toml``::

    [check]
    turnover_multiple = 2.0      # barrier.turnover: minimum turnover above N x value
    experience_years = 8         # barrier.experience: more than N years for one person
    lots_value = 1_000_000       # barrier.no-lots: above this value ...
    lots_currency = "EUR"
    max_file_mb = 100

    [fx]                         # units of each currency per 1 EUR, for comparisons only
    SEK = 11.5

    [templates.stockholm]        # when a clause template is required
    min_value = 750000
    currency = "SEK"
    min_duration_months = 8
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from .errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAME = "fairtender.toml"

# Approximate units per 1 EUR. Used only to compare a value with a limit in
# another currency (e.g. a contract value in GBP with the lots limit in EUR):
# the finding states the converted figure, and a city sets its own rates.
DEFAULT_FX: dict[str, float] = {
    "EUR": 1.0, "SEK": 11.5, "NOK": 11.7, "DKK": 7.46, "GBP": 0.85, "USD": 1.08, "CHF": 0.95,
    "PLN": 4.3, "CZK": 25.0, "HUF": 390.0, "RON": 4.97, "BGN": 1.96, "ISK": 150.0, "CAD": 1.47,
    "AUD": 1.65, "JPY": 160.0, "KES": 140.0, "COP": 4400.0,
}


class TemplateLimit(BaseModel):
    """When a clause template is required: at or above this value and duration."""

    min_value: float | None = None
    currency: str = "EUR"
    min_duration_months: float | None = None


class Settings(BaseModel):
    turnover_multiple: float = Field(2.0, gt=0)
    experience_years: float = Field(8, ge=0)
    lots_value: float = Field(1_000_000, ge=0)
    lots_currency: str = "EUR"
    max_file_mb: float = Field(100, gt=0)
    fx: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_FX))
    templates: dict[str, TemplateLimit] = Field(default_factory=dict)
    source: str | None = Field(None, description="the config file these settings came from")

    def convert(self, amount: float, currency: str, to: str) -> float | None:
        """``amount`` in ``currency`` expressed in ``to``; None when a rate is unknown."""
        if currency == to:
            return amount
        a, b = self.fx.get(currency.upper()), self.fx.get(to.upper())
        if not a or not b:
            return None
        return amount / a * b


def find_config(doc_path: Path | None) -> Path | None:
    """``fairtender.toml`` next to the document, else in the current directory."""
    candidates = []
    if doc_path is not None:
        candidates.append(Path(doc_path).resolve().parent / CONFIG_NAME)
    candidates.append(Path.cwd() / CONFIG_NAME)
    return next((c for c in candidates if c.is_file()), None)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        raise UsageError(f"{path}: cannot read config: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"{path}: invalid TOML: {e}") from None
    flat: dict[str, Any] = dict(data.get("check", {}))
    if "fx" in data:
        flat["fx"] = {**DEFAULT_FX, **{k.upper(): v for k, v in data["fx"].items()}}
    if "templates" in data:
        flat["templates"] = data["templates"]
    return flat


def load_settings(doc_path: Path | str | None = None, config_path: Path | str | None = None,
                  overrides: dict[str, Any] | None = None) -> Settings:
    """Settings from the config file (explicit, next to the document, or cwd) plus overrides."""
    path = Path(config_path) if config_path else find_config(Path(doc_path) if doc_path else None)
    values: dict[str, Any] = _read(path) if path else {}
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    try:
        settings = Settings(**values)
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        where = str(path) if path else "options"
        raise UsageError(f"{where}: setting '{field}': {err['msg']}") from None
    settings.source = str(path) if path else None
    return settings
