"""Units of a figure normalized with pint, and how precisely a figure is stated.

quantulum3 names units in words ("square kilometre per week", "pound-mass"); pint turns them into
a dimension and a base unit, so 800 miles and 1,300 kilometres compare. Currencies are not
physical units: each is its own dimension ("currency:USD"), a cent a hundredth of its dollar.
Counts ("10,000 troops") are dimensionless, percentages a dimension of their own.

pint's import and registry take a quarter of a second; the facts stage calls start_pint first, so
that a second process builds them while this one reads the sentences with quantulum3, and asks it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.core.aside import Aside

# quantulum3 unit names pint spells otherwise, or that are no unit at all.
PINT_NAMES = {"pound-mass": "pound", "tonne": "metric_ton", "unk": None, "dimensionless": None,
              "percentage": None, "cent": None}
HEDGES = {"approximately": "about", "about": "about", "around": "about", "roughly": "about", "some": "about",
          "nearly": "about", "almost": "about", "an estimated": "about", "estimated": "about", "circa": "about",
          "close to": "about", "up to": "max", "as many as": "max", "at most": "max", "fewer than": "max",
          "less than": "max", "under": "max", "at least": "min", "more than": "min", "over": "min",
          "upwards of": "min", "in excess of": "min", "no fewer than": "min"}
HEDGE_BEFORE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, HEDGES), key=len, reverse=True))
                          + r")\s+(?:of\s+)?(?:\$\s*)?$", re.IGNORECASE)
# Units pint abbreviates past recognition ("a" for a year), and the ones that are no unit.
SPOKEN_UNITS = {"dimensionless": "", "percentage": "%", "year": "years", "month": "months", "week": "weeks",
                "day": "days", "hour": "hours", "dollar": "dollars", "cent": "cents"}
SPOKEN_SINGULAR = {plural: singular for singular, plural in SPOKEN_UNITS.items() if plural.endswith("s")}
ROUNDING_SHARE = 0.05  # a round number's tolerance never exceeds 5% of it ("10,000" is not 5,000-15,000)
HEDGE_SHARE = 0.10  # "approximately", "about", "around": within 10%


@dataclass(frozen=True)
class Normalized:
    dimension: str  # "count", "percent", "currency:USD", or pint's dimensionality ("[length]")
    base_unit: str  # the unit values are compared in ("meter", "USD", "")
    factor: float  # one stated unit in base units


@lru_cache(maxsize=1)
def registry():
    import pint  # lazily: only a build with figures that carry units pays for it

    return pint.UnitRegistry()


_PINT_PROCESS: list[Aside] = []  # the process start_pint started, if any


def start_pint() -> None:
    """Build pint's registry in a second process from now on; pint_base and pint_symbol ask it."""
    if not _PINT_PROCESS:
        _PINT_PROCESS.append(Aside(registry))


def _base(expression: str) -> tuple[str, str, float] | None:
    try:
        quantity = registry().Quantity(1, expression).to_base_units()
    except Exception:  # pint raises many kinds of errors for names it does not know
        return None
    return str(quantity.dimensionality), f"{quantity.units:~}", float(quantity.magnitude)


def _symbol(expression: str) -> str | None:
    try:
        return f"{registry().Unit(expression):~P}"
    except Exception:  # pint raises many kinds of errors for names it does not know
        return None


@cache
def _ask_pint(function, expression: str):
    return _PINT_PROCESS[0].call(function, expression) if _PINT_PROCESS else function(expression)


def pint_base(expression: str) -> tuple[str, str, float] | None:
    """pint's dimensionality, base unit and factor of a unit expression; None when pint cannot read it."""
    return _ask_pint(_base, expression)


def pint_symbol(expression: str) -> str | None:
    """pint's short symbol of a unit expression ('km²/week'); None when pint cannot read it."""
    return _ask_pint(_symbol, expression)


def pint_expression(name: str) -> str | None:
    """'square kilometre per week' -> '((kilometre) ** 2) / (week)'."""
    if name in PINT_NAMES:
        return PINT_NAMES[name]
    parts = []
    for piece in name.split(" per "):
        piece = re.sub(r"^square (.+)$", r"(\1) ** 2", piece)
        parts.append(re.sub(r"^cubic (.+)$", r"(\1) ** 3", piece))
    return " / ".join(f"({part})" for part in parts)


