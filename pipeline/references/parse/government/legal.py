"""Government and legal references: bills and resolutions, public laws, the Statutes at Large, the
U.S. Code and the C.F.R., the Federal Register, the Congressional Record, court cases, executive
orders, committee reports and CRS products, and (through statements) floor statements, testimony,
hearings, letters and memoranda. Entry point: parse_government.

Each is typed for CSL (`bill`, `legislation`, `legal_case`, `report`, `speech`,
`personal_communication`) with its designation as `number` the way CSL styles print it (a bill's
"S. 2093", a public law's "114-17", which styles precede with "Pub. L. No."), the short title as
`title` when the note gives one ("S. 2093, Fair Access to Banking Act"), else the designation itself,
and `issued` only from a date the note writes as a date: a designation's digits are never a year.
Codes, registers, the Record and executive orders are cited by volume, section or page in their container
(`42 U.S.C. §1983` -> U.S. Code, volume 42, section 1983) with no `number`, which styles would print
as a public law's; the bibliography still tells them apart by the designation their string opens with.
"""

from __future__ import annotations

import re

from pipeline.references.parse.authors.bodies import is_body_hierarchy, is_institution_name, office_sentence
from pipeline.references.parse.authors.names import parse_names
from pipeline.references.parse.container import serial_numbers
from pipeline.references.parse.government.acts import parse_named_act
from pipeline.references.parse.government.statements import (
    parse_statement,
    quoted,
    record_details,
    statement_of,
)
from pipeline.references.parse.segments import dates_whole, top_level_parts
from pipeline.text.dates import MONTH_PATTERN, YEAR, stated_date
from pipeline.text.designations import (
    BILL,
    CFR,
    EXECUTIVE_ORDER,
    FEDERAL_REGISTER,
    PUBLIC_LAW,
    REPORTER,
    RESOLUTION,
    STATE_CODE,
    STATUTE,
    US_CODE,
    leading_designation,
)

# Where each kind of designated document is published, as CSL's container-title. The two serials
# keep the name as the citation writes it ("Cong. Rec.", "Fed. Reg."): a container is never renamed.
_AS_CITED = {"federal_register", "congressional_record"}
_CONTAINERS = {
    "statute": "U.S. Statutes at Large",
    "us_code": "U.S. Code",
    "cfr": "Code of Federal Regulations",
    "federal_register": "Federal Register",
    "congressional_record": "Congressional Record",
}
_TYPES = {
    "bill": "bill", "resolution": "bill", "public_law": "legislation", "statute": "legislation",
    "us_code": "legislation", "cfr": "legislation", "state_code": "legislation", "federal_register": "legislation",
    "executive_order": "legislation", "constitution": "legislation", "congressional_record": "document",
    "committee_report": "report", "crs": "report", "reporter": "legal_case", "chapter": "legislation",
}
# "129 Stat. 201", "42 U.S.C. §1983", "89 Fed. Reg. 12345": a volume (or title), the series, the page or section.
_VOLUME_SERIES_PAGE = re.compile(
    r"^(?P<volume>\d+)(?:\((?P<issue>\d+)\))?\s+(?P<series>.+?)\s*(?:§§?\s*)?(?P<page>[HSDE]?\d[\w.,–-]*)$"
)
_CRS = re.compile(r"(?P<series>Report|In\s+Focus|Insight|Legal\s+Sidebar|Testimony|Memorandum|Infographic)\s+"
                  r"(?:No\.\s?)?(?P<number>[A-Z]{1,3}\d{3,5})")
