"""Acts, bills and regulations of parliaments cited by their name, as the Commonwealth styles write them.

- AGLC (Australia): the name with its year, the jurisdiction in brackets, then the provision: "Family Law
  Act 1975 (Cth) s 60B", "Carbon Pollution Reduction Scheme Bill 2009 (Cth) cl 83". The year is part of
  the name, not a date of the citation: no `issued`.
- McGill (Canada): the name, the statute volume and its year, the chapter: "Territorial Lands Act, RSC
  1985, c T-7, s 3"; a bill by its number first: "Bill 20, Freedom of Information Amendment Act, 2006, 2nd
  Sess, ...". The volume's year is the citation's `issued`.
- OSCOLA (United Kingdom) and plain forms: the name with its year and a section: "Human Rights Act 1998,
  s 3", "Children Act 1989 s 1".
- A name before a state code cited by title and section: "Nurse Practice Act, 225 ILCS § 65 (2007)".

The name is the title. It is read only where the form says law: a capitalized name ending in Act, Bill,
Regulations and the like, followed by a jurisdiction, a statute volume, a chapter or a provision.
"""

from __future__ import annotations

import re

from pipeline.text.dates import YEAR
from pipeline.text.titlecase import in_title_case

_LAW_WORD = r"(?:Act|Bill|Regulations?|Rules|Ordinance|Order|Measure|Statute)"
_JURISDICTION = (r"\((?:Cth|NSW|Vic|Qld|SA|WA|Tas|NT|ACT|NZ|UK|Imp|Can|Ont|Que|BC|Alta|Sask|Man|NS|NB|PEI|NL|Nfld|"
                 r"Yuk|NWT|Nu|Ire|Scot|NI)\)")
_PROVISION = r"(?:ss?|cl|cls|reg|regs|r|rr|pt|div|sch|art)\s+\d"
_VOLUME = rf"(?P<volume>[A-Z]{{1,5}})\s+(?P<volume_year>{YEAR}),\s+c\s+[\w.-]+"  # "RSC 1985, c T-7"
_STATE_CODE = r"\d{1,3}\s+[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*\s*§"  # "225 ILCS §", "225 IL.C.S. § §"
_NAMED = re.compile(
    rf"^(?:(?P<bill>Bill\s+[A-Z]?-?\d+),\s+)?(?P<name>[A-Z][^,;:“”\"]*?\b{_LAW_WORD}(?:,?\s+{YEAR})?"
    rf"(?:\s+\(No\.?\s*\d+\))?)"
    rf"(?P<rest>\s*{_JURISDICTION}.*|,\s+(?:{_VOLUME}|being\b|{_PROVISION}|{_STATE_CODE}|\d+(?:st|nd|rd|th)\s+Sess).*"
    rf"|\s+{_PROVISION}.*|\.?)$"
)
_CLOSING_YEAR = re.compile(rf"\((?:[^()]*\b)?(?P<year>{YEAR})\)\s*\.?\s*$")
_VOLUME_LATER = re.compile(rf",\s+(?:{_VOLUME}|(?P<bare_year>{YEAR}),\s+c\s+\d)")


def parse_named_act(text: str) -> dict | None:
    """A CSL item for an Act, bill or regulation cited by its name in one of the forms above; None else."""
    found = _NAMED.match(text.strip())
    if not found or not _reads_as_a_name(found["name"]):
        return None
    name = found["name"]
    kind = "bill" if found["bill"] or re.search(r"\bBill\b", name) else "legislation"
    item: dict = {"type": kind, "title": name}
    if found["bill"]:
        item["number"] = found["bill"]
    volume = _VOLUME_LATER.search(found["rest"])
    closing = _CLOSING_YEAR.search(found["rest"]) if re.search(_STATE_CODE, found["rest"]) else None
    year = (volume and (volume["volume_year"] or volume["bare_year"])) or (closing and closing["year"])
    if year:
        item["issued"] = {"date-parts": [[int(year)]]}
    return item


def _reads_as_a_name(name: str) -> bool:
    """Capitalized words (small words aside, bracketed parts allowed), two at least, none a person's
    initial: "Registered Clubs Act 1976", "Corporations Amendment (Crowd-Sourced Funding) Bill 2015"."""
    words = re.sub(r"\([^()]*\)", " ", name).replace(",", " ").split()
    if len(words) < 2 or any(re.fullmatch(r"[A-Z]\.", word) for word in words):
        return False
    return in_title_case(words)
