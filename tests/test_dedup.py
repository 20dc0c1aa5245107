"""find_duplicates: one work cited several ways is one cluster; conflicting identifiers never merge."""

from pipeline.bibliography.dedup import find_duplicates
from pipeline.bibliography.rawmatch import same_work_raw


def web(title, url=None, family=None, year=2024, **fields):
    item = {"type": "webpage", "title": title, "issued": {"date-parts": [[year]]}, **fields}
    if url:
        item["URL"] = url
    if family:
        item["author"] = [{"family": family, "given": "A."}]
    return item


def groups(items):
    return [cluster.members for cluster in find_duplicates(items)]


def test_same_page_cited_in_harvard_and_apa_is_one_work():
    harvard = web("Same Work, Different Styles", "https://www.example.org/path/to/page/", "Smith")
    apa = web("Same work, different styles.", "http://example.org/path/to/page", "Smith")
    clusters = find_duplicates([harvard, apa])
    assert [cluster.members for cluster in clusters] == [[0, 1]]
    assert clusters[0].merges[0].reason.startswith("same URL")


def test_conflicting_dois_never_merge_even_with_identical_details():
    one = web("A study of ceasefire lines", family="Doe", DOI="10.1000/abc123")
    other = web("A study of ceasefire lines", family="Doe", DOI="10.1000/xyz999")
    assert groups([one, other]) == [[0], [1]]


def test_same_doi_merges_despite_different_urls():
    one = web("A study", "https://journal.example.org/a", "Doe", DOI="https://doi.org/10.1000/X")
    other = web("A study (preprint)", "https://repository.example.net/b", "Doe", DOI="10.1000/x")
    assert groups([one, other]) == [[0, 1]]


def test_conflicting_urls_never_merge_even_with_identical_titles():
    one = web("Live updates: Russia-Ukraine war", "https://example.org/live/2024-11-01", "Staff")
    other = web("Live updates: Russia-Ukraine war", "https://example.org/live/2024-11-02", "Staff")
    assert groups([one, other]) == [[0], [1]]


def test_fuzzy_match_needs_year_and_authors_to_agree():
    one = web("Trump vows to get America out of Ukraine war", family="Bandouil",
              **{"container-title": "Kyiv Independent"})
    same = web("Trump vows to 'get America out' of Ukraine war", family="Bandouil")
    other_year = web("Trump vows to get America out of Ukraine war", family="Bandouil", year=2023)
    other_author = web("Trump vows to get America out of Ukraine war", family="Santos")
    assert groups([one, same, other_year, other_author]) == [[0, 1], [2], [3]]


def test_organization_author_matches_the_same_name_as_site():
    harvard = web("North Korean troops in Europe marks turning point", **{"container-title": "NATO"})
    apa = web("North Korean troops in Europe marks turning point", author=[{"literal": "NATO"}])
    assert groups([harvard, apa]) == [[0, 1]]


def test_same_title_in_different_journal_pages_is_a_different_record():
    abstract = web("Aphasia rehabilitation: state of the evidence", family="Graham", page="S99", volume="37")
    article = web("Aphasia rehabilitation: state of the evidence", family="Graham", page="e494", volume="41")
    assert groups([abstract, article]) == [[0], [1]]


def test_translated_title_in_brackets_with_its_language_is_the_same_title():
    # MEDLINE: "[Translated title]. [Language]"; other databases drop the language note.
    medline = web("[Memory training after minor stroke]. [Polish]", family="Nowak", volume="12", page="35-39")
    other = web("[Memory training after minor stroke]", family="Nowak", volume="12", page="35-39")
    different = web("[Speech training after minor stroke]. [Polish]", family="Nowak", volume="12", page="40-44")
    assert groups([medline, other, different]) == [[0, 1], [2]]


def test_truncated_url_copy_merges_when_details_agree():
    full = web("Ukraine fights Russia's expanding axis", "https://united24media.com/war-in-ukraine/ukraine-fights-russias-expanding-axis-now-with-north-korea-iran-and-belarus", "Kabachynskyi")
    cut = web("Ukraine Fights Russia’s Expanding Axis", "https://united24media.com/war-in-ukraine/ukraine-fights-russias-expanding-axis-now-with-north-korea-iran-an", "Kabachynskyi")
    assert groups([full, cut]) == [[0, 1]]


