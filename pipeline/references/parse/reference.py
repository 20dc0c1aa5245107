"""Parsing one bibliography string (Harvard, APA, Chicago, MLA, Vancouver, bare URL) into CSL-JSON.

The parser is rule based and reads a reference in the order styles write it: locators (URL, DOI,
access note) are cut out first; a government or legal reference (a bill, law, code, case, CRS
report, floor statement, letter: legal.py) is read by its own rules; otherwise the author list,
the date that follows it, the title (quoted or the first sentence) and the container or publisher
after the title.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache

from pipeline.references.parse.authors.extent import find_author_end
from pipeline.references.parse.authors.names import parse_names
from pipeline.references.parse.authors.words import QUOTE_OPENERS
from pipeline.references.parse.container import (
    LOCATION_PUBLISHER,
    NEWS_WORDS,
    ONLINE_WORDS,
    THESIS,
    read_container,
    trim_details,
)
from pipeline.references.parse.government.legal import parse_government
from pipeline.references.parse.imprint import (
    byline_authors,
    find_imprint,
    imprint_fields,
    issuing_body,
    names_institution,
    publisher_as_author,
    read_note_tail,
)
from pipeline.references.parse.kinds import REPORT_KINDS
from pipeline.references.parse.locators import extract_locators
from pipeline.references.parse.places import is_place, split_trailing_place
from pipeline.references.parse.roles import site_author_as_container
from pipeline.references.parse.segments import top_level_parts
from pipeline.references.parse.shapes.clippings import parse_clipping
from pipeline.references.parse.shapes.fields import parse_fields
from pipeline.references.parse.shapes.runon import parse_run_on
from pipeline.references.parse.shapes.webpage import bare_url_reference
from pipeline.references.parse.title import clean_title, split_title, strip_trailing_year
from pipeline.text.dates import MONTH_PATTERN, YEAR, find_date, first_date, stated_date
from pipeline.text.designations import leading_designation, number_is_designated

# The number or bullet a reference list puts before an entry: "[12]", "(12)", "12.", "12)", "• ". A number
# needs a space after it, and a bare one ("12 Smith") a capital or a quote, so "12.5 million" and
# "3 ways to ..." keep theirs.
_LIST_MARKER = re.compile(
    r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)](?=\s)|\d{1,4}\s(?=[A-Z“\"]))\s*|^[\s·•*–-]+"
)
# The date an author-date style puts right after the authors: "(2016, March 22).", "2015a.", "(n.d.)".
# Wikipedia's citation templates write the whole date there: "(12 March 2024)", "(March 12, 2024)".
# A span of years after the first: "2019-2020", and a financial or academic year, "2019/20", "1977/78".
_YEAR_SPAN = rf"(?:[–-]{YEAR}|[–/-]\d{{2}}(?!\d))"
_PAREN_DATE_AFTER_AUTHORS = re.compile(
    rf"^[\s,.:]*\(\s*(?:(?:\d{{1,2}}\.?\s+)?(?:{MONTH_PATTERN})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?"
    rf"(?P<year>{YEAR})[a-z]?{_YEAR_SPAN}?(?P<more>[^()]*)\)[.,:;]?",
    re.IGNORECASE,
)
_DATE_AFTER_AUTHORS = re.compile(rf"^[\s,.:]*(?P<year>{YEAR})[a-z]?{_YEAR_SPAN}?(?=[\s.,:;]|$)[.,:;]?")
_NO_DATE = re.compile(r"^[\s,.]*\(?\s*(?:n\.\s?d|s\.\s?d|o\.\s?J)\.?\s*\)?[.,:]?", re.IGNORECASE)
_EDITION_AFTER_TITLE = re.compile(
    r"\s*\((?P<number>\d+)(?:st|nd|rd|th)?\.?\s+(?:ed|edn|edition|éd|aufl|auflage)\.?\)$", re.IGNORECASE
)
_NUMBER_AFTER_TITLE = re.compile(
    r"\s*\((?P<genre>(?:[^\W\d_][\w-]*\s+){0,3}?(?:report|paper|brief|note|bulletin|memo|series|publication)s?)[,\s]+"
    r"(?:no\.?|nr\.?|number|#)?\s*(?P<number>[A-Z]{0,4}[-\s]?\d[\w./-]*|[A-Z][\w/-]*(?:\s[A-Z][\w/-]*)?[-\s]\d[\w./-]*)\)$",
    re.IGNORECASE,
)
# A document code in brackets closing a title: a short series mark and a number of three digits or more, or
# numbers joined by a slash ("(CP 338)", "(Cm.6020)", "(A71/10)"); "(COVID-19)" or "(H1N1)" name no document.
_CODE_AFTER_TITLE = re.compile(r"\s*\((?P<number>[A-Z][A-Za-z]{0,2}[.\s-]?(?:\d*\d{3}|\d+/\d+)[\w./-]*)\)$")
# The short form a note announces for later notes: "(hereinafter OMB, Technical Supplement)", one bracket deep.
_HEREINAFTER = re.compile(r"\s*[(\[]hereinafter\b[^()\[\]]*(?:\([^()]*\)[^()\[\]]*)*[)\]]", re.IGNORECASE)
_EDITION_BEFORE_IMPRINT = re.compile(  # "3rd ed.", or Chicago's editor or translator: ", ed. Ann Lee"
    r",?\s*(?:(?:\d+(?:st|nd|rd|th|d)|rev\.?|revised|new)\s+ed(?:ition|n)?\.?|(?:ed|eds|trans)\.\s+[A-Z][^,()]*)$",
    re.IGNORECASE,
)
_VOLUME_BEFORE_IMPRINT = re.compile(r",?\s*\b(?:vol|volume)\.?\s+(?P<volume>\d{1,3}|[IVXLC]{1,6})$", re.IGNORECASE)
_REPORT_WORDS = re.compile(rf"\b(?:{REPORT_KINDS})\b", re.IGNORECASE)
# APA's bracketed description of a report after its title: "[Policy brief]", "[Technical report]".
_BRACKETED_KIND = re.compile(rf"\[(?P<kind>(?:[^\W\d_][\w-]*\s+){{0,2}}?(?:{REPORT_KINDS}))\]", re.IGNORECASE)
# A space typed before a comma or full stop ("WHO . Title", "Cohen J , Kupferschmidt K .") or inside brackets
# ("( 2018 )"): export tools and hand-typed lists leave it; the punctuation belongs to the word before.
# A social-media handle after the author's name, APA's "Lee, A. [@annlee]." and Chicago's "Ann Lee
# (@annlee),", which names no one else.
_SOCIAL_HANDLE = re.compile(r"\s(?:\[@[\w.]{1,40}\]|\(@[\w.]{1,40}\))")
_SPACE_BEFORE_MARK = re.compile(r"(?<=[\w)\]])\s+([.,;])(?=\s|$)")
_SPACE_INSIDE_BRACKETS = re.compile(r"\(\s+(?=\S)|(?<=\S)\s+\)")


def parse_reference(raw: str) -> dict:
    """A CSL-JSON item (without id) for one reference string; never raises, whatever the input."""
    if not isinstance(raw, str):
        raw = "" if raw is None else str(raw)
    return copy.deepcopy(_parsed(raw))  # a copy: the caller may change its item, never the cache's


# Seeds cite the same works in the same words (a shard of 58 synthetic seeds: 358 entries, 116
# strings), and parsing one is a pure function of its string (the parsers keep no state but caches
# of pure functions), so a string is parsed once a process; the copy costs a few per cent of a parse.
@lru_cache(maxsize=8192)
def _parsed(raw: str) -> dict:
    try:
        return _parse(raw)
    except Exception:  # noqa: BLE001 — a malformed reference must not stop a whole bibliography
        return {"raw": raw, "type": "document", "title": " ".join(raw.split())}


def strip_list_marker(text: str) -> str:
    """The reference without the number or bullet its list printed before it ("[3] Smith, J." -> "Smith, J.").
    The number that opens "42 U.S.C. §1983" or "603 U.S. 369" is the designation's own."""
    if leading_designation(text.strip()):
        return text
    return _LIST_MARKER.sub("", text)


