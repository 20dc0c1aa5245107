"""Render build/briefing.md to a standalone HTML page with pandoc and citeproc (build/briefing.html).

Pandoc's options are in defaults files (templates/pandoc/common.yaml, html.yaml); this stage hands
pandoc the files they work on, each looked up in the user's template folder (briefing.templates)
before ours: the page template, the filters (the sources list split in two, metadata escaped for
HTML attributes), and the stylesheets, which
go into the page's head, so the HTML is one self-contained file. Pandoc runs with --sandbox (it
reads only the files named here and fetches nothing) and a time limit. With --pdf the page is also
printed to a PDF, the pdf stage's work done in this process, where WeasyPrint loads while pandoc
runs. Config keys read: briefing.csl, briefing.templates.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from pipeline.core.config import settings_from_args
from pipeline.core.errors import PipelineError, run_cli
from pipeline.core.jsonio import read_json, read_text, write_text
from pipeline.render import pdf
from pipeline.render.bibitems import cited_keys, citeproc_items
from pipeline.render.sourcelists import with_source_lists
from pipeline.render.templating import find_asset

DEFAULTS = ["pandoc/common.yaml", "pandoc/html.yaml"]
PAGE_TEMPLATE = "pandoc/briefing.html5"
# After citeproc (html.yaml): the sources list split in two; metadata escaped for attributes; the
# fact tables' cells labelled with their column for a phone's screen; a point's further sources folded.
FILTERS = ["pandoc/sources.lua", "pandoc/attributes.lua", "pandoc/tables.lua", "pandoc/details.lua"]
# In cascade order, each with the media its <style> element is for: the base look, the paged media
# rules, the fact tables on a phone (a media query WeasyPrint would warn of inside a sheet), and an
# empty sheet a user overrides to add rules without replacing ours.
STYLESHEETS = [("style/briefing.css", None), ("style/print.css", None),
               ("style/phone.css", "screen and (max-width: 36em)"), ("style/local.css", None)]
PANDOC_TIMEOUT = 120  # seconds; the default briefing takes under one

__all__ = ["citeproc_items", "render_html", "main"]


def style_block(stylesheets: list[tuple[str, str | None]]) -> str:
    """The stylesheets as <style> elements for the page's head: one per run of sheets for one media."""
    blocks: list[tuple[str | None, list[str]]] = []
    for path, media in stylesheets:
        css = read_text(path, "restore it under templates/style/")
        if "</style" in css.lower():
            raise PipelineError(path, "the stylesheet contains '</style'", "remove it from the stylesheet")
        if blocks and blocks[-1][0] == media:
            blocks[-1][1].append(css)
        else:
            blocks.append((media, [css]))
    return "".join((f'<style media="{media}">' if media else "<style>") + "\n" + "\n".join(sheets) + "</style>\n"
                   for media, sheets in blocks)


def pandoc_arguments(folders: list[str], bibliography: str, styles: str, csl: str | None) -> list[str]:
    # --sandbox is given here, not in a defaults file, so that no override of those can drop it.
    args = ["--sandbox", *(f"--defaults={find_asset(name, folders)}" for name in DEFAULTS)]
    args += [f"--template={find_asset(PAGE_TEMPLATE, folders)}"]
    args += [f"--lua-filter={find_asset(name, folders)}" for name in FILTERS]
    args += [f"--include-in-header={styles}", f"--bibliography={bibliography}"]
    if csl:
        if not Path(csl).is_file():
            raise PipelineError(csl, "citation style file not found", "fix briefing.csl in config.yaml")
        args.append(f"--csl={csl}")
    return args


def run_pandoc(markdown: str, args: list[str], started=None) -> str:
    """Pandoc's output; started(), when given, is called once pandoc runs, to work alongside it."""
    import pypandoc

    with subprocess.Popen([pypandoc.get_pandoc_path(), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as process:
        if started:
            started()
        try:
            stdout, stderr = process.communicate(markdown.encode("utf-8"), timeout=PANDOC_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            raise PipelineError("build/briefing.md", f"pandoc took longer than {PANDOC_TIMEOUT} s",
                                "check the templates and the size of the bibliography") from None
    message = " ".join(stderr.decode("utf-8", "replace").split())
    if process.returncode != 0:
        raise PipelineError("build/briefing.md", f"pandoc failed: {message[:300]}",
                            "check the templates; rebuild with a clean build/ folder")
    if message:
        print(f"pandoc: {message}", file=sys.stderr)
    return stdout.decode("utf-8")


def render_html(markdown: str, bibliography: list[dict], folders: list[str], csl: str | None, started=None) -> str:
    """Pandoc's HTML for the briefing; the cited works go through a temporary CSL-JSON file.
    started() is called once pandoc runs (see run_pandoc)."""
    with tempfile.TemporaryDirectory() as folder:
        bib_path = Path(folder) / "bibliography.json"
        items = citeproc_items(bibliography, cited_keys(markdown))
        bib_path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        styles = Path(folder) / "styles.html"
        styles.write_text(style_block([(find_asset(name, folders), media) for name, media in STYLESHEETS]),
                          encoding="utf-8")
        return run_pandoc(markdown, pandoc_arguments(folders, str(bib_path), str(styles), csl), started)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline html", description=__doc__.splitlines()[0])
    parser.add_argument("markdown", help="build/briefing.md")
    parser.add_argument("--bibliography", required=True, help="build/bibliography.json")
    parser.add_argument("--templates", required=True, help="the shipped templates folder (templates/)")
    parser.add_argument("--output", required=True, help="where to write briefing.html")
    parser.add_argument("--pdf", help="where to write briefing.pdf too (as the pdf stage would)")
    parser.add_argument("--source-lists", help="the fill stage's lists of each point's further sources (JSON), "
                        "put into the page after pandoc")
    parser.add_argument("--config", help="config.yaml to read settings from (default ./config.yaml)")
    parser.add_argument("--settings", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    settings = settings_from_args(args.config, args.settings)
    markdown = read_text(args.markdown, "run the fill stage first")
    folders = [settings["briefing"]["templates"], args.templates]
    loaders = []  # WeasyPrint's import, started once pandoc runs, so that neither waits for the other
    page = render_html(markdown, read_json(args.bibliography), folders, settings["briefing"]["csl"],
                       (lambda: loaders.append(pdf.start_loading_weasyprint())) if args.pdf else None)
    lists = read_json(args.source_lists) if args.source_lists else {}
    write_text(args.output, with_source_lists(page, lists) if lists else page)
    if args.pdf:
        for loader in loaders:
            loader.join()
        pdf.write_pdf(page, args.output, [folder for folder in folders if folder], args.pdf)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
