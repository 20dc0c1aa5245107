"""Authors that are organisations as government and research notes write them: agencies by their short
names ("NOAA, NMFS, ...", "GAO, ..."), an agency and its office ("DOE, Office of Coastal
Energy (OCE), ..."), a body and its offices ("U.S. Congress, House Committee on Public Works, ..."),
and a body whose name ends in a list of fields ("National Academies of Sciences, Engineering, and
Medicine"). Also the words that mark any organisation's name, for extent.py and names.py.
"""

from __future__ import annotations

import re

_LIST_CONNECTORS = {"and", "&", "et", "y", "und", "e"}
# Lowercase words that may sit inside an organisation's name ("Department of Defense").
ORG_LINKS = {
    "of", "for", "the", "and", "on", "de", "du", "des", "la", "le", "et", "für", "der", "die", "y", "del", "en",
    "in", "&",
}
ORG_WORDS = re.compile(
    r"\b(?:ministry|minist[eè]re|department|directorate|council|institute?|institut|university|universit[eé]|agency|"
    r"organi[sz]ation|association|foundation|centre|center|commission|office|bureau|committee|forum|"
    r"museum|news|times|nations|union|bank|group|government|gouvernement|service|services|alliance|"
    r"network|society|corporation|inc|ltd|board|authority|administration|programme|program|project|"
    r"fund|press|media|reuters|bbc|cnn|guardian|monde|world|international|national|federal|"
    r"federation|fédération|coalition|partnership|initiative|secretariat|treasury|parliament|senate|"
    r"congress|court|police|army|navy|nato|who|unhcr|unicef|un|eu|ngo|company|co|llc|gmbh|instituto|"
    r"estudos|watch|report|herald|post|tribune|telegraph|journal|daily|magazine|online|global|"
    r"funda[çc][ãa]o|fundaci[óo]n|fondation|fondazione|stiftung|stichting|"
    r"council|state|states|city|county|health|rankings|television|radio|newswire|broadcasting|assembly)\b",
    re.IGNORECASE,
)
# Agencies and their offices by their short names, as government notes write them: "NOAA, NMFS, ...", "GAO, ...".
ACRONYM_RUN = re.compile(r"^(?:[A-Z][A-Z&]{1,7},\s+)+(?=[A-Z0-9“\"‘«])")
# The words an office of a body is named by ("House Committee on Public Works", "Highways Subcommittee").
_OFFICE_WORDS = re.compile(
    r"\b(?:Committee|Subcommittee|Subcomm\.|Office|Bureau|Division|Directorate|Administration|Service|Agency|"
    r"Department|Commission|Council|Institute|Centers?|Centres?|Board|Secretariat|Ministry|Caucus|Region)\b"
)
# A legislature or one of its chambers named alone, as a part of a government author.
_CHAMBER = re.compile(r"Congress|Parliament|Legislature|General\s+Assembly|Assembly|Senate|House(?:\s+of\s+\w+)?")
# An office's name after its agency's short name: "National Cemetery Administration,", "... (ETA),".
_OFFICE_UNIT = re.compile(
    r"(?:[A-Z][\w’'-]+\s(?:(?:of|for|and|on|the)\s)*){0,5}(?:Administration|Office|Service|Bureau|Agency|"
    r"Division|Directorate|Center|Centre|Institute|Commission|Council|Program|Programme)(?:\s\([A-Z]{2,8}\))?,\s+"
)


