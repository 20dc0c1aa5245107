"""Publisher or container: which role a name after the title plays, by the words it is made of and where
the common styles put it.

APA ends a report with its publisher ("Title. Pew Research Center. URL"), Chicago and MLA notes write a
serial and then the body that issues it ("Migration Information Source, Migration Policy Institute,
Washington, D.C.: January 12, 2017"), and reports close the place with a bare month ("Washington, D.C.:
Pew Research Center, August."). An organisation's name carries a word only organisations use (Institute,
Center, Council, Foundation, University, Press, Office, ...); a serial or site carries a news or site word
(Times, Post, News, Journal, Review, a domain name). The place and the date are details, not names.
"""

from __future__ import annotations

import re

from pipeline.references.parse.places import PLACE, is_country, is_place
from pipeline.references.parse.segments import search_outside_brackets, top_level_parts
from pipeline.text.dates import MONTH_PATTERN, YEAR, is_only_date

# The nouns that name an organisation and not a serial or a site.
ORGANISATION_WORDS = re.compile(
    r"\b(?:institute|institution|center|centre|council|foundation|university|universit[éy]|college|press|"
    r"office|department|dept|ministry|agency|bureau|commission|service|association|bank|fund|trust|"
    r"corporation|company|inc|ltd|llc|gmbh|committee|authority|administration|secretariat|organi[sz]ation|"
    r"board|federation|society|academy|academies|laboratory|library|embassy|consulate|program|programme|"
    r"project|initiative|coalition|alliance|partnership|group|network|forum|union|court|parliament|"
    r"congress|senate|government|treasury|reserve|police)\b",
    re.IGNORECASE,
)
# The words of a serial's or site's name: news, journals, magazines, and a domain ("migrationpolicy.org").
SITE_WORDS = re.compile(
    r"\b(?:times|post|news|journal|review|magazine|herald|tribune|gazette|daily|weekly|monthly|quarterly|"
    r"chronicle|telegraph|guardian|observer|bulletin|digest|newsletter|blog|wire|today|record|register|"
    r"economist|monitor|affairs|proceedings|annals|letters|studies|source|report|reports|almanac)\b"
    r"|\b[\w-]+\.(?:com|org|net|gov|edu|int|co\.uk|org\.uk|info|io)\b",
    re.IGNORECASE,
)
# A bare month or season after the publisher: "Pew Research Center, August", "..., Spring 2019".
_TRAILING_MONTH = re.compile(
    rf",?\s+(?:(?:{MONTH_PATTERN})\.?|spring|summer|fall|autumn|winter)(?:\s+{YEAR})?$", re.IGNORECASE
)

# "... an academised system London: Academies Commission": a place and publisher closing a title's sentence
# with no comma before them, as hand-typed lists write it; the publisher is a short name and ends the sentence.
_CLOSING_IMPRINT = re.compile(rf"(?<=[\w)?!’”])\s+(?P<place>{PLACE})\s*:\s+(?P<pub>[A-Z][^:;.]{{1,70}})$")


def closing_imprint(sentence: str) -> re.Match | None:
    """The "Place: Publisher" that closes a title's sentence without a comma, when the publisher names an
    organisation or is an acronym ("HMSO"), so that "Letters from London: A City at War" stays a title."""
    match = search_outside_brackets(_CLOSING_IMPRINT, sentence.rstrip(" .,;"))
    publisher = match["pub"].strip() if match else ""
    if not publisher or len(publisher.split()) > 8:
        return None
    return match if is_organisation(publisher) or re.fullmatch(r"[A-Z]{2,8}", publisher) else None


def is_organisation(name: str) -> bool:
    """A name an organisation goes by, not a serial's or a site's: "Migration Policy Institute", "GPO"
    is undecided (False); "Journal of the American Medical Association" is a serial, the serial word first."""
    organisation = ORGANISATION_WORDS.search(name)
    site = SITE_WORDS.search(name)
    return bool(organisation) and not (site and site.start() < organisation.start())


def is_site(name: str) -> bool:
    """A serial's or a site's name: a news or journal word, or a domain."""
    site = SITE_WORDS.search(name)
    organisation = ORGANISATION_WORDS.search(name)
    return bool(site) and not (organisation and organisation.start() < site.start())


def without_trailing_date(name: str) -> str:
    """ "Pew Research Center" from "Pew Research Center, August"; a name that is only a month stays."""
    trimmed = _TRAILING_MONTH.sub("", name).strip(" ,.;:")
    return trimmed or name


def sort_roles(details: dict) -> dict:
    """The container's name split into serial and publisher where it lists both, its trailing place and
    date dropped, and a month cut off the publisher."""
    if details.get("publisher"):
        details["publisher"] = without_trailing_date(details["publisher"])
    _sort_names(details)
    if details.get("publisher-place"):  # the stop that closed "D.C." went with the details after it
        details["publisher-place"] = re.sub(r"(?<=\b[A-Z]\.[A-Z])$", ".", details["publisher-place"])
    return details


def _sort_names(details: dict) -> None:
    """The container's name split into serial and publisher, or moved to the publisher, where it names one."""
    name = details.get("name")
    if not name or details.get("chapter"):
        return
    parts = [part for part in top_level_parts(name) if not is_only_date(part)]  # "Spring 2024" is no "Spring"
    parts = _without_place_and_date([without_trailing_date(part) for part in parts] or [name], details)
    details["name"] = ", ".join(parts)
    if len(parts) < 2 or details.get("publisher"):
        return
    if is_organisation(parts[0]) and is_country(parts[-1]):  # "National Institute of Justice, ..., United States"
        details["publisher"] = details.pop("name")
    elif not (is_organisation(parts[0]) and is_organisation(parts[-1])) and _names_issuer(parts[-1]) and any(
        is_organisation(part) or is_site(part) for part in parts
    ):  # but "Center for Modeling Studies, Norland University" is a unit and its parent: one name
        details["name"], details["publisher"] = ", ".join(parts[:-1]), parts[-1]


def site_author_as_container(authors: list[dict], container: dict) -> None:
    """ "Washington Post. “The New FBI.” 31 May 2002, A30.": a paper or site that signs a piece as its author
    and is named nowhere after the title is also where the piece appeared."""
    if len(authors) != 1 or container.get("name") or container.get("publisher"):
        return
    name = authors[0].get("literal", "")
    if name and is_site(name) and not is_organisation(name):
        container["name"] = name


def _without_place_and_date(parts: list[str], details: dict) -> list[str]:
    """The parts before the place and date that close them ("..., Washington, D.C: January 12, 2017"); a
    city and its district code are two comma parts."""
    while len(parts) > 1:
        if is_only_date(parts[-1]):
            parts = parts[:-1]
            continue
        size = 2 if len(parts) > 2 and is_place(", ".join(parts[-2:])) else 1
        if size == 1 and not is_place(parts[-1]):
            break
        details.setdefault("publisher-place", ", ".join(parts[-size:]))
        parts = parts[:-size]
    return parts


def _names_issuer(part: str) -> bool:
    """The last comma part of a serial's line that names the body issuing it: a short capitalised name with
    no numbers that is no serial or site itself ("Migration Policy Institute", "New America")."""
    words = part.split()
    return (
        1 <= len(words) <= 7
        and part[:1].isupper()
        and not re.search(r"\d", part)
        and not is_site(part)
        and sum(word[:1].isupper() for word in words) * 2 > len(words)
    )
