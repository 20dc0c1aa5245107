"""parse_reference on one reference string per fixture file (tests/fixtures/references/parse/*.json).

Each fixture is {"raw": ..., "expect": {field: value}}; every expected field must match exactly, and
fields not listed are not checked. Adding a case means adding a file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.references.parse.authors.names import parse_names
from pipeline.references.parse.reference import parse_reference, strip_list_marker
from pipeline.references.parse.shapes.clippings import parse_clipping
from pipeline.references.parse.shapes.runon import parse_run_on

CASES = sorted((Path(__file__).parent / "fixtures" / "references" / "parse").glob("*.json"))


@pytest.mark.parametrize("case_file", CASES, ids=[case.stem for case in CASES])
def test_reference_parses_to_expected_fields(case_file: Path) -> None:
    case = json.loads(case_file.read_text(encoding="utf-8"))
    item = parse_reference(case["raw"])
    assert item["raw"] == case["raw"]
    for field, expected in case["expect"].items():
        assert item.get(field) == expected, f"{field}: {item.get(field)!r} != {expected!r}"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        " ",
        "....",
        "“",
        "(",
        "http://",
        "[1]",
        "Ibid.",
        "“unclosed title",
        "a" * 5000,
        "\x00\ufffd",
        "2024. 2024. 2024.",
        "Smith, J., & ",
        None,
        42,
    ],
)
def test_parse_reference_never_raises_and_returns_csl(raw) -> None:
    item = parse_reference(raw)
    assert isinstance(item, dict)
    assert isinstance(item["type"], str)
    assert "id" not in item


def test_access_date_is_not_taken_for_the_publication_year() -> None:
    item = parse_reference(
        "Varga, T. The Central European Film Market. Available at: "
        "http://www.example.hu/wp_07_13.pdf [accessed 18 March 2017]"
    )
    assert "issued" not in item
    assert item["accessed"] == {"date-parts": [[2017, 3, 18]]}


def test_organisation_with_of_is_one_literal_author() -> None:
    item = parse_reference(
        "U.S. Department of Labor. (n.d.). The harbor workforce projection "
        "model 2019. Washington, DC. Retrieved from http://www.dol.gov/harbordata/"
    )
    assert item["author"] == [{"literal": "U.S. Department of Labor"}]
    assert item["title"] == "The harbor workforce projection model 2019"


@pytest.mark.parametrize(
    "raw",
    [
        "Okafor, N. (2011). Tide tables for small harbours, 12/05/2010 edition. Coastal Press.",
        "Harbour Board minutes 12/05/2010",  # one word after the date is no headline
    ],
)
def test_numeric_date_in_an_ordinary_reference_is_no_clipping_line(raw: str) -> None:
    assert parse_clipping(raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        # the organisation's name goes on past its head word with no country: where it ends is unknown
        "Tidewater Council of Social Services Coastal Access Review Submission Senate Committee 2 May 2011",
        # a person, not an organisation, leads the row
        "Mara Lindqvist Coastal Access Review Submission Senate Committee 2 May 2011",
        # punctuation separates the elements: the ordinary parser reads it
        "Harbour Council of Canada. Coastal Access Review. Submission to the Senate Committee. 2 May 2011",
        # no word says what kind of document it is
        "Harbour Council of Canada Coastal Access Review Senate Committee on Fisheries 2 May 2011",
    ],
)
def test_run_on_reader_declines_rows_it_cannot_split_with_confidence(raw: str) -> None:
    assert parse_run_on(raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        "Okafor, N. (2010). A history of harbours. Ebook. Coastal Press.",
        "Okafor, N. (2010). A history of harbours. PDF. Coastal Press.",
        "Okafor, N. (2010). A history of harbours [print]. Coastal Press.",
    ],
)
def test_a_medium_designator_names_no_container_and_leaves_the_title(raw: str) -> None:
    item = parse_reference(raw)
    assert item["title"] == "A history of harbours"
    assert "container-title" not in item
    assert item["publisher"] == "Coastal Press"


@pytest.mark.parametrize(
    ("raw", "rest"),
    [
        ("[12] Okafor, N. Tide tables.", "Okafor, N. Tide tables."),
        ("(12) Okafor, N. Tide tables.", "Okafor, N. Tide tables."),
        ("12. Okafor, N. Tide tables.", "Okafor, N. Tide tables."),
        ("12) Okafor, N. Tide tables.", "Okafor, N. Tide tables."),
        ("12 Okafor, N. Tide tables.", "Okafor, N. Tide tables."),
        ("• Okafor, N. Tide tables.", "Okafor, N. Tide tables."),
        # a number that opens the reference itself stays
        ("12.5 million tonnes a year. Harbour Board.", "12.5 million tonnes a year. Harbour Board."),
        ("3 ways to read a tide table. Coastal Press.", "3 ways to read a tide table. Coastal Press."),
    ],
)
def test_strip_list_marker_takes_only_the_lists_number_or_bullet(raw: str, rest: str) -> None:
    assert strip_list_marker(raw) == rest


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Jane Roe (D-CA)", [{"family": "Roe", "given": "Jane"}]),  # a party and state tag
        ("Marie Okafor (1901-1978)", [{"family": "Okafor", "given": "Marie"}]),  # life dates
        ("Representative Dana Whitlock (OR)", [{"family": "Whitlock", "given": "Representative Dana"}]),
        ("Harbor Commissioner (Okafor)", [{"family": "Okafor"}]),  # an office and who held it
    ],
)
def test_a_bracketed_note_after_a_name_is_no_family_name_but_a_bracketed_name_is(zone: str, expected: list[dict]) -> None:
    assert parse_names(zone) == expected
