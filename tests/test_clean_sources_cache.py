"""seeds/sources.yaml is parsed once a shard job; each seed still gets its own entry, and a file
rewritten between two runs in one process is read again."""

from __future__ import annotations

import json

from pipeline.__main__ import main

ARTICLE = "Ships wait outside Halvik.\n\nThe corridor closed on Monday after the patrols began, traders said.\n"


def clean_two(tmp_path, sources: str) -> list[dict]:
    (tmp_path / "sources.yaml").write_text(sources, encoding="utf-8")
    each = []
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
        each.append([str(tmp_path / f"{name}.txt"), "--output", str(tmp_path / f"{name}.json"),
                     "--sources", str(tmp_path / "sources.yaml")])
    assert main(["clean", "--each", json.dumps(each)]) == 0
    return [json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8")) for name in ("a", "b")]


def test_each_seed_of_a_shard_gets_its_own_entry(tmp_path):
    first, second = clean_two(tmp_path, "a.txt:\n  publisher: Harbour Ledger\n  authors: [Anna Holm]\n"
                                        "b.txt:\n  publisher: Freight Wire\n")
    assert (first["publisher"], first["authors"]) == ("Harbour Ledger", ["Anna Holm"])
    assert second["publisher"] == "Freight Wire" and second["authors"] == []


def test_a_rewritten_file_is_read_again(tmp_path):
    clean_two(tmp_path, "a.txt:\n  publisher: Harbour Ledger\n")
    first, _ = clean_two(tmp_path, "a.txt:\n  publisher: The Strait Observer, a longer name\n")
    assert first["publisher"] == "The Strait Observer, a longer name"
