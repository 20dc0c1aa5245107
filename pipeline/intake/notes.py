"""A document's notes: which cite a work (and so yield a reference) and which only explain.

A note cites when it carries what a citation is made of: a URL or DOI, a quoted title, a
"see"/"cf." pointer, a back-reference ("Ibid.", "op. cit."), a report, law or case designation, a
date in citation form, "by <Name>" after a title, a pinpoint after a comma ("..., p. 23", "..., pp.
5-6", "..., c. 12v"), or the shape of a humanities citation: names, a title, then a place and a
year ("SURNAME, F., Title words, Venice, 1581, p. 4"); in a short note also an imprint alone
("..., Venezia 1581", "(Florence: Sansoni, 1963)"), an editor's mark ("a cura di", "edited by",
"(ed.)"), a chronology's year before the names ("1581 Surname F., Title, Place"), a journal's volume,
issue and pages ("1997; 124:2709-18", "32(4):584") or an author as bibliographies print one opening
the note ("Shimamura K, ...", "A. J. Hariton, ...", "Watts, D., ...") with a year. A note with
none of them ("Harbor mines are devices that ...") explains: it is kept and shown, never made a
source.
"""

from __future__ import annotations

import re

from pipeline.text.designations import KINDS as DESIGNATIONS
from pipeline.text.designations import leading_designation
from pipeline.text.titlecase import in_title_case

URL = re.compile(r"https?://[^\s<>\"')\]]+|\bdoi:\s*10\.\d{4,9}/\S+|\bwww\.[a-z0-9-]+\.[a-z]{2,}\S*", re.IGNORECASE)
CITATION_SIGNS = [
    re.compile(r"[“\"«„][^”\"»“]{8,}[”\"»“]"),  # a quoted title
    re.compile(r"(?:^|[.;]\s+|\()(?:see|cf\.|vgl\.|voir|véase|siehe)\b", re.IGNORECASE),
    re.compile(r"\b(?:ibid|ibidem|op\.\s*cit|loc\.\s*cit|id\.)(?:\W|$)", re.IGNORECASE),
    re.compile(r"\b(?:report|working paper|brief|testimony|hearing|press release|memorandum|letter)\s+"
               r"(?:no\.\s*)?[A-Z]{0,5}[-\s]?\d", re.IGNORECASE),
    re.compile(r"\b(?:P\.\s?L\.|Pub\.\s?L\.|U\.S\.C\.|C\.F\.R\.|Stat\.|Cong\.\s?Rec\.|Fed\.\s?Reg\.)\s*\d"),
    re.compile(r"\b[A-Z][\w.'-]+\s+v\.\s+[A-Z]"),  # a case name
    # a volume, a series and a page of published law or its record, as designations.py reads them:
    # "171 Cong. Rec. S1200", "89 Fed. Reg. 12345", "603 U.S. 369"
    re.compile("|".join(DESIGNATIONS[kind] for kind in ("statute", "us_code", "cfr", "federal_register",
                                                         "congressional_record", "reporter"))),
    re.compile(r"\b(?:H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.)\s?\d{1,5}\b"),  # a bill
    re.compile(r"\(\s*(?:\d{1,2}\s+)?(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2},\s+)?(?:1[6-9]|20)\d\d[a-z]?\s*\)"),
    re.compile(r",\s+(?:by|edited by|coordinated by)\s+[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z]"),
    re.compile(r"\b(?:accessed|retrieved|abgerufen|consulté)\b", re.IGNORECASE),
]
# A year beside a run of capitalised words: a title or an institution's name ("Annual Report 2023",
# "Ministry of Defence, 2021").
YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")
TITLE_PHRASE = re.compile(r"\b[A-Z][\w'’-]+(?:,?\s+(?:(?:of|the|and|for|on|in|to|a|an|de|la)\s+)*[A-Z][\w'’-]+){2,}")

