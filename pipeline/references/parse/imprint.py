"""What follows a title in books and notes: the imprint and the elements a note closes with.

- A book's imprint in brackets after its title, as Chicago notes and the Bluebook write it: "House
  Practice (GPO, 2024)", "Clarence Darrow (New York: Putnam's Sons, 1980), 56", "Understanding
  Administrative Law (LexisNexis, 6th ed. 2012)", and after a chapter's book: "in Negotiating Internet
  Governance (Oxford University Press, 2019), pp. 75-112". The brackets hold an optional place and a
  colon, the publisher, a comma, an optional edition and the year or a month and year; an agency's
  report may give the place and the date alone ("HAO-24-105432 (Washington, DC: May 2024)"). A
  bracket holding only a date ("(2006)", "(August 2012)") or a court and date is no imprint.
- The tail of a note that separates every element with a comma: "Author, Title, Issuing Body, Working
  Paper 99-3, July 1999, p. 4." (Chicago notes, CRS footnotes). Read from the end: pinpoints ("p. 4",
  "pp. 8-10", "ch. 34", "§2") and dates are dropped, a report's kind and number go to genre and number,
  and a run of organisation names and places before them ("Institute of Transportation Studies,
  University of California, Berkeley") is the publisher. What is left is the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.references.parse.authors.names import parse_names
from pipeline.references.parse.kinds import AGENCY_REPORT_NUMBER, REPORT_KINDS, SERIAL_NUMBER
from pipeline.references.parse.places import is_place, split_trailing_place
from pipeline.references.parse.publishers import is_known_publisher
from pipeline.references.parse.segments import dates_whole, top_level_parts
from pipeline.text.dates import MONTH_PATTERN, YEAR, find_date, is_only_date

_IMPRINT = re.compile(
    rf"\s*\((?:(?P<place>[A-Z][^():;\[\]]{{1,40}}?)\s*:\s*)?(?:(?P<publisher>(?:[^():;\[\]]|\([A-Z]{{2,10}}\)){{2,80}}?),\s*)?"
    rf"(?:(?P<edition>\d+(?:st|nd|rd|th|d)|rev\.|revised|new)\.?\s+(?:ed|edn|edition)\.?,?\s*)?"
    rf"(?P<date>(?:(?i:{MONTH_PATTERN})\.?\s+(?:\d{{1,2}},?\s+)?)?(?P<year>{YEAR}))[a-z]?\)"
)
_NOT_A_PUBLISHER = re.compile(rf"^(?:{MONTH_PATTERN})\.?(?:\s|$)|^\d|\b(?:vol|no|pp?)\.", re.IGNORECASE)


@dataclass
class Imprint:
    """What the brackets said, where they stood in the text, and the text on either side."""

    before: str
    after: str
    publisher: str | None
    place: str | None
    edition: str | None
    year: int
    date: list[int]  # the year, or the month and year the brackets give


def find_imprint(text: str) -> Imprint | None:
    """The first bracketed imprint in text, None when there is none."""
    for match in _IMPRINT.finditer(text):
        publisher = (match["publisher"] or "").strip(" ,.") or None
        place = match["place"].strip() if match["place"] else None
        if publisher is None and (place is None or not is_place(place)):
            continue  # "(August 2012)": a date alone; "(Harbour Press: 2012)" is no place and date
        if place is None and match["date"] != match["year"] and (publisher is None or is_place(publisher)):
            continue  # "(Atlanta, GA, Dec. 1990)": where and when a conference met, not who issued the work
        if publisher and (_NOT_A_PUBLISHER.search(publisher) or not re.search(r"[^\W\d_]{2}", publisher)):
            continue
        edition = match["edition"]
        return Imprint(
            before=text[: match.start()].rstrip(" ,"),
            after=text[match.end() :],
            publisher=publisher,
            place=place,
            edition=re.sub(r"\D", "", edition) if edition and edition[0].isdigit() else None,
            year=int(match["year"]),
            date=(find_date(match["date"]) or ([int(match["year"])], None))[0],
        )
    return None


def imprint_fields(imprint: Imprint) -> dict:
    """The container fields an imprint gives: publisher, its place and the edition."""
    fields = {"publisher": imprint.publisher} if imprint.publisher else {}
    if imprint.place:
        fields["publisher-place"] = imprint.place
    if imprint.edition:
        fields["edition"] = imprint.edition
    return fields


_PINPOINT = re.compile(
    r"^(?:pp?\.|at|ch\.|chap\.|sec\.|secs\.|§§?|para\.|¶|fig\.|tbl\.|table|n\.|note)\s*[\dIVXivx]", re.IGNORECASE
)
_NUMBERED_KIND = re.compile(
    rf"^(?P<genre>(?:[A-Z][\w-]*\s+){{0,2}}?(?i:{REPORT_KINDS}|letter|bulletin|circular|memorandum))\s+"
    rf"{SERIAL_NUMBER}$"
)
# Where a congressional document sits: "91st Cong., 2nd sess.", "H.Prt. 91-27", "S. Hrg. 119-132", "committee
# print", "hearing", "report to accompany S. 2321".
_CONGRESS_DETAIL = re.compile(
    r"^(?:\d{2,3}(?:st|nd|rd|th)\s+Cong(?:ress|\.)?(?:\s*,?\s*\d(?:st|nd|rd|th)\s+sess\.?)?|"
    r"\d(?:st|nd|rd|th)\s+sess(?:ion)?\.?|[HS]\.\s?(?:Prt|Hrg|Rept|Rpt|Doc)\.?\s?(?:No\.\s?)?\d+[-–]\d+|"
    r"committee\s+print|hearings?|report\s+to\s+accompany\s.+|daily\s+ed(?:ition)?\.?)$",
    re.IGNORECASE,
)
# Words only the name of an institution carries ("National Conference of State Legislatures").
_INSTITUTION = re.compile(
    r"\b(?:Institute|Institution|University|College|Conference|Council|Commission|Committee|Office|"
    r"Department|Ministry|Agency|Bureau|Center|Centre|Foundation|Association|Society|Corporation|Board|"
    r"Authority|Administration|Academy|Academies|Laboratory|Organi[sz]ation|Federation|Trust|Fund|Bank|"
    r"Forum|Alliance|Coalition|Press|Publishers|Publishing|School)\b"
)
_NAME_WORD = r"(?:[A-Z][\w.’'&-]*|of|for|the|and|on|in|at|&)"
_TITLE_CASE_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD})*(?:\s\([A-Z]{{2,8}}\))?$")
# A year after "Act" or "Bill" is the law's own: "Consolidated Appropriations Act, 2026".
_ACT_YEAR = re.compile(r"\b(?:Act|Bill|Appropriations)\s*$")


def read_note_tail(title: str) -> tuple[str, dict, list[int] | None]:
    """The title without the elements a note puts after it, those elements as CSL fields, and the date."""
    parts = dates_whole(top_level_parts(title))
    fields: dict = {}
    date = None
    while len(parts) > 1:
        last = parts[-1].strip(" .")
        if _PINPOINT.match(last) or _CONGRESS_DETAIL.match(last):
            parts.pop()
        elif is_only_date(last) and not _ACT_YEAR.search(parts[-2]):
            found = find_date(last)
            date = found[0] if found and (date is None or len(found[0]) >= len(date)) else date
            parts.pop()
        else:
            break
    numbered = _NUMBERED_KIND.match(parts[-1].strip(" .")) if len(parts) > 1 else None
    if numbered and len(parts) == 2 and (re.fullmatch(YEAR, numbered["number"]) or len(parts[0].split()) < 2):
        numbered = None  # "Ports, Annual Report 2022": a title's own words, not a series and its number
    if not numbered and len(parts) > 1 and _REPORT_NUMBER.fullmatch(parts[-1].strip(" .")):
        fields["number"] = parts.pop().strip(" .")  # "..., by Jane Roe, R45123"
    byline = next((i for i, part in enumerate(parts) if i and _BYLINE.match(part)), None)
    if byline:  # "Title, by Jane Roe, Ann Lee, and Kim Park": everything after "by" names people
        fields["byline"] = _BYLINE.sub("", ", ".join(parts[byline:]))
        parts = parts[:byline]
    if numbered:
        fields.update(genre=numbered["genre"], number=numbered["number"])
        parts.pop()
    publisher = issuing_body(parts)
    if publisher:
        name, place = split_trailing_place(publisher)
        if place and is_known_publisher(name):  # "Harper & Row, London": the house, then where it sits
            fields["publisher-place"], publisher = place, name
        fields["publisher"] = publisher
    return ", ".join(parts), fields, date


_BYLINE = re.compile(r"^by\s+(?=[A-Z])")
# A report's number closing its title: CRS's "R45123", an agency's "GAO-21-123" or "EPA-600-R-12-001".
_REPORT_NUMBER = re.compile(rf"[A-Z]{{1,4}}\d{{4,6}}|{AGENCY_REPORT_NUMBER}")


def names_institution(text: str) -> bool:
    """Whether text names an institution ("Center for Connected Learning")."""
    return bool(_INSTITUTION.search(text))


def issuing_body(parts: list[str]) -> str | None:
    """The organisation names (and a place after them) closing the parts, taken off the list."""
    start = len(parts)
    while start > 1:
        part = parts[start - 1].strip(" .")
        named = _INSTITUTION.search(part) and _TITLE_CASE_NAME.match(part) and len(part.split()) <= 10
        if not (named or is_place(part) or is_known_publisher(part)):
            break
        start -= 1
    body = parts[start:]
    publisher_named = any(_INSTITUTION.search(part) or is_known_publisher(part) for part in body)
    if not body or not publisher_named or len(" ".join(parts[:start]).split()) < 2:
        return None
    del parts[start:]
    return ", ".join(part.strip(" .") for part in body)


def publisher_as_author(authors: list[dict], container: dict) -> list[dict]:
    """ "Al Jazeera. (2024, June 2). Port strike ends. Al Jazeera.": a one-name author that the site or
    publisher repeats is that organisation (APA writes it twice), not a person called Jazeera."""
    if len(authors) != 1 or "family" not in authors[0]:
        return authors
    name = " ".join(filter(None, (authors[0].get("given"), authors[0]["family"])))
    places = {_comparable(container.get(key)) for key in ("name", "publisher")}
    return [{"literal": name}] if _comparable(name) in places else authors


def _comparable(text: str | None) -> str:
    """Case and punctuation folded, any script kept (cslfields.normalized_text keeps Latin letters only)."""
    return " ".join(re.sub(r"[^\w\s]", " ", (text or "").casefold()).split())


def byline_authors(authors: list[dict], container: dict) -> list[dict]:
    """ "Harbor Research Service, Harbor Funding: An Overview, by Jane Roe, R45123": the names after "by" wrote
    the work; the organisation that opened the note published it."""
    byline = container.pop("byline", None)
    if not byline:
        return authors
    if len(authors) == 1 and "literal" in authors[0]:
        container.setdefault("publisher", authors[0]["literal"])
    return parse_names(byline)
