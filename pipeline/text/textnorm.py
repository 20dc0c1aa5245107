"""Text normalization for seed text: repaired, NFC, consistent quotes, clean whitespace."""

from __future__ import annotations

import re
import unicodedata

INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
HORIZONTAL_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# What ftfy repairs: mojibake (Latin-1 and C1 characters, the replacement character), HTML entities,
# ligatures, full-width forms, control characters. Text without any of them has nothing to fix.
NEEDS_FTFY = re.compile("[\u0080-\u00ff\ufffd\ufb00-\ufb06\uff01-\uff5e\x00-\x08\x0b\x0e-\x1f]|&#?\\w+;")
# A line fix_text may change: anything but printable ASCII, tabs and the line's own "\n", or an HTML
# entity (ftfy's entity pattern, &#?[0-9A-Za-z]{1,24};, finds a subset of these).
FTFY_MAY_CHANGE = re.compile(r"[^\t\n\x20-\x7e]|&#?\w+;")
OPENING_CONTEXT = r"(^|[\s(\[{\u2014\u2013-])"


def curl_quotes(text: str) -> str:
    """Straight quotes become typographic ones, so every quote in the corpus has one form."""
    text = re.sub(OPENING_CONTEXT + '"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(OPENING_CONTEXT + "'", "\\1\u2018", text)
    return text.replace("'", "\u2019")


def repaired(text: str) -> str:
    """ftfy's fix_text, run only over the lines it could change: the same text, sooner.

    Why it is the same: fix_text cuts the text after each "\n" and fixes each line on its own
    (fix_and_explain), the only state carried from line to line being that HTML entities stay as
    they are from the first line with a "<" on (that line included). A line of printable ASCII
    and tabs without an entity gives none of ftfy's fixes anything to do (each one looks for
    non-ASCII or control characters, "\r", an escape or an entity; NFC leaves ASCII alone), so it
    is kept as it is and the others go through fix_text, told whether a "<" came before. (A line
    longer than ftfy's max_decode_length is cut by fix_text itself, as before.) Most lines of a
    seed are plain ASCII; fixing them all took about a millisecond a synthetic seed and 19 ms a
    CRS report."""
    import ftfy  # lazily: 65 ms to import, and most seeds have nothing for it to repair

    parts, seen_angle = [], False
    for line in _lines_with_ends(text):
        seen_angle = seen_angle or "<" in line
        if FTFY_MAY_CHANGE.search(line):
            line = ftfy.fix_text(line, uncurl_quotes=False, fix_line_breaks=True, normalization="NFC",
                                 unescape_html=False if seen_angle else "auto")
        parts.append(line)
    return "".join(parts)


def _lines_with_ends(text: str) -> list[str]:
    """The text cut after each "\n" (only there, as ftfy cuts it; str.splitlines cuts at more)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return [line for line in lines if line]


def normalize_text(text: str) -> str:
    """Mojibake repaired (ftfy), NFC, invisible characters removed, quotes curled, spaces collapsed.

    Line breaks are kept: the cleaner reads the text line by line.
    """
    if NEEDS_FTFY.search(text):
        text = repaired(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", INVISIBLE.sub("", text))
    text = curl_quotes(text)
    lines = (HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)
