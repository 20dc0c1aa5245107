"""Direct quotations and who said them, read from a sentence and the paragraph before it."""

from __future__ import annotations

import re

QUOTE_SPANS = re.compile(r"“([^”]{20,})”|‘([^’]{20,}?)’(?!\w)")
SPEECH = (r"(?:said|says|stated|states|told|tells|noted|added|warned|argued|declared|wrote|explained|"
          r"insisted|claimed|described|remarked|asserted|emphasized|emphasised|stressed|reiterated)")
NAME = r"(?:[A-Z][\w.'’-]+\s+){0,4}[A-Z][\w'’-]+"
SPEAKER_BEFORE = re.compile(rf"(?P<name>{NAME})(?:,[^,]{{1,80}},)?\s+{SPEECH}\b")
SPEAKER_AFTER = re.compile(rf"{SPEECH}\s+(?P<name>{NAME})|(?P<name2>{NAME})\s+{SPEECH}\b")
ACCORDING = re.compile(rf"according to\s+(?P<name>{NAME})")
TITLES = re.compile(r"^(?:(?:The|Former|Then|President|President-elect|Professor|Prof\.|Georgetown|General|Gen\.|"
                    r"Secretary|Minister|Chancellor|Senator|Sen\.|Dr\.|Mr\.|Ms\.|Mrs\.|Defense|Defence|"
                    r"Prime|Foreign|US|U\.S\.)\s+)+")
NOT_PEOPLE = {"He", "She", "They", "It", "This", "That", "Trump’s", "We", "I"}


def quoted_text(sentence: str) -> str | None:
    """The longest quoted span of at least six words, verbatim."""
    spans = [a or b for a, b in QUOTE_SPANS.findall(sentence)]
    spans = [s.strip() for s in spans if len(s.split()) >= 6]
    return max(spans, key=len) if spans else None


def tidy_speaker(name: str | None) -> str | None:
    if not name:
        return None
    name = TITLES.sub("", name.strip()).strip()
    return None if not name or name.split()[0] in NOT_PEOPLE or len(name.split()) > 4 else name


def find_speaker(sentence: str, previous: str | None = None) -> str | None:
    """The person a quotation is attributed to: in the sentence, else in a lead-in before it."""
    outside = QUOTE_SPANS.sub(" ", sentence)
    for pattern in (SPEAKER_BEFORE, SPEAKER_AFTER, ACCORDING):
        match = pattern.search(outside)
        if match:
            name = tidy_speaker(match.group("name") if "name" in match.re.groupindex and match.group("name")
                                else match.groupdict().get("name2"))
            if name:
                return name
    if previous and previous.rstrip().endswith(":"):
        match = SPEAKER_BEFORE.search(previous)
        return tidy_speaker(match.group("name")) if match else None
    return None


def balanced(text: str) -> str:
    """Double quote marks inside a quotation are paired; if they are not, they are dropped.

    Single marks are left alone: ’ is also the apostrophe, so counting them says nothing.
    """
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    return text
