"""Where one sentence of a reference string ends: at a full stop, a question or exclamation mark
that closes a sentence, not at "vol.", "U.S.", an initial, a journal abbreviation or a part number."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.text.dates import MONTH_PATTERN, YEAR

# Abbreviations a reference writes with a full stop mid-sentence.
ABBREVIATIONS = frozenset({
    "vol", "no", "nr", "pp", "p", "ed", "eds", "rev", "st", "dr", "mr", "mrs", "ms", "jr", "sr", "inc",
    "ltd", "co", "corp", "dept", "univ", "e.g", "i.e", "etc", "cf", "vs", "u.s", "u.k", "fig", "ch", "sec",
    "art", "op", "cit", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "n.d", "comp", "v",
})
# ISO 4 abbreviations in journal names ("IEEE Trans. Ocean Eng.", "Proc. Natl. Acad. Sci."); capitalised
# only, since a title may well end in the word "trans." or "med.".
JOURNAL_ABBREVIATIONS = frozenset({
    "trans", "eng", "int", "res", "proc", "conf", "soc", "sci", "natl", "acad", "phys", "chem", "med",
    "biol", "environ", "technol", "manag", "econ", "polit", "stud", "annu", "assoc", "inst", "am", "j", "q",
    "bull", "lett", "ann", "geophys", "appl", "comput", "syst", "sociol", "psychol", "biomed", "tech", "rep",
})
# What government notes abbreviate: "118th Cong., 1st sess.", "H.Prt. 91-27", "S. Hrg.", "Cong. Rec.", "Fed.
# Reg."; capitalised only (or after a dot, as in "H.Prt"), like the journal abbreviations.
GOVERNMENT_ABBREVIATIONS = frozenset({"cong", "sess", "prt", "hrg", "rept", "rpt", "doc", "rec", "reg", "stat", "res"})
# Library catalogues (ISBD) separate the areas of a description with ". - ": "Title. - Paris : Publisher".
SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+(?:[-–]\s+)?(?=[A-Z0-9À-ÖØ-ÞА-ЯЁ“\"‘«(\[])")
# "Part A" numbers a part of the same work ("Guidance Note. - Part A, London: ...").
PART_NUMBER = re.compile(r"(?:[IVX]{2,4}\.\s|Part\s+(?:[\dIVX]+|[A-Z])[.,]\s)")
PART_NUMBER_BEFORE = re.compile(r"\.\s+(?:[IVX]{2,4}|Part\s+[\dIVX]+)\.$")


def reference_sentences(text: str) -> list[str]:
    """Split at full stops and question marks that end a sentence (not "vol.", "U.S.", initials)."""
    pieces, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        before = text[start : match.start()]
        last_word = re.split(r"[\s(]", before)[-1].rstrip(".")
        if last_word.lower() in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", last_word):
            continue
        if last_word[:1].isupper() and last_word.rsplit(".", 1)[-1].lower() in GOVERNMENT_ABBREVIATIONS:
            continue
        if last_word[:1].isupper() and last_word.lower() in JOURNAL_ABBREVIATIONS:
            continue
        # "Mixing in Water Storage Tanks. II. With Buoyancy Effects" is one title in parts.
        if PART_NUMBER.match(text, match.end()) or PART_NUMBER_BEFORE.search(before):
            continue
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    return [piece for piece in pieces if piece.strip(" .,;:")]


def outside_brackets(text: str) -> list[bool]:
    """For each character, whether it stands outside quotation marks and brackets. Curly quotes nest,
    a straight double quote toggles; single quotes are left alone, since ’ is also an apostrophe."""
    depth, curly, straight, outside = 0, 0, False, []
    for char in text:
        if char in "([":
            depth += 1
        elif char == "“":
            curly += 1
        elif char == '"':
            straight = not straight
        outside.append(depth == 0 and curly == 0 and not straight)
        if char in ")]":
            depth = max(0, depth - 1)
        elif char == "”":
            curly = max(0, curly - 1)
    return outside


def search_outside_brackets(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match of pattern that starts outside brackets and quotes: in "(New Haven, CT: Coast Press,
    2001)" the place and publisher are a bracketed imprint, read whole (imprint.find_imprint)."""
    outside = outside_brackets(text)
    return next((match for match in pattern.finditer(text) if outside[match.start()]), None)


MONTH_DAY_END = re.compile(rf"\b(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}$", re.IGNORECASE)
_YEAR_PART = re.compile(YEAR)


def dates_whole(parts: list[str]) -> list[str]:
    """ "July 27", "2025" -> "July 27, 2025" (and "FY ended December 31", "2025"): the comma inside a date is
    no element's end."""
    joined: list[str] = []
    for part in parts:
        if joined and _YEAR_PART.fullmatch(part.strip(" .")) and MONTH_DAY_END.search(joined[-1]):
            joined[-1] = f"{joined[-1]}, {part}"
        else:
            joined.append(part)
    return joined


def top_level_parts(text: str, separator: re.Pattern = re.compile(r",\s+")) -> list[str]:
    """text split at separators that stand outside quotation marks and brackets: the comma parts of a
    note ('Sen. Chuck Grassley, "Nominations," remarks in the Senate' -> 2 parts)."""
    return list(_top_level_parts(text, separator))


@lru_cache(maxsize=256)  # the government readers ask for the same note's parts several times over
def _top_level_parts(text: str, separator: re.Pattern) -> tuple[str, ...]:
    outside = outside_brackets(text)
    parts, start = [], 0
    for match in separator.finditer(text):
        if outside[match.start()] and match.start() > start:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return tuple(part.strip() for part in parts if part.strip())
