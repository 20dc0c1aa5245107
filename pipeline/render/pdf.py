"""Print build/briefing.html to a paged, tagged PDF with WeasyPrint (build/briefing.pdf).

The page layout is the @page and print rules of templates/style/print.css. The PDF is PDF/UA-1
(tagged, with XMP metadata) and takes its title, authors, subject, keywords and dates from the
page's <title> and <meta> elements, which the fill stage dated (SOURCE_DATE_EPOCH), so the same
HTML always gives the same bytes. WeasyPrint may read only the project's own assets (the template
folders) and data: URLs: no other file, nothing from the network, no attachments. The finished
PDF is checked, right before it is written out, for embedded files, JavaScript, launch actions and
file: links (pdfcheck), and a warning from WeasyPrint is printed. The folded lists of a point's
further sources, which paper leaves out, are taken out of the page before WeasyPrint reads it
(render/sourcelists.py). Config keys read: briefing.templates.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pipeline.core.config import settings_from_args
from pipeline.core.errors import PipelineError, run_cli
from pipeline.core.jsonio import read_text, write_bytes
from pipeline.render.pdfcheck import unsafe_parts_to_write
from pipeline.render.sourcelists import without_source_lists

PDF_VARIANT = "pdf/ua-1"
PDF_IDENTIFIER = b"briefing-pipeline"


def asset_path(url: str, folders: list[Path]) -> Path | None:
    """The file a file: URL names when it lies inside one of the asset folders, else None."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path)).resolve()
    return path if any(path.is_relative_to(folder) for folder in folders) and path.is_file() else None


def asset_fetcher(folders: list[str]):
    """A WeasyPrint URL fetcher that serves data: URLs and files inside `folders`, nothing else."""
    from weasyprint.urls import URLFetcher

    roots = [Path(folder).resolve() for folder in folders if folder]

    class AssetFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:") or asset_path(url, roots):
                return super().fetch(url, headers)
            raise ValueError(f"not one of the briefing's assets, not fetched: {url[:200]}")

    return AssetFetcher(allowed_protocols={"data", "file"}, allow_redirects=False)


class WarningLog(logging.Handler):
    """Collects what WeasyPrint logs at WARNING and above while the PDF is made."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(" ".join(record.getMessage().split()))


def start_loading_weasyprint() -> threading.Thread:
    """Import WeasyPrint in a thread: started before the html stage waits on pandoc, its import
    (half a second) runs while pandoc does, not after it."""
    loader = threading.Thread(target=importlib.import_module, args=("weasyprint",), daemon=True)
    loader.start()
    return loader


def render_pdf(html: str, folders: list[str], finisher=None) -> tuple[bytes, list[str]]:
    """The PDF's bytes and WeasyPrint's warnings; finisher(document, pdf) sees the pydyf.PDF
    right before it is written."""
    # fontTools stamps each embedded font subset with the current time unless SOURCE_DATE_EPOCH
    # is set (reproducible-builds.org convention), which made every PDF differ.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    from weasyprint import HTML

    log, logger = WarningLog(), logging.getLogger("weasyprint")
    logger.addHandler(log)
    try:
        document = HTML(string=html, base_url=str(Path(folders[-1]).resolve()) + "/",
                        url_fetcher=asset_fetcher(folders)).render()
        document.metadata.attachments = []  # <link rel=attachment> never embeds a file
        for page in document.pages:
            page.links = [link for link in page.links if link[0] != "attachment"]
        pdf = document.write_pdf(pdf_identifier=PDF_IDENTIFIER, pdf_variant=PDF_VARIANT, finisher=finisher)
    finally:
        logger.removeHandler(log)
    return pdf, log.messages


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline pdf", description=__doc__.splitlines()[0])
    parser.add_argument("html", help="build/briefing.html")
    parser.add_argument("--templates", default=str(Path(__file__).resolve().parents[2] / "templates"),
                        help="the shipped templates folder, whose files WeasyPrint may read (default templates/)")
    parser.add_argument("--output", required=True, help="where to write briefing.pdf")
    parser.add_argument("--config", help="config.yaml to read settings from (default ./config.yaml)")
    parser.add_argument("--settings", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    html = read_text(args.html, "run the html stage first")
    settings = settings_from_args(args.config, args.settings) if args.config or args.settings else None
    folders = [settings["briefing"]["templates"] if settings else None, args.templates]
    write_pdf(html, args.html, [folder for folder in folders if folder], args.output)
    return 0


def write_pdf(html: str, html_path: str, folders: list[str], output: str) -> None:
    """The HTML printed, checked and written to `output`; WeasyPrint's warnings on stderr."""
    problems: list[str] = []
    pdf, warnings = render_pdf(without_source_lists(html), folders,
                               lambda _, written: problems.extend(unsafe_parts_to_write(written)))
    for message in warnings:
        print(f"warning: {html_path}: WeasyPrint: {message}", file=sys.stderr)
    if problems:
        raise PipelineError(output, f"the PDF would carry {'; '.join(problems)}",
                            "remove what adds it from the templates")
    write_bytes(output, pdf)


if __name__ == "__main__":
    sys.exit(run_cli(main))
