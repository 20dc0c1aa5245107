"""What people in government say or write, as notes cite it: floor statements and remarks in the
Congressional Record, testimony, hearings (CSL `speech`), and letters and memoranda
(`personal_communication`).

A speaker is named as the note names them, with the honorific or office dropped ("Sen. Chuck
Grassley" -> Grassley, Chuck) and a party tag ("(R-IA)") left out; the date is only ever one the note
writes as a date, never a number from a bill or a volume.
"""

from __future__ import annotations

import re

from pipeline.references.parse.authors.bodies import body_hierarchy_end, is_body_hierarchy, organisation_then_title_end
from pipeline.references.parse.authors.names import parse_names
from pipeline.references.parse.segments import top_level_parts
from pipeline.text.dates import MONTH_PATTERN, YEAR, find_date, stated_date

# Offices and forms of address written before a name in US government sources.
HONORIFIC = re.compile(
    r"^(?:(?:the\s+)?(?:Hon\.|Honorable)\s+|Sen\.\s*|Senator\s+|Rep\.\s*|Representative\s+|Del\.\s*|Delegate\s+|"
    r"Resident\s+Commissioner\s+|Speaker\s+|(?:Senate\s+|House\s+)?(?:Majority|Minority)\s+Leader\s+|"
    r"(?:Chairman|Chairwoman|Chair|Ranking\s+Member|Vice\s+Chair(?:man)?)\s+|"
    r"(?:Vice\s+)?President\s+|(?:Attorney\s+General|Solicitor\s+General|Secretary|Deputy\s+Secretary|"
    r"Administrator|Director|Commissioner|Ambassador|Governor|Gov\.|Judge|Justice|Chief\s+Justice)\s+"
    r"(?=[A-Z][\w.'’-]*\s+[A-Z])|(?:Mr|Ms|Mrs|Dr|Gen|Adm|Lt|Col|Capt)\.\s*)+"
)
# A party tag, or a state alone ("Representative McCollum (MN)").
PARTY_TAG = re.compile(r"\s*\((?:[RDI]|R-|D-|I-)[-–]?[A-Z]{0,2}\)|\s*\[[RDI][-–][A-Z]{2}\]|\s*\([A-Z]{2}\)")
# What a speaker did, as the part after the name or the title says: "remarks in the Senate",
# "statement before the Committee on ...", "testimony before ...", "floor statement".
SPEECH_KIND = re.compile(
    r"^(?:(?:floor|prepared|opening|written|joint)\s+)?(?P<kind>remarks|statement|testimony|speech|address|"
    r"colloquy)\b",
    re.IGNORECASE,
)
_OPENING_KIND = re.compile(
    r"^(?P<kind>(?:(?:Prepared|Opening|Written)\s+)?(?:Remarks|Statement|Testimony))\s+(?:of|by)\s+", re.IGNORECASE
)
# Where or on what a speaker spoke, after the name: "Remarks by Secretary Lee at the Harbour Forum".
_OCCASION = re.compile(r"\s+(?:at|before|to|on|during)\s+(?=(?:the\s+)?[A-Z])")
_LETTER = re.compile(r"^(?P<kind>Letter|Memorandum|Memo|E-?mail)\s+(?=from\b|to\b|for\b)", re.IGNORECASE)
_NAME_THEN_LETTER = re.compile(r"^(?P<kind>letter|memorandum|memo|e-?mail)\s+(?:to|for)\s+", re.IGNORECASE)
_COMMITTEE = re.compile(r"^(?:U\.S\.\s+)?(?:House|Senate|Joint)\s+(?:Select\s+|Special\s+)?(?:Sub)?[Cc]ommittee\b")
_HEARING_PART = re.compile(r"^(?:hearings?|hearing\s+record)$", re.IGNORECASE)
_HEARING_ON = re.compile(r"^Hearings?\s+(?:on|before)\s+", re.IGNORECASE)
_BLUEBOOK_HEARING = re.compile(
    r"^(?P<title>[^“\"]+?):\s+(?P<hearing>Hearings?\s+(?:[Bb]efore|on)\s+.+?),\s+\d{2,3}(?:st|nd|rd|th)?\s+Cong\."
    rf"(?:\s*\d+)?\s*\((?P<year>{YEAR})\)"
)
_CONGRESS = re.compile(r"^(?:\d{2,3}(?:st|nd|rd|th)\s+Cong(?:ress|\.)|\d(?:st|nd)\s+sess\.?)", re.IGNORECASE)
# What a congressional document calls itself before its Congress: "committee print", "report to accompany S. 12".
_DOCUMENT_KIND = re.compile(
    r"^(?:committee\s+print|report\s+to\s+accompany\s.+|(?:House|Senate)\s+document)$", re.IGNORECASE
)
# The imprint a congressional document closes with: "(GPO, 2019)", "(Washington, DC: GPO, 1970)".
_GPO_IMPRINT = re.compile(
    rf"\((?:[^():]*:\s*)?(?P<publisher>GPO|U\.S\.\s+G\.P\.O\.|(?:U\.S\.\s+)?Government\s+(?:Printing|Publishing)\s+Office),"
    rf"\s*(?P<year>{YEAR})\)"
)
_SENTENCE_BREAK = re.compile(r"(?<=[^\W\d_]{2})\.\s+(?=[A-Z\"“])")
_RECORD = re.compile(r"\bCongressional\s+Record\b|\bCong\.\s?Rec\.", re.IGNORECASE)
_VOLUME = re.compile(r"\bvol\.\s*(\d+)", re.IGNORECASE)
_PAGE = re.compile(r"\bpp?\.\s*([HSDE]?\d+(?:\s*[-–]\s*[HSDE]?\d+)?)")
# "re: Subject, March 3, 2023": the subject runs up to the letter's date.
_SUBJECT = re.compile(rf"\bre:\s*(.+?)(?:,\s+(?=(?:{MONTH_PATTERN})\.?\s+\d)|$)", re.IGNORECASE)
# "143 Cong. Rec. 25797", and MLA's "Cong. Rec. 5 Aug. 2010: 6803", where the page follows the date's colon.
_RECORD_PAGE = re.compile(r"\bCong\.\s?Rec\.\s+(?:\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}:\s*)?([HSDE]?\d+)")
_QUOTES = {"“": "”", '"': '"'}


