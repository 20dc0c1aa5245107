"""Markdown seeds of every shape, read through pandoc's AST into the blocks the cleaner reads.

Only a leading front-matter block that parses as a YAML mapping is metadata; any later "---" is a
thematic break. Pipe tables without a separator line are repaired first (pipetables). Then each
block is read as what it is: headings stay headings, list items list items, tables tables (rows and
cells), pandoc footnotes notes; no Markdown syntax survives into the text. What the page around
the document put there (navigation, link widgets, in-page contents, metadata tables, notices) is
found by its shape (blockshapes) and handed on as dropped lines, each with its reason.
"""

from __future__ import annotations

from pipeline.intake.formats.blockshapes import Item, classify
from pipeline.intake.formats.extracted import Extracted
from pipeline.intake.formats.frontmatter import split_front_matter
from pipeline.intake.formats.pandocast import InlineReader, html_text, one_line, table_rows
from pipeline.intake.formats.pipetables import repair_pipe_tables

# Pandoc's Markdown without the readings a seed must not get: YAML blocks anywhere (a "---" pair in
# the middle of a report is two thematic breaks), simple and multiline tables (which open with a row
# of dashes: they read everything between two thematic breaks as one table), citations ("@name" is
# text in an article). Pipe and grid tables stay.
PANDOC_FORMAT = ("markdown-yaml_metadata_block-simple_tables-multiline_tables-citations-raw_attribute"
                 "-implicit_figures")
PANDOC_TIMEOUT = 60  # seconds; a pathological document must not hold the build


