"""Where the author list at the start of a reference ends: bodies and agencies first, then a walk over the
words while they read as a list of names."""

from __future__ import annotations

import re

from pipeline.references.parse.authors.bodies import (
    ORG_LINKS,
    ORG_WORDS,
    agency_end,
    body_hierarchy_end,
    fields_named_body_end,
    government_chain_end,
    institution_sentence_end,
    organisation_then_title_end,
)
from pipeline.references.parse.authors.words import (
    CAPS_INITIALS,
    CONNECTORS,
    NAME_WORD,
    PARTICLES,
    QUOTE_OPENERS,
    bare,
    is_initials,
)
from pipeline.text.dates import MONTH_PATTERN, YEAR

_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?,?$")
# A body's short name as the whole author: one word with two capitals or more, then a comma.
_ACRONYM_AUTHOR = re.compile(r"^([A-ZÀ-Þ][\w&-]*[A-ZÀ-Þ][\w&-]*\.?,)\s+(?=[A-ZÀ-Þ“\"‘«])")
# Co-authors joined by slashes, as German lists do ("Schöler, Jutta/Merz-Atalik, Kerstin").
_SLASHED_NAMES = re.compile(r"^[^/\s]+(?:/[^/\s]+)+$")
_YEAR_TOKEN = re.compile(rf"^\(?(?:{YEAR}[a-z]?(?:[–-]{YEAR})?|n\.\s?d\.|s\.\s?d\.)\)?[.,:;)]*$")
_PAREN_DATE_START = re.compile(rf"^\((?:\d{{1,2}}|(?:{MONTH_PATTERN})\.?)$", re.IGNORECASE)
_PAREN_YEAR = re.compile(rf"\(\s*{YEAR}[a-z]?\s*\)")
_EDITOR_MARK = re.compile(r"^\((?:eds?|hrsg|coord|dir|ed|comp)\.?\)[.,:]?$", re.IGNORECASE)
# MLA and Chicago write the editor's role after the name and a comma: "Haugen, David M., ed. Civil War".
_EDITOR_WORD = re.compile(r"^(?:eds?|editors?|hrsg|comp)\.?[,:]?$", re.IGNORECASE)
_MAX_WORDS_WITHOUT_SEPARATOR = 5
_NUMBER_LABELS = {"No.", "Nos.", "no.", "nos."}
# Capitalised words that open or join a title's phrases and never stand in a person's name.
_TITLE_WORDS = {"the", "their", "its", "our", "this", "these", "those", "why", "what", "when", "where", "how"}
# Articles that open a title, in the languages of the references we read.
_TITLE_ARTICLE = re.compile(r"^(?:The|A|An|Le|La|Les|Une?|Die|Der|Das|Ein|Eine|El|Los|Las)$")


def _token_kind(token: str, previous: str | None, in_first_unit: bool) -> str:
    lower = bare(token).lower()
    if token[0] in QUOTE_OPENERS or _YEAR_TOKEN.match(token) or _PAREN_DATE_START.match(token):
        return "stop"
    if token.rstrip(",:") in _NUMBER_LABELS:  # "Order No. 202-25-2": a number's label, no one's initial
        return "stop"
    if re.fullmatch(r"\([A-Z][A-Za-z]{1,9}\)[,.:]?", token):
        return "acronym"  # "Ministry of ... (MLIT)"
    if token.startswith("("):
        return "other"
    # Spanish "y" and Italian "e" join names in lower case; "Y." and "Y" are Vancouver initials ("Sato Y.").
    if (lower in CONNECTORS and not re.fullmatch(r"[A-Z]\.?[,;:]?", token)) or token in {"&", "…"}:
        return "connector"
    if is_initials(token, previous):
        return "initials"
    if not in_first_unit and lower in _TITLE_WORDS:
        return "other"  # "Lee Park, Tide Gauges and Their Uses, ...": no person is named "Their" or "The"
    if NAME_WORD.match(token.rstrip(",;:")) or lower in PARTICLES:
        return "name"
    if _SLASHED_NAMES.match(token.rstrip(",;:")) and all(
        map(NAME_WORD.match, token.rstrip(",;:").split("/"))
    ):
        return "name"
    if in_first_unit and lower in ORG_LINKS:
        return "link"
    return "other"


