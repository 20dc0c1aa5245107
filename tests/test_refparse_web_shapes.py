"""Reference shapes of web reference lists and bibliographies (invented strings of the same shapes)."""

from __future__ import annotations

import json

import pypandoc

from pipeline.references.parse.reference import parse_reference


def _families(item: dict) -> list[str]:
    return [name.get("family") or name.get("literal") for name in item.get("author", [])]


def test_only_the_first_person_of_an_mla_list_is_inverted() -> None:
    item = parse_reference("Ortiz, Marisol, Dana P. Whitcombe, and Lee Hart. “Harbour Tolls Rise Again.” "
                           "The Coastal Ledger, 3 May 2019.")
    assert _families(item) == ["Ortiz", "Whitcombe", "Hart"]
    assert item["title"] == "Harbour Tolls Rise Again"
    pair = parse_reference("Quill, Ada and Jonas R. Mercer, 2016. “Ferry fares since 2010.” "
                           "Portsmouth: Harbour Institute, May.")
    assert _families(pair) == ["Quill", "Mercer"]
    assert pair["title"] == "Ferry fares since 2010"


def test_a_space_before_the_full_stop_still_closes_the_author() -> None:
    item = parse_reference("UNESCO . Reading in the Delta. Available: https://example.org/reading "
                           "[Accessed 2 May 2020].")
    assert _families(item) == ["UNESCO"]
    assert item["title"] == "Reading in the Delta"
    spaced = parse_reference("Marsh, T . ( 2017 ) ' Storm surge closes the quay ', Coastal Ledger , 9 March .")
    assert _families(spaced) == ["Marsh"]
    assert spaced["issued"]["date-parts"][0][0] == 2017


def test_a_bracketed_description_is_not_part_of_the_title() -> None:
    editorial = parse_reference('Tidewater Times. "[Editorial:] The Dredging Vote." 4 Jun. 2011, A12.')
    assert editorial["title"] == "The Dredging Vote"
    data = parse_reference("Marine Survey Office. (2019). Harbour depths 2018 [Data set]. https://example.org/d")
    assert data["title"] == "Harbour depths 2018"
    assert parse_reference("Lowe, K. (2004). Tide tables [sic]. Harbour Press.")["title"] == "Tide tables [sic]"


def test_a_chicago_note_keeps_the_title_before_its_colon() -> None:
    item = parse_reference("4. Marisol Ortiz, Little Harbour: The Quays Within the Port (New York: Harbour Press, "
                           "2012), 76–77.")
    assert _families(item) == ["Ortiz"]
    assert item["title"] == "Little Harbour: The Quays Within the Port"
    assert item["publisher"] == "Harbour Press"
    edited = parse_reference("Lee Hart, Tides of the Delta, ed. Ada Lowe (Boston: Harbour Press, 1964), 194.")
    assert edited["title"] == "Tides of the Delta"


def test_two_people_joined_by_and_before_a_colon_are_both_authors() -> None:
    item = parse_reference("Marisol Ortiz and Dana Whitcombe: Harbour Tolls. Harbour Press, 2012.")
    assert _families(item) == ["Ortiz", "Whitcombe"]


def test_a_database_export_of_fields_joined_by_bare_semicolons() -> None:
    item = parse_reference("Tidal Models for Small Ports.;Marsh B.,Lowe A.;Journal of Coastal Works,2019")
    assert item["title"] == "Tidal Models for Small Ports"
    assert [name["family"] for name in item["author"]] == ["Marsh", "Lowe"]
    assert (item["container-title"], item["issued"]) == ("Journal of Coastal Works", {"date-parts": [[2019]]})
    alone = parse_reference("Quay Lighting at Night;Lowe;Harbour Safety Review,2016")
    assert alone["author"] == [{"family": "Lowe"}]


def test_semicolons_with_spaces_after_them_are_a_list_of_authors_not_fields() -> None:
    item = parse_reference("Lowe, A.; Marsh, B.; Tidal models, 2019")
    assert [name["family"] for name in item["author"]] == ["Lowe", "Marsh"]


