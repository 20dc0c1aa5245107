"""A section grouped by actor (config: sections[].group_by: actor): who said what, with their roles.

The actors are build/facts.json's speakers. A point of the section whose sentence is one of an
actor's statements goes under that actor; each actor's other statements join it as items of their
own (the source sentence, cited, pointing at its paragraph) unless another section already shows
that sentence. Actors are ordered by how many sources name them; points no actor's statement
accounts for come last, under "Other points". The section's lead stays its lead.
"""

from __future__ import annotations

from pipeline.render.tables import fact_item

MAX_STATEMENTS = 3  # per actor: what each says most often is enough for a briefing
OTHERS = "Other points"


def sentence_keys(item: dict) -> set[tuple[str, int, int]]:
    return {(prov["seed"], prov["paragraph"], prov["sentence"]) for prov in item["provenance"]}


def distinct_roles(roles: list[str], name: str | None) -> list[str]:
    """Roles less the ones another role contains ('President' in 'Russian President') or the name is."""
    folded = [role.casefold() for role in roles]
    kept = [role for role, low in zip(roles, folded, strict=True)
            if not any(low != other and low in other for other in folded) and low != (name or "").casefold()]
    return list(dict.fromkeys(kept))


def actor_heading(speaker: dict) -> dict:
    roles = distinct_roles(speaker["roles"], speaker["name"])
    name = speaker["name"] or (roles.pop(0) if roles else speaker["id"])
    return {"id": speaker["id"], "name": name[:1].upper() + name[1:], "roles": roles, "kind": speaker["kind"]}


def group_by_actor(section: dict, speakers: list[dict], shown_elsewhere: set, documents: dict[str, dict],
                   bib_map: dict, max_actors: int | None = None) -> None:
    """Set section['groups'] ([{actor, entries}], the last one the points no actor accounts for) and
    section['points'] to their items in that order, so that they are numbered as they are printed.
    At most `max_actors` actors; the points of those left out go under "Other points"."""
    points = list(section["points"])
    taken = set(shown_elsewhere) | (sentence_keys(section["lead"]) if section["lead"] else set())
    groups = []
    for speaker in sorted(speakers, key=lambda s: -s["sources_naming"]):
        if max_actors is not None and len(groups) == max_actors:
            break
        items, seen = [], set()
        for statement in speaker["statements"]:
            keys = sentence_keys(statement)
            point = next((p for p in points if sentence_keys(p) & keys), None)
            if point is not None:
                points.remove(point)
                items.append(point)
            elif not keys & (taken | seen) and len(items) < MAX_STATEMENTS:
                text = " ".join(prov["source_text"] for prov in statement["provenance"])
                item = fact_item(statement["provenance"], documents, bib_map, text=text, statement=True)
                items += [item] if item["provenance"] else []
            seen |= keys
        if items:
            taken |= seen
            groups.append({"actor": actor_heading(speaker), "entries": items})
    if points:
        groups.append({"actor": {"id": "others", "name": OTHERS, "roles": [], "kind": None}, "entries": points})
    section["groups"] = groups
    section["points"] = [item for group in groups for item in group["entries"]]