# Where the names after "by" end and the note goes on: a lower-case word ("for more on ...", "to ..."), or a
# new sentence whose words run on in lower case ("... Lynch. Previously, the ..."), not an initial's full
# stop ("Ann N. Lee, figure 6").
_BYLINE_END = re.compile(
    r"\s+(?:for|on|to)\s+(?=[a-z])|(?<!\b[A-Z])\.\s+(?=[A-Z]\w+,?\s+(?:\S*\d\S*\s+)?(?!(?:and|for|on|to)\b)[a-z]{2,})"
)
_BY = re.compile(r"^(?:(?:coordinated|coord\.|edited|compiled|prepared)\s+)?by\s+", re.IGNORECASE)
# Parts after a title that are not more of it: dates, pages, Congress and session, "introduced ...".
# A part of a law cited within it, as a part of its own ("Division J", "Title III", "Article I",
# "Clause 3", not "Part D Improvement Act"), a figure or table cited in it ("figure 6"), and a code
# section's "et seq." are details too.
_DETAIL_PART = re.compile(
    r"^(?:\d{2,3}(?:st|nd|rd|th)\s+Cong|\d(?:st|nd)\s+sess|introduced|reported|passed|enacted|signed|agreed|"
    r"updated|pp?\.\s|vols?\.\s|at\s+\d|sec(?:tion)?\.?\s|§|daily\s+ed|\(|\d|(?:United\s+States\s+|U\.\s?S\.\s+)?Statutes\s+at|"
    r"et\s+seq\b|(?:(?:sub)?(?:title|division|part|article|chapter|clause|paragraph)|figure|fig\.|table|appendix)"
    r"\s+(?:[IVXLC]+|[A-Z]|\d+)[.;]?$)",
    re.IGNORECASE,
)
# A court reporter by any abbreviation, for the state reporters a case name is cited with: "175 Ill. 2d 399",
# "123 N.E.2d 456", "45 Cal. App. 4th 123"; only read after a case name, where nothing else stands.
_ANY_REPORTER = r"\d{1,4}\s+[A-Z][A-Za-z.’']*(?:\s?(?:[A-Z][A-Za-z.’']*|2d|3d|4th|5th))*\s+\d+"
_DOCKET = r"(?:(?:civil|case|docket)\s+)?(?:[Nn]o|[Nn]os)\.\s?[\w.:–-]+"
# A filing cited by its kind before the case it was filed in: "Complaint, United States v. Live Nation, ...".
_FILING = (
    r"(?:(?:Complaint|(?:Final\s+|Proposed\s+)?Judgment|Brief|Motion|Order|(?:Memorandum\s+)?Opinion|Petition|"
    r"Verdict|Amicus\s+Brief|Stipulation)\b[^,]{0,40},\s+)?"
)
_CASE = re.compile(
    rf"^{_FILING}(?P<name>(?:In\s+re|Ex\s+parte)\s.+?|.+?\sv\.\s.+?),\s+(?P<cite>{REPORTER}|{_DOCKET}|{_ANY_REPORTER})"
    r"(?P<pin>,\s*\d[\d\s,–-]*)?(?:(?:,\s*[^()]+?)?\s*\((?P<court>[^()]*?)\s*"
    r"(?P<date>(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+)?\d{4})\)|,\s*(?P<filed>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}))"
)
# A case by its neutral citation, as courts of England, Wales, Canada and Australia number their judgments: the
# year in square brackets, the court and the number ("Roe v Harbour Board [2019] EWCA Civ 123", "[2020] UKSC
# 5"), or all three in round ones ("Lee v Canada (2012 BCSC 886)"). The year is the judgment's.
_NEUTRAL_CASE = re.compile(
    rf"^(?P<name>.+?\sv\.?\s.+?)\s*(?:\[(?P<year>{YEAR})\]|\((?P<round>{YEAR})(?=\s+[A-Z]{{2,8}}\s+\d+\)))\s+"
    r"(?P<court>[A-Z][A-Za-z]{1,7}(?:\s(?:Civ|Crim|Admin|QB|KB|Ch|Fam))?)\s+\d+\b"
)
# An Act of a parliament by its chapter in the year's statutes, after its name: "Harbour Safety Act 2004, c. 12".
_CHAPTER = r"c(?:h|ap)?\.\s?\d{1,4}\b"
# The short name a law is known by, given before its designation: "Harbour Renewal and Jobs Act
# (HRJA; P.L. 119-42)", "Harbour Improvement Act of 2018 (2018 harbour bill; P.L. 115-9)".
_SHORT_NAME = r"[^;()“\"]{1,40}?"
# A law, bill or code provision cited by its name first: "Americans with Disabilities Act of 1990, Pub. L. No.
# 101-336", "Orphan Works Act of 2008, H.R. 5889", "The Agriculture Improvement Act of 2018 (P.L. 115-334)",
# "Renewable Energy Production Incentives, 10 C.F.R. § 451"; or the body that issued it ("United States,
# Congress. Public Law 115-97.", "Office of the Governor, Exec. Order No. 12"). The name holds no number
# but a year.
_TITLED_LAW = re.compile(
    rf"^(?P<title>[^“\"()]+?)(?:,\s+|\s+\((?:{_SHORT_NAME};\s*)?|\s*\.\s+)"
    rf"(?=(?:{PUBLIC_LAW}|{RESOLUTION}|{BILL}|{STATUTE}|{US_CODE}|{CFR}|{STATE_CODE}|{EXECUTIVE_ORDER}|{_CHAPTER})(?!\w))"
)
_LEADING_CHAPTER = re.compile(_CHAPTER)
_PROVISION_OF = re.compile(r"^(?:(?:sub)?title|division|part|section|sec\.|§§?)\s*[\w.()-]+\s+of\s+(?:the\s+)?",
                           re.IGNORECASE)
