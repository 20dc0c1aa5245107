"""Source coverage: how many points of each section rest on each source (<briefing>/coverage.json,
written by the sections stage beside the sections it counts).

A point rests on a source when its provenance (the sources it cites) or its other sources (those
it counts, "and 12 more sources") name the seed; the lead counts as a point. Quotes
are not points.
"""

from __future__ import annotations


def coverage(sections: list[dict], seeds: list[str]) -> dict:
    """{'sections': [ids], 'sources': [seeds], 'counts': {seed: {section: n}}, 'totals': {...}}."""
    counts = {seed: {section["id"]: 0 for section in sections} for seed in seeds}
    for section in sections:
        points = ([section["lead"]] if section.get("lead") else []) + section.get("points", [])
        for point in points:
            backing = point.get("provenance", []) + point.get("other_sources", [])
            for seed in dict.fromkeys(p["seed"] for p in backing):
                counts.setdefault(seed, {s["id"]: 0 for s in sections})[section["id"]] += 1
    return {"sections": [s["id"] for s in sections], "sources": list(counts),
            "counts": counts,
            "totals": {seed: sum(row.values()) for seed, row in counts.items()}}
