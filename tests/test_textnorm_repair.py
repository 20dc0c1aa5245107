"""Repairing only the lines ftfy could change gives what ftfy gives for the whole text."""

from __future__ import annotations

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.textnorm import normalize_text, repaired

# Mojibake, entities, markup, controls, line breaks of every kind, ligatures, wide forms and plain
# ASCII: what ftfy's fixes look for, and what they must leave alone.
PIECES = st.sampled_from([
    "The talks", " resumed", "\u00e2\u20ac\u2122", "\u00c3\u00a9", "caf\u00e9", "\u00a9 2025", "\u00a0",
    "&amp;", "&eacute;", "&#8217;", "&bogus;", "<b>", "</p>", "<", "\r\n", "\r", "\n", "\n\n", "\t",
    "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u2028", "\ufffd", "\ufb01", "\uff21\uff22", "\u3000",
    "\u0132", "\u201cquoted\u201d", "\u2014", "e\u0301", "\u00c2\u00a0", "\u00e2\u20ac\u0153",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=30).map("".join)


def whole(text: str) -> str:
    return ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True, normalization="NFC")


@settings(max_examples=600, deadline=None, derandomize=True)
@given(TEXT)
def test_repairing_the_lines_that_need_it_is_repairing_the_whole_text(text):
    assert repaired(text) == whole(text)


def test_an_entity_after_markup_stays_as_ftfy_leaves_it():
    text = "plain line\n<p>a tag</p>\nAT&amp;T and caf\u00c3\u00a9\n"
    assert repaired(text) == whole(text)
    assert "&amp;" in repaired(text) and "caf\u00e9" in repaired(text)


def test_an_entity_before_any_markup_is_decoded():
    assert normalize_text("Fish &amp; chips\n<p>x</p>") == "Fish & chips\n<p>x</p>"
