"""Review settings a city keeps in fairtender.toml, next to the check settings::

    [review]
    min_group = 5          # suppress supplier-characteristic figures resting on fewer suppliers
    currency = "EUR"       # reporting currency (values converted with [fx])
    title = "Procurement equality review {year}: City of Ghent"

Command-line options override these.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from ..errors import UsageError
from .privacy import DEFAULT_MIN_GROUP


class ReviewDefaults(BaseModel):
    min_group: int = Field(DEFAULT_MIN_GROUP, ge=1)
    currency: str = "EUR"
    title: str | None = None


def load_review_defaults(config_path: Path | str | None = None) -> ReviewDefaults:
    """The ``[review]`` section of the given fairtender.toml, or the one in the current directory."""
    from ..config import find_config, tomllib

    path = Path(config_path) if config_path else find_config(None)
    if path is None:
        return ReviewDefaults()
    try:
        with path.open("rb") as f:
            section = tomllib.load(f).get("review", {})
    except OSError as e:
        raise UsageError(f"{path}: cannot read config: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"{path}: invalid TOML: {e}") from None
    try:
        return ReviewDefaults(**(section if isinstance(section, dict) else {}))
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        raise UsageError(f"{path}: setting 'review.{field}': {err['msg']}") from None