# MLA's government author as a chain of sentences: the country, then its legislature, chamber or department,
# then their offices ("United States. Cong. House. Committee on Ways and Means.", "United States. Dept. of
# Justice. Office of Justice Programs.", "United States, Congress.").
_JURISDICTION = re.compile(
    r"^(?P<name>United\s+States(?:\s+of\s+America)?|U\.\s?S\.|United\s+Kingdom|U\.\s?K\.|Canada|Australia|"
    r"New\s+Zealand|Ireland|India|European\s+Union)[.,]\s+"
)
_GOVERNMENT_UNIT = re.compile(rf"{_OFFICE_WORDS.pattern}|\bDept\.|\bDep't\b")
_CHAMBER_ABBREVIATION = re.compile(r"Cong\.?|Sen\.?|H\.|S\.|Parl\.?")
# A sentence of a government author; a full stop before a lower-case word abbreviates ("Dept. of Justice").
# One sentence of an author zone; "No." and "Nos." label a number and end none ("Report No. OIG-24-012").
_SENTENCE = re.compile(r"\S.*?(?:(?<!\bNo)(?<!\bNos)\.(?=\s+[^\sa-z]|\s*$)|$)")
_COUNTRY_ABBREVIATION = re.compile(r"^(?:U\.\s?S\.|U\.\s?K\.)\s+(?=[A-Z])")
# The word an office's own sentence opens with (plural as in "Centers for Disease Control").
_OFFICE_HEAD = re.compile(
    r"(?:(?:Select|Joint|Standing|Special)\s+)?(?:Committee|Subcommittee|Subcomm\.|Office|Bureau|Division|"
    r"Directorate|Administration|Service|Agency|Department|Dept\.|Commission|Council|Institute|Centers?|"
    r"Centres?|Board|Secretariat|Ministry|Caucus)\b"
)
_COMMA_PART = re.compile(r"([^,;“\"(]{1,120}(?:\([A-Z]{2,8}\))?),\s+")


def agency_end(text: str) -> int | None:
    """Where an author of agencies by their short names ends: "NOAA, NMFS, ...", "DOE, Office of Coastal
    Energy (OCE), ...", "GAO, Event Ticket Sales". ISO 690 writes family names in capitals too
    ("LOMBERG, Carina", "LYU, Eun Joo, ..."), so one short name counts only before an office's name or a
    title: three words or more, or words in lower case, where a given name would stand."""
    acronyms = ACRONYM_RUN.match(text)
    if not acronyms:
        return None
    end, count = acronyms.end(), acronyms.group().count(",")
    spelled = _COMMA_PART.match(text, end)
    if count == 1 and spelled and spells_out(acronyms.group().strip(" ,"), spelled[1]):
        return spelled.end()  # "HPA, Harbour Pilots’ Association, (2020).": the short name, then the name
    office = _OFFICE_UNIT.match(text, end)
    if office:
        return office.end()
    following = re.match(r"[^,.;()]*", text[end:]).group().split()
    following = following[: next((i for i, word in enumerate(following) if word in _LIST_CONNECTORS), None)]
    if count >= 2 or len(following) >= 3 or any(word[:1].islower() for word in following):
        return end
    return None


def spells_out(acronym: str, name: str) -> bool:
    """Whether name is what acronym abbreviates: the initials of its capitalised words begin with the acronym's
    letters ("HPA" and "Harbour Pilots’ Association", "CDC" and "Centers for Disease Control and Prevention")."""
    letters = acronym.replace("&", "")
    initials = "".join(word[0] for word in re.findall(r"[A-Z][\w’'-]*", name))
    if len(letters) < 2 or not initials.startswith(letters):
        return False
    return initials == letters or bool(_INSTITUTION.search(name))  # not a title: "HPA, Harbour Pilots Annual ..."


def body_hierarchy_end(text: str) -> int | None:
    """Where an author that is a body and its offices ends: "U.S. Congress, House Committee on Public Works,",
    "U.S. Congress, Senate Committee on Agriculture, Nutrition, and Forestry,", "National Academies of
    Sciences, Engineering, and Medicine,". The first comma part names an organisation, and each part after
    it an office of it, or goes on the list of fields its name ends with ("Nutrition, and Forestry")."""
    parts: list[re.Match] = []
    while len(parts) < 8 and (part := _COMMA_PART.match(text, parts[-1].end() if parts else 0)):
        parts.append(part)  # the comma parts that open the text, each matched where the last ended
    if not parts or not (_body_name(parts[0][1], ORG_WORDS) or _jurisdiction_first(parts)):
        return None
    end, index = None, 1
    while index < len(parts):
        fields = _fields_list(parts, index)
        if fields:
            end, index = parts[fields - 1].end(), fields
        elif _body_name(parts[index][1], _OFFICE_WORDS) or _CHAMBER.fullmatch(parts[index][1]):
            end, index = parts[index].end(), index + 1
        else:
            break
    office = _SENTENCE.match(text, end or parts[0].end())
    unit = office.group().rstrip(".") if office and office.group().endswith(".") else ""
    if unit and (office_sentence(unit) or _body_name(unit, _OFFICE_WORDS)):
        return office.end()  # "United States, Department of Health, Centers for Disease Control. “Title.”"
    return end


