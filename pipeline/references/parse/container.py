"""What a reference names after its title: the journal, site, book or publisher, with its details.

The segments after the title are read in order; the first plain one is the container, a
"Place: Publisher" segment or an imprint ("Harbour Press", "PhD thesis, University of Leeds") gives
the publisher, and volume, issue and pages come from the whole tail.
"""

from __future__ import annotations

import re

from pipeline.references.parse.imprint import find_imprint, imprint_fields
from pipeline.references.parse.kinds import AGENCY_REPORT_NUMBER, REPORT_KINDS, STATEMENT_KINDS
from pipeline.references.parse.kinds import SERIAL_NUMBER as SERIAL_NUMBER_PATTERN
from pipeline.references.parse.places import is_place, split_trailing_place
from pipeline.references.parse.publishers import is_known_publisher
from pipeline.references.parse.roles import sort_roles
from pipeline.references.parse.segments import reference_sentences
from pipeline.text.dates import MONTH_PATTERN, YEAR, is_only_date

# Where a container name stops and its details begin ("Synergy, 3(3)", "Newsweek 27 May 2002",
# "Current Biology, vol. 26"); a bare trailing number stays ("United 24").
DETAIL_START = (
    rf"(?:vol|volume|no|nos|issue|bd|heft|nr)(?:\.|\b)|pp?\.|v\.\s?\d|n°|n\.\s?\d|hors[-\s]s[ée]rie|"
    rf"édition|edited\s+by|eds?\.\s|tech\.\s*rep\.|technical\s+report\s|(?-i:[A-Z]{{2,6}}\s[A-Z]{{1,4}}-\d)|(?:last\s+)?(?:updated|modified|revised)\b|published\s+(?:on\s+)?(?=\d|{MONTH_PATTERN})|"
    rf"(?:{MONTH_PATTERN})\.?\s*[-–/]\s*(?:{MONTH_PATTERN})\b|n\.\s?d\b\.?|"
    rf"\((?:\d|pp?\.|{MONTH_PATTERN}|spring|summer|fall|autumn|winter)|(?:{MONTH_PATTERN})\.?\s*[\d(]"
)
# The last alternative is a day glued to the name by a lost space: MLA's "Slate22 Apr. 2020".
DETAILS_TAIL = re.compile(  # a journal's season after a comma too: "Harbour Review, Spring 2024"
    rf"(?:[,;]\s*(?=(?:{DETAIL_START}|\d|(?:spring|summer|fall|autumn|winter)\s+{YEAR}\b))|\s+(?=(?:{DETAIL_START}|\d+\s*[,(:;.]|\d+\s+\S))|"
    rf"(?<=[^\W\d_]{{3}})(?=\d{{1,2}}\s+(?:{MONTH_PATTERN})\.?\s+{YEAR}\b)).*$",
    re.IGNORECASE,
)
# "Place: Publisher", the place being at most three capitalised words ("Washington DC", "Honolulu, HI"), and
# in Vancouver perhaps its country in brackets ("Canberra (AU)", "Deakin, ACT (Australia)").
LOCATION_PUBLISHER = re.compile(
    r"^(?P<place>[A-Z][\w.-]+(?:\s[A-Z][\w.-]*){0,2}(?:,\s*[A-Z][\w.]{1,15})?(?:\s\([A-Z][\w.]{1,15}\))?)\s*:\s*"
    r"(?P<pub>[^:]{3,})$"
)
EDITION_OR_REVIEW = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\b.*\b(?:ed|edition|version)\b|review(?:ed)?\s+(?:of|by)\b)", re.IGNORECASE
)
# Words that only publishers' names carry; wire services ("Associated Press") are news, not publishers.
# MLA abbreviates University Press to "UP" ("Oxford UP"), in capitals only.
PUBLISHER_WORDS = re.compile(
    r"\b(?i:press|publish(?:ers?|ing)|publications|verlag|[ée]ditions|editora|editorial|books)\b|\bUP\b"
)
NEWS_AGENCY = re.compile(r"\b(?:associated|canadian|united|free)\s+press\b|\bpress\s+(?:association|release)", re.I)
# "PhD thesis, University of Leeds", "Unpublished doctoral dissertation, Harbour University".
THESIS = re.compile(
    r"^(?P<genre>(?:unpublished\s+)?(?:ph\.?\s?d\.?|doctoral|master[’']?s|m\.?a\.?|m\.?sc\.?|m\.?phil\.?|"
    r"bachelor[’']?s|honou?rs|diploma)\s+(?:thesis|dissertation|diss\.))\s*[,.:]?\s*(?P<body>.+)$",
    re.IGNORECASE,
)
# A segment that only says what kind of document the work is, perhaps with its date.
# What a newspaper calls a piece that is not a report, written before the paper's name in notes.
OPINION_KINDS = r"editorial|op-ed|opinion|commentary|column|letter\s+to\s+the\s+editor"
GENRE_SEGMENT = re.compile(
    rf"^(?P<genre>(?:technical\s+|research\s+)?(?:{REPORT_KINDS}|{STATEMENT_KINDS}|{OPINION_KINDS}))\b"
    r"(?P<comma>,)?[\s,.:;]*(?P<rest>.*)$",
    re.IGNORECASE,
)
SERIAL_NUMBER = re.compile(SERIAL_NUMBER_PATTERN)
IN_CONTAINER = re.compile(
    r"^(?:In|Dans|En|In:)\s*:?\s+(?:.*?\((?:eds?|hrsg|dir)\.?\),?\s*|.*?,\s*editors?\.\s*)?", re.IGNORECASE
)
EDITORS_ONLY = re.compile(r"^[^.]*,\s*(?:editors?|eds?|hrsg|dir)\.?$", re.IGNORECASE)
NEWS_WORDS = re.compile(
    r"\b(?:times|news|post|herald|guardian|reuters|bbc|cnn|tribune|telegraph|independent|gazette|daily|"
    r"aljazeera|al jazeera|newsweek|monde|globe|chronicle|observer|economist|politico|atlantic|"
    r"journal|hill|abc|nbc|cbs|wire|press|newspaper|magazine|zeitung|spiegel|pravda|kyiv|le figaro)\b",
    re.IGNORECASE,
)
# Words a reference uses for the medium it was read in. ISO 690's "[online]" and its translations
# (Vancouver's "[Internet]") are named apart because only they say that the comma part before them is
# a serial's title (reference._container_before_medium_mark): "[PDF]" after "Guidelines, Part 2" is the
# report's format. The rest are MLA's "Web." and "Print.", catalogues' "[electronic resource]", formats.
ONLINE_WORDS = r"online|on-line|en ligne|em linha|en línea|internet"
MEDIUM_WORDS = (
    rf"{ONLINE_WORDS}|web|print|electronic resource|electronic|elektronische ressource|"
    r"ressource électronique|электронный ресурс|e-?book|pdf"
)
# A bracketed medium designator closing a title: "Národní plán povodí Odry [online]", and APA 7's format
# descriptions ("Address to the nation [Video]", "[Press release]"), which describe the work, not name it.
MEDIUM_MARK = re.compile(
    rf"\s*\[(?:{MEDIUM_WORDS}|"
    rf"{REPORT_KINDS}|{STATEMENT_KINDS}|podcast episode|"
    r"(?:audio |video )?(?:video|film|tweet|brochure|data ?set|audio|motion picture|television series|map|"
    r"infographic|webinar|lecture notes|powerpoint slides|photograph|video file|audio file|"
    # APA's description of any other form, in sentence case: "[Position statement]", "[Conference session]"
    r"(?-i:[A-Z][a-z]+(?:\s[a-z]+){1,2})))\]$",
    re.IGNORECASE,
)
_PAGES = re.compile(r"^pp?\.\s*[A-Z]?\d[\d\s,–-]*$")
# The volume written right before a colon and the pages: Vancouver's "Environ Res. 2019;172:1-9" (year,
# volume, pages) and "Marine Policy 112:103–110".
VOLUME_BEFORE_PAGES = re.compile(
    rf"\b{YEAR}(?:\s+(?i:{MONTH_PATTERN})\.?(?:\s+\d{{1,2}})?)?;\s*(?P<volume>\d{{1,4}})\s*:"
    r"|(?<![\d.:/])(?P<volume_before_pages>\d{1,4})\s*:\s*\w?\d+\s*[-–]\s*\w?\d+\b"
)


