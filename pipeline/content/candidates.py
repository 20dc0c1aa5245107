"""The statements a briefing can use: every body sentence of every usable seed, with provenance."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.content.textstats import salient_numbers, tokens

CONTEXT_DEPENDENT = re.compile(r"^(?:This|That|These|Those|It|They|He|She|His|Her|Their|Such|Here|There|"
                               r"Thus|Hence|Therefore|Consequently|Meanwhile|However|But|And|Also|Both|"
                               r"Besides|Moreover|Furthermore|Additionally|Conversely|Similarly|Likewise)\b")
# A personal pronoun opening a sentence names someone only the sentence before it names ("He has expressed
# a more transactional approach"): out of its paragraph, the point would not say who.
PERSONAL_PRONOUN_START = re.compile(r"^(?:He|She|They|His|Her|Their|Him|Them)\b")
# Discourse connectives that tie a sentence to the one before; a point reads better without them.
LEADING_CONNECTIVE = re.compile(r"^(?:However|Besides|Moreover|Furthermore|Additionally|In addition|Meanwhile|"
                                r"Thus|Hence|Therefore|Consequently|Overall|Indeed|Nevertheless|Nonetheless|"
                                r"Irrespective of all|In other words|On the other hand|Crucially|Particularly),\s+")


def standalone_text(text: str) -> str:
    """The sentence as a briefing point: a leading connective ('Besides, ') removed."""
    trimmed = LEADING_CONNECTIVE.sub("", text, count=1)
    return trimmed[:1].upper() + trimmed[1:] if trimmed != text else text


@dataclass
class Sentence:
    seed: str
    paragraph: int
    sentence: int
    text: str
    marker_ids: list[str]
    seed_id: str
    words: list[str] = field(default_factory=list)
    numbers: set[str] = field(default_factory=set)
    vector: Counter = field(default_factory=Counter)

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.seed, self.paragraph, self.sentence)


def marker_ids(markers: list[int], seed_map: dict) -> list[str]:
    """The entries a sentence's markers cite: every work of each marker's note, once each, in order."""
    ids = []
    for number in markers:
        targets = seed_map.get(str(number)) or []
        # A map written before notes could cite several works gives one id as a string.
        for target in [targets] if isinstance(targets, str) else targets:
            if target not in ids:
                ids.append(target)
    return ids


def collect_sentences(documents: list[dict], bib_map: dict) -> list[Sentence]:
    """Body sentences (not headings) in corpus order, with the ids their markers point at."""
    found = []
    for document in documents:
        seed_map = bib_map.get(document["seed"], {})
        for paragraph in document["paragraphs"]:
            if paragraph["kind"] != "paragraph":
                continue
            for sentence in paragraph["sentences"]:
                found.append(Sentence(document["seed"], paragraph["index"], sentence["index"],
                                      sentence["text"], marker_ids(sentence["markers"], seed_map),
                                      seed_map.get("@seed", document["seed"])))
    for sentence in found:
        sentence.words = tokens(sentence.text)
        sentence.numbers = salient_numbers(sentence.text)
    return found


def standalone_weight(text: str, paragraph: int = 1) -> float:
    """How well a sentence reads out of its paragraph: questions and dangling references weigh less.

    Sentences of an article's opening paragraphs weigh a little more: news and analysis put the
    main facts first.
    """
    words = len(text.split())
    weight = 1.1 if paragraph <= 1 else 1.0
    if text.rstrip().endswith("?"):
        weight *= 0.4
    if PERSONAL_PRONOUN_START.match(text):
        weight *= 0.4
    elif CONTEXT_DEPENDENT.match(text):
        weight *= 0.75
    if words < 8:
        weight *= 0.6
    elif words > 60:
        weight *= 0.8
    return weight
