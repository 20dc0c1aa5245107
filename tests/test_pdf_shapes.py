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


CONTACTS = f"""<h1>Harbour Dredging Plans</h1><p>{PROSE * 4}</p><p>{PROSE * 3}</p>
<h2>Author Information</h2>
<table style="width: 100%; border: none"><tr>
<td><b>Jane Roe</b><br>Analyst in Maritime Policy</td><td style="padding-left: 4cm"><b>John Doe</b><br>Legislative Attorney</td>
</tr></table>
<h2>Acknowledgments</h2><p>Ann Poe, a former analyst, contributed to an earlier version of this report.</p>
<h2>Disclaimer</h2><p>This report was prepared for the members of the harbour board and may be reproduced freely.</p>"""


def test_a_contact_block_at_the_end_gives_the_authors_and_the_end_matter_leaves_the_body(tmp_path):
    document, texts = body_texts(tmp_path, make_pdf(CONTACTS))
    assert sorted(document["authors"]) == ["Jane Roe", "John Doe"]
    assert texts[-1].startswith("Harbour authorities") and len(texts) == 2
    reasons = {item["text"].removeprefix("# "): item["reason"] for item in document["dropped"]}
    assert reasons["Legislative Attorney"] == "author role" and reasons["Disclaimer"] == "notice"
    assert reasons["Author Information"] == "empty section heading"
    assert reasons["Ann Poe, a former analyst, contributed to an earlier version of this report."] == "end matter"


def table_page(table_style: str, cell_style: str) -> str:
    rows = "".join(f"<tr><td>{port}</td><td>{a:,}</td><td>{b:,}</td><td>{c}%</td></tr>"
                   .replace("<td>", f'<td style="{cell_style}">') for port, a, b, c in [("Northport", 1200, 1350, 12), ("Southport", 950, 990, 4),
                                         ("Eastport", 610, 580, -5), ("Westport", 430, 515, 20)])
    return f"""<h1>Harbour Dredging Plans</h1><p>{PROSE * 2}</p>
<p><b>Table 1. Container traffic by port</b></p>
<table style="border-collapse: collapse; {table_style}">
<tr><th style="{cell_style}">Port</th><th style="{cell_style}">2023</th><th style="{cell_style}">2024</th>
<th style="{cell_style}">Change</th></tr>{rows}</table>
<p class="small">Source: Harbour Board, annual returns.</p><p>{PROSE * 2}</p>"""


@pytest.mark.parametrize("table_style, cell_style", [
    ("", "padding: 2pt 18pt 2pt 0"),  # no rule at all: only the columns' alignment tells
    ("border-top: 1px solid black; border-bottom: 1px solid black", "padding: 2pt 18pt 2pt 0; "
     "border-bottom: 1px solid black"),  # the rules a word processor draws, over and under
], ids=["unruled", "horizontal-rules"])
def test_a_table_set_in_aligned_columns_goes_to_the_tables_with_its_caption(tmp_path, table_style, cell_style):
    document, texts = body_texts(tmp_path, make_pdf(table_page(table_style, cell_style)))
    assert not any("Northport" in text or "Source:" in text or "Table 1." in text for text in texts)
    assert len(texts) == 2 and all(text.startswith("Harbour authorities") for text in texts)
    [table] = document["tables"]
    assert table["rows"][0] == ["Port", "2023", "2024", "Change"]
    assert ["Northport", "1,200", "1,350", "12%"] in table["rows"]
    assert table["caption"] == "Table 1. Container traffic by port"
    reasons = {item["text"]: item["reason"] for item in document["dropped"]}
    assert reasons["Source: Harbour Board, annual returns."] == "table note"


CHART = """<svg width="320" height="160" viewBox="0 0 320 160" xmlns="http://www.w3.org/2000/svg"
 font-family="DejaVu Sans" font-size="9">
<line x1="40" y1="10" x2="40" y2="130" stroke="black"/><line x1="40" y1="130" x2="310" y2="130" stroke="black"/>
<rect x="60" y="40" width="40" height="90" fill="#468"/><rect x="130" y="70" width="40" height="60" fill="#468"/>
<rect x="200" y="20" width="40" height="110" fill="#468"/><rect x="270" y="95" width="30" height="35" fill="#468"/>
<text x="10" y="45">1,500</text><text x="10" y="95">750</text><text x="25" y="133">0</text>
<text x="62" y="148">North</text><text x="132" y="148">South</text><text x="202" y="148">East</text>
<text x="270" y="148">West</text><text x="200" y="12">Teu handled</text></svg>"""


def test_the_labels_drawn_inside_a_chart_are_figure_text_not_body(tmp_path):
    page = (f"<h1>Harbour Dredging Plans</h1><p>{PROSE * 2}</p><p><b>Figure 1. Traffic by port</b></p>{CHART}"
            f"<p class='small'>Source: Harbour Board.</p><p>{PROSE * 2}</p>")
    document, texts = body_texts(tmp_path, make_pdf(page))
    assert len(texts) == 2 and all(text.startswith("Harbour authorities") for text in texts)
    reasons = {item["text"]: item["reason"] for item in document["dropped"]}
    assert any(reason == "figure text" and "North" in text for text, reason in reasons.items())
    assert reasons["Source: Harbour Board."] == "table note" and reasons["# Figure 1. Traffic by port"] == "caption"


