"""Every cleaned document, from the seeds and from the fixture cases, matches clean.schema.json."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from pipeline.core.errors import PipelineError
from pipeline.intake.clean import clean_seed, skipped_document

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = {"seeds": {"on_bad_seed": "fail", "max_bytes": 5_000_000}, "cleaning": {"extra_debris": []}}
INPUTS = sorted(ROOT.glob("seeds/*.txt")) + sorted((ROOT / "tests/fixtures/cleaning").glob("*/input.*"))


def validator() -> Draft202012Validator:
    schema = json.loads(resources.files("pipeline.schemas").joinpath("clean.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("path", INPUTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_cleaned_document_matches_the_schema(path):
    document = clean_seed(str(path), path.parent.name if path.stem == "input" else path.stem, SETTINGS, {})
    validator().validate(document)
    assert [p["index"] for p in document["paragraphs"]] == list(range(len(document["paragraphs"])))


def test_skipped_document_matches_the_schema():
    error = PipelineError("seeds/x.txt", "is empty", "paste the article")
    validator().validate(skipped_document("x", "seeds/x.txt", error))
