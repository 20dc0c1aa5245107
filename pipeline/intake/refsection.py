"""The seed's own bibliography: the trailing "References" section, split into numbered entries.

A page saved whole goes on after its bibliography (a copyright line, "Back to top", a comment
form): the section's lines pass the debris rules first, as the body's do (bibliography_entries).
"""

from __future__ import annotations

import re

from pipeline.intake.debris import DebrisRule, Line, drop_debris

HEADING = re.compile(r"^(?:#+\s*)?(?:(?:additional|further|selected|select|other|key)\s+)?"
                     r"(?:bibliography|references?|sources|notes|endnotes|footnotes|works cited|readings?"
                     r"|literature|citations|reference list|notes and references|sources and notes)\s*:?$",
                     re.IGNORECASE)
NUMBERED = re.compile(r"^\s*(?:\[(?P<a>\d{1,3})\]|(?P<b>\d{1,3})[.)]|\^?(?P<c>\d{1,3})\s(?=\S))\s*(?P<rest>.*)$")
BULLET = re.compile(r"^\s*[•·▪*\-–]\s+")


def find_reference_heading(lines: list[Line]) -> int | None:
    """Index of the last bibliography heading that has at least one entry-like line after it."""
    for index in range(len(lines) - 1, -1, -1):
        if HEADING.match(lines[index].text.strip()):
            rest = [line for line in lines[index + 1:] if line.text.strip()]
            if rest:
                return index
    return None


def split_entries(lines: list[Line]) -> tuple[list[dict], list[Line]]:
    """(entries, the lines after the list): numbered entries keep their numbers; unnumbered ones are
    numbered by position.

    A line that is neither numbered nor the start of an unnumbered list continues the entry before
    it (references wrapped over several lines). In a numbered list such a line after a blank line
    continues nothing: the list has ended ("Mara Quist covers shipping for the desk.").
    """
    entries: list[dict] = []
    written = [line for line in lines if line.text.strip()]
    numbered = sum(1 for line in written if NUMBERED.match(line.text)) >= max(1, len(written) // 2)
    after_blank = False
    for position, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            after_blank = True
            continue
        match = NUMBERED.match(text) if numbered else None
        if match:
            number = int(match.group("a") or match.group("b") or match.group("c"))
            entries.append({"number": number, "raw": match.group("rest").strip(), "line": line.number})
        elif numbered and entries and after_blank:
            return [entry for entry in entries if entry["raw"]], lines[position:]
        elif numbered and entries:
            entries[-1]["raw"] += " " + text
        else:
            entries.append({"number": len(entries) + 1, "raw": BULLET.sub("", text), "line": line.number})
        after_blank = False
    return [entry for entry in entries if entry["raw"]], []


def split_references(lines: list[Line]) -> tuple[list[Line], list[Line], Line | None]:
    """(body lines, the bibliography's lines, its heading line) — the body unchanged if there is none."""
    index = find_reference_heading(lines)
    if index is None:
        return lines, [], None
    return lines[:index], lines[index + 1:], lines[index]


def bibliography_entries(section: list[Line], rules: list[DebrisRule]) -> tuple[list[dict], list[dict]]:
    """The entries of a bibliography's lines, and the lines dropped from it: the page's furniture
    after the list (debris rules), and everything from a comment section's start on."""
    debris = drop_debris(section, rules)
    end = min(debris.article_ends, default=None)
    after = {line.number for line in debris.kept if end is not None and line.number > end and line.text.strip()}
    dropped = debris.dropped + [{"line": line.number, "text": line.text, "reason": "after the article's end"}
                                for line in debris.kept if line.number in after]
    entries, rest = split_entries([line for line in debris.kept if line.number not in after])
    return entries, dropped + [{"line": line.number, "text": line.text, "reason": "after the bibliography"}
                               for line in rest if line.text.strip()]
