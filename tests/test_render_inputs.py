"""The render stages (html, pdf) and the clean stage's sources.yaml: a missing or undecodable input is one
line on stderr naming the file, exit status 1 and no output written, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.core.errors import run_cli
from pipeline.intake.sources import load_sources
from pipeline.render import html, pdf

ROOT = Path(__file__).resolve().parent.parent


def _bibliography(tmp_path: Path) -> Path:
    path = tmp_path / "bibliography.json"
    path.write_text("[]", encoding="utf-8")
    return path


@pytest.mark.parametrize("content", [None, b"# Brief\n\xff\xfe not UTF-8\n"], ids=["missing", "not-utf8"])
def test_html_stage_reports_an_unreadable_briefing_in_one_line(tmp_path, capsys, content):
    markdown = tmp_path / "briefing.md"
    if content is not None:
        markdown.write_bytes(content)
    output = tmp_path / "briefing.html"
    args = [str(markdown), "--bibliography", str(_bibliography(tmp_path)),
            "--templates", str(ROOT / "templates"), "--output", str(output)]
    assert run_cli(html.main, args) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {markdown}: ") and err.count("\n") == 1
    assert not output.exists()


def test_pdf_stage_reports_a_missing_html_in_one_line(tmp_path, capsys):
    output = tmp_path / "briefing.pdf"
    assert run_cli(pdf.main, [str(tmp_path / "briefing.html"), "--output", str(output)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "briefing.html: file not found — run the html stage first" in err
    assert not output.exists()


def test_sources_file_that_is_not_utf8_names_itself(tmp_path, capsys):
    sources = tmp_path / "sources.yaml"
    sources.write_bytes(b"001.txt:\n  title: Caf\xe9 report\n")
    assert run_cli(lambda _argv: load_sources(str(sources)) and 0, []) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {sources}: not UTF-8 text") and err.endswith("— save it as UTF-8\n")