# The humanities order: the author (an initial beside a surname, or a surname in capitals), a title
# opening with a capital or a quotation mark, then the imprint: an optional place and the year, where
# the citation or its page reference ends. Running text rarely opens with an initialled name and a
# comma and closes a clause on a bare year.
_SURNAME = r"[A-ZÀ-Þ][\w'’-]+"
_INITIALS = r"(?:[A-ZÀ-Þ][a-z]?\.\s*(?:-\s*[A-Z]\.\s*)?){1,3}"
_NAME_WORD = r"[A-ZÀ-Þ][a-zà-ÿ'’-]+"
_PERSON = (rf"(?:{_SURNAME},?\s+{_INITIALS}|{_INITIALS}\s*{_SURNAME}|[A-ZÀ-Þ]{{2}}[A-ZÀ-Þ'’-]+"
           rf"(?:,?\s+[A-ZÀ-Þ][a-zà-ÿ]+)?|{_NAME_WORD}(?:\s+{_NAME_WORD}|\s+[A-ZÀ-Þ]{{2,}})?(?:\s+\([^()]{{2,30}}\))?)")
_NAMES = rf"{_PERSON}(?:\s*(?:,|-|–|\be\b|\band\b|\bet\b|\bund\b)\s*{_PERSON}){{0,3}}"
# The year stands where an imprint puts it: after a comma or bracket, or after a place's name.
HUMANITIES_CITATION = re.compile(
    rf"^[\W\d]{{0,4}}{_NAMES}\s*[,:.]\s+[«\"“‘(]?\s*[A-ZÀ-Þ][\w'’-]*\s+[\w'’-]+[^;]{{0,300}}?"
    r"(?:[,(]\s*(?:[A-ZÀ-Þ][\w'’-]+\s*[,:]?\s*)?|\s[A-ZÀ-Þ][\w'’-]+\s*,?\s*)(?:1[5-9]|20)\d\d"
    r"(?:\s*[,;.:)\]]|\s*$|\s+p)")
# A chronology's entry: the year, then the names and a title ("1581 Surname F., Title, Place.").
YEAR_FIRST = re.compile(rf"^(?:1[5-9]|20)\d\d[-–.]?\s+{_NAMES}\s*[,:.]\s+[«\"“‘(]?[A-ZÀ-Þ]")
MAX_CITATION_WORDS = 60  # a note longer than this cites by its signs, not by its shape
_YEAR = r"(?:1[5-9]|20)\d\d(?!\d)"
# Where a work is cited, not what it is about: a page, leaf, column or volume after a comma.
PINPOINT = re.compile(r",\s+(?:pp?|cc?|ff?|pag|pagg|fol|foll|col|vol)\.\s*[A-Z]?\d", re.IGNORECASE)
# A place's name then the year, as an imprint prints them; a month before a year is a date, not a place.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_PLACE = rf"(?!(?:{_MONTHS})\b)[A-ZÀ-Þ][a-zà-ÿ'’-]{{2,}}(?:[-–/][A-ZÀ-Þ][a-zà-ÿ'’-]+)*"
IMPRINT = re.compile(
    rf"[,(]\s*{_PLACE}\s*[,:]?\s+\(?{_YEAR}"  # "..., Venezia 1581", "(Venice, 1581"; not "Since 2019, ..."
    rf"|\.\s+{_PLACE},\s+{_YEAR}\s*(?:[.;,)]|$)"  # "... Moyen Age. Paris, 1880."
    rf"|\b{_PLACE}:\s+[A-ZÀ-Þ][\w'’.&-]*(?:\s+[\w'’.&-]+){{0,3}},\s+{_YEAR}")  # "Florence: Sansoni, 1963"
# Where an article is cited in a journal: volume, issue and pages as journals print them, "124(3):
# 2709-18", "1997; 124:2709", "2000;2:48", "70:150-3" (never a clock time, "10:30-11:00").
JOURNAL_LOCATOR = re.compile(
    r"\b\d{1,4}\s*\(\s*[\w/-]{1,7}\s*\)\s*[:,]\s*[A-Za-z]?\d+"
    rf"|\b{_YEAR}[a-z]?\s*;\s*\d{{1,4}}\s*(?:\([\w/-]{{1,7}}\))?\s*:\s*[A-Za-z]?\d+"
    r"|(?<![:\d])\b\d{1,4}\s*:\s*[A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+\b(?!\s*:)")
