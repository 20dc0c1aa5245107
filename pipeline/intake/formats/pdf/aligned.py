"""Tables without cell borders, told by their words: text set in columns that no word crosses.

Word processors draw a table's horizontal borders only (over and under the header, under the last
row), often as one segment a cell. Under such rules, the rows between them and below them (a table
that runs on to the page's foot) are a table when their words keep to two columns or more, the
columns parted by the rules' segment ends or by a strip no word covers. Without any rule, three
columns or more on three rows, numbers in many cells, make a table too. Prose fills its lines and
so crosses every such strip; a framed text box is one column. Rules that recur at one place on
many pages (under a running head) border no table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.intake.formats.blockshapes import CAPTION
from pipeline.intake.formats.pdf.blocks import BULLETS, ENUMERATOR
from pipeline.intake.formats.pdf.layout import group_lines
from pipeline.intake.labels import is_apparatus_label, split_label

RULE_HEIGHT = 2.0  # a rule is a line or a filled box at most this tall
MIN_RULE = 40.0  # ... and at least this wide (a cell's border segment is joined to its neighbours first)
MIN_GAP = 2.5  # a column gap no word covers is at least this wide (cells are padded 3-6 pt a side)
MIN_ROWS = 2  # rows (bands of words) a table under rules has at least
ALIGNED_ROWS = 3  # ... and a table without rules, with three columns at least and numbers in its cells
NUMERIC_SHARE = 0.3  # share of the cells of a table without rules that hold a figure
ALIGNED_GAP = 0.8  # ... whose columns stand 0.8 em apart at least: word spaces in prose are 0.25-0.5 em
NUMBER = re.compile(r"[-–(]?[$€£]?\d[\d,.]*%?\)?[a-z]?")


@dataclass
class Rule:
    top: float
    x0: float
    x1: float
    cuts: list[float]  # where the border's segments meet: the columns' edges

    @property
    def key(self) -> tuple[int, int, int]:
        return round(self.top), round(self.x0), round(self.x1)


@dataclass
class Region:
    top: float
    bottom: float
    rows: list[list[str]]
    words: list[dict]


def horizontal_rules(page) -> list[Rule]:
    """The page's horizontal rules, segments at one height that touch joined into one rule."""
    pieces = sorted((obj["top"], obj["x0"], obj["x1"]) for obj in [*page.rects, *page.lines]
                    if obj["bottom"] - obj["top"] <= RULE_HEIGHT and obj["x1"] - obj["x0"] >= 1)
    rules: list[Rule] = []
    for top, x0, x1 in sorted(pieces, key=lambda piece: (round(piece[0]), piece[1])):
        last = rules[-1] if rules else None
        if last and abs(last.top - top) <= 1 and x0 <= last.x1 + 2:
            if x0 > last.x0 + 2:
                last.cuts.append(x0)
            last.x1 = max(last.x1, x1)
        else:
            rules.append(Rule(top, x0, x1, []))
    return [rule for rule in rules if rule.x1 - rule.x0 >= MIN_RULE]


def recurring_rules(rules_by_page: list[list[Rule]]) -> set[tuple[int, int, int]]:
    """Rules at one place on 40% of the pages, and on three of them at least (two of up to
    three): page furniture, such as the rule under a running head."""
    counts: dict[tuple[int, int, int], int] = {}
    for rules in rules_by_page:
        for key in {rule.key for rule in rules}:
            counts[key] = counts.get(key, 0) + 1
    pages = len(rules_by_page)
    return {key for key, count in counts.items() if count >= max(2 if pages <= 3 else 3, 0.4 * pages)}


def free_strips(bands: list[list[dict]], x0: float, x1: float, gap: float = MIN_GAP) -> list[tuple[float, float]]:
    """The strips between x0 and x1 that no word of the bands covers, `gap` wide at least."""
    covered = sorted((word["x0"], word["x1"]) for band in bands for word in band)
    strips, edge = [], x0
    for left, right in covered:
        if left - edge >= gap:
            strips.append((edge, left))
        edge = max(edge, right)
    return [(left, right) for left, right in strips if left > x0 + 1]


