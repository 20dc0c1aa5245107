"""Choosing a section's points: merge what several sources say, then pick relevant, distinct points.

Sentences that state the same thing (TF-IDF likeness, raised by a shared salient number) become
one point citing every seed that makes it. Points are then picked by maximal marginal relevance,
and a point too like one already picked is never picked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pipeline.content.candidates import Sentence
from pipeline.content.textstats import likeness, norm

SUPPORT_BONUS = 0.1  # relevance added per further seed that makes the same statement


@dataclass(eq=False)  # a point is itself, not its contents: compared and hashed by identity
class Point:
    members: list[Sentence]
    relevance: float

    @property
    def lead(self) -> Sentence:
        return self.members[0]

    @property
    def seeds(self) -> list[str]:
        return list(dict.fromkeys(m.seed for m in self.members))


def similar(a: Sentence, b: Sentence, a_norm: float | None = None, b_norm: float | None = None) -> float:
    return likeness(a.vector, b.vector, a.numbers, b.numbers, a_norm, b_norm)


def traits(sentence: Sentence) -> list:
    """What two sentences must share to be alike at all: a weighted word or a salient number."""
    return [*sentence.vector, *(("number", number) for number in sentence.numbers)]


@dataclass(frozen=True)
class Lead:
    """A point's lead as merging compares it: its vector's items in their order, numbers and norm."""

    items: list
    numbers: set
    norm: float


def first_alike(candidates, leads: list[Lead], sentence: Sentence, own_norm: float, threshold: float) -> int | None:
    """The first candidate point whose lead is at least threshold alike: similar(lead, sentence), the
    same sums in the same order (the lead's words), inlined, since a section of 10,000 seeds' sentences
    makes about a million comparisons."""
    vector, numbers = sentence.vector, sentence.numbers
    value_of = vector.get
    for index in candidates:
        lead = leads[index]
        similarity = 0.0
        if lead.items and vector:
            dot = 0
            for word, count in lead.items:
                value = value_of(word)
                if value is not None:
                    dot += count * value
            similarity = dot / (lead.norm * own_norm)
        if lead.numbers and numbers and not lead.numbers.isdisjoint(numbers):
            similarity = 0.5 + 0.5 * similarity
        if similarity >= threshold:
            return index
    return None


def merge_statements(ranked: list[tuple[Sentence, float]], threshold: float) -> list[Point]:
    """Greedy clustering in rank order: each sentence joins the first point it restates.

    A sentence is compared only with the points whose lead shares a word or a salient number with
    it (an index of the leads' traits), in the points' order: any other point is 0 alike, so the
    first point over a positive threshold is the same one. Scanning every point made a section of
    10,000 seeds' sentences cost millions of comparisons. A sentence that says word for word what
    one placed before says (the same vector and numbers) goes where that one went: the points
    before it did not take that one, leads never change, and the one it copies is that alike.
    """
    points: list[Point] = []
    holders: dict = defaultdict(list)  # a trait -> the indices of the points whose lead has it
    leads: list[Lead] = []  # what each point's lead is compared by, read once
    placed: dict = {}  # what a sentence says -> the index of the point it joined
    for sentence, relevance in ranked:
        says = (frozenset(sentence.vector.items()), frozenset(sentence.numbers))
        if says in placed:
            points[placed[says]].members.append(sentence)
            continue
        own_norm, own_traits = norm(sentence.vector), traits(sentence)
        candidates = range(len(points)) if threshold <= 0 else sorted(
            {index for trait in own_traits for index in holders.get(trait, ())})
        home = first_alike(candidates, leads, sentence, own_norm, threshold)
        if home is None:
            home = len(points)
            for trait in own_traits:
                holders[trait].append(home)
            points.append(Point([sentence], relevance))
            leads.append(Lead(list(sentence.vector.items()), sentence.numbers, own_norm))
        else:
            points[home].members.append(sentence)
        if similar(sentence, sentence, own_norm, own_norm) >= threshold:  # else no copy would join it
            placed[says] = home
    for point in points:
        point.relevance += SUPPORT_BONUS * (len(point.seeds) - 1)
    return points


def pick_diverse(points: list[Point], count: int, trade_off: float, threshold: float) -> list[Point]:
    """Maximal marginal relevance over merged points; near-restatements are never both picked."""
    chosen: list[Point] = []
    pool = sorted(points, key=lambda p: -p.relevance)
    overlap = dict.fromkeys(pool, 0.0)  # each point's greatest likeness to a chosen one, kept up to date
    while pool and len(chosen) < count:
        best = max(pool, key=lambda p: trade_off * p.relevance - (1 - trade_off) * overlap[p])
        pool.remove(best)
        if chosen and overlap[best] >= threshold:
            continue
        chosen.append(best)
        for point in pool:
            overlap[point] = max(overlap[point], similar(point.lead, best.lead))
    return chosen
