"""Where a reference's title ends: a quoted title, or the first sentence with the sentences that go on
with it (subtitles, a document kind, a reviewed work), cut short at an imprint, a "; " or a ", in"; then
the date, medium mark and description notes that close a title taken off it."""

from __future__ import annotations

import re

from pipeline.references.parse.authors.words import QUOTE_OPENERS
from pipeline.references.parse.container import (
    IN_CONTAINER,
    LOCATION_PUBLISHER,
    MEDIUM_MARK,
    NEWS_WORDS,
    PUBLISHER_WORDS,
    SERIAL_NUMBER,
    THESIS,
    container_opening,
    is_noise_segment,
    serial_numbers,
)
from pipeline.references.parse.kinds import AGENCY_REPORT_NUMBER, DESCRIPTION_KINDS, REPORT_KINDS
from pipeline.references.parse.places import PLACE_THEN_PUBLISHER
from pipeline.references.parse.roles import SITE_WORDS, closing_imprint
from pipeline.references.parse.segments import (
    MONTH_DAY_END,
    reference_sentences,
    search_outside_brackets,
    top_level_parts,
)
from pipeline.text.cslfields import STOPWORDS
from pipeline.text.dates import MONTH_PATTERN, YEAR, find_date, is_only_date

_CLOSING_QUOTE = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’", "'": "'"}
# A sentence that says what kind of document the work is ("Report to the European Environment Agency",
# "Product monograph", "Rapport 2013", "Vortrag am 24.11.2009", "Interview with ..."): at most two words
# before the kind, and never the access phrase "Document téléaccessible à l'adresse".
_DOCUMENT_KIND = re.compile(
    rf"^(?:[^\W\d_][\w-]*\s+){{0,2}}?(?:{REPORT_KINDS}|{DESCRIPTION_KINDS}|submission|memorandum|testimony|"
    r"document(?!\s+(?:t[ée]l[ée]accessible|available|disponible|accessible|retrieved)))\b",
    re.IGNORECASE,
)
# A bracketed description beside the title, not part of it: APA's "[Fact sheet]", "[Data set]", an editorial
# label "[Editorial:]" before the title. Only description words, so "[sic]" or "[Online]" stay as written.
_DESCRIPTION_NOTE = (r"\[(?:[\w-]+\s+){0,3}(?:data|file|set|sheet|brochure|editorial|video|podcast|infographic"
                     r"|map|press release|abstract|audio|image|letter|opinion|interview|transcript)s?:?\]")
