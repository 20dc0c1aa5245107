"""pysbd with the abbreviation pre-check finds the sentences stock pysbd finds, whatever the text."""

from __future__ import annotations

import pysbd
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.abbreviations import word_starts
from pipeline.text.sentences import _segmenter

STOCK = pysbd.Segmenter(language="en", clean=False, char_span=False)
# Abbreviations with and without their stop, at word starts and inside words, the characters re's
# case folding takes for ASCII letters (dotted and dotless i, long s, the Kelvin sign), white space
# of several kinds, numbers and brackets after a stop: what pysbd's abbreviation rules turn on.
PIECES = st.sampled_from([
    "The", "talks", "Mr.", "mr.", "MR.", "Dr.", "St.", "st.", "strait", "Gen.", "gen.", "No.", "no.", "Nos.",
    "e.g.", "i.e.", "U.S.", "Ph.D.", "Vol.", "pp.", "al.", "also", "et", "Jan.", "Jr.", "Inc.", "Co.",
    "\u0130nc.", "\u0131nc.", "\u017ft.", "\u212aelvin", "Fig.", "ca.", "approx.", "5", "(3)", "12:30",
    "a.m.", "p.m.", "I", "He", "she", ".", ",", ";", ":", "?", "!", " ", "  ", "\n", "\t", "\u00a0",
    "\u2003", "\u201cquoted.\u201d", "A", "B.", "x", " Co.,", " St.-", " No.(", " Gen.:", "\nMr.?", " al.-",
])
TEXT = st.lists(PIECES, max_size=40).map(" ".join)
GLUED = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.one_of(TEXT, GLUED))
def test_the_sentences_are_stock_pysbds(text):
    assert _segmenter().processor(text).process() == STOCK.processor(text).process()


def test_white_space_and_folded_letters_line_up_with_the_text():
    starts = word_starts("Gen.\u00a0\u017ft. \u212a")
    assert starts == " gen. st. k" and len(starts) == len("Gen.\u00a0\u017ft. \u212a") + 1
