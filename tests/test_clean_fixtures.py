"""Cleaning cases as fixture folders: tests/fixtures/cleaning/<case>/{input.txt|input.md|input.html,
expected.json}. Adding a case is adding a folder. expected.json holds only the assertions of its
case: metadata fields (compared exactly; `provenance` as a subset), `must_keep` / `must_drop`
(snippets that must / must not be in the body), `dropped_reasons` (each must be recorded in the
audit), `headings`, `sentences` ({text, markers?} that must be a sentence), `notes` ({number, cites,
starts}: the notes, in order, each opening with `starts`) and `references_count`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.intake.clean import clean_text
from pipeline.intake.formats.decode import FORMATS

CASES = Path(__file__).parent / "fixtures" / "cleaning"
METADATA_FIELDS = ("title", "title_missing", "subtitle", "authors", "affiliation", "publisher", "date", "url")


def case_folders() -> list[Path]:
    return sorted(folder for folder in CASES.iterdir() if (folder / "expected.json").exists())


def cleaned(folder: Path) -> dict:
    source = next(path for path in folder.iterdir() if path.stem == "input")
    return clean_text(source.read_text("utf-8"), FORMATS[source.suffix], str(source))


def body_text(document: dict) -> str:
    return "\n".join(paragraph["text"] for paragraph in document["paragraphs"])


@pytest.mark.parametrize("folder", case_folders(), ids=lambda folder: folder.name)
def test_cleaning_case(folder: Path):
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    document = cleaned(folder)
    for field in METADATA_FIELDS:
        if field in expected:
            assert document[field] == expected[field], field
    for key, value in (expected.get("provenance") or {}).items():
        assert document["provenance"][key] == value, f"provenance.{key}"
    body = body_text(document)
    for snippet in expected.get("must_keep", []):
        assert snippet in body, f"lost from the body: {snippet!r}"
    for snippet in expected.get("must_drop", []):
        assert snippet.replace("'", "’") not in body and snippet not in body, f"left in the body: {snippet!r}"
    reasons = {item["reason"] for item in document["dropped"]}
    assert set(expected.get("dropped_reasons", [])) <= reasons
    if "headings" in expected:
        assert [p["text"] for p in document["paragraphs"] if p["kind"] == "heading"] == expected["headings"]
    sentences = [s for p in document["paragraphs"] for s in p["sentences"]]
    for sentence in expected.get("sentences", []):
        match = [s for s in sentences if s["text"] == sentence["text"]]
        assert match, f"no sentence {sentence['text']!r} in {[s['text'] for s in sentences]}"
        if "markers" in sentence:
            assert match[0]["markers"] == sentence["markers"]
    if "notes" in expected:
        notes = [(note["number"], note["cites"]) for note in document["notes"]]
        assert notes == [(note["number"], note["cites"]) for note in expected["notes"]]
        for note, wanted in zip(document["notes"], expected["notes"], strict=True):
            assert note["text"].startswith(wanted["starts"]), note["text"]
    if "references_count" in expected:
        assert len(document["references"]) == expected["references_count"]


def test_every_case_folder_has_an_input():
    for folder in case_folders():
        assert any(path.stem == "input" for path in folder.iterdir()), folder.name
