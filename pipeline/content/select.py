"""Choosing a section's points: merge what several sources say, then pick relevant, distinct points.

Sentences that state the same thing (TF-IDF likeness, raised by a shared salient number) become
one point citing every seed that makes it. Points are then picked by maximal marginal relevance,
and a point too like one already picked is never picked.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.content.candidates import Sentence
from pipeline.content.textstats import likeness

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


def similar(a: Sentence, b: Sentence) -> float:
    return likeness(a.vector, b.vector, a.numbers, b.numbers)


def merge_statements(ranked: list[tuple[Sentence, float]], threshold: float) -> list[Point]:
    """Greedy clustering in rank order: each sentence joins the first point it restates."""
    points: list[Point] = []
    for sentence, relevance in ranked:
        home = next((p for p in points if similar(p.lead, sentence) >= threshold), None)
        if home is None:
            points.append(Point([sentence], relevance))
        else:
            home.members.append(sentence)
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
