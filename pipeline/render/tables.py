"""build/facts.json as the briefing's tables: every row an item that cites its source and points at
its sentence, as a point does, so that the appendix prints its paragraph and links back to it.

- key figures: the figures compared across sources (agree, changed, conflict), one row each, and the
  figures one source gives of a counted thing; value as stated, unit, source, date and status;
- the timeline: each event with its date and every source reporting it (the figure draws it);
- the codebook's terms: one row per term and source, quoting the words around what matched;
- the sources: each analysed article with its date where it gives one, and the latest event it
  reports; the coverage matrix (coverage.json), the points of each section resting on each source;
- the bottom line: facts.json's judgments, each with a link to the table row it rests on.

How many rows each table shows is bounded (briefing.limits), and a row cites at most
selection.sources_per_point of its sources (the strongest, content/support.py), counting the
others in `more_sources`, so that the tables' length does not grow with the number of seeds.

A row is {"number", "anchor", "cites", "provenance", "sources": [{"seed", "id", "citing"}], ...}:
`cites` the seed articles and the works their sentences cite, `provenance` with `marker_ids` as
the sections' points have them.
"""

from __future__ import annotations

import re

from pipeline.content.candidates import marker_ids
from pipeline.content.facts.bluf import one_value_a_source
from pipeline.content.support import Support, strongest
from pipeline.render.facts import spell_iso

STATUS_WORDS = {"agree": "Agree", "changed": "Changed", "conflict": "Conflict", "differ": "Sources differ",
                "single": "One source", "unmentioned": "Not mentioned"}
# A conflict where a source gives several values of the thing (a cap of 15% and a 10% levy under it):
# the values differ, but no source is set against another.
SEVERAL_VALUES = "Several values"
EXCERPT_WORDS = 7  # words kept on each side of what a term's sentence matched
RANGE = re.compile(r"\d[\d,.]*\s*[-–]\s*\d[\d,.]*")


def short_date(value: str | None) -> str:
    """'2024-10-31' -> '31 Oct 2024'; '2024-11' -> 'Nov 2024'; None -> '—'."""
    return spell_iso(value, short=True) if value else "—"


def evidence(prov: dict, documents: dict[str, dict], bib_map: dict) -> dict:
    """A facts.json provenance entry with the ids its sentence's markers cite."""
    markers = documents[prov["seed"]]["paragraphs"][prov["paragraph"]]["sentences"][prov["sentence"]]["markers"]
    return {**prov, "marker_ids": marker_ids(markers, bib_map.get(prov["seed"], {}))}


def source_support(seed: str, item: object, documents: dict[str, dict], text: str = "") -> Support:
    """A source behind a row, as content/support.py ranks it: its publisher and date."""
    document = documents.get(seed, {})
    return Support(seed, item, text, document.get("publisher"), document.get("date"))


def fact_item(provenance: list[dict], documents: dict[str, dict], bib_map: dict, per_row: int | None = None,
              **fields) -> dict:
    """A row or statement as the appendix and the templates take it: sources, cites, provenance.
    With `per_row`, it cites that many of its sources, the strongest (content/support.py, the first
    one kept: the row prints its words), and counts the others in `more_sources`."""
    provs = [evidence(prov, documents, bib_map) for prov in provenance if prov["seed"] in documents]
    sources: dict[str, dict] = {}
    for prov in provs:
        source = sources.setdefault(prov["seed"], {"seed": prov["seed"], "citing": [],
                                                   "id": bib_map.get(prov["seed"], {}).get("@seed", prov["seed"])})
        source["citing"] += [i for i in prov["marker_ids"] if i not in source["citing"]]
    more = 0
    if per_row is not None and len(sources) > per_row:
        ranked = [source_support(seed, source, documents) for seed, source in sources.items()]
        cited, others = strongest(ranked, per_row, keep_first=True)
        sources, more = {support.seed: support.item for support in cited}, len(others)
        provs = [prov for prov in provs if prov["seed"] in sources]
    cites = list(dict.fromkeys(i for s in sources.values() for i in [s["id"], *s["citing"]]))
    return {**fields, "provenance": provs, "sources": list(sources.values()), "cites": cites, "more_sources": more}


