"""PDF seeds: small PDFs made here with WeasyPrint are read into headings, paragraphs, list items,
notes and tables, with running heads, page numbers and column order dealt with; bad PDFs get the
one-line error."""

from __future__ import annotations

import base64
import io
import json
import zlib
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from pipeline.core.errors import PipelineError
from pipeline.intake.clean import clean_seed
from pipeline.intake.formats.decode import read_seed
from pipeline.intake.formats.pdf import extract_pdf
from pipeline.intake.formats.pdf.blocks import join_lines
from pipeline.intake.formats.pdf.meta import info_authors
from pipeline.intake.notes import cites_a_work

STYLE = """
@page { size: A5; margin: 2cm 1.6cm;
  @top-center { content: "Quarterly Shipping Review"; font-size: 8pt; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; } }
body { font-family: DejaVu Serif; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 16pt; } h2 { font-size: 12.5pt; }
p { margin: 0 0 0.6em 0; }
.cols { column-count: 2; column-gap: 1cm; }
.narrow { width: 4.2cm; hyphens: auto; }
.note { float: footnote; font-size: 7.5pt; }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 6pt; }
::footnote-marker { content: counter(footnote) ". "; }
table { border-collapse: collapse; } td, th { border: 1px solid black; padding: 2pt 6pt; }
"""
NORTH = "The northern ports saw the largest gains as new cranes entered service. " + "Northern berths stayed busy. " * 10
SOUTH = "The southern ports lagged as labour disputes slowed the handling of vessels. " + "Southern berths waited. " * 10
REPORT = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ports in Transition</title>
<meta name="author" content="Jane Roe"><style>{STYLE}</style></head><body>
<h1>Ports in Transition</h1>
<p>Shipping lines reorganised their networks during the year. Terminal operators reported record volumes.<span
class="note">See Harbour Board, “Annual Throughput Statistics,” 2023, https://example.org/stats.</span> Analysts
expect the trend to continue into the next season.</p>
<h2>Main findings</h2>
<ul><li>Container traffic rose by a tenth.</li><li>Bulk cargo held steady across the quarter.</li></ul>
<p class="narrow">The international consortium negotiated extraordinarily comprehensive agreements with stakeholders.</p>
<table><tr><th>Port</th><th>Teu</th></tr><tr><td>Northport</td><td>1,200</td></tr><tr><td>Southport</td><td>950</td></tr></table>
<p>After the table the text goes on about the quarter's results.</p>
<h2 style="break-before: page">Regional view</h2>
<div class="cols"><p>Leftstart. {NORTH}</p><p>Rightstart. {SOUTH}</p></div>
<p>After the columns, a closing paragraph sums up the year.</p>
</body></html>"""
SETTINGS = {"seeds": {"on_bad_seed": "fail", "max_bytes": 5_000_000}, "cleaning": {"extra_debris": []}}


def make_pdf(html: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf()


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return make_pdf(REPORT)


@pytest.fixture(scope="module")
def report(report_pdf):
    return extract_pdf(report_pdf, "seeds/ports.pdf")


def text_lines(extracted) -> list[str]:
    return [line for line in extracted.text.split("\n") if line]


def test_headings_come_out_as_headings(report):
    lines = text_lines(report)
    assert "# Ports in Transition" in lines
    assert "# Main findings" in lines and "# Regional view" in lines
    assert not any(line.startswith("# ") and "Shipping lines" in line for line in lines)


def test_running_header_footer_and_page_numbers_are_gone(report):
    assert "Quarterly Shipping Review" not in report.text
    assert "Page 1" not in report.text and "of 2" not in report.text


def test_a_word_hyphenated_across_lines_is_whole(report):
    assert "The international consortium negotiated extraordinarily comprehensive agreements" in report.text
    assert "\u2010" not in report.text


def test_two_columns_are_read_column_by_column(report):
    text = report.text
    assert text.index("Regional view") < text.index("Leftstart.") < text.index("Rightstart.")
    assert text.index("Rightstart.") < text.index("After the columns")
    left = next(line for line in text_lines(report) if line.startswith("Leftstart."))
    assert "southern" not in left and left.endswith("Northern berths stayed busy.")


def test_paragraphs_are_whole_lines(report):
    assert ("Shipping lines reorganised their networks during the year. Terminal operators reported record "
            "volumes.[1] Analysts expect the trend to continue into the next season.") in text_lines(report)


def test_the_footnote_is_a_note_and_its_marker_stays_in_the_text(report):
    assert report.notes == [{"number": 1, "urls": ["https://example.org/stats"],
                             "text": "See Harbour Board, “Annual Throughput Statistics,” 2023, https://example.org/stats."}]
    assert "volumes.[1]" in report.text and "Harbour Board" not in report.text


def test_list_items_are_bullet_lines(report):
    lines = text_lines(report)
    assert "• Container traffic rose by a tenth." in lines
    assert "• Bulk cargo held steady across the quarter." in lines


def test_a_ruled_table_is_kept_as_rows_out_of_the_body(report):
    assert len(report.tables) == 1
    table = report.tables[0]
    assert table["rows"] == [["Port", "Teu"], ["Northport", "1,200"], ["Southport", "950"]]
    lines = report.text.split("\n")
    assert lines[table["after_line"] - 1].startswith("The international consortium")  # a 1-based line number
    assert "Northport" not in report.text


def test_document_info_gives_title_and_author(report):
    assert report.metadata["title"] == "Ports in Transition"
    assert report.metadata["authors"] == ["Jane Roe"]


@pytest.mark.parametrize("field, names", [
    ("Jane Roe", ["Jane Roe"]),
    ("Roe, Jane", ["Roe, Jane"]),
    ("Jane Roe, John Doe, Ann Poe", ["Jane Roe", "John Doe", "Ann Poe"]),
    ("Jane Roe; John Doe", ["Jane Roe", "John Doe"]),
    ("Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
    ("", []),
])
def test_the_info_author_field_is_split_into_names(field, names):
    assert info_authors(field) == names


def test_without_document_info_the_largest_line_on_page_one_is_the_title():
    html = REPORT.replace("<title>Ports in Transition</title>", "").replace('<meta name="author" content="Jane Roe">', "")
    assert extract_pdf(make_pdf(html), "seeds/ports.pdf").metadata.get("title") == "Ports in Transition"


@pytest.mark.parametrize("previous, current, joined", [
    ("the inter-", "national order", "the international order"),
    ("a well-", "Known case", "a well-Known case"),
    ("trade with U.S.-", "China ties", "trade with U.S.-China ties"),
    ("a long", "line", "a long line"),
])
def test_line_end_hyphens(previous, current, joined):
    assert join_lines(previous, current, set()) == joined


def test_a_hyphen_the_text_spells_elsewhere_is_kept():
    assert join_lines("a well-", "known case", {"well-known"}) == "a well-known case"


def test_clean_seed_on_a_pdf_gives_a_valid_document_with_notes_as_references(tmp_path, report_pdf):
    path = tmp_path / "ports.pdf"
    path.write_bytes(report_pdf)
    document = clean_seed(str(path), "ports", SETTINGS, {})
    schema = json.loads(resources.files("pipeline.schemas").joinpath("clean.schema.json").read_text("utf-8"))
    Draft202012Validator(schema).validate(document)
    assert document["format"] == "pdf" and document["title"] == "Ports in Transition"
    assert document["notes"][0]["number"] == 1 and document["notes"][0]["cites"] is True
    assert {"number": 1, "raw": document["notes"][0]["text"]} in document["references"]
    marked = [s for p in document["paragraphs"] for s in p["sentences"] if s["markers"]]
    assert [s["markers"] for s in marked] == [[1]] and "Terminal operators" in marked[0]["text"]
    table = document["tables"][0]
    assert document["paragraphs"][table["after_paragraph"]]["text"].startswith("The international consortium")


@pytest.mark.parametrize("note, cites", [
    ("See https://example.org/report.", True),
    ("Harbour Board, “Annual Throughput Statistics,” 2023.", True),
    ("Ministry of Defence, Strategic Defence Review, 2021.", True),
    ("The figures exclude transshipment.", False),
    ("In 2023 the figures were revised twice.", False),
])
def test_a_note_cites_a_work_when_it_names_a_source(note, cites):
    assert cites_a_work(note) is cites


def encrypted_pdf(data: bytes) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_pixels(width: int = 40, height: int = 40) -> bytes:
    """A grey PNG, built by hand: an image with no text in it."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (len(body).to_bytes(4, "big") + kind + body
                + zlib.crc32(kind + body).to_bytes(4, "big"))
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def image_only_pdf() -> bytes:
    source = "data:image/png;base64," + base64.b64encode(png_pixels()).decode("ascii")
    return make_pdf(f'<html><body><img src="{source}" style="width: 10cm"></body></html>')


