"""Quantities in tender text: numbers, money and durations, in en/nl/sv/fr/de.

The public API, used by the contract-value facts, the threshold barrier rules
(turnover, employees, years trading, experience, age) and clause applicability::

    from fairtender.quantities import (Number, Money, Duration, find_numbers, find_money,
                                       find_durations, parse_number, CURRENCIES)

    parse_number("1,5 miljoen", "nl")             # 1500000.0
    find_numbers("between 25 and 40", "en")[0]    # Number(value=25.0, low=25.0, high=40.0, ...)
    find_numbers("at least three years", "en")[0].comparator   # ">="
    find_money("Geraamde waarde: € 1.250.000", "nl")[0]        # Money(amount=1250000.0, currency="EUR", ...)
    find_durations("looptijd van 4 jaar", "nl")[0].months      # 48.0

Every result carries ``start``/``end`` offsets into the text searched and the
matched ``text``. Nothing here raises on odd input: unparseable text yields no
match. All vocabulary (number words, currency names, comparator cues, units)
lives in :mod:`fairtender.quantities.lexicon`.
"""

from .durations import Duration, find_durations
from .money import CURRENCIES, Money, find_money
from .numbers import Number, find_numbers, parse_number

__all__ = ["CURRENCIES", "Duration", "Money", "Number", "find_durations", "find_money", "find_numbers",
           "parse_number"]
