"""The designations government and legal citations are written with, and the rule that the number in
one is never a year.

US practice, as CRS reports and law reviews write it: bills and resolutions ("S. 2093", "H.R. 2012",
"H.Res. 5", "S.Con.Res. 33"), public laws ("P.L. 114-17", "Pub. L. No. 117-58"), the Statutes at
Large ("129 Stat. 201"), the U.S. Code ("42 U.S.C. §1983"), the Code of Federal Regulations
("40 C.F.R. §60.5"), the Federal Register ("89 Fed. Reg. 12345"), the Congressional Record
("171 Cong. Rec. S345"), court reporters ("603 U.S. 369"), executive orders, committee reports
("H.Rept. 118-12") and CRS products ("CRS Report RL30240", "CRS In Focus IF10015"); and the states'
bills ("A.B. 1832") and codes ("Or. Rev. Stat. §196.405").
"""

from __future__ import annotations

import re
from functools import lru_cache

# Federal bills, and the states' assembly, senate and house bills ("A.B. 1832", "S.B. 5", "H.B. 123"); a
# House bill also without its full stops ("HR 2100", "H.R 12"), never inside a word.
BILL = r"(?:H\.\s?R\.|(?<![\w.])H\.?R\b\.?|S\.|[ASH]\.\s?B\.)\s?\d{1,5}\b"
RESOLUTION = r"(?:H|S)\.\s?(?:Con\.\s?|J\.\s?)?Res\.\s?\d{1,5}\b"
# Public laws by Congress and number ("P.L. 114-17"), and before 1957 by number alone ("Pub. L. No. 404").
PUBLIC_LAW = (
    r"(?:(?:P\.\s?L\.|Pub\.\s?L\.|Public\s+Law)\s?(?:No\.\s?)?\d{1,3}\s?[-–]\s?\d{1,4}|"
    r"(?:Pub\.\s?L\.|Public\s+Law)\s?No\.\s?\d{1,4})\b"
)
STATUTE = r"\d{1,3}\s+Stat\.\s+\d{1,5}\b"
# "42 U.S.C. §1983", and several sections after "§§": "5 U.S.C. §§ 551–559, 701–706, 1305"; the title
# named as such, the last full stop left out ("Title 7 U.S.C § 8771"); its subsections, a run of them
# ("§4012a(b)(1)-(3)"), and a section's "note" (the notes printed under it: "42 U.S.C. §3121 note").
US_CODE = (
    r"(?:Title\s+)?\d{1,2}\s+U\.\s?S\.\s?C\.?(?:\s?A\.)?\s*(?:§§\s*\d+[\w.–-]*(?:,\s*\d+[\w.–-]*)*|(?:§\s*)?\d+[\w.–-]*)"
    r"(?:\([\w]{1,4}\))*(?:[-–]\([\w]{1,4}\))?(?:\s+note\b)?"
)
CFR = r"\d{1,2}\s+C\.\s?F\.\s?R\.\s*(?:§§?\s*|(?:[Pp]ts?\.|[Pp]arts?)\s*)?\d+(?:\.\d+)?[\w–-]*"
# A state's code by its Bluebook abbreviation, then up to three words of its subject: "Or. Rev. Stat.
# §196.405", "Cal. Gov't Code § 12940", "Tex. Water Code Ann. § 11.021", "Cal. Health & Safety Code § 25249.6".
STATE_CODE = (
    r"(?:[A-Z][a-z]{0,5}\.\s?){1,2}(?:(?:[A-Z][a-z]*(?:[’'][a-z]+)?\.?|&)\s){0,3}"
    r"(?:Stat|Code|Laws)\.?(?:\s?Ann\.)?\s*§§?\s*\d[\w.:–-]*"
)
# "89 Fed. Reg. 12345", also with the issue in brackets after the volume ("87(223) Federal Register 70733").
FEDERAL_REGISTER = r"\d{1,3}(?:\(\d{1,3}\))?\s+(?:Fed\.\s?Reg\.|Federal\s+Register|F\.\s?R\.|FR)\s+\d+(?:,\d{3})*\b"
CONGRESSIONAL_RECORD = r"\d{1,3}\s+Cong\.\s?Rec\.?\s+[HSDE]?\d+"
# "603 U.S. 369", "143 S. Ct. 2028", "598 F.3d 123", "512 F. Supp. 3d 45"; "___" for a page not yet fixed.
REPORTER = (
    r"\d{1,4}\s+(?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|F\.(?:\s?(?:2d|3d|4th))?|"
    r"F\.\s?Supp\.(?:\s?(?:2d|3d))?|F\.\s?App[’']x|Fed\.\s?Cl\.|B\.R\.)\s+(?:\d+|_{2,})"
)
# A president's orders by number ("Executive Order 14008"), a governor's often by number and year ("Exec. Order
# No. 2023-05", "No. 012-2023").
EXECUTIVE_ORDER = (r"(?:Executive\s+Order(?:\s+\(E\.\s?O\.\))?|Exec\.\s?Order|E\.\s?O\.)\s+(?:No\.\s?)?\d{1,5}"
                   r"(?:[-–]\d{1,4})?\b")  # "Executive Order (E.O.) 14347": its short name between