def test_a_report_kind_then_its_place_and_publisher_after_a_comma() -> None:
    item = parse_reference("Lowe, Ada B. 2015. The Harbour Dredging Timetable. Working Paper 12, Boston: "
                           "Harbour Institute.")
    assert (item["publisher"], item["publisher-place"]) == ("Harbour Institute", "Boston")
    assert "Boston" not in item["title"]


def test_a_title_opened_by_a_curly_quote_and_closed_by_a_straight_one() -> None:
    item = parse_reference("Lowe, Ada. “How to Read a Tide Table.\" Filmed May 2018 at TEDxHarbour, Boston, MA.")
    assert item["title"] == "How to Read a Tide Table"


def test_natural_order_names_closed_by_commas_up_to_a_quoted_title() -> None:
    item = parse_reference('Ann Lee, Ben Marsh, Carl Ode, Dana Fitch, "Tide tables of the northern ports," '
                           "Harbour Institute, 2016.")
    assert _families(item) == ["Lee", "Marsh", "Ode", "Fitch"]
    assert item["title"] == "Tide tables of the northern ports"


def test_a_question_then_its_subtitle_in_a_note_of_commas() -> None:
    item = parse_reference("Ann Lee, Do Harbours Matter? Assessing the Role of Ports, Harbour University Press, 2002.")
    assert item["title"] == "Do Harbours Matter? Assessing the Role of Ports"
    assert item["publisher"] == "Harbour University Press"
    short = parse_reference("Ann Lee, Do Harbours Matter? Harbour Review, May 3, 2019.")
    assert (short["title"], short["container-title"]) == ("Do Harbours Matter?", "Harbour Review")


def test_a_bracketed_year_after_the_volume_is_no_issue() -> None:
    chicago = parse_reference('Ann Lee, "Tide tables," Harbour Review 3 (2016): 4-9.')
    assert (chicago["volume"], chicago["page"], chicago["issued"]) == ("3", "4-9", {"date-parts": [[2016]]})
    assert "issue" not in chicago
    apa = parse_reference("Lee, A. (2016). Tide tables. Harbour Review, 3(2), 4-9.")
    assert (apa["volume"], apa["issue"]) == ("3", "2")


def test_a_publisher_known_by_name_alone_closes_a_note_of_commas() -> None:
    item = parse_reference("James Lowe, Comparative Harbours, Politics and Trade, Routledge, 2005.")
    assert (item["title"], item["publisher"]) == ("Comparative Harbours, Politics and Trade", "Routledge")
    apa = parse_reference("Lowe, J. (2005). Comparative harbours. Edward Elgar.")
    assert apa["publisher"] == "Edward Elgar" and "container-title" not in apa


def test_a_medium_before_the_site_and_an_issn_after_the_journal_are_not_their_names() -> None:
    site = parse_reference("Lee A. Harbour Trends. [online] harbourpolicy.org. 2019. Available at: "
                           "https://www.harbourpolicy.org/a [Accessed 2 May 2019].")
    assert site["container-title"] == "harbourpolicy.org"
    journal = parse_reference("Lee A, Ode B (2021) Impact of Port Strengthening. J Adv Res Harb (ISSN: 2208–2387) "
                              "8(1): 1-10.")
    assert (journal["container-title"], journal["page"]) == ("J Adv Res Harb", "1-10")


def test_an_edition_before_the_imprint_in_mla_harvard_and_vancouver() -> None:
    for raw, place in (("Lee, Ann, and Ben Marsh. Ports and Power: A History. 2nd ed., Harbour UP, 2019.", None),
                       ("Lee, A. and Marsh, B. (2019) Ports and power: a history. 2nd edn. Boston: Harbour Press.",
                        "Boston"),
                       ("Lee A, Marsh B. Ports and power: a history. 2nd ed. Boston: Harbour Press; 2019.", "Boston")):
        item = parse_reference(raw)
        assert item["edition"] == "2" and item["publisher"].startswith("Harbour")
        assert item.get("publisher-place") == place and "container-title" not in item


def test_chicago_volume_issue_and_bracketed_year() -> None:
    item = parse_reference('Ann Lee, "Tidal Effects on Quays," Journal of Harbour Studies 12, no. 3 (2019): 45–60.')
    assert (item["volume"], item["issue"], item["page"]) == ("12", "3", "45-60")


