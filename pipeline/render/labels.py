"""How the briefing names a work in little space: short titles, short names, a seed's full label.

A short title is what a reader can find the work by in the sources list: the title up to its first
colon, question mark or dash when that part is short, else its first four words (Chicago's rule of
thumb for short titles). A short name is the first author's family name ("Zafar", "Kim and Park",
"Li et al."), else the short title, else the publication. A seed's full label is
pipeline/content/seedlabels.py's.
"""

from __future__ import annotations

import re

SHORT_TITLE_WORDS = 4
# A short title does not stop on one of these ("The Impact of" reads as cut off).
WEAK_ENDINGS = {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
TITLE_BREAK = re.compile(r"\s*(?:[:—–]|\s-\s)\s*|(?<=\?)\s+")


def short_title(title: str | None) -> str:
    """'Axis of Upheaval? A DPRK Deployment in Ukraine' -> 'Axis of Upheaval?'."""
    words = " ".join((title or "").split())
    if not words:
        return ""
    head = TITLE_BREAK.split(words, maxsplit=1)[0].strip()
    if head and len(head.split()) <= SHORT_TITLE_WORDS + 1:
        return head
    kept = words.split()[:SHORT_TITLE_WORDS]
    while len(kept) > 1 and kept[-1].lower().strip(",;.") in WEAK_ENDINGS:
        kept.pop()
    return " ".join(kept).rstrip(",;.")


def family_names(item: dict) -> list[str]:
    names = []
    for person in item.get("author") or []:
        name = person.get("family") or person.get("literal")
        if name:
            names.append(" ".join(str(name).split()))
    return names


def short_name(item: dict) -> str:
    """The few words a citation would put first: authors' family names, else the short title."""
    names = family_names(item)
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    if names:
        return f"{names[0]} et al."
    return (short_title(item.get("title")) or " ".join(str(item.get("container-title") or "").split())
            or item.get("id", "source"))
