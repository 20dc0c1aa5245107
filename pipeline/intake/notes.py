"""A document's notes: which cite a work (and so yield a reference) and which only explain.

A note cites when it carries what a citation is made of: a URL or DOI, a quoted title, a
"see"/"cf." pointer, a back-reference ("Ibid.", "op. cit."), a report, law or case designation, a
date in citation form, or "by <Name>" after a title. A note with none of them ("Harbor mines are
devices that ...") explains: it is kept and shown, never made a source.
"""

from __future__ import annotations

import re

URL = re.compile(r"https?://[^\s<>\"')\]]+|\bdoi:\s*10\.\d{4,9}/\S+|\bwww\.[a-z0-9-]+\.[a-z]{2,}\S*", re.IGNORECASE)
CITATION_SIGNS = [
    re.compile(r"[“\"«„][^”\"»“]{8,}[”\"»“]"),  # a quoted title
    re.compile(r"(?:^|[.;]\s+|\()(?:see|cf\.|vgl\.|voir|véase|siehe)\b", re.IGNORECASE),
    re.compile(r"\b(?:ibid|ibidem|op\.\s*cit|loc\.\s*cit|id\.)(?:\W|$)", re.IGNORECASE),
    re.compile(r"\b(?:report|working paper|brief|testimony|hearing|press release|memorandum|letter)\s+"
               r"(?:no\.\s*)?[A-Z]{0,5}[-\s]?\d", re.IGNORECASE),
    re.compile(r"\b(?:P\.\s?L\.|Pub\.\s?L\.|U\.S\.C\.|C\.F\.R\.|Stat\.|Cong\.\s?Rec\.|Fed\.\s?Reg\.)\s*\d"
               r"|\b\d+\s+(?:U\.S\.C\.|C\.F\.R\.|Stat\.|U\.S\.|F\.\d?d|S\.\s?Ct\.)\s*§?\s*\d"),
    re.compile(r"\b[A-Z][\w.'-]+\s+v\.\s+[A-Z]"),  # a case name
    re.compile(r"\b(?:H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.)\s?\d{1,5}\b"),  # a bill
    re.compile(r"\(\s*(?:\d{1,2}\s+)?(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2},\s+)?(?:1[6-9]|20)\d\d[a-z]?\s*\)"),
    re.compile(r",\s+(?:by|edited by|coordinated by)\s+[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z]"),
    re.compile(r"\b(?:accessed|retrieved|abgerufen|consulté)\b", re.IGNORECASE),
]
# A year beside a run of capitalised words: a title or an institution's name ("Annual Report 2023",
# "Ministry of Defence, 2021").
YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")
TITLE_PHRASE = re.compile(r"\b[A-Z][\w'’-]+(?:,?\s+(?:(?:of|the|and|for|on|in|to|a|an|de|la)\s+)*[A-Z][\w'’-]+){2,}")


def note_urls(text: str) -> list[str]:
    return [url.rstrip(".,;:") for url in URL.findall(text)]


def cites_a_work(text: str) -> bool:
    if URL.search(text) or any(sign.search(text) for sign in CITATION_SIGNS):
        return True
    return bool(YEAR.search(text) and TITLE_PHRASE.search(text))


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
    """Each inline link a reference to the linked page under its marker's number: its URL, with the
    link text as what the text says of it (a webpage, whose title the citation may not know)."""
    taken = {reference["number"] for reference in references}
    return references + [{"number": link["number"], "raw": link["url"]} for link in links
                         if link["number"] not in taken]
