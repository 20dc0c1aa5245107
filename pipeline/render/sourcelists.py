"""A point's further sources, listed beside the page rather than in its Markdown.

A point made by thousands of seeds cites its strongest few and folds the others into a list on
screen (templates/pandoc/details.lua: a <details> element). Written into briefing.md, those lists
grew it with the corpus (6 MB at 10,000 seeds) and pandoc and WeasyPrint spent most of their time
and memory on them, though paper leaves them out. So the fill stage writes them to their own JSON
({"<point anchor>-others": [label, ...]}), the Markdown keeps each list's heading, the html stage
puts the lists into the page after pandoc, and WeasyPrint never sees them: rendering costs the
same at five seeds and at ten thousand. The labels are seed text: they are escaped here, as
pandoc would escape them, and reach the page as text only.
"""

from __future__ import annotations

import html
import re

# The disclosure details.lua writes for a point's further sources, up to the end of its summary.
_OPENING = re.compile(r'<details class="more-sources" id="([^"]+)"><summary>.*?</summary>\n', re.DOTALL)
# A whole disclosure: its text is pandoc's or escaped, so no "</details>" inside but its own end.
_WHOLE = re.compile(r'<details class="more-sources"[^>]*>.*?</details>\n?', re.DOTALL)


def other_source_lists(sections: list[dict]) -> dict[str, list[str]]:
    """Each point's list of the sources it counts but does not cite, by its disclosure's id."""
    lists = {}
    for section in sections:
        for point in ([section["lead"]] if section.get("lead") else []) + section.get("points", []):
            if point.get("others"):
                lists[f"{point['anchor']}-others"] = point["others"]
    return lists


def list_html(labels: list[str]) -> str:
    items = "".join(f"<li>{html.escape(' '.join(label.split()), quote=False)}</li>\n" for label in labels)
    return f'<ol type="1">\n{items}</ol>\n'


def with_source_lists(page: str, lists: dict[str, list[str]]) -> str:
    """The page with each disclosure's list after its summary (disclosures without one unchanged)."""
    def add_list(match: re.Match) -> str:
        labels = lists.get(match.group(1))
        return match.group(0) + list_html(labels) if labels else match.group(0)

    return _OPENING.sub(add_list, page)


def without_source_lists(page: str) -> str:
    """The page without the disclosures, which paper leaves out (print.css): what WeasyPrint lays out."""
    return _WHOLE.sub("", page)
