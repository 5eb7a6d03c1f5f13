"""Resolve a rule's ``limit`` (constant, setting, multiple of the contract value) to a number."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ...catalog.rule_schema import Limit
    from ...config import Settings
    from ...models import ContractValue


def multiple(limit: Limit, settings: Settings) -> float | None:
    m = limit.multiple_of_value
    if m is None:
        return None
    return float(getattr(settings, m)) if isinstance(m, str) else float(m)


def limit_value(limit: Limit, settings: Settings, value: ContractValue | None) -> tuple[float | None, str | None]:
    """(limit, currency); (None, None) when it depends on an unknown contract value."""
    currency = limit.currency
    if limit.currency_setting:
        currency = str(getattr(settings, limit.currency_setting))
    if limit.constant is not None:
        return float(limit.constant), currency
    if limit.setting is not None:
        return float(getattr(settings, limit.setting)), currency
    m = multiple(limit, settings)
    if value is None or m is None:
        return None, None
    return m * value.amount, value.currency
