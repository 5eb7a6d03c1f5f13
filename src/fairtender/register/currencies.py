"""ISO 4217 currency codes, read from the data file ``iso4217.txt`` next to this module.

The register refuses amounts in a currency it does not know, because a typo
("EUE") would otherwise silently split the annual review's value totals.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def currencies() -> dict[str, str]:
    """Code -> name for every active ISO 4217 currency."""
    text = resources.files(__package__).joinpath("iso4217.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        code, _, name = line.partition("\t")
        out[code.strip()] = name.strip()
    return out


def is_currency(code: str) -> bool:
    return code.upper() in currencies()
