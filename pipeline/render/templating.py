"""The one Jinja environment: strict, user templates over ours, and filters that escape seed text.

Templates are ours or the user's; seed text only ever arrives as template *data*, and reaches
the Markdown through the `md` filter, which backslash-escapes every ASCII punctuation character.
Pandoc reads an escaped character as itself, so no seed can open a link, a citation, emphasis,
raw HTML, a heading or a fenced div.
"""

from __future__ import annotations

import json
import re
import string

from pipeline.core.errors import PipelineError

PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
CITATION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")


def escape_markdown(text: object) -> str:
    """Seed text as literal pandoc Markdown: one line, every ASCII punctuation mark escaped."""
    return PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))


def citation(ids: list[str]) -> str:
    """'[@a; @b]' from bibliography ids; an id of any other shape is refused, not escaped."""
    for ident in ids:
        if not CITATION_ID.fullmatch(ident):
            raise PipelineError("build/bibliography.json", f"citation id {ident!r} is not a plain key",
                                "rebuild the bibliography stage")
    return "[" + "; ".join(f"@{ident}" for ident in ids) + "]" if ids else ""


def yaml_string(text: str) -> str:
    """A YAML scalar that pandoc then reads as Markdown: escape first, then quote."""
    return json.dumps(escape_markdown(text), ensure_ascii=False)


def make_environment(folders: list[str]):
    """Templates from the user's folder first, then ours; a missing variable is an error."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    environment = Environment(loader=ChoiceLoader([FileSystemLoader(f) for f in folders if f]),
                              undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True,
                              trim_blocks=True, lstrip_blocks=True,
                              # pandoc writes ids as {#id}; Jinja comments move out of its way
                              comment_start_string="{!", comment_end_string="!}")
    # Autoescaping is off on purpose: the output is Markdown, not HTML; `md` is its escaper.
    environment.filters.update({"md": escape_markdown, "cite": citation, "yaml_string": yaml_string})
    return environment
