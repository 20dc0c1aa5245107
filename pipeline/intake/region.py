"""Where the article is on a page pasted as plain text: its run of prose and the title above it.

A flattened web page is one article surrounded by menus, link boxes, teasers and footers. Prose
lines (sentences: eight words or more ending in final punctuation, or thirty words or more) are
grouped into runs; more than MAX_GAP lines in a row that are not prose (menus, link boxes, debris)
end a run, and so does a comment-section heading. Photo captions are not the article's prose, nor
are the blurbs of a teaser list (each followed by a label the page repeats, "Read the rest").
The run with the most prose is the article, joined with neighbouring runs across a box or a
photo gallery made only of page furniture.
Lines above its title and below its last paragraph are dropped with the reason, except lines
that carry metadata (bylines, dates, author bios, affiliations, editor's notes), which the
metadata step reads and takes out of the body itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.intake.debris import CLOSERS, STOPS, Line
from pipeline.intake.metadata import is_closing_bio, is_metadata_line, parse_byline, parse_date_line, starts_with_name
from pipeline.intake.pagehead import HEAD_WINDOW, HeaderByline, find_title, header_byline, text_counts

# Calibrated on the development pages (bench/clean_score.py): inside an article, paragraphs are
# apart by at most a heading, a caption, an "Advertisement" and a teaser line; menus and link
# boxes run longer. 4 and 5 score the same there; 4 keeps more footers out.
MAX_GAP = 4
MIN_ARTICLE_CHARS = 800  # prose a run needs for a comment heading after it to close the page
MERGE_GAP = 12  # lines not known as furniture between two runs of one article (a newsletter box)
MERGE_MIN_CHARS = 300  # prose a neighbouring run needs to be taken for more of the article
CLOSING_BIO_SHARE = 0.25  # most prose that may follow an author's bio inside the article run
UNTITLED_HEAD = 2  # lines kept above an article that has no title line
SHORT_POST_CHARS = 800  # prose of a short post (a blog's link post), which may end with what it links to
SHORT_POST_TAIL = 2  # lines kept after a short post's last paragraph
REPEATED_LABEL = 3  # a short line a page prints this often is a template's label, not text
SLIDE_SPAN = 4  # lines from one credit to the next in a gallery: title, date, caption, credit
LEAD_IN_WORDS = 6  # "Read about these leaders:" of this length or more introduces a list in the text
LEAD_IN_ITEMS = 10  # list items after a lead-in that do not count as a gap in the text


@dataclass
class Page:
    """A pasted page's non-blank lines and what the debris patterns marked on them (line numbers)."""

    lines: list[Line]
    debris: set[int]  # dropped by a pattern (list items included)
    article_ends: set[int]  # comment-section headings
    list_items: set[int]  # entries of a links box
    photo_credits: set[int] = field(default_factory=set)
    captions: set[int] = field(default_factory=set)  # lines that caption a photo, prose lines a teaser
    # what a photo gallery is made of (captions, credits, dates, slide titles) and links boxes
    furniture: set[int] = field(default_factory=set)
    slides: set[int] = field(default_factory=set)  # a gallery's captions and slide titles


@dataclass
class Run:
    start: int  # indexes into the non-blank lines
    end: int
    chars: int = 0
    running: bool = False  # two prose lines in a row: running text, not a teaser list's blurbs


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


def is_lead_in(text: str) -> bool:
    """A sentence that introduces a list ('Want to learn more? Read about:'): its items are text."""
    return len(text.split()) >= LEAD_IN_WORDS and text.rstrip().endswith(":")


def mark_page(lines: list[Line], debris: set[int], article_ends: set[int], list_items: set[int],
              photo_credits: set[int]) -> Page:
    """The page with its captions and furniture marked.

    A caption: a line right above a photo credit, or a teaser's blurb (is_teaser_blurb).
    Furniture: what a gallery or a links box set inside an article is made of, which does not
    count as a gap between two parts of it.
    (Other debris does: share bars and newsletter boxes also stand between an article and the
    next page's teasers.)
    """
    page = Page(lines, debris, article_ends, list_items, photo_credits)
    counts = text_counts(lines)
    labels = {line.number for line in lines if counts[line.text.strip()] >= REPEATED_LABEL
              and line.number not in debris and not is_prose(line.text)}
    previous_lines = [None, *lines[:-1]] if lines else []  # [None] beside no lines would not zip
    for before, line, following in zip(previous_lines, lines, [*lines[1:], None][: len(lines)], strict=True):
        if following is not None and following.number in photo_credits:
            page.captions.add(line.number)
        elif is_teaser_blurb(before, line, following, labels):
            page.captions.add(line.number)
    gallery = photo_credits | page.captions | {line.number for line in lines if parse_date_line(line.text)}
    # a slide's title between the last slide's credit and this slide's date is the gallery's too
    framed = {line.number for before, line, after in zip(lines, lines[1:], lines[2:], strict=False)
              if before.number in gallery and after.number in gallery}
    page.furniture = list_items | gallery | framed
    page.slides = gallery_slides(lines, photo_credits, framed)
    return page


