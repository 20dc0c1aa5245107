"""The default briefing's bibliography, from the five seeds in seeds/ through the real stages (clean ->
references -> bibliography): seed 000's reference list of twenty entries, five of them "Ibid.", gives
its fifteen works, each once: fifteen entries, none merged with another of them, none left twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.bibliography.build import build_bibliography
from pipeline.core.config import settings_from_args
from pipeline.intake.clean import clean_seed
from pipeline.references.extract import build_references

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_000 = "000_16bdd1d36e333c89"
IBIDS = {"2": "1", "7": "6", "9": "8", "13": "12", "17": "16"}


@pytest.fixture(scope="module")
def bibliography():
    settings = settings_from_args(None, None)
    cleans = {path.stem: clean_seed(str(path), path.stem, settings, {}) for path in sorted(SEEDS.glob("*.txt"))}
    references = {seed: build_references(clean)[0] for seed, clean in cleans.items()}
    return build_bibliography(references, cleans)


def test_seed_000_cites_fifteen_works_each_by_one_entry(bibliography) -> None:
    mapping = bibliography.mapping[SEED_000]
    keys = [str(number) for number in range(1, 21)]
    assert all(len(mapping[key]) == 1 for key in keys)
    assert {key: mapping[key] for key in IBIDS} == {key: mapping[target] for key, target in IBIDS.items()}
    works = [mapping[key][0] for key in keys if key not in IBIDS]
    assert len(works) == len(set(works)) == 15


def test_each_of_the_fifteen_works_is_in_the_bibliography_once(bibliography) -> None:
    mapping = bibliography.mapping[SEED_000]
    works = {mapping[str(number)][0] for number in range(1, 21)}
    entries = {entry["id"]: entry for entry in bibliography.entries}
    for work in works:
        own = [original["key"] for original in entries[work]["originals"] if original["seed"] == SEED_000]
        assert len(own) == 1 and own[0] not in IBIDS, (work, own)
    # No other entry is one of these works left unmerged: none shares its URL or its title.
    for attribute in ("URL", "title"):
        values = [entries[work].get(attribute) for work in works if entries[work].get(attribute)]
        others = [entry.get(attribute) for entry in bibliography.entries if entry["id"] not in works]
        assert not set(values) & set(others), attribute
        assert len(values) == len(set(values)), attribute
