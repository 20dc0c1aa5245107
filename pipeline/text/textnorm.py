"""Text normalization for seed text: repaired, NFC, consistent quotes, clean whitespace."""

from __future__ import annotations

import re
import unicodedata

INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
HORIZONTAL_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# What ftfy repairs: mojibake (Latin-1 and C1 characters, the replacement character), HTML entities,
# ligatures, full-width forms, control characters. Text without any of them has nothing to fix.
NEEDS_FTFY = re.compile("[\u0080-\u00ff\ufffd\ufb00-\ufb06\uff01-\uff5e\x00-\x08\x0b\x0e-\x1f]|&#?\\w+;")
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
    if NEEDS_FTFY.search(text):
        import ftfy  # lazily: 65 ms to import, and most seeds have nothing for it to repair

        text = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True, normalization="NFC")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", INVISIBLE.sub("", text))
    text = curl_quotes(text)
    lines = (HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)