# The nouns that end an institution's name and hardly ever a person's ("Harbor Institute", "Coastal Agency";
# unlike "Post", "Press", "Bank" or "Times").
_INSTITUTION = re.compile(
    r"Agency|Institute|Institution|Office|Department|Ministry|Council|Commission|Foundation|Association|"
    r"University|Corporation|Administration|Bureau|Committee|Center|Centre|Authority|Secretariat|Service"
)


# An organisation's whole name closed by a full stop, its last word an institution's noun: "The Harbour J.
# Lowe Family Foundation.", "U.S. Census Bureau.", "Securities and Exchange Commission." (no comma inside).
_INSTITUTION_SENTENCE = re.compile(
    rf"^(?:The\s+)?(?:[A-Z][\w&’'.-]*\s+|(?:of|for|and|on|the|&)\s+){{0,9}}(?i:{_INSTITUTION.pattern})"
    r"(?:\s\([A-Z]{2,8}\))?(?=\.\s|\.?\s\(|,\s\(?\d)"
)


def institution_sentence_end(text: str) -> int | None:
    """Where an author that is one organisation's name ends, when its last word is an institution's noun and
    a full stop or the date follows ("U.S. Census Bureau. (2012).", "The Harbour J. Lowe Family Foundation.
    2019."): a person's name ends in no such noun, whatever initials stand in it."""
    match = _INSTITUTION_SENTENCE.match(text)
    return match.end() if match else None


def is_institution_name(zone: str) -> bool:
    """Whether a zone without commas is one organisation's name, ending in an institution's noun."""
    zone = zone.strip(" .")
    return "," not in zone and ";" not in zone and institution_sentence_end(zone + ". ") == len(zone)


def organisation_then_title_end(text: str) -> int | None:
    """Where an organisation that opens a note ends, when the title follows it after a comma: Chicago's
    "Congressional Budget Office, The Budget and Economic Outlook: ...", "World Bank, World Development Report
    2020: ...". The part names a body (title case, a word such as Office, Bank, Institute; three words or more,
    or two that both read as a body's or end in an institution's noun: "World Bank", "Harbor Institute", not
    "Lee Post"), and no list of authors goes on after it."""
    part = _COMMA_PART.match(text)
    if not part or not _body_name(part[1], ORG_WORDS):
        return None
    words = part[1].split()
    two_words_body = all(ORG_WORDS.fullmatch(word) for word in words) or _INSTITUTION.fullmatch(words[-1])
    if len(words) < 2 or (len(words) == 2 and not two_words_body):
        return None
    following = text[part.end() :]
    if re.match(r"(?:and|&)\s", following) or re.search(r",\s+(?:and|&)\s", following.split(":")[0][:80]):
        return None  # "Harbor Institute, Coastal Trust, and ..." lists more authors
    return part.end()


def government_chain_end(text: str) -> int | None:
    """Where an author written as a country and its bodies, one sentence each, ends: "United States. Bureau
    of Labor Statistics.", "United States. Cong. House. Committee on House Administration.". None unless at
    least one body follows the country; a sentence that names no body (the title) ends the chain."""
    country = _JURISDICTION.match(text)
    if not country:
        return _body_then_offices_end(text)
    end, position = None, country.end()
    for sentence in _SENTENCE.finditer(text[position:]):
        unit = sentence.group().rstrip(".")
        if not (_CHAMBER.fullmatch(unit) or _CHAMBER_ABBREVIATION.fullmatch(unit)
                or _body_name(unit, _GOVERNMENT_UNIT) or office_sentence(unit)):
            break
        end = position + sentence.end()
    return end


