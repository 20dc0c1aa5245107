"""What closes a title in notes and report lists: a date or a document code in brackets, a Bluebook pinpoint,
a closing quote without its opener (invented strings of the shapes public notes and guides write)."""

from __future__ import annotations

from pipeline.references.parse.reference import parse_reference


def _year(item: dict) -> int | None:
    return item.get("issued", {}).get("date-parts", [[None]])[0][0]


def test_a_bracketed_date_after_a_note_title_is_its_date() -> None:
    item = parse_reference("Harbour Policy Forum, Dredging the Outer Channel (Feb. 2019), available at "
                           "https://example.org/dredging/")
    assert item["title"] == "Dredging the Outer Channel"
    assert _year(item) == 2019
    assert item["URL"] == "https://example.org/dredging/"
    dated = parse_reference("Coastal Trust, Ferry Subsidies in Maine (March 3, 2021), available at https://example.org/f")
    assert (dated["title"], _year(dated)) == ("Ferry Subsidies in Maine", 2021)


def test_a_bluebook_pinpoint_and_year_close_a_report_title() -> None:
    item = parse_reference("Board of Harbour Commissioners, Report to the Assembly on Pilotage Fees 12 (2018).")
    assert item["title"] == "Report to the Assembly on Pilotage Fees"
    assert _year(item) == 2018


def test_a_year_inside_the_title_stays_there() -> None:
    item = parse_reference("Marine Survey Office. (2024). Harbour depth survey 2023. Port Authority.")
    assert item["title"] == "Harbour depth survey 2023"
    assert _year(item) == 2024


def test_a_document_code_in_brackets_is_the_number_not_the_title() -> None:
    item = parse_reference("Department for Transport (2022) Ports for the future (CP 512). Available from: "
                           "https://example.org/ports.pdf [Accessed 3 May 2022].")
    assert item["title"] == "Ports for the future"
    assert item["number"] == "CP 512"
    slashed = parse_reference("Harbour Union. (2019). Tides and trade: report by the Secretary (B12/7). "
                              "Harbour Union.")
    assert slashed["title"] == "Tides and trade: report by the Secretary"
    numbered = parse_reference("Tide Institute. (2020). Storm surges (TI Publication No. 20-117). Harbour Press.")
    assert numbered["title"] == "Storm surges"


def test_a_bracketed_name_that_is_no_code_stays_in_the_title() -> None:
    item = parse_reference("Ortiz, M. (2021). Ferry crews and COVID-19 (COVID-19). Harbour Press.")
    assert item["title"] == "Ferry crews and COVID-19 (COVID-19)"


def test_a_closing_quote_without_its_opener_is_dropped() -> None:
    item = parse_reference("Coastal Ledger, The harbour toll mess” (May 2016), available at https://example.org/toll")
    assert item["title"] == "The harbour toll mess"
    assert _year(item) == 2016


def test_a_bracketed_imprint_with_a_comma_in_its_place_closes_the_title_whole() -> None:
    for place in ("New Haven, CT", "Washington, DC"):
        item = parse_reference(f"4. Ann Lee, Harbour Lights at Dusk ({place}: Coast Press, 2001), 22-3.")
        assert item["title"] == "Harbour Lights at Dusk"
        assert (item["publisher"], item["publisher-place"]) == ("Coast Press", place)


def test_single_words_joined_by_and_after_a_natural_order_author_open_the_title() -> None:
    item = parse_reference("9. Ann B. Lee, Tides and Currents: A History of the Coast (Boston: Coast Press, 2001), 5.")
    assert [(name["family"], name["given"]) for name in item["author"]] == [("Lee", "Ann B.")]
    assert item["title"] == "Tides and Currents: A History of the Coast"
    pair = parse_reference("Ann Lee and Bo Chen, Tides and Currents: A History (Boston: Coast Press, 2001).")
    assert [name["family"] for name in pair["author"]] == ["Lee", "Chen"]


def test_the_last_author_after_and_keeps_a_middle_initial_before_the_family_name() -> None:
    for written in ("Lee, Ann Marie, and Bo K. Chen.", "Ann Lee and Bo K. Chen."):
        item = parse_reference(f"{written} Harbour Lights at Dusk. Coast Press, 2001.")
        assert [name["family"] for name in item["author"]] == ["Lee", "Chen"]
        assert item["title"] == "Harbour Lights at Dusk"


