"""Canonical forms of web addresses and DOIs, so one page cited two ways compares equal.

`normalize_url` is an identity key, not a prettier link: it maps `http://`/`https://`, `www.`,
mobile and AMP hosts, trailing slashes, tracking parameters, fragments and default ports of one page
to one string. Query parameters that select content (`?id=115805739`) are kept.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from pipeline.text.dates import YEAR

# Host prefixes that serve the same page as the bare domain: mobile, AMP and regional editions.
# `edition.cnn.com` and `www.cnn.com` serve one article under one path.
_MIRROR_HOST_PREFIXES = ("www.", "www1.", "www2.", "www3.", "m.", "mobile.", "amp.", "edition.")

# Query parameters that only say where the click came from, never which page it is.
_TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
    "ref", "ref_src", "ref_url", "referrer", "cmpid", "cmp", "ocid", "smid", "smtyp", "sr_share", "share",
    "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "ito", "s_cid",
    "amp", "outputtype", "ns_mchannel", "ns_source", "ns_campaign",
    "ns_linkname", "ns_fee", "rss", "spm", "guccounter", "guce_referrer", "guce_referrer_sig",
})
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "oly_", "vero_", "__hs")
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_INDEX_PAGE = re.compile(r"/(index|default)\.(html?|php|aspx?|jsp)$", re.IGNORECASE)
_AMP_SUFFIX = re.compile(r"/amp$", re.IGNORECASE)
# Characters a reference string wraps around a URL ("<http://...>", "(http://...)." ).
_WRAPPING = "<>\"'“”‘’[]"
_TRAILING_PUNCTUATION = ".,;:!?"
_DOI = re.compile(r"10\.\d{4,9}/\S+", re.IGNORECASE)
# A full date anywhere in a URL: year, month and day joined by one separator used twice ("/2019/11/15/",
# "-2024-06-20/", "_2019_11_15"), or by none when month and day have two digits each ("-20140806-",
# "(19980630)" in a SICI); a single-digit month or day run into the year ("jf204092h") is an identifier.
# A digit on either side makes it part of a longer number.
_URL_DATE = re.compile(
    rf"(?<!\d)({YEAR})(?:([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))(?!\d)"
)
# A year and month as the start of a path segment, with no day after them ("/2024/08/", "/2019-10-flint-tool").
_URL_YEAR_MONTH = re.compile(rf"/({YEAR})[/-](0?[1-9]|1[0-2])(?=[/_-]|$)")


def strip_wrapping(url: str) -> str:
    """Remove the brackets, quotes and sentence punctuation a reference string puts around a URL."""
    text, previous = url.strip(), None
    while text != previous:  # "<http://x.org/a>." needs the dot, then the bracket
        previous = text
        text = text.strip().strip(_WRAPPING).rstrip(_TRAILING_PUNCTUATION)
        if text.endswith(")") and text.count("(") < text.count(")"):
            text = text[:-1]
    return text


def _canonical_host(netloc: str, scheme: str) -> str:
    host = netloc.rsplit("@", 1)[-1].lower().rstrip(".")
    name, _, port = host.partition(":")
    if port and port != _DEFAULT_PORTS.get(scheme):
        name = f"{name}:{port}"
    for prefix in _MIRROR_HOST_PREFIXES:
        # Strip once: "m.example.org" -> "example.org", but keep a bare "m.org"-style domain.
        if name.startswith(prefix) and name.count(".") >= 2:
            name = name[len(prefix):]
            break
    return name


def _canonical_path(path: str) -> str:
    # Decode then re-encode so "%7E", "~" and "%7e" compare equal; keep "/" structure.
    path = quote(unquote(path), safe="/:@!$&'()*+,;=-._~")
    path = re.sub(r"/{2,}", "/", path)
    path = _INDEX_PAGE.sub("", path)
    path = _AMP_SUFFIX.sub("", path)
    return path.rstrip("/")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def _canonical_query(query: str) -> str:
    kept = [(name, value) for name, value in parse_qsl(query, keep_blank_values=True) if not _is_tracking(name)]
    return urlencode(sorted(kept))


def normalize_url(url: str) -> str:
    """One page's identity key: https, bare lowercase host, no tracking parameters, fragment or port.

    >>> normalize_url("http://www.Example.org/path/to/page/?utm_source=x#top")
    'https://example.org/path/to/page'
    """
    text = strip_wrapping(url)
    if not text:
        return ""
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        text = "http://" + text
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return text
    host = _canonical_host(parts.netloc, scheme)
    query = _canonical_query(parts.query)
    # A "#!/route" fragment is a client-side page address, not a position in a page.
    fragment = parts.fragment if parts.fragment.startswith("!") else ""
    normalized = f"https://{host}{_canonical_path(parts.path)}"
    if query:
        normalized += f"?{query}"
    if fragment:
        normalized += f"#{fragment}"
    return normalized


# A path's last segment that runs a program on the server ("view.php", "article.aspx"): the query
# it is given says which page it shows.
_SCRIPT_SEGMENT = re.compile(r"\.(php\d?|aspx?|jspx?|cfm|cgi|pl|do|action)$", re.IGNORECASE)
# A last segment that names one page by itself: it carries a number ("R48917", "2024-06-20") or is a
# slug of two or more words ("north-sea-levy", "annual_report").
_NAMING_SEGMENT = re.compile(r"\d|\w[-_]\w")


def _path_names_page(path: str) -> bool:
    last = path.rstrip("/").rpartition("/")[2]
    return bool(last) and not _SCRIPT_SEGMENT.search(last) and bool(_NAMING_SEGMENT.search(last))


def citable_url(url: str) -> str:
    """A document's own address as a citation gives it: without the query that only records how the
    reader got there.

    Captured pages state the address the browser showed, often a search result's
    (`/product/R48917?s=1&r=10`: the search and the rank). The query goes when the path already
    names the page and no parameter is one that selects content (courlan's list: `id`, `page`,
    `article_id`, ...), so a script's query (`/view.php?ArticleID=5`) and `watch?v=` stay.

    >>> citable_url("https://example.org/reports/R48917?s=1&r=10")
    'https://example.org/reports/R48917'
    >>> citable_url("https://example.org/news/article.aspx?ArticleID=5")
    'https://example.org/news/article.aspx?ArticleID=5'
    """
    parts = urlsplit(url)
    if not parts.query or not _path_names_page(parts.path):
        return url
    from courlan.clean import ALLOWED_PARAMS  # here: importing courlan takes 0.1 s, most stages never need it

    if any(name.lower() in ALLOWED_PARAMS for name, _value in parse_qsl(parts.query, keep_blank_values=True)):
        return url
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", parts.fragment))


def url_has_page_path(normalized: str) -> bool:
    """True when a normalized URL names a page rather than a site's home page."""
    rest = normalized.split("://", 1)[-1]
    return "/" in rest or "?" in rest


