"""Per-seed work runs a shard of seeds per job: a stable assignment, the same bytes as one job per seed."""

from __future__ import annotations

import filecmp
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, copy_project, evidence_dir, make_project, planned_jobs, run_snakemake, seed_files
from pipeline.core.shards import (
    assign_shards,
    coarser_shards,
    each_arguments,
    seed_arguments,
    shard_count,
    shard_members,
    shard_of,
)
from pipeline.core.workflow import Seed, discover_seeds

REPO = Path(__file__).resolve().parent.parent
IDS = [f"{n:05d}_article" for n in range(1000)]


def test_shard_count_is_the_least_power_of_two_that_keeps_shards_at_their_size():
    assert [shard_count(n, 64) for n in (0, 1, 5, 64, 65, 1000, 10_000)] == [1, 1, 1, 1, 2, 16, 256]
    assert shard_count(5, 1) == 8


def test_every_seed_is_in_one_shard_in_the_order_given():
    shards = assign_shards(IDS, 64)
    assert sorted(seed for shard in shards for seed in shard.seeds) == IDS
    for shard in shards:
        assert list(shard.seeds) == sorted(shard.seeds)
    assert len({shard.name for shard in shards}) == len(shards) == 16


def test_adding_a_seed_changes_only_the_shard_it_joins():
    before = {shard.name: shard.seeds for shard in assign_shards(IDS, 64)}
    after = {shard.name: shard.seeds for shard in assign_shards([*IDS, "new-article"], 64)}
    changed = [name for name in after if after[name] != before.get(name)]
    assert changed == [f"{shard_of('new-article', 16):02d}of16"]


def test_doubling_the_shards_splits_each_in_two():
    for seed in IDS:
        assert shard_of(seed, 32) // 2 == shard_of(seed, 16)


def test_shards_are_about_the_same_size():
    sizes = Counter(shard_of(f"seed-{n}", 256) for n in range(10_000)).values()
    assert len(sizes) == 256 and max(sizes) < 2 * 10_000 / 256  # hashing spreads ids: ~39 +- 6


def run_stage(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})


def test_one_process_cleans_each_seed_as_its_own_job_would(tmp_path):
    seeds = sorted((REPO / "seeds").glob("*.txt"))[:2]
    for seed in seeds:
        assert run_stage("clean", str(seed), "--output", str(tmp_path / f"{seed.stem}.single.json"),
                         cwd=REPO).returncode == 0
    each = each_arguments([[str(seed), "--output", str(tmp_path / f"{seed.stem}.json")] for seed in seeds])
    assert run_stage("clean", "--each", each, cwd=REPO).returncode == 0
    for seed in seeds:
        assert filecmp.cmp(tmp_path / f"{seed.stem}.json", tmp_path / f"{seed.stem}.single.json", shallow=False)