def _parse(raw: str) -> dict:
    text = strip_list_marker(" ".join(raw.replace("\u00ad", "").split()))
    text = _SPACE_INSIDE_BRACKETS.sub(lambda mark: mark.group().strip(), _SPACE_BEFORE_MARK.sub(r"\1", text))
    item: dict = {"raw": raw}
    located = extract_locators(_SOCIAL_HANDLE.sub("", _HEREINAFTER.sub("", text)))
    if (page := bare_url_reference(located)) is not None:
        return {**item, **page}
    government = parse_government(located.rest)
    if government:
        _fill(item, authors=[], title="", issued=None, located=located, container={})
        return {**item, **government}
    clipping = parse_clipping(text)
    if clipping:
        return {**item, **clipping, "type": "article-newspaper"}
    fields = parse_fields(text)
    if fields:
        return {**item, **fields}
    run_on = parse_run_on(located.rest)
    if run_on:
        _fill(item, authors=[], title="", issued=None, located=located, container={})
        return {**item, **run_on}
    body = located.rest
    author_end = find_author_end(body)
    authors = parse_names(body[:author_end])
    comma_style = body[:author_end].rstrip().endswith(",")
    body = body[author_end:]
    issued, body = _date_after_authors(body, located.rest[:author_end])
    title, after_title = split_title(body, comma_style=comma_style and not issued)
    title, after_title = _container_before_medium_mark(title, after_title, text)
    imprint = find_imprint(title)
    if imprint:  # "House Practice (GPO, 2024), ch. 34": a book's imprint in brackets closes its title
        title, after_title = _EDITION_BEFORE_IMPRINT.sub("", imprint.before), imprint.after + after_title
        title, book_volume = _volume_out_of_title(title)
    tail: dict = {}
    if comma_style and not _starts_with_quote(body):  # "Author, Title, Issuing Body, July 1999, p. 4."
        title, tail, tail_date = read_note_tail(title)
        issued = issued or tail_date
    title, title_year = (clean_title(title), None) if _starts_with_quote(body) else strip_trailing_year(title)
    container = read_container(after_title, quoted=_starts_with_quote(body))
    if imprint:
        container.update(imprint_fields(imprint), **book_volume)
        title_year = title_year or imprint.date
    for key, value in tail.items():
        container.setdefault(key, value)
    described = _BRACKETED_KIND.search(body[: len(body) - len(after_title)] if after_title else body)
    if described:  # APA's "Harbour finance [Policy brief]. Harbour Institute.": what the work is
        container.setdefault("genre", described["kind"])
    _publisher_out_of_container(container)
    title = _edition_out_of_title(_publisher_out_of_title(title, container), container)
    title = _thesis_out_of_title(_number_out_of_title(title, container), container)
    if not title and authors and not container.get("name"):
        title, authors = _zone_as_title(located.rest, author_end), []
    elif _imprint_after_a_name(title, authors):  # "Annual Survey of Ports. London: Harbour Press. 2019."
        for key, value in read_container(title, quoted=False).items():
            container.setdefault(key, value)
        title, authors = _zone_as_title(located.rest, author_end), []
    issued = _more_precise(issued, after_title) or title_year or first_date(after_title)
    if not issued and comma_style and authors:  # "R.C. Eslinger, J.W. Scott, Math Horizons, 1996, 3, 25."
        issued = stated_date(title)
    authors = publisher_as_author(byline_authors(authors, container), container)
    site_author_as_container(authors, container)
    _fill(item, authors=authors, title=title, issued=issued, located=located, container=container)
    item["type"] = _guess_type(item, container)
    _issuer_as_publisher(item)
    return item


