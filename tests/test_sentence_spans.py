"""Sentence spans: located by str.find, they are the spans pysbd's own char_span mode gives."""

from __future__ import annotations

import string

import pysbd
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.sentences import located, pysbd_spans, sentence_spans

PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=True)
# Words, abbreviations, numbers, quotes and several kinds of white space: what segmenting turns on.
PIECES = st.sampled_from(["The", "talks", "Mr.", "Dr.", "e.g.", "U.S.", "No.", "3.5", "1.", "a", "(b)",
                          '"Yes."', "'no'", "end.", "Why?", "Stop!", "...", ",", ";", " ", "  ", "\n",
                          "\t", "\u00a0", "\u2003", *string.ascii_uppercase[:3]])


def pysbd_char_spans(text: str) -> list[tuple[int, int]]:
    return [(span.start, span.end) for span in PYSBD.segment(text)] if text else []


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40).map(" ".join))
def test_spans_are_pysbds_char_spans(text):
    assert pysbd_spans(text) == pysbd_char_spans(text)


def test_a_repeated_sentence_is_found_at_each_of_its_places():
    text = "It rained. It rained. It rained."
    assert pysbd_spans(text) == pysbd_char_spans(text) == [(0, 11), (11, 22), (22, 32)]
    assert sentence_spans(text) == [(0, 10), (11, 21), (22, 32)]


def test_a_sentence_already_passed_is_looked_for_further_on():
    # the second "b." ends before the first sentence does, so the next occurrence is taken
    assert located("ab. b. c", ["ab. ", "b. ", "c"]) == [(0, 4), (4, 7), (7, 8)]
    assert located("text", ["missing"]) == []
