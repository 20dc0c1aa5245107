"""Extract the facts the sources state (build/facts.json): dates, figures, codebook terms, who said what.

Every body sentence gets the date it is about (dates.py, resolved against the source's date or the
briefing's as-of date, sourcedates.py); its figures are read with their units and what they count
(figures.py) and compared across sources (compare.py); the codebook's terms are looked up
(codebook.py); quotations and reported speech are attributed to actors with their roles
(speakers.py, actors.py); dated events form the timeline (timeline.py); and the bottom line is
composed from all of it (bluf.py). It reads no section: the sections stage runs beside it. Every
item keeps its provenance and cites the seed article. Config keys read: codebook, facts.synonyms.
SOURCE_DATE_EPOCH, when set, is the build date.

What one sentence says whatever the other seeds (its dates against its source's own date, its
figures as quantulum3 reads them, its speeches and roles) comes from the seed's extract
(extract.py, build/extract/<shard>/<seed>.json, --extract), read by a job per shard of seeds; this stage
combines the extracts, and reads a seed itself when it is given no extract for it.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from pipeline.content.candidates import boilerplate_paragraphs, collect_sentences
from pipeline.content.facts import codebook as codebook_terms
from pipeline.content.facts.actors import actor_id, family_name, kind_of, merge_actors
from pipeline.content.facts.bluf import bottom_line
from pipeline.content.facts.compare import dated_span, kinds_of, status_of, value_classes
from pipeline.content.facts.dates import find_dates, most_precise
from pipeline.content.facts.extract import check_extract, extract_seed, seed_stated_dates, sentence_facts
from pipeline.content.facts.figures import Figure, settled_figure
from pipeline.content.facts.sourcedates import as_of, base_for, epoch_date, parse_iso, reported_after
from pipeline.content.facts.timeline import events
from pipeline.content.facts.units import start_pint
from pipeline.content.inputs import content_parser, read_content_inputs
from pipeline.content.quotes import quoted_text
from pipeline.content.seedlabels import told_apart
from pipeline.content.textstats import idf_weights
from pipeline.core.errors import PipelineError, run_cli
from pipeline.core.jsonio import read_json, write_json


def provenance(sentence) -> dict:
    return {"seed": sentence.seed, "paragraph": sentence.paragraph, "sentence": sentence.sentence,
            "source_text": sentence.text}


def synonym_map(groups: list[list[str]]) -> dict[str, str]:
    """Each word of a synonym group -> the group's first word, singular and lower-cased."""
    from pipeline.content.facts.figures import singular

    return {singular(word): singular(group[0]) for group in groups for word in group}


def judgment_label(document: dict) -> str:
    """How a judgment names a source, in short (seedlabels.source_label is the full label): its first
    author's family name, else its publisher, else its title up to the first colon or question mark."""
    if document.get("authors"):
        return family_name(document["authors"][0])
    title = re.split(r"[:?!]", document.get("title") or "")[0].strip()
    return document.get("publisher") or title or document["seed"]


def source_labels(documents: list[dict]) -> dict[str, str]:
    """Each seed's label (judgment_label), told apart where several sources share one (seedlabels.py)."""
    return told_apart({d["seed"]: judgment_label(d) for d in documents}, documents)


def source_records(documents: list[dict], bib_map: dict, briefing_as_of: dict | None,
                   labels: dict[str, str]) -> list[dict]:
    return [{"seed": d["seed"], "id": bib_map.get(d["seed"], {}).get("@seed", d["seed"]), "title": d.get("title"),
             "authors": d.get("authors", []), "publisher": d.get("publisher"), "url": d.get("url"),
             "date": d.get("date"), "label": labels[d["seed"]],
             "dates_resolved_against": "own date" if d.get("date") else ("as_of" if briefing_as_of else None)}
            for d in documents]


def figure_record(index: int, figure: Figure, sentence) -> dict:
    from pipeline.content.facts.units import short_unit

    low, high = figure.base_interval
    return {"id": f"f{index}", "text": figure.text, "value": figure.value, "unit": figure.unit,
            "unit_symbol": short_unit(figure.unit), "factor": figure.norm.factor,
            "dimension": figure.norm.dimension, "base_value": figure.base_value, "base_unit": figure.norm.base_unit,
            "interval": [None if abs(low) == float("inf") else low, None if abs(high) == float("inf") else high],
            "counted": figure.counted, "head": figure.head, "qualifier": figure.qualifier, "hedge": figure.hedge,
            "bound": figure.bound, "subset": figure.subset, "share": figure.share, "date": figure.date,
            "date_precision": figure.date_precision, "seed": figure.seed, "cites": [sentence.seed_id],
            "provenance": [provenance(sentence)]}


