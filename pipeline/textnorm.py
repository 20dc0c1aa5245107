"""Text normalization for seed text: repaired, NFC, consistent quotes, clean whitespace."""

from __future__ import annotations

import re
import unicodedata

INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
HORIZONTAL_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
OPENING_CONTEXT = r"(^|[\s(\[{\u2014\u2013-])"


def curl_quotes(text: str) -> str:
    """Straight quotes become typographic ones, so every quote in the corpus has one form."""
    text = re.sub(OPENING_CONTEXT + '"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(OPENING_CONTEXT + "'", "\\1\u2018", text)
    return text.replace("'", "\u2019")


def normalize_text(text: str) -> str:
    """Mojibake repaired (ftfy), NFC, invisible characters removed, quotes curled, spaces collapsed.

    Line breaks are kept: the cleaner reads the text line by line.
    """
    import ftfy

    text = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True, normalization="NFC")
    text = unicodedata.normalize("NFC", INVISIBLE.sub("", text))
    text = curl_quotes(text)
    lines = (HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def collapse_space(text: str) -> str:
    return " ".join(text.split())
