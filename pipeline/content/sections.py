"""Select what the sources say for each configured section (build/sections/<id>.json).

Every prose sentence of every usable seed (not a heading, not corpus boilerplate, see
candidates.py) is scored against every section (BM25, see relevance.py), goes to the section it
fits best (unless selection.allow_sharing), and a section's sentences are merged across sources
and picked for relevance and diversity (select.py). A point cites its strongest few sources
(support.py) and lists the others. Each point keeps its exact provenance. With --coverage, the
stage also counts the points resting on each source (coverage.py). Config keys read: sections,
selection.points_per_section, selection.sources_per_point, selection.min_points, selection.quotes_per_section,
selection.min_score, selection.allow_sharing, selection.diversity, selection.merge_similarity.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.content.candidates import (
    Sentence,
    boilerplate_paragraphs,
    collect_sentences,
    standalone_text,
    standalone_weight,
)
from pipeline.content.coverage import coverage
from pipeline.content.inputs import content_parser, read_content_inputs
from pipeline.content.quotes import balanced, find_speaker, quoted_text
from pipeline.content.relevance import score_sections
from pipeline.content.seedlabels import source_label
from pipeline.content.select import Point, merge_statements, pick_diverse
from pipeline.content.support import Support, strongest
from pipeline.content.textstats import idf_weights, weighted
from pipeline.core.errors import PipelineError, run_cli, warn
from pipeline.core.jsonio import read_json, write_json


def assign(sentences: list[Sentence], scores: dict[str, list[float]], selection: dict) -> dict[str, list]:
    """Section id -> [(sentence, relevance)], best first; relevance = fit x standalone weight."""
    chosen: dict[str, list] = {section: [] for section in scores}
    for i, sentence in enumerate(sentences):
        fits = {section: values[i] for section, values in scores.items()}
        best = max(fits.values(), default=0.0)
        weight = standalone_weight(sentence.text, sentence.paragraph)
        for section, fit in fits.items():
            if fit > 0 and (selection["allow_sharing"] or fit == best):
                chosen[section].append((sentence, fit * weight))
    return {section: sorted(found, key=lambda pair: -pair[1]) for section, found in chosen.items()}


def above_threshold(ranked: list, selection: dict) -> list:
    """Sentences over min_score; if too few for a lead and min_points, the best ones anyway."""
    kept = [pair for pair in ranked if pair[1] >= selection["min_score"]]
    needed = selection["min_points"] + 1
    return kept if len(kept) >= needed else ranked[:max(needed, len(kept))]


def provenance(sentence: Sentence) -> dict:
    return {"seed": sentence.seed, "paragraph": sentence.paragraph, "sentence": sentence.sentence,
            "source_text": sentence.text, "marker_ids": sentence.marker_ids}


def cite_ids(sentences: list[Sentence]) -> list[str]:
    """The ids a statement cites: each sentence's seed, then the entries its markers point at, once each."""
    return list(dict.fromkeys(ident for s in sentences for ident in (s.seed_id, *s.marker_ids)))


def first_per_seed(sentences: list[Sentence]) -> list[Sentence]:
    """Each seed's first sentence, in the order the seeds first appear."""
    first: dict[str, Sentence] = {}
    for sentence in sentences:
        first.setdefault(sentence.seed, sentence)
    return list(first.values())


def point_record(point: Point, relevance: dict[tuple, float], documents: dict[str, dict], count: int) -> dict:
    """A point citing its `count` strongest sources (support.py), the sentence it prints first; the
    others listed in `other_sources` and counted in `more_sources`."""
    supports = [Support(m.seed, m, m.text, documents[m.seed].get("publisher"), documents[m.seed].get("date"),
                        relevance.get(m.key, 0.0)) for m in first_per_seed(point.members)]
    cited, others = strongest(supports, count, keep_first=True)
    sentences = [m for support in cited for m in point.members if m.seed == support.seed]
    return {"text": standalone_text(point.lead.text), "score": round(point.relevance, 4),
            "cites": cite_ids(sentences), "sources": len(point.seeds),
            "provenance": [provenance(support.item) for support in cited], "more_sources": len(others),
            "other_sources": [{**provenance(support.item), "id": support.item.seed_id,
                               "label": source_label(documents[support.seed])} for support in others]}


