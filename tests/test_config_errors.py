"""A bad config stops the build with one line naming the key and what it expects, through real
Snakemake runs; hostile YAML (alias bombs, Python tags) in config.yaml or seeds/sources.yaml is
refused at once; a --configfile stands alone."""

from __future__ import annotations

import json
import re
import shlex
import time

import pytest
import yaml

from conftest import make_project, run_snakemake
from pipeline.core.config import validate_config
from pipeline.core.errors import PipelineError
from pipeline.core.yamlload import ExpansionError, load_yaml

# Nine levels of nine aliases to the level above: 9^9 (387 million) strings when expanded.
BILLION_LAUGHS = 'lol0: &lol0 "lol"\n' + "".join(
    f"lol{level}: &lol{level} [{', '.join([f'*lol{level - 1}'] * 9)}]\n" for level in range(1, 10))
PYTHON_OBJECT = "briefing: !!python/object:collections.OrderedDict {}\n"


def one_error_line(result) -> str:
    """The run failed with exactly one line of output, an error line, and nothing like a traceback
    (besides Snakemake's notice, before it reads the Snakefile, that it reads profiles/default)."""
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines()
             if line.strip() and not line.startswith("Using workflow specific profile ")]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr[-3000:]
    assert "Traceback" not in result.stdout + result.stderr
    assert "additionalProperties" not in result.stderr and "$schema" not in result.stderr  # no schema dump
    return lines[0]


def edit_config(project, change) -> None:
    path = project / "config.yaml"
    config = yaml.safe_load(path.read_text("utf-8"))
    change(config)
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def sections_settings(result) -> dict:
    """The settings the sections job is handed, from a dry run's printed shell commands."""
    command = shlex.split(next(line for line in result.stdout.splitlines() if " -m pipeline sections " in line))
    return json.loads(command[command.index("--settings") + 1])


def test_a_misspelt_key_is_one_line_naming_its_path_and_the_likely_key(tmp_path):
    project = make_project(tmp_path)
    edit_config(project, lambda config: config.setdefault("selection", {}).update(points_per_sectoin=4))
    line = one_error_line(run_snakemake(project, "--dry-run", check=False))
    assert line.startswith("error: config.yaml: selection.points_per_sectoin: unknown key")
    assert "did you mean 'points_per_section'?" in line and " — " in line


def test_a_value_of_the_wrong_type_is_one_line_naming_the_item(tmp_path):
    project = make_project(tmp_path)
    edit_config(project, lambda config: config["sections"][2]["keywords"].__setitem__(1, ["freeze"]))
    line = one_error_line(run_snakemake(project, "--dry-run", check=False))
    assert line.startswith("error: config.yaml: sections[2].keywords[1]: expected a string, got a list — ")


def test_a_number_among_keywords_is_read_as_text(tmp_path):
    project = make_project(tmp_path)
    config = (project / "config.yaml").read_text("utf-8")
    (project / "config.yaml").write_text(config.replace("keywords: [Trump,", "keywords: [2020, 24, Trump,"),
                                         encoding="utf-8")
    result = run_snakemake(project, "--dry-run", "--printshellcmds")
    keywords = sections_settings(result)["sections"][1]["keywords"]
    assert keywords[:3] == ["2020", "24", "Trump"]


def test_an_unquoted_yes_among_keywords_asks_for_quotes():
    with pytest.raises(PipelineError, match=r"sections\[0\]\.keywords\[0\]: expected a string, got true or false.*quote"):
        validate_config(load_yaml("sections: [{id: a, title: A, description: d, keywords: [yes]}]"))


@pytest.mark.parametrize("document", [BILLION_LAUGHS, "a: &a [1, *a]\n", "a: &a {b: *a}\n"],
                         ids=["billion-laughs", "list-in-itself", "mapping-in-itself"])
def test_the_loader_refuses_alias_bombs_at_once(document):
    started = time.monotonic()
    with pytest.raises(ExpansionError):
        load_yaml(document)
    assert time.monotonic() - started < 1