# A constitution by its provisions ("U.S. Const. amend. XIV, § 1", "U.S. Constitution, art. 1, sec. 8, cl. 3",
# "Article I, Section 8", a state's "Cal. Const. art. I, § 7").
CONSTITUTION = (
    r"(?:United\s+States\s+|(?:[A-Z][a-z]{0,5}\.\s?){1,2})Const(?:itution\b|\.)"
    r"(?:,?\s+(?i:art(?:icle)?|amend(?:ment)?|sec(?:tion)?|cl(?:ause)?|pmbl|§)\.?\s*(?:[\d]+|[IVXLC]+)\b)*"
)
COMMITTEE_REPORT = r"(?:(?:H|S)\.\s?(?:R\.\s?)?|(?<![\w.])HR\s?)Rept?\.\s?(?:No\.\s?)?\d{2,3}\s?[-–]\s?\d{1,4}\b"
CRS_PRODUCT = (
    r"(?:CRS|Congressional\s+Research\s+Service)\s+(?:Report|In\s+Focus|Insight|Legal\s+Sidebar|"
    r"Testimony|Memorandum|Infographic)\s+(?:No\.\s?)?[A-Z]{1,3}\d{3,5}\b"
)

# Every designation with its kind, tried in this order (a committee report before a bill, whose "H.R."
# it opens with; a resolution before a bill).
KINDS = {
    "committee_report": COMMITTEE_REPORT,
    "crs": CRS_PRODUCT,
    "resolution": RESOLUTION,
    "public_law": PUBLIC_LAW,
    "bill": BILL,
    "statute": STATUTE,
    "us_code": US_CODE,
    "cfr": CFR,
    "state_code": STATE_CODE,
    "federal_register": FEDERAL_REGISTER,
    "congressional_record": CONGRESSIONAL_RECORD,
    "executive_order": EXECUTIVE_ORDER,
    "constitution": CONSTITUTION,
    "reporter": REPORTER,
}
_LEADING = {kind: re.compile(rf"^(?:{pattern})") for kind, pattern in KINDS.items()}
ANY_DESIGNATION = re.compile("|".join(f"(?:{pattern})" for pattern in KINDS.values()))

