"""What a finished PDF must not carry: embedded files, JavaScript, launch actions, file: links.

unsafe_parts reads the PDF back (pypdf) and names every such part it finds: the catalog's name
trees (EmbeddedFiles, JavaScript), its open action and additional actions, and every page's
annotations (file attachments, actions of the kinds below, URIs that are not web addresses).
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


def unsafe_parts(pdf: bytes) -> list[str]:
    """Every unsafe part of the PDF, described; [] for a clean one."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    problems = _catalog_problems(reader.trailer["/Root"])
    for number, page in enumerate(reader.pages, 1):
        problems += _page_problems(number, page)
    return list(dict.fromkeys(problems))