def _bracketed_thesis(segment: str) -> dict | None:
    """Genre and publisher from a thesis's bracketed imprint: "(master's thesis, Harbour University, 2024)"."""
    inner = re.fullmatch(rf"\((?P<inner>[^()]+?)(?:,\s*{YEAR})?\)[.,]?(?:\s*,?\s*\d[\d–-]*)?", segment)
    thesis = THESIS.match(inner["inner"]) if inner else None
    return {"genre": thesis["genre"], "publisher": trim_details(thesis["body"])} if thesis else None


def _numbered_then_date(rest: str) -> str | None:
    """The number of a report's kind when all that follows it is a date: "no. 12, January 2025"."""
    head, _, tail = rest.partition(", ")
    number = SERIAL_NUMBER.fullmatch(head)
    return number["number"] if number and (not tail or is_only_date(tail)) else None


def read_container(after: str, quoted: bool) -> dict:
    """The journal, site or publisher named after the title, with volume, issue and pages.

    The first plain segment is the container; a "Place: Publisher" segment gives the publisher.
    """
    details: dict = serial_numbers(after)
    is_serial = "volume" in details
    for segment in (seg.strip(" .,;:") for seg in reference_sentences(after.lstrip(" .,;:-–").rstrip(" .,;:"))):
        edition = _EDITION_LEAD.match(segment)
        if edition:  # "2nd ed., Harbour UP, 2019", "2nd ed. Boston: Harbour Press; 2019": the edition, then the imprint
            details.setdefault("edition", edition["number"])
            segment = segment[edition.end() :]
        thesis = None if "publisher" in details else _bracketed_thesis(segment)
        if thesis:  # Chicago's "(PhD diss., Harbour University, 2024)": the degree and who granted it
            details.update(thesis)
            continue
        if is_noise_segment(segment):
            continue
        byline = re.match(r"By\s+(?=[A-Z])", segment)
        if byline and "byline" not in details:  # MLA's "Title. By Ann Lee and Ben Marsh." after a body's name
            details["byline"] = segment[byline.end() :]
            continue
        chapter = container_opening(segment)
        if chapter:
            details["chapter"] = True
            segment = segment[chapter.end() :]
            if EDITORS_ONLY.search(segment):
                continue  # "In: Johnson NAG, Russell IM, editors." names the book's editors; the book follows
        imprint = None if "publisher" in details else find_imprint(segment)
        if imprint:  # "in Mapping Coastal Trade (Harbour University Press, 2018)": the book's imprint
            details.update(imprint_fields(imprint))
            segment = imprint.before
        genre = None if details.get("genre") else GENRE_SEGMENT.match(segment)
        numbered = genre and _numbered_then_date(genre["rest"])
        if numbered:  # "Working Paper 12", "Report No. 12-3", "policy brief no. 12, January 2025"
            details.update(genre=genre["genre"], number=numbered)
            if details.get("issue") == numbered:
                del details["issue"]  # serial_numbers read its "no. 12" as a journal's issue
            continue
        if genre and (not genre["rest"] or is_only_date(genre["rest"])):
            details["genre"] = genre["genre"]  # "Press release, March 3, 2024" names no container
            continue
        if genre and genre["comma"] and genre["rest"][:1].isupper():
            details["genre"], segment = genre["genre"], genre["rest"]  # "editorial, Boston Harbor News"
        if not is_serial and "publisher-place" not in details and is_place(segment):
            details["publisher-place"] = segment  # Vancouver's "London. Department of Health; 2016."
            continue
        located = LOCATION_PUBLISHER.match(segment)
        if located and is_serial and not is_place(located["place"]):
            located = None  # a serial's "Vol 28. New York: Thomson Gale" is still a book's imprint
        if located and "publisher" not in details:
            details["publisher"] = trim_details(located["pub"])
            details["publisher-place"] = located["place"].strip()
            break
        imprint = None if located or is_serial or quoted or "publisher" in details else read_imprint(segment)
        if imprint:
            details.update(imprint)
            continue
        code = None if "number" in details or chapter else _AGENCY_NUMBER_FIRST.match(segment)
        if code:  # "“Title,” ERR-123, June 2023": the report's number, not a container
            details["number"], segment = code["number"], segment[code.end() :].strip(" ,")
            if not segment or is_only_date(segment):
                continue
        if not located and "name" not in details:
            details["name"] = trim_details(segment)
            edited = _EDITED_BY.search(segment)
            if edited:  # MLA's "Handbook of Harbours, edited by Ben Marsh, Harbour Press, 2019": a book's chapter
                details["chapter"] = True
                details.update(_publisher_part(edited["rest"]))
            if (is_serial or quoted) and not details.get("chapter"):
                break  # a journal's or site's name: what follows is its details (a book's imprint may follow)
    return sort_roles(place_out_of_name(details))


