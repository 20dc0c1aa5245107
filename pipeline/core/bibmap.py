"""Reading build/bibliography-map.json: {seed: {"<citation number or sidecar key>": [id, ...], "@seed": id}}.

A note may cite several works, so a number maps to a list of ids; a map written before that gives
one id as a string, which reads the same way.
"""

from __future__ import annotations

from collections.abc import Iterator

SEED_KEY = "@seed"


def ids_for(seed_map: dict, key: str) -> list[str]:
    """The ids one number (or sidecar key) of a seed's map stands for."""
    targets = seed_map.get(key) or []
    return [targets] if isinstance(targets, str) else list(targets)


def cited_entries(seed_map: dict) -> Iterator[tuple[str, str]]:
    """(key, id) for every work a seed cites, the seed article itself left out."""
    for key in seed_map:
        if key != SEED_KEY:
            for ident in ids_for(seed_map, key):
                yield key, ident
