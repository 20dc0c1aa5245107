"""A reference string is parsed once a process; every caller still gets an item of its own."""

from __future__ import annotations

from pipeline.references.notes import split_works
from pipeline.references.parse.reference import _parse, parse_reference

RAW = 'Holm, Anna and Petrov, Olga. "Convoys through the narrows." Harbour Ledger, 3 May 2024, pp. 4-9.'


def test_the_same_string_gives_equal_items_that_share_nothing():
    first, second = parse_reference(RAW), parse_reference(RAW)
    assert first == second == _parse(RAW)
    first["author"].append({"family": "Intruder"})
    first["title"] = "changed"
    assert parse_reference(RAW) == second == _parse(RAW)


def test_a_split_note_is_a_list_the_caller_owns():
    note = "See Holm, Anna, Convoys (Halvik: Strait Press, 2023); and Petrov, Olga, Tolls (Corrin: Sea Books, 2021)."
    works = split_works(note)
    works.append("extra")
    assert split_works(note) == works[:-1]