_AGENCY_NUMBER_FIRST = re.compile(rf"(?P<number>{AGENCY_REPORT_NUMBER})(?=,|$)")
_EDITED_BY = re.compile(r",\s+edited\s+by\s+[^,]+?(?:,?\s+and\s+[^,]+?)?,\s+(?P<rest>.+)$")


def _publisher_part(rest: str) -> dict:
    """The publisher among the comma parts after a book's editors: the first a publisher's word or name marks."""
    for part in (part.strip(" .") for part in rest.split(",")):
        if names_publisher(part):
            return {"publisher": part}
    return {}


_EDITION_LEAD = re.compile(
    r"^(?P<number>\d+)(?:st|nd|rd|th|d)\s+(?:rev(?:ised)?\.?\s+|expanded\s+)?(?:ed|edn|edition)\b\.?[,;]?\s*",
    re.IGNORECASE,
)


def names_publisher(segment: str) -> bool:
    """Whether a segment names a publisher: a publisher's word ("Press", not a wire service) or a known name."""
    return bool(PUBLISHER_WORDS.search(segment) and not NEWS_AGENCY.search(segment)) or is_known_publisher(segment)


def read_imprint(segment: str) -> dict | None:
    """A segment that names who published a book or thesis: "PhD thesis, University of Leeds" (genre and
    the degree-granting body), "Harbour Press", "Éditions du Seuil"; None for anything else."""
    thesis = THESIS.match(segment)
    if thesis:
        return {"genre": thesis["genre"], "publisher": trim_details(thesis["body"])}
    if names_publisher(segment):
        return {"publisher": trim_details(segment)}
    return None