def test_a_chapter_in_an_edited_book_names_the_books_publisher() -> None:
    mla = parse_reference('Lee, Ann. "Tidal Effects." Handbook of Harbours, edited by Ben Marsh, Harbour Press, '
                          "2019, pp. 45-60.")
    assert (mla["type"], mla["container-title"], mla["publisher"]) == ("chapter", "Handbook of Harbours",
                                                                       "Harbour Press")
    harvard = parse_reference("Lee, A. (2019) 'Tidal effects', in Marsh, B. (ed.) Handbook of harbours. Boston: "
                              "Harbour Press, pp. 45-60.")
    assert (harvard["publisher"], harvard["publisher-place"]) == ("Harbour Press", "Boston")


def test_a_social_media_handle_after_the_author_is_no_title() -> None:
    item = parse_reference("Lee, A. [@annlee]. (2023, May 2). The port is closed today [Tweet]. Twitter. "
                           "https://example.org/annlee/status/1")
    assert item["title"] == "The port is closed today"
    assert item["author"] == [{"family": "Lee", "given": "A."}]


def test_a_numbered_series_after_the_title_is_genre_and_number_not_title_or_container() -> None:
    quoted = parse_reference('Lee, Ann. 2020. "Port Finance: An Overview." Working Paper 12. Boston: Harbour Institute.')
    assert (quoted["genre"], quoted["number"], quoted["publisher"]) == ("Working Paper", "12", "Harbour Institute")
    assert "container-title" not in quoted
    plain = parse_reference("Harbour Institute. 2020. Port Finance: An Overview. Report 12. Boston: Harbour Institute.")
    assert (plain["title"], plain["number"]) == ("Port Finance: An Overview", "12")
    agency = parse_reference("Office of Inspector General, Department of Ports, Audit of Dredging Contracts, "
                             "OIG-22-05, March 2022.")
    assert (agency["title"], agency["number"]) == ("Audit of Dredging Contracts", "OIG-22-05")
    assert "container-title" not in agency


def test_an_agency_report_with_a_six_digit_serial_and_its_place_and_date_in_brackets() -> None:
    item = parse_reference("Harbour Audit Office, Dredging Oversight: Actions Needed, HAO-24-105432 "
                           "(Washington, DC: May 2024).")
    assert (item["type"], item["title"], item["number"]) == ("report", "Dredging Oversight: Actions Needed",
                                                             "HAO-24-105432")
    assert (item["publisher-place"], item["issued"]) == ("Washington, DC", {"date-parts": [[2024, 5]]})
    assert "container-title" not in item and "publisher" not in item


def test_a_chicago_imprint_with_a_month_and_a_conference_venue_that_is_none() -> None:
    item = parse_reference("Ann Lee, Seeing the Harbour (Boston: Harbour Institute, May 2020).")
    assert (item["title"], item["publisher"], item["publisher-place"]) == ("Seeing the Harbour", "Harbour Institute",
                                                                          "Boston")
    assert item["issued"] == {"date-parts": [[2020, 5]]}
    venue = parse_reference("Lee, A. Quay loads. In Proceedings of the Harbour Symposium (Atlanta, GA, Dec. 1990), 1-9.")
    assert "publisher" not in venue and "publisher-place" not in venue


def test_a_reports_kind_and_number_before_its_date_and_its_issuer_as_publisher() -> None:
    brief = parse_reference('Harbour Institute, "Dredging Outlook 2031," policy brief no. 7, January 2031.')
    assert (brief["type"], brief["genre"], brief["number"]) == ("report", "policy brief", "7")
    apa = parse_reference("Lee, A. (2030). Quay loads (Report No. 30-2). Harbour Institute. https://harbour.example/30-2")
    assert (apa["publisher"], apa["number"]) == ("Harbour Institute", "30-2") and "container-title" not in apa
    chicago = parse_reference('Ann Lee, "Harbour Dues," working paper, Harbour Institute, May 2030.')
    assert (chicago["type"], chicago["publisher"]) == ("report", "Harbour Institute") and "container-title" not in chicago


