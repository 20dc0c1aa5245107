"""The one Jinja environment: strict, user templates over ours, and filters that escape seed text.

Templates are ours or the user's; seed text only ever arrives as template *data*, and reaches
the Markdown through the `md` filter, which backslash-escapes every ASCII punctuation character.
Pandoc reads an escaped character as itself, so no seed can open a link, a citation, emphasis,
raw HTML, a heading or a fenced div.

A template that cannot be read, parsed or filled stops the stage with one line naming the
template file and line (render_template), never a Jinja traceback. find_asset looks up the other
files under templates/ (pandoc template, filter, stylesheets) the same way: the user's folder first.
"""

from __future__ import annotations

import json
import re
import string
import traceback
from pathlib import Path

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


def in_text(ids: list[str]) -> str:
    """'@a; @b' from bibliography ids: citations that name the work in the sentence ("Zafar (n.d.)")."""
    return citation(ids)[1:-1]


def attribute(text: str) -> str:
    """Text for a double-quoted pandoc attribute value: one line, backslash and quote escaped."""
    return " ".join(str(text).split()).replace("\\", "\\\\").replace('"', '\\"')


def plain_key(ident: str) -> str:
    """A bibliography id as a quoted YAML scalar; an id of any other shape is refused."""
    citation([ident])
    return json.dumps(ident)


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
    environment.filters.update({"md": escape_markdown, "cite": citation, "intext": in_text, "attribute": attribute,
                                "yaml_string": yaml_string, "key": plain_key})
    return environment


def _template_line(error: Exception) -> tuple[str, int | None]:
    """The template file and line a rendering error happened at, from Jinja's rewritten traceback."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".j2")]
    return (frames[-1].filename, frames[-1].lineno) if frames else ("template", None)


def render_template(environment, name: str, **context) -> str:
    """Fill template `name`; a broken template is a PipelineError naming its file and line."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    try:
        return environment.get_template(name).render(**context)
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name or name}:{error.lineno}"
        raise PipelineError(where, f"template syntax error: {error.message}", "fix the template") from None
    except TemplateNotFound as error:
        raise PipelineError(str(error.name), "template not found in the template folders",
                            "add it, or fix briefing.templates in config.yaml") from None
    except TemplateError as error:
        filename, line = _template_line(error)
        where = f"{filename}:{line}" if line else filename
        raise PipelineError(where, f"template error: {error}", "fix the template") from None


def find_asset(name: str, folders: list[str]) -> str:
    """The first folder's copy of templates/<name> (the user's folder before ours)."""
    for folder in folders:
        if folder and (Path(folder) / name).is_file():
            return str(Path(folder) / name)
    raise PipelineError(name, "not found in the template folders", "restore it under templates/")