def find_author_end(text: str) -> int:
    """Where the author list at the start of text ends (0 when the text starts with no author)."""
    if not text or text[0] in QUOTE_OPENERS:
        return 0
    end = government_chain_end(text) or institution_sentence_end(text) or agency_end(text) or body_hierarchy_end(text)
    end = end or fields_named_body_end(text) or _names_before_quoted_title(text) or _names_before_year_and_quote(text)
    end = end or organisation_then_title_end(text) or _scan_name_list(text)
    if end is None:
        end = _org_before_year(text)
    if end is None:
        acronym = _ACRONYM_AUTHOR.match(text)  # "ANCRE, Scénario de l'ANCRE ...", "IDTechEx., Rapid ..."
        end = acronym.end(1) if acronym else None
    if end and re.fullmatch(rf"(?i:{MONTH_PATTERN})\.?", text[:end].strip(" ,")):
        return 0  # "March 2014 Report to the Congress": a month before its year is a date, no author
    short_name = _SHORT_NAME_AFTER.match(text, end) if end else None
    return short_name.end() if short_name else (end or 0)


_NATURAL_ORDER_NAME = re.compile(r"(?:and\s+)?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]*){1,3}")
_COMMA_THEN_QUOTE = re.compile(r",\s+(?=[“\"«])")


def _names_before_quoted_title(text: str) -> int | None:
    """ "Ann Lee, Ben Marsh, Carl Ode, "Title," ...": names in their natural order, each closed by a comma and
    none joined by "and", up to a quoted title. Two parts or more, each of two to four capitalised words
    that name no organisation; an inverted name ("Lee, Ann") has a part of one word and is not read here."""
    quote = _COMMA_THEN_QUOTE.search(text)
    if not quote:
        return None
    parts = text[: quote.start()].split(", ")
    if len(parts) < 2 or not all(_NATURAL_ORDER_NAME.fullmatch(part) and not ORG_WORDS.search(part) for part in parts):
        return None
    return quote.start() + 1


# Chicago's author-date reference: the names, a full stop, the year, then the quoted title ("Lee, Ann, Ben
# Marsh and Carl Ode. 2015. “Title.” ..."). The names may be many, the first inverted, the others not.
_NAMES_YEAR_QUOTE = re.compile(rf"^(?P<names>[^“”\"().;:]+(?:\.[^“”\"().;:\d]+)*?)\.\s+\(?{YEAR}[a-z]?\)?\.\s+[“\"]")
_NAME_PART = re.compile(r"(?:[A-Z][\w’'-]*\.?|[A-Z]\.(?:[A-Z]\.)*)(?:\s+(?:[A-Z][\w’'-]*\.?|[A-Z]\.(?:[A-Z]\.)*)){0,3}")


def _names_before_year_and_quote(text: str) -> int | None:
    """Where the names of a Chicago author-date reference end: before ". 2015. “", when every part between
    commas and "and" is a name of one to four capitalised words or initials, and none names an organisation."""
    found = _NAMES_YEAR_QUOTE.match(text)
    if not found:
        return None
    names = found["names"]
    parts = [part for part in re.split(r",\s+(?:and\s+)?|\s+and\s+|\s*&\s*", names) if part]
    if len(parts) < 2 or ORG_WORDS.search(names) or not all(_NAME_PART.fullmatch(part) for part in parts):
        return None
    return found.end("names") + 1  # the full stop closes the names, as the other readers leave it


# An organisation's short name in brackets after its name, then the comma that closes the author:
# "U.S. Government Accountability Office (GAO), Title, ...".
# So is a company's legal form after its name ("Live Harbour, Inc., Title, ...").
_SHORT_NAME_AFTER = re.compile(r"\s*\([A-Z][A-Za-z&]{1,9}\),|\s*(?:Inc|LLC|Ltd|Corp|plc)\.?,(?=\s)")


