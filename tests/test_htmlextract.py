"""Page metadata from trafilatura, kept as the page prints it."""

from pipeline.intake.formats.htmlextract import as_written, page_authors


def test_initials_and_suffixes_keep_the_full_stops_the_page_prints():
    assert as_written("Leah C Stokes", "<p>By <a>Leah C. Stokes</a></p>") == "Leah C. Stokes"
    assert as_written("J R Smith", "<span>J. R. Smith</span>") == "J. R. Smith"


def test_a_sentence_full_stop_after_a_name_is_not_taken_into_it():
    assert as_written("John Smith", "<p>The report was written by John Smith.</p>") == "John Smith"


def test_a_name_the_page_does_not_print_stays_as_given():
    assert as_written("Perry Bacon Jr", "<p>No byline here.</p>") == "Perry Bacon Jr"


def test_commenters_and_placeholders_are_not_authors():
    assert page_authors("Art Lowe says; Jane Roe") == ["Jane Roe"]
    assert page_authors("admin") == []