# A number standing as a word of its own: not "COVID-19" or "5G", which names hold.
_BARE_NUMBER = re.compile(r"(?<![\w-])\d+(?![\w-])")
_NAME_YEAR = re.compile(rf"\b{YEAR}\b")
# What a law's name may hold besides words: the date of an Act named by it ("Act of June 25, 1948"), and
# the section of it cited ("Clean Harbours Act §404", "... sec. 12").
_NAME_DATE = re.compile(rf"\b(?:{MONTH_PATTERN})\.?\s+\d{{1,2}},\s+{YEAR}\b", re.IGNORECASE)
_NAME_SECTION = re.compile(r"\s*(?:§§?|\bsec\.|\bsection)\s*\d+[\w.()–-]*$", re.IGNORECASE)
_RULE = re.compile(rf"^(?P<author>[^“\"]+?),\s*(?P<title>[“\"].+?[”\"]),?\s*(?P<cite>{FEDERAL_REGISTER})")
_STAT = re.compile(STATUTE)
_STATUTES_VOLUME = re.compile(
    r"Statutes\s+at\s+Large,\s+vol\.\s+(?P<volume>\d+)(?:,\s+(?!pp?\.)[^,]*)?(?:,\s+pp?\.\s+(?P<page>\d+(?:[-–]\d+)?))?"
)
# Designations CSL styles would misprint as "Pub. L. No. ..." when given as `number`.
# The Record, too: its volume and page are where a statement is, which styles print from those fields; an Act
# by its chapter has that as its `chapter-number`.
_UNNUMBERED = {"statute", "us_code", "cfr", "state_code", "federal_register", "executive_order", "constitution",
               "congressional_record", "chapter"}
# Designations a note never titles in a sentence of its own after them: codes, registers, the Record.
_UNTITLED_AFTER_A_STOP = {"us_code", "cfr", "statute", "federal_register", "congressional_record", "state_code"}
_PUBLIC_LAW_LABEL = re.compile(r"^(?:P\.\s?L\.|Pub\.\s?L\.|Public\s+Law)\s?(?:No\.\s?)?")
_ARCHIVED = re.compile(r"^(?:archived|expired|superseded)\s+(?=CRS\b|Congressional\s+Research)", re.IGNORECASE)
# "Congressional Record, daily edition, ...", and MLA's "Cong. Rec. 5 Aug. 2010: 6803" (the date, then the page).
_RECORD_START = re.compile(r"^(?:Congressional\s+Record|Cong\.\s?Rec\.?)(?:\s*,|\s+(?=\d))")
# Bluebook's closing parenthetical, a year after the court or legislature if any: "(Cal. 2022)", "(2021)".
_CLOSING_YEAR = re.compile(rf"\s*\((?:[^()]*\b)?(?P<year>{YEAR})\)[.,;]?$")
# "Federal Register, vol. 91, no. 12 (January 20, 2026), pp. 2345-2360": an issue cited by its pages.
_REGISTER_START = re.compile(r"^(?P<name>Federal\s+Register|Fed\.\s?Reg\.)\s*,\s*vol\.\s*\d", re.IGNORECASE)
_SIGNED = re.compile(r"^of\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})[\s,.]*")