def test_a_number_the_sentence_broke_before_is_no_list_item():
    from pipeline.intake.formats.pdf.blocks import Stats, build_blocks
    from pipeline.intake.formats.pdf.layout import Line

    def line(text: str, top: float) -> Line:
        return Line(text, 72, 300 if len(text) > 20 else 120, top, top + 10, 10, False, 0, -1)

    lines = [line("The law of that year (18 Stat.", 100), line("76) stated that medals be struck.", 112),
             line("The fees were set as follows:", 140), line("1) a fee for each request;", 152)]
    blocks = build_blocks(lines, Stats(10, 12, {}, set()))
    assert [block.kind for block in blocks] == ["paragraph", "paragraph", "item"]
    assert blocks[0].text == "The law of that year (18 Stat. 76) stated that medals be struck."


BOX_PROSE = ("Berth fees are charged per metre of hull and per day alongside, and the board sets them each spring "
             "after hearing the shipping lines. ")


def test_a_shaded_text_box_beside_the_running_text_goes_to_the_tables_as_one_cell(tmp_path):
    # (a frame drawn as four separate border strokes, as WeasyPrint draws one, is not read as a box)
    page = (f"<h1>Harbour Dredging Plans</h1><p>{PROSE * 2}</p>"
            f"<div style='background: #eef0f2; padding: 6pt'><p><b>How Berth Fees Work</b></p><p>{BOX_PROSE * 2}</p></div>"
            f"<p>{PROSE * 2}</p>")
    document, texts = body_texts(tmp_path, make_pdf(page))
    assert len(texts) == 2 and all(text.startswith("Harbour authorities") for text in texts)
    [box] = document["tables"]
    [[cell]] = box["rows"]
    assert cell.startswith("How Berth Fees Work Berth fees are charged per metre of hull") and cell.endswith("lines.")


def test_a_shaded_heading_band_or_a_framed_single_line_is_no_text_box(tmp_path):
    page = (f"<h1>Harbour Dredging Plans</h1><div style='background: #eef0f2'><h2>Dredging Costs</h2></div>"
            f"<p>{PROSE * 2}</p><p style='border: 1px solid #333'>Berth fees rose by a tenth in 2024.</p>")
    document, texts = body_texts(tmp_path, make_pdf(page))
    assert document["tables"] == []
    assert "Dredging Costs" in texts and "Berth fees rose by a tenth in 2024." in texts


def test_a_permalink_line_in_the_head_is_the_documents_url_and_leaves_the_body(tmp_path):
    page = (f"<p class='small'>Permalink: https://briefs.example.org/harbour/2026-04</p>"
            f"<h1>Harbour Dredging Plans</h1><p>{PROSE * 3}</p>"
            f"<p class='small'>Source: https://data.example.net/tonnage</p><p>{PROSE * 2}</p>")
    document, texts = body_texts(tmp_path, make_pdf(page))
    assert document["url"] == "https://briefs.example.org/harbour/2026-04"
    assert not any("Permalink" in text for text in texts)


def test_the_url_comes_from_the_info_when_it_names_one_and_never_from_a_source_line():
    from pipeline.intake.formats.pdf.layout import Line
    from pipeline.intake.formats.pdf.meta import own_url

    head = [Line("Source: https://data.example.net/tonnage", 72, 300, 60, 70, 9, False, 0, -1)]
    assert own_url({"Title": "Harbour Dredging Plans", "URL": b"https://briefs.example.org/h/7"}, [head]) \
        == "https://briefs.example.org/h/7"
    assert own_url({"Title": "Harbour Dredging Plans", "Subject": "https://example.org"}, [head]) is None


RULED = "border-collapse: collapse; border-top: 1px solid black; border-bottom: 1px solid black"
RULED_CELL = "padding: 2pt 18pt 2pt 0; border-bottom: 1px solid black"
FEE_NOTE = ("Vessels that call more than twelve times a year pay a reduced fee on each call after the twelfth, "
            "set by the board each spring after hearing the shipping lines and published with the year's tariff.")


def fee_table(year: int) -> str:
    """A ruled table of fees with a section label and a line of prose across its columns."""
    def row(*cells):
        return "<tr>" + "".join(f'<td style="{RULED_CELL}">{cell}</td>' for cell in cells) + "</tr>"

    def across(text):
        return f'<tr><td colspan="2" style="{RULED_CELL}">{text}</td></tr>'

    return (f'<table style="{RULED}; width: 100%">{across("<b>Berth Fees:</b>")}'
            f'{row("Coastal vessels", f"${300 + year % 7:,}")}{across(FEE_NOTE)}'
            f'{row("Ocean vessels", f"${1250 + year % 11:,}")}{row("Barges", "$95")}'
            f'{across("<b>Pilotage:</b>")}{row("Per call", "$410")}{row("Night surcharge", "$120")}</table>')


