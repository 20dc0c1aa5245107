"""A note that cites several works, split into one reference string per work.

Reports cite through notes, and one note often lists several works: "CRS Report RL39112, ...; CRS
In Focus IF11872, ...", four senators' floor statements in a row, "... See also ...". A note splits
- at "; " when what follows starts a citation (a designation such as "CRS Report", "S. 2093" or
  "42 U.S.C.", an office and a name, "Letter from", a quoted title, a case, a name followed by a
  title) and what comes before is a whole work: not inside quotation marks or brackets, and not in a
  work's own "; " (an author list "Smith, J.; Doe, K.", a journal's "2019;172:1-9");
- at the signals "see also", "see, e.g.,", "cf." and a "See" that opens a new sentence;
- at ", and " when what follows opens with a designation and what comes before is a whole work
  ("CRS In Focus IF13119, ..., by Ann Lee, and CRS In Focus IF12006, ...").
A lead-in that explains rather than cites ("For more on harbor inspections, see ...",
an explanatory sentence before "See ...") is cut off the first work, and signals off every work;
so are the sentences that explain after the address a work closes with. A piece of prose that names
a law, bill or code section ("The program was authorized under Title IX of P.L. 111-11.") cites that.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.references.parse.government.legal import parse_government
from pipeline.references.parse.government.statements import HONORIFIC
from pipeline.references.parse.segments import ABBREVIATIONS, outside_brackets
from pipeline.text.dates import find_date
from pipeline.text.designations import KINDS, leading_designation

_SIGNAL = (
    r"(?:(?:[Pp]lease\s+)?(?:[Ss]ee\s+also|[Ss]ee,?\s+e\.g\.,|[Ss]ee,\s+for\s+example,|[Ss]ee\s+generally|[Ss]ee)|"
    r"[Cc]f\.|[Aa]lso\s+see)"
)
# A boundary: the separator, perhaps "and", perhaps a signal; what follows must start a citation.
_BOUNDARY = re.compile(rf"(?P<sep>;\s+|\.\s+|,\s+|\s+(?=see\s))(?P<joined>and\s+)?(?P<signal>{_SIGNAL},?\s+)?")
# The lead-in a note's last sentence opens with before its signal, with or without a comma: "For details see".
_LEAD_IN = re.compile(r"(?:^|[.!?]\s+)(?:For|On)\s[^.;!?]{0,120}$")
_LEADING_SIGNAL = re.compile(rf"^(?:{_SIGNAL}|[Ee]\.g\.,|For\s+example,)\s+")
# What opens a citation besides a designation or an office: the kinds of document notes cite by name.
_DOCUMENT_START = re.compile(
    r"^(?:Letter|Memorandum|Memo|Testimony\s+of|Statement\s+of|Remarks\s+of|Hearings?\s+(?:on|before)|"
    r"U\.S\.\s+(?:Congress|Government|Department|General)|Executive\s+Order|Ibid\.?|Id\.)(?=[\s,.]|$)"
)
_QUOTED_START = re.compile(r"^[“\"][A-Z]")
_CASE_START = re.compile(r"^[A-Z][^,;]{0,80}?\sv\.\s[A-Z][^;]{0,120}?,\s+\d+\s+[A-Z]")
# A name, a person's or a body's ("Todd Garvey", "Department of the Treasury", "Government Accountability
# Office (GAO)"), then the title, or the name's next part ("NOAA, NMFS, ...").
_NAME_THEN_TITLE = re.compile(
    r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)(?:\s+(?:[A-Z][\w'’.-]*|[A-Z]\.|of|the|and|for|on))"
    r"{0,6}(?:\s+\([A-Z]{2,8}\))?,\s+(?:[“\"]|CRS\b|[A-Z][a-z]|[A-Z]{2,}[\w-])"
)
# A page named, then where it is: "Lower Harbour Conservation Program at https://example.gov/."
_NAME_AT_ADDRESS = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|the|and|for|on|in)){0,10}\s+at\s+(?:https?://|www\.)")
_MIN_WORK_WORDS = 4


def split_works(note: str) -> list[str]:
    """The reference strings of the works a note cites, in order; [note] when it cites one (or none)."""
    return list(_split_works(note))


@lru_cache(maxsize=8192)  # seeds repeat the same notes (parse_reference says how often); the split is pure
def _split_works(note: str) -> tuple[str, ...]:
    return tuple(_works_of(note))


def _works_of(note: str) -> list[str]:
    text = " ".join(note.split())
    if not text:
        return [note]
    pieces, start, cut_lead = [], 0, False
    outside = outside_brackets(text)
    for match in _BOUNDARY.finditer(text):
        if not outside[match.start()] or match.start() <= start:
            continue
        left, right = text[start : match.start()], text[match.end() :]
        if not _is_boundary(match, left, right):
            continue
        if match["signal"] and not pieces and _explains(left):
            cut_lead = True  # "For more on harbor inspections, see ...": no work of its own
        else:
            pieces.append(left)
        start = match.end()
    pieces.append(text[start:])
    plain = not cut_lead and not _LEADING_SIGNAL.match(text) and not _AFTER_ADDRESS.search(text) \
        and _prose_after_work(text) is None
    if len(pieces) == 1 and plain and not _designations_told(text):
        return [note]  # one work, cited as written
    works = map(_without_signal, map(_without_trailing_explanation, _with_trailing_prose_apart(pieces)))
    return [cited for work in works if work for cited in (_designations_told(work) or [work])] or [note]


def _is_boundary(match: re.Match, left: str, right: str) -> bool:
    sep, signal = match["sep"].strip(), match["signal"]
    lead_in = bool(signal) and signal[0].islower() and _explains(left)
    if not (starts_citation(right) or lead_in and is_whole_work(right)):
        return False  # after an explaining lead-in, a work with an address or date needs no name first
    if not sep:  # "For details see CRS Report ...": no comma before the signal, only after a lead-in
        return lead_in and bool(_LEAD_IN.search(left))
    if sep == ".":  # only a signal opens a new sentence's work, and only after a sentence's end
        return bool(signal) and signal[0].isupper() and _ends_sentence(left)
    if sep == ",":  # "..., see also X", a lead-in "For more on X, see Y", or "X, and CRS Report Y"
        designated = bool(match["joined"]) and bool(leading_designation(right)) and is_whole_work(left)
        return bool(signal) and signal[0].islower() or designated
    return bool(signal) or is_whole_work(left)


def starts_citation(text: str) -> bool:
    """Whether text opens a citation: a designation, an office and a name, a document kind, a quoted
    title, a case name, a name followed by a title or by the address of its page ("... Program at https:")."""
    if leading_designation(text) or _DOCUMENT_START.match(text) or _QUOTED_START.match(text):
        return True
    if HONORIFIC.match(text) and re.match(r"^\S+\s+[A-Z]", text):
        return True
    if _CASE_START.match(text) or _NAME_AT_ADDRESS.match(text):
        return True
    return bool(_NAME_THEN_TITLE.match(text) and len(text.split()) >= _MIN_WORK_WORDS)


def is_whole_work(text: str) -> bool:
    """A piece that cites a work by itself, not the first names of an author list ("Smith, J."): one the
    government reader takes, or one with a quoted title, a date or a designation in some words."""
    text = text.strip(" ,;")
    if parse_government(text):
        return True
    if len(text.split()) < _MIN_WORK_WORDS:
        return False
    quoted = re.search(r"[“\"][^”\"]{3,}[”\"]", text)
    return bool(quoted or find_date(text) or leading_designation(text) or re.search(r"https?://|www\.", text))


def _explains(text: str) -> bool:
    """A lead-in that explains rather than cites: prose, mostly lower-case words, nothing a work is
    cited by (no quoted title, designation or address, no year in brackets as authors date a work).
    A date in it is no sign of a work: explanations date what they tell ("As of July 10, 2020, ...")."""
    text = _without_signal(text)
    if parse_government(text) or leading_designation(text) or re.search(r"[“\"]|https?://|www\.", text):
        return False
    if re.search(r"\(\s*(?:1[6-9]|20)\d\d[a-z]?\s*\)", text) or starts_citation(text):
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return bool(words) and sum(word[0].islower() for word in words[1:]) >= 0.5 * max(1, len(words) - 1)


# A work's address closing its sentence, and a new sentence after it.
_AFTER_ADDRESS = re.compile(r"(?:https?://|www\.)\S+?[.,]?\s+(?=[A-Z])")


def _without_trailing_explanation(piece: str) -> str:
    """The piece without the sentences after the address it closes with when they explain ("..., July 14,
    2026, https://example.gov/notice. The agency issued no notice in FY2025."): what the note tells, not
    part of the work."""
    for found in _AFTER_ADDRESS.finditer(piece):
        address = found.group().rstrip()
        if address.endswith(".") and _explains(piece[found.end() :]):
            return piece[: found.end()].rstrip()
    return piece


_SENTENCE_BREAK = re.compile(r"\.\s+(?=[A-Z])")
_PROSE_WORDS = 8  # the fewest words of a sentence of explanation after a work


def _prose_after_work(piece: str) -> int | None:
    """Where the explanation starts that a note goes on with after a whole work ("CRS Report RS1234, Harbor
    Loans. Section 4 of P.L. 116-1 waived the interest on them until 2021."): the first sentence break after
    a work from which every sentence is prose (_reads_as_prose), with no address or quotation; None when
    there is none."""
    for found in _SENTENCE_BREAK.finditer(piece):
        left, rest = piece[: found.start()], piece[found.end() :]
        if _ends_sentence(left) and is_whole_work(left) and _all_prose(rest):
            return found.start() + 1
    return None


def _all_prose(text: str) -> bool:
    if re.search(r"[“\"]|https?://|www\.", text):
        return False
    sentences = [part for part in _SENTENCE_BREAK.split(text.strip()) if part]
    return bool(sentences) and all(_reads_as_prose(sentence) for sentence in sentences)


def _reads_as_prose(sentence: str) -> bool:
    """Eight words or more, and of its words of three letters or more (abbreviations such as "vol." or
    "Jan." aside) after the first, at least five and half in lower case: a journal's name and
    its volume and pages ("Parallel and Distributed Systems, vol. 4, no. 1, pp. 87-98") are not prose."""
    words = re.findall(r"(?<![\w'’-])[^\W\d_]{3,}(?:['’-][^\W\d_]+)*(?![\w'’.-])", sentence)[1:]
    lower = sum(word[0].islower() for word in words)
    return len(sentence.split()) >= _PROSE_WORDS and lower >= 5 and 2 * lower >= len(words)


def _names_laws_only(piece: str) -> bool:
    """A piece that opens no citation but names laws or bills ("As part of ... H.R. 1, Senator ... offered
    S.Amdt. 2372, which was the text of S. 1761, ..."): it cites those."""
    return not starts_citation(_without_signal(piece)) and bool(_designations_told(piece, explaining=True))


def _with_trailing_prose_apart(pieces: list[str]) -> list[str]:
    """Each piece, with the explanation after its work (_prose_after_work) as a piece of its own, which
    cites only the laws it names (_designations_told) or nothing; so does the whole piece when what stands
    before that explanation explains too."""
    apart = []
    for piece in pieces:
        start = _prose_after_work(piece)
        if start is None:
            apart.append(piece)
        elif _all_prose(piece[:start]) or _names_laws_only(piece):
            apart += _designations_told(piece, explaining=True)  # prose throughout: "DOT issued a rule in ..."
        else:
            apart += [piece[:start], *_designations_told(piece[start:], explaining=True)]
    return apart


# What prose names a law, bill, code section or page of the Register or Record by, each a whole citation
# (not a CRS report, a committee report or a case, which a title or a name goes with).
_LAW_IN_PROSE = re.compile("|".join(f"(?:{pattern})" for kind, pattern in KINDS.items()
                                    if kind not in ("crs", "committee_report", "reporter")))


def _designations_told(piece: str, explaining: bool = False) -> list[str]:
    """The laws, bills and code sections a piece of prose names ("The program was authorized under
    Title IX of P.L. 111-11."), once each: those are what it cites; [] when the piece is not such prose.
    explaining: the piece is known to be prose (_prose_after_work)."""
    found = dict.fromkeys(" ".join(match.group().split()) for match in _LAW_IN_PROSE.finditer(piece))
    return list(found) if found and (explaining or _explains(piece)) else []


def _ends_sentence(text: str) -> bool:
    """Whether the full stop after text ends a sentence, rather than "U.S." or an initial."""
    last = re.split(r"[\s(]", text)[-1]
    return not (last.lower() in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", last))


# The part of a work a note points into, before the work: "the “Loans” section in", "Appendix 4 in",
# "Table 3-1 of", "chapter 2 in".
_PART_OF = re.compile(
    r"^(?:the\s+)?(?:[“\"][^”\"]{1,120}[”\"]\s+)?(?:section|chapter|appendix|table|figure|part)\b[^,;“\"]{0,40}?"
    r"\s+(?:in|of)\s+(?=[A-Z“\"])",
    re.IGNORECASE,
)


def _without_signal(piece: str) -> str:
    """The piece without a signal opening it ("See also", "Cf."), the part of the work it points into
    ("the “Loans” section in CRS Report ...") or a trailing separator."""
    piece = piece.strip(" ;,")
    while (signal := _LEADING_SIGNAL.match(piece)) is not None:
        piece = piece[signal.end() :]
    part = _PART_OF.match(piece)
    return piece[part.end() :] if part and starts_citation(piece[part.end() :]) else piece
