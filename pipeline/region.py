"""Where the article is on a page pasted as plain text: its run of prose and the title above it.

A flattened web page is one article surrounded by menus, link boxes, teasers and footers. Prose
lines (sentences: eight words or more ending in final punctuation, or thirty words or more) are
grouped into runs; more than MAX_GAP lines in a row that are not prose (menus, link boxes, debris)
end a run, and so does a comment-section heading. The run with the most prose is the article.
Lines above its title and below its last paragraph are dropped with the reason, except lines
that carry metadata (bylines, dates, author bios, affiliations, editor's notes), which the
metadata step reads and takes out of the body itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.debris import Line
from pipeline.metadata import is_closing_bio, is_metadata_line, parse_byline, parse_date_line
from pipeline.pagehead import find_title, header_authors

STOPS = ".!?\u2026"
CLOSERS = "\u201d\u2019\"')\u00bb"
# Calibrated on the development pages (bench/clean_score.py): inside an article, paragraphs are
# apart by at most a heading, a caption, an "Advertisement" and a teaser line; menus and link
# boxes run longer. 4 and 5 score the same there; 4 keeps more footers out.
MAX_GAP = 4
MIN_ARTICLE_CHARS = 800  # prose a run needs for a comment heading after it to close the page
MERGE_GAP = 12  # a newsletter box or a short gallery inside an article
MERGE_MIN_CHARS = 300  # prose a neighbouring run needs to be taken for more of the article
CLOSING_BIO_SHARE = 0.25  # most prose that may follow an author's bio inside the article run
UNTITLED_HEAD = 2  # lines kept above an article that has no title line


@dataclass
class Run:
    start: int  # indexes into the non-blank lines
    end: int
    chars: int = 0


@dataclass
class Region:
    kept: list[Line]
    dropped: list[dict]
    title_line: int | None  # line number of the title found above the article, if any
    authors: list[str] = field(default_factory=list)  # names standing alone under the title


def is_prose(text: str) -> bool:
    words = len(text.split())
    return words >= 8 and ends_sentence(text) or words >= 30


def ends_sentence(text: str) -> bool:
    """Final punctuation, or a closing quote or bracket right after it ('... he said.”').

    A quote or bracket closing a word is no sentence end: a headline ending in a quoted title
    ('An Appreciation of Heart’s “Alone”'), a caption ending in its credit ('(AFP/Getty Images)').
    """
    stripped = text.rstrip().rstrip(CLOSERS)
    return stripped != text.rstrip() and stripped.endswith(tuple(STOPS)) or text.rstrip().endswith(tuple(STOPS))


def prose_runs(
    lines: list[Line], debris: set[int], article_ends: set[int], list_items: set[int]
) -> list[Run]:
    """Runs of prose lines; a links box (a heading and its list) counts as one line of gap,
    so that a "Related stories" box set inside an article does not cut it in two."""
    runs: list[Run] = []
    current: Run | None = None
    gap = 0
    for index, line in enumerate(lines):
        if line.number in article_ends:
            current = None
        if line.number in list_items:
            continue
        if line.number in debris or not is_prose(line.text):
            gap += 1
            if gap > MAX_GAP:
                current = None
            continue
        if current is None:
            current = Run(index, index)
            runs.append(current)
        current.end, gap = index, 0
        current.chars += len(line.text)
    return runs


def article_run(runs: list[Run], lines: list[Line], article_ends: set[int]) -> Run | None:
    """The run with the most prose, among the runs before the comments begin.

    Comments are prose too, and a long thread outweighs the article: a comment heading that
    follows MIN_ARTICLE_CHARS of prose closes the page, and no run after it is the article.
    """
    ends = [index for index, line in enumerate(lines) if line.number in article_ends]
    eligible: list[Run] = []
    for run in runs:
        if any(
            earlier.chars >= MIN_ARTICLE_CHARS and earlier.end < end < run.start
            for earlier in eligible
            for end in ends
        ):
            break
        eligible.append(run)
    return max(eligible, key=lambda run: run.chars, default=None)


def end_at_closing_bio(run: Run, lines: list[Line]) -> Run:
    """The article ends at its author's bio when little prose follows it (footer blurbs, teasers).

    Only a bio that closes articles by its form (is_closing_bio) and with under a quarter of the
    run's prose after it: 'X is a professor at Y' in the body never cuts the text.
    """
    prose_after = 0
    for index in range(run.end, run.start, -1):
        if is_closing_bio(lines[index].text):
            if prose_after < run.chars * CLOSING_BIO_SHARE:
                return Run(run.start, index - 1, run.chars - prose_after - len(lines[index].text))
            break
        if is_prose(lines[index].text):
            prose_after += len(lines[index].text)
    return run


def gap_between(lines: list[Line], first: Run, second: Run, list_items: set[int]) -> int:
    return sum(1 for line in lines[first.end + 1 : second.start] if line.number not in list_items)


def extend_article(
    run: Run, runs: list[Run], lines: list[Line], article_ends: set[int], list_items: set[int]
) -> Run:
    """The article run joined with neighbouring runs that continue it past a box or a gallery.

    A neighbour joins when it holds MERGE_MIN_CHARS of prose, lies at most MERGE_GAP lines away,
    and no comment heading stands between.
    """
    position = runs.index(run)
    start, end = position, position
    while end + 1 < len(runs) and joins(runs[end], runs[end + 1], lines, article_ends, list_items):
        end += 1
    while start > 0 and joins(runs[start - 1], runs[start], lines, article_ends, list_items):
        start -= 1
    return Run(runs[start].start, runs[end].end, sum(r.chars for r in runs[start : end + 1]))


def joins(first: Run, second: Run, lines: list[Line], article_ends: set[int], list_items: set[int]) -> bool:
    between = lines[first.end + 1 : second.start]
    return (
        min(first.chars, second.chars) >= MERGE_MIN_CHARS
        and gap_between(lines, first, second, list_items) <= MERGE_GAP
        and not any(line.number in article_ends for line in between)
    )


def untitled_start(lines: list[Line], start: int, debris: set[int]) -> int:
    """With no title, up to UNTITLED_HEAD short lines right above the text stay (a first heading)."""
    first = start
    while first > 0 and start - first < UNTITLED_HEAD and lines[first - 1].number not in debris:
        first -= 1
    return first


def head_line_kept(line: Line) -> bool:
    """Above the title, only a byline or a date line is the article's."""
    return bool(parse_byline(line.text) or parse_date_line(line.text))


