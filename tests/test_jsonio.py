"""The JSON stages hand each other: what json would read back, laid out one outer item a line, the
same bytes for the same data; and cleaned seeds read only when a stage looks them up."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.core.errors import PipelineError
from pipeline.core.jsonio import dumps, read_json, write_json
from pipeline.core.lazyfiles import LazyJsonFiles

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20)


@given(VALUES)
def test_what_is_written_reads_back_as_json_reads_it(value):
    assert json.loads(dumps(value)) == json.loads(json.dumps(value))


def test_the_outer_two_levels_are_laid_out_one_item_a_line():
    text = dumps({"points": [{"text": "a", "cites": ["x", "y"]}, {"text": "b", "cites": []}], "id": "s"})
    assert text == ('{\n  "points": [\n    {"text":"a","cites":["x","y"]},\n    {"text":"b","cites":[]}\n  ],\n'
                    '  "id": "s"\n}\n')


def test_keys_numbers_and_arrays_are_written_as_json_writes_them():
    assert json.loads(dumps({1: None, None: 2, False: 3, 0.5: 4})) == {"1": None, "null": 2, "false": 3, "0.5": 4}
    assert json.loads(dumps([2**70, np.float64(0.5), np.int64(3), -0.0])) == [2**70, 0.5, 3, -0.0]
    with pytest.raises(TypeError):
        dumps({"seeds": {"a", "b"}})


def test_a_file_that_is_not_json_is_one_error_naming_it(tmp_path):
    for name, content in [("broken.json", b'{"a": '), ("latin.json", '"caf\xe9"'.encode("latin-1"))]:
        (tmp_path / name).write_bytes(content)
        with pytest.raises(PipelineError, match="not valid JSON"):
            read_json(tmp_path / name)


def test_a_lazy_folder_reads_a_file_when_it_is_looked_up(tmp_path):
    write_json(tmp_path / "b.json", {"seed": "b"})
    write_json(tmp_path / "a.json", {"seed": "a"})
    (tmp_path / "c.json").write_text("not json", encoding="utf-8")
    files = LazyJsonFiles([str(tmp_path / name) for name in ("c.json", "b.json", "a.json")])
    assert list(files) == ["a", "b", "c"] and "c" in files and len(files) == 3  # nothing read yet
    assert files["b"] == {"seed": "b"} and files["b"] is files["b"]
    with pytest.raises(PipelineError):
        files["c"]
    with pytest.raises(KeyError):
        files["d"]
