"""The CI workflow (.github/workflows/briefing.yml): actionlint finds nothing, its build step is the
README's first command, and a run on a fresh checkout with the last run's build/ and Snakemake
records restored rebuilds only what changed (.ci/restore-mtimes)."""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import BUILD_EPOCH, REPO, copy_repository, planned_jobs, run_snakemake

WORKFLOW = REPO / ".github" / "workflows" / "briefing.yml"
RESTORE_MTIMES = ".ci/restore-mtimes"
CACHED = ("build", ".snakemake/metadata", ".snakemake/source-mtimes.json")
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
# per briefing (the default config's two) a sections, facts, changes, fill and html job (html prints the PDF)
ONE_SEED_CHANGED = {"clean": 1, "references": 1, "extract": 1, "corpus": 1, "bibliography": 1, "sections": 2, "facts": 2,
                    "changes": 2, "fill": 2, "html": 2, "all": 1}


def readme_commands() -> list[str]:
    """The Quick start's commands, read as .ci/run reads them."""
    text = (REPO / "README.md").read_text("utf-8")
    block = re.search(r"^#+\s*Quick ?start.*?$(.*?)^```[^\n]*\n(.*?)^```", text, re.M | re.S | re.I)[2]
    return [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def steps() -> list[dict]:
    return workflow()["jobs"]["build"]["steps"]


def step(name_or_id: str) -> dict:
    return next(s for s in steps() if name_or_id in (s.get("id"), s.get("name")))


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV, check=True, capture_output=True)


def test_the_readme_quick_start_is_two_commands():
    assert readme_commands() == ["bash setup.sh && .venv/bin/snakemake --cores 2",
                                 "bash setup.sh && .venv/bin/python -m pytest"]