_LEADING_NOTE = re.compile(rf"^{_DESCRIPTION_NOTE}\s*", re.IGNORECASE)
_TRAILING_NOTE = re.compile(rf"\s*{_DESCRIPTION_NOTE}$", re.IGNORECASE)
# A date or number after a comma, or a note in brackets, ends the document-kind sentence ("Rapport 2013,
# 2013, 117p.", "Interview durch M. Martins 2011 (spanisch, unpubliziert)").
_KIND_DETAILS = re.compile(r",\s*(?=[\d\[(])|\s+(?=\([^\W\d_A-Z])")
# The date a note writes after its title, in brackets too: "Medicaid in Iowa (Feb. 2015), available at ...", and
# Bluebook's pinpoint before it: "Report to the Congress 3 (2017)".
_TRAILING_DATE = re.compile(
    rf"(?:,\s*\(?({YEAR})\)?|,?\s+\d{{1,2}}\s+(?:{MONTH_PATTERN})\.?\s+{YEAR}|"
    rf",\s*(?:{MONTH_PATTERN})\.?\s+(?:\d{{1,2}},?\s+)?{YEAR}|"
    rf"(?:\s+\d{{1,3}})?\s*\((?:(?:{MONTH_PATTERN})\.?\s+(?:\d{{1,2}},?\s+)?)?{YEAR}\))$",
    re.IGNORECASE,
)
# "Review of <work>, by <its author>." ends at a full stop that closes no initial ("by Andrew M. Cooper.").
# How a review names the work it reviews, in the languages of the references we read.
_REVIEW_OF = (
    r"(?:review|rev\.)\s+of|rezension\s+(?:von|zu)|besprechung\s+(?:von|zu)|compte[-\s]rendu\s+d[eu]s?|"
    r"recension\s+d[eu]"
)
_REVIEW_NOTE = re.compile(rf"^[\s.,]*((?i:{_REVIEW_OF})\s.+?,\s+by\s.+?)(?<![\s.][A-Z])\.(?=\s|$)")
_REVIEW_START = re.compile(rf"^(?:{_REVIEW_OF})\b", re.IGNORECASE)
_ARTICLE_START = re.compile(
    r"^(?:(?:an?|the|une?|les?|la|ein|eine|die|der|das|el|los|las|una?)\s|l[’'])", re.IGNORECASE
)
_SEMICOLON_BREAK = re.compile(r";\s+(?=[A-Z0-9À-ÖØ-Þ])")
# A date closing a title that is the end of a range is part of the title ("1 April 2004 to 12 September 2005").
_RANGE_BEFORE = re.compile(r"(?:\bto|\buntil|\bthrough|\bbis|\bau|[-–])\s*$", re.IGNORECASE)
# A year after "Act" or "Bill" is the law's own name: "Consolidated Appropriations Act, 2026".
_ACT_BEFORE = re.compile(r"\b(?:Act|Bill)\s*$")
_CHAPTER_IN_TITLE = re.compile(r",\s+in:?\s+(?=[A-Z])")
# How a note describes a work rather than names it: "Presented at ...", "Manuscript submitted ...",
# "Unpublished thesis", "Prepared for ...": a participle among its first two words.
_DESCRIBING_VERB = re.compile(r"\b(?:[^\W\d_]+ed|unpublished|written|given|held|available|retrieved)\b",
                              re.IGNORECASE)


def split_title(body: str, comma_style: bool = False) -> tuple[str, str]:
    """The title and what follows it: a quoted title if there is one, else the first sentence.

    comma_style: the author list closed with a comma, as in notes that separate every element with one."""
    body = body.strip(" ,.:;")
    if body and body[0] in QUOTE_OPENERS:
        closed = _quoted(body)
        if closed:
            return _with_review_note(*closed)
    sentences = reference_sentences(body)
    if not sentences:
        return "", ""
    inside = _title_ending_inside(sentences[0], body) or (comma_style and _title_before_comma(sentences[0], body))
    if inside:
        return inside
    end = len(sentences[0])
    serial = "volume" in serial_numbers(body)  # a serial's next sentence is its journal, whatever its case
    for index, sentence in enumerate(sentences[1:], 1):
        after = sentences[index + 1 :] if len(body[:end].split()) <= _PROSE_TITLE_WORDS else []
        goes_on = _serial_subtitle(sentence, after) if serial else (
            _is_subtitle_sentence(sentence, after)
            or _subtitle_after_question(body[:end], sentences[index:], comma_style))
        if not goes_on:
            break
        end = body.index(sentence, end) + len(sentence)
    if not serial:
        end = _through_document_kind(body, end)
    end = _through_reviewed_work(body, end)
    return body[:end], body[end:]


def _through_reviewed_work(body: str, end: int) -> int:
    """ "Rezension von: Brandt, Häfen im Wandel. Eine Bestandsaufnahme. Kiel: Nordlicht 2019. In: ZfH
    7": a review's title cites the reviewed work in full, imprint and all; the review's own journal
    follows "In:". Without an "In" the title ends where it did."""
    if not _REVIEW_START.match(body):
        return end
    for sentence in reference_sentences(body[end:]):
        if container_opening(sentence.strip(" .,;:")):
            return body.index(sentence, end)
    return end