def named_figure(kind: list[Figure]) -> Figure:
    """The figure of a kind that names its thing most fully: its label, and whether it is a share."""
    return max(kind, key=lambda f: (bool(f.counted), len(f.counted or ""), bool(f.qualifier)))


def group_label(kind: list[Figure]) -> str:
    named = named_figure(kind)
    return named.counted or named.text


def figure_groups(figures: list[Figure], records: dict[int, dict]) -> list[dict]:
    groups = []
    for kind in kinds_of(figures):
        seeds = list(dict.fromkeys(f.seed for f in kind))
        if len(seeds) < 2:
            continue
        classes = value_classes(kind)
        status, changes = status_of(classes)
        members = [records[id(f)] for f in kind]
        groups.append({
            "id": f"g{len(groups) + 1}", "label": group_label(kind), "share": named_figure(kind).share,
            "status": status,
            "dimension": kind[0].norm.dimension, "base_unit": kind[0].norm.base_unit,
            "head": next((f.head for f in kind if f.head), None),
            "qualifier": next((f.qualifier for f in kind if f.qualifier), None),
            "range": [min(f.base_value for f in kind), max(f.base_value for f in kind)],
            "values": [{"base_value": c[0].base_value, "figures": [records[id(f)]["id"] for f in c],
                        "dates": list(dated_span(c) or []), "sources": list(dict.fromkeys(f.seed for f in c))}
                       for c in classes],
            "changes": changes, "sources": seeds, "figures": [m["id"] for m in members],
            "members": [{"id": m["id"], "text": m["text"], "seed": m["seed"], "date": m["date"],
                         "unit_symbol": m["unit_symbol"], "factor": m["factor"]} for m in members],
            "cites": list(dict.fromkeys(c for m in members for c in m["cites"]))})
    return groups


def statement_record(speech, sentence, when, extra=None) -> dict:
    return {"verb": speech.verb, "kind": speech.kind, "text": speech.text, "role": speech.role,
            "outlet": speech.outlet, "date": when, "cites": [sentence.seed_id],
            "provenance": [provenance(sentence)] + ([provenance(extra)] if extra else [])}


def colon_quote(sentence, by_position: dict) -> tuple[str, object] | None:
    """The quotation a lead-in ending in a colon introduces: the next paragraph, when it is one."""
    if not sentence.text.rstrip().endswith(":"):
        return None
    following, index = [], 0
    while (next_sentence := by_position.get((sentence.seed, sentence.paragraph + 1, index))) is not None:
        following.append(next_sentence)
        index += 1
    text = " ".join(s.text for s in following)
    if following and text.lstrip().startswith(("“", '"', "‘")):
        return quoted_text(text) or text.strip("“”\" "), following[0]
    return None


WORD = re.compile(r"\w+")


def collect_speakers(sentences: list, dates: dict, facts_of: dict) -> list[dict]:
    """Actors with their aliases, roles and statements, in order of first statement. facts_of:
    each sentence's SentenceFacts (extract.py), which hold its speeches and roles."""
    by_position = {(s.seed, s.paragraph, s.sentence): s for s in sentences}
    said, roles = [], []
    for sentence in sentences:
        found = facts_of[sentence.key]
        roles += found.roles
        for speech in found.speeches:
            quoted = colon_quote(sentence, by_position)
            if quoted:
                speech = type(speech)(speech.name, speech.role, speech.verb, "quote", quoted[0], speech.outlet)
            when = dates.get(sentence.key)
            said.append((speech, statement_record(speech, sentence, when, quoted[1] if quoted else None)))
    names = [speech.name or speech.role for speech, _ in said]
    display = merge_actors(names + [name for name, _ in roles])
    actors: dict[str, dict] = {}
    for speech, record in said:
        shown = display[speech.name or speech.role]
        if shown not in actors:  # made once per actor, not per statement
            actors[shown] = {"id": actor_id(shown), "name": shown if speech.name else None, "aliases": [],
                             "kind": kind_of(shown, speech.role), "roles": [], "statements": []}
        actor = actors[shown]
        if speech.name and speech.name not in actor["aliases"]:
            actor["aliases"].append(speech.name)
        if speech.role and speech.role not in actor["roles"]:
            actor["roles"].append(speech.role)
        actor["statements"].append(record)
    for name, role in roles:
        actor = actors.get(display.get(name))
        if actor is not None:
            if role not in actor["roles"]:
                actor["roles"].append(role)
            if name not in actor["aliases"]:
                actor["aliases"].append(name)
    searched = {id(actor): [a.split()[-1] for a in actor["aliases"]] or [actor["id"]] for actor in actors.values()}
    seeds_with = seeds_by_word(sentences, {name for names in searched.values() for name in names})
    for actor in actors.values():
        actor["sources_naming"] = len(seeds_naming(searched[id(actor)], sentences, seeds_with))
    return list(actors.values())


