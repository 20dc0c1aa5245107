"""Which of the sources behind a statement the briefing cites: the strongest few, the rest counted.

A point that hundreds of sources make would otherwise cite hundreds of works and print hundreds of
passages. Its sources are ranked by one measure, the same for every topic and publisher, and the
first `count` are cited; the others stay listed (build/sections/<id>.json) and are counted ("and
212 more sources"). A source's strength, compared in this order:

1. the source whose words the briefing prints comes first (`keep_first`): the point is its sentence;
2. publisher diversity: a source whose publisher is not among those already cited beats one whose
   is (a source with no known publisher counts as its own);
3. originality: a source restating, word for word, a sentence already cited comes after one that
   does not (syndicated and copied text adds no corroboration);
4. relevance: the source's own score for the statement (its sentence's fit to the section),
   compared to two decimals so that near-equal scores fall through to
5. the earliest date (the original report before its follow-ups; undated sources last), and
   finally the corpus order, so the choice is deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RELEVANCE_PLACES = 2  # relevance differences below 0.01 are noise in BM25 x weight scores
WORD = re.compile(r"\w+")


@dataclass
class Support:
    """One source behind a statement; `item` is whatever the caller keeps for it."""
    seed: str
    item: object
    text: str = ""
    publisher: str | None = None
    date: str | None = None
    relevance: float = 0.0


def wording(text: str) -> str:
    """The text's words, one string: a string's hash is kept, a tuple's is worked out at every lookup."""
    return " ".join(WORD.findall(text.casefold()))


def _traits(support: Support, order: int) -> tuple:
    """What strength compares of a support that does not depend on what is cited: read once, since a point
    of 10,000 sources ranks each a few times."""
    return (publisher_key(support), wording(support.text), -round(support.relevance, RELEVANCE_PLACES),
            support.date is None, support.date or "", order)


def _ranked(traits: tuple, publishers: set[str], wordings: set[str]) -> tuple:
    """The sort key of a candidate given what is already cited: smaller is stronger."""
    return (traits[0] in publishers, traits[1] in wordings, *traits[2:])


def publisher_key(support: Support) -> str:
    return (support.publisher or "").casefold() or f"seed:{support.seed}"


def strongest(supports: list[Support], count: int, keep_first: bool = False) -> tuple[list[Support], list[Support]]:
    """(the `count` strongest, the others strongest first); one support per seed is expected.

    The cited ones are picked one at a time, each against those picked before it; the others are
    ranked once against all the cited ones, so a point of 10,000 sources costs count x 10,000 keys.
    """
    pool = [(_traits(support, order), support) for order, support in enumerate(supports)]
    chosen: list[Support] = []
    publishers: set[str] = set()
    wordings: set[str] = set()
    while pool and len(chosen) < count:
        if keep_first and not chosen:
            pick = pool[0]
        else:
            pick = min(pool, key=lambda pair: _ranked(pair[0], publishers, wordings))
        pool.remove(pick)
        chosen.append(pick[1])
        publishers.add(pick[0][0])
        wordings.add(pick[0][1])
    pool.sort(key=lambda pair: _ranked(pair[0], publishers, wordings))
    return chosen, [support for _, support in pool]