def test_one_loose_link_cannot_chain_two_different_works():
    first = web("Peace talks in Europe", family="Doe", year=2024)
    bridge = web("Peace talks in Europe", family="Doe", year=None)
    second = web("Peace talks in Europe", family="Doe", year=2022)
    clusters = groups([first, bridge, second])
    assert [2] in clusters or [0] in clusters
    assert all(not {0, 2} <= set(members) for members in clusters)


def test_clusters_are_deterministic_and_order_preserving():
    items = [web("B work", "https://b.org/x"), web("A work", "https://a.org/x"), web("B work", "http://www.b.org/x/")]
    assert groups(items) == [[0, 2], [1]]
    assert groups(items) == groups(list(items))


def test_identical_unparsed_strings_merge():
    one = {"raw": "Personal communication with a senior official, November 2024."}
    other = {"raw": "Personal communication with a senior official, November 2024"}
    assert groups([one, other]) == [[0, 1]]


def test_raw_strings_same_work_and_other_edition():
    first = "G. Marchesi, Padova e la sua laguna, Padova, Ferri e Zanotti, 1931, p. 212;"
    assert same_work_raw(first, "Marchesi, G., Padova e la sua laguna, Padua and Milan, 1931.")
    assert not same_work_raw(first, "G. Marchesi, Padova e la sua laguna, Roma 1968.")


def test_raw_strings_chapter_is_not_its_volume():
    chapter = "Ferrante L., Ascesa e declino delle torri costiere, in Atlante storico delle coste adriatiche, Ancona 1984."
    assert not same_work_raw(chapter, "AA.VV., Atlante storico delle coste adriatiche, Ancona 1984;")


def test_references_the_parser_reads_apart_still_merge_by_their_strings():
    from pipeline.references.parse.reference import parse_reference

    first = "G. Marchesi, Padova e la sua laguna, Padova, Ferri e Zanotti, 1931, p. 212;"
    same = "Marchesi, G., Padova e la sua laguna, Padua and Milan, 1931."
    other_edition = "G. Marchesi, Padova e la sua laguna, Roma 1968."
    clusters = find_duplicates([parse_reference(first), parse_reference(same), parse_reference(other_edition)])
    assert [cluster.members for cluster in clusters] == [[0, 1], [2]]


def _profile(*raws):
    """The cluster profile of parsed reference strings, as the bibliography stage builds it."""
    from pipeline.bibliography.clusters import Profile
    from pipeline.bibliography.fingerprint import fingerprint
    from pipeline.references.parse.reference import parse_reference

    profile = Profile.of(fingerprint(parse_reference(raws[0])))
    for raw in raws[1:]:
        profile.absorb(Profile.of(fingerprint(parse_reference(raw))))
    return profile


# One work cited four ways; two of them misread: a family name printed last ("Moretti Giulia"), and
# a line that runs a second work into this one, so that its first author is another writer's.
_CUSTOMS = "G. Moretti, Le dogane del porto franco, Trieste 1719, p. 12."
_FAMILY_LAST = "Moretti Giulia, Le dogane del porto franco, Trieste 1719."
_RUN_ON = "1719 Bassani P., Il sale, Padova. Moretti G., Le dogane del porto franco, Trieste."


def test_one_misread_member_does_not_keep_two_halves_of_a_work_apart():
    from pipeline.bibliography.clusters import RAW, may_join
    from pipeline.bibliography.fingerprint import authors_differ, fingerprint
    from pipeline.references.parse.reference import parse_reference

    family_last, run_on = (fingerprint(parse_reference(raw)) for raw in (_FAMILY_LAST, _RUN_ON))
    assert authors_differ(family_last, run_on)  # the two misread members disagree with each other...
    left, right = _profile(_CUSTOMS, _FAMILY_LAST), _profile("Moretti, G., Le dogane del porto franco, Trieste, 1719,", _RUN_ON)
    assert may_join(left, right, RAW)  # ...but each agrees with someone across: one work


def test_a_member_that_disagrees_with_every_member_across_keeps_two_works_apart():
    from pipeline.bibliography.clusters import RAW, may_join

    other_work = _profile("P. Bassani, Il sale e la laguna, Padova 1719.", "Bassani, P., Il sale e la laguna, Padova, 1719.")
    assert not may_join(_profile(_CUSTOMS, _FAMILY_LAST), other_work, RAW)
    assert not may_join(_profile(_CUSTOMS, _FAMILY_LAST, _RUN_ON), other_work, RAW)