def speaker(zone: str) -> list[dict]:
    """CSL names for a speaker or correspondent as a note writes them, office and party left out."""
    zone = PARTY_TAG.sub("", top_level_parts(zone)[0] if zone.strip() else "").strip(" ,.;:")
    bare = HONORIFIC.sub("", zone).strip(" ,.;:")
    if bare != zone and re.fullmatch(r"[A-Z][\w'’-]+", bare):
        return [{"family": bare}]  # "Sen. Grassley": a family name after the office
    return parse_names(bare) if bare else []


def quoted(part: str) -> tuple[str, str] | None:
    """A part that opens with a quoted title: (the title, what follows the closing quote)."""
    closer = _QUOTES.get(part[:1])
    end = part.find(closer, 1) if closer else -1
    if end < 0 and part[:1] == '"':
        end = part.find("”", 1)
    if end < 0:
        return None
    return part[1:end].strip(" ,.;:"), part[end + 1 :].strip(" ,.;:")


def statement_of(text: str) -> list[dict]:
    """The speaker a law-review citation adds in brackets: "... (statement of Sen. Grassley)"."""
    found = re.search(r"\((?:statement|remarks|testimony)\s+of\s+([^()]+)\)", text, re.IGNORECASE)
    return speaker(found[1]) if found else []


def parse_statement(text: str) -> dict | None:
    """A speech, hearing, letter or memorandum as CSL, or None when the text is none of these."""
    if _OPENING_KIND.match(text):  # "Testimony of X, ..., in U.S. Congress, ..., hearing": X's testimony
        return _speech(text)
    return _letter(text) or _bluebook_hearing(text) or _hearing(text) or _speech(text) or _congress_document(text)


def _speech(text: str) -> dict | None:
    """ "Sen. Chuck Grassley, "Nominations," remarks in the Senate, Congressional Record, ...",
    "Remarks of Sen. John Doe, Congressional Record, ...", "Jane Doe, testimony before ...". """
    opening = _OPENING_KIND.match(text)
    parts = top_level_parts(text[opening.end() :] if opening else text)
    if len(parts) < 2:
        return None
    honored = bool(HONORIFIC.match(parts[0]))
    kind_at = next((i for i, part in enumerate(parts[1:4], 1) if SPEECH_KIND.match(_unquoted(part))), None)
    if not (opening or (honored and (kind_at or _RECORD.search(text))) or kind_at):
        return None
    occasion = _OCCASION.search(parts[0]) if opening else None
    authors = speaker(parts[0][: occasion.start()] if occasion else parts[0])
    if not authors:
        return None
    item: dict = {"type": "speech", "author": authors}
    title, genre = _title_and_kind(parts[1:], opening["kind"].lower() if opening else None)
    if occasion and not quoted(parts[1]):  # "Remarks by President Lee at the Harbour Forum": titled as cited
        title = f"{text[: opening.end()]}{parts[0]}"
    if title:
        item["title"] = title
    if genre:
        item["genre"] = genre
    item.update(record_details(text))
    issued = stated_date(text)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    return item


