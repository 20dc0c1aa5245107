"""Figures of the same kind compared across sources: they agree, changed over time, or conflict.

Two figures are of one kind when they have the same dimension (after pint's normalization) and the
same counted head noun (singular, lower-cased, synonyms from config mapped to one word), and their
owners do not differ ("North Korean troops" and "Russian soldiers" are not one kind; a figure that
names no owner fits either). A figure with no head noun ("within 24 hours") joins only a kind of
such figures, when its sentence says much the same as the sentence that opened it. Subsets ("8,000
of these troops") are never compared.

Within a kind, figures whose tolerance intervals (units.interval: stated rounding, hedges, bounds)
overlap are one value. One value: agree. Several values each dated, in date order without overlap:
changed (growth or decline, with the dates). Otherwise: conflict.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from pipeline.content.facts.figures import Figure

CONTEXT_LIKENESS = 0.3  # cosine of content words two head-less figures' sentences need to be one kind


@lru_cache(maxsize=4096)  # a pure test of two names, asked of every figure against every owner of its kinds
def same_owner(a: str | None, b: str | None) -> bool:
    """'North Korea' and 'North Korean', 'Ukraine' and 'Ukrainian' name one owner; None fits any."""
    if not a or not b:
        return True
    left, right = a.lower().split(), b.lower().split()
    return len(left) == len(right) and all(x[:5] == y[:5] for x, y in zip(left, right, strict=True))


def cosine(a: list[str], b: list[str]) -> float:
    ca, cb = Counter(a), Counter(b)
    dot = sum(ca[w] * cb[w] for w in ca)
    norm = math.sqrt(sum(v * v for v in ca.values())) * math.sqrt(sum(v * v for v in cb.values()))
    return dot / norm if norm else 0.0


class _Kind:
    """A kind being gathered: the figure that opened it, the thing it names (the opener's head, which
    every member shares) and its members' distinct owners (so a figure is checked against those, not
    every member)."""

    def __init__(self, figure: Figure):
        self.figures: list[Figure] = []
        self.opener, self.head = figure, figure.head
        self.owners: dict[str, None] = {}
        self.add(figure)

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        if figure.qualifier:
            self.owners[figure.qualifier] = None

    def fits(self, figure: Figure) -> bool:
        """A figure that names a thing fits a kind of that thing; a head-less one only a head-less
        kind, when its sentence is like that of the figure that opened it (not like any member's:
        else each joiner lets in sentences like its own, and one kind swallows a hundred figures).
        A kind that names its thing holds no figure that does not: sentences about one program are
        alike whatever their figures count, and 221 sums had joined one "funding" kind."""
        if not all(same_owner(figure.qualifier, owner) for owner in self.owners):
            return False
        if figure.head or self.head:
            return figure.head == self.head
        return cosine(figure.context, self.opener.context) >= CONTEXT_LIKENESS


def kinds_of(figures: list[Figure]) -> list[list[Figure]]:
    """Figures grouped by kind, in order of first appearance (greedy: each joins the first kind it
    fits). Only kinds of the figure's dimension are tried, in the order they were opened."""
    kinds: list[_Kind] = []
    by_dimension: dict[str, list[_Kind]] = {}
    for figure in figures:
        if figure.subset:
            continue
        same_dimension = by_dimension.setdefault(figure.norm.dimension, [])
        home = next((kind for kind in same_dimension if kind.fits(figure)), None)
        if home is None:
            kinds.append(_Kind(figure))
            same_dimension.append(kinds[-1])
        else:
            home.add(figure)
    return [kind.figures for kind in kinds]


def value_classes(kind: list[Figure]) -> list[list[Figure]]:
    """Figures that state one value within their tolerances, smallest value first: a figure joins
    the first class whose every interval overlaps its own, that is, whose highest lower end is at
    most its upper end and whose lowest upper end at least its lower end (kept per class)."""
    classes: list[list[Figure]] = []
    bounds: list[list[float]] = []  # per class: [highest low, lowest high] of its members' intervals
    for figure in sorted(kind, key=lambda f: f.base_value):
        low, high = figure.base_interval
        if math.isnan(low) or math.isnan(high):  # overlaps nothing, as a comparison with NaN fails
            classes.append([figure])
            bounds.append([math.inf, -math.inf])
            continue
        home = next((index for index, (top_low, bottom_high) in enumerate(bounds)
                     if low <= bottom_high and top_low <= high), None)
        if home is None:
            classes.append([figure])
            bounds.append([low, high])
        else:
            classes[home].append(figure)
            bounds[home] = [max(bounds[home][0], low), min(bounds[home][1], high)]
    return classes


def dated_span(members: list[Figure]) -> tuple[str, str] | None:
    dates = sorted(m.date for m in members if m.date and m.date_precision in ("day", "week", "month"))
    return (dates[0], dates[-1]) if dates else None


def status_of(classes: list[list[Figure]]) -> tuple[str, list[dict]]:
    """agree, changed (with each change and its dates) or conflict."""
    if len(classes) == 1:
        return "agree", []
    spans = [dated_span(c) for c in classes]
    if any(span is None for span in spans):
        return "conflict", []
    order = sorted(range(len(classes)), key=lambda i: spans[i])
    for earlier, later in zip(order, order[1:], strict=False):
        if spans[earlier][1] >= spans[later][0]:
            return "conflict", []
    changes = []
    for earlier, later in zip(order, order[1:], strict=False):
        before, after = classes[earlier][0], classes[later][0]
        changes.append({"from": before.value, "from_text": before.text, "from_date": spans[earlier][1],
                        "to": after.value, "to_text": after.text, "to_date": spans[later][0],
                        "direction": "growth" if after.base_value > before.base_value else "decline"})
    return "changed", changes