def is_teaser_blurb(before: Line | None, line: Line, following: Line | None, labels: set[int]) -> bool:
    """A teaser's blurb: a paragraph alone between its headline and a label the page repeats
    ("Read the rest"). The last paragraph of an article, before a gallery's repeated title, has
    another paragraph above it."""
    return (before is not None and following is not None and following.number in labels
            and is_prose(line.text) and not is_prose(before.text))


def gallery_slides(lines: list[Line], photo_credits: set[int], framed: set[int]) -> set[int]:
    """Captions and slide titles of a photo gallery: photos whose credits stand at most
    SLIDE_SPAN lines apart. A single photo's caption is left alone (it may be a paragraph)."""
    credited = [index for index, line in enumerate(lines) if line.number in photo_credits]
    in_gallery = {index for index, nxt in zip(credited, credited[1:], strict=False) if nxt - index <= SLIDE_SPAN}
    in_gallery |= {nxt for index, nxt in zip(credited, credited[1:], strict=False) if nxt - index <= SLIDE_SPAN}
    slides = set()
    for index in in_gallery:
        slides |= {line.number for line in lines[max(0, index - SLIDE_SPAN + 1) : index]
                   if line.number not in photo_credits and (line.number in framed or line is lines[index - 1])}
    return slides


def prose_runs(page: Page) -> list[Run]:
    """Runs of prose lines; a links box (a heading and its list) counts as one line of gap,
    so that a "Related stories" box set inside an article does not cut it in two, and the items
    of a list a sentence introduces count as none."""
    runs: list[Run] = []
    current: Run | None = None
    gap = lead_in = 0
    for index, line in enumerate(page.lines):
        if line.number in page.article_ends:
            current = None
        if line.number in page.list_items:
            continue
        prose = line.number not in page.debris and (is_lead_in(line.text) or is_prose(line.text))
        if not prose or line.number in page.captions:
            gap, lead_in = (gap, lead_in - 1) if lead_in > 0 and line.number not in page.debris else (gap + 1, 0)
            if gap > MAX_GAP:
                current = None
            continue
        if current is None:
            current = Run(index, index)
            runs.append(current)
        current.running = current.running or current.end == index - 1
        current.end, gap = index, 0
        current.chars += len(line.text)
        lead_in = LEAD_IN_ITEMS if is_lead_in(line.text) else 0
    return runs


def article_run(runs: list[Run], page: Page) -> Run | None:
    """The run with the most prose, among the runs before the comments begin.

    Comments are prose too, and a long thread outweighs the article: a comment heading that
    follows MIN_ARTICLE_CHARS of prose closes the page, and no run after it is the article.
    """
    ends = [index for index, line in enumerate(page.lines) if line.number in page.article_ends]
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


def byline_authors(lines: list[Line], start: int) -> list[str]:
    """Authors named by the bylines above the article's first paragraph."""
    found = (parse_byline(line.text) for line in lines[max(0, start - HEAD_WINDOW) : start])
    return [author for byline in found if byline for author in byline["authors"]]


def end_at_closing_bio(run: Run, lines: list[Line], authors: list[str]) -> Run:
    """The article ends at its author's bio when little prose follows it (footer blurbs, teasers).

    Only a bio that closes articles by its form (is_closing_bio) or opens with the byline's name
    ('TIM ANDERSON has done many things'), with under a quarter of the run's prose after it:
    'X is a professor at Y' in the body never cuts the text.
    """
    prose_after = 0
    for index in range(run.end, run.start, -1):
        text = lines[index].text
        if is_closing_bio(text) or any(starts_with_name(text, author) for author in authors):
            if prose_after < run.chars * CLOSING_BIO_SHARE:
                return Run(run.start, index - 1, run.chars - prose_after - len(lines[index].text))
            break
        if is_prose(lines[index].text):
            prose_after += len(lines[index].text)
    return run


