"""Sentence segmentation (pysbd), with the inline markers each sentence carried."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.text.markers import strip_markers

# pysbd builds a regular expression per abbreviation it meets and leaves compiling them to the re
# module's cache, whose 512 entries it overruns by a few dozen: every paragraph then recompiles most of
# them, two thirds of its segmenting time. A cache a few times larger holds them all (a few MB at most).
_REGEX_CACHE_SIZE = 4096


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    from pipeline.text.abbreviations import language

    re._MAXCACHE = max(getattr(re, "_MAXCACHE", 0), _REGEX_CACHE_SIZE)
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    segmenter.language_module = language()  # English, its abbreviations found sooner (same sentences)
    return segmenter


def located(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    """Where each of pysbd's sentences lies in text, with the whitespace after it: the first
    occurrence ending past the previous sentence, as pysbd's char_span finds it. pysbd compiles a
    regular expression of each escaped sentence for that (a third of cleaning's time); str.find
    visits the same non-overlapping occurrences."""
    spans, prior = [], 0
    for sentence in sentences:
        at = 0
        while sentence and (start := text.find(sentence, at)) >= 0:
            end = start + len(sentence)
            while end < len(text) and text[end].isspace():  # re's \s is str.isspace
                end += 1
            if end > prior:
                spans.append((start, end))
                prior = end
                break
            at = end
    return spans


def pysbd_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence pysbd finds in text, the whitespace after it included."""
    if not text:
        return []
    return located(text, _segmenter().processor(text).process())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text, whitespace trimmed."""
    spans = []
    for start, end in pysbd_spans(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def split_sentences(raw: str) -> tuple[str, list[dict]]:
    """Display text of a paragraph and its sentences [{index, text, markers}].

    A marker belongs to the last sentence that starts before it, so '"endless wars."[20]' cites
    the sentence it closes.
    """
    text, markers = strip_markers(raw)
    spans = sentence_spans(text) or [(0, len(text))]
    sentences = [{"index": i, "text": text[s:e], "markers": []} for i, (s, e) in enumerate(spans)]
    for offset, number in markers:
        owner = max((i for i, (s, _) in enumerate(spans) if s < offset), default=0)
        if number not in sentences[owner]["markers"]:
            sentences[owner]["markers"].append(number)
    return text, sentences
