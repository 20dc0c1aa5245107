"""PDF seeds: what is not the text is told by its shape on the page, in small PDFs made here with
WeasyPrint: the date and author block of page one, contact blocks, unruled tables, figures drawn
with text labels; each goes to the metadata, the tables or the audit, and the body keeps the text."""

from __future__ import annotations

import pytest

from pipeline.intake.clean import clean_seed
from pipeline.intake.formats.pdf import extract_pdf

STYLE = """
@page { size: A4; margin: 2cm; }
body { font-family: DejaVu Serif; font-size: 10.5pt; line-height: 1.35; }
h1 { font-size: 18pt; } h2 { font-size: 13pt; }
.small { font-size: 8.5pt; } .name { font-weight: bold; margin: 0; } .role { margin: 0 0 0.8em 0; }
"""
PROSE = ("Harbour authorities along the coast have weighed the cost of deeper channels against the "
         "trade they expect to win from larger vessels, and most have chosen to wait for federal funds. ")
SETTINGS = {"seeds": {"on_bad_seed": "fail", "max_bytes": 5_000_000}, "cleaning": {"extra_debris": []}}


def make_pdf(body: str) -> bytes:
    import weasyprint

    html = f'<!doctype html><html lang="en"><head><meta charset="utf-8"><style>{STYLE}</style></head><body>{body}'
    return weasyprint.HTML(string=html + "</body></html>").write_pdf()


def body_texts(tmp_path, data: bytes) -> tuple[dict, list[str]]:
    path = tmp_path / "seed.pdf"
    path.write_bytes(data)
    document = clean_seed(str(path), "seed", SETTINGS, {})
    return document, [paragraph["text"] for paragraph in document["paragraphs"]]


HEAD = f"""<p class="small" style="text-align: right">Updated April 9, 2026</p>
<h1>Harbour Dredging Plans</h1>
<p>{PROSE * 3}</p><p>{PROSE * 2}</p>
<p class="small name">Jane Roe</p><p class="small role">Analyst in Maritime Policy</p>
<p class="small role"><b>John Doe</b>, Specialist in Port Economics</p>"""


@pytest.fixture(scope="module")
def head_pdf() -> bytes:
    return make_pdf(HEAD)


def test_the_date_line_and_the_author_blocks_give_date_and_authors(head_pdf):
    metadata = extract_pdf(head_pdf, "seeds/dredging.pdf").metadata
    assert metadata["date"] == "2026-04-09"  # what the page states, not the day the file was made
    assert metadata["authors"] == ["Jane Roe", "John Doe"]
    assert metadata["title"] == "Harbour Dredging Plans"


def test_the_date_line_and_the_author_blocks_leave_the_body_for_the_audit(tmp_path, head_pdf):
    document, texts = body_texts(tmp_path, head_pdf)
    assert not any("Jane Roe" in text or "Updated" in text or "John Doe" in text for text in texts)
    reasons = {item["text"]: item["reason"] for item in document["dropped"]}
    assert reasons["Jane Roe"] == "author name" and reasons["Analyst in Maritime Policy"] == "author role"
    assert reasons["Updated April 9, 2026"] == "date line"
    assert texts[0].startswith("Harbour authorities along the coast")
