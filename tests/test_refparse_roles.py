"""Publisher or container after the title: the organisation and site lexicons and the styles' positions
(invented strings of the shapes web reference lists write)."""

from __future__ import annotations

from pipeline.references.parse.reference import parse_reference
from pipeline.references.parse.roles import is_organisation, is_site, without_trailing_date


def test_the_lexicons_tell_an_organisation_from_a_serial() -> None:
    assert is_organisation("Harbour Policy Institute")
    assert is_organisation("Coastal Research Center")
    assert not is_organisation("Journal of the Coastal Research Association")  # the serial word comes first
    assert is_site("Tidewater Times") and is_site("harbourwatch.org")
    assert not is_site("Harbour Policy Institute")


def test_a_bare_month_after_the_publisher_is_a_date() -> None:
    assert without_trailing_date("Harbour Research Center, August") == "Harbour Research Center"
    assert without_trailing_date("March") == "March"
    item = parse_reference("Lowe, Ada, 2018. “Ferry fares since 2010.” Portsmouth: Harbour Research Center, June.")
    assert item["publisher"] == "Harbour Research Center"


def test_a_serial_then_its_issuing_body_then_the_place() -> None:
    item = parse_reference('Ada Lowe and Ben Marsh, "Tolls at the Quay," Harbour Data Source, '
                           "Harbour Policy Institute, Portland, M.E.: March 3, 2019")
    assert item["container-title"] == "Harbour Data Source"
    assert item["publisher"] == "Harbour Policy Institute"
    assert item["publisher-place"] == "Portland, M.E."


def test_a_body_and_its_parents_down_to_the_country_is_one_publisher() -> None:
    item = parse_reference("Lowe, Ada. Tolls and Tides: Research Directions. Office of Harbour Studies, "
                           "Department of Transport, United States, June 2016.")
    assert item["publisher"] == "Office of Harbour Studies, Department of Transport, United States"
    assert "container-title" not in item


def test_a_list_of_fields_in_a_journal_name_is_not_split() -> None:
    item = parse_reference("Lowe A, Marsh B. Silt in estuaries. Estuaries: Geology, Biology and Policy. "
                           "2012. 8(3): 275-290.")
    assert item["container-title"] == "Estuaries: Geology, Biology and Policy"


def test_a_paper_signing_as_author_is_also_the_container() -> None:
    item = parse_reference('Tidewater Herald. "The Dredging Vote." 4 Jun. 2011, A12.')
    assert item["container-title"] == "Tidewater Herald"
    assert item["title"] == "The Dredging Vote"


def test_a_place_and_publisher_closing_the_title_without_a_comma_are_the_imprint() -> None:
    item = parse_reference("Harbour Board (2014) Opening the quays: a plan for the docks London: Harbour Board")
    assert item["title"] == "Opening the quays: a plan for the docks"
    assert item["publisher"] == "Harbour Board"
    assert parse_reference("Marsh (1910) Dredging the Estuary London: HMSO")["publisher"] == "HMSO"


def test_a_city_and_a_subtitle_after_a_colon_stay_in_the_title() -> None:
    item = parse_reference("Lowe, A. (2010). Letters from London: A City at War. Harbour Press.")
    assert item["title"] == "Letters from London: A City at War"