def test_a_shard_job_named_by_its_shard_cleans_each_of_its_seeds_as_its_own_job_would(tmp_path):
    """--shard SEEDS NAME --each-seed TEMPLATE: the seeds come from the folder and the name, not the command."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted((REPO / "seeds").glob("*.txt")):
        (seeds / path.name).write_bytes(path.read_bytes())
    shard = max(assign_shards(sorted(p.stem for p in seeds.iterdir()), 2), key=lambda s: len(s.seeds))
    assert 1 < len(shard.seeds) < 5
    template = each_arguments(["<path>", "--seed-id", "<seed>", "--output", str(tmp_path / "shard" / "<seed>.json")])
    result = run_stage("clean", "--config", str(REPO / "config.yaml"), "--shard", str(seeds), shard.name,
                       "--each-seed", template, "--manifest", "--output", str(tmp_path / "manifest.json"), cwd=REPO)
    assert result.returncode == 0, result.stderr
    written = [str(tmp_path / "shard" / f"{seed}.json") for seed in shard.seeds]
    assert json.loads((tmp_path / "manifest.json").read_text("utf-8")) == written
    assert sorted(p.stem for p in (tmp_path / "shard").iterdir()) == sorted(shard.seeds)
    for seed in shard.seeds:
        assert run_stage("clean", "--config", str(REPO / "config.yaml"), str(seeds / f"{seed}.txt"), "--output",
                         str(tmp_path / f"{seed}.single.json"), cwd=REPO).returncode == 0
        assert filecmp.cmp(tmp_path / "shard" / f"{seed}.json", tmp_path / f"{seed}.single.json", shallow=False)


def test_a_seeds_arguments_fill_its_template_once_and_its_sidecars_stand_for_one_word():
    seed = Seed("a-1", "seeds/<seed> of a.txt", ("seeds/a.bib", "seeds/a.ris"))
    template = ["<path>", "--sidecar", "<sidecars>", "--output", "out/<seed>/<seed>.json", "<seed>s"]
    assert seed_arguments(template, seed) == ["seeds/<seed> of a.txt", "--sidecar", "seeds/a.bib", "seeds/a.ris",
                                              "--output", "out/a-1/a-1.json", "a-1s"]
    assert seed_arguments(["--sidecar", "<sidecars>", "--x"], Seed("b", "b.txt", ())) == ["--sidecar", "--x"]


def test_a_shards_members_are_the_seeds_its_name_picks_among_all(tmp_path):
    for name in [*(f"{n:03d}_x.txt" for n in range(40)), "007_x.md", "sources.yaml", "012_x.bib"]:
        (tmp_path / name).write_text("text", encoding="utf-8")
    everything = discover_seeds(str(tmp_path))
    assert "007_x-txt" in everything and everything["012_x"].sidecars == (str(tmp_path / "012_x.bib"),)
    for shard in assign_shards(list(everything), 8):
        assert shard_members(str(tmp_path), shard.name) == [everything[seed] for seed in shard.seeds]


@pytest.mark.parametrize("name", ["3of3", "4of4", "x", "01of08x", ""])
def test_a_shard_name_that_is_none_is_a_one_line_error(tmp_path, name):
    template = each_arguments(["<path>", "--output", str(tmp_path / "<seed>.json")])
    result = run_stage("clean", "--shard", str(REPO / "seeds"), name, "--each-seed", template, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("extra", [["--each-seed", "{}"], ["--each-seed", "not json"], [],
                                   ["--each-seed", "[]", "--each", "[]"]])
def test_a_shard_without_a_template_of_strings_is_a_one_line_error(tmp_path, extra):
    result = run_stage("clean", "--shard", str(REPO / "seeds"), "0of1", *extra, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "--shard" in result.stderr or "--each-seed" in result.stderr


def test_each_that_is_not_a_list_of_argument_lists_is_a_one_line_error(tmp_path):
    result = run_stage("clean", "--each", json.dumps(["seeds/a.txt"]), cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "--each" in result.stderr


def test_each_stops_at_the_first_seed_that_fails(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    good = sorted((REPO / "seeds").glob("*.txt"))[0]
    each = each_arguments([[str(tmp_path / "empty.txt"), "--output", str(tmp_path / "a.json")],
                           [str(good), "--output", str(tmp_path / "b.json")]])
    result = run_stage("clean", "--config", str(REPO / "config.yaml"), "--each", each, cwd=tmp_path)
    assert result.returncode == 1 and "empty.txt" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "b.json").exists()


def test_a_shard_job_lists_the_files_it_wrote_in_its_manifest(tmp_path):
    seeds = sorted((REPO / "seeds").glob("*.txt"))[:2]
    outputs = [str(tmp_path / f"{seed.stem}.json") for seed in seeds]
    each = each_arguments([[str(seed), "--output", output] for seed, output in zip(seeds, outputs, strict=True)])
    manifest = tmp_path / "shards" / "clean-0of1.json"
    result = run_stage("clean", "--config", str(REPO / "config.yaml"), "--each", each,
                       "--manifest", "--output", str(manifest), cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert json.loads(manifest.read_text("utf-8")) == outputs


def test_an_at_manifest_argument_stands_for_the_files_it_lists(tmp_path):
    """The corpus survey of two cleaned seeds is the same bytes named one by one or by manifests."""
    seeds = sorted((REPO / "seeds").glob("*.txt"))[:2]
    cleaned = [tmp_path / f"{seed.stem}.json" for seed in seeds]
    for seed, output in zip(seeds, cleaned, strict=True):
        assert run_stage("clean", "--config", str(REPO / "config.yaml"), str(seed), "--output", str(output),
                         cwd=REPO).returncode == 0
    manifests = [tmp_path / "b.json", tmp_path / "a.json"]  # in another order than the files: no matter
    for manifest, path in zip(manifests, reversed(cleaned), strict=True):
        manifest.write_text(json.dumps([str(path)]), encoding="utf-8")
    settings = ["--config", str(REPO / "config.yaml")]
    assert run_stage("corpus", *map(str, cleaned), *settings, "--output", str(tmp_path / "one.json"),
                     cwd=REPO).returncode == 0
    assert run_stage("corpus", *(f"@{m}" for m in manifests), *settings, "--output", str(tmp_path / "two.json"),
                     cwd=REPO).returncode == 0
    assert filecmp.cmp(tmp_path / "one.json", tmp_path / "two.json", shallow=False)


def test_the_survey_a_shard_job_writes_gives_the_corpus_its_clean_files_give(tmp_path):
    """corpus --survey (the hashes each clean job wrote for its shard) is corpus.json to the byte."""
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    shards = {"a": seeds[:2], "b": seeds[2:]}
    settings = ["--config", str(REPO / "config.yaml")]
    for name, members in shards.items():
        each = each_arguments([[str(seed), "--output", str(tmp_path / name / f"{seed.stem}.json")] for seed in members])
        result = run_stage("clean", *settings, "--each", each, "--manifest", "--output", str(tmp_path / f"{name}.json"),
                           "--summary", "--output", str(tmp_path / f"survey-{name}.json"), cwd=REPO)
        assert result.returncode == 0, result.stderr
    survey = json.loads((tmp_path / "survey-b.json").read_text("utf-8"))
    assert [record["seed"] for record in survey["seeds"]] == sorted(seed.stem for seed in shards["b"])
    manifests = [f"@{tmp_path / name}.json" for name in shards]
    assert run_stage("corpus", *manifests, *settings, "--output", str(tmp_path / "plain.json"), cwd=REPO).returncode == 0
    result = run_stage("corpus", *manifests, "--survey", *(str(tmp_path / f"survey-{n}.json") for n in shards),
                       *settings, "--output", str(tmp_path / "surveyed.json"), cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert filecmp.cmp(tmp_path / "plain.json", tmp_path / "surveyed.json", shallow=False)


def test_a_summary_from_a_stage_that_makes_none_or_a_bad_survey_file_is_a_one_line_error(tmp_path):
    result = run_stage("corpus", "--each", "[]", "--summary", "--output", str(tmp_path / "s.json"),
                       "--output", str(tmp_path / "c.json"), cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "--summary" in result.stderr
    survey = tmp_path / "survey-0of1.json"
    survey.write_text('{"version": 1, "seeds": [{"seed": "a"}]}', encoding="utf-8")
    result = run_stage("corpus", "--survey", str(survey), "--config", str(REPO / "config.yaml"),
                       "--output", str(tmp_path / "c.json"), cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and str(survey) in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "c.json").exists()


@pytest.mark.parametrize("content", [None, "not json", '{"a": 1}', "[1, 2]"])
def test_a_missing_or_malformed_manifest_is_a_one_line_error_naming_it(tmp_path, content):
    manifest = tmp_path / "clean-0of1.json"
    if content is not None:
        manifest.write_text(content, encoding="utf-8")
    result = run_stage("corpus", f"@{manifest}", "--output", str(tmp_path / "corpus.json"), cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and str(manifest) in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "corpus.json").exists()


def test_a_manifest_without_its_option_and_path_is_a_one_line_error(tmp_path):
    result = run_stage("clean", "--each", "[]", "--manifest", "--output", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "--manifest" in result.stderr


@pytest.fixture(scope="module")
def one_seed_per_shard(tmp_path_factory) -> Path:
    """The default briefing built with shards of one seed each (eight shards for five seeds), for
    the extract jobs too."""
    project = make_project(tmp_path_factory.mktemp("sharded"))
    config = project / "config.yaml"
    config.write_text(config.read_text("utf-8").replace("  on_bad_seed: fail\n", "  on_bad_seed: fail\n"
                                                        "  shard_size: 1\n  extract_shard_size: 1\n"),
                      encoding="utf-8")
    run_snakemake(project, epoch=BUILD_EPOCH)
    return project


def build_files(build: Path) -> dict[Path, Path]:
    """A build's files by where they would be without the sharding (a seed's file in clean/,
    references/ or extract/ by its kind and name, not its shard's folder), less logs/, shards/ and
    survey/, which differ with the sharding (survey_records compares the last)."""
    files = {}
    for path in build.rglob("*"):
        relative = path.relative_to(build)  # <config id>/<kind>/<shard>/<seed>.json for a seed's
        if not path.is_file() or path.name.startswith(".") or {"logs", "shards", "survey"} & set(relative.parts):
            continue
        per_seed = len(relative.parts) == 4 and relative.parts[1] in {"clean", "references", "extract"}
        files[Path(*relative.parts[:2], relative.name) if per_seed else relative] = path
    return files


def test_the_shards_do_not_change_a_byte_of_the_build(one_seed_per_shard, default_build):
    mine, theirs = build_files(one_seed_per_shard / "build"), build_files(default_build / "build")
    # other tests add files to theirs, so every file of mine must be in theirs, the same bytes
    assert {"briefing.pdf", "bibliography.json", "facts.json"} <= {f.name for f in mine} and len(mine) > 20
    assert len([f for f in mine if f.parts[1] == "clean"]) == 5
    assert [f for f in mine if f not in theirs or not filecmp.cmp(mine[f], theirs[f], shallow=False)] == []
    assert survey_records(one_seed_per_shard / "build") == survey_records(default_build / "build")


def survey_records(build: Path) -> list[dict]:
    """Every seed's record in the survey files, in seed order, whatever shards hold them."""
    files = sorted(build.glob("*/survey/*.json"))
    assert files
    return sorted((record for path in files for record in json.loads(path.read_text("utf-8"))["seeds"]),
                  key=lambda record: record["seed"])


