"""A reference written without any punctuation between its elements, as a flattened table row is:
"Harbour Council of Canada Coastal Access Review Submission Senate Committee on Fisheries 2 May 2011".

Nothing marks where the author ends and the title begins, so this reads only the one shape that can be
read with confidence: an organisation (its name ends at a word such as Council, Institute or Commission,
with "of <country>" after it), the title, a word that says what kind of document it is, the body it
was addressed or published by, and a closing date. Anything else is left to the ordinary parser.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.references.parse.kinds import REPORT_KINDS, STATEMENT_KINDS
from pipeline.text.dates import find_date

# The word an organisation's name ends on, before an optional "of <country>".
_ORGANISATION_HEAD = re.compile(
    r"(?:Council|Institute|Commission|Association|Society|Foundation|Centre|Center|Department|Ministry|"
    r"Office|Agency|Bureau|Committee|Board|Union|Federation|Organi[sz]ation|Authority|Alliance|Network|"
    r"Secretariat|Trust|Coalition|University|Forum|Service|Services|Government)"
)

# What a flattened row names the document as, capitalised as the row's other words are; the words after
# it name who received or published it.
_KIND = re.compile(rf"\s(?=[A-Z])((?i:{REPORT_KINDS}|{STATEMENT_KINDS}|briefing|statement))\s")
_SEPARATORS = re.compile(r"[.,;:“”\"«»]")


def parse_run_on(text: str) -> dict | None:
    """CSL fields of a run-on reference of the shape above, or None when it has another shape."""
    text = " ".join(text.split())
    if _SEPARATORS.search(text):
        return None
    found = find_date(text)
    if not found or found[1][1] < len(text.rstrip(" )")) - 1:
        return None  # a run-on row closes with its date
    head = text[: found[1][0]].rstrip()
    kind = _KIND.search(head)
    if not kind:
        return None
    author_end = _organisation_end(head[: kind.start()])
    title = head[author_end : kind.start()].strip()
    receiver = head[kind.end() :].strip()
    if not author_end or len(title.split()) < 2 or not (title[:1].isupper() or title[:1].isdigit()):
        return None
    if not receiver[:1].isupper():
        return None
    return {
        "author": [{"literal": head[:author_end].strip()}],
        "title": title,
        "genre": kind[1],
        "publisher": receiver,
        "issued": {"date-parts": [found[0]]},
        "type": "report",
    }


def _organisation_end(text: str) -> int:
    """Where a leading organisation's name ends: after its first organisation word, and after an
    "of <country>" that follows it ("Refugee Council of Australia"); 0 when no such word comes early."""
    for match in re.finditer(r"\S+", text):
        if match.start() and not match.group()[:1].isupper():
            return 0  # a name in title case: a lowercase word before its organisation word is no name
        if _ORGANISATION_HEAD.fullmatch(match.group()):
            return match.end() + _country_after(text[match.end() :])
        if match.end() > 60:
            return 0
    return 0


def _country_after(text: str) -> int:
    """The length of " of <country>" (or " of the <country>") at the start of text, else 0."""
    of = re.match(r"\s+of\s+(?:the\s+)?", text)
    if not of:
        return 0
    rest = text[of.end() :]
    for name in _country_names():
        if rest.startswith(name) and not rest[len(name) : len(name) + 1].isalnum():
            return of.end() + len(name)
    return 0


@cache
def _country_names() -> tuple[str, ...]:
    """Country and territory names in English, longest first ("United States" before "United")."""
    from babel import Locale  # noqa: PLC0415 — loaded only when a run-on reference is met

    return tuple(sorted(set(Locale("en").territories.values()), key=len, reverse=True))
