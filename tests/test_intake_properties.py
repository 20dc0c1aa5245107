"""Property-based tests of intake: arbitrary text and malformed documents never crash the cleaner or
the Markdown reader (a bad seed is a PipelineError, never another exception), and cleaning a
cleaned text changes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core.errors import PipelineError
from pipeline.intake.clean import clean_text
from pipeline.intake.formats.markdown import extract_markdown

# Pandoc runs once per Markdown example: keep the count modest so the suite stays fast.
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

MARKDOWN_PIECES = st.sampled_from([
    "---", "***", "| a | b", "|---|---|", "| 1. | note", "# ", "## Heading", "- item", "1. item", "> quote",
    "[link](http://example.org)", "[^1]", "[^1]: a note", "**bold**", "_em_", "<div>", "</div>", "<sup>3</sup>",
    "```", "    indented", "title: x", "key: [unclosed", "&amp;", "\\", "Updated March 2, 2026",
    "**Author(s):** Doe, Jane", "| **Authors:** | Roe, Ann", "Disclaimer:", "Table 1. Figures",
])
PROSE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
MARKDOWN = st.lists(st.one_of(MARKDOWN_PIECES, PROSE), max_size=25).map("\n".join)
SENTENCE = st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,9}){5,14}\.", fullmatch=True)


def clean_or_refuse(text: str, fmt: str) -> dict | None:
    try:
        return clean_text(text, fmt, "seed")
    except PipelineError:
        return None  # the one-line error: the expected way to refuse a seed


@PROPERTY_SETTINGS
@given(MARKDOWN)
def test_the_markdown_reader_reads_anything(markdown: str):
    extracted = extract_markdown(markdown)
    assert isinstance(extracted.text, str)
    assert all(1 <= line <= len(extracted.text.split("\n")) for line in extracted.dropped_lines)


@PROPERTY_SETTINGS
@given(MARKDOWN)
def test_cleaning_markdown_never_crashes(markdown: str):
    document = clean_or_refuse(markdown, "markdown")
    if document is not None:
        assert all(paragraph["text"].strip() for paragraph in document["paragraphs"])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=2000))
def test_cleaning_plain_text_never_crashes(text: str):
    clean_or_refuse(text, "text")


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.lists(SENTENCE, min_size=2, max_size=6).map(" ".join), st.integers(min_value=1, max_value=4))
def test_cleaning_a_cleaned_text_changes_nothing(paragraph: str, copies: int):
    text = "\n\n".join([paragraph] * copies)
    once = clean_or_refuse(text, "text")
    if once is None:
        return
    body = "\n\n".join(item["text"] for item in once["paragraphs"])
    twice = clean_text(body, "text", "seed")
    assert [item["text"] for item in twice["paragraphs"]] == [item["text"] for item in once["paragraphs"]]


def test_pandoc_running_out_of_time_is_the_seeds_one_line_error(monkeypatch):
    from pipeline.intake.formats import markdown

    monkeypatch.setattr(markdown, "PANDOC_TIMEOUT", 0.0001)  # real pandoc, given no time at all
    try:
        clean_text("# A title\n\nSome text of the report that pandoc will not get to read.", "markdown", "seeds/r.md")
    except PipelineError as error:
        assert error.one_line().startswith("error: seeds/r.md: pandoc took over")
    else:
        raise AssertionError("a seed pandoc could not read did not stop with its one-line error")


def small_pdf() -> bytes:
    import weasyprint

    html = ("<html lang='en'><body><h1>Ports in Transition</h1><p>Container volumes rose sharply in the third"
            " quarter as shipping lines moved their schedules.</p><ul><li>One item.</li></ul></body></html>")
    return weasyprint.HTML(string=html).write_pdf()


PDF_BYTES = small_pdf()


def read_pdf_or_refuse(data: bytes) -> None:
    from pipeline.intake.formats.pdf import extract_pdf

    try:
        extracted = extract_pdf(data, "seeds/report.pdf")
    except PipelineError as error:
        assert error.one_line().startswith("error: seeds/report.pdf: ")
        return
    assert isinstance(extracted.text, str)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(min_value=0, max_value=len(PDF_BYTES) - 1), st.binary(min_size=1, max_size=64))
def test_a_damaged_pdf_is_read_or_refused_in_one_line(offset: int, garbage: bytes):
    read_pdf_or_refuse(PDF_BYTES[:offset] + garbage + PDF_BYTES[offset + len(garbage):])


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.integers(min_value=0, max_value=len(PDF_BYTES)))
def test_a_truncated_pdf_is_read_or_refused_in_one_line(length: int):
    read_pdf_or_refuse(PDF_BYTES[:length])


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.binary(max_size=2000))
def test_any_bytes_named_pdf_are_read_or_refused_in_one_line(data: bytes):
    read_pdf_or_refuse(b"%PDF-1.7\n" + data)