def _through_document_kind(body: str, end: int) -> int:
    """ "EUNIS Habitat Classification. Report to the European Environment Agency. 2004.": a sentence that
    says what kind of document the work is describes the title, it is not a journal or site, so the title
    runs through it, and through one plain sentence between them ("Services et programmes d'études.
    Formation générale des adultes. Document administratif.") that names no publisher or news outlet."""
    following = reference_sentences(body[end:].lstrip(" .,;:"))[:2]
    for index, sentence in enumerate(following):
        kind = _DOCUMENT_KIND.match(sentence.strip(" .,;:"))
        if kind and SERIAL_NUMBER.fullmatch(sentence.strip(" .,;:")[kind.end() :].strip()):
            break  # "Report 12.": a numbered series the work belongs to, read with the container
        if kind:
            described = _before_imprint(_KIND_DETAILS.split(sentence, maxsplit=1)[0])
            return body.index(described, end) + len(described.rstrip(" .,;:"))
        if index or not _plain_sentence(sentence.strip(" .,;:")):
            break
    return end


def _before_imprint(described: str) -> str:
    """A document's kind without the imprint a comma puts after it: "Report to Congress, Washington: Harbour
    Research Service" -> "Report to Congress"."""
    parts = described.split(", ")
    for index in range(1, len(parts)):
        if LOCATION_PUBLISHER.match(", ".join(parts[index:]).strip(" .")):
            return ", ".join(parts[:index])
    return described


def _plain_sentence(sentence: str) -> bool:
    """A sentence with no sign of a container or imprint in it."""
    signs = (PUBLISHER_WORDS, NEWS_WORDS, IN_CONTAINER, LOCATION_PUBLISHER, THESIS)
    return not is_noise_segment(sentence) and not any(sign.search(sentence) for sign in signs)


_AGENCY_NUMBER = re.compile(AGENCY_REPORT_NUMBER)


def _title_before_comma(sentence: str, body: str) -> tuple[str, str] | None:
    """ "Ann Lee, Seeing the Harbour, Journal of Docks, May 1999": where the author list closed with a comma,
    every element is closed by one, so a sentence of exactly title, a short capitalised name and then only
    dates splits at its first comma (a comma inside a title is not followed by a bare date)."""
    parts = top_level_parts(sentence.strip(" .,;:"))  # "(Washington, DC: Harbor Press, 2020)" is one part
    if len(parts) < 3 or not all(is_only_date(part) for part in parts[2:]):
        return None
    container = parts[1]
    if not container[:1].isupper() or len(container.split()) > 8 or len(parts[0].split()) < 2:
        return None
    if _AGENCY_NUMBER.fullmatch(container.strip(" .")):
        return None  # "Title, OIG-22-05, March 2022": the report's number, read with the note's tail
    return parts[0], body[len(parts[0]) + 1 :]


def _subtitle_after_question(title: str, following: list[str], comma_style: bool = False) -> bool:
    """ "Ein Hafen für alle? Die Gebühren der ...: Vergleich ... Küste. Stiftung, 2019.": a title
    that asks or exclaims often goes on with a subtitle. A long sentence after it that still leaves a named
    segment (the container or publisher) behind it is that subtitle; a short one is the container itself.
    In a note that closes every element with a comma ("Ann Lee, Do Ports Matter? Assessing Their Role,
    Harbour Press, 2002"), the segments after the subtitle are the sentence's own comma parts."""
    candidate = following[0].strip(" .,;:")
    if not title.rstrip().endswith(("?", "!")) or len(candidate.split()) < 5:
        return False
    if IN_CONTAINER.match(candidate) or LOCATION_PUBLISHER.match(candidate) or is_noise_segment(candidate):
        return False
    parts = top_level_parts(candidate)
    if comma_style and len(parts) > 1 and len(parts[0].split()) >= 3:
        return True
    return any(not is_noise_segment(rest.strip(" .,;:")) for rest in following[1:])


def _with_review_note(title: str, after: str) -> tuple[str, str]:
    """Chicago and MLA describe a review right after its title ("“Bad Company.” Review of Gain, by
    Richard Powers."): the description belongs with the title, not with the journal after it."""
    note = _REVIEW_NOTE.match(after)
    if not note:
        return title, after
    joiner = " " if title.endswith(("?", "!", ".")) else ". "
    return f"{title}{joiner}{note[1]}", after[note.end() :]