def parse_government(text: str) -> dict | None:
    """A CSL item (no raw, no id) for a government or legal reference; None for anything else."""
    text = _ARCHIVED.sub("", text.strip(" .;"))  # "archived CRS Report RL30959, ..."
    found = leading_designation(text)
    if found:
        return _designated(text, *found)
    provision = _PROVISION_OF.match(text)
    found = leading_designation(text[provision.end() :]) if provision else None
    if found:  # "Section 3 of P.L. 118-5": the law, cited at one of its provisions
        return _designated(text[provision.end() :], *found)
    titled = _TITLED_LAW.match(text)
    if titled and _law_name(titled["title"]):
        return _named_law(titled["title"].strip(), text[titled.end() :])
    return (parse_named_act(text) or _case(text) or _neutral_case(text) or _rule(text) or _record_issue(text)
            or _register_issue(text) or parse_statement(text))


def _named_law(name: str, rest: str) -> dict:
    """The designated document after a name, which is its title, or its author when it names a body; an Act
    cited by its chapter takes the year its name ends in."""
    found = leading_designation(rest) or ("chapter", _LEADING_CHAPTER.match(rest))
    item = _designated(rest, *found)
    if is_body_hierarchy(name) or is_institution_name(name) or office_sentence(name):
        return {**item, "author": [{"literal": name}]}
    year = re.search(rf"\b(?P<year>{YEAR})$", name)
    if found[0] == "chapter" and year and "issued" not in item:
        item["issued"] = {"date-parts": [[int(year["year"])]]}
    return {**item, "title": name}


def _law_name(name: str) -> bool:
    """Whether the words before a designation name a law or a body: two words or more, no number but a year
    (words such as "COVID-19" aside), no initials, and ending in a word or a year ("Sutherland, R. S. 2017"
    is an author and a year). A provision of the law named ("Section 1102 of ...") is looked past."""
    name = _PROVISION_OF.sub("", name)  # "Section 412 of the Harbour Safety Act of 2019": the Act's name
    name = _NAME_SECTION.sub("", _NAME_DATE.sub("1900", name))
    words = name.split()
    return (
        len(words) >= 2
        and not _BARE_NUMBER.search(_NAME_YEAR.sub("", name))
        and not re.search(r"(?:^|\s)[A-Z]\.(?:,|\s|$)|\s&\s", name)  # "Agarwal, B., & Khochfar": authors
        and bool(re.fullmatch(r"[A-Za-z’'-]*[a-z]{2,}|\d{4}", words[-1]))
    )


def _designated(text: str, kind: str, match: re.Match) -> dict:
    designation = " ".join(match.group().split())
    rest = text[match.end() :].strip(" ,.;:")
    if kind == "crs":
        return _crs_product(designation, rest)
    item: dict = {"type": _TYPES[kind]}
    if kind not in _UNNUMBERED:
        item["number"] = _PUBLIC_LAW_LABEL.sub("", designation) if kind == "public_law" else designation
    if kind == "executive_order":
        item["genre"] = designation
    if kind == "chapter":
        item["chapter-number"] = re.sub(r"\D", "", designation)
    if kind in _CONTAINERS:
        item.update(_volume_and_page(designation, kind))
    signed = _SIGNED.match(rest)
    if signed:  # "Executive Order 14110 of October 30, 2023, ...": the date it was signed
        if stated_date(signed["date"]):
            item["issued"] = {"date-parts": [stated_date(signed["date"])]}
        rest = rest[signed.end() :]
    parts = dates_whole(top_level_parts(rest))  # "91 Fed. Reg. 2345, January 20, 2026": no title
    title, details = _short_title(parts)
    if title and kind in _UNTITLED_AFTER_A_STOP and re.match(r"\.\s+[A-Z]", text[match.end() :]):
        title = None  # "42 U.S.C. §4336(a)(2). Further, ...": the next sentence explains, it titles nothing
    item["title"] = title or designation
    if title and kind == "executive_order" and text[match.end() :].lstrip().startswith(":"):
        item["title"] = f"{designation}: {title}"  # "Exec. Order No. 12: An Order Creating ...", as it is titled
    statute = _STAT.search(rest) if kind in ("public_law", "bill", "chapter") else None
    if statute:  # "P.L. 114-17, 129 Stat. 201": where the law is printed
        item.update(_volume_and_page(statute.group(), "statute"))
    volume = _STATUTES_VOLUME.search(rest) if not statute else None
    if volume:  # MLA's "United States Statutes at Large, vol. 131, 2017, pp. 2054-2238"
        item.update({"container-title": _CONTAINERS["statute"], "volume": volume["volume"]})
        item.update({"page": volume["page"]} if volume["page"] else {})
    register = re.search(FEDERAL_REGISTER, rest) if kind == "executive_order" else None
    if register:  # where the order is printed
        item.update(_volume_and_page(" ".join(register.group().split()), "federal_register"))
    if kind == "committee_report":
        item["genre"] = "House report" if designation.startswith("H") else "Senate report"
    issued = stated_date(", ".join(details)) if details and not signed else None
    closing = _CLOSING_YEAR.search(rest) if not (issued or signed) else None
    issued = issued or (closing and (stated_date(closing.group()) or [int(closing["year"])]))
    if issued:  # the date the parts after the title state, else the closing parenthetical's
        item["issued"] = {"date-parts": [issued]}
    speakers = statement_of(rest) if kind == "congressional_record" else []
    if speakers:
        item.update(type="speech", author=speakers)
    return item