def test_an_article_and_initials_open_a_title_not_an_author() -> None:
    item = parse_reference("4. The U.S. Harbour Pilot Field Manual (Boston: Coast Press, 2007).")
    assert "author" not in item
    assert item["title"] == "The U.S. Harbour Pilot Field Manual"
    outlet = parse_reference("The Economist. Harbours in trouble. 12 May 2001.")
    assert [name.get("literal") for name in outlet["author"]] == ["The Economist"]


def test_and_inside_a_title_after_a_natural_order_author_joins_no_people() -> None:
    item = parse_reference("Ann Lee, Comparative Harbour Tolls, Politics and Public Policy, Coast Press, 2005.")
    assert [(name["family"], name["given"]) for name in item["author"]] == [("Lee", "Ann")]
    assert item["title"] == "Comparative Harbour Tolls, Politics and Public Policy"
    people = parse_reference("Ann Lee, Bo Chen and Cy Diaz, Harbour Tolls Compared, Coast Press, 2005.")
    assert [name["family"] for name in people["author"]] == ["Lee", "Chen", "Diaz"]


def test_a_question_after_the_title_goes_on_with_it_journal_or_not() -> None:
    page = parse_reference("Africa needs ports. What would it take to build them? 2021. Available: "
                           "https://example.org/ports [Accessed 31 May 2021].")
    assert page["title"] == "Africa needs ports. What would it take to build them?"
    article = parse_reference("Lee, A. (2020). Why ports fail. Is regulation to blame? Journal of Docks, 3(2), 4-5.")
    assert (article["title"], article["container-title"]) == ("Why ports fail. Is regulation to blame?",
                                                              "Journal of Docks")


def test_apa_description_of_a_form_in_brackets_is_no_part_of_the_title() -> None:
    for form in ("Position statement", "Conference session"):
        item = parse_reference(f"Harbour Pilots Association. (2016, November). Night pilotage [{form}].")
        assert item["title"] == "Night pilotage"


def test_mla_web_then_a_date_is_when_it_was_read_not_when_it_appeared() -> None:
    item = parse_reference('Lee, Ann. "Harbour Lights." Coast Wire. Coast Media, 5 Aug. 2010. Web. 12 Jan. 2012.')
    assert item["issued"] == {"date-parts": [[2010, 8, 5]]}
    assert item["accessed"] == {"date-parts": [[2012, 1, 12]]}
    on_the_web = parse_reference("Lee, Ann. Harbour Lights on the Web. Coast Press, 2012.")
    assert on_the_web["title"] == "Harbour Lights on the Web" and _year(on_the_web) == 2012


def test_mla_congressional_record_by_date_then_page() -> None:
    item = parse_reference("Cong. Rec. 14 Mar. 1988: 4120-22. Web. 2 May 2019.")
    assert (item["container-title"], item["page"]) == ("Cong. Rec.", "4120")  # named as the citation names it
    assert item["issued"] == {"date-parts": [[1988, 3, 14]]}
    assert "author" not in item


def test_a_financial_year_after_the_author_is_its_first_year_and_no_part_of_the_title() -> None:
    for span, year in (("2019/20", 2019), ("1977/78", 1977), ("(2019-20)", 2019)):
        item = parse_reference(f"Harbour Board. {span}. Annual report of the Harbour Board. Port City: Coast Press.")
        assert _year(item) == year
        assert item["title"] == "Annual report of the Harbour Board"


def test_a_publishers_name_before_the_closing_date_ends_a_title_that_holds_commas() -> None:
    item = parse_reference("Ann Lee, Harbours and Tolls in the North: Ports, Pilots and Fees, Coast Press, 2007.")
    assert item["title"] == "Harbours and Tolls in the North: Ports, Pilots and Fees"
    assert item["publisher"] == "Coast Press"
    journal = parse_reference("Ann Lee, Seeing the Harbour Anew, Journal of Docks, May 1999.")
    assert (journal["title"], journal["container-title"]) == ("Seeing the Harbour Anew", "Journal of Docks")