def best_supported(rows: list, count: int | None, support: callable) -> list:
    """The `count` rows of most support (`support(row)`, a number or tuple; ties to the earlier row),
    in their order."""
    if count is None or len(rows) <= count:
        return rows
    kept = set(sorted(range(len(rows)), key=lambda i: support(rows[i]), reverse=True)[:count])  # stable
    return [row for i, row in enumerate(rows) if i in kept]


def label_rows(rows: list[dict], prefix: str, anchor: str) -> list[dict]:
    for number, row in enumerate(rows, 1):
        row["number"], row["anchor"] = f"{prefix}{number}", f"{anchor}-{number}"
    return rows


def stated_value(figure: dict) -> str:
    """The value as the source states it, unit aside: 'around 10,000', '4–5', 'approximately 1,300'."""
    spread = RANGE.search(figure["text"])
    if spread:
        return re.sub(r"\s*[-–]\s*", "–", spread.group())
    value = figure["value"]
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    return f"{figure['hedge']} {number}" if figure.get("hedge") else number


def plain_number(text: str) -> str:
    """'3000' -> '3,000': a bare number as the tables print numbers; other wording as it stands."""
    return f"{int(text):,}" if text.isdigit() else text


def figure_label(label: str, dimension: str, subset: bool = False, share: bool = True) -> str:
    """'Share of territory' for '20% of the territory'; a rate keeps its noun ('Tariff' for 'a 10% tariff')."""
    label = f"Share of {label}" if dimension == "percent" and share else label
    return label[:1].upper() + label[1:] + (", part of a larger number" if subset else "")


def figure_unit(figure: dict, label: str) -> str:
    """The unit's symbol; for a count, the noun the source counts ('soldiers'), unless the label says it."""
    if figure["unit_symbol"]:
        return figure["unit_symbol"]
    counted = figure["counted"] or ""
    return counted if counted and counted.casefold() not in label.casefold() else "count"


def change_status(group: dict) -> dict[str, str]:
    """Figure id -> its status in a group whose value changed: what it rose or fell to, or from."""
    found = {}
    for n, value in enumerate(group["values"]):
        words = []
        if n < len(group["changes"]):
            step = group["changes"][n]
            verb = "rose" if step["direction"] == "growth" else "fell"
            words.append(f"{verb} to {plain_number(step['to_text'])} by {short_date(step['to_date'])}")
        if n > 0:
            step = group["changes"][n - 1]
            words.append(f"{'up' if step['direction'] == 'growth' else 'down'} from {plain_number(step['from_text'])} "
                         f"on {short_date(step['from_date'])}")
        for ident in value["figures"]:
            found[ident] = "Changed: " + "; ".join(words)
    return found


def figure_row(figure: dict, label: str, status: str, group: str | None, documents: dict, bib_map: dict) -> dict:
    return fact_item(figure["provenance"], documents, bib_map, group=group, label=label,
                     value=stated_value(figure), unit=figure_unit(figure, label), date=short_date(figure["date"]),
                     status=status)


def compared_values(values: list[dict], count: int, support: callable) -> list[dict]:
    """The `count` values of most support (best_supported), but never all from one source of a
    group that several give: rows reading "Conflict" must show the sources that differ, so the
    last of them gives way to the best value another source states."""
    kept = best_supported(values, count, support)
    sources = {seed for value in kept for seed in value["sources"]}
    if len(sources) > 1 or len(kept) == len(values) or not kept:
        return kept
    others = [value for value in values if not set(value["sources"]) <= sources]
    if not others:
        return kept
    swapped = kept[:-1] + [max(others, key=support)]  # max keeps the earliest of equal support
    return [value for value in values if any(value is chosen for chosen in swapped)]


