"""What the corpus survey needs of a cleaned seed, computed once, where the seed is cleaned.

The survey (intake/corpus.py) compares every seed with every other, but what it compares are hashes:
the seed's word 5-grams (near duplicates) and, for each paragraph, its normalized text's key and
word 3-grams (boilerplate). A seed's hashes depend on that seed alone, so its clean job writes
them for the whole shard (`survey/<shard>.json`, `python -m pipeline clean ... --summary`),
and the survey reads a file a shard instead of reparsing every seed: a changed seed costs one
shard's hashing, not the corpus's. The hashes do not depend on any setting; the survey applies
cleaning.boilerplate_min_words to the word counts kept with them.

A shard file is {"version": 1, "seeds": [record, ...]}, one record per cleaned seed in seed-id
order: {"seed", "status", "error" (when not ok), "shingles": the sorted 5-gram hashes,
"paragraphs": [[word count, key, sorted 3-gram hashes], ...] in paragraph order}; hash lists are
little-endian uint32 arrays in base64, and a key is the 16-byte digest of the normalized words.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
import unicodedata
import zlib
from array import array
from dataclasses import dataclass
from typing import Any

from pipeline.core.errors import PipelineError
from pipeline.core.jsonio import read_json

VERSION = 1
SHINGLE = 5  # a seed's word 5-grams, for near duplicates
NEAR_SHINGLE = 3  # a paragraph's word 3-grams, for near recurrences (boilerplate.py)
LETTERS = re.compile(r"[^\W\d_]+")
APOSTROPHES = re.compile(r"(?<=\w)['’](?=\w)")


def normalized_words(text: str) -> list[str]:
    """The paragraph's words as the same paragraph reprinted would give them.

    Case, spacing, punctuation, quote styles and digits (a year, a report number, a page) are
    left out; letters, word order and accents stay, so only a reprint, not a paraphrase, matches.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return LETTERS.findall(APOSTROPHES.sub("", folded))


def word_shingles(words: list[str], size: int = NEAR_SHINGLE) -> set[int]:
    grams = (" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1)))
    return {zlib.crc32(gram.encode("utf-8")) for gram in grams}


def shingles(document: dict) -> set[int]:
    """The seed's word 5-gram hashes: what two copies of one article share most of."""
    words = re.findall(r"\w+", " ".join(p["text"] for p in document["paragraphs"]).casefold())
    grams = (" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)))
    return {zlib.crc32(gram.encode("utf-8")) for gram in grams}


def paragraph_key(words: list[str]) -> bytes:
    """One key for a paragraph and its reprints (normalized_words makes them the same words)."""
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()


@dataclass(frozen=True)
class Paragraph:
    words: int
    key: bytes
    shingles: array  # sorted 3-gram hashes (uint32)


@dataclass(frozen=True)
class Fingerprint:
    """One cleaned seed as the survey sees it."""

    seed: str
    status: str
    error: str | None
    shingles: array  # sorted 5-gram hashes (uint32); empty for a skipped seed
    paragraphs: tuple[Paragraph, ...]

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def fingerprint(document: dict) -> Fingerprint:
    if document.get("status", "ok") != "ok":
        return Fingerprint(document["seed"], document["status"], document.get("error"), array("I"), ())
    paragraphs = []
    for paragraph in document["paragraphs"]:
        words = normalized_words(paragraph["text"])
        paragraphs.append(Paragraph(len(words), paragraph_key(words), array("I", sorted(word_shingles(words)))))
    return Fingerprint(document["seed"], "ok", None, array("I", sorted(shingles(document))), tuple(paragraphs))


def _pack(values: array) -> str:
    data = values if sys.byteorder == "little" else _swapped(values)
    return base64.b64encode(data.tobytes()).decode("ascii")


def _unpack(text: str) -> array:
    values = array("I")
    values.frombytes(base64.b64decode(text))
    return values if sys.byteorder == "little" else _swapped(values)


def _swapped(values: array) -> array:
    copy = array("I", values)
    copy.byteswap()
    return copy


def to_record(print_: Fingerprint) -> dict[str, Any]:
    record: dict[str, Any] = {"seed": print_.seed, "status": print_.status}
    if not print_.ok:
        record["error"] = print_.error
        return record
    record["shingles"] = _pack(print_.shingles)
    record["paragraphs"] = [[p.words, base64.b64encode(p.key).decode("ascii"), _pack(p.shingles)]
                            for p in print_.paragraphs]
    return record


def from_record(record: dict[str, Any]) -> Fingerprint:
    if record["status"] != "ok":
        return Fingerprint(record["seed"], record["status"], record.get("error"), array("I"), ())
    paragraphs = tuple(Paragraph(words, base64.b64decode(key), _unpack(grams))
                       for words, key, grams in record["paragraphs"])
    return Fingerprint(record["seed"], "ok", None, _unpack(record["shingles"]), paragraphs)


def shard_summary(clean_paths: list[str]) -> dict[str, Any]:
    """The survey file of a shard, from the clean files its job wrote (the driver's --summary)."""
    prints = sorted((fingerprint(read_json(path)) for path in clean_paths), key=lambda p: p.seed)
    return {"version": VERSION, "seeds": [to_record(p) for p in prints]}


def read_summaries(paths: list[str]) -> list[Fingerprint]:
    """Every seed's fingerprint from the shards' survey files, in seed-id order."""
    prints = []
    for path in paths:
        summary = read_json(path)
        if not isinstance(summary, dict) or summary.get("version") != VERSION:
            raise PipelineError(path, "not a survey file of this version", "delete it and rebuild")
        try:
            prints.extend(from_record(record) for record in summary["seeds"])
        except (KeyError, TypeError, ValueError):
            raise PipelineError(path, "a malformed survey record", "delete it and rebuild") from None
    return sorted(prints, key=lambda p: p.seed)
