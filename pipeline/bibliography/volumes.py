"""Which volume of a multi-volume work an unparsed reference string points into.

The reference parser gives raw strings no volume field, so it is read here from the text, in order:
1. a marked volume: "vol. II", "voi. 2" (the usual OCR of "vol."), "t. 3", "tomo IV", "Bd. I";
2. a bare roman numeral after a comma, followed by a comma or the pages it is cited for
   ("Venezia 1893, II, p. 110", "1893, II p. 141"); before the year only once a title has been
   given, since right after the author ", V.," is an initial ("Lazzarini, V., Antiche leggi ...");
3. a marked part, the top division when no volume is named: "parte 2.a", "pt. 1".
OCR turns "II" into "Π", "IL" or "li": an L inside a numeral is read as I.

A work is known to be multi-volume when a reference gives its publication as a span of years
("Venezia 1893-1897", "1893-97") or counts its volumes ("2 vols", "4 voll.", "3 Bde").
"""

from __future__ import annotations

import re

# A year, possibly with the edition number printed after it as a superscript ("Milano 1983²" -> "19832").
# Its range is wider than refparse_dates.YEAR's on purpose: these are references to early printed
# books (the Venetian histories of the LinkedBooks pairs cite imprints of the 1400s and 1500s, "Venezia
# 1581"), whose edition year the raw-string matcher must read to tell editions apart.
YEAR = re.compile(r"(?<!\d)(1[4-9]\d\d|20\d\d)(?=\d?(?!\d))")
_NUMERAL = r"([ivxl]{1,8}|\d{1,2})"
# Not after a count: "2 voll." (OCR "voli.") is how many volumes, not which.
_NOT_A_COUNT = r"(?<!\d)(?<!\d\s)\b"
_VOLUME_MARKED = re.compile(_NOT_A_COUNT + r"(?:vol|voi|t|tomo|tome|bd|band)\.?\s*" + _NUMERAL + r"\b", re.IGNORECASE)
_PART_MARKED = re.compile(_NOT_A_COUNT + r"(?:parte|part|pt)\.?\s*" + _NUMERAL + r"\b", re.IGNORECASE)
# After a comma or a year's full stop, followed by a comma or by the pages it is cited for
# ("1893. II, p. 109", "II p. 141"); not after other abbreviations ("lib. X", "doc. III", "RR.II.SS."),
# and one letter before a full stop is an initial ("ed. L. A. Botteghi").
_VOLUME_BARE = re.compile(r"(?:,|(?<=\d)\.\s)\s*([ivxl]{2,5}(?=\.)|[ivxl]{1,5}(?=\s*[,;]|\s+pp?\.))", re.IGNORECASE)
_ROMAN = re.compile(r"(x{0,3})(ix|iv|v?i{0,3})")
# Words of author and title needed before a bare numeral ahead of the year can be a volume.
TITLE_BEFORE_VOLUME = 4
# Two years, the second possibly shortened ("1893-97"): a period in a title ("980-1420"), or the years
# an imprint spans; not pages ("pp. 1520-1540").
YEAR_SPAN = re.compile(r"(?<!p\.)(?<!p\.\s)(?<!\d)(?:1[4-9]\d\d\s*[-–—]\s*(?:1[4-9]\d\d|\d{1,2})"
                       r"|[1-9]\d\d\s*[-–—]\s*1\d{3})(?!\d)")
_VOLUME_COUNT = re.compile(r"\b\d{1,2}\s*(?:vols?|voll|voli|volumes|volumi|tomes|tomi|bde|bände)\b",
                           re.IGNORECASE)


def _ocr_numerals(raw: str) -> str:
    """Greek capital pi is how OCR reads a printed "II"."""
    return raw.replace("Π", "II")


def volume_cited(raw: str) -> str:
    """The volume a reference points into, as digits; "" when none is stated (or it is unreadable)."""
    text = _ocr_numerals(raw or "")
    # A part is the top division only when no volume is given ("t. VIII, pt. III" is volume 8).
    match = _VOLUME_MARKED.search(text) or _bare_volume(text) or _PART_MARKED.search(text)
    if not match:
        return ""
    volume = match.group(1).lower().replace("l", "i")
    if volume.isdigit():
        return str(int(volume))
    return str(_roman_to_int(volume)) if _ROMAN.fullmatch(volume) else ""


def _bare_volume(text: str) -> re.Match | None:
    year = YEAR.search(text)
    if year:
        after = _VOLUME_BARE.search(text, year.end())
        if after:
            return after
    for match in _VOLUME_BARE.finditer(text, 0, year.start() if year else len(text)):
        if len(re.findall(r"[^\W\d_]{3,}", text[:match.start()])) >= TITLE_BEFORE_VOLUME:
            return match
    return None


def is_multi_volume(raw: str) -> bool:
    """The reference shows the work appeared in several volumes: a span of years or a count of volumes."""
    return bool(_imprint_span(raw or "") or _VOLUME_COUNT.search(raw or ""))


def _imprint_span(raw: str) -> bool:
    """A span of years is the imprint only when no year follows it: "Venezia 1893-1897, II", whereas
    in "Venezia nel 1848-49, Padova 1955" or "(1866-1914), Venezia 1999" it is a period in a title."""
    spans, years = list(YEAR_SPAN.finditer(raw)), list(YEAR.finditer(raw))
    return bool(spans and years and spans[-1].end() >= years[-1].end())


def _roman_to_int(numeral: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for position, letter in enumerate(numeral):
        value = values[letter]
        following = values[numeral[position + 1]] if position + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total