def test_an_alias_bomb_in_config_yaml_is_refused_in_one_line_at_once(tmp_path):
    project = make_project(tmp_path)
    (project / "config.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.monotonic()
    result = run_snakemake(project, "--dry-run", check=False)
    elapsed = time.monotonic() - started
    line = one_error_line(result)
    assert line.startswith("error: config.yaml: refused: its aliases expand to more than")
    assert elapsed < 10, f"{elapsed:.1f} s"  # Snakemake starting is most of it; the refusal takes milliseconds


def test_an_alias_bomb_in_sources_yaml_stops_the_build_in_one_line(tmp_path):
    project = make_project(tmp_path)
    (project / "seeds" / "sources.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.monotonic()
    result = run_snakemake(project, "--cores", "1", check=False)
    elapsed = time.monotonic() - started
    assert result.returncode != 0
    errors = {line for line in result.stderr.splitlines() if line.startswith("error:")}
    assert len(errors) == 1, result.stderr[-3000:]
    assert errors.pop().startswith("error: seeds/sources.yaml: refused: its aliases expand to more than")
    assert "Traceback" not in result.stderr
    assert not list((project / "build").glob("*/clean/*/*.json"))
    assert elapsed < 30, f"{elapsed:.1f} s"  # a clean job or two, not the expansion of 9^9 strings


@pytest.mark.parametrize("where", ["config.yaml", "seeds/sources.yaml"])
def test_a_python_tag_stays_refused(tmp_path, where):
    project = make_project(tmp_path)
    target = project / where
    target.write_text(PYTHON_OBJECT if where == "config.yaml" else
                      "000_16bdd1d36e333c89.txt: !!python/object/apply:os.getcwd []\n", encoding="utf-8")
    result = run_snakemake(project, "--cores", "1", check=False)
    errors = {line for line in result.stderr.splitlines() if line.startswith("error:")}
    assert result.returncode != 0 and len(errors) == 1, result.stderr[-3000:]
    assert re.match(rf"error: {re.escape(where)}: refused: the tag !!python/object\S* \(line 1\) would build a Python object",
                    errors.pop())


def test_a_configfile_stands_alone_with_the_schemas_defaults(tmp_path):
    project = make_project(tmp_path)
    edit_config(project, lambda config: config.update(selection={"typo": 1}))  # broken, and not read
    (project / "other.yaml").write_text(
        "sections:\n  - id: elections\n    title: Elections\n    description: Who won.\n"
        "    keywords: [election, 2020]\n", encoding="utf-8")
    result = run_snakemake(project, "--dry-run", "--printshellcmds", "--configfile", str(project / "other.yaml"))
    settings = sections_settings(result)
    assert [section["id"] for section in settings["sections"]] == ["elections"]
    assert settings["sections"][0]["keywords"] == ["election", "2020"]
    assert settings["selection"] == validate_config({})["selection"]
    fill = next(line for line in result.stdout.splitlines() if " -m pipeline fill " in line)
    assert '"title": "Briefing"' in fill  # the schema's default, not config.yaml's title


def test_a_bad_configfile_is_named_in_its_one_line(tmp_path):
    project = make_project(tmp_path)
    (project / "other.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    line = one_error_line(run_snakemake(project, "--dry-run", "--configfile", str(project / "other.yaml"), check=False))
    assert line.startswith("error: other.yaml: refused: its aliases expand")


@pytest.mark.parametrize("stage, arguments, remedy", [
    ("clean", ["--sources", "{folder}", "--settings", "{{}}", "{seed}", "--seed-id", "a", "--output", "{out}"],
     "make it a readable file"),  # seeds/sources.yaml, read as text
    ("references", ["{folder}", "--output", "{out}"], "delete it and rebuild"),  # a stage's JSON
])
def test_a_folder_where_a_stage_reads_a_file_is_one_line_naming_it(tmp_path, stage, arguments, remedy):
    import subprocess
    import sys

    folder, seed = tmp_path / "sources.yaml", tmp_path / "a.txt"
    folder.mkdir()
    seed.write_text("A paragraph of text.\n", encoding="utf-8")
    argv = [a.format(folder=folder, seed=seed, out=tmp_path / "out.json") for a in arguments]
    result = subprocess.run([sys.executable, "-m", "pipeline", stage, *argv], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stderr.strip() == f"error: {folder}: cannot be read (Is a directory) — {remedy}"
    assert not (tmp_path / "out.json").exists()