def _issuer_as_publisher(item: dict) -> None:
    """ "Title (Report No. 24-17). Harbour Institute.", "working paper, Harbour Institute, May 2022": the
    institution named after a report's title issued it; it is the report's publisher, not a container."""
    issuer = item.get("container-title", "")
    if item["type"] == "report" and "publisher" not in item and names_institution(issuer):
        item["publisher"] = item.pop("container-title")


def _container_before_medium_mark(title: str, after_title: str, text: str) -> tuple[str, str]:
    """ "Le portrait du quartier, La Gazette+ [en ligne (3 mai 2016) : http://...]": ISO 690 puts the medium
    designation right after the serial's title, so when nothing follows the title sentence but a short
    capitalised last comma part stands right before "[online" / "[en ligne", that part is the container."""
    if after_title.strip(" .,;:") or ", " not in title:
        return title, after_title
    head, last = title.rstrip(" .,;:").rsplit(", ", 1)
    if not last[:1].isupper() or len(last.split()) > 4 or len(head.split()) < 2:
        return title, after_title
    if not re.search(re.escape(last) + rf"\s*\[\s*(?:{ONLINE_WORDS})\b", text, re.I):
        return title, after_title
    return head, last


def _more_precise(issued: list[int] | None, after_title: str) -> list[int] | None:
    """Chicago author-date gives the year after the authors and the full date later ("2019. “Title.” The
    Delta Times, May 3, 2019."): the later date of the same year is the more precise one."""
    if not issued or len(issued) > 1:
        return issued
    later = first_date(after_title)
    return later if later and later[0] == issued[0] and len(later) > 1 else issued


