"""snakemake --report: every briefing's HTML and PDF are the results it carries."""

from __future__ import annotations

import zipfile

from conftest import copy_project, run_snakemake


def test_the_report_carries_the_briefing_as_its_results(default_build, tmp_path):
    project = copy_project(default_build, tmp_path / "project")
    run_snakemake(project, "--report", "build/report.zip")
    names = zipfile.ZipFile(project / "build" / "report.zip").namelist()
    results = sorted(name.rsplit("/", 1)[1] for name in names if "/data/raw/" in name)
    assert results == ["briefing.html", "briefing.html", "briefing.pdf", "briefing.pdf"]  # full and executive
    assert "report/report.html" in names


def test_a_self_contained_html_report_is_written(default_build, tmp_path):
    project = copy_project(default_build, tmp_path / "project")
    run_snakemake(project, "--report", "build/report.html")
    report = (project / "build" / "report.html").read_text("utf-8")
    assert "briefing.pdf" in report and "briefing.html" in report
