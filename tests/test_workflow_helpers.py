"""Seed discovery for the Snakefile: safe ids for untrusted file names, sidecars found."""

from __future__ import annotations

import json

import pytest

from pipeline.core.workflow import discover_seeds, settings_json


def test_seed_ids_are_file_stems_when_safe(tmp_path):
    (tmp_path / "000_abc.txt").write_text("x")
    assert list(discover_seeds(str(tmp_path))) == ["000_abc"]


def test_unsafe_file_names_get_safe_distinct_ids(tmp_path):
    for name in ("a {b}.txt", "a [b].txt", "$(rm -rf x).html"):
        (tmp_path / name).write_text("x")
    ids = list(discover_seeds(str(tmp_path)))
    assert len(set(ids)) == 3
    assert all(set(i) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") for i in ids)


def test_sidecars_and_sources_are_not_seeds(tmp_path):
    for name in ("a.txt", "a.bib", "a.ris", "a.json", "sources.yaml", ".hidden.txt", "README.md"):
        (tmp_path / name).write_text("x")
    seeds = discover_seeds(str(tmp_path))
    assert list(seeds) == ["a"]
    assert sorted(p.rsplit(".", 1)[1] for p in seeds["a"].sidecars) == ["bib", "json", "ris"]


def test_unsupported_files_are_still_seeds_so_they_get_reported(tmp_path):
    (tmp_path / "slides.pdf").write_bytes(b"%PDF")
    assert list(discover_seeds(str(tmp_path))) == ["slides"]


def test_same_stem_two_formats_are_kept_apart(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.html").write_text("x")
    assert sorted(discover_seeds(str(tmp_path))) == ["a", "a-txt"]


def test_settings_carry_only_the_keys_asked_for():
    assert json.loads(settings_json({"a": 1, "b": {"c": 2}, "d": 3}, "b")) == {"b": {"c": 2}}
    config = {"seeds": {"max_bytes": 5, "shard_size": 64}, "cleaning": {"extra_debris": [], "min": 3}}
    assert json.loads(settings_json(config, "seeds.max_bytes", "cleaning.extra_debris")) == {
        "seeds": {"max_bytes": 5}, "cleaning": {"extra_debris": []}}


def test_an_aside_answers_as_the_function_here_in_a_process_of_its_own_and_raises_its_errors():
    import operator
    import os

    from pipeline.core.aside import Aside

    aside = Aside(os.getpid)
    assert aside.call(sorted, [3, 1, 2]) == [1, 2, 3]
    assert aside.pool is None or aside.call(os.getpid) != os.getpid()
    with pytest.raises(ZeroDivisionError):
        aside.call(operator.truediv, 1, 0)
