"""The refparse bench reads family names out of unsplit gold author strings by their own conventions."""

import pytest

from bench.gold_names import gold_family_text


@pytest.mark.parametrize("author, families", [
    ("Okafor, Ngozi.", "Okafor"),
    ("Okafor, N., Lindqvist, P. and Marsh, T.", "Okafor Lindqvist Marsh"),
    ("Okafor, Ngozi, Petra Lindqvist, and Tom Marsh.", "Okafor Lindqvist Marsh"),
    ("Petra Lindqvist et al.", "Lindqvist"),
    ("Okafor N, Lindqvist PK, & Marsh T.", "Okafor Lindqvist Marsh"),
    ("van Dijk, A.; de la Rosa, M.", "van Dijk de la Rosa"),
    ("Anna van Dijk", "van Dijk"),
    ("World Meteorological Organization", "World Meteorological Organization"),
    ("NOAA.", "NOAA"),
])
def test_family_names_follow_the_strings_own_conventions(author, families):
    assert gold_family_text(author) == families
