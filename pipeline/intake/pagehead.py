"""The header of an article on a page pasted as text: its title line, and the author names under it.

Above an article's first paragraph a page stacks its header (kicker, title, standfirst, photo
caption, byline or author name, date, share buttons) on top of its menus. The title is the
title-like line that scores best on signals any news layout shares: it stands a few lines from
the byline or date, it is a whole headline rather than a one-word menu item, a page often repeats
it (a sticky header, a share text), and it is near the text. Menu entries, breadcrumbs and photo
credits score low. Between the title and the text, a line that is only a person's name next to
the date or a role is the author's byline without its "By".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.intake.debris import Line
from pipeline.intake.metadata import (
    NAME,
    ROLE_WORDS,
    is_metadata_line,
    parse_byline,
    parse_date_line,
    tidy_name,
)

HEAD_WINDOW = 40  # lines above the article searched for its title: past a share bar, a photo and a byline
# A title stands within ANCHOR_REACH lines of words (three words or more) of its byline or date;
# labels, share buttons and a lone name between them do not count, up to ANCHOR_LINES lines.
ANCHOR_REACH, ANCHOR_LINES = 3, 8
# Calibrated on the development pages (bench/clean_score.py): being next to a byline or a date
# outweighs any other signal; distance (counted in lines that are not known page furniture) only
# breaks ties (0.02 a line: forty lines cost 0.8).
ANCHORED, REPEATED, WHOLE_HEADLINE, LEADS_IN, SEPARATED, PER_LINE = 2.0, 1.0, 1.0, 1.0, -2.0, 0.02
# A title needs one signal at least, near the text: a far line that merely leads into a longer
# one ("Mapping the Future" over a menu) is no title.
MIN_SCORE = 0.9
IN_LINKS_BOX = -1.0  # a links box's entry is the page's title only with a byline or date beside it
UNDER_BYLINE = -1.0  # a title goes above its byline; under it come the standfirst, tags or the text
HEADLINE_WORDS = 5  # menu entries and kickers are shorter; headlines rarely are
MAX_TITLE_WORDS = 30
STANDFIRST_WORDS = 8  # a line this long under a headline is its standfirst, even if no longer than it
# A breadcrumb ("News » Politics » Title", "Business|Title") or a photo credit ("(Getty/AP)").
SEPARATORS = re.compile(r"[|»›]|\s[/>]\s|\)$")
# Not in a headline: an e-mail address or a link (a contact line), two sentences (an editor's note).
# ("[email protected]" is what a page shows for an e-mail address it hides from robots).
NOT_HEADLINE = re.compile(r"@|https?:|www\.|\[email\s*protected\]|[a-z]{3,}[.!?]\s+[A-Z]")
# "By" or "Author:" alone on a line, the name on the next one; "Published: 10:00am, 20 Jan, 2020".
BYLINE_LABEL = re.compile(r"^(?:by|written by|author:?)$", re.IGNORECASE)
STAMP = re.compile(r"^(?:published|posted|updated|last modified|online)\b.{0,60}\d{4}", re.IGNORECASE)
PERSON = re.compile(rf"^{NAME}$")
HANDLE = re.compile(r"^@\w+$")
ROLE_LINE_WORDS = 12  # a role under a name is a short line: 'Environment Correspondent'
NAME_REACH = 2  # a name line is the byline when a date, a "By", a role or a handle stands this close


def is_title_like(text: str) -> bool:
    """Three words or more ('&' is none: 'Housing & Homelessness' is a menu entry), no closing stop."""
    words = [word for word in text.split() if any(char.isalnum() for char in word)]
    return 3 <= len(words) <= MAX_TITLE_WORDS and not text.rstrip().endswith((".", ",", ";", ":", "|"))


def is_anchor(text: str) -> bool:
    """A byline, a "By" label or a date: the lines a header puts right around its title."""
    text = text.strip()
    return bool(parse_byline(text) or parse_date_line(text) or BYLINE_LABEL.match(text) or STAMP.match(text))


def is_person_name(text: str) -> bool:
    """Two to four capitalized words and nothing else, none of them a job title: 'Leah C. Stokes'."""
    words = text.split()
    return (2 <= len(words) <= 4 and bool(PERSON.match(text.strip())) and not ROLE_WORDS.search(text)
            and not parse_byline(text))


def title_score(lines: list[Line], index: int, start: int, repeated: set[str], debris: set[int]) -> float:
    text = lines[index].text.strip()
    score = -PER_LINE * sum(1 for line in lines[index:start] if line.number not in debris)
    score += IN_LINKS_BOX * (lines[index].number in debris)
    score += ANCHORED * anchored(lines, index)
    headline = len(text.split()) >= HEADLINE_WORDS
    score += WHOLE_HEADLINE * headline + REPEATED * (headline and text in repeated)  # menus repeat too
    score += LEADS_IN * leads_in(lines, index)
    score += SEPARATED * bool(SEPARATORS.search(text))
    score += UNDER_BYLINE * any(is_byline(line.text) for line in lines[max(0, index - 2) : index])
    return score


def is_byline(text: str) -> bool:
    return bool(parse_byline(text.strip()) or BYLINE_LABEL.match(text.strip()))


def anchored(lines: list[Line], index: int) -> bool:
    """Whether a byline or a date stands close above or below, past labels and buttons."""
    for step in (-1, 1):
        wordy = 0
        for other in range(index + step, index + step * (ANCHOR_LINES + 1), step):
            if not 0 <= other < len(lines):
                break
            if is_anchor(lines[other].text):
                return True
            wordy += len(lines[other].text.split()) >= 3
            if wordy >= ANCHOR_REACH:
                break
    return False


def leads_in(lines: list[Line], index: int) -> bool:
    """A headline leads into something longer: its standfirst, a caption or the text itself.

    A menu entry or a kicker above a title is followed by a line no longer than itself, and a
    standfirst under a title by a byline or share buttons.
    """
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    words = len(following.split())
    return (words > len(lines[index].text.split()) or words >= STANDFIRST_WORDS) and not is_anchor(following)


def text_counts(lines: list[Line]) -> Counter[str]:
    """How often each text (stripped) stands on the page: a page repeats its title, and its labels."""
    return Counter(line.text.strip() for line in lines)


def find_title(lines: list[Line], start: int, debris: set[int], list_items: set[int]) -> int | None:
    """Index of the title among the HEAD_WINDOW lines above the article's first paragraph.

    debris: lines the patterns dropped. An entry of a links box may be the title all the same: a
    page often lists its own headline among the others (list_items, a subset of debris).
    """
    repeated = {text for text, count in text_counts(lines).items() if count > 1}
    candidates = [
        index
        for index in range(max(0, start - HEAD_WINDOW), start)
        if (lines[index].number not in debris or lines[index].number in list_items)
        and is_title_candidate(lines[index].text)
    ]
    scores = {index: title_score(lines, index, start, repeated, debris) for index in candidates}
    best = max(scores, key=scores.__getitem__, default=None)
    return best if best is not None and scores[best] >= MIN_SCORE else None


def is_title_candidate(text: str) -> bool:
    return (is_title_like(text) and not is_anchor(text) and not is_metadata_line(text)
            and not NOT_HEADLINE.search(text))


@dataclass
class HeaderByline:
    authors: list[str]
    lines: list[int]  # line numbers of the authors' roles and handles under their names


def header_byline(lines: list[Line], title: int, start: int) -> HeaderByline:
    """Names standing alone between the title and the text (a byline set as a link), with the
    role and handle lines printed beside them.

    Such a name follows the title (and its standfirst) directly, or stands next to what marks a
    byline: a "By" label above it, its role or Twitter handle beside it, the date under it. A
    line under a date is not taken: share buttons ("Link Copied") sit there.
    """
    found = HeaderByline([], [])
    for index in range(title + 1, start):
        text = lines[index].text.strip()
        if is_person_name(text) and (index <= title + 2 or marks_byline(lines, index)):
            if tidy_name(text) not in found.authors:
                found.authors.append(tidy_name(text))
            found.lines += [line.number for line in lines[index + 1 : min(start, index + NAME_REACH + 1)]
                            if is_role_or_handle(line.text)]
    return found


def is_role_or_handle(text: str) -> bool:
    """'Political Editor', 'Assistant professor of political science at UC Santa Barbara', '@handle'."""
    text = text.strip()
    return bool(HANDLE.match(text)) or (len(text.split()) <= ROLE_LINE_WORDS and bool(ROLE_WORDS.search(text))
                                        and not text.endswith(tuple(".!?")))


def marks_byline(lines: list[Line], index: int) -> bool:
    before = [line.text.strip() for line in lines[max(0, index - NAME_REACH) : index]]
    after = [line.text.strip() for line in lines[index + 1 : index + NAME_REACH + 1]]
    return (any(BYLINE_LABEL.match(text) for text in before)
            or any(parse_date_line(text) or is_role_or_handle(text) for text in after))
