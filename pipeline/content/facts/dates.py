"""The dates a sentence is about: date spans found by pattern, resolved with dateparser against a base.

A span is found first (a date-span grammar, below) and only the span goes to dateparser, so that a
bare number is never a date ("3000 troops", "4-5 drones") and a year alone counts only where it reads
as one ("in 2024", "since early 2023"). Each date keeps its precision: day, week, month or year.

A date that leaves its year out ("31 October", "on Tuesday") is resolved against the base: the
source's own date when it has one, where the past is preferred unless the sentence speaks of the
future; or, for a source without a date, the briefing's as-of date, where the nearest reading wins
(an estimated base may fall on either side of the true one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
SHORT_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
_DAY_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
              "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_CARDINALS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
              "seventeen eighteen nineteen twenty").split()
DAY_WORD = (r"(?:(?:twenty|thirty)[- ](?:" + "|".join(_DAY_WORDS[:9] + _CARDINALS[:9]) + r")|thirtieth|thirty|"
            + "|".join(sorted(_DAY_WORDS + _CARDINALS, key=len, reverse=True)) + ")")
DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{DAY_WORD})"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
PART = r"(?:early|mid|late|the end of|the beginning of|the start of|the middle of)"
COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few)"
UNIT = r"(?:day|week|month|year)s?"

# (kind, pattern), tried in this order at each position; the earliest, then longest, match wins.
PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"\b({YEAR})-(\d{{1,2}})-(\d{{1,2}})\b"),
    ("numeric", r"(?<![\d.,/-])(\d{1,4})([/.-])(\d{1,2})(?:\2|,)(\d{2,4})\b(?![.,/-]\d)"),
    ("year_month", rf"(?<![\d.,/-])({YEAR})(?:[./](\d{{1,2}})|-(\d))\b(?![.,/-]\d)"),
    ("month_year_numeric", rf"(?<![\d.,/-])(\d{{1,2}})/({YEAR})\b"),
    ("mdy", rf"(?:{WEEKDAY},?\s+|{SHORT_WEEKDAY},\s+)?\b({MONTH})\.?(?:\s+|-|/|\.\s*)(?:the\s+)?({DAY})\b"
            rf"(?:,?\s+({YEAR})\b)?"),
    ("dmy", rf"(?:{WEEKDAY},?\s+|{SHORT_WEEKDAY},\s+)?\b(?:the\s+)?({DAY})\.?\s+(?:of\s+)?({MONTH})\b\.?"
            rf"(?:,?\s+({YEAR})\b)?"),
    ("weekday_day", rf"\b({WEEKDAY})\s+the\s+({DAY})\b"),
    ("part_month", rf"\b({PART})[-\s]+({MONTH})\b(?:,?\s+({YEAR})\b)?"),
    ("month_year", rf"\b({MONTH})\.?,?\s+(?:of\s+)?({YEAR})\b"),
    ("part_year", rf"\b({PART})[-\s]+({YEAR})\b(?!\s*[-–]\s*\d)"),
    ("month_next_year", rf"\b({MONTH})\s+(next|last|this)\s+year\b"),
    ("relative_month", rf"\b(last|next|this)\s+({MONTH})\b"),
    # not where a day follows: "the Act of May 15, 1862" is a day (mdy), not "of May" this year
    ("month_after_preposition", rf"\b(?:in|since|by|until|till|during|of|from|through|before|after)\s+({MONTH})\b"
                                rf"(?!\.?\s+(?:the\s+)?{DAY}\b)(?:,?\s+({YEAR})\b)?"),
    ("year_after_preposition", rf"\b(?:in|since|by|until|till|during|from|through|before|after|of|as of)\s+"
                               rf"(?:the\s+year\s+)?({YEAR})\b(?![-–/]\d|,\d|\s*(?:%|percent))"),
    ("day_word", r"\b(the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight)\b"),
    ("weekday_of_week", rf"\b(last|this|next)\s+week\s+(?:on\s+)?({WEEKDAY})\b"),
    ("weekday", rf"\b(?:(last|this|next|on|past)\s+)?({WEEKDAY})\b(?:\s+(next|last|this)\s+week\b)?"),
    ("period", r"\b(?:(early|late|later|earlier)\s+)?(last|this|next|past|previous|coming|current|upcoming)\s+"
               r"(week|month|year)\b"),
    ("ago", rf"\b((?:{COUNT}\s+{UNIT},?\s+(?:and\s+)?)*{COUNT}\s+{UNIT})\s+(ago|from now)\b"),
]
CASE_SENSITIVE_KINDS = {"weekday", "mdy", "dmy", "month_after_preposition"}
# May and March are also a verb and a noun: as months they are capitalized.
AMBIGUOUS_MONTHS = {"may", "march", "mar"}
FUTURE_TENSE = re.compile(r"\b(?:will|shall|'ll|’ll|plans? to|planned for|is to|are to|scheduled|expected to|"
                          r"going to|due to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateBase:
    """What a source's year-less and relative dates are resolved against."""
    day: date
    known: bool  # the source's own date (True) or the briefing's as-of date standing in for it (False)


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str  # ISO 8601 at its precision: 2024-10-31, 2024-W44, 2024-10, 2024
    precision: str  # day | week | month | year
    relative: bool  # resolved against the base (no year in the text, or a relative expression)


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, re.Pattern]]:
    flags = {kind: 0 if kind in CASE_SENSITIVE_KINDS else re.IGNORECASE for kind, _ in PATTERNS}
    return [(kind, re.compile(pattern, flags[kind])) for kind, pattern in PATTERNS]


