"""A build killed with SIGKILL at any point is finished by the README's command; two builds in one
folder never run jobs at once; a running build's lock is never taken from it (pipeline/core/buildlock.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from base64 import urlsafe_b64encode
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import (
    briefing_dir,
    evidence_dir,
    make_project,
    planned_jobs,
    run_snakemake,
    snakemake_command,
    snakemake_env,
)
from pipeline.core.buildlock import incomplete_outputs, is_stage_job

STOPPED = "a build in this folder stopped before it finished"


def start_build(project: Path) -> subprocess.Popen:
    """The README's build command started in the background, in a process group of its own."""
    log = open(project / "first-build.log", "w")
    return subprocess.Popen(snakemake_command(project), cwd=project, env=snakemake_env(), stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)


def wait_until(condition, build: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert build.poll() is None, "the build ended before the point it was to be killed at"
        assert time.monotonic() < deadline, "the build never reached the point it was to be killed at"
        time.sleep(0.02)


def end_group(build: subprocess.Popen) -> None:
    """What is left of a test's build (jobs a SIGKILLed Snakemake left running), ended."""
    try:
        os.killpg(build.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    build.wait()


def assert_a_whole_briefing(project: Path) -> None:
    for briefing in ("full", "executive"):
        folder = briefing_dir(project, briefing)
        assert len(PdfReader(folder / "briefing.pdf").pages) >= 1
        assert "</html>" in (folder / "briefing.html").read_text("utf-8")
        json.loads((folder / "facts.json").read_text("utf-8"))
    assert planned_jobs(run_snakemake(project, "--dry-run").stdout) == {}
    assert not list((project / ".snakemake" / "locks").glob("*.lock"))


KILL_POINTS = {
    "as-it-locks": lambda project: any((project / ".snakemake" / "locks").glob("*.lock")),
    "mid-run": lambda project: (evidence_dir(project) / "corpus.json").exists(),
    "writing-the-pdf": lambda project: (briefing_dir(project) / "briefing.html").exists(),
}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_build_killed_at_any_point_is_finished_by_the_readme_command(tmp_path, point):
    project = make_project(tmp_path)
    build = start_build(project)
    try:
        wait_until(lambda: KILL_POINTS[point](project), build)
        os.kill(build.pid, signal.SIGKILL)  # Snakemake only: the jobs it started run on, orphaned
        build.wait()
        result = run_snakemake(project)
        stopped = [line for line in result.stderr.splitlines() if STOPPED in line]
        assert len(stopped) == 1 and stopped[0].startswith("warning: .snakemake/locks: ")
        assert_a_whole_briefing(project)
    finally:
        end_group(build)


def test_two_builds_started_at_once_run_one_after_the_other(tmp_path):
    project = make_project(tmp_path)
    builds = [subprocess.Popen(snakemake_command(project), cwd=project, env=snakemake_env(), text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for _ in range(2)]
    outputs = [build.communicate(timeout=600)[0] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], outputs
    waited = [output for output in outputs if "another Snakemake run is working in this folder" in output]
    assert len(waited) == 1 and "Nothing to be done" in waited[0]  # it planned against the first one's build
    assert STOPPED not in "".join(outputs)
    assert_a_whole_briefing(project)


def test_a_run_during_a_build_waits_for_it_and_takes_nothing_from_it(tmp_path):
    project = make_project(tmp_path)
    build = start_build(project)
    try:
        wait_until(lambda: (evidence_dir(project) / "corpus.json").exists(), build)
        dry_run = run_snakemake(project, "--dry-run")
        assert build.poll() == 0, (project / "first-build.log").read_text()  # the dry run ended after it
        assert "another Snakemake run is working in this folder (pid" in dry_run.stderr
        assert STOPPED not in dry_run.stderr and "Nothing to be done" in dry_run.stdout
    finally:
        end_group(build)
    assert_a_whole_briefing(project)


def test_incomplete_markers_name_their_outputs_long_ones_included(tmp_path):
    folder = tmp_path / "incomplete"
    short, long = "build/clean/a.json", "build/clean/" + "x" * 300 + ".json"
    (folder).mkdir()
    (folder / urlsafe_b64encode(short.encode()).decode()).write_text("{}")
    encoded = urlsafe_b64encode(long.encode()).decode()
    parts = [encoded[i:i + 254] for i in range(0, len(encoded), 254)]
    nested = folder.joinpath(*["@" + part for part in parts[:-1]])
    nested.mkdir(parents=True)
    (nested / parts[-1]).write_text("{}")
    (folder / "migration_underway").write_text("")
    assert sorted(incomplete_outputs(tmp_path).values()) == sorted([short, long])


@pytest.mark.parametrize(("argv", "stage"), [
    (["/venv/bin/python", "-m", "pipeline", "pdf", "build/briefing.html"], True),
    (["/venv/bin/python", "/venv/bin/snakemake", "--cores", "2"], False),
    (["/usr/bin/bash", "-c", "set -euo pipefail; python -m pipeline pdf"], False),
    (["less", "pipeline/__main__.py"], False),
])
def test_a_stage_job_is_told_from_other_processes(argv, stage):
    assert is_stage_job(argv) == stage