def extend_article(run: Run, runs: list[Run], page: Page) -> Run:
    """The article run joined with neighbouring runs that continue it past a box or a gallery.

    A neighbour joins when it holds MERGE_MIN_CHARS of prose as running text (a teaser list
    after an article alternates headlines and blurbs), at most MERGE_GAP lines that are not
    furniture stand between, and no comment heading does.
    """
    position = runs.index(run)
    start, end = position, position
    while end + 1 < len(runs) and joins(runs[end], runs[end + 1], page):
        end += 1
    while start > 0 and joins(runs[start - 1], runs[start], page):
        start -= 1
    return Run(runs[start].start, runs[end].end, sum(r.chars for r in runs[start : end + 1]))


def joins(first: Run, second: Run, page: Page) -> bool:
    between = page.lines[first.end + 1 : second.start]
    return (
        min(first.chars, second.chars) >= MERGE_MIN_CHARS
        and first.running
        and second.running
        and sum(1 for line in between if line.number not in page.furniture) <= MERGE_GAP
        and not any(line.number in page.article_ends for line in between)
    )


def untitled_start(lines: list[Line], start: int, debris: set[int]) -> int:
    """With no title, up to UNTITLED_HEAD short lines right above the text stay (a first heading)."""
    first = start
    while first > 0 and start - first < UNTITLED_HEAD and lines[first - 1].number not in debris:
        first -= 1
    return first


def short_post_end(run: Run, lines: list[Line], debris: set[int]) -> int:
    """Where a short post ends: up to SHORT_POST_TAIL short lines after its one or two paragraphs
    stay, up to the first debris line or paragraph (the title of what it links to, a "(via ...)"
    credit; a paragraph there is a bio or a teaser).

    After a longer article, such lines are the page's (tags, a teaser), and they go.
    """
    last = run.end
    if run.chars >= SHORT_POST_CHARS:
        return last
    while (last + 1 < len(lines) and last - run.end < SHORT_POST_TAIL and lines[last + 1].number not in debris
           and not is_prose(lines[last + 1].text)):
        last += 1
    return last


def head_line_kept(line: Line) -> bool:
    """Above the title, only a byline or a date line is the article's."""
    return bool(parse_byline(line.text) or parse_date_line(line.text))


def drop_reason(index: int, line: Line, first: int, last: int, slides: set[int], byline: set[int]) -> str | None:
    """Why a line the patterns left is not the article's: above its title, below its end (metadata
    lines stay for the metadata step to read), a photo gallery's caption inside it, or the role
    and handle printed under an author's name."""
    if line.number in byline:
        return "byline"
    if index < first and not head_line_kept(line):
        return "page before the article"
    if index > last and not is_metadata_line(line.text):
        return "page after the article"
    if first <= index <= last and line.number in slides:
        return "photo gallery"
    return None


def cut_to_article(lines: list[Line], text_lines: list[Line], first: int, last: int, debris: set[int],
                   slides: set[int], byline: set[int]) -> tuple[list[Line], list[dict]]:
    """The lines kept (blank ones too) and those dropped with the reason, around and in the article."""
    dropped = []
    for index, line in enumerate(text_lines):
        reason = None if line.number in debris else drop_reason(index, line, first, last, slides, byline)
        if reason:
            dropped.append({"line": line.number, "text": line.text, "reason": reason})
    out = {item["line"] for item in dropped}
    return [line for line in lines if line.number not in out], dropped


def find_article(
    lines: list[Line],
    debris: set[int],
    article_ends: set[int],
    list_items: set[int] | frozenset = frozenset(),
    photo_credits: set[int] | frozenset = frozenset(),
) -> Region:
    """Lines of the article (blank lines kept), the lines dropped around it, and its title line.

    debris: numbers of lines the patterns dropped; list_items: those dropped as entries of a
    links box; article_ends: comment-section headings; photo_credits: credit lines under photos.
    """
    text_lines = [line for line in lines if line.text.strip()]
    page = mark_page(text_lines, debris, article_ends, set(list_items), set(photo_credits))
    runs = prose_runs(page)
    run = article_run(runs, page)
    if run is None:
        return Region(lines, [], None)
    run = extend_article(run, runs, page)
    run = end_at_closing_bio(run, text_lines, byline_authors(text_lines, run.start))
    title = find_title(text_lines, run.start, debris | page.captions, page.list_items)  # a caption is no title
    if title is None:
        first, byline, title_line = untitled_start(text_lines, run.start, debris), HeaderByline([], []), None
    else:
        first, byline, title_line = title, header_byline(text_lines, title, run.start), text_lines[title].number
    last = short_post_end(run, text_lines, debris)
    kept, dropped = cut_to_article(lines, text_lines, first, last, debris, page.slides, set(byline.lines))
    return Region(kept, dropped, title_line, byline.authors)
