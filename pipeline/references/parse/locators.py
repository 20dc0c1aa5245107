"""Pulling URLs, DOIs and access notes ("[accessed 5 May 2016]", "Retrieved from") out of a reference."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.text.dates import YEAR, date_parts

_TLDS = (
    "com|org|net|edu|gov|int|mil|info|io|co|uk|us|ca|au|nz|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|cz|"
    "ru|ua|jp|cn|kr|in|br|mx|ar|za|eu|ie|pt|gr|tr|il"
)
# Where a URL starts: a scheme (PDF line breaks leave "http: //" and "http:// www."), "www.", or a bare
# host with a path ("leaderu.com/science/x.html"); a bare host alone is too easily a site's name.
_URL_START = re.compile(
    rf"(?:https?:\s?//\s?|https?:\s(?=www\.)|\bwww\.|\b(?=[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:{_TLDS})/))",
    re.IGNORECASE,
)
# A lone lower-case host name as its own segment ("..., leaderu.com, accessed 2000"); only used when
# nothing else looks like a URL, since "Forbes.com" in a reference is usually the site's name.
_BARE_HOST = re.compile(rf"(?:^|[\s,])((?:[a-z0-9-]+\.)+(?:{_TLDS}))(?=[,;.]?(?:\s|$))")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_DOI_LABEL = re.compile(r"\b(?:doi|DOI)\s*:\s*(10\.\d{4,9}/\S+)")
_FILE_TAIL = re.compile(
    r"^[\w\-.~%]*\.(?:pdf|html?|php|aspx?|shtml?|jsp|cfm|xlsx?|docx?|ps|txt|xml)\b", re.IGNORECASE
)
# A file name with spaces in it ("files/WOLA Report_Nov 2015.pdf"): a few words, none closing a sentence
# or opening a bracket, up to one that ends in a file extension.
_SPACED_FILE_NAME = re.compile(
    r"(?:\s+[^\s\[\](){}<>\"“”]+(?<![.,;:])){0,7}?\s+[^\s\[\](){}<>\"“”]*\.(?:pdf|html?|docx?|xlsx?|pptx?)(?=[.,;]?(?:\s|$))",
    re.IGNORECASE,
)
# Line breaks cut long identifiers ("cropsci1996.0011183 X003600020026x"): a next word that mixes
# letters and digits and holds nothing else is a code, not prose.
_CODE_WORD = re.compile(r"(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[A-Za-z0-9]{6,}[.,;]?$")
_PLAIN_WORD = re.compile(r"[^\W\d_]+[.,;:]?")
_WORD_AT = re.compile(r"\S+")
# The next word after a space, and the one after it (which tells a URL's last piece from prose).
_NEXT_WORDS_AT = re.compile(r" (\S+)(?: (\S+))?")
_TRAILING_JUNK = ".,;:)]}>'\"”’»"
_PATH_PIECE_START = re.compile(r"[a-z0-9./?&_=-]")
_NUMBER_RANGE = re.compile(r"[\d./–-]+")  # "2019-2020", "12.5", "1-9": a date, a figure or pages

# Phrases that introduce a URL or record access; they carry no bibliographic data. "[Citation : 18 janvier
# 2015.]" is how Word's French styles write the access date, "Web. 12 Jan. 2012." MLA 7's.
_ACCESS_WORDS = (
    r"accessed(?:\s+on)?|last\s+accessed|retrieved(?:\s+on)?|consulté(?:\s+le)?|cited|"
    r"viewed(?:\s+on)?|visited(?:\s+on)?|abgerufen(?:\s+am)?|acesso\s+em|acessado\s+em|"
    r"consultado(?:\s+el)?|cit\.|citation(?=\s*:)|downloaded(?:\s+on)?|accesso|zugriff(?:\s+am)?|"
    # MLA 7 names the medium, then the day it was read: "... 5 Aug. 2010. Web. 12 Jan. 2012."
    r"(?-i:Web)\.(?=\s+\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})"
)
_ACCESS_NOTE = re.compile(
    rf"[\[(]?\s*(?:{_ACCESS_WORDS})\s*:?\s*([^\])]*?(?:{YEAR}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{4}}))\s*[\])]?"
    rf"(?:,?\s+(?:from|at)\b[^\[\]]*?)?(?=\s*(?:[.,;:](?:\s|$)|$))",
    re.IGNORECASE,
)
_BRACKETED_ACCESS_NOTE = re.compile(
    rf"\[\s*(?:{_ACCESS_WORDS})\s*:?\s*([^\]]*)\]|\(\s*(?:{_ACCESS_WORDS})\s*:?\s*([^)]*)\)", re.IGNORECASE
)
_DATE_AFTER_URL = re.compile(rf"[.,]?\s*(?:on\s+)?[\w ,.]{{0,20}}?{YEAR}\b\.?(?=\s*$)")
_URL_LEAD_INS = re.compile(
    r"(?:[\[(<]?\s*(?:\[?\bonline\]?\.?\s*)?\b(?:available\s+(?:at|from|online|on(?:line)?\s+at)|available|online|"
    r"(?:retrieved|accessed)(?:\s+on)?\s+[^.;]{0,40}?\d{4},?\s+(?:from|at)|"
    r"retrieved\s+from|retrieved|retirado\s+de|recuperado\s+de|"
    r"disponible\s+(?:en|sur)|disponibile\s+(?:su|a|all[’']indirizzo)|disponível\s+em|dostupné\s+z|repéré\s+à|"
    r"accessed\s+at|accessed\s+from|(?:(?:voll)?text\s+)?(?:online\s+)?(?:abrufbar|verfügbar)(?:\s+unter)?|"
    r"document\s+téléaccessible\s+à\s+l[’']adresse|adresse\s+url|en\s+ligne(?:\s*\([^)]*\))?|url|link|from|at|in)\s*:?\s*)?"
    r"[<(\[]?\s*$",
    re.IGNORECASE,
)

# A lead-in left at the end with nothing after it: the URL it announced was lost on the way ("[Online].
# Available:", as a guide or a PDF's text layer gives it).
_BARE_LEAD_IN = re.compile(
    r"[.,;]?\s*(?:\[\s*online\s*\]\.?\s*)?\b(?:available(?:\s+(?:at|from|online))?|retrieved\s+from)\s*:?\s*$",
    re.IGNORECASE,
)


@dataclass
class Locators:
    """What the URL pass found, and the reference text left once they are cut out."""

    url: str | None = None
    doi: str | None = None
    accessed: list[int] | None = None
    rest: str = ""
    urls: list[str] = field(default_factory=list)


def _continues_url(url: str, following: str, after: str = "") -> bool:
    """Whether the next word after a space is the rest of a URL that a line break split."""
    if not following or url[-1] in ",;" or following[0] in '([<"“':
        return False
    if url.endswith(".") and not url.endswith(("www.", "doi.")):
        # A full stop after a URL usually ends the sentence; "dx.doi. org/10..." and a DOI suffix cut after
        # its dot ("10.1016/j. ces.2012.05.033") are the exceptions.
        return ("/" in following and following[0].islower()) or _path_piece(following)
    if url.endswith(("://", "/", "-", "_", "=", "&", "?", "www.", "doi.", ":")) and following[0].isalnum():
        # "…/about/ The Example Trust.": a capitalised plain word with more words after it is prose.
        return not (_PLAIN_WORD.fullmatch(following) and following[0].isupper() and after[:1].isalpha())
    if following[0] == "/" or _FILE_TAIL.match(following):
        return True
    if url[-1].isdigit() and _CODE_WORD.match(following):
        return True
    if "/" in following.rstrip("/.") and not following[0].isupper():
        return True
    # "…/data-use-and -educational-improvement-details": a path piece, once the URL has a path.
    return "/" in url.split("//", 1)[-1] and _path_piece(following)


def _path_piece(word: str) -> bool:
    """A word that goes on a URL's path, query or DOI suffix: it opens in lower case, a digit or a path
    character and holds a dot, slash, hyphen or equals sign inside it ("ces.2012.05.033",
    "-educational-improvement", "id=3"); "accessed." or "2019." holds none, a number range is no path."""
    word = word.rstrip(_TRAILING_JUNK)
    if not _PATH_PIECE_START.match(word) or _NUMBER_RANGE.fullmatch(word):
        return False
    return bool(re.search(r"[./=-]", word[1:]))


def _take_url(text: str, start: int) -> tuple[str, int]:
    """The URL starting at start, rejoining pieces a line break split, and where it ends."""
    if text[:start].rstrip().endswith("<") and ">" in text[start:]:
        end = text.index(">", start)
        return re.sub(r"\s+", "", text[start:end]), end + 1
    match = _WORD_AT.match(text, start)
    url, end = match.group(), match.end()
    while True:
        url, end = _across_line_breaks(text, url, end)
        spaced_name = None if _ends_in_file_name(url) else _SPACED_FILE_NAME.match(text, end)
        if not spaced_name:
            break
        url, end = url + re.sub(r"\s+", "", spaced_name.group()), spaced_name.end()
    return url, end


def _across_line_breaks(text: str, piece: str, end: int) -> tuple[str, int]:
    """A URL or DOI at text[:end] with the words a line break split off it joined back on."""
    while (nxt := _NEXT_WORDS_AT.match(text, end)) and _continues_url(piece, nxt[1], nxt[2] or ""):
        piece, end = piece + nxt[1], nxt.end(1)
    return piece, end


def _ends_in_file_name(url: str) -> bool:
    """Whether the URL is complete as it stands: it has no path, or its path ends in a file name."""
    path = url.split("//", 1)[-1]
    return "/" not in path or bool(_FILE_TAIL.match(path.rsplit("/", 1)[-1].rstrip(_TRAILING_JUNK) + " "))


def _clean_url(url: str) -> str:
    url = re.sub(r"^(https?:)\s*//\s*", r"\1//", url)
    url = re.sub(r"^(https?:)(?!//)", r"\1//", url)
    while url and url[-1] in _TRAILING_JUNK:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def extract_locators(text: str) -> Locators:
    """Cut URLs, DOIs and access notes out of text; the first URL is the item's URL."""
    text = _rejoin_doi_labels(text)
    found = Locators()
    pieces, position = [], 0
    for match in _URL_START.finditer(text):
        if match.start() < position:
            continue
        url, end = _take_url(text, match.start())
        url = _clean_url(url)
        if "." not in url:
            continue
        found.urls.append(url)
        lead_in_cut, piece = _drop_lead_in(text[position : match.start()])
        pieces.append(piece)
        if lead_in_cut and found.accessed is None:
            found.accessed = date_parts(lead_in_cut)
            position = _cut_date_after_access_url(text, end, lead_in_cut, found)
        else:
            position = end
    pieces.append(text[position:])
    if not found.urls:
        bare_host = _BARE_HOST.search(text)
        if bare_host:
            found.urls.append(bare_host[1])
            pieces = [text[: bare_host.start(1)], text[bare_host.end(1) :]]
    rest = " ".join(piece.strip() for piece in pieces if piece.strip())
    found.url = found.urls[0] if found.urls else None
    found.doi = _find_doi(text, found.urls)
    rest = _BARE_LEAD_IN.sub("", _DOI_LABEL.sub("", rest))
    accessed, found.rest = _cut_access_note(rest)
    found.accessed = found.accessed or accessed
    return found


