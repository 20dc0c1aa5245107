"""What a finished PDF must not carry: embedded files, JavaScript, launch actions, file: links.

unsafe_parts reads the PDF back (pypdf) and names every such part it finds: the catalog's name
trees (EmbeddedFiles, JavaScript), its open action and additional actions, and every page's
annotations (file attachments, actions of the kinds below, URIs that are not web addresses).
unsafe_parts_to_write does the same on the document WeasyPrint is about to write (its pydyf
objects, each read with pypdf from the bytes it will be written as), reading only the objects the
checks reach: pypdf reads a whole object stream at once, which in a tagged PDF holds the structure
tree too (0.3 s of the default briefing's pdf job, for the few dozen objects checked).
"""

from __future__ import annotations

import io

UNSAFE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/GoToE", "/RichMediaExecute"}
WEB_SCHEMES = ("http://", "https://", "mailto:")


def _resolved(value):
    return value.get_object() if hasattr(value, "get_object") else value


def _action_problems(action, where: str) -> list[str]:
    """An action dictionary and the actions it chains to (/Next)."""
    problems, seen = [], 0
    while action is not None and seen < 100:
        action, seen = _resolved(action), seen + 1
        kind = action.get("/S")
        if kind in UNSAFE_ACTIONS:
            problems.append(f"a {kind[1:]} action ({where})")
        elif kind == "/URI" and not str(action.get("/URI", "")).lower().startswith(WEB_SCHEMES):
            problems.append(f"a link to {str(action.get('/URI'))[:80]!r} ({where})")
        elif kind == "/GoToR" or ("/F" in action and kind != "/GoTo"):
            problems.append(f"a link to a file ({where})")
        following = action.get("/Next")
        action = following[0] if isinstance(_resolved(following), list) and following else following
    return problems


def _catalog_problems(catalog) -> list[str]:
    problems = []
    names = _resolved(catalog.get("/Names")) or {}
    for tree, what in (("/EmbeddedFiles", "embedded files"), ("/JavaScript", "JavaScript")):
        if tree in names:
            problems.append(what)
    if "/OpenAction" in catalog and isinstance(_resolved(catalog["/OpenAction"]), dict):
        problems += _action_problems(catalog["/OpenAction"], "on opening")
    for action in (_resolved(catalog.get("/AA")) or {}).values():
        problems += _action_problems(action, "document action")
    return problems


def _page_problems(number: int, page) -> list[str]:
    problems = []
    for action in (_resolved(page.get("/AA")) or {}).values():
        problems += _action_problems(action, f"page {number} action")
    for annotation in _resolved(page.get("/Annots")) or []:
        annotation = _resolved(annotation)
        if annotation.get("/Subtype") == "/FileAttachment":
            problems.append(f"an attached file (page {number})")
        if "/A" in annotation:
            problems += _action_problems(annotation["/A"], f"page {number}")
        for action in (_resolved(annotation.get("/AA")) or {}).values():
            problems += _action_problems(action, f"page {number}")
    return problems


def _problems(catalog, pages) -> list[str]:
    problems = _catalog_problems(catalog)
    for number, page in enumerate(pages, 1):
        problems += _page_problems(number, page)
    return list(dict.fromkeys(problems))


def unsafe_parts(pdf: bytes) -> list[str]:
    """Every unsafe part of the PDF, described; [] for a clean one."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return _problems(reader.trailer["/Root"], reader.pages)


class ObjectsToWrite:
    """A pydyf document's objects as pypdf objects, each parsed when first reached (pypdf's
    IndirectObject asks its `pdf` for the object it points to)."""

    def __init__(self, document):
        self.document = document
        self.parsed: dict[int, object] = {}

    def get_object(self, reference):
        from pypdf.generic import NullObject, read_object

        number = reference if isinstance(reference, int) else reference.idnum
        if number not in self.parsed:
            objects = self.document.objects
            if not 0 < number < len(objects) or objects[number].free == "f":
                return NullObject()
            self.parsed[number] = read_object(io.BytesIO(objects[number].data), self)
        return self.parsed[number]


def _page_tree(node, depth: int = 0):
    """The pages under a page tree node, in order (a loop or a tree deeper than 64 stops the walk)."""
    node = _resolved(node)
    if node.get("/Type") != "/Pages":
        yield node
    elif depth < 64:
        for kid in _resolved(node.get("/Kids")) or []:
            yield from _page_tree(kid, depth + 1)


def unsafe_parts_to_write(document) -> list[str]:
    """unsafe_parts of a pydyf.PDF before it is written (a WeasyPrint finisher sees one)."""
    objects = ObjectsToWrite(document)
    catalog = objects.get_object(document.catalog.number)
    return _problems(catalog, _page_tree(catalog.get("/Pages")))
