"""Finding publication and access dates in reference strings."""

from __future__ import annotations

import re

from pipeline.text.designations import number_is_designated

# Month names and their usual abbreviations in the languages reference lists are mostly written in:
# English, French, German, Spanish, Portuguese, Italian, Dutch, and Russian and Ukrainian (nominative and
# the genitive a date uses: "3 марта 2023", "12 березня 2022").
_MONTH_WORDS = {
    1: "january jan janvier janv januar enero ene janeiro gennaio januari январь января січень січня",
    2: "february feb feb. février fevrier févr februar febrero fevereiro febbraio februari февраль февраля "
    "лютий лютого",
    3: "march mar mars märz marz marzo março maart март марта березень березня",
    4: "april apr avril abril aprile апрель апреля квітень квітня",
    5: "may mai mayo maio maggio mei май мая травень травня",
    6: "june jun juin juni junio junho giugno июнь июня червень червня",
    7: "july jul juillet juli julio julho luglio июль июля липень липня",
    8: "august aug août aout agosto augustus август августа серпень серпня",
    9: "september sep sept septembre septiembre setembro settembre сентябрь сентября вересень вересня",
    10: "october oct octobre oktober octubre outubro ottobre октябрь октября жовтень жовтня",
    11: "november nov novembre noviembre novembro ноябрь ноября листопад листопада",
    12: "december dec décembre decembre dezember diciembre dezembro dicembre декабрь декабря грудень грудня",
}
MONTHS: dict[str, int] = {
    word.rstrip("."): number for number, words in _MONTH_WORDS.items() for word in words.split()
}
MONTH_PATTERN = "|".join(sorted((re.escape(word) for word in MONTHS), key=len, reverse=True))

# A plausible publication year of a cited work: the one range the parser, the URL date reader and the
# CSL field reader share. It starts at 1600 because the parser reads modern reference lists, where an
# earlier four-digit number is more likely a page or a count than a year (volumes.YEAR reads older imprints).
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_YEAR_RE = re.compile(rf"(?<![\d/.\-])({YEAR})(?:[a-z](?![a-z]))?(?![\d])")
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?({MONTH_PATTERN})\.?,?\s*(?:de\s+)?({YEAR})\b",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({YEAR})\b", re.IGNORECASE
)
_MONTH_YEAR = re.compile(rf"\b({MONTH_PATTERN})\.?,?\s+({YEAR})\b", re.IGNORECASE)
_YEAR_MONTH_DAY = re.compile(rf"\b({YEAR}),?\s+({MONTH_PATTERN})\.?(?:\s+(\d{{1,2}})\b)?", re.IGNORECASE)
_ISO_DATE = re.compile(rf"\b({YEAR})-(\d\d)-(\d\d)\b")
_NUMERIC_DATE = re.compile(rf"\b(\d{{1,2}})/(\d{{1,2}})/({YEAR})\b")


def _plausible(parts: list[int]) -> list[int]:
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        parts = parts[:2]
    return parts


def find_date(text: str) -> tuple[list[int], tuple[int, int]] | None:
    """The most precise date in text as CSL date-parts, with its (start, end) span.

    Dates that name a month win over bare years, since a bare number may be a page or a volume.
    """
    match = _ISO_DATE.search(text)
    if match:
        return [int(match[1]), int(match[2]), int(match[3])], match.span()
    match = _NUMERIC_DATE.search(text)
    if match:
        first, second = int(match[1]), int(match[2])
        month, day = (second, first) if first > 12 else (first, second)  # 04/15/2010 is US order
        return _plausible([int(match[3]), month, day]) if month <= 12 else [int(match[3])], match.span()
    for pattern, order in (
        (_DAY_MONTH_YEAR, "dmy"),
        (_MONTH_DAY_YEAR, "mdy"),
        (_YEAR_MONTH_DAY, "ymd"),
        (_MONTH_YEAR, "my"),
    ):
        match = next((m for m in pattern.finditer(text) if not number_is_designated(text, m.start())), None)
        if match:
            return _parts_from_match(match, order), match.span()
    match = next(_bare_years(text), None)
    if match:
        return [int(match[1])], match.span()
    return None


def _bare_years(text: str):
    """Four-digit years standing alone, less the numbers a label makes a bill, law, provision or
    serial number ("S. 2093", "P.L. 114-17", "No. 2019", "vol. 2014")."""
    return (match for match in _YEAR_RE.finditer(text) if not number_is_designated(text, match.start()))


def _parts_from_match(match: re.Match, order: str) -> list[int]:
    fields = dict(zip(order, match.groups(), strict=False))
    parts = [int(fields["y"]), MONTHS[fields["m"].lower().rstrip(".")]]
    if fields.get("d"):
        parts.append(int(fields["d"]))
    return _plausible(parts)


def date_parts(text: str) -> list[int] | None:
    """The most precise date in text as CSL date-parts, or None."""
    found = find_date(text)
    return found[0] if found else None


def stated_date(text: str) -> list[int] | None:
    """A date the text writes as one: a month and year, or a year standing alone in brackets or as its
    own comma part ("(2024)", ", 2023."); never a number the text labels ("S. 2093", "vol. 2019")."""
    found = find_date(text)
    if not found:
        return None
    parts, (start, end) = found
    if len(parts) > 1:
        return parts
    before, after = text[:start].rstrip(), text[end:].lstrip()
    bracketed = before.endswith("(") or re.search(r"\((?:[^()]*\s)?$", before) and after.startswith(")")
    own_part = (not before or before.endswith((",", ";"))) and (not after or after[0] in ".,;)")
    return parts if bracketed or own_part else None


# Words a date may stand with and still be only a date: "last updated May 2016", a journal's "Spring 2024".
_DATE_WORDS = re.compile(r"(?i)published|(?:\blast\s+)?(?:updated|modified|revised)|\bon\b|"
                         r"\b(?:spring|summer|fall|autumn|winter)\b")


def is_only_date(segment: str) -> bool:
    """Whether a segment says nothing but a date ("May 2016", "published 3 June 2019", "updated September 20,
    2024", "revised 2020", "Spring 2024")."""
    found = find_date(segment)
    if not found:
        return False
    start, end = found[1]
    leftover = segment[:start] + segment[end:]
    return not re.search(r"[^\W\d_]{3}", _DATE_WORDS.sub("", leftover))


def first_date(text: str) -> list[int] | None:
    """The first year named in text, as precisely as the text dates it."""
    years = find_years(text)
    numeric = _NUMERIC_DATE.search(text)
    if not years and not numeric:
        return None
    precise = find_date(text)
    if (
        not years
        or (precise and precise[1][0] <= years[0][1][0])
        or (precise and precise[0][0] == years[0][0])
    ):
        return precise[0] if precise else None
    return [years[0][0]]


def find_years(text: str) -> list[tuple[int, tuple[int, int]]]:
    """Every plausible four-digit year in text with its span, in order."""
    return [(int(match[1]), match.span()) for match in _bare_years(text)]

