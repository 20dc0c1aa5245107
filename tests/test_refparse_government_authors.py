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


def test_an_organisation_ending_in_an_institution_noun_is_not_split_into_people() -> None:
    census = parse_reference("U.S. Harbour Bureau. (2012). Quay counts 2011 [Data file]. https://example.org/q")
    assert _literals(census) == ["U.S. Harbour Bureau"]
    assert census["title"] == "Quay counts 2011"
    paired = parse_reference("U.S. Ports and Harbours commission. (2017). Annual report: Fiscal year 2017.")
    assert _literals(paired) == ["U.S. Ports and Harbours commission"]
    family = parse_reference("The Ada J. Lowe Family Foundation. 2019. Ferry Access. Available at: "
                             "https://example.org/ferry [Accessed 2 May 2019].")
    assert _literals(family) == ["The Ada J. Lowe Family Foundation"]
    assert family["title"] == "Ferry Access"


def test_people_joined_by_and_stay_people() -> None:
    item = parse_reference("Lowe, A. and Marsh, B. (2017). Annual tides. Harbour Press.")
    assert [name["family"] for name in item["author"]] == ["Lowe", "Marsh"]


def test_a_body_and_its_offices_one_sentence_each_are_the_author() -> None:
    item = parse_reference("Department of Harbours and Ports. Office of Coastal Pilotage. Tide Tables for "
                           "Pilots. Harbour Printing Office, 2019.")
    assert [name.get("literal") for name in item["author"]] == [
        "Department of Harbours and Ports. Office of Coastal Pilotage"]
    assert item["title"] == "Tide Tables for Pilots"
    house = parse_reference("U.S. House. Committee on Inland Waterways. Dredging the Upper River, Part 2. "
                            "(HRG-1984-IWC-0031; Date: June 1984).")
    assert house["title"] == "Dredging the Upper River, Part 2"


def test_a_body_alone_in_its_sentence_still_leaves_the_title_after_it() -> None:
    item = parse_reference("Department of Harbours and Ports. Pilotage in Winter. Harbour Press, 2018.")
    assert item["title"] == "Pilotage in Winter"


def test_an_office_sentence_after_a_comma_hierarchy_closes_the_author() -> None:
    item = parse_reference("United States, Department of Harbours, Centers for Tide Research. “Reading a Tide "
                           "Gauge.” Tide Notes, 5 May 2016, www.example.gov/tides/gauge.html.")
    assert item["title"] == "Reading a Tide Gauge"
    assert item["container-title"] == "Tide Notes"


def test_offices_named_in_the_plural_or_as_a_region_stay_in_the_comma_hierarchy() -> None:
    item = parse_reference("U.S. Department of Harbours, Centers for Tide Research, Southern Region, Gauges on "
                           "the Lower Coast (Mobile, AL, 2011), 14, http://www.example.gov/gauges.pdf.")
    assert _literals(item) == ["U.S. Department of Harbours, Centers for Tide Research, Southern Region"]
    assert item["title"] == "Gauges on the Lower Coast"


def test_an_assembly_and_its_committee_are_the_author() -> None:
    item = parse_reference("Harbour State Assembly, Joint Committee on Ports. 2019. 2019 Report on dredging "
                           "permits and fees. Port City.")
    assert _literals(item) == ["Harbour State Assembly, Joint Committee on Ports"]
    assert item["title"] == "2019 Report on dredging permits and fees"
    named_first = parse_reference("Harbour State Assembly, Harbour Commission on Port Fees. 2019. Fees and "
                                  "dredging permits in 2018. Port City.")
    assert _literals(named_first) == ["Harbour State Assembly, Harbour Commission on Port Fees"]
    assert named_first["title"] == "Fees and dredging permits in 2018"



def test_a_bills_closing_parenthetical_year_is_its_date_its_number_never_one() -> None:
    for written, year in (("A.B. 12, 2021–2022 Leg., Reg. Sess. (Cal. 2022).", 2022),
                          ("Harbour Fees. A.B. 123, 2021-22 Harbour State Assembly Session. (2021).", 2021)):
        item = parse_reference(written)
        assert item["type"] == "bill" and item["issued"] == {"date-parts": [[year]]}
    undated = parse_reference("S. 2093, 118th Cong.")
    assert "issued" not in undated