def _unquoted(part: str) -> str:
    found = quoted(part)
    return found[1] if found else part


def _title_and_kind(parts: list[str], kind: str | None) -> tuple[str | None, str | None]:
    """The quoted title and the part that says what kind of speech it was ("remarks in the Senate")."""
    title = None
    for part in parts:
        found = quoted(part)
        if found and not title:
            title, part = found
        if part and SPEECH_KIND.match(part) and not kind:
            kind = part.strip(" .")
    hearing = next((i for i, part in enumerate(parts) if _HEARING_PART.match(part.strip(" ."))), None)
    if not title and hearing and not _COMMITTEE.match(parts[hearing - 1]):
        title = parts[hearing - 1]  # testimony at a hearing: the hearing's title
    if not title and kind:
        title = kind[:1].upper() + kind[1:]  # "Remarks in the Senate": what the note calls it
    return title, kind


def record_details(text: str) -> dict:
    """Container (named as the citation names it), volume and page of a Congressional Record citation."""
    named = _RECORD.search(text)
    if not named:
        return {}
    details = {"container-title": " ".join(named.group().split())}
    volume = _VOLUME.search(text) or re.search(r"\b(\d{1,3})\s+Cong\.\s?Rec\.", text)
    page = _PAGE.search(text) or _RECORD_PAGE.search(text)
    if volume:
        details["volume"] = volume[1]
    if page:
        details["page"] = re.sub(r"\s+", "", page[1]).replace("–", "-")
    return details


def _letter(text: str) -> dict | None:
    """ "Letter from Jane Doe, Secretary of X, to Sen. John Roe, March 3, 2025.", "Memorandum to Agency
    Heads from ...", "Jane Doe, letter to Sen. John Roe, ..."."""
    opening = _LETTER.match(text)
    parts = top_level_parts(text)
    sender = recipient = None
    if opening:
        kind, body = opening["kind"], text[opening.end() :]
        sender = re.search(r"(?:^|\s)from\s+(.+?)(?=,?\s+to\s+|,?\s+re:|$)", body, re.IGNORECASE)
        recipient = re.search(r"(?:^|\s)(?:to|for)\s+(.+?)(?=,?\s+from\s+|,?\s+re:|$)", body, re.IGNORECASE)
    elif len(parts) >= 2 and _NAME_THEN_LETTER.match(parts[1]):
        kind = _NAME_THEN_LETTER.match(parts[1])["kind"]
        sender = re.match(r"(.+)", parts[0])
        recipient = re.match(r"(?:\w+)\s+(?:to|for)\s+(.+)", ", ".join(parts[1:]), re.IGNORECASE)
    else:
        return None
    item: dict = {"type": "personal_communication", "genre": kind.lower()}
    if sender:
        item["author"] = speaker(sender[1])
    if recipient:
        item["recipient"] = speaker(recipient[1])
    item["title"] = _letter_title(text, parts)
    issued = stated_date(text)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    return {key: value for key, value in item.items() if value}


def _letter_title(text: str, parts: list[str]) -> str:
    """A subject in quotes or after "re:", else the note's own description ("Letter from Jane Doe,
    Secretary of X, to Sen. John Roe") up to its date."""
    subject = _SUBJECT.search(text)
    for part in parts:
        found = quoted(part)
        if found:
            return found[0]
    if subject:
        return subject[1].strip(" .,\"“”")
    described = _NAME_THEN_LETTER.search(text[len(parts[0]) :].lstrip(" ,")) if len(parts) > 1 else None
    if described and not _LETTER.match(text):  # "Jane Doe, letter to ...": the description starts at "letter"
        text = text[len(parts[0]) :].lstrip(" ,")
        text = text[:1].upper() + text[1:]
    found = find_date(text)
    return (text[: found[1][0]] if found and len(found[0]) > 1 else text).strip(" .,;:")


