"""Government authors written as a chain of sentences, MLA's country then its bodies (invented strings)."""

from __future__ import annotations

from pipeline.references.parse.reference import parse_reference


def _literals(item: dict) -> list[str]:
    return [name.get("literal", "") for name in item.get("author", [])]


def test_a_country_and_its_agency_are_the_author_not_the_title() -> None:
    item = parse_reference('United States. Bureau of Harbour Statistics. "Tonnage, May 1990," Harbour Review '
                           "(May 1990). https://example.org/tonnage, accessed on March 3, 2024.")
    assert _literals(item) == ["United States. Bureau of Harbour Statistics"]
    assert item["title"] == "Tonnage, May 1990"
    assert item["container-title"] == "Harbour Review"


def test_a_chamber_and_its_committee_close_the_chain() -> None:
    item = parse_reference("United States. Cong. Senate. Committee on Harbour Works. Dredging Reform Act of 1999. "
                           "106th Cong. 1st sess. S. Rept. 42. Washington: GPO, 1999.")
    assert _literals(item) == ["United States. Cong. Senate. Committee on Harbour Works"]
    assert item["title"] == "Dredging Reform Act of 1999"
    assert item["publisher"] == "GPO"


def test_a_department_abbreviated_and_a_byline_after_the_title() -> None:
    item = parse_reference("United States. Dept. of Transport. Office of Harbour Safety. Quay Lighting and "
                           "Night Accidents. By Ann Lee and Ben Marsh. May 2005. Web. 15 Aug. 2009.")
    assert item["title"] == "Quay Lighting and Night Accidents"
    assert [name["family"] for name in item["author"]] == ["Lee", "Marsh"]
    assert item["publisher"] == "United States. Dept. of Transport. Office of Harbour Safety"


def test_a_person_whose_title_names_an_office_is_no_chain() -> None:
    item = parse_reference("Lowe, Ada. Office Hours at the Harbour. Harbour Press, 2004.")
    assert item["author"] == [{"family": "Lowe", "given": "Ada"}]
    assert item["title"] == "Office Hours at the Harbour"