def _publisher_out_of_container(container: dict) -> None:
    """ "Field Notes, U.S. Bureau of Harbor Statistics (BHS)": a serial named with its issuing body after
    a comma; the body is the publisher."""
    if not container.get("name") or container.get("publisher") or ", " not in container["name"]:
        return
    parts = top_level_parts(container["name"])
    publisher = issuing_body(parts)
    if publisher and not names_institution(", ".join(parts)):  # "Center for X, Northwestern University" is one
        container.update(name=", ".join(parts), publisher=publisher)


def _publisher_out_of_title(title: str, container: dict) -> str:
    """ "Darwin’s Black Box: The biochemical challenge, Simon & Schuster, New York" (a book in one sentence):
    a known place closing the title, after a comma, marks the comma part before it as the publisher."""
    rest, place = split_trailing_place(title)
    if not place or "," not in rest or container.get("publisher"):
        return title
    title, publisher = rest.rsplit(",", 1)
    container.update({"publisher": publisher.strip(), "publisher-place": place})
    return title.strip(" ,")


def _volume_out_of_title(title: str) -> tuple[str, dict]:
    """ "Harbours and Empire, vol. 2" before a book's imprint: the title, and the volume of it."""
    volume = _VOLUME_BEFORE_IMPRINT.search(title)
    return (title[: volume.start()], {"volume": volume["volume"]}) if volume else (title, {})


def _edition_out_of_title(title: str, container: dict) -> str:
    """APA writes the edition after the title in parentheses: "Deep tide models (2nd ed.)"."""
    edition = _EDITION_AFTER_TITLE.search(title)
    if not edition:
        return title
    container["edition"] = edition["number"]
    return title[: edition.start()].rstrip(" .,")


def _number_out_of_title(title: str, container: dict) -> str:
    """APA writes a report's number after its title in parentheses: "Ports in conflict (Report No. 245)", or
    the document's code alone: "Skills for jobs (CP 338)", "Health and climate (A71/10)"."""
    numbered = _NUMBER_AFTER_TITLE.search(title)
    if not numbered:
        code = _CODE_AFTER_TITLE.search(title)
        if code:
            container.setdefault("number", code["number"])
            return title[: code.start()].rstrip(" .,")
        return title
    container.setdefault("genre", numbered["genre"])
    container["number"] = numbered["number"]
    return title[: numbered.start()].rstrip(" .,")


def _thesis_out_of_title(title: str, container: dict) -> str:
    """APA 7 describes a thesis in brackets after its title: "Tidal mills [PhD thesis, University of Leeds]"."""
    bracket = re.search(r"\s*\[([^\[\]]+)\]$", title)
    thesis = THESIS.match(bracket[1]) if bracket else None
    if not thesis:
        return title
    container.update(genre=thesis["genre"], publisher=trim_details(thesis["body"]))
    return title[: bracket.start()].rstrip(" .,")


def _starts_with_quote(text: str) -> bool:
    text = text.lstrip(" ,.:")
    return bool(text) and text[0] in QUOTE_OPENERS


# Words for a kind of work, which end a title and never a person's name.
_WORK_NOUN = re.compile(r"Survey|Yearbook|Almanac|Handbook|Atlas|Directory|Outlook|Census|Gazetteer|Statistics|Review")


