"""Whether two unparsed reference strings cite the same work (same edition), without a parser.

Used where references arrive as raw text only. A reference's author and title come before its
year, or, in author-date styles, around it ("Smith, J. (1990). Title."). Two strings are one work when:
- their publication years agree: the first year each states, outside a period its title names
  ("Venezia 1540-1605, Roma 1983"), and not a number a label makes a bill or serial number
  ("S. 2093", "No. 1985"), is its edition year ("Venezia 1926, 2nd ed. Roma 1963" is the
  1926 edition), so a reprint or a later edition is a different work;
- they cite the same volume: two volumes of a multi-volume work differ, and so do one volume and
  the whole set or a citation naming no volume (pipeline.bibliography.volumes says which volume, and whether
  the work is known to have several);
- neither is a contribution ("Neri, Le saline, in Atti del convegno, ...") and the other the book
  or journal it appeared in;
- the shorter string's significant words are almost all found in the longer (OCR-tolerant fuzzy
  word match), enough of them to be a title, not just a shared series or place; or the shorter is
  a short-title citation (author and the title's first word, "Rossi, Fortezze, 1901") of the same year;
- the longer string is mostly covered too, unless it is much longer (a reference quoted inside a
  sentence of running text), so a chapter is not taken for the volume it appeared in.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from pipeline.bibliography.volumes import YEAR, YEAR_SPAN, is_multi_volume, volume_cited
from pipeline.text.cslfields import STOPWORDS, fold
from pipeline.text.designations import number_is_designated

# Calibrated on the LinkedBooks development pairs (bench/dedup_score.py), kept round on purpose.
CORE_CONTAINED = 0.7           # share of each string's author-and-title words found in the other
RUNNING_TEXT_CONTAINED = 0.85
LEAD_CONTAINED = 0.6           # share of the longer author-and-title's first words found in the other
CONTEXT_LENGTH_FACTOR = 2.5   # a string this many times longer than the other is running text
MIN_SHARED_WORDS = 3
SHORT_TITLE_WORDS = 2          # author and one title word: the shortest citation still naming a work
SAME_WORD = 85.0               # rapidfuzz ratio for OCR variants ("monachesimo" / "monacheSimo")
_SEGMENT_END = re.compile(r"[,;:(\[«“\"]|\.\s|\s[-–—]\s")
# Where a contribution's own author and title end and its book or journal begins: ", in «Studi»",
# ". In Atti del convegno", ", in: Archivio", ", dans Mélanges"; a title starts with a capital or a
# quotation mark, unlike running text ("descritto, in dettaglio, da ...").
_CONTAINER = re.compile(r"[,.]\s*(?:[Ii]n|[Dd]ans)\b\s*:?\s*(?=[«\"“‘'A-ZÀ-ÖØ-Þ])")
CONTRIBUTION_WORDS = 25        # at most this many significant words of author and title before ", in"
AUTHOR_DATE_NAMES = 4          # significant words of authors' names before an author-date year
_AUTHOR_DATE_END = re.compile(r"\d?[a-z]?\s*[).]")
# The title ends at a full stop or a closing quote; the journal or publisher after it is not the work.
_AUTHOR_DATE_TITLE_END = re.compile(r"\.(?:\s|$)|[’'\"”»]\s*[,.]")
IMPRINT_WORDS = 3              # "Venice", "Milan and Rome", "Bestetti e Tumminelli": place or publisher
_WORD = re.compile(r"[a-z]{3,}")
# Words of a reference's apparatus, not of the work: they say nothing about identity.
_APPARATUS = frozenset(str.split("""
cura cur vol voll vols pag pagg ibid idem cit op ecc etc see cfr per edn ediz edizione edition ed eds
editor editors trad transl hrsg bd tome tomo libro lib fol fols pp nota note notes vedi anche also
"""))


def _words(text: str) -> tuple[str, ...]:
    text = re.sub(r"(\w)-\s+(\w)", r"\1\2", fold(text))
    return tuple(dict.fromkeys(word for word in _WORD.findall(text)
                               if word not in STOPWORDS and word not in _APPARATUS))


@lru_cache(maxsize=8192)
def reference_words(raw: str) -> tuple[str, ...]:
    """Folded significant words, with words a line break hyphenated rejoined ("Lo- renzetti")."""
    return _words(raw)


@lru_cache(maxsize=8192)
def core_words(raw: str) -> tuple[str, ...]:
    """The words naming the work: author and title, i.e. what comes before the edition year, less
    a short imprint segment just before it ("..., Venezia, Bestetti e Tumminelli, 1926"). In
    author-date styles the title follows the year ("Smith, J. (1990). Title. Journal, 32.")."""
    match = _edition_year_match(raw or "")
    if not match:
        return _words(raw)
    if _is_author_date(raw, match):
        after = raw[match.end():].lstrip(" .,:;)]abcdefgh")  # "(1990a)." -> the title
        title_end = _AUTHOR_DATE_TITLE_END.search(after)
        return _words(raw[:match.start()] + " " + after[:title_end.start() if title_end else None])
    segments = [segment for segment in _SEGMENT_END.split(raw[:match.start()]) if segment.strip()]
    if len(segments) >= 2 and len(segments[-1].split()) <= IMPRINT_WORDS:
        without_imprint = _words(" ".join(segments[:-1]))
        if len(without_imprint) >= 2:
            return without_imprint
    return _words(" ".join(segments)) or _words(raw)


def _is_author_date(raw: str, year: re.Match) -> bool:
    """Only names before the year, which a bracket or a full stop closes, and a title after it."""
    return (len(_words(raw[:year.start()])) <= AUTHOR_DATE_NAMES and bool(_AUTHOR_DATE_END.match(raw, year.end()))
            and len(_words(raw[year.end():])) >= MIN_SHARED_WORDS)


def _edition_year_match(raw: str) -> re.Match | None:
    """The first year outside a period named in the title: in "Venice 1540-1605, Roma 1983" the span
    is what the book covers; a span with no year after it is the imprint ("Venezia 1893-1897")."""
    years = [year for year in YEAR.finditer(raw) if not number_is_designated(raw, year.start())]
    if not years:
        return None
    periods = [span for span in YEAR_SPAN.finditer(raw) if span.end() < years[-1].end()]
    in_title = [year for year in years if any(span.start() <= year.start() < span.end() for span in periods)]
    return next((year for year in years if year not in in_title), years[0])


def edition_year(raw: str) -> int | None:
    match = _edition_year_match(raw or "")
    return int(match.group(1)) if match else None


@lru_cache(maxsize=8192)
def _letters(raw: str) -> str:
    """All letters run together: finds words a scan split or merged ("allafine", "Medio Evo")."""
    return re.sub(r"[^a-z]", "", fold(raw))


def _found(word: str, others: tuple[str, ...], letters: str) -> bool:
    if word in others or (len(word) >= 5 and word in letters):
        return True
    return len(word) >= 5 and any(abs(len(word) - len(other)) <= 2 and fuzz.ratio(word, other) >= SAME_WORD
                                  for other in others)


def _contained(words: tuple[str, ...], raw: str) -> tuple[int, float]:
    """How many of `words` (and what share) the reference string `raw` contains."""
    others, letters = reference_words(raw), _letters(raw)
    found = sum(_found(word, others, letters) for word in words)
    return found, found / len(words) if words else 0.0


def same_work_raw(a: str, b: str) -> bool:
    """True when reference strings a and b cite one work in one edition."""
    year_a, year_b = edition_year(a), edition_year(b)
    if year_a and year_b and year_a != year_b:
        return False
    if volumes_differ(a, b) or names_its_container(a, b) or names_its_container(b, a):
        return False
    if _titles_agree(a, b) or (year_a and year_a == year_b and _short_title_agrees(a, b)):
        return True
    # A reference quoted inside running text: only the reference's own words can be checked.
    words_a, words_b = reference_words(a), reference_words(b)
    if len(words_b) >= CONTEXT_LENGTH_FACTOR * len(words_a):
        found, share = _contained(core_words(a), b)
    elif len(words_a) >= CONTEXT_LENGTH_FACTOR * len(words_b):
        found, share = _contained(core_words(b), a)
    else:
        return False
    return found >= MIN_SHARED_WORDS and share >= RUNNING_TEXT_CONTAINED


def volumes_differ(a: str, b: str) -> bool:
    """Two volumes of one work, or one volume and the whole: a multi-volume work is catalogued volume
    by volume, so "vol. II" of it is not the set ("2 vols, 1893-97") nor a citation naming no volume."""
    volume_a, volume_b = volume_cited(a), volume_cited(b)
    if volume_a and volume_b:
        return volume_a != volume_b
    # Without the span or count, a bare numeral may be a book or part inside a one-volume work.
    return bool(volume_a or volume_b) and (is_multi_volume(a) or is_multi_volume(b))


def names_its_container(part: str, other: str) -> bool:
    """`other` cites the book or journal that `part` appeared in ("Ferrante, Le torri, in Atlante
    delle coste, Ancona 1984" / "AA.VV., Atlante delle coste, Ancona 1984"): its title is
    found after the "in" but not before it, where the contribution's own author and title are."""
    marker = _CONTAINER.search(part)
    if not marker or len(_words(part[:marker.start()])) > CONTRIBUTION_WORDS:
        return False  # an "in" deep in running text starts no container
    words = core_words(other)
    _, in_container = _contained(words, part[marker.end():])
    _, in_contribution = _contained(words, part[:marker.start()])
    return in_container >= CORE_CONTAINED and in_contribution < 1 - CORE_CONTAINED


def _short_title_agrees(a: str, b: str) -> bool:
    """A short-title citation ("Rossi, Fortezze, 1901"): humanities notes repeat a work as its author
    and the first word of its title, so with the year these must be how the other reference begins."""
    (short, _), (long, long_raw) = sorted(((core_words(a), a), (core_words(b), b)), key=lambda pair: len(pair[0]))
    if len(short) != SHORT_TITLE_WORDS or len(long) <= len(short):
        return False
    if not all(_same_word(word, other) for word, other in zip(short, long[:len(short)], strict=True)):
        return False
    # "Rossi, Mario, 1901" names only the author: the second word must open a title that goes on.
    second = re.search(rf"\b{long[1]}\b\s*([,.;)]?)", fold(long_raw))
    return bool(second and not second.group(1))


def _same_word(word: str, other: str) -> bool:
    return word == other or (len(word) >= 5 and fuzz.ratio(word, other) >= SAME_WORD)


def _titles_agree(a: str, b: str) -> bool:
    """The shorter author-and-title is found in the other string, and the other's author-and-title
    starts the same way: a subtitle may be added at the end, but a chapter title before a shared
    volume title ("Ferrante, Le torri ..., in Atlante delle coste" / "Atlante delle coste") is a different work."""
    (short, short_raw), (long, long_raw) = sorted(((core_words(a), a), (core_words(b), b)),
                                                  key=lambda pair: len(pair[0]))
    found, share = _contained(short, long_raw)
    if found < MIN_SHARED_WORDS or share < CORE_CONTAINED:
        return False
    _, lead_share = _contained(long[:len(short)], short_raw)
    return lead_share >= LEAD_CONTAINED