def _body_then_offices_end(text: str) -> int | None:
    """Where a body and its offices, one sentence each and no country first, end: "Department of Health and
    Human Services. Office on Women's Health.", "U.S. House. Committee on Interstate and Foreign Commerce.".
    None unless an office follows the body: one sentence alone may be the title."""
    start = _COUNTRY_ABBREVIATION.match(text)
    position = start.end() if start else 0
    end = None
    for index, sentence in enumerate(_SENTENCE.finditer(text[position:])):
        unit = sentence.group().rstrip(".")
        named = _body_name(unit, _GOVERNMENT_UNIT) if index == 0 else office_sentence(unit)
        if not (named or _CHAMBER.fullmatch(unit)):
            break
        end = position + sentence.end() if index else None
    return end


def office_sentence(unit: str) -> bool:
    """A sentence that names an office by its head word, every word capitalised or linking the name, commas
    allowed: "Office on Women's Health", "Subcommittee on Water, Power and Oceans of the Committee on Natural
    Resources", "Centers for Disease Control and Prevention"."""
    tokens = unit.replace(",", " ").split()
    return (
        bool(_OFFICE_HEAD.match(unit))
        and len(tokens) <= 20
        and all(t[:1].isupper() or t in ORG_LINKS for t in tokens)
        and not any(re.fullmatch(r"[A-Z]\.", t) for t in tokens)
    )


def _jurisdiction_first(parts: list[re.Match]) -> bool:
    """MLA's government author opens with the jurisdiction, then its legislature or a department: "United
    States, Congress, House, ...", "Canada, Parliament, Senate, ...", "California, Department of Education"."""
    words = parts[0][1].split()
    return (
        len(parts) > 1
        and 1 <= len(words) <= 3
        and all(word[:1].isupper() for word in words)
        and bool(_CHAMBER.fullmatch(parts[1][1]) or _body_name(parts[1][1], _OFFICE_WORDS))
    )


# A body named for a list of fields without the serial comma, closed by a full stop or a comma: "Ministry of
# Agriculture, Fisheries and Food.", "Directorate-General for Education, Youth, Sport and Culture (European
# Commission).", "Department of Health, Education and Welfare,".
_FIELDS_NAMED_BODY = re.compile(
    r"^(?:[A-Z][\w’'-]*\s+)*?(?:Ministry|Department|Dept\.|Directorate(?:-General)?|Office|Commission|Committee|"
    r"Council|Institute|School|Faculty|Academy|Academies)\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"
    r"(?:,\s+[A-Z][\w’'-]*){1,4},?\s+(?:and|&)\s+[A-Z][\w’'-]*(?:\s+\([^()]{2,40}\))?(?=\.\s|,\s)"
)


def fields_named_body_end(text: str) -> int | None:
    """Where an author that is a body named for a list of fields ends ("Ministry of Agriculture, Fisheries and
    Food."); None for anything else."""
    match = _FIELDS_NAMED_BODY.match(text)
    return match.end() if match else None


def is_body_hierarchy(zone: str) -> bool:
    """Whether the whole zone is a body and its offices ("U.S. Congress, House Committee on Public Works")."""
    zone = zone.rstrip(" ,.")
    return "," in zone and (body_hierarchy_end(zone + ", x") or 0) >= len(zone)


def _body_name(part: str, words: re.Pattern) -> bool:
    """A part in title case of at most eight words, naming a body by one of words, with no initials; the
    short name in brackets after it aside ("Economic Research Service (ERS)")."""
    tokens = re.sub(r"\s*\([A-Z]{2,8}\)$", "", part).split()
    return (
        len(tokens) <= 8
        and bool(words.search(part))
        and all(t[:1].isupper() or t in ORG_LINKS for t in tokens)
        and not any(re.fullmatch(r"[A-Z]\.", t) for t in tokens)
    )


def _fields_list(parts: list[re.Match], index: int) -> int | None:
    """The index after a list of fields that closes a body's name ("Engineering, and Medicine"): capitalised
    parts of one to three words, the last opening with "and"; None when the parts at index are none."""
    for last in range(index, min(index + 4, len(parts))):
        words = parts[last][1].split()
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() or w in {"and", "&"} for w in words):
            return None
        if words[0] in {"and", "&"} and last > index - 1:
            return last + 1 if len(words) > 1 else None
    return None