def dry_run_after_editing(built: Path, root: Path, index: int, sentence: str) -> tuple[str, str]:
    """A copy of a build with one sentence added to its index-th seed: what a dry run plans, and
    the name of that seed's shard (shards of one seed)."""
    project = copy_project(built, root / "project")
    seed = sorted((project / "seeds").glob("*.txt"))[index]
    seed.write_text(seed.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    result = run_snakemake(project, "--dry-run")
    shard = next(s for s in assign_shards(sorted(p.stem for p in (project / "seeds").iterdir()), 1)
                 if seed.stem in s.seeds)
    return result.stdout + result.stderr, shard.name


def test_changing_one_seed_reruns_only_its_shard(one_seed_per_shard, tmp_path):
    output, shard = dry_run_after_editing(one_seed_per_shard, tmp_path, 1, "A sentence added later.")
    assert planned_jobs(output)["clean"] == 1 and planned_jobs(output)["references"] == 1
    assert f"clean_{shard}" in output


def test_changing_one_seed_rereads_only_its_shards_extract_and_reruns_the_facts_jobs(one_seed_per_shard, tmp_path):
    output, shard = dry_run_after_editing(one_seed_per_shard, tmp_path, 2, "On 2 May, 40 ships left the port.")
    assert set(re.findall(r"^rule (extract_\w+):", output, re.M)) == {f"extract_{shard}"}
    assert planned_jobs(output)["extract"] == 1 and planned_jobs(output)["facts"] == 2  # full and executive


def test_changing_the_extract_shard_size_reruns_no_clean_or_references_job(one_seed_per_shard, tmp_path):
    """The clean jobs are handed only the settings the clean stage reads, not every seeds setting."""
    project = copy_project(one_seed_per_shard, tmp_path / "project")
    config = project / "config.yaml"
    config.write_text(config.read_text("utf-8").replace("  extract_shard_size: 1\n", "  extract_shard_size: 4\n"),
                      encoding="utf-8")
    planned = planned_jobs(run_snakemake(project, "--dry-run").stdout)
    assert planned.get("extract", 0) >= 1 and "clean" not in planned and "references" not in planned


def test_each_seeds_extract_is_the_same_in_shards_of_one_as_in_one_shard_of_five(one_seed_per_shard, default_build):
    mine, theirs = ({path.name: path for path in seed_files(evidence_dir(project), "extract")}
                    for project in (one_seed_per_shard, default_build))
    assert len(mine) == 5 and sorted(mine) == sorted(theirs)
    assert all(re.fullmatch(r"\dof8", path.parent.name) for path in mine.values())  # in their shards' folders
    assert [name for name in mine if not filecmp.cmp(mine[name], theirs[name], shallow=False)] == []


def test_coarser_shards_are_made_of_whole_finer_ones():
    fine = assign_shards(IDS, 64)
    coarse = coarser_shards(IDS, 64, 256)
    assert len(coarse) == 4 and all(len(members) == 4 for _, members in coarse)
    for shard, members in coarse:
        assert sorted(s for member in members for s in member.seeds) == sorted(shard.seeds)
    # asked for smaller shards than the fine ones, it gives the fine ones
    assert [shard for shard, _ in coarser_shards(IDS, 64, 8)] == fine


def test_the_collector_runs_for_the_stages_whose_jobs_take_a_shard_and_only_those():
    """A shard job's process reads its seeds one after another and must free each; the stages after
    them run once and keep what they read, with the cyclic collector paused (pipeline/__main__.py)."""
    from pipeline.__main__ import PER_SEED, STAGES

    rules = "".join(path.read_text("utf-8") for path in sorted((REPO / "rules").glob("*.smk")))
    sharded = set(re.findall(r'name: f"(\w+)_\{shard\.name\}"', rules))
    assert sharded == PER_SEED and PER_SEED <= set(STAGES)
