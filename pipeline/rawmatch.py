"""Whether two unparsed reference strings cite the same work (same edition), without a parser.

Used where references arrive as raw text only. Two strings are one work when:
- their publication years agree: the first year each states is its edition year ("Venezia 1926,
  2nd ed. Roma 1963" is the 1926 edition), so a reprint or a later edition is a different work;
- the shorter string's significant words are almost all found in the longer (OCR-tolerant fuzzy
  word match), enough of them to be a title, not just a shared series or place;
- the longer string is mostly covered too, unless it is much longer (a reference quoted inside a
  sentence of running text), so a chapter is not taken for the volume it appeared in.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from pipeline.cslfields import STOPWORDS, fold

# Calibrated on the LinkedBooks development pairs (bench/dedup_score.py), kept round on purpose.
SHORTER_CONTAINED = 0.75
LONGER_COVERED = 0.5
CONTEXT_LENGTH_FACTOR = 2.5   # a string this many times longer than the other is running text
MIN_SHARED_WORDS = 3
SAME_WORD = 85.0               # rapidfuzz ratio for OCR variants ("monachesimo" / "monacheSimo")
_YEAR = re.compile(r"(?<![\d])(1[4-9]\d\d|20\d\d)(?![\d])")
_WORD = re.compile(r"[a-z]{3,}")
# Words of a reference's apparatus, not of the work: they say nothing about identity.
_APPARATUS = frozenset(str.split("""
cura cur vol voll vols pag pagg ibid idem cit op ecc etc see cfr per edn ediz edizione edition ed eds
editor editors trad transl hrsg bd tome tomo libro lib fol fols pp nota note notes vedi anche also
"""))


@lru_cache(maxsize=4096)
def reference_words(raw: str) -> tuple[str, ...]:
    """Folded significant words, with words a line break hyphenated rejoined ("Lo- renzetti")."""
    text = re.sub(r"(\w)-\s+(\w)", r"\1\2", fold(raw))
    return tuple(dict.fromkeys(word for word in _WORD.findall(text)
                               if word not in STOPWORDS and word not in _APPARATUS))


def edition_year(raw: str) -> int | None:
    match = _YEAR.search(raw or "")
    return int(match.group(1)) if match else None


def _found(word: str, others: tuple[str, ...]) -> bool:
    if word in others:
        return True
    return len(word) >= 5 and any(abs(len(word) - len(other)) <= 2 and fuzz.ratio(word, other) >= SAME_WORD
                                  for other in others)


def same_work_raw(a: str, b: str) -> bool:
    """True when reference strings a and b cite one work in one edition."""
    year_a, year_b = edition_year(a), edition_year(b)
    if year_a and year_b and year_a != year_b:
        return False
    words_a, words_b = reference_words(a), reference_words(b)
    shorter, longer = sorted((words_a, words_b), key=len)
    if len(shorter) < MIN_SHARED_WORDS:
        return False
    shared = sum(_found(word, longer) for word in shorter)
    if shared < MIN_SHARED_WORDS or shared < SHORTER_CONTAINED * len(shorter):
        return False
    running_text = len(longer) >= CONTEXT_LENGTH_FACTOR * len(shorter)
    return running_text or shared >= LONGER_COVERED * len(longer)
