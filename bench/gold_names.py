"""Family names in a gold author string, read by the conventions the string itself is written in.

The refparse gold keeps each author field as written ("Phillips, Mark, Hannah Tarver, and Stacy
Frakes."), not split into persons. Counting every word of it as a family name would ask a parser to
file "Mark" and "Hannah" as family names. This reads the string the way a cataloguer would, with
rules independent of the parser under test:
- persons are separated by ";", "&", "and", "und", "et" (not "et al."), "y";
- an inverted pair "Family, Given" is a chunk followed by a chunk of given names (capitalised words
  or initials, at most three): the first chunk is the family name, the second is not;
- a chunk in natural order ("Hannah Tarver", "Joann Muller") has its last word as family name;
- Vancouver style ("Zhang L", "Gu FX") keeps the words before the initials;
- anything else (an organisation: lower-case words, all capitals, a single word, a head noun such as
  "Council" or "Museum") counts whole.
It is lenient where the string is ambiguous: a word it cannot place counts as a family name.
"""

from __future__ import annotations

import re

_PERSON_SEPARATORS = re.compile(r";|&|\band\b|\bund\b|\bet\b(?!\s*al\b)|\by\b")
_ET_AL = re.compile(r"\bet\s*al\b\.?", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z]\.?-?){1,3}$")
_GIVEN_WORD = re.compile(r"^(?:[A-Z]\.?-?){1,3}$|^[A-ZÀ-Þ][a-zß-ÿ'’-]+\.?$")
_NATURAL_WORD = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ'’-]+\.?$|^(?:[A-Z]\.){1,3}$")
# Head nouns that make a capitalised phrase an organisation, not "Given Family".
_ORGANISATION_WORDS = {
    "agency", "alliance", "association", "bank", "bureau", "centre", "center", "college", "commission",
    "committee", "council", "department", "forum", "foundation", "fund", "global", "group", "institute",
    "ministry", "museum", "network", "news", "office", "organisation", "organization", "press", "project",
    "programme", "program", "service", "society", "times", "trust", "union", "university",
}
_PARTICLES = {"de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "ter", "dos"}


def gold_family_text(author: str) -> str:
    """The words of `author` that name families (or organisations), joined by spaces."""
    families: list[str] = []
    for person in _PERSON_SEPARATORS.split(_ET_AL.sub(" ", author)):
        families.extend(_families_in(person))
    return " ".join(families)


def _families_in(segment: str) -> list[str]:
    chunks = [chunk.strip(" .·") for chunk in segment.split(",")]
    chunks = [chunk for chunk in chunks if chunk]
    families: list[str] = []
    index = 0
    while index < len(chunks):
        chunk = chunks[index]
        following = chunks[index + 1] if index + 1 < len(chunks) else None
        if _is_vancouver(chunk):
            families.append(chunk.split()[0])
            index += 1
            continue
        if following is not None and _is_given(following) and not _is_natural_person(chunk):
            families.append(chunk)  # inverted "Family, Given": the given chunk is skipped
            index += 2
            continue
        families.append(_family_of_chunk(chunk))
        index += 1
    return families


def _is_given(chunk: str) -> bool:
    words = chunk.split()
    return 0 < len(words) <= 3 and all(_GIVEN_WORD.match(word) for word in words)


def _is_natural_person(chunk: str) -> bool:
    """"Hannah Tarver": two to four capitalised words, the last not an initial."""
    words = [word for word in chunk.split() if word.lower() not in _PARTICLES]
    if any(word.lower().strip(".") in _ORGANISATION_WORDS for word in words):
        return False
    return 2 <= len(words) <= 4 and all(_NATURAL_WORD.match(w) for w in words) and not _INITIALS.match(words[-1])


def _is_vancouver(chunk: str) -> bool:
    """"Zhang L", "Gu FX", "KENNEDY E.G.": a family name, then initials without a comma."""
    words = [word.replace(".", "") for word in chunk.split()]
    return len(words) >= 2 and not _INITIALS.match(words[0]) and all(_INITIALS.match(w) for w in words[1:])


def _family_of_chunk(chunk: str) -> str:
    words = chunk.split()
    if _is_natural_person(chunk):
        particles = [w for w in words[:-1] if w.lower() in _PARTICLES]
        return " ".join(particles + words[-1:])
    return chunk