def test_a_correction_notice_is_not_the_article_it_corrects():
    from pipeline.references.parse.reference import parse_reference

    article = "Orme PW, Dalgaard KT. Tidal silting of small harbours. Coast Eng. 1994;21:310-18."
    copy = "P. W. Orme, K. T. Dalgaard, “Tidal silting of small harbours,” Coast. Eng., vol. 21, pp. 310-318, 1994."
    notices = ["Orme PW, Dalgaard KT. Erratum: Tidal silting of small harbours. Coast Eng. 1994;21:977.",
               "Orme, P. W., & Dalgaard, K. T. (1994). Correction to: Tidal silting of small harbours. Coast Eng, 21, 977."]
    clusters = groups([parse_reference(text) for text in [article, copy, *notices]])
    assert [0, 1] in clusters and not any({0, 2} <= set(m) or {0, 3} <= set(m) for m in clusters)


def test_a_title_opening_with_the_word_correction_is_an_article():
    first = web("Correction of harbour silt surveys", family="Doe", year=2020)
    second = web("Correction of Harbour Silt Surveys", family="Doe", year=2020)
    assert groups([first, second]) == [[0, 1]]


def test_a_sentence_quoting_two_works_does_not_make_them_one():
    from pipeline.references.parse.reference import parse_reference

    first = ["L. Bassani, Il sale e la laguna nel Trecento, Padova 1968.",
             "Bassani L., Il sale e la laguna nel Trecento, Padova, 1968, p. 12."]
    second = ["L. Bassani, Le barche del fiume e i loro padroni, Padova 1968.",
              "Bassani L., Le barche del fiume e i loro padroni, Padova, 1968, pp. 3-9."]
    sentence = ("Le due ricerche, nate dallo stesso spoglio dei registri dei dazi e delle suppliche dei "
                "barcaioli, furono pubblicate insieme: L. Bassani, Il sale e la laguna nel Trecento, Padova 1968, "
                "e dello stesso autore Le barche del fiume e i loro padroni, Padova 1968, dove si discutono "
                "anche i noli, le esenzioni concesse ai monasteri e le liti con i pescatori della laguna.")
    clusters = groups([parse_reference(text) for text in [*first, *second, sentence]])
    assert not any({0, 2} <= set(members) for members in clusters)
    assert [0, 1] in clusters or [0, 1, 4] in clusters


def test_copies_of_one_reference_are_one_work_each_merge_stating_the_rule_the_pair_meets():
    page = web("Ceasefire lines in the north", "https://news.example.org/2024/ceasefire-lines", "Doe")
    other = web("Grain exports after the blockade", "https://news.example.org/2024/grain", "Roe")
    clusters = find_duplicates([page, other, dict(page), dict(other), dict(page)])
    assert [cluster.members for cluster in clusters] == [[0, 2, 4], [1, 3]]
    assert {(merge.kept, merge.merged, merge.reason) for merge in clusters[0].merges} == {
        (0, 2, "same URL https://news.example.org/2024/ceasefire-lines"), (0, 4, "same URL https://news.example.org/2024/ceasefire-lines")}


def test_copies_of_an_item_too_bare_to_compare_stay_apart():
    bare = {"type": "document", "title": "Read more"}
    assert groups([bare, dict(bare), dict(bare)]) == [[0], [1], [2]]


def test_a_sentence_quoting_two_works_bridges_no_two_however_often_it_is_cited():
    from pipeline.references.parse.reference import parse_reference

    first = "L. Bassani, Il sale e la laguna nel Trecento, Padova 1968."
    second = "L. Bassani, Le barche del fiume e i loro padroni, Padova 1968."
    sentence = ("Le due ricerche, nate dallo stesso spoglio dei registri dei dazi e delle suppliche dei "
                "barcaioli, furono pubblicate insieme: L. Bassani, Il sale e la laguna nel Trecento, Padova 1968, "
                "e dello stesso autore Le barche del fiume e i loro padroni, Padova 1968, dove si discutono "
                "anche i noli, le esenzioni concesse ai monasteri e le liti con i pescatori della laguna.")
    clusters = groups([parse_reference(text) for text in [first, second, sentence, sentence]])
    assert not any({0, 1} <= set(members) for members in clusters)
    assert [2, 3] in clusters