def separators(bands: list[list[dict]], x0: float, x1: float, cuts: list[float]) -> list[float]:
    """The columns' edges: the rules' segment ends no word crosses, else the middles of the free
    strips; each with words on both sides on two bands at least (on its one band)."""
    if any(2 * sum(1 for cut in cuts if crosses(band, [cut])) > len(cuts) for band in bands):
        return []  # a line across most columns is no row of them: a caption, a source line, prose
    edges = [cut for cut in cuts if not any(crosses(band, [cut]) for band in bands)]
    edges = edges or [(left + right) / 2 for left, right in free_strips(bands, x0, x1)]
    return [edge for edge in edges if sum(1 for band in bands if both_sides(band, edge)) >= min(2, len(bands))
            and not only_markers(bands, edge)]


def only_markers(bands: list[list[dict]], edge: float) -> bool:
    """Whether all there is left of an edge is bullets and enumerators: a list, not a column."""
    left = [word["text"] for band in bands for word in band if word["x1"] <= edge]
    return all(text in BULLETS or ENUMERATOR.fullmatch(text) for text in left)


def both_sides(band: list[dict], edge: float) -> bool:
    """Words left and right of the edge; a point's slack, as in crosses: a cell set without padding
    starts where its rule's segment does."""
    return any(word["x1"] <= edge + 1 for word in band) and any(word["x0"] >= edge - 1 for word in band)


def crosses(band: list[dict], edges: list[float]) -> bool:
    return any(word["x0"] < edge - 1 and word["x1"] > edge + 1 for edge in edges for word in band)


def table_rows(bands: list[list[dict]], edges: list[float]) -> list[list[str]]:
    """The bands' words as rows of cells; a band with nothing in the first column goes on with the
    row above it (a cell's text that wraps); a band across the columns is a row of its own."""
    rows: list[list[str]] = []
    for band in bands:
        if crosses(band, edges):  # a row across the columns: its own row, in the first cell
            rows.append([" ".join(word["text"] for word in band)] + [""] * len(edges))
            continue
        cells = [[] for _ in range(len(edges) + 1)]
        for word in band:
            cells[sum(1 for edge in edges if (word["x0"] + word["x1"]) / 2 > edge)].append(word["text"])
        texts = [" ".join(cell) for cell in cells]
        if rows and not texts[0]:
            rows[-1] = [" ".join(filter(None, (old, new))) for old, new in zip(rows[-1], texts, strict=True)]
        else:
            rows.append(texts)
    return rows


def is_note_line(band: list[dict]) -> bool:
    """ "Source: ...", "Notes: ..." under a table: its apparatus, not a row."""
    label = split_label(" ".join(word["text"] for word in band[:4]))
    return bool(label and is_apparatus_label(label[0]))


def keeps_to_columns(bands: list[list[dict]], anchor: list[dict], edges: list[float], size: float,
                     bold: bool = False) -> int:
    """How many of the bands, nearest to the anchor first, go on with the table from it: no word
    across an edge, no caption or apparatus line, no gap of over two rows, the table's size, bold
    only when most of the table's rows are (bold)."""
    count, previous = 0, anchor
    for band in bands:
        gap = max(min(w["top"] for w in band) - max(w["bottom"] for w in previous),
                  min(w["top"] for w in previous) - max(w["bottom"] for w in band))
        if (crosses(band, edges) or is_note_line(band) or CAPTION.match(band_text(band)) or gap > 2.5 * size
                or abs(band_size(band) - size) > 1 or is_bold(band) and not bold):
            break  # (a bold line by rows that are not: a caption's last line, a heading)
        count, previous = count + 1, band
    return count


def is_bold(band: list[dict]) -> bool:
    return all("bold" in word.get("fontname", "").casefold() for word in band)


def band_text(band: list[dict]) -> str:
    return " ".join(word["text"] for word in band)