def test_a_series_and_number_after_a_notes_title() -> None:
    item = parse_reference("Ann Lee, Quay Dues and Trade, Harbour Institute Working Paper 30-5 (Boston: Harbour "
                           "Institute, 2030).")
    assert (item["title"], item["genre"], item["number"]) == ("Quay Dues and Trade", "Harbour Institute Working Paper",
                                                              "30-5")


def test_apas_bracketed_report_kind_makes_a_report_of_its_issuer_and_a_chicago_handle_is_no_name() -> None:
    brief = parse_reference("Roe, T. (2030). Harbour finance [Policy brief]. Harbour Institute.")
    assert (brief["type"], brief["genre"], brief["publisher"]) == ("report", "Policy brief", "Harbour Institute")
    post = parse_reference('Ann Lee (@annlee), "Quays are closing," Harbour Social, March 3, 2030, '
                           "https://social.example/annlee/1.")
    assert (post["title"], post["author"]) == ("Quays are closing", [{"family": "Lee", "given": "Ann"}])


def test_an_mla_editors_role_is_no_name_and_an_apa_article_number_is_a_journals() -> None:
    book = parse_reference("Lee, Ann, and Tom Roe, editors. Harbours of the World. Harbour UP, 2030.")
    assert book["author"] == [{"family": "Lee", "given": "Ann"}, {"family": "Roe", "given": "Tom"}]
    article = parse_reference("Lee, A. (2030). Quay loads. Port Science, 9, Article e1023. https://doi.org/10.1234/ps9")
    assert (article["type"], article["volume"], article["number"]) == ("article-journal", "9", "e1023")


def test_a_journals_season_is_its_date_and_a_chapter_pinpoint_after_an_imprint_is_no_container() -> None:
    item = parse_reference('Ann Lee, "Quay Loads," Harbour Review, Spring 2030, pp. 12-19.')
    assert (item["container-title"], item["issued"]) == ("Harbour Review", {"date-parts": [[2030]]})
    assert "publisher" not in item
    book = parse_reference("Ann Lee and Tom Roe, Quays (Harbour Press, 2030), ch. 3.")
    assert (book["type"], book["publisher"]) == ("book", "Harbour Press") and "container-title" not in book


def test_a_chicago_thesis_in_brackets_and_a_pages_last_update_or_missing_date() -> None:
    thesis = parse_reference('Ann Lee, "Quays and Tariffs" (PhD diss., Harbour University, 2030), 45.')
    assert (thesis["type"], thesis["genre"], thesis["publisher"]) == ("thesis", "PhD diss.", "Harbour University")
    masters = parse_reference('Ann Lee, "Quays and Tariffs" (master\'s thesis, Harbour University, 2030).')
    assert (masters["type"], masters["publisher"]) == ("thesis", "Harbour University")
    updated = parse_reference('Harbour Institute, "Quay Data," last updated May 2, 2030, https://harbour.example/data.')
    assert "container-title" not in updated and updated["issued"] == {"date-parts": [[2030, 5, 2]]}
    undated = parse_reference('"Quay Traffic," Harbour Authority, n.d., https://harbour.example/traffic.')
    assert undated["container-title"] == "Harbour Authority"


def test_a_reports_number_after_no_is_not_also_a_journal_issue() -> None:
    item = parse_reference('Quay Institute, "Port Trade Monitor," policy brief no. 9, February 2031.')
    assert item["number"] == "9" and "issue" not in item


def test_a_month_and_day_a_title_runs_into_keep_their_year() -> None:
    """A "Month D, YYYY" date is read whole: one the title's words lead into ("ended", "on") stays in
    the title; one a comma sets apart is the work's date, and none of it is left in the title."""
    filing = parse_reference("Harbour Lines Inc., Form 10-K for FY ended March 31, 2024, p. 12.")
    assert filing["title"] == "Form 10-K for FY ended March 31, 2024"
    assert filing["issued"]["date-parts"][0][0] == 2024
    review = parse_reference("Kestrel Institute, Review of port fees as adopted on June 3, 2023 https://example.org/fees")
    assert review["title"] == "Review of port fees as adopted on June 3, 2023"
    apart = parse_reference("Lena Ortiz, Tidal Harbours, 14, 220-231, Feb. 2,2021")
    assert "Feb" not in apart["title"] and apart["issued"]["date-parts"][0][0] == 2021