def find_article(
    lines: list[Line],
    debris: set[int],
    article_ends: set[int],
    list_items: set[int] | frozenset = frozenset(),
) -> Region:
    """Lines of the article (blank lines kept), the lines dropped around it, and its title line.

    debris: numbers of lines the patterns dropped; list_items: those dropped as entries of a
    links box; article_ends: comment-section headings.
    """
    text_lines = [line for line in lines if line.text.strip()]
    runs = prose_runs(text_lines, debris, article_ends, set(list_items))
    run = article_run(runs, text_lines, article_ends)
    if run is None:
        return Region(lines, [], None)
    run = end_at_closing_bio(extend_article(run, runs, text_lines, article_ends, set(list_items)), text_lines)
    title = find_title(text_lines, run.start, debris, set(list_items))
    first = title if title is not None else untitled_start(text_lines, run.start, debris)
    outside = set()
    for index, line in enumerate(text_lines):
        if line.number in debris:
            continue
        if index < first and not head_line_kept(line) or index > run.end and not is_metadata_line(line.text):
            outside.add(line.number)
    kept = [line for line in lines if line.number not in outside]
    dropped = [
        {
            "line": line.number,
            "text": line.text,
            "reason": "page before the article" if index < first else "page after the article",
        }
        for index, line in enumerate(text_lines)
        if line.number in outside
    ]
    if title is None:
        return Region(kept, dropped, None)
    return Region(kept, dropped, text_lines[title].number, header_authors(text_lines, title, run.start))