# Labels after which a number counts something or names a provision, never a year: "No. 2019",
# "vol. 2014", "§ 1983", "Stat. 2001" after a volume. "S.", "H.R.", "P.L." and "E.O." are also
# initials ("Smith, S. 2010."), so they count only where no name can stand: at the start, after
# "; ", a bracket or a word that introduces a citation ("see", "of", "in").
_UNAMBIGUOUS_LABELS = (
    r"(?:\b(?:[Nn]os?|[Nn]r|[Vv]ol|[Vv]ols)\.|\b[HS]\.\s?(?:Con\.\s?|J\.\s?)?Res\.|\b[Vv]olume|§§?|\bPub\.\s?L\.(?:\s?No\.)?|\bPublic\s+Law|"
    r"\b(?:Executive|Exec\.)\s+Order(?:\s+No\.)?|\bHR|"
    r"\d+\s+(?:Stat\.|U\.\s?S\.\s?C\.(?:\s?A\.)?|C\.\s?F\.\s?R\.|Fed\.\s?Reg\.|Cong\.\s?Rec\.|U\.\s?S\.))"
)
_INITIAL_LIKE_LABELS = r"(?:S\.|H\.\s?R\.|P\.\s?L\.|E\.\s?O\.)"
_CITING_CONTEXT = r"(?:^|[;(\[]\s*|\b(?:[Ss]ee|also|[Cc]f\.|of|in|under)\s+)"
_LABEL_BEFORE = re.compile(rf"(?:{_UNAMBIGUOUS_LABELS}|{_CITING_CONTEXT}{_INITIAL_LIKE_LABELS})\s*$")
_LABEL_WINDOW = 40  # characters before a number that can hold its label


def number_is_designated(text: str, start: int) -> bool:
    """Whether the number starting at `start` follows a label that makes it a bill, law, provision,
    volume or serial number ("S. 2093", "No. 2019", "vol. 2014"), so that it is not a year."""
    return bool(_LABEL_BEFORE.search(text[max(0, start - _LABEL_WINDOW) : start]))


# A provision named by its number: "Section 408", "section 416 of the Act", "§ 521", "Title 42", "Article 5",
# "Chapter 11", the Commonwealth styles' "s 14", "ss 41", "cl 83", "reg 9"; and a part of a document a
# sentence points to: "Table 1 compares ...", "Figure 2", "Box 4" (capitalized: "a box 30 inches wide").
_PROVISION_LABEL = re.compile(r"(?:\b(?i:sections?|secs?\.|titles?|articles?|chapters?|subsections?|paragraphs?)|§§?|"
                              r"(?<![\w'’])(?<!['’] )(?:ss?|cls?|regs?|pt|sch)\.?(?=\s)|"
                              r"\b(?:Parts?|Rules?|Amendments?|Tables?|Figures?|Figs?\.|Appendix|Appendices|Box(?:es)?|"
                              r"Exhibits?|Charts?|Annex(?:es)?))\s*$")


# A document or standard by its series' initials: "DODD 3000.09", "RFC 791", "IEEE 802.3", "ISO 9001"; not a
# country or union before a count ("US 3,000 troops").
_SERIES_INITIALS = re.compile(r"(?<![\w.-])(?!(?:US|UK|EU|UN|USA)\s)[A-Z]{2,6}\s$")


def number_in_designation(text: str, start: int) -> bool:
    """Whether the number starting at `start` is part of a designation ("15 C.F.R. §970.516", "87 FR
    52743", "H.R. 3803"), follows a label that makes it one (number_is_designated), names a
    provision ("Section 408") or a document of a series ("RFC 791"): a citation, not a figure."""
    before = text[max(0, start - 15):start]
    return bool(number_is_designated(text, start) or _PROVISION_LABEL.search(before) or _SERIES_INITIALS.search(before)
                or any(low <= start < high for low, high in _designation_spans(text)))


@lru_cache(maxsize=64)  # asked for each number of a sentence
def _designation_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(match.span() for match in ANY_DESIGNATION.finditer(text))


def leading_designation(text: str) -> tuple[str, re.Match] | None:
    """The kind of designation text opens with and its match ("S. 2093, ..." -> ("bill", ...))."""
    for kind, pattern in _LEADING.items():
        match = pattern.match(text)
        if match:
            return kind, match
    return None


def compact_number(designation: str) -> str:
    """A designation as a comparable key: "H.R. 2012" and "H.R.2012" -> "hr2012", "§ 1983" -> "1983"."""
    return re.sub(r"[^a-z0-9-]", "", designation.lower().replace("–", "-"))