def test_a_work_with_no_author_then_only_its_imprint() -> None:
    """ "Title. Place. Year." and "Title. Place: Publisher. Year.": a lone name followed by only a
    place (and publisher) was the title, and what followed it is the imprint, never the title."""
    survey = parse_reference("4. Annual Survey of Harbour Traffic. London. 2019, p. 12.")
    assert survey["title"] == "Annual Survey of Harbour Traffic" and not survey.get("author")
    assert survey["publisher-place"] == "London" and survey["issued"]["date-parts"][0][0] == 2019
    review = parse_reference("7. Review of Coastal Shipping. Paris: OECD. 2018.")
    assert review["title"] == "Review of Coastal Shipping" and review["publisher"] == "OECD"
    authored = parse_reference("Harbour Council. Annual Survey of Traffic. London: Dock Press, 2019.")
    assert authored["title"] == "Annual Survey of Traffic"
    # a "person" whose family name is a kind of work ("Survey") was a title too
    survey = parse_reference("Tidewater Shipping Survey. Rotterdam: Tide Press. 2024.")
    assert (survey["title"], survey["publisher"]) == ("Tidewater Shipping Survey", "Tide Press")
    assert not survey.get("author")
    person = parse_reference("Ana Lindqvist. Rotterdam: Tide Press. 2024.")
    assert person["author"] == [{"family": "Lindqvist", "given": "Ana"}]


def test_reports_of_offices_numbered_by_their_issuer() -> None:
    """An office and its department, then the title, then "Report No." and the number: "No." ends no
    sentence of the author; a body's short name in brackets is part of it; a report's number after a
    quoted title is no container; a numbered work of a publisher is a report, not a book."""
    audit = parse_reference("Office of Inspector General, U.S. Department of Harbours, Audit of Dock Grants,"
                            " Report No. OIG-24-012, January 5, 2024.")
    assert audit["author"] == [{"literal": "Office of Inspector General, U.S. Department of Harbours"}]
    assert (audit["type"], audit["title"], audit["number"]) == ("report", "Audit of Dock Grants", "OIG-24-012")
    quoted = parse_reference('U.S. Department of Harbours, Tidal Research Service (TRS), "Dock Income and Tides,"'
                             " TRR-123, June 2023.")
    assert quoted["author"] == [{"literal": "U.S. Department of Harbours, Tidal Research Service (TRS)"}]
    assert (quoted["title"], quoted["number"], quoted.get("container-title")) == ("Dock Income and Tides", "TRR-123", None)
    numbered = parse_reference("Mara Quist, Harbour Resilience Planning, Kestrel Corporation, RR-A1234-1, 2023.")
    assert (numbered["type"], numbered["title"], numbered["publisher"], numbered["number"]) == (
        "report", "Harbour Resilience Planning", "Kestrel Corporation", "RR-A1234-1")


def test_a_title_in_a_container_that_is_no_journal_never_prints_as_a_preprint(tmp_path) -> None:
    """A quoted title then an institution, a conference's proceedings or a site: typed as what styles
    print that way (report with its publisher, paper-conference, article-magazine), never CSL's
    "article", which the default style prints as "In Harbour Institute. Preprint"."""

    raws = {'Mara Quist, "Harbours After the Storm," Kestrel Institute, March 3, 2023.': "report",
            'Ben Marsh, "Tidal Models," Proceedings of the Harbour Modelling Conference, 2019.': "paper-conference",
            'Ann Lee, "Dock Fees Rise," Harbour Notes, July 4, 2016.': "article-magazine"}
    items = [{**parse_reference(raw), "id": f"w{index}"} for index, raw in enumerate(raws)]
    assert [item["type"] for item in items] == list(raws.values())
    assert items[0]["publisher"] == "Kestrel Institute" and "container-title" not in items[0]
    (tmp_path / "refs.json").write_text(json.dumps([{k: v for k, v in item.items() if k != "raw"} for item in items]))
    text = pypandoc.convert_text("[@w0; @w1; @w2]", "plain", format="markdown",
                                 extra_args=["--citeproc", f"--bibliography={tmp_path / 'refs.json'}"])
    assert "Preprint" not in text and "Kestrel Institute" in text and "Harbour Notes" in text


