"""A book's imprint written in brackets after its title, as Chicago notes and the Bluebook write it:
"House Practice (GPO, 2024)", "Clarence Darrow (New York: Putnam's Sons, 1980), 56",
"Understanding Administrative Law (LexisNexis, 6th ed. 2012)", and after a chapter's book:
"in Negotiating Internet Governance (Oxford University Press, 2019), pp. 75-112".

The brackets hold an optional place and a colon, the publisher, a comma, an optional edition and the
year; a bracket holding only a date ("(2006)", "(August 2012)") or a court and date is no imprint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.text.dates import MONTH_PATTERN, YEAR

_IMPRINT = re.compile(
    rf"\s*\((?:(?P<place>[A-Z][^():;\[\]]{{1,40}}?)\s*:\s*)?(?P<publisher>[^():;\[\]]{{2,80}}?),\s*"
    rf"(?:(?P<edition>\d+(?:st|nd|rd|th|d)|rev\.|revised|new)\.?\s+(?:ed|edn|edition)\.?,?\s*)?"
    rf"(?P<year>{YEAR})[a-z]?\)"
)
_NOT_A_PUBLISHER = re.compile(rf"^(?:{MONTH_PATTERN})\.?(?:\s|$)|^\d|\b(?:vol|no|pp?)\.", re.IGNORECASE)


@dataclass
class Imprint:
    """What the brackets said, where they stood in the text, and the text on either side."""

    before: str
    after: str
    publisher: str
    place: str | None
    edition: str | None
    year: int


def find_imprint(text: str) -> Imprint | None:
    """The first bracketed imprint in text, None when there is none."""
    for match in _IMPRINT.finditer(text):
        publisher = match["publisher"].strip(" ,.")
        if _NOT_A_PUBLISHER.search(publisher) or not re.search(r"[^\W\d_]{2}", publisher):
            continue
        edition = match["edition"]
        return Imprint(
            before=text[: match.start()].rstrip(" ,"),
            after=text[match.end() :],
            publisher=publisher,
            place=match["place"].strip() if match["place"] else None,
            edition=re.sub(r"\D", "", edition) if edition and edition[0].isdigit() else None,
            year=int(match["year"]),
        )
    return None


def imprint_fields(imprint: Imprint) -> dict:
    """The container fields an imprint gives: publisher, its place and the edition."""
    fields = {"publisher": imprint.publisher}
    if imprint.place:
        fields["publisher-place"] = imprint.place
    if imprint.edition:
        fields["edition"] = imprint.edition
    return fields
