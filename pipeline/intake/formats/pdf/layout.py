"""A PDF page's words grouped into text lines, in reading order, each with its font size and place.

Words come from pdfplumber with their font size and name. A line is the words that share a
baseline band within one column; a page with a gutter no word crosses (found from the words'
x-positions) is read column by column, lines that span the gutter (titles, running heads) closing
the stretch of columns above them. A narrow side column beside the text (a summary page's box of
report number, date and authors; contact blocks set side by side) is told by a wide gap at one
x-position on several lines and read before the text beside it. Superscript digits (small and
raised) become [n] markers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.IGNORECASE)
MARKER_DIGITS = re.compile(r"\d{1,3}(?:,\d{1,3})*")
# A gutter is a vertical strip in the page's middle half that (almost) no word crosses, at least
# this wide in points: a column gap in print is 12-30 pt, word spaces in body text 2-4 pt.
MIN_GUTTER = 6.0
SUPERSCRIPT_RATIO = 0.85  # a marker is set at most 85% of its line's size (print uses 58-70%)
# A side column is set off by a gap of over 1.5 em: justified body text spaces words by at most
# about 1 em, a bullet from its item's text by 1.3 em; sidebars beside CRS summaries sit 1.5-6 em off.
SIDE_GAP = 1.5
SIDE = 2  # the column number of a side column's lines


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the size most of the line's characters are set in
    bold: bool  # (nearly) all of its characters in a bold face
    page: int  # 0-based page number
    column: int  # 0 or 1 on a two-column page (the left or right column), -1 spanning or single, 2 a side column
    words: list[dict] = field(default_factory=list, repr=False)
    reason: str | None = None  # why the line is not the document's text (a date line, an author's name)

    @property
    def first_word(self) -> str:
        return self.text.split(" ", 1)[0] if self.text else ""


def char_count(words: list[dict], test) -> int:
    return sum(len(word["text"]) for word in words if test(word))


def dominant_size(words: list[dict]) -> float:
    sizes: Counter = Counter()
    for word in words:
        sizes[round(word["size"], 1)] += len(word["text"])
    return sizes.most_common(1)[0][0] if sizes else 0.0


def find_gutter(words: list[dict], width: float) -> tuple[float, float] | None:
    """(left, right) of the widest strip in the page's middle half that at most 3% of the words
    cross, when words fill both sides of it; None on a single-column page."""
    if len(words) < 40:
        return None
    start, end = int(width * 0.25), int(width * 0.75)
    crossing = [0] * (end - start)
    for word in words:
        for x in range(max(start, int(word["x0"])), min(end, int(word["x1"]) + 1)):
            crossing[x - start] += 1
    allowed = max(1, len(words) * 0.03)
    best, run_start = None, None
    for index, count in enumerate([*crossing, len(words)]):
        if count <= allowed and run_start is None:
            run_start = index
        elif count > allowed and run_start is not None:
            if best is None or index - run_start > best[1] - best[0]:
                best = (run_start, index)
            run_start = None
    if best is None or best[1] - best[0] < MIN_GUTTER:
        return None
    left, right = best[0] + start, best[1] + start
    left_words = sum(1 for word in words if word["x1"] <= left + 1)
    right_words = sum(1 for word in words if word["x0"] >= right - 1)
    if min(left_words, right_words) < len(words) * 0.2:
        return None
    return left, right


def column_of(word: dict, gutter: tuple[float, float] | None) -> int:
    """0 in the left column, 1 in the right, -1 across the gutter (or on a single-column page).

    The gutter strip takes in the ragged ends of the lines beside it: a word that reaches into it
    from one side belongs to that side; one that lies within it goes by its middle.
    """
    if gutter is None:
        return -1
    left, right = gutter
    if word["x0"] < left and word["x1"] > right:
        return -1
    if word["x0"] < left or word["x1"] > right:
        return 0 if word["x0"] < left else 1
    return 0 if (word["x0"] + word["x1"]) / 2 < (left + right) / 2 else 1


def word_columns(words: list[dict], gutter: tuple[float, float] | None) -> dict[int, int]:
    """Each word's column (by id); two words facing each other across the gutter closer than a
    gutter's width are one line over it (a short centred heading or running head)."""
    columns = {id(word): column_of(word, gutter) for word in words}
    if gutter is None:
        return columns
    lefts = [w for w in words if columns[id(w)] == 0 and w["x1"] >= gutter[0] - MIN_GUTTER]
    rights = [w for w in words if columns[id(w)] == 1 and w["x0"] <= gutter[1] + MIN_GUTTER]
    for left in lefts:
        for right in rights:
            if right["x0"] - left["x1"] < MIN_GUTTER and same_band(right, [left]):
                columns[id(left)] = columns[id(right)] = -1
    return columns


