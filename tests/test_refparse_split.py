"""The study/check splits of the reference-parser sets stay put, and the benchmark reads the labelled set.

bench/refparse_split.py made the splits once; rerunning its rule must give the stored halves, so nobody
moves an item between halves by accident (and a changed eval file is caught, not silently rescored).
"""

from __future__ import annotations

import json

import pytest

from bench.refparse_score import Tally, load_sets, score_row, study_rows
from bench.refparse_split import (
    DEV_EVAL,
    DEV_SPLIT,
    EVAL_DOCUMENTS,
    LABELLED,
    LABELLED_SPLIT,
    LABELLED_WEB,
    LABELLED_WEB2,
    LABELLED_WEB3,
    WEB3_SEED,
    WEB3_SPLIT,
    dev_split_record,
    labelled_check_hashes,
    raw_sha256,
    read_rows,
    split_labelled,
)

# Half the labelled items are read through pointers into the development documents (bench/data/README.md).
needs_documents = pytest.mark.skipif(not EVAL_DOCUMENTS.is_file(), reason="the development documents are not beside "
                                     "the repository, and half the labelled items point into them")
TYPES = {"webpage", "article-newspaper", "report", "bill", "legislation", "legal_case", "speech",
         "personal_communication", "book", "article-journal", "chapter", "document"}


@needs_documents
def test_labelled_split_is_the_stored_one_when_rerun() -> None:
    stored = json.loads(LABELLED_SPLIT.read_text("utf-8"))
    rows = read_rows(LABELLED)
    assert stored["items"] == len(rows)
    assert labelled_check_hashes(rows) == stored["check_raw_sha256"]
    assert labelled_check_hashes(list(reversed(rows))) == stored["check_raw_sha256"]  # order does not matter


def test_the_third_web_sets_split_is_the_stored_one_when_rerun_and_both_halves_hold_every_type() -> None:
    stored = json.loads(WEB3_SPLIT.read_text("utf-8"))
    rows = read_rows(LABELLED_WEB3)
    assert stored["items"] == len(rows) and labelled_check_hashes(rows, WEB3_SEED) == stored["check_raw_sha256"]
    study, check = split_labelled(rows, stored)
    assert {row["gold"]["type"] for row in study} >= {row["gold"]["type"] for row in check}


@pytest.mark.skipif(not DEV_EVAL.is_file(), reason="the shared AnyStyle dev set is not beside the repository")
def test_dev_split_is_the_stored_one_when_rerun() -> None:
    assert dev_split_record(read_rows(DEV_EVAL)) == json.loads(DEV_SPLIT.read_text("utf-8"))


@needs_documents
def test_both_labelled_halves_hold_every_type() -> None:
    study, check = split_labelled(read_rows(LABELLED), json.loads(LABELLED_SPLIT.read_text("utf-8")))
    assert {row["gold"]["type"] for row in study} == {row["gold"]["type"] for row in check}
    assert abs(len(study) - len(check)) <= len({row["gold"]["type"] for row in study})


@needs_documents
def test_labelled_file_has_the_dev_set_shape_and_a_source_for_every_item() -> None:
    rows = read_rows(LABELLED)
    assert len(rows) >= 300
    assert len({raw_sha256(row["raw"]) for row in rows}) == len(rows)
    for row in rows:
        assert row["gold"]["type"] in TYPES, row["raw"]
        assert row["source"] and row["licence"], row["raw"]
        assert set(row["gold"]) <= {"author", "title", "container-title", "publisher", "issued", "URL", "type"}
        assert all(author in row["raw"] for author in row["gold"].get("author", []))


@pytest.mark.parametrize(("path", "least"), [(LABELLED_WEB, 150), (LABELLED_WEB2, 100), (LABELLED_WEB3, 180)],
                         ids=["web", "web2", "web3"])
