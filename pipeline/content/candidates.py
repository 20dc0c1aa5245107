"""The statements a briefing can use: every body sentence of every usable seed, with provenance.

Only prose is a statement: sentences of headings, of corpus boilerplate (build/corpus.json) and
shapes that are not a sentence (Markdown, table rows, links, contents entries, titles) are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.content.textstats import salient_numbers, tokens
from pipeline.core.bibmap import ids_for

CONTEXT_DEPENDENT = re.compile(r"^(?:This|That|These|Those|It|They|He|She|His|Her|Their|Such|Here|There|"
                               r"Thus|Hence|Therefore|Consequently|Meanwhile|However|But|And|Also|Both|"
                               r"Besides|Moreover|Furthermore|Additionally|Conversely|Similarly|Likewise)\b")
# A personal pronoun opening a sentence names someone only the sentence before it names ("He has expressed
# a more transactional approach"): out of its paragraph, the point would not say who.
PERSONAL_PRONOUN_START = re.compile(r"^(?:He|She|They|His|Her|Their|Him|Them)\b")
# A sentence about the source itself ("This Legal Sidebar discusses ...", "The report examines ..."): what
# it covers, not what it finds; a point made of it tells the reader nothing about the topic.
_SELF_NOUNS = (r"report|paper|article|sidebar|insight|brief|briefing|memo|memorandum|primer|analysis|study|"
               r"document|piece|post|essay|book|chapter|product|in focus|note|explainer|guide|overview|fact ?sheet")
_COVERING_VERBS = (r"discuss|examine|provide|describe|review|analy[sz]e|present|summari[sz]e|focus|outline|explain|"
                   r"include|cover|consider|address|highlight|look|give|offer|survey|identif(?:y|ie)")
ABOUT_ITSELF = re.compile(rf"^(?:This|In this|Our)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SELF_NOUNS})s?,?\s+(?:\w+\s+)?"
                          rf"(?:{_COVERING_VERBS})(?:e?s)?\b", re.IGNORECASE)
# Discourse connectives that tie a sentence to the one before; a point reads better without them.
LEADING_CONNECTIVE = re.compile(r"^(?:However|Besides|Moreover|Furthermore|Additionally|In addition|Meanwhile|"
                                r"Thus|Hence|Therefore|Consequently|Overall|Indeed|Nevertheless|Nonetheless|"
                                r"Irrespective of all|In other words|On the other hand|Crucially|Particularly),\s+")

# Paragraph kinds that can hold statements; a list item only when it is a whole sentence.
PROSE_KINDS = ("paragraph", "list_item")
# Markup a statement never carries: table cell separators, bold, links, code, a Markdown heading
# or bullet, the dot leaders of a table of contents ("Introduction ....... 3", ". . . 3").
MARKUP = re.compile(r"\||\*\*|__|\]\(|`|^\s*(?:#|[-*+•]\s)|\.{4,}|…{2,}|(?:\s\.){3,}")
URL = re.compile(r"(?:https?://|www\.)\S+")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
MIN_WORDS = 5  # shorter is a label ("Read the full report."), a caption or a contents entry
MIN_LETTER_SHARE = 0.6  # of the visible characters: under it the text is figures, a table row or codes
LOWERCASE_RUN = 3  # lowercase words in a row: prose has them, a title-case fragment does not


def ends_like_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text.rstrip()))


def has_lowercase_run(text: str, run: int = LOWERCASE_RUN) -> bool:
    length = 0
    for word in text.split():
        length = length + 1 if word[:1].islower() else 0
        if length >= run:
            return True
    return False


@lru_cache(maxsize=1 << 16)  # a corpus repeats sentences (syndicated copies, a publisher's lines)
def is_statement(text: str) -> bool:
    """Whether a sentence reads as prose, by its shape: no markup, enough words, mostly letters,
    not a lead-in to what follows nor cut off before it (a colon's, a comma's or a semicolon's end:
    "In terms of the impact of the deployment," over a quotation set apart), and either a
    sentence's end or the lowercase run of a sentence (a title has neither)."""
    if MARKUP.search(text) or text.rstrip().endswith((":", ",", ";")):
        return False
    if len(URL.sub(" ", text).split()) < MIN_WORDS:
        return False
    visible = len(text) - sum(map(str.isspace, text))
    if sum(map(str.isalpha, text)) < MIN_LETTER_SHARE * visible:
        return False
    return ends_like_sentence(text) or has_lowercase_run(text)


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
        for target in ids_for(seed_map, str(number)):
            if target not in ids:
                ids.append(target)
    return ids