def test_actionlint_finds_nothing_in_the_workflow():
    actionlint = shutil.which("actionlint", path=os.pathsep.join([str(Path(sys.executable).parent),
                                                                  os.environ.get("PATH", "")]))
    assert actionlint, "actionlint is missing: run bash setup.sh (the test extra installs it)"
    result = subprocess.run([actionlint, "-no-color", str(WORKFLOW.relative_to(REPO))], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_build_step_is_the_readmes_first_command():
    assert step("build")["run"].strip() == readme_commands()[0]


def test_the_workflow_runs_on_push_every_day_and_on_demand_one_at_a_time():
    triggers = workflow().get("on", workflow().get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "schedule", "workflow_dispatch"} <= set(triggers)
    assert re.fullmatch(r"(\S+ ){4}\S+", triggers["schedule"][0]["cron"])
    assert "github.ref" in workflow()["concurrency"]["group"]
    python = next(s for s in steps() if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11" and python["with"]["cache"] == "pip"


def test_the_build_is_restored_before_and_saved_after_under_a_key_of_its_own():
    restore, save = step("restore"), step("Save the build for the next run")
    assert restore["uses"].startswith("actions/cache/restore@") and save["uses"].startswith("actions/cache/save@")
    for cache in (restore, save):
        assert cache["with"]["path"].split() == list(CACHED)
    prefix = restore["with"]["restore-keys"].strip()
    assert restore["with"]["key"].startswith(prefix) and "github.run_id" in restore["with"]["key"]
    assert "github.run_attempt" in restore["with"]["key"]
    assert save["with"]["key"] == "${{ steps.restore.outputs.cache-primary-key }}"
    order = [s.get("id") or s.get("name") for s in steps()]
    mtimes = next(s.get("name") for s in steps() if RESTORE_MTIMES in s.get("run", ""))
    assert order.index("restore") < order.index(mtimes) < order.index("build") < order.index(save["name"])


def test_the_artifact_takes_every_briefing_of_a_build(default_build):
    patterns = step("upload")["with"]["path"].split()
    made = sorted(str(path.relative_to(default_build)) for path in (default_build / "build").rglob("briefing.*")
                  if path.suffix in (".html", ".pdf"))
    assert len(made) == 4  # the full briefing and the executive brief, each as HTML and PDF
    assert all(any(fnmatch.fnmatch(name, pattern) for pattern in patterns) for name in made), made


def test_the_cache_keeps_each_briefings_previous_build_for_the_next_run(default_build):
    """"What changed" compares with previous/, which only the cache carries from one run to the next."""
    kept = [Path(path) for path in step("restore")["with"]["path"].split()]
    assert kept == [Path(path) for path in step("Save the build for the next run")["with"]["path"].split()]
    records = sorted((default_build / "build").glob("*/*/previous/latest.json"))
    assert len(records) == 2  # the full briefing's and the executive brief's
    assert all(any(path.relative_to(default_build).is_relative_to(root) for root in kept) for path in records)


def test_the_artifact_holds_the_briefing_under_a_date_commit_and_attempt():
    upload = step("upload")
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["path"].split() == ["build/*/*/briefing.html", "build/*/*/briefing.pdf",
                                              "build/*/*/changes.md"]
    naming = step("name")["run"]
    assert "date -u +%Y-%m-%d" in naming and "${GITHUB_SHA::7}" in naming and "GITHUB_RUN_ATTEMPT" in naming
    summary = step("Summary")
    assert "$GITHUB_STEP_SUMMARY" in summary["run"] and "ARTIFACT_URL" in summary["env"]


def run_restore_mtimes(checkout: Path) -> str:
    result = subprocess.run([sys.executable, RESTORE_MTIMES], cwd=checkout, capture_output=True, text=True,
                            check=True)
    return result.stdout


def test_restore_mtimes_gives_unchanged_files_their_recorded_time(tmp_path):
    (tmp_path / ".ci").mkdir()
    shutil.copy2(REPO / RESTORE_MTIMES, tmp_path / RESTORE_MTIMES)
    for name in ("same.txt", "changed.txt"):
        (tmp_path / name).write_text("first\n")
    git("init", "-q", cwd=tmp_path)
    git("add", "-A", cwd=tmp_path)
    then = 1_700_000_000 * 10**9
    for name in ("same.txt", "changed.txt"):
        os.utime(tmp_path / name, ns=(then, then))
    assert "0 of 3" in run_restore_mtimes(tmp_path)  # no manifest yet: it is recorded
    (tmp_path / "changed.txt").write_text("second\n")
    for name in ("same.txt", "changed.txt"):
        os.utime(tmp_path / name, None)  # a new checkout: every file written now
    assert "2 of 3" in run_restore_mtimes(tmp_path)
    assert (tmp_path / "same.txt").stat().st_mtime_ns == then
    assert (tmp_path / "changed.txt").stat().st_mtime_ns > then


@pytest.fixture(scope="module")
def origin(tmp_path_factory) -> Path:
    """A repository holding this working tree's files in one commit, as CI checks them out."""
    repo = copy_repository(tmp_path_factory.mktemp("origin"))
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "the tree under test", cwd=repo)
    return repo


def fresh_checkout(origin: Path, checkout: Path, cache: Path | None) -> Path:
    """A new clone at checkout (every file written now) with the cached folders restored, file
    times kept as actions/cache's tar keeps them."""
    if checkout.exists():
        shutil.rmtree(checkout)
    git("clone", "-q", str(origin), str(checkout), cwd=origin.parent)
    for name in CACHED if cache else ():
        source, target = cache / name, checkout / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    return checkout


def dry_run(checkout: Path, *extra: str) -> dict[str, int]:
    result = run_snakemake(checkout, "--dry-run", *extra, repo=checkout)
    return planned_jobs(result.stdout + result.stderr)


def test_a_run_on_a_fresh_checkout_rebuilds_only_what_changed(origin, tmp_path):
    checkout, cache = tmp_path / "checkout", tmp_path / "cache"
    fresh_checkout(origin, checkout, None)
    run_restore_mtimes(checkout)  # the first run: nothing cached, the manifest is written
    run_snakemake(checkout, repo=checkout, epoch=BUILD_EPOCH)
    for name in CACHED:
        (cache / name).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if (checkout / name).is_dir() else shutil.copy2)(checkout / name, cache / name)

    # A checkout is newer than the restored build: by modification times alone, every job reruns.
    fresh_checkout(origin, checkout, cache)
    no_checksums = ("--max-checksum-file-size", "0")
    assert dry_run(checkout, *no_checksums)["clean"] == 1  # the one shard of the five seeds
    run_restore_mtimes(checkout)
    assert dry_run(checkout, *no_checksums) == {}
    assert dry_run(checkout) == {}

    seed = sorted((origin / "seeds").glob("*.txt"))[1]
    seed.write_text(seed.read_text("utf-8") + "\nA sentence added later to this article.\n", encoding="utf-8")
    git("commit", "-q", "-am", "one seed changed", cwd=origin)
    fresh_checkout(origin, checkout, cache)
    run_restore_mtimes(checkout)
    assert dry_run(checkout, *no_checksums) == ONE_SEED_CHANGED
    assert dry_run(checkout) == ONE_SEED_CHANGED