def shown_figures(group: dict, by_id: dict[str, dict], documents: dict, per_value: int | None,
                  cited_seeds: set[str] | None = None) -> list[str]:
    """A group's figures the table shows: its `per_value` values most sources give and, of each, the
    `per_value` strongest sources' figures, from the sources the points already cite where there
    are enough (so that the table adds few works to the sources list)."""
    if per_value is None:
        return group["figures"]
    cited = cited_seeds or set()
    values = compared_values(group["values"], per_value,
                             lambda value: (len(value["sources"]), bool(cited & set(value["sources"]))))
    shown = []
    for value in values:
        ranked = [source_support(by_id[ident]["seed"], ident, documents) for ident in value["figures"]]
        first = strongest([r for r in ranked if r.seed in cited], per_value)[0]
        rest = strongest([r for r in ranked if r.seed not in cited], per_value - len(first))[0]
        shown += [support.item for support in first + rest]
    return [ident for ident in group["figures"] if ident in shown]


def compared(group: dict) -> bool:
    """A group the table sets side by side: one that names its thing and, where the values differ,
    whose owner some source names ("46 people" killed in a collapse and towns of "over 50,000 people"
    are no disagreement about people); the figures of any other stand as their sources give them."""
    return bool(group["head"]) and (group["status"] != "conflict" or bool(group["qualifier"]))


def figure_rows(facts: dict, documents: dict[str, dict], bib_map: dict, limits: dict | None = None,
                per_value: int | None = None, cited_seeds: set[str] | None = None) -> list[dict]:
    """The key-figures table: the figures of a counted or measured thing that several sources give
    (compared), then those one source gives of a counted thing. A group with no such thing (the
    '24 hours' of a pledge in three sentences) is no key figure. `limits.figure_rows` caps the rows
    (compared figures first), `per_value` the values a group shows and the figures of each; with
    `cited_seeds`, a figure one source gives is shown only from a source the points already cite
    (of thousands of articles, each one's own count would fill the table and the sources list)."""
    by_id = {figure["id"]: figure for figure in facts["figures"]}
    rows = []
    groups = [group for group in facts["figure_groups"] if compared(group)]
    for group in groups:
        statuses = change_status(group) if group["status"] == "changed" else {}
        status = STATUS_WORDS[group["status"]]
        if group["status"] == "conflict" and not one_value_a_source(group):
            status = SEVERAL_VALUES
        label = figure_label(group["label"], group["dimension"], share=group["share"])
        shown = shown_figures(group, by_id, documents, per_value, cited_seeds)
        for ident in sorted(shown, key=lambda i: (by_id[i]["date"] is None, by_id[i]["date"] or "", i)):
            rows.append(figure_row(by_id[ident], label, statuses.get(ident, status),
                                   group["id"], documents, bib_map))
    grouped = {ident for group in groups for ident in group["figures"]}
    for figure in facts["figures"]:
        if cited_seeds is not None and figure["seed"] not in cited_seeds:
            continue
        if figure["id"] not in grouped and figure["head"] and figure["dimension"] in ("count", "percent"):
            owner = figure["qualifier"] if figure["qualifier"] and figure["qualifier"] not in figure["counted"] else ""
            label = figure_label(f"{figure['counted']} ({owner})" if owner else figure["counted"],
                                 figure["dimension"], figure["subset"], figure["share"])
            rows.append(figure_row(figure, label, "One source", None, documents, bib_map))
    rows = rows[:limits["figure_rows"]] if limits else rows
    return label_rows(rows, "F", "fig")


def timeline_rows(facts: dict, documents: dict[str, dict], bib_map: dict, limits: dict | None = None,
                  per_row: int | None = None) -> list[dict]:
    """The timeline's events in date order; `limits.timeline_rows` of them, those most sources report."""
    events = best_supported(facts["timeline"], limits["timeline_rows"] if limits else None,
                            lambda event: len({prov["seed"] for prov in event["provenance"]}))
    rows = [fact_item(event["provenance"], documents, bib_map, per_row, date=short_date(event["date"]),
                      iso=event["date"], text=event["text"]) for event in events]
    return label_rows(rows, "T", "event")