def column_words(words: list[dict], width: float) -> list[list[dict]]:
    """The page's words by column: the left's and the right's on a two-column page (words across
    the gutter with neither), all of them on another."""
    gutter = find_gutter(words, width)
    if gutter is None:
        return [words]
    columns = [column_of(word, gutter) for word in words]
    return [[word for word, column in zip(words, columns, strict=True) if column == side] for side in (0, 1)]


def same_band(word: dict, line: list[dict]) -> bool:
    """Whether a word's vertical extent overlaps the line's by most of the smaller height."""
    top, bottom = min(w["top"] for w in line), max(w["bottom"] for w in line)
    overlap = min(bottom, word["bottom"]) - max(top, word["top"])
    return overlap >= 0.5 * min(bottom - top, word["bottom"] - word["top"])


def group_lines(words: list[dict]) -> list[list[dict]]:
    """Words (one column) into lines, top to bottom, each line's words left to right.

    A word over twice the usual height (a drop cap) joins the line its top is level with.
    """
    heights = sorted(w["bottom"] - w["top"] for w in words)
    usual = heights[len(heights) // 2] if heights else 0
    tall = [w for w in words if w["bottom"] - w["top"] > 2 * usual]
    lines: list[list[dict]] = []
    for word in sorted((w for w in words if w not in tall), key=lambda w: (round(w["bottom"]), w["x0"])):
        for line in reversed(lines[-3:]):
            if same_band(word, line):
                line.append(word)
                break
        else:
            lines.append([word])
    for word in tall:
        level = [line for line in lines if word["top"] - usual <= min(w["top"] for w in line) <= word["bottom"]]
        if level:
            min(level, key=lambda line: abs(min(w["top"] for w in line) - word["top"])).append(word)
        else:
            lines.append([word])
    ordered = [sorted(line, key=lambda w: w["x0"]) for line in lines]
    return sorted(ordered, key=lambda line: min(w["top"] for w in line))


def is_marker(word: dict, size: float, baseline: float) -> bool:
    """A note marker: digits set small and raised above the line's baseline."""
    return (bool(MARKER_DIGITS.fullmatch(word["text"])) and word["size"] <= size * SUPERSCRIPT_RATIO
            and word["bottom"] < baseline - size * 0.1)


def line_text(words: list[dict], size: float) -> str:
    """The words joined, with a space only where the page shows a gap; markers as [n]."""
    body = [word for word in words if round(word["size"], 1) == size] or words
    baseline = Counter(round(word["bottom"], 1) for word in body).most_common(1)[0][0]
    text, previous = "", None
    for word in words:
        piece = word["text"]
        if previous is not None and is_marker(word, size, baseline):
            piece = "".join(f"[{number}]" for number in piece.split(","))
            gap = False
        else:
            gap = previous is not None and word["x0"] - previous["x1"] > size * 0.12
        drop_cap = previous is not None and len(previous["text"]) == 1 and previous["size"] > size * 1.8
        text += (" " if gap and not drop_cap else "") + piece
        previous = word
    return text.strip()


def make_line(words: list[dict], page: int, column: int) -> Line:
    size = dominant_size(words)
    bold = char_count(words, lambda w: BOLD_FONT.search(w["fontname"])) >= 0.9 * char_count(words, bool)
    level = [w for w in words if w["size"] <= size * 1.5]  # a drop cap's height is not the line's
    return Line(line_text(words, size), min(w["x0"] for w in words), max(w["x1"] for w in words),
                min(w["top"] for w in level), max(w["bottom"] for w in level), size, bold, page, column, words)


def wide_gap_pieces(line: Line) -> list[list[dict]]:
    """The line's words in runs split where a gap wider than SIDE_GAP em parts them."""
    pieces, right = [[line.words[0]]], line.words[0]["x1"]
    for word in line.words[1:]:
        if word["x0"] - right > SIDE_GAP * line.size:
            pieces.append([])
        pieces[-1].append(word)
        right = max(right, word["x1"])
    return pieces


def side_column_x(lines: list[Line]) -> float | None:
    """Where a side column starts: an x-position at which two lines go on past a wide gap, after
    two words at least (a bullet's gap is no column's), or one does and two more start."""
    starts = [pieces[-1][0]["x0"] for line in lines if line.words
              if len(pieces := wide_gap_pieces(line)) == 2 and len(pieces[0]) >= 2]
    for x in sorted(starts):
        lone = sum(1 for line in lines if abs(line.x0 - x) <= 2)
        split = sum(1 for other in starts if abs(other - x) <= 2)
        if split >= 2 or split + lone >= 3:
            return x
    return None


def split_side_column(lines: list[Line], page: int) -> list[Line]:
    """Lines with the side column's part split off (column SIDE): the parts past its wide gap, and
    lines of its own that start where it does, in the rows it takes up (two lines apart at most)."""
    x = side_column_x(lines)
    if x is None:
        return lines
    split: list[Line] = []
    side: list[Line] = []
    for line in lines:
        pieces = wide_gap_pieces(line) if line.words else []
        if len(pieces) == 2 and abs(pieces[1][0]["x0"] - x) <= 2:
            split.append(make_line(pieces[0], page, line.column))
            # a big title's band can take in two rows of the side column's small print
            side += [make_line(row, page, SIDE) for row in group_lines(pieces[1])]
        elif abs(line.x0 - x) <= 2:
            side.append(make_line(line.words, page, SIDE))
        else:
            split.append(line)
    side.sort(key=lambda item: item.top)
    kept = [side[0]] if side else []
    for line in side[1:]:
        if line.top - kept[-1].bottom <= 2 * (kept[-1].bottom - kept[-1].top) + 2 * line.size:
            kept.append(line)
    lone = [line for line in side if line not in kept]
    return split + kept + [make_line(line.words, page, -1) for line in lone]


def reading_order(lines: list[Line]) -> list[Line]:
    """Spanning lines in place; between two of them, the left column's lines, then the right's;
    a side column's lines before the text beside them."""
    ordered: list[Line] = []
    pending: list[Line] = []
    side = [line for line in lines if line.column == SIDE]
    start = min((line.top for line in side), default=0) - 0.01
    for line in sorted(lines, key=lambda item: start if item.column == SIDE else item.top):
        if line.column in (-1, SIDE):
            ordered += sorted(pending, key=lambda item: (item.column, item.top))
            pending = []
            ordered.append(line)
        else:
            pending.append(line)
    return ordered + sorted(pending, key=lambda item: (item.column, item.top))


def page_lines(words: list[dict], width: float, page: int) -> list[Line]:
    """A page's words (tables already cut out) as lines in reading order."""
    gutter = find_gutter(words, width)
    columns = word_columns(words, gutter)
    spanning = group_lines([word for word in words if columns[id(word)] == -1])
    by_column: dict[int, list[dict]] = {0: [], 1: []}
    for word in words:
        column = columns[id(word)]
        if column == -1:
            continue
        # the part of a spanning line (a heading, a running head) that falls on one side of the gutter
        band = next((line for line in spanning if same_band(word, line)), None)
        if band is not None:
            band.append(word)
        else:
            by_column[column].append(word)
    grouped = [(-1, sorted(line, key=lambda w: w["x0"])) for line in spanning]
    grouped += [(column, line) for column, column_words in by_column.items() for line in group_lines(column_words)]
    lines = [make_line(line_words, page, column) for column, line_words in grouped]
    return reading_order(split_side_column([line for line in lines if line.text], page))