def _scan_name_list(text: str) -> int | None:
    """Walk the words while they read as a list of names; None when it ends somewhere unlikely, or when an
    article and initials open the text ("The U.S. Army Field Manual"): a name in initials has no article."""
    tokens = list(re.finditer(r"\S+", text))
    if len(tokens) > 1 and _TITLE_ARTICLE.match(tokens[0].group()) and _initials_like(tokens[1].group()):
        return None
    units: list[list[str]] = [[]]
    connector_units: set[int] = set()  # units that a connector ("and", "&") opened rather than a comma
    run, safe_end, comma_end, previous = 0, None, None, None
    unit_ends: list[int] = []  # where each unit closed by a comma or semicolon ends
    for position, match in enumerate(tokens):
        token = match.group()
        following = tokens[position + 1].group() if position + 1 < len(tokens) else ""
        if _EDITOR_MARK.match(token) or (_EDITOR_WORD.match(token) and previous and previous.endswith(",")):
            return match.end()
        if token.lower().startswith("al.") and previous and previous.lower() == "et":
            return match.end()
        kind = _token_kind(token, previous, in_first_unit=len(units) == 1)
        if kind == "stop":
            if _natural_name_then_title(units, connector_units):
                return unit_ends[0]
            return match.start() if units != [[]] else None
        if kind == "other" or (kind == "connector" and token.lower() == "et" and following.startswith("al")):
            if kind == "connector":
                previous = token
                continue
            if _natural_name_then_title(units, connector_units):
                return unit_ends[0]
            return _through_group_author(text, safe_end, match.start())
        run = 0 if kind == "connector" else run + (kind == "name")
        if run > _MAX_WORDS_WITHOUT_SEPARATOR:
            return None
        if kind == "connector":
            if units[-1]:
                units.append([])
            connector_units.add(len(units) - 1)
            previous = token
            continue
        if (
            not units[-1]
            and comma_end
            and kind == "name"
            and len(units) - 1 not in connector_units
            and len(bare(token)) > 1
            and _initials_first_list(units)
        ):
            return comma_end  # "W.-K. Chen, Linear Networks and Systems.": IEEE names every author initials first
        units[-1].append(token)
        if "/" in token:
            units.append([token.rsplit("/", 1)[1]])
            run = 1
        if token.endswith(":"):
            if _title_before_colon(units) and safe_end:
                return safe_end
            title = _title_in_family_slot(units, connector_units) or _natural_name_then_colon(units, connector_units)
            return comma_end if comma_end and title else match.end()
        if token.endswith((",", ";")):
            if _last_of_natural_list(kind, units, connector_units, following):
                return match.end()
            comma_end = match.end()
            unit_ends.append(match.end())
            if kind == "initials" or len(units[-1]) > 1:
                safe_end = match.end()
            units.append([])
            run = 0
        elif token.endswith(".") and _middle_name_then_title(kind, units, following, tokens, position):
            return tokens[position + 1].end()
        elif token.endswith(".") and _ends_name_list(kind, units, following, tokens, position):
            return match.end()
        previous = token
    return None


def _last_of_natural_list(kind: str, units: list[list[str]], connector_units: set[int], following: str) -> bool:
    """ "Arthur Weinberg and Lila Weinberg, Clarence Darrow: ...": a person in natural order that "and" joined
    to the list is its last; the comma after them closes the list. In an inverted list the unit after "and"
    is a family name alone ("..., and Jones, K."), and Vancouver's ends in initials ("and Lee KM,")."""
    unit = units[-1]
    if len(units) - 1 not in connector_units or len(unit) < 2 or kind != "name" or _EDITOR_WORD.match(following):
        return False
    if _inverted_before(units) or is_initials(following, None):
        return False  # "Mermet L. et R. Bille, M. Leroy": family names first, and the list goes on
    names = [word for word in unit if word.lower() not in PARTICLES]
    return len(names) >= 2 and not is_initials(unit[-1], unit[-2]) and NAME_WORD.match(unit[0]) is not None


def _natural_name_then_title(units: list[list[str]], connector_units: set[int]) -> bool:
    """ "Ann Lee, Seeing the Harbour Anew, Journal of Docks, May 1999": Chicago notes and MLA write one author
    in natural order and then the title, with commas only. When the list stops (a lower-case word, a date)
    in the unit right after a second comma unit, that unit is the title when it has three words or more and
    no initials; a second person in natural order seldom has three names, and a list would join the last
    one with "and"."""
    done = [unit for unit in units[:-1] if unit]
    if len(done) < 2 or units.index(done[-1]) != len(units) - 2:
        return False
    name, title = done[:2]
    if connector_units:  # "James Lee, Ports Compared, Politics and Trade, ...": "and" joins words of the title,
        return _natural_name(name) and not any(_initials_like(word) for unit in done for word in unit) and any(
            len(unit) == 1 and not _SUFFIX.match(unit[0]) for unit in done[1:])  # no person is one word in it
    return (
        2 <= len(name) <= 3
        and all(NAME_WORD.match(word.rstrip(",")) for word in name)
        and (len(title) >= 3 or len(done) > 2)  # three people would have an "and" before the last
        and not any(_initials_like(word) for unit in done for word in unit)
    )


def _natural_name(unit: list[str]) -> bool:
    """ "Ann Lee,", "Ann B. Lee,": a person in natural order closed by a comma (a given name written out)."""
    words = [word.rstrip(",") for word in unit]
    return (2 <= len(words) <= 3 and unit[-1].endswith(",") and all(NAME_WORD.match(word) for word in words)
            and not _initials_like(words[0]) and not _initials_like(words[-1]))