def day_number(token: str) -> int | None:
    """'31st' -> 31, 'twenty-first' -> 21, 'fifteen' -> 15."""
    token = token.lower().replace(" ", "-")
    digits = re.match(r"\d+", token)
    if digits:
        return int(digits.group())
    tens = {"twenty": 20, "thirty": 30, "thirtieth": 30, "twentieth": 20}
    if token in tens:
        return tens[token]
    head, _, tail = token.partition("-")
    if head in ("twenty", "thirty") and tail:
        unit = day_number(tail)
        return tens[head] + unit if unit and unit < 10 else None
    for words in (_DAY_WORDS, _CARDINALS):
        if token in words:
            return words.index(token) + 1
    return None


def _parse(text: str, base: date, prefer: str) -> datetime | None:
    import dateparser  # lazily: only sentences with a date span pay for it

    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": prefer,
                "RETURN_AS_TIMEZONE_AWARE": False}
    return dateparser.parse(text, languages=["en"], settings=settings)


def _pick(candidates: list[date], base: DateBase, future: bool) -> date:
    """Of the readings of a year-less date, the one the base and the tense make likely."""
    if not base.known:
        return min(candidates, key=lambda d: (abs((d - base.day).days), d))
    before = [d for d in candidates if d <= base.day]
    after = [d for d in candidates if d >= base.day]
    if future and after:
        return min(after)
    return max(before) if before else min(candidates)


def _yearless(month: int, day: int | None, base: DateBase, future: bool) -> date | None:
    candidates = []
    for year in (base.day.year - 1, base.day.year, base.day.year + 1):
        try:
            candidates.append(date(year, month, day or 1))
        except ValueError:
            continue
    return _pick(candidates, base, future) if candidates else None


def _month_number(name: str) -> int:
    return datetime.strptime(name[:3].title(), "%b").month


def _iso(day: date, precision: str) -> str:
    if precision == "day":
        return day.isoformat()
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}" if precision == "month" else str(day.year)


def _full_year(text: str) -> int:
    year = int(text)
    return year if len(text) == 4 else (2000 + year if year < 50 else 1900 + year)


def _numeric(m: re.Match):
    first, _, second, year = m.groups()
    if len(first) == 4:
        y, mo, d = int(first), int(second), int(year)
    else:
        a, b = int(first), int(second)
        mo, d = (b, a) if a > 12 else (a, b)  # 04/15/2010 is US order, 21/04/2016 cannot be
        y = _full_year(year)
    return date(y, mo, d), "day", False


def _text_date(month: str, day_token: str | None, year: str | None, base: DateBase, future: bool):
    if month.lower() in AMBIGUOUS_MONTHS and not month[0].isupper():
        return None
    number = _month_number(month)
    day = day_number(day_token) if day_token else None
    if day_token and not (day and 1 <= day <= 31):
        return None
    precision = "day" if day else "month"
    if year:
        return date(int(year), number, day or 1), precision, False
    found = _yearless(number, day, base, future)
    return (found, precision, True) if found else None


def _relative(text: str, base: DateBase, future: bool, precision: str):
    if base.known or precision != "day":
        parsed = _parse(text, base.day, "future" if future else "past")
    else:
        readings = [p for p in (_parse(text, base.day, "past"), _parse(text, base.day, "future")) if p]
        parsed = min(readings, key=lambda p: abs((p.date() - base.day).days)) if readings else None
    return (parsed.date(), precision, True) if parsed else None


def _shift(day: date, unit: str, step: int) -> date:
    if unit == "week":
        return day + timedelta(weeks=step)
    if unit == "month":
        month = day.month - 1 + step
        return date(day.year + month // 12, month % 12 + 1, 1)
    return date(day.year + step, 1, 1)


WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
STEPS = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "upcoming": 1}


