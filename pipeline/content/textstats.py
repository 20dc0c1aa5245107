"""Words, numbers and likeness of sentences: the vocabulary relevance and merging share."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(%|percent|per cent))?(?:[\s-]+([A-Za-z]+))?")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(resources.files("pipeline.data").joinpath("stopwords.txt").read_text("utf-8").split())


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


# A corpus says the same words again and again, and the pure-Python Snowball stemmer was most of
# the sections stage's run time (2,419 words, 926 distinct, in the default seeds).
@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def tokens(text: str) -> list[str]:
    """Lower-cased, stemmed content words (stopwords out)."""
    skip = stopwords()
    words = (w.lower().replace("’", "'").removesuffix("'s") for w in WORD.findall(text))
    return [stem(w) for w in words if w not in skip and len(w) > 1]


def salient_numbers(text: str) -> set[str]:
    """Numbers that identify a fact: '10000', '20%', '24 hour' — not years, not small counts.

    A number under 100 only identifies a fact together with its unit ('24 hours', '20 years').
    """
    found = set()
    for digits, percent, unit in NUMBER.findall(text):
        value = float(digits.replace(",", ""))
        number = digits.replace(",", "")
        is_year = 1900 <= value <= 2100 and "," not in digits and "." not in digits
        if percent:
            found.add(number + "%")
        elif value >= 100 and not is_year:
            found.add(number)
        elif 10 <= value < 100 and unit and unit.lower() not in stopwords():
            stemmed = tokens(unit)
            found.add(f"{number} {stemmed[0] if stemmed else unit.lower()}")
    return found


def norm(vector: Counter) -> float:
    return math.sqrt(sum(v * v for v in vector.values()))


def cosine(a: Counter, b: Counter, a_norm: float | None = None, b_norm: float | None = None) -> float:
    """Cosine of two word-weight vectors; a caller comparing one vector many times passes its norm."""
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    return dot / ((norm(a) if a_norm is None else a_norm) * (norm(b) if b_norm is None else b_norm))


def idf_weights(documents: list[list[str]]) -> dict[str, float]:
    counts = Counter(word for doc in documents for word in set(doc))
    return {word: math.log(1 + len(documents) / count) for word, count in counts.items()}


def weighted(words: list[str], idf: dict[str, float]) -> Counter:
    vector: Counter = Counter()
    for word in words:
        vector[word] += idf.get(word, 1.0)
    return vector


def likeness(a_vec: Counter, b_vec: Counter, a_numbers: set[str], b_numbers: set[str],
             a_norm: float | None = None, b_norm: float | None = None) -> float:
    """0-1: TF-IDF cosine, raised when both state the same salient number (the same fact)."""
    similarity = cosine(a_vec, b_vec, a_norm, b_norm)
    if a_numbers & b_numbers:
        similarity = 0.5 + 0.5 * similarity
    return similarity