def parse_ast(markdown: str) -> list[dict]:
    """Pandoc's JSON AST blocks for the Markdown (pandoc sandboxed: it reads no file and no URL).

    Raises ValueError when pandoc fails or runs past PANDOC_TIMEOUT."""
    import json
    import subprocess

    import pypandoc

    command = [pypandoc.get_pandoc_path(), "--sandbox", "-f", PANDOC_FORMAT, "-t", "json"]
    try:
        done = subprocess.run(command, input=markdown.encode("utf-8"), capture_output=True,
                              timeout=PANDOC_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise ValueError(f"pandoc took over {PANDOC_TIMEOUT} s to read the Markdown") from None
    if done.returncode != 0:
        message = one_line(done.stderr.decode("utf-8", "replace"))[:200]
        raise ValueError(f"pandoc could not read the Markdown ({message})")
    return json.loads(done.stdout)["blocks"]


class BlockReader:
    """Walks pandoc's blocks into flat Items, in reading order; notes are collected on the side."""

    def __init__(self):
        self.inlines = InlineReader()
        self.items: list[Item] = []
        self.notes: list[dict] = []
        self.lists = 0

    def read(self, blocks: list[dict], list_id: int | None = None) -> None:
        for block in blocks:
            self.block(block, list_id)

    def block(self, block: dict, list_id: int | None) -> None:
        kind, content = block["t"], block.get("c")
        if kind in ("Para", "Plain"):
            self.text_item("list_item" if list_id is not None else "paragraph", content, list_id)
        elif kind == "Header":
            self.text_item("heading", content[2], None, level=content[0])
        elif kind in ("BulletList", "OrderedList"):
            self.list_items(content if kind == "BulletList" else content[1], start=1 if kind == "BulletList"
                            else content[0][0], ordered=kind == "OrderedList")
        elif kind in ("BlockQuote", "Div", "Figure"):
            self.read(content if kind == "BlockQuote" else content[-1], list_id)
        elif kind == "LineBlock":
            for line in content:
                self.text_item("paragraph", line, list_id)
        elif kind == "DefinitionList":
            for term, definitions in content:
                self.text_item("paragraph", term, list_id)
                for definition in definitions:
                    self.read(definition, list_id)
        elif kind == "Table":
            self.table(content)
        elif kind == "HorizontalRule":
            self.items.append(Item("rule"))
        elif kind == "RawBlock" and content[0] == "html" and (text := html_text(content[1])):
            self.items.append(Item("paragraph", text))
        elif kind == "CodeBlock" and content[1].strip():
            self.code_block(content)

    def code_block(self, content: list) -> None:
        """Fenced code with a language is code; text a capture merely indented (a centred notice,
        a quoted letter) is read as the paragraphs it is."""
        (_id, classes, _attrs), text = content
        paragraphs = [one_line(part) for part in text.split("\n\n") if part.strip()]
        if classes or not all(looks_like_text(part) for part in paragraphs):
            self.items.append(Item("code", one_line(text)))
            return
        self.items += [Item("paragraph", part) for part in paragraphs]

    def text_item(self, kind: str, inlines: list[dict], list_id: int | None, level: int = 0,
                  number: int | None = None) -> None:
        read = self.inlines.read(inlines)
        self.collect_notes(read.notes)
        if read.text.strip():
            self.items.append(Item(kind, read.text, level=level, links=read.links, link_chars=read.link_chars,
                                   list_id=list_id, number=number))

    def list_items(self, items: list[list[dict]], start: int, ordered: bool) -> None:
        self.lists += 1
        list_id = self.lists
        for offset, blocks in enumerate(items):
            first, rest = (blocks[0], blocks[1:]) if blocks else (None, [])
            if first is not None and first["t"] in ("Para", "Plain"):
                self.text_item("list_item", first["c"], list_id, number=start + offset if ordered else None)
            elif first is not None:
                rest = blocks
            self.read(rest, list_id)

    def table(self, content: list) -> None:
        rows, caption = table_rows(content)
        cells = []
        for row in rows:
            read_row = [self.inlines.read(self.cell_inlines(cell)) for cell in row]
            for cell in read_row:
                self.collect_notes(cell.notes)
            cells.append([one_line(cell.text) for cell in read_row])
        caption_text = one_line(" ".join(self.inlines.read(self.cell_inlines(caption)).text.split()))
        self.items.append(Item("table", caption_text, rows=[row for row in cells if any(row)]))

    @staticmethod
    def cell_inlines(blocks: list[dict]) -> list[dict]:
        """A cell's (or caption's) blocks as one run of inlines, blocks a line break apart."""
        inlines: list[dict] = []
        for block in blocks:
            if block["t"] in ("Para", "Plain"):
                inlines += ([{"t": "LineBreak"}] if inlines else []) + block["c"]
        return inlines

    def collect_notes(self, notes: list[list[dict]]) -> None:
        """Pandoc footnotes, numbered in the order their markers stand in the text."""
        for blocks in notes:
            number = len(self.notes) + 1
            texts = [one_line(self.inlines.read(self.cell_inlines([block])).text) for block in blocks]
            text = " ".join(part for part in texts if part)
            if text:
                self.notes.append({"number": number, "text": text})


def looks_like_text(text: str) -> bool:
    """Words and sentence punctuation, not code: few symbols, most tokens words."""
    tokens = text.split()
    wordy = sum(1 for token in tokens if token.strip(".,;:!?()\"'“”‘’").isalpha())
    symbols = sum(text.count(char) for char in "{}[]<>=;$\\_")
    return bool(tokens) and wordy >= 0.7 * len(tokens) and symbols <= len(tokens) * 0.05


def extract_markdown(markdown: str, find_links_furniture: bool = True) -> Extracted:
    """A Markdown seed as the cleaner's lines, with its metadata, tables, notes and dropped lines.

    find_links_furniture: look for navigation made of links (off for an extractor's output)."""
    front, body = split_front_matter(markdown)
    reader = BlockReader()
    reader.read(parse_ast(repair_pipe_tables(body)))
    shaped = classify(reader.items, len(reader.notes) + 1, find_links_furniture)
    metadata = {**shaped.metadata, **front_metadata(front)}
    return Extracted(shaped.text, metadata, shaped.tables, reader.notes + shaped.notes, shaped.dropped_lines,
                     shaped.links)


def front_metadata(front: dict) -> dict:
    """Title, authors, date and URL from front matter, read like the same labels in the text."""
    from pipeline.intake.labels import field_of, read_field

    found: dict = {}
    for key, value in front.items():
        name = "title" if str(key).casefold() == "title" else field_of(str(key).casefold())
        if name and value not in (None, ""):
            text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
            found[name] = text.strip() if name == "title" else read_field(name, text)
    return {key: value for key, value in found.items() if value}
