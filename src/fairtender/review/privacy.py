"""Small-group suppression for figures about supplier characteristics.

A review is published. A figure such as "SMEs won 40% of the value" says
something about the individual firms behind it when few firms are behind it:
with two large suppliers, the non-SME share *is* those two firms' turnover with
the city. So every figure about a supplier characteristic (size class,
self-declared characteristics) is replaced by the marker ``"<5"`` (the
threshold, configurable with ``--min-group`` or ``[review] min_group`` in
fairtender.toml) when the group it describes, *or the complement it is
compared with*, consists of 1 to ``min_group - 1`` distinct suppliers. A group
of zero suppliers reveals nothing about a firm and is shown as is.

The review never lists individual suppliers' self-declared characteristics: it
only receives counts (see :mod:`fairtender.review.figures`).
"""

from __future__ import annotations

from typing import TypeVar

DEFAULT_MIN_GROUP = 5

T = TypeVar("T", int, float)


def marker(min_group: int) -> str:
    """What a suppressed figure shows instead of its value, e.g. ``"<5"``."""
    return f"<{min_group}"


def is_small(group: int, min_group: int) -> bool:
    """True when ``group`` distinct suppliers are too few to publish a figure about them (0 is not small)."""
    return 0 < group < min_group


def suppress(value: T | None, groups: list[int], min_group: int) -> T | str | None:
    """``value``, or the marker when any of the supplier ``groups`` it rests on is small."""
    if value is None:
        return None
    if any(is_small(g, min_group) for g in groups):
        return marker(min_group)
    return value


def is_suppressed(value: object) -> bool:
    """True for a suppressed figure (the ``"<N"`` marker)."""
    return isinstance(value, str) and value.startswith("<")