def container_opening(segment: str) -> re.Match | None:
    """The "In Proceedings of ..." or "Dans : Revue ..." opening a segment, but not the newspaper "En el
    Camino"."""
    chapter = IN_CONTAINER.match(segment)
    if not chapter or segment[:2].lower() not in {"in", "da", "en"}:
        return None
    return chapter if ":" in chapter.group() or not segment[chapter.end() :][:1].islower() else None


def place_out_of_name(details: dict) -> dict:
    """ "Brotherhood of St Laurence, Melbourne": the place goes to publisher-place, not into the name."""
    for key in ("name", "publisher"):
        if details.get(key):
            details[key], place = split_trailing_place(details[key])
            if place and not details.get("publisher-place"):
                details["publisher-place"] = place
    return details


_PINPOINT = re.compile(r"(?:ch|chap|sec|para|fig|n)\.\s*\d+[a-z]?(?:\s*[-–]\s*\d+)?", re.IGNORECASE)


def is_noise_segment(segment: str) -> bool:
    """Segments that name no container: a lone date, "Web.", "[online]", "2nd rev. version"."""
    if not segment or not re.search(r"[^\W\d_]{2}", segment) or is_only_date(segment):
        return True
    if re.fullmatch(r"(?:vol|volume|no|nr|issue|pt|part|bd)\.?\s*\d+[a-z]?", segment, re.IGNORECASE):
        return True  # MLA's "Vol 28." names the volume, not the container
    if EDITION_OR_REVIEW.match(segment) or re.fullmatch(r"\([^\W\d_A-Z][^()]*\)", segment):
        return True  # ... or a note in brackets: "(unpublished)", "(spanisch, unpubliziert)"
    if re.match(r"\d+(?:st|nd|rd|th)\s+Cong(?:ress|\.)", segment):
        return True  # the Congress and session a document of it belongs to: "107th Cong. 1st sess"
    if _PAGES.match(segment) or _PINPOINT.fullmatch(segment):
        return True  # a pinpoint after a book's imprint: "(New York: Harbor Press, 2015), pp. 45-47", "ch. 3"
    if MEDIUM_MARK.match(segment):
        return True  # APA's format description on its own: "Title. [Video]. YouTube."
    return bool(re.fullmatch(rf"\[?(?:{MEDIUM_WORDS})\]?", segment, re.IGNORECASE))