def _short_title(parts: list[str]) -> tuple[str | None, list[str]]:
    """The title a note gives after a designation ("Fair Access to Banking Act", a quoted title), and the
    parts after it. A part that is a date, a page or a Congress is no title."""
    if not parts:
        return None, []
    found = quoted(parts[0])
    if found:
        return found[0], ([found[1]] if found[1] else []) + parts[1:]
    spanned = _serial_list(parts)
    first = _CLOSING_YEAR.sub("", re.sub(r"^the\s+", "", ", ".join(parts[:spanned]))).strip(" .")
    if re.match(r"(?:and|or)\s", first):  # "43 C.F.R. Part 46 and DOI, Handbook ...": the next work, no title
        return None, parts
    if first[:1].islower():  # "P.L. 101-380 established the Trust Fund": what the law did, not its name
        return None, parts
    if _DETAIL_PART.match(first) or stated_date(first) or _STAT.match(first) or not re.search(r"[A-Za-z]{3}", first):
        return None, parts
    return first, parts[spanned:]


# A part that ends a title written as a serial list ("Coronavirus Aid, Relief, and Economic Security Act").
_LAST_OF_LIST = re.compile(rf"^(?:and|or|&)\s+[A-Z][^\d]*?(?:\s+of\s+{YEAR})?$")  # "..., and Energy Act of 2008"


def _serial_list(parts: list[str]) -> int:
    """How many of the leading parts one title spans: more than one only when the next parts are capitalized
    words and the last of them opens with "and" or "or", as a list of words inside a name does."""
    for index, part in enumerate(parts[1:4], start=1):
        if _LAST_OF_LIST.match(part):
            return index + 1
        if not re.fullmatch(r"[A-Z][^\d]*", part) or _DETAIL_PART.match(part):
            return 1
    return 1


def _volume_and_page(designation: str, kind: str) -> dict:
    split = _VOLUME_SERIES_PAGE.match(re.sub(r"^Title\s+", "", designation))
    if not split:
        return {"container-title": _CONTAINERS[kind]}
    field = "section" if kind in ("us_code", "cfr") else "page"
    container = " ".join(split["series"].split()) if kind in _AS_CITED else _CONTAINERS[kind]
    issue = {"issue": split["issue"]} if split["issue"] else {}  # "87(223) Federal Register 70733"
    return {"container-title": container, "volume": split["volume"], **issue, field: split["page"].rstrip(".,")}


def _crs_product(designation: str, rest: str) -> dict:
    """ "CRS Report RL39112, Congressional Review of Harbor Agencies, coordinated by Nora Kessel, Paul Amari, and
    Christopher M. Davis": a report of the Congressional Research Service, with its product number; the
    publisher as the string writes it."""
    product = _CRS.search(designation)
    publisher = " ".join(designation[: product.start()].split())  # as written: "CRS" or its name in full
    item: dict = {"type": "report", "genre": f"CRS {' '.join(product['series'].split())}",
                  "number": product["number"], "publisher": publisher}
    parts = top_level_parts(rest)
    by = next((i for i, part in enumerate(parts) if _BY.match(part)), None)
    title_parts = parts[:by] if by is not None else _until_detail(parts)
    found = quoted(title_parts[0]) if title_parts else None
    title = found[0] if found else ", ".join(title_parts).strip(" .")
    if title:
        item["title"] = title
    after = parts[by:] if by is not None else parts[len(title_parts) :]
    if by is not None:
        names = _BY.sub("", ", ".join(_until_detail(after, first_kept=True)))
        names = _BYLINE_END.split(names)[0]  # "by Ann Lee for more on ...": the note goes on
        item["author"] = parse_names(re.sub(r"\s*\(coord(?:inator)?s?\.?\)", "", names))
    issued = stated_date(", ".join(after))
    if issued:
        item["issued"] = {"date-parts": [issued]}
    return {key: value for key, value in item.items() if value}


