"""Figures of the same kind compared across sources: they agree, changed over time, or conflict.

Two figures are of one kind when they have the same dimension (after pint's normalization) and the
same counted head noun (singular, lower-cased, synonyms from config mapped to one word), and their
owners do not differ ("North Korean troops" and "Russian soldiers" are not one kind; a figure that
names no owner fits either). A figure with no head noun ("within 24 hours") joins a kind only when
its sentence says much the same as one of that kind's sentences. Subsets ("8,000 of these troops")
are never compared.

Within a kind, figures whose tolerance intervals (units.interval: stated rounding, hedges, bounds)
overlap are one value. One value: agree. Several values each dated, in date order without overlap:
changed (growth or decline, with the dates). Otherwise: conflict.
"""

from __future__ import annotations

import math
from collections import Counter

from pipeline.content.facts.figures import Figure
from pipeline.content.facts.units import overlap

CONTEXT_LIKENESS = 0.3  # cosine of content words two head-less figures' sentences need to be one kind


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


def fits(figure: Figure, kind: list[Figure]) -> bool:
    first = kind[0]
    if figure.norm.dimension != first.norm.dimension:
        return False
    if not all(same_owner(figure.qualifier, other.qualifier) for other in kind):
        return False
    heads = {other.head for other in kind if other.head}
    if figure.head and heads:
        return figure.head in heads
    return any(cosine(figure.context, other.context) >= CONTEXT_LIKENESS for other in kind)


def kinds_of(figures: list[Figure]) -> list[list[Figure]]:
    """Figures grouped by kind, in order of first appearance (greedy: each joins the first kind it fits)."""
    kinds: list[list[Figure]] = []
    for figure in figures:
        if figure.subset:
            continue
        home = next((kind for kind in kinds if fits(figure, kind)), None)
        if home is None:
            kinds.append([figure])
        else:
            home.append(figure)
    return kinds


def value_classes(kind: list[Figure]) -> list[list[Figure]]:
    """Figures that state one value within their tolerances, smallest value first."""
    classes: list[list[Figure]] = []
    for figure in sorted(kind, key=lambda f: f.base_value):
        home = next((c for c in classes if all(overlap(figure.base_interval, o.base_interval) for o in c)), None)
        if home is None:
            classes.append([figure])
        else:
            home.append(figure)
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