def test_web_file_has_the_labelled_shape_and_no_string_of_the_labelled_set(path, least: int) -> None:
    rows = read_rows(path)
    assert len(rows) >= least
    assert len({raw_sha256(row["raw"]) for row in rows}) == len(rows)
    own = {raw_sha256(row["raw"]) for row in read_rows(LABELLED, documents=None)}
    if path in (LABELLED_WEB2, LABELLED_WEB3):  # nor a string of the web sets before it
        own |= {raw_sha256(row["raw"]) for row in read_rows(LABELLED_WEB)}
    if path == LABELLED_WEB3:
        own |= {raw_sha256(row["raw"]) for row in read_rows(LABELLED_WEB2)}
    for row in rows:
        assert raw_sha256(row["raw"]) not in own, row["raw"]  # study data only: never a check item's string
        assert row["gold"]["type"] in TYPES, row["raw"]
        assert row["source"] and row["licence"], row["raw"]
        assert set(row["gold"]) <= {"author", "title", "container-title", "publisher", "issued", "URL", "type"}
        for key in ("author", "title", "container-title", "publisher"):
            values = row["gold"].get(key, [])
            assert all(value in row["raw"] for value in ([values] if isinstance(values, str) else values)), row["raw"]


@needs_documents
@pytest.mark.skipif(not DEV_EVAL.is_file(), reason="the shared AnyStyle dev set is not beside the repository")
def test_benchmark_loads_four_halves_and_misses_read_only_the_study_halves() -> None:
    sets = load_sets()
    assert list(sets) == ["dev study", "dev check", "labelled study", "labelled check", "web study", "web2 study",
                          "web3 study", "web3 check"]
    assert len(sets["labelled study"]) + len(sets["labelled check"]) == len(read_rows(LABELLED))
    check = {raw_sha256(row["raw"]) for row in sets["labelled check"]}
    assert not check & {raw_sha256(row["raw"]) for row in study_rows(LABELLED)}
    assert len(study_rows(DEV_EVAL)) == len(sets["dev study"])


def test_a_year_read_out_of_a_bill_number_counts_as_wrong() -> None:
    tally = Tally()
    score_row(tally, {"title": "S. 2093", "type": "bill"}, {"title": "S. 2093", "issued": {"date-parts": [[2093]]}})
    score_row(tally, {"title": "P.L. 114-17", "type": "legislation"}, {"title": "P.L. 114-17"})
    assert tally.totals["year_strict"] == 2 and tally.hits["year_strict"] == 1
    assert "year" not in tally.totals  # the plain year figure still counts only items whose gold has a year


def test_a_pointer_row_reads_its_string_and_gold_from_the_documents(tmp_path) -> None:
    note = "See Ada Quill, Harbour Ledgers of the North, Tidewater Press, 2019, for the tolls."
    end = note.index(", for")
    raw = note[4:end]
    documents = tmp_path / "gold.jsonl"
    documents.write_text(json.dumps({"stem": "doc-a", "footnotes": [{"n": 3, "text": note}]}) + "\n", "utf-8")
    title = raw.index("Harbour")
    row = {"from": {"document": "doc-a", "footnote": 3, "start": 4, "end": end},
           "raw_sha256": raw_sha256(raw), "source": "invented", "licence": "CC0",
           "gold": {"title": {"span": [title, title + 28]}, "author": [{"span": [0, 9]}], "type": "book"}}
    own = {"raw": "Bo Reed, Salt Roads, 2001.", "gold": {"type": "book"}, "source": "invented", "licence": "CC0"}
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text(json.dumps(row) + "\n" + json.dumps(own) + "\n", "utf-8")
    [read, kept] = read_rows(labelled, documents)
    assert read["raw"] == "Ada Quill, Harbour Ledgers of the North, Tidewater Press, 2019"
    assert read["gold"] == {"title": "Harbour Ledgers of the North", "author": ["Ada Quill"], "type": "book"}
    assert kept == own
    assert read_rows(labelled, tmp_path / "absent.jsonl") == [own]  # no documents: the pointer row is left out
    documents.write_text(json.dumps({"stem": "doc-a", "footnotes": [{"n": 3, "text": "Changed. " + note}]}), "utf-8")
    with pytest.raises(ValueError, match="changed"):
        read_rows(labelled, documents)
