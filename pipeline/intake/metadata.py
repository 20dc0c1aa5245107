"""Who wrote a seed, where and when: metadata lines recognized and taken out of the body.

Bylines ("By ..."), author-bio paragraphs ("I'm X, the founder of Y"), affiliation notes
("(The author is ...)"), provenance notes ("Editor's note: Originally published on ...") and
date lines. Each recognizer is a pure function of one line's text.
"""

from __future__ import annotations

import re

NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|di|bin|al|el|la|le))*"
NAME_JOINT = r"\s*(?:,\s*(?:and\b|&)?|&|\band\b)\s*"  # ", ", " and ", " & ", and the serial comma's ", and "
BYLINE = re.compile(rf"^(?i:by|written by|words by|author:)\s+(?P<names>{NAME}(?:{NAME_JOINT}{NAME})*)"
                    # a hyphen only with spaces around it ends the names: 'Tremayne-Pengelly' is one name
                    r"(?:(?:\s*[,|•·–—]\s*|\s+-\s+)(?P<rest>.{0,80})|\s+on\s+[\w ,.:]{0,40}\d{4}.{0,20})?$")
BIO = re.compile(r"^(?:I[’']m|I am)\s+(?P<name>" + NAME + r"),?\s+(?P<role>.{0,200}?)(?:\.|$)")
ROLE_OF = re.compile(r"\b(?:founder|co-founder|editor(?:-in-chief)?|publisher|owner|director|creator)\s+"
                     r"(?:and\s+\w+\s+)?(?:of|at)\s+(?P<org>[A-Z][\w&.'’ -]{1,80}?)(?:[.,;]|$)")
AFFILIATION = re.compile(r"^\(?\s*the authors?\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<text>.+?)\s*\.?\s*\)?\.?$",
                         re.IGNORECASE)
EDITOR_NOTE = re.compile(r"^(?:editor[’']?s(?:[’'])? note|note from the editor|originally published"
                         r"|this (?:article|post|story|piece|essay|report|column) (?:was )?originally)\b",
                         re.IGNORECASE)
ORIGINALLY = re.compile(r"originally (?:published|appeared) (?:on|in|at|by)\s+(?:the\s+)?(?P<org>[\w.&’' -]+?)"
                        r"(?:[,;]|\s+on\s|\s+and\s|\.(?:\s|$)|$)", re.IGNORECASE)
TRANSLATED = re.compile(r"translated from (?P<lang>[A-Z][a-z]+)", re.IGNORECASE)
REPUBLISHED = re.compile(r"(?:edited|republished|reprinted|reproduced)\s+(?:with permission\s+)?by\s+(?:the\s+)?"
                         r"(?P<org>[A-Z][\w&.’' -]+?)(?:[,;]|\.(?:\s|$)|$)")
DATE_CORE = (r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
             r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}")
# A date line as pages print it: a label ("Published:", "Last modified:", "Online:"), a time before
# the date or after it, a weekday in full or short ("Tue"), a time zone ("CET").
DATE_LINE = re.compile(r"^(?:(?:first |last )?(?:published|posted|updated|modified|date|dated|online)\s*(?:on)?"
                       r"\s*:?\s*)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?,?\s+)?"
                       rf"(?:\w+day,?\s+|(?:mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?(?P<date>{DATE_CORE})"
                       r"(?:\s*(?:[,|·•-]|at)?\s*(?:\d{1,2}[:.]\d{2}|updated|\|).*)?(?-i:\s+[A-Z]{2,4})?\.?$",
                       re.IGNORECASE)
ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
ROLE_BIO = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+"
                      r"(?:is|was|has been|writes|covers|reports)\s"
                      r"(?P<role>.{0,160})")
ROLE_WORDS = re.compile(r"\b(?:writer|reporter|correspondent|editor|columnist|journalist|contributor|professor"
                        r"|fellow|author|researcher|analyst|director|founder|producer|lecturer|scholar|host"
                        r"|anchor|freelance)s?\b", re.IGNORECASE)
JOURNALIST = re.compile(r"\b(?:writer|reporter|correspondent|editor|columnist|journalist|contributor)s?\b",
                        re.IGNORECASE)


def split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|&|\band\b)\s*", names)
    return [tidy_name(p) for p in parts if p.strip()]


def tidy_name(name: str) -> str:
    """'Mohamed SAKHRI' -> 'Mohamed Sakhri': all-capital words of a name are title-cased.

    A final full stop goes unless it ends an initial or a suffix ('Leah C.', 'Perry Bacon Jr.').
    """
    words = [w.capitalize() if w.isupper() and len(w) > 2 else w for w in name.split()]
    name = " ".join(words).strip(" ,")
    last = name.split()[-1] if name else ""
    if last.endswith(".") and len(last.rstrip(".")) > 2 and last.rstrip(".").casefold() not in ("jr", "sr"):
        name = name[:-1]
    return name