def _initials_like(word: str) -> bool:
    """ "J.", "J.-P.", and Vancouver's "SR" or "C" written without dots."""
    return is_initials(word, None) or bool(CAPS_INITIALS.match(word.rstrip(",;.")))


def _through_group_author(text: str, safe_end: int | None, stop: int) -> int | None:
    """APA closes the author list with "(Year).", so the words between a list that stopped at a
    lower-case word and that date name a group author ("…, for the ARIC Study Group (2001).")."""
    year = _PAREN_YEAR.search(text, stop, stop + 100)
    if safe_end is None or not year:
        return safe_end
    gap = text[stop : year.start()].rstrip(" .")
    if any(q in gap for q in QUOTE_OPENERS + "”") or re.search(r"\d|[a-zà-ÿ]{2,}\.\s|:\s", gap):
        return safe_end
    return year.start()


def _last_closed_unit(units: list[list[str]]) -> list[str] | None:
    """The last non-empty unit before the one being read, None when there is none."""
    return next((unit for unit in reversed(units[:-1]) if unit), None)


def _title_before_colon(units: list[list[str]]) -> bool:
    """ "Behe, M.J., Darwin’s Black Box:": after a complete "Family, I.," the next words are a title."""
    previous_unit = _last_closed_unit(units)
    return (
        len(units[-1]) >= 2
        and previous_unit is not None
        and all(is_initials(word, None) for word in previous_unit)
        and not any(is_initials(word, None) for word in units[-1])
    )


def _title_in_family_slot(units: list[list[str]], connector_units: set[int]) -> bool:
    """ "Breakell, Sue, Perspectives:": once the "Family, Given" pairs are complete, what follows the next
    comma would be a person without a given name; closed by a colon, it is the title's opening instead."""
    current = len(units) - 1
    if current in connector_units or any(is_initials(word, None) for word in units[current]):
        return False
    start = max((index for index in connector_units if index < current), default=0)
    run = [index for index in range(start, current) if units[index]]
    return len(run) >= 2 and len(run) % 2 == 0 and len(units[run[0]]) == 1


def _natural_name_then_colon(units: list[list[str]], connector_units: set[int]) -> bool:
    """ "Rajiv Lowe, Little Harbour: The War Within": Chicago notes write one person in natural order, a comma
    and the title; a second person is joined by "and", so a unit after the first one's comma that a colon
    closes opens the title's main part, not a person. Nor are single words that "and" joins after it
    ("Rajiv Lowe, Tides and Currents: ..."): a person written in natural order has a given name too."""
    done = [unit for unit in units[:-1] if unit]
    if not done or not 2 <= len(done[0]) <= 3 or not done[0][-1].endswith(","):
        return False
    after = [*done[1:], units[-1]]  # the units after the first person's comma, the last closed by the colon
    if len(after) > 1 and not all(len(unit) == 1 for unit in after):
        return False
    family = done[0][-1].rstrip(",")
    words = [family, *(word for unit in after for word in unit)]
    return bool(NAME_WORD.match(family)) and not any(_initials_like(word) for word in words)


def _middle_name_then_title(kind: str, units: list[list[str]], following: str, tokens: list, position: int) -> bool:
    """ "Fuller, R. Buckminster, The World ...": after "Family, I." one capitalised word closed by a comma is
    the middle name the person goes by, when the words after that comma open a title with an article (a
    co-author's family name would be followed by initials or a given name, never by "The")."""
    after = tokens[position + 2].group() if position + 2 < len(tokens) else ""
    previous_unit = _last_closed_unit(units)
    return (
        kind == "initials"
        and following.endswith(",")
        and bool(NAME_WORD.match(following.rstrip(",")))
        and not is_initials(following, None)
        and bool(_TITLE_ARTICLE.match(after))
        and len(units) == 2
        and previous_unit is not None
        and len(previous_unit) == 1
        and all(is_initials(word, None) for word in units[-1])
    )


def _initials_first_list(units: list[list[str]]) -> bool:
    """Whether every person so far was written initials first ("E. E. Reber, R. L. Mitchell,"), as IEEE does."""
    done = [unit for unit in units[:-1] if unit]
    return bool(done) and all(
        len(unit) >= 2
        and is_initials(unit[0], None)
        and not is_initials(unit[-1], unit[-2])
        and not ORG_WORDS.search(" ".join(unit))  # "U.S. Congress," is no person
        for unit in done
    )


def _inverted_before(units: list[list[str]]) -> bool:
    """Whether a person before the current unit was written family name first: a unit of one word, or one
    that closes with initials ("Frawley J.,", "Mermet L. et")."""
    done = [unit for unit in units[:-1] if unit]
    return any(len(unit) == 1 or (is_initials(unit[-1], unit[-2]) and not _SUFFIX.match(unit[-1])) for unit in done)