def short_unit(name: str) -> str:
    """How a judgment writes a unit: 'kilometre' -> 'km', 'dimensionless' -> ''."""
    if name in SPOKEN_UNITS:
        return SPOKEN_UNITS[name]
    expression = pint_expression(name)
    if not expression:
        return name
    return pint_symbol(expression) or name


def spoken_amount(amount: str, symbol: str) -> str:
    """An amount with the unit a judgment writes: '5 years', '1 year', '40%', '12 km'."""
    if symbol in ("%", ""):
        return f"{amount}{symbol}"
    return f"{amount} {SPOKEN_SINGULAR.get(symbol, symbol) if amount == '1' else symbol}"


def plain_unit(unit_name: str, entity: str, currency: str | None) -> Normalized | None:
    """normalize's answer for a unit that is no physical unit (a currency, a percentage, a count),
    found without pint; None for a physical unit."""
    if entity == "currency" or unit_name == "cent":
        code = currency or "USD"
        return Normalized(f"currency:{code}", code, 0.01 if unit_name == "cent" else 1.0)
    if unit_name == "percentage":
        return Normalized("percent", "%", 1.0)
    if unit_name == "dimensionless":
        return Normalized("count", "", 1.0)
    return None


def money_rate(unit_name: str, currency: str) -> Normalized | None:
    """A rate of money ("dollar per year", "euro per tonne"): money per a unit pint reads, a dimension
    of its own ("currency:USD/[time]"), compared in the currency per base unit, so that "$4.5 million a
    year" and "$375,000 a month" agree. None when pint cannot read what the money is per."""
    per = unit_name.partition(" per ")[2]
    expression = pint_expression(per) if per else None
    base = pint_base(expression) if expression else None
    if base is None:
        return None
    dimension, base_unit, factor = base
    return Normalized(f"currency:{currency}/{dimension}", f"{currency}/{base_unit}", 1.0 / factor)


def normalize(unit_name: str, entity: str, currency: str | None) -> Normalized | None:
    """The dimension and base unit of a quantulum3 unit; None when pint cannot read it."""
    if currency and " per " in unit_name:
        return money_rate(unit_name, currency)
    plain = plain_unit(unit_name, entity, currency)
    if plain:
        return plain
    expression = pint_expression(unit_name)
    base = pint_base(expression) if expression else None
    return Normalized(*base) if base else None


def hedge_of(before: str) -> tuple[str | None, str | None, int]:
    """The hedge right before a number ('approximately', 'at least'), what it bounds, where it starts."""
    match = HEDGE_BEFORE.search(before)
    if not match:
        return None, None, len(before)
    return match.group(1).lower(), HEDGES[match.group(1).lower()], match.start()


def rounding_step(surface: str) -> float:
    """The place a stated number is rounded to: '1,300' -> 100, '18.8' -> 0.1, '3000' -> 1000."""
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", surface)
    if not digits:
        return 1.0
    number = digits.group().replace(",", "")
    if "." in number:
        return 10.0 ** -len(number.split(".")[1])
    stripped = number.rstrip("0")
    return 10.0 ** (len(number) - len(stripped)) if stripped else 1.0


def _digits(surface: str) -> float | None:
    found = re.search(r"\d[\d,]*(?:\.\d+)?", surface)
    return float(found.group().replace(",", "")) if found else None


def interval(value: float, surface: str, bound: str | None) -> tuple[float, float]:
    """The values a stated figure is consistent with, in its own unit.

    The tolerance is half the place the number is rounded to ('1,300' -> 50), at most 5% of it;
    a hedge ('about') widens it to 10%; 'at least' and 'more than' leave it open above, 'up to' below.
    """
    digits = _digits(surface)
    scale = value / digits if digits else 1.0  # "$3 billion": the digits say 3, the value 3e9
    tolerance = min(abs(rounding_step(surface) * scale) / 2, ROUNDING_SHARE * abs(value))
    if bound == "about":
        tolerance = max(tolerance, HEDGE_SHARE * abs(value))
    low, high = value - tolerance, value + tolerance
    if bound == "min":
        high = math.inf
    elif bound == "max":
        low = min(0.0, low)
    return low, high


def as_stated(value: float) -> float:
    """A figure's value without the noise of binary arithmetic: quantulum3 multiplies the digits by
    their scale word ("$66.1 million" -> 66099999.99999999), a unit's factor multiplies again.
    Twelve significant digits are more than any figure states."""
    return float(f"{value:.12g}") if math.isfinite(value) else value


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
