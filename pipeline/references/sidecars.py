"""Reading a seed's sidecar bibliography (<seed>.bib, <seed>.json CSL-JSON, <seed>.ris) into CSL items.

Each item carries `citation-key` (the entry's BibTeX key, CSL id or RIS ID). The parsers are the
maintained libraries (bibtexparser v2, rispy), imported only when a sidecar of their kind is read:
the stage runs once per seed and most seeds have no sidecar.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pipeline.core.errors import PipelineError

_BIBTEX_TYPES = {
    "article": "article-journal",
    "book": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "techreport": "report",
    "report": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "online": "webpage",
    "misc": "document",
    "unpublished": "manuscript",
    "manual": "report",
}
_RIS_TYPES = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "BOOK": "book",
    "CHAP": "chapter",
    "RPRT": "report",
    "NEWS": "article-newspaper",
    "MGZN": "article-magazine",
    "ELEC": "webpage",
    "WEB": "webpage",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "THES": "thesis",
    "BLOG": "post-weblog",
    "GEN": "document",
}
_MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}


def read_sidecar(path: str | Path) -> list[dict]:
    """CSL items from one sidecar file, chosen by its extension."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PipelineError(str(path), "sidecar bibliography not found", "check the --sidecar path") from None
    readers = {".bib": bibtex_items, ".json": csl_json_items, ".ris": ris_items}
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise PipelineError(
            str(path), f"unknown sidecar kind {path.suffix!r}", "use a .bib, .json or .ris file"
        )
    return reader(text, str(path))


def bibtex_items(text: str, source: str = "<bib>") -> list[dict]:
    import bibtexparser
    from bibtexparser import middlewares

    library = bibtexparser.parse_string(
        text,
        append_middleware=[
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
            middlewares.LatexDecodingMiddleware(),
        ],
    )
    if library.failed_blocks and not library.entries:
        raise PipelineError(source, "no BibTeX entry could be parsed", "fix the BibTeX syntax")
    return [_bibtex_entry_to_csl(entry) for entry in library.entries]


def _bibtex_entry_to_csl(entry) -> dict:
    fields = {field.key.lower(): field.value for field in entry.fields}
    item: dict = {"citation-key": entry.key, "type": _BIBTEX_TYPES.get(entry.entry_type.lower(), "document")}
    for role in ("author", "editor"):
        if fields.get(role):
            item[role] = [_bibtex_name(name) for name in fields[role]]
    simple = {
        "title": "title",
        "journal": "container-title",
        "booktitle": "container-title",
        "journaltitle": "container-title",
        "publisher": "publisher",
        "institution": "publisher",
        "volume": "volume",
        "number": "issue",
        "pages": "page",
        "doi": "DOI",
        "url": "URL",
        "address": "publisher-place",
        "note": "note",
    }
    for bib_key, csl_key in simple.items():
        if isinstance(fields.get(bib_key), str) and fields[bib_key].strip() and csl_key not in item:
            item[csl_key] = _strip_braces(fields[bib_key])
    issued = _bibtex_date(fields)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    if fields.get("urldate"):
        parts = [int(p) for p in re.findall(r"\d+", fields["urldate"])[:3]]
        if parts:
            item["accessed"] = {"date-parts": [parts]}
    return item


def _bibtex_name(name) -> dict:
    """CSL name from bibtexparser's NameParts; a braced single part ({World Bank}) is an organisation."""
    if isinstance(name, str):
        return {"literal": _decode_latex(name)}
    family = " ".join(name.von + name.last)
    if not name.first and not name.von and family.startswith("{"):
        return {"literal": _decode_latex(family)}
    csl = {"family": _decode_latex(family)}
    if name.first:
        csl["given"] = _decode_latex(" ".join(name.first))
    if name.jr:
        csl["suffix"] = _decode_latex(" ".join(name.jr))
    return csl


def _decode_latex(text: str) -> str:
    # LatexDecodingMiddleware decodes plain string fields only, not the split name parts.
    return _latex_converter().latex_to_text(text).strip()


@lru_cache(maxsize=1)
def _latex_converter():
    """One converter for every name part: building it costs about twice a conversion."""
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text()


def _strip_braces(text: str) -> str:
    return " ".join(text.replace("{", "").replace("}", "").split())


def _bibtex_date(fields: dict) -> list[int] | None:
    match = re.search(r"\d{4}", str(fields.get("year") or fields.get("date") or ""))
    if not match:
        return None
    parts = [int(match.group())]
    month = str(fields.get("month", "")).strip().lower()[:3]
    if month.isdigit() and 1 <= int(month) <= 12:
        parts.append(int(month))
    elif month in _MONTHS:
        parts.append(_MONTHS[month])
    return parts


def csl_json_items(text: str, source: str = "<json>") -> list[dict]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PipelineError(
            source, f"not valid JSON ({error.msg}, line {error.lineno})", "fix the CSL-JSON file"
        ) from None
    if isinstance(data, dict):
        data = data.get("items", [data])
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise PipelineError(source, "not a CSL-JSON array of items", "write a list of CSL-JSON objects")
    items = []
    for position, item in enumerate(data, start=1):
        item = dict(item)
        key = item.pop("id", None)
        item.setdefault("citation-key", str(key) if key is not None else f"{Path(source).stem}-{position}")
        items.append(item)
    return items


def ris_items(text: str, source: str = "<ris>") -> list[dict]:
    import rispy

    try:
        entries = rispy.loads(text)
    except Exception as error:  # noqa: BLE001 — rispy raises plain exceptions on malformed files
        raise PipelineError(source, f"RIS file could not be parsed ({error})", "fix the RIS file") from None
    return [_ris_entry_to_csl(entry, position, source) for position, entry in enumerate(entries, start=1)]


def _ris_entry_to_csl(entry: dict, position: int, source: str) -> dict:
    key = entry.get("id") or f"{Path(source).stem}-{position}"
    item: dict = {
        "citation-key": str(key),
        "type": _RIS_TYPES.get(entry.get("type_of_reference", ""), "document"),
    }
    authors = entry.get("authors") or entry.get("first_authors") or []
    if authors:
        item["author"] = [_ris_name(name) for name in authors]
    title = entry.get("title") or entry.get("primary_title")
    if title:
        item["title"] = title
    container = entry.get("secondary_title") or entry.get("journal_name") or entry.get("alternate_title3")
    if container:
        item["container-title"] = container
    for ris_key, csl_key in (
        ("publisher", "publisher"),
        ("volume", "volume"),
        ("number", "issue"),
        ("doi", "DOI"),
        ("place_published", "publisher-place"),
    ):
        if entry.get(ris_key):
            item[csl_key] = entry[ris_key]
    if entry.get("start_page"):
        item["page"] = "-".join(p for p in (entry["start_page"], entry.get("end_page")) if p)
    urls = entry.get("urls") or ([entry["url"]] if entry.get("url") else [])
    if urls:
        item["URL"] = urls[0]
    date = [
        int(p)
        for p in re.findall(
            r"\d+", entry.get("date") or entry.get("year") or entry.get("publication_year") or ""
        )[:3]
    ]
    if date:
        item["issued"] = {"date-parts": [date]}
    return item


def _ris_name(name: str) -> dict:
    family, _, given = name.partition(",")
    if not given:
        return {"literal": name.strip()}
    return {"family": family.strip(), "given": given.strip()}