def excerpt(statement: dict) -> dict:
    """The words around what a term's sentence matched: {'before', 'match', 'after'} (cut with '…') and
    whether a space stands between them ('gap_before', 'gap_after')."""
    text = statement["source_text"]
    start, end = statement.get("match") or (0, len(text))
    before = re.search(rf"(?:\S+\s+){{0,{EXCERPT_WORDS}}}\S*$", text[:start])
    after = re.match(rf"\S*(?:\s+\S+){{0,{EXCERPT_WORDS}}}", text[end:])
    return {"before": ("… " if before.start() > 0 else "") + before.group().strip(),
            "gap_before": before.group()[-1:].isspace(), "match": text[start:end],
            "gap_after": after.group()[:1].isspace(),
            "after": after.group().strip() + (" …" if after.end() < len(text) - end else "")}


def term_rows(term: dict, documents: dict[str, dict], bib_map: dict, limits: dict | None = None) -> list[dict]:
    """One row per source that speaks of the term (its sentence giving a value first), or one saying none does;
    `limits.term_rows` sources at most, those giving a value first."""
    status = STATUS_WORDS[term["status"]]
    if not term["sources"]:
        return [{"term": term["label"], "status": status, "stated": [], "quote": None, "provenance": [],
                 "sources": [], "cites": [], "number": None, "anchor": None, "passages": []}]
    rows = []
    sources = best_supported(term["sources"], limits["term_rows"] if limits else None,
                             lambda source: bool(source["values"]))
    for source in sources:
        statement = next((s for s in source["statements"] if s["values"]), source["statements"][0])
        prov = {key: statement[key] for key in ("seed", "paragraph", "sentence", "source_text")}
        rows.append(fact_item([prov], documents, bib_map, term=term["label"], status=status,
                              stated=source["values"], quote=excerpt(statement),
                              sentences=len(source["statements"])))
    return rows


def source_rows(facts: dict, timeline: list[dict], bib_map: dict) -> list[dict]:
    """Each analysed article, its own date where it gives one, and the latest event it reports."""
    rows = []
    for source in facts["sources"]:
        events = [row for row in timeline if any(s["seed"] == source["seed"] for s in row["sources"])]
        latest = max(events, key=lambda row: row["iso"], default=None)
        rows.append({"id": bib_map.get(source["seed"], {}).get("@seed", source["id"]), "seed": source["seed"],
                     "date": short_date(source["date"]) if source["date"] else "not given",
                     "latest": {"date": latest["date"], "number": latest["number"], "anchor": latest["anchor"]}
                     if latest else None, "cites": [source["id"]]})
    return rows


def cited_sources(rows: list[dict], cited: set[str], count: int, totals: dict[str, int]) -> list[dict]:
    """The rows of the sources the briefing cites, `count` at most: those its points rest on most."""
    kept = [row for row in rows if row["id"] in cited]
    return best_supported(kept, count, lambda row: totals.get(row["seed"], 0))


def coverage_rows(coverage: dict, bib_map: dict) -> list[dict]:
    return [{"id": bib_map.get(seed, {}).get("@seed", seed), "seed": seed, "counts": [coverage["counts"][seed].get(s, 0)
                                                                       for s in coverage["sections"]],
             "total": coverage["totals"][seed]} for seed in coverage["sources"]]


def bluf_judgments(facts: dict, count: int, figures: list[dict], terms: dict[str, list[dict]],
                   grouped_section: str | None) -> list[dict]:
    """facts.json's judgments, each with a link to where the briefing shows what it rests on."""
    judgments = []
    for judgment in facts["bluf"][:count]:
        see = None
        if judgment["kind"] == "figures":
            row = next((r for r in figures if r["group"] == judgment["basis"]), None)
            see = {"label": f"Key figures, {row['number']}", "anchor": row["anchor"]} if row else None
        elif judgment["kind"] in ("terms", "disagreement"):
            rows = terms.get(judgment["basis"]) or next(iter(terms.values()), [])
            see = {"label": f"Terms, {rows[0]['number']}", "anchor": rows[0]["anchor"]} if rows else None
        elif judgment["kind"] == "speakers" and grouped_section:
            see = {"label": "Who said what", "anchor": grouped_section}
        judgments.append({**judgment, "see": see})
    return judgments
