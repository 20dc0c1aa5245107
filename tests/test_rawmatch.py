"""Rules of the raw reference-string matcher, on invented references."""

from pipeline.bibliography.rawmatch import names_its_container, same_work_raw

CHAPTER = "L. Neri, Mulini e saline della costa, in Atti del convegno sulla costa adriatica, Ravenna 1985, pp. 5-30."


def test_a_contribution_is_not_the_book_it_appeared_in():
    assert not same_work_raw(CHAPTER, "AA.VV., Atti del convegno sulla costa adriatica, Ravenna 1985.")
    assert not same_work_raw("B. Conti, I porti minori, in: Atti del convegno sulla costa adriatica, Ravenna 1985.",
                             "Atti del convegno sulla costa adriatica, Ravenna 1985, p. 12.")


def test_a_contribution_cited_twice_is_one_work():
    assert same_work_raw(CHAPTER, "Neri L., Mulini e saline della costa, Ravenna 1985, p. 12.")


def test_in_within_running_text_starts_no_container():
    quoted = "Il palazzo è descritto, in dettaglio, da M. Rossi, Storia delle fortezze venete, Padova 1901, p. 3."
    assert not names_its_container(quoted, "M. Rossi, Storia delle fortezze venete, Padova 1901.")


def test_a_short_title_citation_is_the_work_it_abbreviates():
    full = "Rossi, M., Fortezze e porti della laguna veneta, Padova, 1901,"
    assert same_work_raw(full, "Rossi, Fortezze etc., 1901, c. 12.")
    assert same_work_raw(full, "Rossi ( Fortezze , 1901, p. 36)")
    assert not same_work_raw(full, "Rossi, Fortezze etc., 1905, c. 12.")      # another edition
    assert not same_work_raw(full, "Rossi, Porti etc., 1901, c. 12.")         # another title


def test_author_and_given_name_alone_are_no_short_title():
    assert not same_work_raw("Rossi, Mario, Fortezze e porti della laguna veneta, Padova 1901.", "Rossi, Mario, 1901.")


def test_author_date_references_compare_the_title_after_the_year():
    apa = "Smith, J. (1990). The history of glassmaking in Murano. Journal of Glass Studies, 32, 45-67."
    assert same_work_raw(apa, "Smith J., The history of glassmaking in Murano, in «Journal of Glass Studies», 32 (1990).")
    assert same_work_raw(apa, "J. Smith, 'The history of glassmaking in Murano', Journal of Glass Studies 32 (1990): 50.")
    assert not same_work_raw(apa, "Smith, J. (1990). Furnaces of the Venetian lagoon. Journal of Glass Studies, 32, 9.")


def test_a_period_in_the_title_is_not_the_edition_year():
    full = "Duby, Georges, Le temps des cathédrales. L'art et la société, 980-1420, Paris, Gallimard, 1976."
    assert same_work_raw(full, "G. Duby, Le temps des cathedrales, Paris 1976, p. 45.")
    assert not same_work_raw(full, "G. Duby, Le temps des cathedrales, Paris 1982.")