def find_quotes(ranked: list, documents: dict[str, dict], count: int) -> list[dict]:
    """The section's most relevant quotations that name their speaker, verbatim."""
    quotes, seen = [], set()
    for sentence, relevance in ranked:
        if len(quotes) >= count:  # before the first too: quotes_per_section 0 shows none
            break
        paragraphs = documents[sentence.seed]["paragraphs"]
        previous = paragraphs[sentence.paragraph - 1]["text"] if sentence.paragraph > 0 else None
        text = quoted_text(sentence.text)
        speaker = find_speaker(sentence.text, previous) if text else None
        if not text or not speaker or text in seen:
            continue
        seen.add(text)
        quotes.append({"text": balanced(text), "speaker": speaker, "score": round(relevance, 4),
                       "cites": cite_ids([sentence]),
                       "provenance": [provenance(sentence)]})
    return quotes


def lead_first(points: list[Point]) -> list[Point]:
    """The section's lead is its best-corroborated point (most sources), then the most relevant."""
    if not points:
        return points
    lead = max(points, key=lambda p: (len(p.seeds), p.relevance))
    return [lead] + [p for p in points if p is not lead]


def build_section(section: dict, ranked: list, documents: dict, selection: dict) -> dict:
    quotes = find_quotes(ranked, documents, selection["quotes_per_section"])
    quoted = {(q["provenance"][0]["seed"], q["provenance"][0]["paragraph"], q["provenance"][0]["sentence"])
              for q in quotes}
    candidates = [pair for pair in above_threshold(ranked, selection) if pair[0].key not in quoted]
    points = merge_statements(candidates, selection["merge_similarity"])
    picked = pick_diverse(points, selection["points_per_section"] + 1, selection["diversity"],
                          selection["merge_similarity"])
    relevance = {sentence.key: score for sentence, score in ranked}
    records = [point_record(point, relevance, documents, selection["sources_per_point"])
               for point in lead_first(picked)]
    return {"id": section["id"], "title": section["title"], "description": section["description"],
            "lead": records[0] if records else None, "points": records[1:], "quotes": quotes}


def select_sections(documents: list[dict], bib_map: dict, sections: list[dict], selection: dict,
                    corpus: dict | None = None) -> list[dict]:
    """The pure core: cleaned documents (and the corpus survey) in, one section record per configured
    section out. Paragraphs the corpus lists as boilerplate yield no point."""
    sentences = collect_sentences(documents, bib_map, boilerplate_paragraphs(corpus or {}))
    idf = idf_weights([s.words for s in sentences])
    for sentence in sentences:
        sentence.vector = weighted(sentence.words, idf)
    ranked = assign(sentences, score_sections([s.words for s in sentences], sections), selection)
    by_seed = {document["seed"]: document for document in documents}
    return [build_section(section, ranked[section["id"]], by_seed, selection) for section in sections]


def missing_citations(records: list[dict], known_ids: set[str]) -> list[str]:
    """Ids the sections cite that the bibliography lacks: pandoc would render them as '???'."""
    cited = (ident for record in records
             for item in ([record["lead"]] if record["lead"] else []) + record["points"] + record["quotes"]
             for ident in item["cites"])
    return sorted(set(cited) - known_ids)


def main(argv=None) -> int:
    parser = content_parser("python -m pipeline sections", __doc__.splitlines()[0])
    parser.add_argument("--bibliography", help="build/bibliography.json (checked for the ids cited)")
    parser.add_argument("--output", nargs="+", required=True,
                        help="one file per section, each named <section id>.json")
    parser.add_argument("--coverage", help="<briefing>/coverage.json: how many points of each section rest on"
                        " each source (schema coverage.schema.json)")
    args = parser.parse_args(argv)
    inputs = read_content_inputs(args, args.output[0], "draw sections from")
    targets = {Path(path).stem: path for path in args.output}
    records = select_sections(inputs.documents, inputs.bib_map, inputs.settings["sections"],
                              inputs.settings["selection"], inputs.corpus)
    if args.bibliography:
        missing = missing_citations(records, {item["id"] for item in read_json(args.bibliography)})
        if missing:
            raise PipelineError(args.map, f"points to ids the bibliography lacks ({', '.join(missing[:5])})",
                                "delete build/ and rebuild, so map and bibliography come from one run")
    for record in records:
        if record["lead"] is None:
            warn(record["id"], "no source says anything about this section; check its description and keywords")
        write_json(targets.get(record["id"], Path(args.output[0]).with_name(f"{record['id']}.json")), record)
    if args.coverage:
        write_json(args.coverage, coverage(records, [document["seed"] for document in inputs.documents]))
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