def _imprint_after_a_name(title: str, authors: list[dict]) -> bool:
    """A "title" that is only a place, or a known place and a publisher, after a one-name "author": the
    name was the title of a work with no author, and what followed it is its imprint. (A "name" of
    several sentences is an author zone that ran on past the title, not a title.) So is a one-person
    "author" whose family name is a word for a kind of work ("Tidewater Shipping Survey")."""
    person = authors[0] if len(authors) == 1 and _WORK_NOUN.fullmatch(authors[0].get("family", "")) else None
    literal = authors[0].get("literal") if len(authors) == 1 else None
    literal = literal or (person and " ".join(filter(None, (person.get("given"), person["family"]))))
    if not literal or ". " in literal:
        return False
    located = LOCATION_PUBLISHER.match(title)
    return is_place(title) or bool(located and is_place(located["place"]))


def _zone_as_title(rest: str, author_end: int) -> str:
    """When nothing follows the "authors", they were a title all along ("Protein Classes. http://...")."""
    return rest[:author_end].strip(" .,;:")


def _date_after_authors(body: str, authors: str = "") -> tuple[list[int] | None, str]:
    """The date right after the author list; not a number the authors' zone labels ("S. 2093")."""
    match = _PAREN_DATE_AFTER_AUTHORS.match(body) or _DATE_AFTER_AUTHORS.match(body)
    if match and number_is_designated(authors + body, len(authors) + match.start("year")):
        match = None
    if not match:
        undated = _NO_DATE.match(body)
        return None, body[undated.end() :] if undated else body
    parts = [int(match["year"])]
    more = find_date(match.group().strip(" ,.:;()"))
    if more and more[0][0] == parts[0] and len(more[0]) > 1:
        parts = more[0]
    return parts, body[match.end() :]


def _fill(item: dict, *, authors: list, title: str, issued, located, container: dict) -> None:
    if authors:
        item["author"] = authors
    if title:
        item["title"] = title
    if issued:
        item["issued"] = {"date-parts": [issued]}
    if container.get("name"):
        item["container-title"] = container["name"]
    for key in ("publisher", "publisher-place", "genre", "edition", "number", "volume", "issue", "page"):
        if container.get(key):
            item[key] = container[key]
    if located.url:
        item["URL"] = located.url
    if located.doi:
        item["DOI"] = located.doi
    if located.accessed:
        item["accessed"] = {"date-parts": [located.accessed]}


_MEETING = re.compile(r"\b(?:Proc(?:eedings|\.)|Conference|Congress\s+on|Symposium|Workshop|Colloquium|Meeting)\b",
                      re.IGNORECASE)
_PERIODICAL = re.compile(r"\b(?:Journal|Bulletin|Transactions|Review|Annals|Letters|Series|Newsletter|Magazine)\b",
                         re.IGNORECASE)


def _guess_type(item: dict, container: dict) -> str:
    if container.get("chapter"):
        return "chapter"
    if re.search(r"thesis|diss(?:ertation|\.)", container.get("genre", ""), re.IGNORECASE):
        return "thesis"
    if _REPORT_WORDS.search(container.get("genre", "")):
        return "report"
    if item.get("container-title") and ("volume" in item or "page" in item and "issue" in item):
        return "article-journal"
    if item.get("container-title") and NEWS_WORDS.search(item["container-title"]):
        return "article-newspaper"
    if item.get("publisher"):  # a book has an ISBN, not a number of its publisher's series
        numbered = item.get("URL") or item.get("number") or _REPORT_WORDS.search(item.get("title", ""))
        return "report" if numbered else "book"
    if item.get("URL"):
        return "webpage"
    if item.get("number") and not item.get("container-title"):
        return "report"  # "Agency, Title, GAO-21-123, May 2021": a numbered document of its issuer
    if not item.get("container-title"):
        return "document"
    # A title in a container that is neither a journal's issue nor news: a paper of a conference's
    # proceedings, a piece of a periodical, an institution's paper (its publisher, _issuer_as_publisher),
    # else a piece of a magazine, site or series. Never CSL's "article", which styles print as a
    # preprint ("In Harbour Institute. Preprint").
    container = item["container-title"]
    if _MEETING.search(container):
        return "paper-conference"
    if names_institution(container) and not _PERIODICAL.search(container):
        return "report"
    return "article-magazine"