def _rejoin_doi_labels(text: str) -> str:
    """ "doi:10.1016/j. ces.2012.05.033": a labelled DOI that a line break split goes on across the space,
    by the rule a URL does."""
    for label in reversed(list(_DOI_LABEL.finditer(text))):
        doi, end = _across_line_breaks(text, label[1], label.end())
        text = text[: label.start(1)] + doi + text[end:]
    return text


def _cut_date_after_access_url(text: str, end: int, lead_in: str, found: Locators) -> int:
    """Where the text goes on after "Accessed at: URL. on September 25 2014": the date is the access's."""
    late_date = _DATE_AFTER_URL.match(text, end)
    if found.accessed or not late_date or not re.search(_ACCESS_WORDS, lead_in, re.IGNORECASE):
        return end
    found.accessed = date_parts(late_date.group())
    return late_date.end() if found.accessed else end


def _drop_lead_in(piece: str) -> tuple[str, str]:
    """Cut the words that announce a URL ("Available at:", "Retrieved May 2, 2015, from <")."""
    match = _URL_LEAD_INS.search(piece.rstrip())
    if not match:
        return "", piece
    return match.group(), piece[: match.start()]


def _find_doi(text: str, urls: list[str]) -> str | None:
    for url in urls:
        if "doi" in url.lower():
            match = _DOI.search(url)
            if match:
                return match[1].rstrip(_TRAILING_JUNK)
    match = _DOI_LABEL.search(text)
    return match[1].rstrip(_TRAILING_JUNK) if match else None


def _cut_access_note(text: str) -> tuple[list[int] | None, str]:
    accessed = None
    match = _BRACKETED_ACCESS_NOTE.search(text) or _ACCESS_NOTE.search(text)
    if match:
        accessed = date_parts(match[1] or match.group(match.lastindex or 0))
        text = text[: match.start()] + text[match.end() :]
    text = re.sub(
        r"\b(?:retrieved|accessed)\b[^.]{0,40}?(?:\d{4},?\s+)?(?:from|at|on)\b[^.]*$|"
        r"\b(?:retrieved|accessed)\s*$",
        "",
        text.rstrip(" .,;:"),
        flags=re.IGNORECASE,
    )
    text = re.sub(r"\[\s*\]|\(\s*\)|<\s*>", "", text)
    return accessed, re.sub(r"\s{2,}", " ", text).strip(" ,;:")
