"""The per-seed extract (python -m pipeline extract) and the facts stage that combines the extracts:
invented articles, and the default seeds' cleaned files."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import evidence_dir, seed_files
from pipeline.content.facts.build import build_facts
from pipeline.content.facts.build import main as facts_main
from pipeline.content.facts.extract import extract_seed
from pipeline.content.facts.figures import figure_candidates, figures_in, settled_figure
from pipeline.core.errors import run_cli
from pipeline.core.jsonio import dumps
from pipeline.core.shards import each_arguments

REPO = Path(__file__).resolve().parent.parent
SETTINGS = {"codebook": [{"id": "levy", "label": "Port levy", "markers": ["levy"]}],
            "facts": {"synonyms": [["crew", "sailor"]]}}


def article(seed: str, date: str | None, *sentences: str) -> dict:
    """A cleaned seed as build/clean/<seed>.json has it, one paragraph per sentence."""
    return {"seed": seed, "status": "ok", "date": date, "title": f"Report {seed}", "authors": [], "publisher": None,
            "url": None, "paragraphs": [{"index": i, "kind": "paragraph", "text": text,
                                         "sentences": [{"index": 0, "text": text, "markers": []}]}
                                        for i, text in enumerate(sentences)]}


DATED = article("dated", "2025-03-12",
                "On 3 March, the harbour authority said 1,200 Ruritanian sailors had left the port.",
                "Port Commissioner Ilse Varga told Coastal Radio that the levy would rise by 15% next month.")
UNDATED = article("undated", None,
                  "In June 2024 the ministry reported that 900 sailors had reached Port Sarrow.",
                  "By Friday, about 1,400 sailors had arrived, the ministry said.")


def test_a_dated_seeds_extract_reads_its_dates_against_its_own_date():
    extract = extract_seed(DATED)
    assert (extract["date_base"], extract["stated_dates"]) == ("2025-03-12", None)
    first = extract["sentences"][0]
    assert [(d["value"], d["precision"], d["relative"]) for d in first["dates"]] == [("2025-03-03", "day", True)]
    assert [(f["text"], f["head"]) for f in first["figures"]][-1] == ("1,200", "sailor")
    second = extract["sentences"][1]
    assert second["speeches"][0]["outlet"] == "Coastal Radio" and ["Ilse Varga", "Port Commissioner"] in second["roles"]


def test_an_undated_seeds_extract_leaves_its_dates_to_the_facts_stage_and_keeps_what_it_states():
    extract = extract_seed(UNDATED)
    assert extract["date_base"] is None and extract["stated_dates"] == ["2024-06"]
    assert all(record["dates"] is None for record in extract["sentences"])


def test_a_figure_inside_a_date_span_is_a_candidate_the_facts_stage_drops():
    text = "For two days in May, officials counted 1,200 sailors."
    candidates = figure_candidates(text)
    assert any(c["text"] == "two days" for c in candidates)  # quantulum3 reads part of the date as a duration
    settled = [f for c in candidates if (f := settled_figure(c, [(4, 19)], {"sailor": "crew"}))]
    assert settled == figures_in(text, [(4, 19)], {"sailor": "crew"})
    assert [(f["text"], f["head"]) for f in settled] == [("1,200", "crew")]


def test_the_facts_from_extracts_read_back_from_json_are_the_facts_read_in_one_process():
    documents = [DATED, UNDATED]
    extracts = {d["seed"]: json.loads(dumps(extract_seed(d))) for d in documents}
    combined = build_facts(documents, {}, [], SETTINGS, extracts=extracts)
    assert dumps(combined) == dumps(build_facts(documents, {}, [], SETTINGS))
    assert {f["head"] for f in combined["figures"] if f["seed"] == "dated"} == {"crew", "month"}  # synonyms applied
    assert combined["as_of"]["date"] == "2025-03-12"


def test_an_undated_corpus_is_as_of_what_its_extracts_state():
    other = article("other", None, "The council met in 2023 and approved the harbour levy for shipping.")
    extracts = {d["seed"]: extract_seed(d) for d in (UNDATED, other)}
    facts = build_facts([UNDATED, other], {}, [], SETTINGS, extracts=extracts)
    assert facts["as_of"] == build_facts([UNDATED, other], {}, [], SETTINGS)["as_of"]
    assert facts["as_of"]["date"].startswith("2024")


def run_stage(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})


def test_a_seeds_extract_is_the_same_bytes_alone_or_in_a_shard_of_many(default_build, tmp_path):
    cleaned = seed_files(evidence_dir(default_build), "clean")
    extracts = {path.name: path for path in seed_files(evidence_dir(default_build), "extract")}
    (tmp_path / "alone").mkdir()
    for path in cleaned[:2]:
        assert run_stage("extract", str(path), "--output", str(tmp_path / "alone" / path.name), cwd=REPO).returncode == 0
    each = each_arguments([[str(path), "--output", str(tmp_path / "shard" / path.name)] for path in cleaned])
    assert run_stage("extract", "--each", each, cwd=REPO).returncode == 0
    for path in cleaned[:2]:
        assert filecmp.cmp(tmp_path / "alone" / path.name, tmp_path / "shard" / path.name, shallow=False)
        assert filecmp.cmp(tmp_path / "shard" / path.name, extracts[path.name], shallow=False)


def test_the_extracts_match_their_schema(default_build):
    schema = json.loads(resources.files("pipeline.schemas").joinpath("extract.schema.json").read_text("utf-8"))
    files = seed_files(evidence_dir(default_build), "extract")
    assert len(files) == 5
    for path in files:
        assert [e.message for e in Draft202012Validator(schema).iter_errors(json.loads(path.read_text("utf-8")))] == []


def facts_arguments(project: Path, output: Path) -> list[str]:
    evidence = evidence_dir(project)
    return [*map(str, seed_files(evidence, "clean")), "--corpus", str(evidence / "corpus.json"),
            "--bibliography", str(evidence / "bibliography.json"), "--map", str(evidence / "bibliography-map.json"),
            "--config", str(project / "config.yaml"), "--output", str(output)]


@pytest.fixture
def epoch(monkeypatch):
    from conftest import BUILD_EPOCH

    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)


def test_the_facts_job_writes_with_the_extracts_what_it_writes_without_them(default_build, tmp_path, epoch):
    assert facts_main([*facts_arguments(default_build, tmp_path / "alone.json")]) == 0
    assert facts_main([*facts_arguments(default_build, tmp_path / "combined.json"),
                       "--extract", *map(str, seed_files(evidence_dir(default_build), "extract"))]) == 0
    assert (tmp_path / "alone.json").read_bytes() == (tmp_path / "combined.json").read_bytes()


def test_an_extract_that_is_not_its_seeds_is_a_one_line_error(default_build, tmp_path, capsys):
    folder = tmp_path / "extract"
    folder.mkdir()
    for path in seed_files(evidence_dir(default_build), "extract"):
        record = json.loads(path.read_text("utf-8"))
        record["sentences"].append({**record["sentences"][-1], "paragraph": 10_000})
        (folder / path.name).write_text(dumps(record), encoding="utf-8")
    status = run_cli(facts_main, [*facts_arguments(default_build, tmp_path / "facts.json"), "--extract", *map(str, sorted(folder.glob("*.json")))])
    error = capsys.readouterr().err
    assert status == 1 and error.count("\n") == 1 and "extract" in error and "is not the extract of" in error
    assert not (tmp_path / "facts.json").exists()
