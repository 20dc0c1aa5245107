"""The bibliography as citeproc may see it: cited works only, our fields out, markup inert.

- only the works the briefing cites go to citeproc (a seed with a 10,000-entry sidecar costs
  nothing), and the sources list lists only those;
- a work without an author gets a short title (`title-short`), which author-date styles use in
  in-text citations: ("Axis of Upheaval?," n.d.) rather than the whole title;
- a work without a title is listed as "[Untitled]", the usual bracketed description;
- seed text stays text: citeproc reads <i>, <b>, <sup>, <sub> and <span ...> in CSL strings as
  formatting, so a zero-width space after "<" keeps any tag from being one; only web URLs stay;
- a designation prints once: a law, bill, code section or Record page titled by its designation ("H.R.
  2012", "42 U.S.C. §7401") goes to citeproc without the fields it would print the designation from again
  ("H.R. 2012, H.R. 2012."; "42 U.S.C. §7401, 42 U.S. Code § 7401.");
- one number is one: citeproc reads a hyphen between digits as a range and labels it in the plural
  ("Pub. L. Nos. 117-58"), so a number's hyphens are typographic ones (U+2010), which it does not
  (nor a non-breaking U+2011, but that made WeasyPrint break the line after the entry's first word).
"""

from __future__ import annotations

import re

from pipeline.render.labels import short_title
from pipeline.text.designations import leading_designation

# Fields of ours that are not CSL variables: kept in bibliography.json, not handed to citeproc.
NOT_CSL = {"raw", "originals", "citation-number", "citation-key", "ibid-of", "unresolved", "sources", "reason"}
CSL_TAG = re.compile(r"<(?=/?\s*(?:i|b|sup|sub|span|sc)\b)", re.IGNORECASE)
WEB_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
# A citation in pandoc Markdown: "@key" not escaped ("\@" is seed text) and not inside a word (e-mail).
CITATION = re.compile(r"(?<![\\\w])@([A-Za-z0-9][A-Za-z0-9_.:-]*[A-Za-z0-9]|[A-Za-z0-9])")
UNTITLED = "[Untitled]"
# A public law's "117-58", a working paper's "12-3", a report's "OIG-24-012": a work's number is one
# designation, whose hyphens join its parts; none is a range of numbers.
# The designations whose container, volume and section or page citeproc prints as the designation again.
CITED_IN_PLACE = {"statute", "us_code", "cfr", "federal_register", "congressional_record"}
PLACE_FIELDS = ("container-title", "volume", "section", "page", "issue")
DESIGNATION_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def inert(value):
    if isinstance(value, str):
        return CSL_TAG.sub("<\u200b", value)
    if isinstance(value, list):
        return [inert(v) for v in value]
    if isinstance(value, dict):
        return {k: inert(v) for k, v in value.items()}
    return value


def citeproc_item(item: dict) -> dict:
    """A bibliography item as citeproc may see it: our own fields out, markup inert, web links only."""
    cleaned = {key: inert(value) for key, value in item.items() if key not in NOT_CSL}
    if isinstance(cleaned.get("number"), str):
        cleaned["number"] = DESIGNATION_HYPHEN.sub("\u2010", cleaned["number"])
    if "URL" in cleaned and not WEB_URL.fullmatch(str(cleaned["URL"])):
        del cleaned["URL"]  # javascript:, data:, file: and the like never become links
    cleaned = designation_once(cleaned)
    if not str(cleaned.get("title") or "").strip():
        cleaned["title"] = UNTITLED
    elif not cleaned.get("author") and not cleaned.get("title-short"):
        cleaned["title-short"] = short_title(cleaned["title"])
    return cleaned


def designation_once(item: dict) -> dict:
    """The item without the fields that would print its title again, when its title is its designation."""
    title = " ".join(str(item.get("title") or "").split()).rstrip(" .")
    found = leading_designation(title) if item.get("type") in ("bill", "legislation", "speech") else None
    if not found or found[1].end() < len(title):
        return item
    dropped = {"number"} | (set(PLACE_FIELDS) if found[0] in CITED_IN_PLACE else set())
    return {key: value for key, value in item.items() if key not in dropped}


def cited_keys(markdown: str) -> set[str]:
    return set(CITATION.findall(markdown))


def citeproc_items(bibliography: list[dict], cited: set[str] | None = None) -> list[dict]:
    """The items citeproc gets: every one, or only those whose id is in `cited`."""
    return [citeproc_item(item) for item in bibliography if cited is None or item["id"] in cited]