def _is_subtitle_sentence(sentence: str, after: list[str] = ()) -> bool:
    """A sentence that goes on with the title: "Colonisation in Africa. An empirical analysis".

    Journals, sites and publishers are proper names in title case ("The New York Times", "Le Monde
    diplomatique": at most one word in lower case), while a subtitle that opens with an article and
    is written in sentence case has most of its words in lower case. Languages that write names in
    sentence case too (Czech, Russian) seldom open a name with an article, which keeps them out.
    A question goes on with the title too (_question_sentence), and so does a sentence nearly all in
    lower case that leaves a named segment after it (_sentence_case_subtitle).
    """
    sentence = sentence.strip(" .,;:")
    if serial_numbers(sentence) or is_noise_segment(sentence):
        return False
    if _question_sentence(sentence):
        return True
    words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", sentence)[1:] if word.lower() not in STOPWORDS]
    lower = [word for word in words if word[0].islower()]
    if _ARTICLE_START.match(sentence):
        return len(lower) >= 2 and 2 * len(lower) > len(words)
    return _sentence_case_subtitle(sentence, after)


_PLAIN_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{2,}(?:['’-][^\W\d_]+)*(?![\w'’-])")


# Subtitles in sentence case run to 20 words in the labelled strings; a note's sentences of prose, longer.
_SUBTITLE_WORDS = 20
# A first sentence longer than this is a note's prose, which no subtitle follows.
_PROSE_TITLE_WORDS = 25


def _in_sentence_case(sentence: str) -> bool:
    """At least three words after the first, and over two in three of them, in lower case (stopwords aside)."""
    words = [word for word in _PLAIN_WORD.findall(sentence)[1:] if word.lower() not in STOPWORDS]
    lower = [word for word in words if word[0].islower()]
    return len(lower) >= 3 and 3 * len(lower) >= 2 * len(words) + 1


def _sentence_case_subtitle(sentence: str, after: list[str]) -> bool:
    """ "Rich countries cornered vaccine doses. Four strategies to right an inequity. Science 2021.": a
    sentence whose words (of letters only) are nearly all in lower case is a subtitle even without an
    article, when a named segment (the container or publisher, not more prose) is left after it, since names of
    journals, sites and publishers are in title case; a stricter share than after an article, and never a
    description of the work ("Paper presented at the annual meeting", "Manuscript submitted for review")."""
    named = next((rest.strip(" .,;:") for rest in after if not is_noise_segment(rest.strip(" .,;:"))), None)
    if named is None or _in_sentence_case(named) or sentence.split()[0].endswith("."):
        return False  # nothing named is left but prose a note goes on with, or an abbreviation opens it ("Pp.")
    if len(sentence.split()) > _SUBTITLE_WORDS:
        return False  # a note's explanation, not a subtitle: "If an EB period triggers off based upon ..."
    if not _in_sentence_case(sentence):
        return False
    if _DOCUMENT_KIND.match(sentence) or _DESCRIBING_VERB.search(" ".join(sentence.split()[:2])):
        return False
    if any(found.group()[0].isupper() for found in SITE_WORDS.finditer(sentence)):
        return False  # a serial's name in sentence case: "Proceedings of the 4th workshop on operating systems"
    return _plain_sentence(sentence) and not container_opening(sentence)


def _serial_subtitle(sentence: str, after: list[str]) -> bool:
    """In an article's reference, the sentence after the title is its journal's unless it asks a question, or
    is in sentence case while the sentence with the volume and pages is still to come ("... ports. Three
    ways to bring tolls down for commuters. Harbour Review 2021;4:12-19.")."""
    if _question_sentence(sentence):
        return True
    stripped = sentence.strip(" .,;:")
    return (not serial_numbers(stripped) and any(serial_numbers(rest) for rest in after)
            and _sentence_case_subtitle(stripped, after))


