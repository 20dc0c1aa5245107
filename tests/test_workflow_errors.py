"""How the workflow fails: one line naming the file or key and what to do, never half an output."""

from __future__ import annotations

import json

import yaml

from conftest import briefing_dir, evidence_dir, make_project, run_snakemake
from pipeline.core.config import validate_config
from pipeline.core.errors import PipelineError


def test_a_misspelt_config_key_is_named(tmp_path):
    project = make_project(tmp_path)
    config = yaml.safe_load((project / "config.yaml").read_text("utf-8"))
    config["selection"] = {"points_per_sectoin": 4}
    (project / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = run_snakemake(project, "--dry-run", check=False)
    assert result.returncode != 0
    assert "points_per_sectoin" in result.stdout + result.stderr


def test_config_errors_name_the_key_path():
    try:
        validate_config({"sections": [{"id": "x", "title": "X", "description": "d", "keywords": "oops"}]})
    except PipelineError as error:
        assert "sections[0].keywords" in str(error)
    else:
        raise AssertionError("a string where a list belongs was accepted")


def test_defaults_are_filled_in():
    config = validate_config({})
    assert config["selection"]["points_per_section"] >= 3 and config["seeds"]["on_bad_seed"] == "fail"


def test_an_empty_seed_fails_the_build_with_one_line(tmp_path):
    project = make_project(tmp_path)
    (project / "seeds" / "empty.txt").write_text("", encoding="utf-8")
    result = run_snakemake(project, check=False)
    assert result.returncode != 0
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("error:")]
    assert lines and "empty.txt" in lines[0] and "—" in lines[0]
    assert "Traceback" not in result.stdout + result.stderr
    assert not list(evidence_dir(project).glob("clean/*/empty.json"))


def test_bad_seeds_can_be_skipped_with_a_warning(tmp_path):
    project = make_project(tmp_path)
    config = yaml.safe_load((project / "config.yaml").read_text("utf-8"))
    config["seeds"]["on_bad_seed"] = "skip"
    (project / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (project / "seeds" / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (project / "seeds" / "slides.pdf").write_bytes(b"%PDF-1.4 not an article")
    run_snakemake(project)
    corpus = json.loads((evidence_dir(project) / "corpus.json").read_text("utf-8"))
    assert set(corpus["skipped"]) == {"binary", "slides"}
    assert (briefing_dir(project) / "briefing.pdf").exists()