def band_size(band: list[dict]) -> float:
    sizes = sorted(word["size"] for word in band)
    return sizes[len(sizes) // 2]


def runs_on(band: list[dict]) -> bool:
    """Whether the band is set as one run of words, no gap in it wider than a space or two."""
    gaps = [b["x0"] - a["x1"] for a, b in zip(band, band[1:], strict=False)]
    return all(gap < 1.5 * band_size(band) for gap in gaps)


def spans_columns(band: list[dict]) -> bool:
    """A row set across the columns ("Joint Returns" over a table's part): a dozen words at most,
    in one run without a wide gap, no sentence."""
    return len(band) <= 12 and runs_on(band) and not band_text(band).endswith(".")


def is_prose_row(band: list[dict]) -> bool:
    """A line of a paragraph set across a table's columns (a cell that explains a part of the
    table, "Vessels that call more than twelve times a year pay ..."): one run, longer than a label."""
    return runs_on(band) and not spans_columns(band)


def under_rules(words: list[dict], stack: list[Rule]) -> Region | None:
    """The table the rules of one stack border, with the rows that run on above the first (a table
    carried over from the page before) and below the last (one that runs on to the next)."""
    x0, x1 = min(rule.x0 for rule in stack) - 2, max(rule.x1 for rule in stack) + 2
    top, bottom = stack[0].top, stack[-1].top
    bands = group_lines([w for w in words if x0 <= w["x0"] and w["x1"] <= x1])
    spans = [(min(w["top"] for w in band), max(w["bottom"] for w in band)) for band in bands]
    above = [band for band, (_, low) in zip(bands, spans, strict=True) if low <= top + 1]
    inner = [band for band, (high, low) in zip(bands, spans, strict=True) if high >= top - 1 and low <= bottom + 1]
    below = [band for band, (high, low) in zip(bands, spans, strict=True) if high > bottom - 1 and low > bottom + 1]
    if any(is_note_line(band) or CAPTION.match(band_text(band)) for band in inner):
        return None  # a table's apparatus ends it, and a caption starts the next: two tables
    # Lines of prose across the columns are rows of their own, as long as the rows that keep to
    # the columns outnumber them; a ruled box of prose has none that do.
    prose = [band for band in inner if is_prose_row(band)]
    rows = [band for band in inner if not runs_on(band)]  # neither a label across nor a prose row
    cuts = sorted({round(cut, 1) for rule in stack for cut in rule.cuts})
    edges = separators(rows, x0, x1, cuts) if len(rows) > len(prose) else []
    if not edges or any(crosses(band, edges) for band in rows):
        return None
    size, bold = band_size(inner[-1]), 2 * sum(map(is_bold, inner)) > len(inner)
    up = keeps_to_columns(above[::-1], inner[0], edges, size, bold)
    taken = above[len(above) - up:] + inner + below[:keeps_to_columns(below, inner[-1], edges, size, bold)]
    edges = [edge for edge in edges if sum(1 for band in taken if both_sides(band, edge)) >= 2]
    if sum(1 for band in taken if not crosses(band, edges)) < MIN_ROWS or not edges:
        return None
    return Region(min(w["top"] for w in taken[0]), max(w["bottom"] for w in taken[-1]), table_rows(taken, edges),
                  [word for band in taken for word in band])


def rule_stacks(rules: list[Rule]) -> list[list[Rule]]:
    """Rules of one width, top to bottom: the borders of one table (or of several, one under another)."""
    stacks: list[list[Rule]] = []
    for rule in sorted(rules, key=lambda item: item.top):
        stack = next((s for s in stacks if abs(s[0].x0 - rule.x0) <= 6 and abs(s[0].x1 - rule.x1) <= 6), None)
        if stack is None:
            stacks.append([rule])
        else:
            stack.append(rule)
    return stacks


def ruled_regions(words: list[dict], rules: list[Rule]) -> list[Region]:
    """Tables under rules: from each stack's top rule on, the table of the most words that some
    rule below it closes (rows between two tables, prose, border none); then a stack's last rule
    that closes none, as the top border of a table that runs on to the next page (beside_lone_rule),
    and a first rule that opens none, as the bottom border of one carried over."""
    regions: list[Region] = []
    for stack in rule_stacks(rules):
        start, bordered = 0, set()
        while start < len(stack) - 1:
            found, end = None, start + 1
            for stop in range(start + 1, len(stack)):
                region = under_rules(words, stack[start:stop + 1])
                if region is not None and (found is None or len(region.words) > len(found.words)):
                    found, end = region, stop + 1
            if found is not None:
                regions.append(found)
                bordered |= set(range(start, end))
                words = without_words(words, found.words)
            start = end if found is not None else start + 1
        for index, downward in ((len(stack) - 1, True), (0, False)):
            lone = None if index in bordered else beside_lone_rule(words, stack[index], downward)
            if lone is not None:
                regions.append(lone)
                bordered.add(index)
                words = without_words(words, lone.words)
    return regions


def without_words(words: list[dict], taken: list[dict]) -> list[dict]:
    ids = {id(word) for word in taken}
    return [word for word in words if id(word) not in ids]


def beside_lone_rule(words: list[dict], rule: Rule, downward: bool) -> Region | None:
    """The table one rule borders alone: the bands under it to the page's foot (downward: its top
    border, the table running on to the next page) or over it from the head (its bottom border, the
    table carried over), while they keep to two columns or more. One rule says less than two, so its
    cells must hold figures too (is_numeric_table): two columns of prose under a rule are no table."""
    x0, x1 = rule.x0 - 2, rule.x1 + 2
    bands = group_lines([w for w in words if x0 <= w["x0"] and w["x1"] <= x1])
    side = [band for band in bands if min(w["top"] for w in band) > rule.top - 1] if downward else \
        [band for band in bands if max(w["bottom"] for w in band) < rule.top + 1][::-1]
    if not side:
        return None
    first, size = side[0], band_size(side[0])
    distance = min(w["top"] for w in first) - rule.top if downward else rule.top - max(w["bottom"] for w in first)
    if distance > 2.5 * size or is_note_line(first) or CAPTION.match(band_text(first)):
        return None
    bold = 2 * sum(map(is_bold, side)) > len(side)
    block = side[: 1 + keeps_to_columns(side[1:], first, [], size, bold)]
    rows = [band for band in block if not runs_on(band)]
    if len(rows) < MIN_ROWS or len(rows) <= sum(1 for band in block if is_prose_row(band)):
        return None
    edges = separators(rows, x0, x1, sorted({round(cut, 1) for cut in rule.cuts}))
    if not edges or any(crosses(band, edges) for band in rows):
        return None
    taken = block[: 1 + keeps_to_columns(block[1:], first, edges, size, bold)] if not crosses(first, edges) else []
    taken = taken if downward else taken[::-1]
    if sum(1 for band in taken if any(both_sides(band, edge) for edge in edges)) < MIN_ROWS:
        return None
    table = table_rows(taken, edges)
    if not is_numeric_table(table):
        return None
    return Region(min(w["top"] for w in taken[0]), max(w["bottom"] for w in taken[-1]), table,
                  [word for band in taken for word in band])


def aligned_edges(bands: list[list[dict]]) -> list[float]:
    """The column edges of bands without rules: strips of ALIGNED_GAP em that no word covers,
    with words on both sides on every band but a third, bullets' and numbers' gaps aside."""
    x0, x1 = min(w["x0"] for band in bands for w in band), max(w["x1"] for band in bands for w in band)
    size = band_size(max(bands, key=len))
    edges = [(left + right) / 2 for left, right in free_strips(bands, x0, x1, ALIGNED_GAP * size)]
    return [edge for edge in edges if 3 * sum(1 for band in bands if both_sides(band, edge)) >= 2 * len(bands)
            and not only_markers(bands, edge)]


def is_numeric_table(rows: list[list[str]]) -> bool:
    cells = [cell for row in rows for cell in row[1:] if cell]
    return bool(cells) and sum(1 for cell in cells if holds_figure(cell)) >= NUMERIC_SHARE * len(cells)


def holds_figure(cell: str) -> bool:
    """A figure, or a formula of them where one column's edge went unseen ("$7,442 + 22% of the
    amount over $64,850"): a third of its words figures. Prose, even full of years, has far fewer."""
    words = cell.split()
    return bool(NUMBER.fullmatch(cell)) or 3 * sum(1 for word in words if NUMBER.fullmatch(word)) >= len(words) > 1


def aligned_regions(words: list[dict]) -> list[Region]:
    """Tables without rules: runs of ALIGNED_ROWS bands or more, each next to the one above, that
    keep to three columns or more, with figures in many cells."""
    bands, regions, start = group_lines(words), [], 0
    while start < len(bands):
        end, edges = start + 1, []
        while end < len(bands) and min(w["top"] for w in bands[end]) - max(w["bottom"] for w in bands[end - 1]) \
                < 2.5 * band_size(bands[end]) and len(found := aligned_edges(bands[start:end + 1])) >= 2:
            end, edges = end + 1, found
        taken = bands[start:end]
        rows = table_rows(taken, edges) if edges else []
        if len(taken) >= ALIGNED_ROWS and is_numeric_table(rows):
            regions.append(Region(min(w["top"] for w in taken[0]), max(w["bottom"] for w in taken[-1]), rows,
                                  [word for band in taken for word in band]))
            start = end
        else:
            start += 1
    return regions