def test_a_ruled_table_with_a_line_of_prose_across_its_columns_is_one_table(tmp_path):
    page = (f"<h1>Harbour Dredging Plans</h1><p>{PROSE * 2}</p><p><b>Table 1. Harbour fees, 2024</b></p>"
            f"{fee_table(2024)}<p class='small'>Source: Harbour Board tariff.</p><p>{PROSE * 2}</p>")
    document, texts = body_texts(tmp_path, make_pdf(page))
    assert len(texts) == 2 and all(text.startswith("Harbour authorities") for text in texts)
    [table] = document["tables"]
    cells = [cell for row in table["rows"] for cell in row]
    assert "Coastal vessels" in cells and "Night surcharge" in cells and any(c.startswith("Vessels that call") for c in cells)
    assert table["caption"] == "Table 1. Harbour fees, 2024"


def test_on_pages_that_are_mostly_table_the_captions_and_source_lines_are_no_running_lines(tmp_path):
    caption = "Table {n}. Berth Fees, Pilotage, Surcharges for Night Calls and Reduced Fees for Frequent Callers, {year}"
    pages = "".join(
        # (each page's tables at another height: rules at one place on every page are furniture)
        f'<div style="page-break-before: always; padding-top: {9 * n}pt"><p><b>{caption.format(n=n, year=2020 + n)}</b></p>'
        f"{fee_table(2020 + n)}{fee_table(2030 + n)}{fee_table(2040 + n)}"
        f"<p class='small'>Source: Harbour Board tariff of {2020 + n}.</p></div>" for n in range(1, 6))
    style = "<style>@page { @top-center { content: 'Harbour Fees'; font-size: 8pt } " \
            "@bottom-center { content: counter(page); font-size: 8pt } }</style>"
    document, texts = body_texts(tmp_path, make_pdf(f"{style}<h1>Harbour Fees</h1><p>{PROSE * 3}</p>{pages}"))
    assert texts == [(PROSE * 3).strip()]
    assert sorted(table["caption"] for table in document["tables"] if table["caption"]) == \
        [caption.format(n=n, year=2020 + n) for n in range(1, 6)]
    dropped = {item["text"]: item["reason"] for item in document["dropped"]}
    assert all(dropped[f"Source: Harbour Board tariff of {2020 + n}."] == "table note" for n in range(1, 6))


def test_a_table_broken_across_pages_keeps_its_rows_out_of_the_body(tmp_path):
    # The table starts at the foot of page one: its top border is that page's last rule and its
    # bottom border the next page's first, so each page holds a stack with one rule of the table.
    rows = "".join(f'<tr><td style="padding: 2pt 18pt 2pt 0">{label}</td><td>{value}</td></tr>'
                   for label, value in [("<b>Berth Fees:</b>", "$2,700"), ("Coastal vessels", "$186,800"),
                                        ("Ocean vessels", "$167,700"), ("Barges", "$95,400")] * 6)
    rules = "border-top: 1px solid black; border-bottom: 1px solid black"
    table = f'<table style="border-collapse: collapse; {rules}; width: 100%">{rows}</table>'
    spacer = '<div style="height: 19cm"></div>'  # leaves room for three rows on page one
    page = f"<h1>Harbour Fees</h1><p>{PROSE * 2}</p>{spacer}{table}<p>{PROSE * 2}</p>"
    document, texts = body_texts(tmp_path, make_pdf(page))
    assert not any("$" in text or "Barges" in text or "Berth" in text for text in texts)
    first, second = ([tuple(row) for row in table["rows"]] for table in document["tables"])
    assert first == [("Berth Fees:", "$2,700"), ("Coastal vessels", "$186,800"), ("Ocean vessels", "$167,700")]
    assert len(second) == 21 and second[0] == ("Barges", "$95,400")


def test_a_broken_table_of_formulas_keeps_its_rows_out_of_the_body(tmp_path):
    # Rate bands: each second cell a formula of figures and words, with no rule or wide gap inside
    # it, so the table has two columns and no cell after the first is a figure alone.
    bands = [(f"over {low:,} t to {low + 1500:,} t", f"${low * 2:,} + {n}% of the tonnage over {low:,} t")
             for n, low in enumerate(range(500, 30500, 1500), start=1)]
    rows = "".join(f'<tr><td style="padding: 2pt 18pt 2pt 0">{band}</td><td>{rate}</td></tr>' for band, rate in bands)
    rules = "border-top: 1px solid black; border-bottom: 1px solid black"
    table = f'<table style="border-collapse: collapse; {rules}; width: 100%">{rows}</table>'
    spacer = '<div style="height: 19cm"></div>'
    page = f"<h1>Harbour Dues</h1><p>{PROSE * 2}</p>{spacer}{table}<p>{PROSE * 2}</p>"
    document, texts = body_texts(tmp_path, make_pdf(page))
    assert not any("tonnage" in text for text in texts)
    cells = [tuple(row) for table in document["tables"] for row in table["rows"]]
    assert cells == bands