def resolve(kind: str, m: re.Match, base: DateBase, future: bool):
    """(date, precision, relative) for one matched span, or None when it is no date after all."""
    g = m.groups()
    if kind == "iso":
        return date(int(g[0]), int(g[1]), int(g[2])), "day", False
    if kind == "numeric":
        return _numeric(m)
    if kind == "year_month":
        return date(int(g[0]), int(g[1] or g[2]), 1), "month", False
    if kind == "month_year_numeric":
        return date(int(g[1]), int(g[0]), 1), "month", False
    if kind in ("mdy", "dmy"):
        month, day, year = (g[0], g[1], g[2]) if kind == "mdy" else (g[1], g[0], g[2])
        return _text_date(month, day, year, base, future)
    if kind == "weekday_day":
        day = day_number(g[1])
        candidates = [_shift(base.day.replace(day=1), "month", step) for step in (-1, 0, 1)]
        dates = [c.replace(day=day) for c in candidates if day and _valid(c, day)]
        return (_pick(dates, base, future), "day", True) if dates else None
    if kind in ("part_month", "month_year"):
        month, year = (g[1], g[2]) if kind == "part_month" else (g[0], g[1])
        return _text_date(month, None, year, base, future)
    if kind == "part_year":
        return date(int(g[1]), 1, 1), "year", False
    if kind == "month_next_year":
        year = base.day.year + {"next": 1, "last": -1, "this": 0}[g[1].lower()]
        return date(year, _month_number(g[0]), 1), "month", True
    if kind == "relative_month":
        number, step = _month_number(g[1]), g[0].lower()
        year = base.day.year
        if step == "last":
            year -= 1 if number >= base.day.month else 0
        elif step == "next":
            year += 1 if number <= base.day.month else 0
        return date(year, number, 1), "month", True
    if kind == "month_after_preposition":
        return _text_date(g[0], None, g[1], base, future)
    if kind == "year_after_preposition":
        return date(int(g[0]), 1, 1), "year", False
    if kind == "day_word":
        return _relative(g[0], base, future, "day")
    if kind == "weekday_of_week":
        return _weekday_in_week(g[1], base.day, {"next": 1, "last": -1}.get(g[0].lower(), 0))
    if kind == "weekday":
        modifier = (g[0] or "").lower()
        if modifier == "this" or g[2]:
            return _weekday_in_week(g[1], base.day, {"next": 1, "last": -1}.get((g[2] or "").lower(), 0))
        return _relative(f"{'' if modifier in ('on', '') else modifier} {g[1]}".strip(), base,
                         future or modifier == "next", "day")
    if kind == "period":
        unit = g[2].lower()
        return _shift(base.day, unit, STEPS.get(g[1].lower(), 0)), unit, True
    if kind == "ago":
        text = re.sub(r"\bfew\b", "3", g[0].replace("a few", "few"))
        return _relative(f"{text} ago" if g[1] == "ago" else f"in {text}", base, g[1] != "ago", "day")
    return None


def _valid(first_of_month: date, day: int | None) -> bool:
    try:
        first_of_month.replace(day=day or 0)
    except ValueError:
        return False
    return True


def _weekday_in_week(name: str, base: date, week_step: int):
    target = WEEKDAYS.index(name[:3].lower())
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=week_step)
    return monday + timedelta(days=target), "day", True


def find_dates(text: str, base: DateBase | None) -> list[DateMention]:
    """Every date span in a sentence, in order, resolved against base (spans needing a base are
    skipped when there is none)."""
    future = bool(FUTURE_TENSE.search(text))
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    candidates = [(m.start(), -(m.end() - m.start()), order, kind, m)
                  for order, (kind, pattern) in enumerate(_compiled()) for m in pattern.finditer(text)]
    for start, _, _, kind, m in sorted(candidates, key=lambda c: c[:3]):
        if any(start < end and m.end() > begin for begin, end in taken):
            continue
        try:
            resolved = resolve(kind, m, base or DateBase(date(2000, 1, 1), True), future)
        except (ValueError, OverflowError):
            resolved = None
        if not resolved or (resolved[2] and base is None):
            continue
        day, precision, relative = resolved
        taken.append(m.span())
        found.append(DateMention(m.group().strip(), m.start(), m.end(), _iso(day, precision), precision, relative))
    return found


def sentence_date(text: str, base: DateBase | None) -> DateMention | None:
    """The date a sentence is about: its most precise date, the first of those on a tie."""
    return most_precise(find_dates(text, base))


def most_precise(mentions: list[DateMention]) -> DateMention | None:
    """The most precise of a sentence's dates (find_dates), the first of those on a tie."""
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    return min(mentions, key=lambda m: rank[m.precision]) if mentions else None