# Harvard's medium before the site ("[online] harbour.org"), a serial's ISSN after its name ("(ISSN: 1234-5678)").
_LEADING_MEDIUM = re.compile(rf"^\[(?:{MEDIUM_WORDS})\]\s*", re.IGNORECASE)
_ISSN = re.compile(r"\s*\(?\bE?-?ISSN:?\s*\d{4}\s*[-–]\s*\d{3}[\dXx]\)?", re.IGNORECASE)


def trim_details(name: str) -> str:
    name = _ISSN.sub("", _LEADING_MEDIUM.sub("", name.strip(" ,.;:")))
    name = MEDIUM_MARK.sub("", name.strip(" ,.;:"))  # Vancouver's "Advances in wool technology [Internet]"
    trimmed = MEDIUM_MARK.sub("", DETAILS_TAIL.sub("", name).strip(" ,.;:"))  # "The Times [online], 3 May"
    return trimmed or name.strip(" ,.;:")


_BRACKETED_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
# The volume before the number a bracketed year follows: "10, 265 (1977)" (a page) or "12, no. 3 (2019)" (an issue).
_NUMBER_BEFORE = re.compile(r"(?<![\d.])(?P<volume>\d{1,4})(?:,\s*|,?\s*(?P<issue_mark>(?i:no|nr|issue)\.?)\s*)$")


_ARTICLE_NUMBER = re.compile(r"(?:(?<![\d/])(?P<volume>\d{1,4})(?:\(\d{1,4}\))?,\s*)?\bArticle\s+(?:No\.\s*)?"
                             r"(?P<number>[A-Za-z]?\d[\w.-]*)")


def serial_numbers(text: str) -> dict:
    """Volume, issue and pages from "33(2), 40-65", "vol. 26, no. 14, pp. 1911–15" or "33:10: 2265"."""
    found: dict = {}
    volume_before = None
    text = _ISSN.sub("", text)  # "(ISSN: 2208–2387)" is no page range
    match = re.search(r"\bvol(?:ume)?\.?\s*(\d+)", text, re.IGNORECASE) or re.search(
        r"(?<![\d/])(\d{1,4})\s*\((\d{1,4}(?:[-–]\d+)?)\)", text
    )
    if match:
        found["volume"] = match[1]
        # Chicago's "Harbour Review 3 (2016): 4-9" brackets the year where APA's "3(2)" brackets the issue,
        # and the sciences' "J. Harb. Res. 10, 265 (1977)" the year after the volume and the page.
        bracketed_year = match.lastindex and match.lastindex > 1 and _BRACKETED_YEAR.fullmatch(match[2])
        before = bracketed_year and _NUMBER_BEFORE.search(text[: match.start(1)])
        if before and before["issue_mark"]:  # Chicago's "12, no. 3 (2019): 45-60": volume, issue, year
            found.update(volume=before["volume"], issue=match[1])
        elif before:
            volume_before = before
            found.update(volume=before["volume"], page=match[1])
        elif match.lastindex and match.lastindex > 1 and not bracketed_year:
            found["issue"] = match[2]
    issue = re.search(r"\b(?:no|nr|issue)\.?\s*(\d+)", text, re.IGNORECASE)
    if issue:
        found["issue"] = issue[1]
    article = _ARTICLE_NUMBER.search(text)
    if article:  # APA's "Port Science, 4, Article e1023": an online journal numbers articles, not pages
        found["number"] = article["number"]
        if article["volume"] and "volume" not in found:
            found["volume"] = article["volume"]
    pages = re.search(r"\bpp?\.\s*(\d+\s*[-–]\s*\d+|\d+)", text) or re.search(
        r"[:,]\s*(\d+\s*[-–]\s*\d+)\b", text
    )
    if pages and not volume_before:
        found["page"] = re.sub(r"\s+", "", pages[1]).replace("–", "-")
    colon = re.search(r"(?<![\d.])(\d{1,4}):(\d{1,3}):\s*(\w?\d+)", text)
    if colon and "volume" not in found:
        found.update(volume=colon[1], issue=colon[2], page=found.get("page", colon[3]))
    before_pages = VOLUME_BEFORE_PAGES.search(text)
    if before_pages and "volume" not in found:
        found["volume"] = before_pages["volume"] or before_pages["volume_before_pages"]
    return found
