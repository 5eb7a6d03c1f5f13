"""fairtender: keep discrimination out of public procurement.

The public library API is small and typed:

- :func:`fairtender.check` reads tenders/contracts and returns a
  :class:`fairtender.models.CheckReport` (the same model ``--format json`` dumps).

Heavy modules (spaCy, pdfplumber, SQLAlchemy) are imported lazily inside the
functions that need them, so ``import fairtender`` and ``fairtender --help``
stay instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .models import CheckReport

__all__ = ["__version__", "check"]


def check(source: Any, **options: Any) -> CheckReport:
    """Check one or more documents; see :func:`fairtender.check_api.check`."""
    from .check_api import check as _check

    return _check(source, **options)
