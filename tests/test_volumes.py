"""Reading the cited volume, and multi-volume evidence, from unparsed reference strings (invented examples)."""

import pytest

from pipeline.bibliography.rawmatch import same_work_raw
from pipeline.bibliography.volumes import is_multi_volume, volume_cited

SET = "M. Rossi, Storia delle fortezze venete, 2 voll., Padova 1901-1905."


@pytest.mark.parametrize("raw, volume", [
    ("M. Rossi, Storia delle fortezze venete, vol. II, Padova 1901, p. 12.", "2"),
    ("M. Rossi, Storia delle fortezze venete, voi. 2, Padova 1901.", "2"),   # OCR of "vol."
    ("J. Martin, Histoire des ports, t. IV, Paris 1880.", "4"),
    ("K. Weber, Geschichte der Alpenpässe, Bd. I, Berlin 1910.", "1"),
    ("M. Rossi, Storia delle fortezze venete, Padova 1901, II, p. 12.", "2"),
    ("M. Rossi, Storia delle fortezze venete, Padova 1901, II p. 12.", "2"),
    ("M. Rossi, Storia delle fortezze venete, Padova 1901. Π, p. 12.", "2"),  # OCR of "II"
    ("M. Rossi, Storia delle fortezze venete, Padova 1901, IL p. 12.", "2"),
    ("M. Rossi, Storia delle fortezze venete, II, Padova 1901, p. 12.", "2"),
    ("M. Rossi, Storia delle fortezze venete, parte 2.a, Padova 1901.", "2"),
    ("Cronaca dei castelli, in Scriptores, t. Vili, pt. III, Roma 1920.", "8"),  # the tome, not its part
])
def test_volume_is_read_from_marks_and_bare_numerals(raw, volume):
    assert volume_cited(raw) == volume


@pytest.mark.parametrize("raw", [
    "Rossi, V., Storia delle fortezze venete, Padova 1901.",           # an initial, not volume 5
    "M. Rossi, Storia delle fortezze venete, 2 voll., Padova 1901.",   # how many volumes, not which
    "M. Rossi, Storia delle fortezze venete, Padova 1901, lib. X, p. 3.",
    "M. Rossi, Storia delle fortezze venete, Padova 1901, doc. III.",
    "Cronaca, ed. L. A. Neri, in RR.II.SS., Roma 1920.",
])
def test_initials_counts_and_other_divisions_are_not_volumes(raw):
    assert volume_cited(raw) == ""


def test_a_span_of_imprint_years_or_a_count_marks_a_multi_volume_work():
    assert is_multi_volume(SET)
    assert is_multi_volume("M. Rossi, Storia delle fortezze venete, Padova 1901-05, II, p. 3.")
    assert is_multi_volume("M. Rossi, Storia delle fortezze venete, 3 vols (Padua, 1901).")


def test_a_period_in_the_title_is_not_a_span_of_imprint_years():
    assert not is_multi_volume("L. Bianchi, Le campagne friulane (1866-1914), Udine 1999.")


def test_one_volume_of_a_multi_volume_work_is_not_the_set_nor_an_unnumbered_citation():
    second = "M. Rossi, Storia delle fortezze venete, Padova 1901-1905, II, p. 40."
    assert not same_work_raw(second, SET)
    assert not same_work_raw(second, "Rossi, Storia delle fortezze venete, Padova 1901.")
    assert not same_work_raw(second, "M. Rossi, Storia delle fortezze venete, vol. I, Padova 1901.")
    assert same_work_raw(second, "Rossi M., Storia delle fortezze venete, vol. II, Padova 1901, p. 7.")


def test_a_bare_numeral_in_a_one_volume_work_does_not_split_it():
    # Without a span or count the numeral may be a book of one volume; only a differing one conflicts.
    work = "G. Verdi, Descrizione della città di Treviso, Treviso 1602."
    assert same_work_raw(work, "Verdi G., Descrizione della città di Treviso, Treviso 1602, II, p. 31.")


def test_a_page_range_is_not_a_span_of_years():
    assert not is_multi_volume("M. Rossi, Storia delle fortezze venete, Padova 1901, II, pp. 1520-1540.")
