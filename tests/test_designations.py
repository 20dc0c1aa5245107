"""Government and legal designations (pipeline.text.designations) and the year finders' rule that the
number in a designation, or after "No." / "vol.", is never a year."""

from __future__ import annotations

import pytest

from pipeline.bibliography.rawmatch import edition_year
from pipeline.text.dates import find_date, find_years, first_date
from pipeline.text.designations import compact_number, leading_designation


@pytest.mark.parametrize(
    "text",
    [
        "S. 2093, Fair Access to Banking Act",
        "H.R. 2012",
        "see H.R. 2011 and the amendments to it",
        "P.L. 117-58",
        "Working Paper No. 2019-05",
        "Report No. 2018",
        "Journal of Harbours, vol. 2014, article 5",
        "42 U.S.C. §1983",
        "5 U.S.C. 2000",
        "129 Stat. 2001",
        "Executive Order 14110",
    ],
)
def test_a_designated_number_is_not_a_year(text: str) -> None:
    assert find_date(text) is None
    assert find_years(text) == []
    assert first_date(text) is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Smith, S. 2010. Tides of the north", 2010),  # "S." is an initial after a family name
        ("Okafor, H.R. 2015. Quay walls", 2015),
        ("Ann. Stat. 2019;47:1-20", 2019),  # a journal's "Stat." with no volume before it
        ("Environ Res. 2019;172:1-9", 2019),  # a journal's "Res.", not a resolution's
        ("Journal of Harbours, vol. 2014, article 5, 2014", 2014),
        ("S. 2093, Fair Access to Banking Act, introduced June 18, 2025", 2025),
    ],
)
def test_a_real_year_beside_a_designation_is_still_found(text: str, year: int) -> None:
    assert first_date(text)[0] == year


def test_raw_matcher_reads_no_edition_year_from_a_bill_number() -> None:
    assert edition_year("S. 2093, Fair Access to Banking Act") is None
    assert edition_year("S. 2093, Fair Access to Banking Act, 2025") == 2025


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("S. 2093, Fair Access to Banking Act", "bill"),
        ("H.R. 2012", "bill"),
        ("H.Res. 5", "resolution"),
        ("S.Con.Res. 33", "resolution"),
        ("H.J.Res. 7", "resolution"),
        ("P.L. 114-17, 129 Stat. 201", "public_law"),
        ("Pub. L. No. 117-58", "public_law"),
        ("129 Stat. 201", "statute"),
        ("42 U.S.C. §1983", "us_code"),
        ("5 U.S.C. 552", "us_code"),
        ("40 C.F.R. §60.5", "cfr"),
        ("89 Fed. Reg. 12345", "federal_register"),
        ("171 Cong. Rec. S345", "congressional_record"),
        ("Executive Order 14110", "executive_order"),
        ("H.Rept. 118-12", "committee_report"),
        ("CRS Report RL39112, Congressional Review of Harbor Agencies", "crs"),
        ("CRS In Focus IF11872", "crs"),
    ],
)
def test_leading_designation_names_its_kind(text: str, kind: str) -> None:
    found = leading_designation(text)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize("text", ["Smith, S. 2010.", "S. Smith, Tides", "Stat. methods", "US Congress"])
def test_ordinary_references_lead_with_no_designation(text: str) -> None:
    assert leading_designation(text) is None


def test_compact_number_ignores_spacing_and_dots() -> None:
    assert compact_number("H.R. 2012") == compact_number("H.R.2012") == "hr2012"
    assert compact_number("P.L. 114–17") == "pl114-17"


def test_a_part_of_a_document_a_sentence_points_to_is_named_by_its_number() -> None:
    from pipeline.text.designations import number_in_designation

    text = "Table 1 compares the tariffs, and Figure 12 shows 40 ports."
    assert number_in_designation(text, text.index("1 compares")) and number_in_designation(text, text.index("12"))
    assert not number_in_designation(text, text.index("40"))


def test_a_provision_in_lower_case_or_by_its_sign_is_named_by_its_number() -> None:
    from pipeline.text.designations import number_in_designation

    for text in ("In these cases, section 521 preempts state claims.", "The Act's § 416 governs transport."):
        start = next(i for i, char in enumerate(text) if char.isdigit())
        assert number_in_designation(text, start), text
    text = "A box 30 inches wide held 40 ports."
    assert not number_in_designation(text, text.index("30"))  # a box is a box in lower case


def test_a_document_of_a_series_and_an_order_by_its_short_name_are_named_by_their_numbers() -> None:
    from pipeline.text.designations import number_in_designation

    for text in ("HBRD 2100.4 defines harbour limits.", "Under Executive Order (E.O.) 15012, the board acted."):
        start = next(i for i, char in enumerate(text) if char.isdigit())
        assert number_in_designation(text, start), text
    text = "The US 3,000 troops left."
    assert not number_in_designation(text, text.index("3,000"))  # a country before a count
