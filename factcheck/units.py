"""One pint UnitRegistry for the whole program.

Everything that compares quantities goes through this registry, so that "2 mg" and "2000
micrograms" are the same amount and "$1 million a day" can be set against "$13 billion a year".
Counts of things are the unit ``count``; currencies are units of their own dimension each (they
convert only through exchange rates, which factcheck does not guess).
"""

from __future__ import annotations

from functools import lru_cache

from ._pint import pint


def _registry() -> pint.UnitRegistry:
    """pint's registry, with its parsed definitions cached in the user's cache folder: that
    cuts a tenth of a second from every run, which a pre-commit hook feels."""
    options = {"on_redefinition": "raise", "autoconvert_offset_to_baseunit": True}
    try:
        return pint.UnitRegistry(cache_folder=":auto:", **options)
    except Exception:  # noqa: BLE001 - an unwritable cache folder must not stop the program
        return pint.UnitRegistry(**options)


ureg = _registry()
# Counts of things (deaths, pills, soldiers) are pint's dimensionless ``count``, so that a count
# divided by a population or multiplied by a factor stays a plain number.
ureg.define("person = count = people")
ureg.define("dose = count")
ureg.define("pill = count")
# Per-capita rates: "25.6 per 100,000 people" is 25.6 per_100k = 0.000256.
ureg.define("per_100k = 1e-5 = per_100000")
# A percentage point is a difference between two percentages: same size as a percent, but kept
# as its own unit so that "3 percentage points" is never read as "3 percent".
ureg.define("percentage_point = 0.01 = percentage_points")
ureg.define("index = [price_index]")
ureg.define("USD = [currency_usd] = dollar_us = US_dollar")
ureg.define("MXN = [currency_mxn] = peso")
ureg.define("EUR = [currency_eur] = euro")
ureg.define("CNY = [currency_cny] = yuan")


@lru_cache(maxsize=512)
def parse_unit(text: str) -> pint.Unit:
    """Parse a unit string ("milligram", "USD / day", "count") or raise ValueError."""
    try:
        unit = ureg.parse_units(text)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError) as exc:
        raise ValueError(f"'{text}' is not a unit factcheck knows") from exc
    return unit


def quantity(value: float, unit: str) -> pint.Quantity:
    """A pint quantity from a value and a unit string."""
    return ureg.Quantity(value, parse_unit(unit))