@pytest.mark.parametrize("kind, problem", [
    ("encrypted", "encrypted PDF"),
    ("image-only", "run OCR first, e.g. ocrmypdf"),
    ("truncated", "not a readable PDF"),
])
def test_a_bad_pdf_gets_a_one_line_error(tmp_path, report_pdf, kind, problem):
    data = {"encrypted": lambda: encrypted_pdf(report_pdf), "image-only": image_only_pdf,
            "truncated": lambda: report_pdf[: len(report_pdf) // 2]}[kind]()
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(data)
    with pytest.raises(PipelineError) as caught:
        clean_seed(str(path), kind, SETTINGS, {})
    line = caught.value.one_line()
    assert problem in line and str(path) in line and "\n" not in line and " — " in line


def test_a_bad_pdf_is_skipped_when_the_config_says_skip(tmp_path, report_pdf):
    path = tmp_path / "truncated.pdf"
    path.write_bytes(report_pdf[:2000])
    document = clean_seed(str(path), "truncated", {**SETTINGS, "seeds": {**SETTINGS["seeds"], "on_bad_seed": "skip"}}, {})
    assert document["status"] == "skipped" and "not a readable PDF" in document["error"]


def test_a_pdf_seed_is_read_as_bytes_within_the_size_limit(tmp_path, report_pdf):
    path = tmp_path / "ports.pdf"
    path.write_bytes(report_pdf)
    seed = read_seed(str(path), 5_000_000)
    assert seed.format == "pdf" and seed.data == report_pdf and seed.encoding is None
    with pytest.raises(PipelineError, match="over the limit"):
        read_seed(str(path), 1000)


def test_a_foot_that_changes_its_words_but_counts_the_pages_is_a_page_number():
    from pipeline.intake.formats.pdf.furniture import drop_furniture
    from pipeline.intake.formats.pdf.layout import Line

    def line(text: str, top: float, page: int) -> Line:
        return Line(text, 72, 400, top, top + 10, 10, False, page, -1)

    feet = ["Harbour Board Research 1", "HBR-2", "HBR-3", "HBR-4", "HBR-5"]
    ports = ["Northport", "Southport", "Eastport", "Westport", "Midport"]
    pages = [[line(f"{port} dredged its channel and opened new berths in 2024.", 100, index),
              line(f"Berths opened at {port}: 3", 120, index), line(foot, 780, index)]
             for index, (port, foot) in enumerate(zip(ports, feet, strict=True))]
    kept = drop_furniture(pages)
    assert [[item.text for item in lines] for lines in kept] == [[item.text for item in lines[:2]] for lines in pages]
    pages[0][-1] = line("Harbour Board Research 7", 780, 0)  # a number that is not the page's stays
    assert drop_furniture(pages)[0][-1].text == "Harbour Board Research 7"
