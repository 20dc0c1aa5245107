"""Token features and span reading for the reference-string CRF trial (bench/refparse_crf_train.py trains it,
bench/refparse_crf_hybrid.py measures it against the rules). Not part of the package: measured on the study
halves it does not help the rules (see refparse_crf_hybrid.py), so no model ships.

Tokens are words, URLs and DOIs whole, and single punctuation marks; each gets features of its own form
(case, shape, digits, a year, a month, words that mark a field: "In", "pp", "vol", "Press", "University", URL
and DOI pieces), of where it stands (tenth of the string, inside quotes, bracket depth, full stops so far, the
last punctuation before it, glued to the next token) and of its neighbours two either side. Spans of one label
are the fields, each with the mean marginal probability the CRF gives its tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.text.dates import MONTHS, YEAR

MODEL = Path("/tmp/refparse-crf.crfsuite")
_TOKEN = re.compile(r"https?://\S+|www\.\S+|10\.\d{4,9}/\S+|\w+|[^\w\s]")
_QUOTES = set("“”\"«»„")
_OPENERS, _CLOSERS = set("([{"), set(")]}")
_YEAR_WORD = re.compile(rf"{YEAR}[a-z]?")
_HINTS = {
    "in": "in", "dans": "in", "en": "in", "pp": "pages", "p": "pages", "pages": "pages", "vol": "volume",
    "volume": "volume", "no": "number", "nr": "number", "issue": "number", "ed": "editor", "eds": "editor",
    "editor": "editor", "editors": "editor", "edited": "editor", "press": "publisher", "publishing": "publisher",
    "publishers": "publisher", "verlag": "publisher", "university": "institution", "institute": "institution",
    "department": "institution", "ministry": "institution", "journal": "journal", "review": "journal",
    "proceedings": "journal", "conference": "journal", "times": "news", "post": "news", "news": "news",
    "available": "access", "retrieved": "access", "accessed": "access", "online": "access", "doi": "doi",
    "report": "report", "paper": "report", "working": "report", "thesis": "report", "et": "etal", "al": "etal",
    "and": "and", "&": "and",
}


def tokens_of(text: str) -> list[tuple[str, int, int]]:
    """Words, URLs and DOIs whole, and single punctuation marks, with their spans."""
    return [(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    shape = re.sub(r"\d", "d", re.sub(r"[^\W\d_]", lambda m: "X" if m.group().isupper() else "x", word))
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


def _word_features(word: str) -> dict[str, float]:
    lower = word.lower()
    found = {f"w={lower}": 1.0, f"sh={_shape(word)}": 1.0, f"suf={lower[-3:]}": 1.0, f"pre={lower[:2]}": 1.0}
    if word.isupper() and len(word) > 1:
        found["allcaps"] = 1.0
    elif word[:1].isupper():
        found["cap"] = 1.0
    if _YEAR_WORD.fullmatch(word):
        found["year"] = 1.0
    elif word.isdigit():
        found[f"digits={min(len(word), 5)}"] = 1.0
    if lower in MONTHS:
        found["month"] = 1.0
    if lower in _HINTS:
        found[f"hint={_HINTS[lower]}"] = 1.0
    if word.startswith(("http", "www.")):
        found["url"] = 1.0
    elif re.match(r"10\.\d{4}", word):
        found["doi"] = 1.0
    if len(word) == 1 and word.isalpha() and word.isupper():
        found["initial"] = 1.0
    return found


def _context(tokens: list[tuple[str, int, int]]) -> list[tuple[int, int, int, str]]:
    """For each token: inside quotes, bracket depth, full stops so far (capped), the punctuation before it."""
    rows, quotes, depth, stops, before = [], 0, 0, 0, "^"
    for index, (word, _start, end) in enumerate(tokens):
        rows.append((quotes % 2, min(depth, 2), min(stops, 6), before))
        if word in _QUOTES:
            quotes += 1
        depth = depth + 1 if word in _OPENERS else max(0, depth - (word in _CLOSERS))
        spaced = index + 1 < len(tokens) and tokens[index + 1][1] > end
        stops += word == "." and spaced and (not index or len(tokens[index - 1][0]) > 2)
        if not word[0].isalnum():
            before = word
    return rows


def features(tokens: list[tuple[str, int, int]]) -> list[dict[str, float]]:
    """One feature dict a token: its own, its place in the string, and its neighbours' two either side."""
    count = len(tokens)
    own = [_word_features(word) for word, _, _ in tokens]
    context = _context(tokens)
    rows = []
    for index in range(count):
        quoted, depth, stops, before = context[index]
        row = {"bias": 1.0, f"pos={10 * index // count}": 1.0, f"q={quoted}": 1.0, f"br={depth}": 1.0,
               f"st={stops}": 1.0, f"prev_punct={before}": 1.0, **own[index]}
        for offset in (-2, -1, 1, 2):
            other = index + offset
            if not 0 <= other < count:
                row[f"{offset}:edge"] = 1.0
                continue
            for key in own[other]:
                if key.startswith(("w=", "sh=", "hint=", "year", "month", "url", "cap", "allcaps")):
                    row[f"{offset}:{key}"] = 1.0
        if index + 1 < count and tokens[index + 1][1] == tokens[index][2]:
            row["glued_next"] = 1.0
        rows.append(row)
    return rows


@lru_cache(maxsize=1)
def _tagger():
    try:
        import pycrfsuite  # noqa: PLC0415 — an optional tool of this trial only
    except ImportError:
        return None
    if not MODEL.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def available() -> bool:
    return _tagger() is not None


def tag_spans(text: str) -> list[tuple[str, str, float]]:
    """The string's spans as the CRF labels them: (label, text, mean marginal), in order; [] without a model."""
    tagger, tokens = _tagger(), tokens_of(text)
    if tagger is None or not tokens:
        return []
    labels = tagger.tag(features(tokens))
    runs: list[list] = []
    for index, ((_, start, end), label) in enumerate(zip(tokens, labels, strict=True)):
        marginal = tagger.marginal(label, index)
        if runs and runs[-1][0] == label:
            runs[-1][2] = end
            runs[-1][3].append(marginal)
        else:
            runs.append([label, start, end, [marginal]])
    return [(label, text[start:end], sum(probs) / len(probs)) for label, start, end, probs in runs]