def _bluebook_hearing(text: str) -> dict | None:
    """ "Title: Hearing Before the Subcomm. on X, 110th Cong. 52 (2008) (statement of Corinne P. Kevorkian)":
    the Bluebook's hearing, its title running through the committee; with a statement, the speaker's
    testimony in that hearing."""
    found = _BLUEBOOK_HEARING.match(text)
    if not found:
        return None
    hearing = f"{found['title']}: {found['hearing']}"
    item: dict = {"type": "speech", "genre": "hearing", "issued": {"date-parts": [[int(found["year"])]]}}
    speakers = statement_of(text[found.end("year") :])
    if speakers:
        item.update({"author": speakers, "container-title": found["title"], "title": "Statement", "genre": "testimony"})
    else:
        item["title"] = hearing
    return item


def _hearing(text: str) -> dict | None:
    """ "U.S. Congress, Senate Committee on X, Title of the Hearing, hearing(s), 118th Cong., 1st sess.,
    March 3, 2023" and "Hearing on Title before the House Committee on X, 118th Cong. (2023)"."""
    parts = top_level_parts(text)
    on = _HEARING_ON.match(text)
    marker = next((i for i, part in enumerate(parts) if _HEARING_PART.match(part.strip(" ."))), None)
    if on:
        title, _, body = text[on.end() :].partition(" before ")
        author = top_level_parts(body)[0] if body else ""
    elif marker and any(_COMMITTEE.match(part) for part in parts[:marker]):
        committee = next(i for i, part in enumerate(parts) if _COMMITTEE.match(part))
        author, title = ", ".join(parts[: committee + 1]), ", ".join(parts[committee + 1 : marker])
        body_end = body_hierarchy_end(text)  # "Senate Committee on Agriculture, Nutrition, and Forestry"
        if body_end and len(text[:body_end].rstrip(" ,")) > len(author):
            after = top_level_parts(text[body_end:])
            at = next((i for i, part in enumerate(after) if _HEARING_PART.match(part.strip(" ."))), None)
            if at:
                author, title = text[:body_end].rstrip(" ,"), ", ".join(after[:at])
    else:
        return None
    item: dict = {"type": "speech", "genre": "hearing", "title": title.strip(" ,.\"“”")}
    if author:
        item["author"] = [{"literal": author.strip(" ,.")}]
    issued = stated_date(", ".join(part for part in parts if not _CONGRESS.match(part)))
    if issued:
        item["issued"] = {"date-parts": [issued]}
    return item if item["title"] else None


def _congress_document(text: str) -> dict | None:
    """A document of Congress cited up to its Congress. Chicago's "Precedents of the U.S. House of Representatives,
    115th Cong. 1st sess., H.Doc. No. 115-62 (GPO, 2019)" and "U.S. Congress, House Committee on X, Title, committee
    print, 91st Cong., ..." (the title runs up to the Congress, after the committee when one opens the note), and
    MLA's "United States, Congress, House, Committee on X. Title. Publisher, 17 Apr. 2012, 112th Congress, ...".
    A Congress is never the title."""
    parts = top_level_parts(text)
    at = next((i for i, part in enumerate(parts) if _CONGRESS.match(part)), None)
    if not at or _RECORD.search(text) or SPEECH_KIND.search(text):
        return None
    head = ", ".join(parts[:at])
    sentences = _SENTENCE_BREAK.split(head)
    if len(sentences) >= 3 and is_body_hierarchy(sentences[0]):
        item: dict = {"type": "report", "title": sentences[1].strip(" \"“”"), "author": [{"literal": sentences[0]}]}
        item["publisher"] = top_level_parts(". ".join(sentences[2:]))[0].strip(" .")
        issued = stated_date(". ".join(sentences[2:]))  # the date the publisher gives, not an access date
    elif len(sentences) == 1:
        item = _comma_document(parts[:at])
        if not item:
            return None
        imprint = _GPO_IMPRINT.search(text)
        if imprint:
            item["publisher"] = imprint["publisher"]
        issued = stated_date(", ".join(parts[at:])) or stated_date(head)
    else:
        return None
    if issued:
        item["issued"] = {"date-parts": [issued]}
    return item


def _comma_document(head: list[str]) -> dict | None:
    """Chicago's comma parts before a Congress: [body, office, ...,] title[, the document's kind]."""
    if len(head) > 1 and _DOCUMENT_KIND.match(head[-1].strip(" .")):
        head = head[:-1]
    joined = ", ".join(head)
    body_end = (body_hierarchy_end(joined + ",") or organisation_then_title_end(joined)) if len(head) > 1 else None
    author = joined[:body_end].rstrip(" ,") if body_end else ""
    title = joined[len(author) :].strip(" ,.\"“”")
    if not title or not re.search(r"[^\W\d_]{3}", title):
        return None
    item: dict = {"type": "report", "title": title}
    if author:
        item["author"] = [{"literal": author}]
    return item