def test_a_body_named_for_fields_without_the_serial_comma_is_one_author() -> None:
    item = parse_reference("Ministry of Agriculture, Fisheries and Food. 1998. Harbour Fish Landings. London: HMSO.")
    assert _literals(item) == ["Ministry of Agriculture, Fisheries and Food"]
    assert item["title"] == "Harbour Fish Landings"
    dg = parse_reference("Directorate-General for Maritime Affairs, Fisheries and Ports (European Commission). "
                         "“Harbour Framework for Action.” May 27, 2019.")
    assert _literals(dg) == ["Directorate-General for Maritime Affairs, Fisheries and Ports (European Commission)"]
    assert dg["title"] == "Harbour Framework for Action"


def test_a_committee_then_the_act_its_report_is_on_before_the_congress() -> None:
    item = parse_reference("Select Committee on Harbour Safety, Harbour Safety Act of 2004, 108th Cong., 2nd sess., "
                           "2004, HR Rep. 108-12, pt. 1, 11-12.")
    assert _literals(item) == ["Select Committee on Harbour Safety"]
    assert item["title"] == "Harbour Safety Act of 2004"


def test_a_committee_of_many_words_still_closes_the_chain() -> None:
    item = parse_reference("United States. Cong. Select Committee on the Dredging of the Harbours of the Eastern "
                           "Seaboard. Memorial of the Harbour Merchants, Asking for Deeper Channels. 42nd Cong., "
                           "3rd Session. Washington: GPO, 1873.")
    assert _literals(item) == ["United States. Cong. Select Committee on the Dredging of the Harbours of the "
                               "Eastern Seaboard"]
    assert item["title"] == "Memorial of the Harbour Merchants, Asking for Deeper Channels"


def test_a_short_name_then_the_name_it_abbreviates_is_one_author() -> None:
    item = parse_reference("HPA, Harbour Pilots’ Association, (2020). Wearing life vests on quays: Approach of "
                           "different ports; accessed 22.06.2020, https://example.org/vests.pdf.")
    assert _literals(item) == ["HPA, Harbour Pilots’ Association"]
    assert item["title"] == "Wearing life vests on quays: Approach of different ports"
    titled = parse_reference("HPA, Harbour Pilots Annual Review, 2019.")
    assert _literals(titled) == ["HPA"]  # a title that happens to open with the same letters
    assert titled["title"] == "Harbour Pilots Annual Review"


def test_short_names_joined_by_and_are_several_bodies() -> None:
    item = parse_reference("FAO, IFAD, & WFP. (2015). The state of harbours in the world 2015. FAO.")
    assert _literals(item) == ["FAO", "IFAD", "WFP"]
    agency = parse_reference('NOAA, NMFS, "Harbour Rules," 79 Federal Register 755.')
    assert _literals(agency) == ["NOAA, NMFS"]  # an agency and its office, one author


def test_an_agency_with_its_short_name_in_brackets_then_a_numbered_report() -> None:
    item = parse_reference("U.S. Harbour Accountability Office (HAO), Harbor Dredging: Costs Should Be Estimated "
                           "Better, HAO-21-123, May 2021, p. 14.")
    assert _literals(item) == ["U.S. Harbour Accountability Office (HAO)"]
    assert item["title"] == "Harbor Dredging: Costs Should Be Estimated Better"
    assert (item["number"], item["type"], item["issued"]) == ("HAO-21-123", "report", {"date-parts": [[2021, 5]]})


def test_a_company_by_its_legal_form_is_one_author() -> None:
    item = parse_reference("Harbour Co., Annual Report for 2023, p. 12.")
    assert _literals(item) == ["Harbour Co."]
    inc = parse_reference("Live Harbour, Inc., Annual Report, March 2024.")
    assert _literals(inc) == ["Live Harbour, Inc."]