def _until_detail(parts: list[str], first_kept: bool = False) -> list[str]:
    """The leading parts before the first that is a date, a page or another detail."""
    kept = []
    for index, part in enumerate(parts):
        if not (first_kept and index == 0) and (_DETAIL_PART.match(part) or stated_date(part)):
            break
        kept.append(part)
    return kept


def _case(text: str) -> dict | None:
    """ "Loper Bright Enterprises v. Raimondo, 603 U.S. 369 (2024)", "Murthy v. Missouri, No. 23-411 (U.S.
    June 26, 2024)", "In re Grand Jury Subpoena, 912 F.3d 623 (D.C. Cir. 2019)"."""
    case = _CASE.match(text)
    if not case:
        return None
    item: dict = {"type": "legal_case", "title": case["name"].strip()}
    cite = " ".join(case["cite"].split())
    reporter = _VOLUME_SERIES_PAGE.match(cite)
    if re.match(_DOCKET, cite):
        item["number"] = cite
    elif reporter:
        item.update({"container-title": reporter["series"], "volume": reporter["volume"], "page": reporter["page"]})
    court = (case["court"] or "").strip(" ,")
    if court:
        item["authority"] = court
    elif reporter and reporter["series"] in {"U.S.", "S. Ct.", "L. Ed.", "L. Ed. 2d"}:
        item["authority"] = "U.S. Supreme Court"
    issued = stated_date(f"({case['date'] or case['filed']})")
    if issued:
        item["issued"] = {"date-parts": [issued]}
    return item


def _neutral_case(text: str) -> dict | None:
    """ "Roe v Harbour Board [2019] EWCA Civ 123", "Lee v Attorney General of Canada (2012 BCSC 886)"."""
    case = _NEUTRAL_CASE.match(text)
    if not case:
        return None
    year = int(case["year"] or case["round"])
    return {"type": "legal_case", "title": case["name"].strip(" ,"), "authority": case["court"],
            "issued": {"date-parts": [[year]]}}


def _record_issue(text: str) -> dict | None:
    """ "Congressional Record, daily edition, vol. 169 (October 3, 2023), pp. H4969-4978": pages of the Record
    cited by themselves, with no speaker or title."""
    if not _RECORD_START.match(text):
        return None
    item: dict = {"type": "document", **record_details(text)}
    issued = stated_date(text)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    return item


def _register_issue(text: str) -> dict | None:
    """ "Federal Register, vol. 91, no. 12 (January 20, 2026), pp. 2345-2360": pages of the Register
    cited by themselves, with no agency or title; titled by their designation ("91 Federal Register 2345")."""
    start = _REGISTER_START.match(text)
    if not start:
        return None
    item: dict = {"type": "legislation", "container-title": " ".join(start["name"].split()), **serial_numbers(text)}
    if item.get("volume") and item.get("page"):  # titled by its designation, as "91 Fed. Reg. 2345, ..." is
        item["title"] = f"{item['volume']} {item['container-title']} {re.split(r'[-–]', item['page'])[0]}"
    issued = stated_date(text)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    return item


def _rule(text: str) -> dict | None:
    """ "Department of X, "Title," 89 Fed. Reg. 12345, February 20, 2024": a rule or notice in the Federal
    Register, by its agency."""
    rule = _RULE.match(text)
    if not rule:
        return None
    found = quoted(rule["title"])
    item: dict = {"type": "legislation", "title": found[0] if found else rule["title"]}
    item.update(_volume_and_page(" ".join(rule["cite"].split()), "federal_register"))
    authors = parse_names(rule["author"])
    if authors:
        item["author"] = authors
    issued = stated_date(text[rule.end() :])
    if issued:
        item["issued"] = {"date-parts": [issued]}
    return item