def boilerplate_paragraphs(corpus: dict) -> set[tuple[str, int]]:
    """(seed, paragraph index) of every paragraph corpus.json lists as boilerplate."""
    return {(seed, index) for item in corpus.get("boilerplate", [])
            for seed, indexes in item["paragraphs"].items() for index in indexes}


def yields_statements(paragraph: dict) -> bool:
    return paragraph["kind"] in PROSE_KINDS


def is_candidate(sentence: str, kind: str) -> bool:
    """A sentence a point may be: prose, and in a list item only a whole sentence."""
    return is_statement(sentence) and (kind != "list_item" or ends_like_sentence(sentence))


def statement_sentences(document: dict) -> Iterator[tuple[dict, dict]]:
    """(paragraph, sentence) of each sentence of one document a statement may be, in order: prose
    paragraphs only, and only sentences that are candidates (is_candidate); boilerplate, a matter
    of the whole corpus, is not looked at."""
    for paragraph in document["paragraphs"]:
        if yields_statements(paragraph):
            for sentence in paragraph["sentences"]:
                if is_candidate(sentence["text"], paragraph["kind"]):
                    yield paragraph, sentence


def listed_sentences(document: dict, positions: list[tuple[int, int]]) -> Iterator[tuple[dict, dict]]:
    """(paragraph, sentence) at each of positions ((paragraph index, sentence index), as
    statement_sentences found them before), in that order."""
    for paragraph_index, sentence_index in positions:
        paragraph = document["paragraphs"][paragraph_index]
        yield paragraph, paragraph["sentences"][sentence_index]


def collect_sentences(documents: list[dict], bib_map: dict,
                      boilerplate: set[tuple[str, int]] | frozenset = frozenset(),
                      positions: dict[str, list[tuple[int, int]]] | None = None,
                      numbers: bool = True) -> list[Sentence]:
    """Prose sentences in corpus order, with the ids their markers point at.

    Headings, boilerplate paragraphs ((seed, paragraph index), see boilerplate_paragraphs) and
    sentences that are not statements (is_candidate) are left out; indexes stay the document's.
    positions: seed -> its statement_sentences as (paragraph, sentence) indexes, where a stage has
    them already (the facts stage, from each seed's extract), so that they are not tested again.
    numbers: whether each sentence's salient numbers are read (the sections' merging compares
    them; the facts stage reads none, and at 10,000 seeds they cost it half a second).
    """
    found = []
    for document in documents:
        seed_map = bib_map.get(document["seed"], {})
        listed = (positions or {}).get(document["seed"])
        pairs = statement_sentences(document) if listed is None else listed_sentences(document, listed)
        for paragraph, sentence in pairs:
            if (document["seed"], paragraph["index"]) in boilerplate:
                continue
            found.append(Sentence(document["seed"], paragraph["index"], sentence["index"],
                                  sentence["text"], marker_ids(sentence["markers"], seed_map),
                                  seed_map.get("@seed", document["seed"])))
    read: dict[str, tuple[list[str], set[str]]] = {}  # a corpus repeats sentences: each is read once
    for sentence in found:
        if sentence.text not in read:
            read[sentence.text] = tokens(sentence.text), salient_numbers(sentence.text) if numbers else set()
        words, said = read[sentence.text]
        sentence.words, sentence.numbers = list(words), set(said)
    return found


def standalone_weight(text: str, paragraph: int = 1) -> float:
    """How well a sentence reads out of its paragraph: questions, dangling references and a source's
    words about itself weigh less.

    Sentences of an article's opening paragraphs weigh a little more: news and analysis put the
    main facts first.
    """
    words = len(text.split())
    weight = 1.1 if paragraph <= 1 else 1.0
    if text.rstrip().endswith("?"):
        weight *= 0.4
    if ABOUT_ITSELF.match(text):
        weight *= 0.25
    elif PERSONAL_PRONOUN_START.match(text):
        weight *= 0.4
    elif CONTEXT_DEPENDENT.match(text):
        weight *= 0.75
    if words < 8:
        weight *= 0.6
    elif words > 60:
        weight *= 0.8
    return weight