def seeds_by_word(sentences: list, words: set[str]) -> dict[str, set]:
    """Each of words that is a run of \\w characters (as \\b bounds it) -> the seeds whose
    sentences have it as a whole word; the others, the words no name is looked up by, are not indexed.

    A seed's sentences are read as one text, joined by a newline: \\w never matches one, so the
    words found there are the union of each sentence's.
    """
    texts: dict[str, list[str]] = {}
    for sentence in sentences:
        texts.setdefault(sentence.seed, []).append(sentence.text)
    index: dict[str, set] = {}
    for seed, seed_texts in texts.items():
        for word in words.intersection(WORD.findall("\n".join(seed_texts))):
            index.setdefault(word, set()).add(seed)
    return index


def seeds_naming(names: list[str], sentences: list, seeds_with: dict[str, set]) -> set:
    """The seeds with a sentence naming one of names as a whole word: looked up in the word index,
    so that counting every actor's sources is not a pass over every sentence per actor; a name
    that is not one word ("Jr.", an id with hyphens) is searched for as before."""
    found: set = set()
    unusual = [name for name in names if not WORD.fullmatch(name)]
    for name in names:
        if WORD.fullmatch(name):
            found |= seeds_with.get(name, set())
    if unusual:
        named = re.compile(r"\b(?:" + "|".join(map(re.escape, unusual)) + r")\b")
        found |= {s.seed for s in sentences if named.search(s.text)}
    return found


def held_by(mention, base) -> bool:
    """Whether a figure can have held at its sentence's date: not one after its source's own date (a
    contract "worth up to $4.6 billion through June 2028" in a 2026 report states a plan, and a kind's
    values read as a rise to it)."""
    if base is None or not base.known or mention.precision == "week":
        return True
    parsed = parse_iso(mention.value)
    return parsed is None or parsed[0] <= base.day


def read_sentences(sentences: list, bases: dict, synonyms: dict[str, str], facts_of: dict) -> dict:
    """Each sentence's date and its figures, from its SentenceFacts (facts_of, extract.py): the
    dates its extract read against the source's own date, or, for a source without one, read here
    against bases (the briefing's as-of date); the figures outside those dates' spans."""
    read = {"date_records": [], "dated": [], "dates": {}, "figures": [], "records": {}}
    for sentence in sentences:
        extracted = facts_of[sentence.key]
        mentions = extracted.dates if extracted.dates is not None else find_dates(sentence.text, bases[sentence.seed])
        mention = most_precise(mentions)
        if mention:
            read["dates"][sentence.key] = mention.value
            read["dated"].append((sentence, mention.value, mention.precision))
            read["date_records"].append({"date": mention.value, "precision": mention.precision, "text": mention.text,
                                         "relative": mention.relative, "cites": [sentence.seed_id],
                                         "provenance": [provenance(sentence)]})
        spans = [(m.start, m.end) for m in mentions]
        for candidate in extracted.figures:
            fields = settled_figure(candidate, spans, synonyms)
            if fields is None:
                continue
            figure = Figure(sentence.seed, sentence.paragraph, sentence.sentence, context=sentence.words, **fields)
            # The date a figure is about is its sentence's; a source's own date says when it was
            # reported, not when the figure held, so two sources a day apart are no change over time.
            if mention and mention.precision in ("day", "week", "month") and held_by(mention, bases[sentence.seed]):
                figure.date, figure.date_precision = mention.value, mention.precision
            read["figures"].append(figure)
            read["records"][id(figure)] = figure_record(len(read["records"]) + 1, figure, sentence)
    return read


