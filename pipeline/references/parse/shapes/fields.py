"""References exported as fields joined by bare semicolons: "Title;Author A.,Author B.;Journal,2017".

Some bibliographic databases list a work's title, its authors and its journal with the year, each field
closed by a semicolon with no space after it, where prose and every citation style put a space. A string of
exactly three such fields, the last ending in a year, is read on its own.
"""

from __future__ import annotations

import re

from pipeline.references.parse.authors.names import parse_names
from pipeline.text.dates import YEAR

_FIELDS = re.compile(
    rf"^(?P<title>[^;]{{3,}}?)\.?;(?=\S)(?P<authors>[^;]{{2,200}});(?=\S)(?P<container>[^;]+?),\s*(?P<year>{YEAR})\.?$"
)

_WORDS = re.compile(r"[^\W\d_]{2,}\s+[^\W\d_]{2,}")


def parse_fields(text: str) -> dict | None:
    """Title, authors, journal and year of a semicolon-joined export line; None when the text is not one."""
    match = _FIELDS.match(text.strip())
    if not match or not all(re.match(r"\w", match[field]) for field in ("title", "authors", "container")):
        return None
    if not _WORDS.search(match["title"]) or not re.search(r"[^\W\d_]{2}", match["authors"]):
        return None  # "&NA;, &NA;. News ..." is markup left in a string, not fields
    item: dict = {"title": match["title"].strip(), "container-title": match["container"].strip(),
                  "issued": {"date-parts": [[int(match["year"])]]}, "type": "article-journal"}
    # The field holds people: a family name written alone ("Bhatti") is one, not an organisation.
    authors = [{"family": name["literal"]} if " " not in name.get("literal", " ") else name
               for name in parse_names(match["authors"].replace(",", ", "))]
    if authors:
        item["author"] = authors
    return item