def _question_sentence(sentence: str) -> bool:
    """ "Africa needs ports. What would it take to build them?": a question goes on with the title, since no
    journal, site or publisher is named by one."""
    sentence = sentence.strip(" .,;:")
    return sentence.endswith("?") and len(sentence.split()) >= 3 and not serial_numbers(sentence)


def _title_ending_inside(sentence: str, body: str) -> tuple[str, str] | None:
    """Where a title ends before its first sentence does: at an imprint, a "; ", a ", in"."""
    place = search_outside_brackets(PLACE_THEN_PUBLISHER, sentence) or closing_imprint(sentence)
    if place:  # "Guidance Note - Part A, London: VAWG Helpdesk; 2015"
        return sentence[: place.start()], body[place.start("place") :]
    # A title seldom holds "; " (once in 250 dev titles, an author list tagged as title) while Vancouver
    # and hurried Harvard put one before the journal: "A New Way Home; Journal of Social Inclusion 2 (1)".
    semicolon = _SEMICOLON_BREAK.search(sentence)
    if semicolon:
        return sentence[: semicolon.start()], body[semicolon.end() :]
    chapter = _CHAPTER_IN_TITLE.search(sentence)
    if chapter:  # "Title, in Proceedings of ..." names the container inside the same sentence
        return sentence[: chapter.start()], "In " + body[chapter.end() :]
    return None


def _quoted(body: str) -> tuple[str, str] | None:
    opener = body[0]
    closer = _CLOSING_QUOTE.get(opener, "”")
    position = 1
    while True:
        end = body.find(closer, position)
        if opener in '"“' and end < 0:  # one kind of quote opens and another closes ("Title.", “Title.")
            end = body.find("”" if opener == '"' else '"', position)
        if end < 0:
            return None
        # A closing quote is never followed by a letter: ’ doubles as an apostrophe ("Keller’s"), and a
        # straight " typed for one ("Amazon"s Hit Man") is no closer either.
        if closer in "’'\"" and end + 1 < len(body) and body[end + 1].isalpha():
            position = end + 1
            continue
        return body[1:end].strip(" ,.;"), body[end + 1 :]


def strip_trailing_year(title: str) -> tuple[str, list[int] | None]:
    """Cut a date that closes the title ("Working Paper, 2012", "proceedings 25 July 2003")."""
    title = re.sub(r",\s*\d+\s*(?:p|pp|pages|S)\.?$", "", title.strip(" .,;:"))
    title = MEDIUM_MARK.sub("", title)
    match = _TRAILING_DATE.search(title)
    day = MONTH_DAY_END.search(title[: match.start()]) if match and match.group(1) else None
    if day:  # the year closes a "Month D, YYYY" date: the date is read whole, never cut at its comma
        date = find_date(title[day.start() :])
        before = title[: day.start()].rstrip()
        # "Form 10-K for FY ended December 31, 2025": a date the title's words run into is theirs;
        # "..., Dec. 1, 1992": one a comma sets apart is an element of its own
        kept = before.rstrip(",") if before.endswith(",") else title
        return clean_title(kept), date[0] if date else None
    if match and not _RANGE_BEFORE.search(title[: match.start()]) and not _ACT_BEFORE.search(title[: match.start()]):
        date = find_date(match.group())
        return clean_title(title[: match.start()]), date[0] if date else None
    return clean_title(title), None


def clean_title(title: str) -> str:
    title = re.sub(r"\s+[-–—]$", "", title.strip(" .,;:")).strip(" .,;:")  # "... Hamburg 2009 - Text abrufbar:"
    if title and title[0] in QUOTE_OPENERS and title[-1] in "”\"’»'":
        title = title[1:-1].strip(" .,;:")
    elif title.endswith(("”", "»")) and not any(opener in title for opener in "“«"):
        title = title[:-1].strip(" .,;:")  # a closing quote whose opener the note left out
    return _TRAILING_NOTE.sub("", _LEADING_NOTE.sub("", title)).strip(" .,;:")
