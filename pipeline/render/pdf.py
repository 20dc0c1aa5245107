"""Print build/briefing.html to a paged PDF with WeasyPrint (build/briefing.pdf).

The page layout is the @page and print rules of templates/style/briefing.css. The PDF carries no
creation time, so the same HTML always gives the same bytes.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline.core.errors import run_cli
from pipeline.core.jsonio import read_text, write_bytes


def refuse_fetch(url: str, timeout: int = 10, ssl_context=None, http_headers=None) -> dict:
    """WeasyPrint may fetch nothing: the HTML embeds all it needs, and seed text is untrusted."""
    if url.startswith("data:"):
        from weasyprint import default_url_fetcher

        return default_url_fetcher(url)
    raise ValueError(f"not fetched: {url}")


def render_pdf(html: str, base_url: str) -> bytes:
    # fontTools stamps each embedded font subset with the current time unless SOURCE_DATE_EPOCH
    # is set (reproducible-builds.org convention), which made every PDF differ.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    from weasyprint import HTML

    document = HTML(string=html, base_url=base_url, url_fetcher=refuse_fetch)
    return document.write_pdf(pdf_identifier=b"briefing-pipeline", uncompressed_pdf=False)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline pdf", description=__doc__.splitlines()[0])
    parser.add_argument("html", help="build/briefing.html")
    parser.add_argument("--output", required=True, help="where to write briefing.pdf")
    args = parser.parse_args(argv)
    html = read_text(args.html, "run the html stage first")
    write_bytes(args.output, render_pdf(html, str(Path(args.html).resolve().parent)))
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
