"""Render build/briefing.md to a standalone HTML page with pandoc and citeproc (build/briefing.html).

Pandoc options come from defaults files (templates/pandoc/common.yaml and html.yaml), the
stylesheet from templates/style/briefing.css, embedded in the page. Config keys read: briefing.csl.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from pipeline.core.config import settings_from_args
from pipeline.core.errors import PipelineError, run_cli
from pipeline.core.jsonio import read_json, read_text, write_text

# Fields of ours that are not CSL variables: kept in bibliography.json, not handed to citeproc.
NOT_CSL = {"raw", "originals", "citation-number", "citation-key", "ibid-of", "unresolved", "sources", "reason"}
# citeproc reads <i>, <b>, <sup>, <sub> and <span ...> in CSL strings as formatting; text that came
# from a seed must stay text, so a zero-width space after "<" keeps any tag from being one.
CSL_TAG = re.compile(r"<(?=/?\s*(?:i|b|sup|sub|span|sc)\b)", re.IGNORECASE)
WEB_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)


def inert(value):
    if isinstance(value, str):
        return CSL_TAG.sub("<\u200b", value)
    if isinstance(value, list):
        return [inert(v) for v in value]
    if isinstance(value, dict):
        return {k: inert(v) for k, v in value.items()}
    return value


def citeproc_item(item: dict) -> dict:
    """A bibliography item as citeproc may see it: our own fields out, markup inert, web links only."""
    cleaned = {key: inert(value) for key, value in item.items() if key not in NOT_CSL}
    if "URL" in cleaned and not WEB_URL.fullmatch(str(cleaned["URL"])):
        del cleaned["URL"]  # javascript:, data:, file: and the like never become links
    return cleaned


def citeproc_items(bibliography: list[dict]) -> list[dict]:
    return [citeproc_item(item) for item in bibliography]


def pandoc_arguments(defaults: list[str], css: str, bibliography: str, csl: str | None) -> list[str]:
    args = [f"--defaults={path}" for path in defaults]
    args += [f"--css={css}", f"--bibliography={bibliography}", "--metadata=document-css:false"]
    if csl:
        if not Path(csl).is_file():
            raise PipelineError(csl, "citation style file not found", "fix briefing.csl in config.yaml")
        args.append(f"--csl={csl}")
    return args


def render_html(markdown: str, bibliography: list[dict], defaults: list[str], css: str, csl: str | None) -> str:
    """Pandoc's HTML for the briefing; the bibliography goes through a temporary CSL-JSON file."""
    import pypandoc

    with tempfile.TemporaryDirectory() as folder:
        bib_path = Path(folder) / "bibliography.json"
        bib_path.write_text(json.dumps(citeproc_items(bibliography), ensure_ascii=False), encoding="utf-8")
        try:
            return pypandoc.convert_text(markdown, "html5", format="markdown",
                                         extra_args=pandoc_arguments(defaults, css, str(bib_path), csl))
        except RuntimeError as error:
            raise PipelineError("build/briefing.md", f"pandoc failed: {' '.join(str(error).split())[:300]}",
                                "check the templates; rebuild with a clean build/ folder") from None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline html", description=__doc__.splitlines()[0])
    parser.add_argument("markdown", help="build/briefing.md")
    parser.add_argument("--bibliography", required=True, help="build/bibliography.json")
    parser.add_argument("--defaults", nargs="+", required=True,
                        help="pandoc defaults files (templates/pandoc/common.yaml, html.yaml)")
    parser.add_argument("--css", required=True, help="stylesheet embedded in the page (templates/style/briefing.css)")
    parser.add_argument("--output", required=True, help="where to write briefing.html")
    parser.add_argument("--config", help="config.yaml to read settings from (default ./config.yaml)")
    parser.add_argument("--settings", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    settings = settings_from_args(args.config, args.settings)
    markdown = read_text(args.markdown, "run the fill stage first")
    html = render_html(markdown, read_json(args.bibliography), args.defaults, args.css, settings["briefing"]["csl"])
    write_text(args.output, html)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