# "Ann Lee and Karl Moss, Harbour Ledger": a list of names ends at its "and" name; what a comma adds after
# it is whom they write for (a suffix aside: "Karl Moss, Jr.").
_AFTER_LAST_NAME = re.compile(r"\band\s+[^,]+,\s*(?P<outlet>(?!\s)(?!(?:Jr|Sr|II|III|IV|PhD|MD)\b)[^,]+)$")


def names_and_outlet(names: str) -> tuple[str, str | None]:
    after = _AFTER_LAST_NAME.search(names)
    if not after:
        return names, None
    return names[: after.start("outlet")].rstrip(" ,"), after["outlet"].strip(" .")


def parse_byline(line: str) -> dict | None:
    """'By A B and C D, Reuters' -> {authors: [A B, C D], organization: Reuters}.

    A one-word item is taken for the organization the authors write for, not a person.
    """
    match = BYLINE.match(line.strip())
    if not match or len(line.split()) > 16:
        return None
    names, outlet = names_and_outlet(match.group("names"))
    names = split_names(names)
    people = [n for n in names if len(n.split()) > 1]
    rest = (match.group("rest") or "").strip()
    # a date or a time after the names ('• 11/08/23 5:19pm') is no organization
    orgs = ([outlet] if outlet else []) + [n for n in names if len(n.split()) == 1]
    orgs += [rest] if rest and not re.search(r"\d", rest) else []
    if not people:
        return None
    # a date among what follows the names ("· February 14, 2025 · 6 min read") is the article's
    dates = [date for piece in re.split(r"\s*[|•·–—]\s*", rest) if (date := parse_date_line(piece))]
    return {"authors": people, "organization": orgs[0] if orgs else None, "date": dates[0] if dates else None}


def parse_bio(line: str) -> dict | None:
    """'I'm Mohamed Sakhri, the founder of World Policy Hub. ...' -> author and organization."""
    match = BIO.match(line.strip())
    if not match:
        return None
    org = ROLE_OF.search(match.group("role"))
    return {"author": tidy_name(match.group("name")), "organization": org.group("org").strip() if org else None}


def parse_affiliation(line: str) -> str | None:
    match = AFFILIATION.match(line.strip())
    return match.group("text").strip() if match and len(line.split()) <= 60 else None


def parse_provenance(line: str) -> dict | None:
    if not EDITOR_NOTE.match(line.strip()):
        return None
    found = {"note": line.strip(), "original_publisher": None, "translated_from": None, "republished_by": None}
    for key, pattern, group in (("original_publisher", ORIGINALLY, "org"), ("translated_from", TRANSLATED, "lang"),
                                ("republished_by", REPUBLISHED, "org")):
        match = pattern.search(line)
        if match:
            found[key] = match.group(group).strip(" .")
    return found


def parse_date_line(line: str) -> str | None:
    """An ISO date from a line that is nothing but a (publication) date, perhaps with a time."""
    match = DATE_LINE.match(line.strip())
    if not match or len(line) > 120:
        return None
    from dateutil import parser

    text = ORDINAL.sub("", match.group("date"))
    text = text if re.fullmatch(r"[\d./]+", text) else text.replace(".", "")
    try:
        return parser.parse(text, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError):
        return None


def parse_role_bio(line: str) -> dict | None:
    """'Will Knight is a senior writer for WIRED, covering ...' -> the author a bio describes."""
    match = ROLE_BIO.match(line.strip())
    if not match or not ROLE_WORDS.search(match.group("role")) or len(line.split()) > 120:
        return None
    return {"author": tidy_name(match.group("name")), "organization": None}


def is_closing_bio(line: str) -> bool:
    """A bio that closes an article: first person ('I'm X, the founder of Y') or a journalist's."""
    role = parse_role_bio(line)
    return bool(parse_bio(line) or role and JOURNALIST.search(line.split(".")[0]))


def starts_with_name(line: str, author: str) -> bool:
    """A paragraph that opens with an author's full name: a bio at an article's end."""
    return bool(author) and " ".join(line.split()[:len(author.split())]).casefold() == author.casefold()


def is_metadata_line(line: str) -> bool:
    """A line whose place is the document's metadata, wherever on the page it stands."""
    return any(parse(line) for parse in (parse_bio, parse_role_bio, parse_affiliation, parse_provenance))


def is_name_line(line: str, author: str) -> bool:
    """A line that is only the author's name (as above a bio block), in any letter case."""
    return " ".join(line.split()).casefold() == author.casefold()