def build_facts(documents: list[dict], bib_map: dict, bibliography: list[dict], settings: dict,
                epoch: str | None = None, boilerplate: set | frozenset = frozenset(),
                extracts: dict[str, dict] | None = None) -> dict:
    """The pure core: cleaned documents, the bibliography and its map and the settings
    (codebook, facts) in; the facts record out. Paragraphs the corpus lists as boilerplate
    ((seed, paragraph index)) state no fact, as they give no point. extracts: seed -> its extract
    (extract.py, build/extract/<shard>/<seed>.json); a seed not in it is extracted here."""
    extracts = {d["seed"]: (extracts or {}).get(d["seed"]) or extract_seed(d) for d in documents}
    stated = {seed: seed_stated_dates(extract) for seed, extract in extracts.items()}
    briefing_as_of = as_of(documents, bib_map, {item["id"]: item for item in bibliography}, epoch, stated)
    positions = {seed: [(record["paragraph"], record["sentence"]) for record in extract["sentences"]]
                 for seed, extract in extracts.items()}
    sentences = collect_sentences(documents, bib_map, boilerplate, positions, numbers=False)
    facts_of = {key: found for extract in extracts.values() for key, found in sentence_facts(extract).items()}
    idf = idf_weights([s.words for s in sentences])
    synonyms = synonym_map(settings.get("facts", {}).get("synonyms", []))
    read = read_sentences(sentences, {d["seed"]: base_for(d, briefing_as_of) for d in documents}, synonyms, facts_of)
    later = reported_after(briefing_as_of, read["dated"])
    if later:  # the sources report events after the date they state: read again against the later one
        briefing_as_of = later
        read = read_sentences(sentences, {d["seed"]: base_for(d, briefing_as_of) for d in documents}, synonyms,
                              facts_of)
    groups = figure_groups(read["figures"], read["records"])
    terms = codebook_terms.read_codebook(settings.get("codebook", []), sentences)
    speakers = collect_speakers(sentences, read["dates"], facts_of)
    labels = source_labels(documents)
    build = epoch_date(epoch)
    return {"as_of": briefing_as_of, "build_date": build.isoformat() if build else None,
            "sources": source_records(documents, bib_map, briefing_as_of, labels), "dates": read["date_records"],
            "figures": list(read["records"].values()), "figure_groups": groups, "terms": terms,
            "speakers": speakers, "timeline": events(read["dated"], idf),
            "bluf": bottom_line(groups, terms, speakers, labels)}


def read_extracts(paths: list[str] | None, documents: list[dict]) -> dict[str, dict]:
    """Each usable seed's extract among paths (<seed>.json files), checked against its cleaned seed;
    with paths given, a seed without one is an error naming the file it would be."""
    by_seed = {Path(path).stem: path for path in paths or []}
    extracts = {}
    for document in documents if paths is not None else []:
        path = by_seed.get(document["seed"])
        if path is None:
            raise PipelineError(f"{document['seed']}.json", "no extract of this seed among the --extract files",
                                "rerun its shard's extract job, or pass its extract")
        extracts[document["seed"]] = check_extract(path, read_json(path), document)
    return extracts


def main(argv=None) -> int:
    parser = content_parser("python -m pipeline facts", __doc__.splitlines()[0])
    parser.add_argument("--bibliography", required=True, help="build/bibliography.json")
    parser.add_argument("--extract", nargs="*", help="build/extract/<shard>/<seed>.json (python -m pipeline extract),"
                        " or @ the shards' manifests of them; without it each seed is extracted here")
    parser.add_argument("--output", required=True, help="build/facts.json")
    args = parser.parse_args(argv)
    start_pint()  # its registry is built beside the reading of the files and sentences, not after it
    write_facts(args)  # under a paused collector when run by python -m pipeline (core/collector.py)
    return 0


def write_facts(args) -> None:
    """Read the inputs main's arguments name, build the facts, write them: in a function of its
    own so that what it read is freed on return, before the garbage collector runs again (else
    its first collection walks every object the stage made)."""
    inputs = read_content_inputs(args, args.output, "read facts from")
    facts = build_facts(inputs.documents, inputs.bib_map, read_json(args.bibliography), inputs.settings,
                        os.environ.get("SOURCE_DATE_EPOCH"), boilerplate_paragraphs(inputs.corpus),
                        read_extracts(args.extract, inputs.documents))
    write_json(args.output, facts)


if __name__ == "__main__":
    sys.exit(run_cli(main))