def test_chicago_editors_role_after_the_names_and_a_books_volume_before_its_imprint() -> None:
    """ "Ann Lee, ed.," and "Ann Lee and Ben Marsh, eds.,": the role is no name and splits no list;
    ", vol. 2" before the brackets of a book's imprint is its volume, not its title's."""
    edited = parse_reference("Tobias Lenk, ed., Harbours of the World, 3rd ed. (London: Dock Press, 2020).")
    assert edited["author"] == [{"family": "Lenk", "given": "Tobias"}]
    assert (edited["title"], edited["publisher"]) == ("Harbours of the World", "Dock Press")
    pair = parse_reference("Mara Quist and Tobias Lenk, eds., Handbook of Port Policy (Cheltenham, UK: Dock Press,"
                           " 2018), ch. 4.")
    assert _families(pair) == ["Quist", "Lenk"] and pair["title"] == "Handbook of Port Policy"
    volume = parse_reference("Tobias Lenk, Harbours and Empire: A History, vol. 2 (Cambridge: Dock Press, 2015),"
                             " pp. 12-20.")
    assert (volume["title"], volume["volume"], volume["type"]) == ("Harbours and Empire: A History", "2", "book")


def test_a_subtitle_in_sentence_case_goes_on_with_the_title() -> None:
    item = parse_reference("Lee A, Marsh B. Ferry fares in the northern ports. Three ways to bring ferry tolls down "
                           "for commuters. Harbour Review 2021;4:12-19.")
    assert item["title"] == "Ferry fares in the northern ports. Three ways to bring ferry tolls down for commuters"
    assert item["container-title"] == "Harbour Review"
    report = parse_reference("Harbour Institute. (2019). The state of the northern ports 2019. Meeting the "
                             "targets for cleaner ferries. Harbour Institute.")
    assert report["title"] == "The state of the northern ports 2019. Meeting the targets for cleaner ferries"


def test_a_sentence_case_sentence_that_describes_or_names_a_serial_is_no_subtitle() -> None:
    paper = parse_reference("Lee, A. (2019). Ferry fares in the north. Paper presented at the annual meeting "
                            "of the Harbour Society, Leeds.")
    assert paper["title"] == "Ferry fares in the north"
    proceedings = parse_reference("Ann Lee. Ferry fares in the north. Proceedings of the 4th workshop on "
                                  "ports and harbours. Harbour Press, 2019.")
    assert proceedings["title"] == "Ferry fares in the north"
    alone = parse_reference("Lee, A. Ferry fares in the north. Tarifs des ports du nord et des rivieres. 2019.")
    assert alone["title"] == "Ferry fares in the north"


def test_chicago_author_date_names_many_authors_the_first_inverted_before_the_year_and_quoted_title() -> None:
    item = parse_reference("Lee, Ann B., Carl D. Moss, Dana E. Ode and F.G. Pratt. 2019. “Harbour Silt: Final Data.”"
                           " Coastal Reports, Vol. 3, Number 2, May.")
    assert [a["family"] for a in item["author"]] == ["Lee", "Moss", "Ode", "Pratt"]
    assert item["title"] == "Harbour Silt: Final Data" and item["container-title"] == "Coastal Reports"


def test_a_bracketed_imprint_of_a_body_and_a_month_closes_a_reports_title() -> None:
    item = parse_reference("Harbour Dues in 2014: Findings From a Survey of Ports (Coastal Policy Foundation, January"
                           " 2015),")
    assert item["publisher"] == "Coastal Policy Foundation"
    item = parse_reference("March 2016 Report to the Council on Ferries (Ferry and Port Access Commission (FPAC),"
                           " March 2016).")
    assert "author" not in item  # "March 2016" is a date, not an author and a year
    assert item["title"] == "March 2016 Report to the Council on Ferries"
    assert item["publisher"] == "Ferry and Port Access Commission (FPAC)"
    assert item["issued"] == {"date-parts": [[2016, 3]]}