def _only_first_inverted(units: list[list[str]]) -> bool:
    """MLA and Chicago bibliographies invert the first person only ("Baumler, Ellen, Laura K. Ferguson, and
    ...", "Cohn, D’Vera and Jeffrey S. Passel"): a one-word family name, then given names written out (no
    initials); the people after it are in natural order, so their middle initial does not close the list."""
    done = [unit for unit in units[:-1] if unit]
    if len(done) < 2 or len(done[0]) != 1 or not 1 <= len(done[1]) <= 3:
        return False
    return all(NAME_WORD.match(word.rstrip(",")) and not is_initials(word.rstrip(","), None) for word in done[1])


def _middle_initial(unit: list[str], next_kind: str, following: str, after: str, last: bool = False) -> bool:
    """ "Jane G. Gravelle, ...", "Kent A. Smetters and ...": a given name, a dotted initial and the family name
    closed by a comma, a connector or the quoted title, or, for the last person (last: "and" opened the
    unit), by the full stop that ends the list ("Lee, Ann, and Bo K. Chen."). Vancouver's "Gu F. Development
    of ..." closes a person at the initials, and the title follows without a comma."""
    if next_kind != "name" or len(unit) < 2 or is_initials(unit[0], None) or not unit[-1].endswith("."):
        return False
    closed = following.endswith(",") or bare(after).lower() in CONNECTORS or after[:1] in QUOTE_OPENERS
    closed = closed or (last and following.endswith("."))
    closed = closed or bool(re.fullmatch(r"(?:Jr|Sr|II|III|IV)\.?,", after))  # "Thomas J. Wickham Jr.,"
    return closed and not is_initials(following, None) and bool(NAME_WORD.match(following.rstrip(",")))


def _ends_name_list(kind: str, units: list[list[str]], following: str, tokens: list, position: int) -> bool:
    """Whether a word ending in a full stop closes the author list."""
    if _EDITOR_MARK.match(following):  # "Smith, J. (Ed.). (2019).": the mark closes the list, not the initial
        return False
    if kind == "name" or kind == "link":
        return not (len(bare(units[-1][-1])) <= 2 and following[:1].isupper() and len(units[-1]) == 1)
    if not following:
        return True
    next_kind = _token_kind(following, units[-1][-1], in_first_unit=False)
    if next_kind in {"connector", "stop", "initials"}:
        return False
    after = tokens[position + 2].group() if position + 2 < len(tokens) else ""
    if (
        next_kind == "name"
        and following.endswith(".")
        and (after[:1] in QUOTE_OPENERS or _YEAR_TOKEN.match(after))
    ):
        return False  # "Heinemann, H. Erich. “Money ...”": a middle name closes the list, not the initial
    if next_kind == "name" and following.endswith(",") and _token_kind(after, None, False) in {"initials"}:
        return False  # "Ogbe, E. Milland, K.": a comma went missing between two people
    only_initials = all(is_initials(word, None) for word in units[-1])
    previous_unit = _last_closed_unit(units)
    family_alone_before = (
        previous_unit is not None and len(previous_unit) == 1 and not is_initials(previous_unit[0], None)
    )
    opener = tokens[position - len(units[-1])].group() if position >= len(units[-1]) else ""
    last = bare(opener).lower() in CONNECTORS  # "and" opened the unit: its person ends the list
    if _middle_initial(units[-1], next_kind, following, after, last) and (
        not _inverted_before(units) or _only_first_inverted(units)
    ):
        return False  # "Jane G. Gravelle,": a middle initial in natural order, the family name follows
    # "B. W. Hobson" or "..., S. Carpenter": initials before the family name, so the list goes on.
    return not (only_initials and next_kind == "name" and not family_alone_before)


_ORG_YEAR = re.compile(
    rf"^(.{{2,140}}?)[,.]?\s*(?:\(\s*(?:{YEAR}[a-z]?|n\.\s?d\.|s\.\s?d\.)|(?<=[\s,.])(?:{YEAR}[a-z]?|n\.d)[.,:)])"
)


def _org_before_year(text: str) -> int | None:
    """An organisation written before the year ("Ministry of X (MLIT) (2013):")."""
    match = _ORG_YEAR.match(text)
    if not match:
        return None
    prefix = match[1]
    if any(q in prefix for q in QUOTE_OPENERS + "”") or re.search(r"\d", prefix):
        return None
    if re.search(r"[a-zà-ÿ]{2,}\.\s", prefix) or re.search(r":\s", prefix):
        return None
    return match.end(1)