# An author as bibliographies print one, opening the note: "Shimamura K, ...", "Holst M.", "A. J. Hariton,",
# "Watts, D.,", "Losurdo G et al"; with a year in the note, the note cites that author's work.
AUTHOR_LEAD = re.compile(
    rf"^(?:{_SURNAME}(?:\s{_SURNAME})?\s[A-Z]{{1,3}}(?:\s[A-Z]){{0,2}}(?:[,.:]|\s+et\s+al\b|\s+and\s)"
    rf"|(?:[A-Z]\.\s?(?:-\s?[A-Z]\.\s?)?){{1,3}}\s?{_SURNAME},"
    rf"|{_SURNAME},\s+(?:[A-Z]\.\s?(?:-\s?[A-Z]\.\s?)?){{1,3}}[,;&(]?\s)")
EDITOR = re.compile(r"\b(?:a cura di|edited by|ed\. by|hrsg\. v(?:on)?|sous la direction de|éd\. par)\s+[A-ZÀ-Þ]"
                    r"|\((?:ed|eds|éd|hrsg|a cura di)\.?\)", re.IGNORECASE)


def note_urls(text: str) -> list[str]:
    return [url.rstrip(".,;:") for url in URL.findall(text)]


def cites_a_work(text: str) -> bool:
    if URL.search(text) or any(sign.search(text) for sign in CITATION_SIGNS):
        return True
    if YEAR.search(text) and TITLE_PHRASE.search(text) or PINPOINT.search(text):
        return True
    if len(text.split()) > MAX_CITATION_WORDS:
        return False
    if JOURNAL_LOCATOR.search(text) or AUTHOR_LEAD.match(text) and YEAR.search(text):
        return True
    return any(shape.search(text) for shape in (HUMANITIES_CITATION, IMPRINT, EDITOR, YEAR_FIRST))


def note_entry(note: dict) -> dict:
    """The clean document's note: number, plain text, the URLs in it, and whether it cites."""
    text = " ".join(str(note["text"]).split())
    return {"number": int(note["number"]), "text": text, "urls": note_urls(text), "cites": cites_a_work(text)}


def citing_notes_as_references(notes: list[dict], references: list[dict]) -> list[dict]:
    """The references, with each citing note added under its number unless the list has that number."""
    taken = {reference["number"] for reference in references}
    added = [{"number": note["number"], "raw": note["text"]} for note in notes
             if note["cites"] and note["number"] not in taken]
    return references + added


def links_as_references(links: list[dict], references: list[dict]) -> list[dict]:
    """Each inline link a reference to the linked page under its marker's number: its URL, after the
    link text where that names the work ("19 U.S.C. § 2132. https://..."), so the references stage
    reads it as a title; else the URL alone (a webpage, whose title the citation may not know)."""
    taken = {reference["number"] for reference in references}
    return references + [{"number": link["number"], "raw": link_citation(link)} for link in links
                         if link["number"] not in taken]


# Words a link's text opens with where it is the sentence's words about a source, not a work's name.
_ATTRIBUTION = frozenset("according as per via see citing reported says said told".split())


def link_citation(link: dict) -> str:
    text = " ".join(str(link.get("text") or "").split()).strip(" .,;:")
    return f"{text}. {link['url']}" if text and names_a_work(text) else link["url"]


def names_a_work(text: str) -> bool:
    """Whether a link's text names the linked work as a title does: a designation ("19 U.S.C. § 2132",
    "P.L. 119-21"), or three words or more in title case ("Section 122 of the Trade Act of 1974",
    "Global Agricultural Trade System"); not the words of the sentence the link sits on ("authorizing",
    "lasted 127 days", "large and persistent trade deficits", "According to the Department of Defense"), nor
    a name alone ("President Trump")."""
    found = leading_designation(text)
    if found and found[1].end() >= len(text) - 1:
        return True
    words = [word.strip("()[]“”\"'‘’,.:;") for word in text.split()]
    return (3 <= len(words) <= 25 and words[0][:1].isupper() and words[0].lower() not in _ATTRIBUTION
            and in_title_case(words))
