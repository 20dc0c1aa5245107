"""Every JSON file a build hands between stages matches the schema shipped for it."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from conftest import evidence_dir

ARTIFACTS = {
    "clean.schema.json": "clean/*/*.json",
    "references.schema.json": "references/*/*[!t].json",
    "references-report.schema.json": "references/*/*.report.json",
    "bibliography.schema.json": "bibliography.json",
    "bibliography-map.schema.json": "bibliography-map.json",
    "bibliography-report.schema.json": "bibliography-report.json",
    "corpus.schema.json": "corpus.json",
    "extract.schema.json": "extract/*/*.json",
    "section.schema.json": "*/sections/*.json",
    "facts.schema.json": "*/facts.json",
    "coverage.schema.json": "*/coverage.json",
    "changes.schema.json": "*/changes.json",
    "source-lists.schema.json": "*/source-lists.json",
    "shard-manifest.schema.json": "shards/*.json",
    "survey.schema.json": "survey/*.json",
}


def schema(name: str) -> dict:
    return json.loads(resources.files("pipeline.schemas").joinpath(name).read_text("utf-8"))


@pytest.mark.parametrize("schema_name, pattern", sorted(ARTIFACTS.items()))
def test_build_artifacts_match_their_schema(default_build, schema_name, pattern):
    validator = Draft202012Validator(schema(schema_name))
    files = sorted(evidence_dir(default_build).glob(pattern))
    assert files, pattern
    for path in files:
        errors = [e.message for e in validator.iter_errors(json.loads(path.read_text("utf-8")))]
        assert errors == [], path.name
