"""Sidecar bibliographies (.bib, .ris, CSL .json) become CSL items keyed by citation-key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.core.errors import PipelineError
from pipeline.references.sidecars import bibtex_items, read_sidecar

FIXTURES = Path(__file__).parent / "fixtures" / "references" / "sidecars"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sidecar_items_have_expected_fields(name: str) -> None:
    items = read_sidecar(FIXTURES / name)
    assert len(items) == len(EXPECTED[name])
    for item, expected in zip(items, EXPECTED[name], strict=True):
        for field, value in expected.items():
            assert item.get(field) == value, f"{name} {field}: {item.get(field)!r}"
        assert "id" not in item


def test_bibtex_latex_is_decoded_and_braced_names_are_organisations() -> None:
    items = bibtex_items(
        r"@misc{k, author = {Garc{\'\i}a, Jos{\'e} and {United Nations}}, title = {Caf{\'e}}}"
    )
    assert items[0]["author"] == [{"family": "García", "given": "José"}, {"literal": "United Nations"}]
    assert items[0]["title"] == "Café"


def test_unknown_sidecar_kind_is_a_pipeline_error(tmp_path: Path) -> None:
    odd = tmp_path / "seed.xml"
    odd.write_text("<x/>")
    with pytest.raises(PipelineError, match="unknown sidecar kind"):
        read_sidecar(odd)


def test_broken_csl_json_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "seed.json"
    broken.write_text("[{")
    with pytest.raises(PipelineError) as error:
        read_sidecar(broken)
    assert str(broken) in str(error.value)
