"""The "Source passages" appendix: every source paragraph a point draws on, printed once.

Points are numbered per section ("2.3": section 2, its third item; the lead is item 1, the rows of
the section's tables follow the points, then the quotations); the rows of the tables outside the
sections (key figures "F1", timeline "T1") come numbered. Each paragraph any of these items draws
on becomes one passage, under its source article, in the article's order, listing the items it
supports (linked back), its supporting sentences marked with their numbers. Sentences more than
`NEAR` sentences away from every supporting one are marked far: the screen shows the whole
paragraph, paper leaves them out behind an elision mark (templates/style/print.css), which keeps
the appendix shorter than the body. Paper also shows only the sources the most items draw on
(briefing.limits.appendix_sources): the appendix, and its table of contents, stay as long whatever
the number of seeds; the screen keeps them all.
"""

from __future__ import annotations

from pipeline.content.seedlabels import source_label, told_apart
from pipeline.core.errors import PipelineError
from pipeline.render.labels import short_name

# Sentences of context kept on paper on each side of a supporting sentence.
NEAR = 1


def section_items(section: dict) -> list[dict]:
    """The lead, the points, the table rows and the quotations of a section, in the order they are printed."""
    rows = [row for row in section.get("rows", []) if row["provenance"]]
    return ([section["lead"]] if section["lead"] else []) + section["points"] + rows + section["quotes"]


def number_points(sections: list[dict], before: list[dict] = ()) -> None:
    """Give every section its number and every item its number ("1.3") and anchor ("pt-1-3"); every
    item, those numbered before the sections (`before`) first, its place in the briefing (`order`)."""
    for order, item in enumerate(before):
        item["order"] = order
    order = len(before)
    for number, section in enumerate(sections, 1):
        section["number"] = number
        for position, item in enumerate(section_items(section), 1):
            item["number"] = f"{number}.{position}"
            item["anchor"] = f"pt-{number}-{position}"
            item["order"], order = order, order + 1


def all_items(sections: list[dict], extra: list[dict]) -> list[dict]:
    return [item for item in extra if item["provenance"]] + [item for s in sections for item in section_items(s)]


def _supports(items: list[dict]) -> dict[tuple[str, int], dict[int, list]]:
    """(seed, paragraph) -> sentence index -> the (item, provenance) pairs it supports, in briefing order."""
    found: dict[tuple[str, int], dict[int, list]] = {}
    for item in items:
        for prov in item["provenance"]:
            sentences = found.setdefault((prov["seed"], prov["paragraph"]), {})
            pairs = sentences.setdefault(prov["sentence"], [])
            if all(other is not item for other, _ in pairs):
                pairs.append((item, prov))
    return found


def _role(index: int, supporting: dict[int, list]) -> str:
    if index in supporting:
        return "support"
    return "near" if any(abs(index - other) <= NEAR for other in supporting) else "far"


def _sentences(paragraph: dict, supporting: dict[int, list]) -> list[dict]:
    rows, previous = [], "support"
    for index, sentence in enumerate(paragraph["sentences"]):
        role = _role(index, supporting)
        pairs = supporting.get(index, [])
        cites = list(dict.fromkeys(ident for _, prov in pairs for ident in prov["marker_ids"]))
        rows.append({"text": sentence["text"], "role": role, "gap": role == "far" and previous != "far",
                     "cites": cites, "marks": [_ref(item) for item, _ in pairs]})
        previous = role
    return rows


def _ref(item: dict) -> dict:
    return {"number": item["number"], "anchor": item["anchor"]}


def _paragraph(document: dict, index: int, supporting: dict[int, list], anchor: str) -> dict:
    try:
        paragraph = document["paragraphs"][index]
    except IndexError:
        raise PipelineError(document["source_file"], f"a point cites paragraph {index}, which it does not have",
                            "rebuild the sections stage") from None
    items = list({id(item): item for pairs in supporting.values() for item, _ in pairs}.values())
    items.sort(key=lambda item: item["order"])
    return {"anchor": anchor, "number": index + 1, "supports": [_ref(item) for item in items],
            "sentences": _sentences(paragraph, supporting)}


def _link_items_to_passages(items: list[dict], anchors: dict[tuple[str, int], dict]) -> None:
    """Each item's `passages`: where its provenance stands in the appendix, in provenance order."""
    for item in items:
        links = [anchors[(prov["seed"], prov["paragraph"])] for prov in item["provenance"]]
        item["passages"] = list({link["anchor"]: link for link in links}.values())


def _mark_printed(sources: list[dict], supports: dict, anchors: dict, limit: int | None) -> None:
    """Each source's `printed`: among the `limit` sources the most items draw on (seed order breaks
    ties); its passages' links say the same, so that print leaves out links to passages it omits."""
    drawn_on: dict[str, set[int]] = {}
    for (seed, _), sentences in supports.items():
        drawn_on.setdefault(seed, set()).update(id(item) for pairs in sentences.values() for item, _ in pairs)
    ranked = sorted(range(len(sources)), key=lambda n: -len(drawn_on[sources[n]["seed"]]))
    kept = set(ranked if limit is None else ranked[:limit])
    for number, source in enumerate(sources):
        source["printed"] = number in kept
    printed = {source["seed"] for source in sources if source["printed"]}
    for link in anchors.values():
        link["printed"] = link["seed"] in printed


def build_appendix(sections: list[dict], documents: dict[str, dict], seed_items: dict[str, dict],
                   extra: list[dict] = (), limit: int | None = None) -> list[dict]:
    """Source articles in seed order, each with its passages; items get their `passages` links.

    Call number_points first. `seed_items` maps a seed to its own bibliography item (for its short
    name); `extra` are the numbered table rows printed before the sections; `limit`: most sources
    printed (briefing.limits.appendix_sources), the others on screen only.
    """
    items = all_items(sections, list(extra))
    supports = _supports(items)
    paragraphs_of: dict[str, list[int]] = {}
    for seed, index in supports:
        paragraphs_of.setdefault(seed, []).append(index)
    missing = sorted(set(paragraphs_of) - set(documents))
    if missing:
        raise PipelineError(f"build/clean/{missing[0]}.json", "a point cites a seed that was not passed to fill",
                            "pass every build/clean/*.json with --clean")
    sources, anchors = [], {}
    cited = [seed for seed in documents if seed in paragraphs_of]
    shorts = told_apart({seed: short_name(seed_items[seed]) if seed in seed_items else source_label(documents[seed])
                         for seed in cited}, [documents[seed] for seed in cited])
    for seed in cited:
        number, document, short = len(sources) + 1, documents[seed], shorts[seed]
        source = {"anchor": f"src-{number}", "label": source_label(document), "short": short, "seed": seed,
                  "paragraphs": []}
        for index in sorted(paragraphs_of[seed]):
            anchor = f"ev-{number}-{index + 1}"
            source["paragraphs"].append(_paragraph(document, index, supports[(seed, index)], anchor))
            anchors[(seed, index)] = {"anchor": anchor, "source": short, "paragraph": index + 1, "seed": seed}
        sources.append(source)
    _mark_printed(sources, supports, anchors, limit)
    _link_items_to_passages(items, anchors)
    return sources
