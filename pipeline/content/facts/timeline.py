"""The timeline: dated events in order, each said once however many sources report it.

An event is a sentence with a day- or month-precision date and a verb of action in the past
(a regular '-ed' form or a common irregular one: 'sent', 'won', 'told'). Two such sentences of one
date are one event when their words are alike (TF-IDF cosine, as statements are merged for the
sections); the event cites every source that reports it.
"""

from __future__ import annotations

import re

from pipeline.content.textstats import cosine, norm, weighted

IRREGULAR_PAST = frozenset("""
began begun broke brought built bought came chose cut did drew drove fell fought found flew forgot gave
got went grew held hit kept knew laid led left lent let lost made meant met paid put quit ran rose
said saw sought sold sent set shot showed shut sang sank sat slew spoke spent spread stood stole
struck swore took taught tore told thought threw understood woke wore won withdrew wrote
""".split())
NOT_VERBS = frozenset("red bed need seed speed feed indeed united based advanced limited armed concerned "
                      "interested supposed alleged so-called detailed varied".split())
SAME_EVENT = 0.35  # TF-IDF cosine of two sentences of one date that report one event


ACTION_WORD = re.compile(r"[A-Za-z-]+")


def has_action(text: str) -> bool:
    """Whether a word of text is a past-tense verb of action; each distinct word is looked at once
    (lower-cased after it is found: lower-casing the text first could make letters of a sign like
    the Kelvin sign and so join words)."""
    return any(word in IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed") and word not in NOT_VERBS)
               for word in {found.lower() for found in ACTION_WORD.findall(text)})


def events(dated: list[tuple[object, str, str]], idf: dict[str, float]) -> list[dict]:
    """dated: (sentence, ISO date, precision) for every dated body sentence, in corpus order; idf:
    the corpus's word weights (textstats.idf_weights), which weigh the words of the sentences that
    make events (only theirs: most sentences make none).

    Sentences need .seed, .seed_id, .paragraph, .sentence, .text and .words (textstats.tokens).
    A sentence is compared only with the events of its date, in the order they were opened: those
    are the ones, in that order, a scan of every event would have tried, as another date never fits.
    """
    merged: list[dict] = []
    by_date: dict[str, list[dict]] = {}
    for sentence, value, precision in dated:
        if precision not in ("day", "month") or not has_action(sentence.text):
            continue
        vector = weighted(sentence.words, idf)
        home = next((e for e in by_date.get(value, ())
                     if cosine(e["_vector"], vector, e["_norm"]) >= SAME_EVENT), None)
        entry = {"seed": sentence.seed, "paragraph": sentence.paragraph, "sentence": sentence.sentence,
                 "source_text": sentence.text}
        if home is None:
            opened = {"date": value, "precision": precision, "text": sentence.text, "_vector": vector,
                      "_norm": norm(vector), "cites": [sentence.seed_id], "provenance": [entry]}
            merged.append(opened)
            by_date.setdefault(value, []).append(opened)
        else:
            home["provenance"].append(entry)
            if sentence.seed_id not in home["cites"]:
                home["cites"].append(sentence.seed_id)
    for entry in merged:
        del entry["_vector"], entry["_norm"]
    return sorted(merged, key=lambda e: e["date"])