def is_truncated_form(shorter: str, longer: str, min_path: int = 25) -> bool:
    """True when `shorter` looks like `longer` cut off mid-address (copied from a PDF or tweet).

    Both are normalized URLs. The cut must leave a long enough path that a different page on the
    same site is unlikely to share it; 25 characters keeps `/news` from matching `/news-2024`.
    """
    if shorter == longer or not longer.startswith(shorter):
        return False
    path = shorter.split("://", 1)[-1].partition("/")[2]
    return len(path) >= min_path


def normalize_doi(doi: str) -> str:
    """The bare lowercase DOI (`10.1000/xyz`), or "" when the text holds none."""
    match = _DOI.search(unquote(doi or ""))
    if not match:
        return ""
    return strip_wrapping(match.group(0)).lower()


def date_from_url(url: str) -> list[int] | None:
    """The publication date a URL spells out (`/2024/08/12/`, `-20240620`, `/2024/08/`), as CSL date-parts."""
    text = strip_wrapping(url) if url else ""
    match = _URL_DATE.search(text)
    if match:
        year, _separator, month, day, compact_month, compact_day = match.groups()
        return [int(year), int(month or compact_month), int(day or compact_day)]
    match = _URL_YEAR_MONTH.search(urlsplit(text).path)
    return [int(match[1]), int(match[2])] if match else None
