"""A reference that is only a URL (an inline link, a bare address in a note): the page it names.

With nothing but the address to go on, the page is described by what the address says: the site
(its host) as the container, a title from the last words of its path when the path spells words
("/2026/02/26/pentagon-sets-deadline" -> "Pentagon sets deadline"), and the date the path spells
out. Nothing is invented beyond the address.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from pipeline.text.urls import date_from_url

SLUG_WORD = re.compile(r"[^\W\d_]{2,}")
FILE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?|jsp|cfm|pdf)$", re.IGNORECASE)
MIN_SLUG_WORDS = 2
IDENTIFIER = re.compile(r"[A-Za-z]{0,6}\d[A-Za-z0-9.]*")  # "IN12672", "67890", "R47194v3", "2024"


def site_name(url: str) -> str | None:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def slug_title(url: str) -> str | None:
    """The words of the last path segment that spells any, as a sentence-case title; none when the
    last segment is an identifier ("/crs-product/IN12672": the words before it name a section of the
    site, "Crs product", not the page)."""
    for segment in reversed([part for part in urlsplit(url).path.split("/") if part]):
        name = FILE_SUFFIX.sub("", unquote(segment))
        if IDENTIFIER.fullmatch(name):
            return None
        words = re.split(r"[-_+\s]+", name)
        if sum(bool(SLUG_WORD.fullmatch(word)) for word in words) >= MIN_SLUG_WORDS:
            text = " ".join(word for word in words if word)
            return text[:1].upper() + text[1:]
    return None


def bare_url_item(url: str) -> dict:
    item: dict = {"URL": url, "type": "webpage"}
    if site := site_name(url):
        item["container-title"] = site
    if title := slug_title(url):
        item["title"] = title
    if issued := date_from_url(url):
        item["issued"] = {"date-parts": [issued]}
    return item


def bare_url_reference(located) -> dict | None:
    """The item for a reference whose locators are all there is to it (pipeline's Located), else None."""
    if not located.url or located.doi or located.rest.strip(" .,;:()[]<>"):
        return None
    accessed = {"accessed": {"date-parts": [located.accessed]}} if located.accessed else {}
    return {**bare_url_item(located.url), **accessed}
