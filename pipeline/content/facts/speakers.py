"""Who said what: quotations and reported speech ('X said', 'according to X', 'X told PBS', 'X
stated') with the speaker as the sentence names them, their role, and the outlet they spoke to.

The speaker is the noun phrase before a speech verb (an apposition between commas skipped and read
as a role), the phrase after 'according to', or after 'by' in '... described by X as'. A phrase of
capitalized words is split into role and name (actors.split_role); a phrase with a role noun and no
name is an unnamed speaker ('a senior Ukrainian military official'). Pronouns and possessives name
no one. A paragraph that is one quotation, after a paragraph ending in a colon, is the quotation of
the speaker that colon introduced (pipeline.content.quotes). The outlet is the name after 'told'
or 'in an interview with'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.content.facts.actors import ORGANIZATION_WORDS, ROLE_MODIFIERS, TITLES, is_title, split_role
from pipeline.content.facts.figures import FUNCTION_WORDS
from pipeline.content.quotes import QUOTE_SPANS, quoted_text

SPEECH_VERBS = ("said|says|stated|states|told|tells|noted|notes|added|warned|argued|argues|declared|wrote|"
                "explained|insisted|claimed|claims|described|remarked|asserted|emphasized|emphasised|stressed|"
                "reiterated|pledged|vowed|promised|urged|announced|predicted|predicts|confirmed|acknowledged|"
                "admitted|suggested|proposed")
SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
ADVERBS = re.compile(r"(?:\s+(?:also|publicly|recently|reportedly|later|again|repeatedly|once|has|have|had|"
                     r"previously|then|further|firmly|clearly))+$")
ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,;.]+)", re.IGNORECASE)
PASSIVE_BY = re.compile(rf"\b(?:{SPEECH_VERBS})\s+by\s+(?P<who>[^,;.]+?)\s+as\b")
OUTLET = re.compile(r"\b(?:told|in an interview with|speaking to|speaking with)\s+(?P<outlet>(?:the\s+)?"
                    r"(?:[A-Z][\w.&’'-]*\s*){1,4})")
NO_ONE = frozenset("he she they it this that we i you who which there these those some others many most all "
                   "both each one none".split())
WORD = re.compile(r"[\w.’'-]+")


@dataclass(frozen=True)
class Speech:
    name: str | None  # "Lloyd Austin"; None for an unnamed speaker
    role: str | None  # "US Defense Secretary"
    verb: str
    kind: str  # quote | reported
    text: str  # the quotation, or the reported clause
    outlet: str | None


def phrase_words(text: str) -> list[str]:
    """The noun phrase ending a stretch of text: capitalized words, title words and role modifiers,
    read backwards until a word that cannot be part of a name or role."""
    words = WORD.findall(text)
    taken: list[str] = []
    for word in reversed(words):
        lowered = word.lower()
        if word[:1].isupper() or is_title(word) or lowered in ROLE_MODIFIERS or lowered in ORGANIZATION_WORDS:
            taken.insert(0, word)
            continue
        position = len(words) - len(taken) - 1
        if taken and lowered in ("of", "to", "for") and position > 0 and is_title(words[position - 1]):
            taken.insert(0, word)  # "adviser to President-elect Donald Trump" is one role
            continue
        if taken and lowered in ("the", "a", "an"):
            taken.insert(0, word)
        elif (taken and taken[-1].lower() in ORGANIZATION_WORDS and len(taken) < 4
              and word.strip("'’").isalpha() and lowered not in FUNCTION_WORDS):
            taken.insert(0, word)  # "the regional water authority", "the farmers’ union"
            continue
        break
    while taken and taken[0].lower() in ("of", "to", "for"):
        taken = taken[1:]
    return taken


def speaker_of(words: list[str]) -> tuple[str | None, str | None] | None:
    """(name, role) of a phrase; None when it names no one."""
    words = [w.rstrip(",") for w in words]
    if not words or words[-1].lower() in NO_ONE or re.search(r"['’]s?$", words[-1]):
        return None
    if words[-1].lower() in ORGANIZATION_WORDS:  # "the U.S. government", "Trump’s administration"
        body = [w for w in words if w.lower() not in ("the", "a", "an")]
        return " ".join(body), None
    role, name = split_role(words)
    if name and name.split()[0].lower() in NO_ONE:
        return None
    if not name:
        tail = words[-1].lower()
        if tail not in TITLES and tail not in ORGANIZATION_WORDS:
            return None
        return None, " ".join(w for w in words if w.lower() not in ("the", "a", "an"))
    return name, role


def subject_before(text: str) -> tuple[list[str], str | None]:
    """The phrase before a speech verb, and a role given to it by apposition: after the name
    between commas ('General Keith Kellogg, Trump’s former adviser, said') or before it ('the former
    adviser to President-elect Donald Trump, Bryan Lanza said')."""
    text = ADVERBS.sub("", text.rstrip())
    apposition = None
    if text.endswith(","):
        inner = text[:-1]
        cut = inner.rfind(",")
        if cut > 0 and len(inner[cut + 1:].split()) <= 10:
            apposition, text = inner[cut + 1:].strip(), inner[:cut]
    segments = re.split(r"[;:,“”‘(]|\bthat\b", text)
    words = phrase_words(segments[-1])
    if apposition is None and len(segments) > 1 and words and not any(is_title(w) for w in words):
        before = phrase_words(segments[-2])
        if before and any(is_title(w) for w in before):
            apposition = " ".join(before)
    if apposition:
        apposition = re.sub(r"^(?:the|a|an)\s+", "", apposition, flags=re.IGNORECASE)
    return words, apposition


def reported_clause(after: str, outlet: str | None = None) -> str:
    after = after.strip(" ,;:")
    if outlet and re.sub(r"^the\s+", "", after).startswith(outlet):
        after = re.sub(r"^the\s+", "", after)[len(outlet):].strip(" ,;:")
    clause = re.sub(r"^\s*(?:that|of)\b\s*", "", after).strip()
    return clause.rstrip(" .") or after.strip()


def find_speeches(sentence: str) -> list[Speech]:
    """Every attributed statement in one sentence."""
    masked = QUOTE_SPANS.sub(lambda m: "“" + "_" * (len(m.group()) - 2) + "”", sentence)
    quote = quoted_text(sentence)
    found: list[Speech] = []
    outlet = OUTLET.search(masked)
    outlet_name = re.sub(r"^the\s+", "", outlet.group("outlet").strip(" .,;:")) if outlet else None

    def add(who: tuple[str | None, str | None] | None, verb: str, rest: str, role: str | None = None):
        if who is None:
            return
        name, own_role = who
        kind = "quote" if quote else "reported"
        text = quote if quote else reported_clause(rest, outlet_name)
        found.append(Speech(name, own_role or role, verb, kind, text, outlet_name))

    for match in SPEECH.finditer(masked):
        words, apposition = subject_before(masked[:match.start()])
        role = apposition if apposition and any(is_title(w) for w in apposition.split()) else None
        add(speaker_of(words), match.group(), sentence[match.end():], role)
    for pattern in (ACCORDING, PASSIVE_BY):
        for match in pattern.finditer(masked):
            add(speaker_of(phrase_words(match.group("who"))), "according to" if pattern is ACCORDING
                else "described", sentence[match.end():] if pattern is PASSIVE_BY else sentence[match.end():])
    unique: dict[tuple, Speech] = {}
    for speech in found:
        unique.setdefault((speech.name, speech.role, speech.text), speech)
    return list(unique.values())


TOKEN = re.compile(r"[\w.’'-]+|[^\w\s]")
POSSESSIVE = re.compile(r"['’]s?$")
LEADING_NOT_ROLE = frozenset("recently meanwhile however also then now later earlier today during despite after "
                             "before since while when with without under in on at by for from as".split())


def _run_roles(sentence: str) -> list[tuple[str, str]]:
    pairs, run = [], []
    for token in [*TOKEN.findall(sentence), "."]:
        if (token[:1].isupper() or is_title(token) or token.lower() in ROLE_MODIFIERS) and not POSSESSIVE.search(token):
            run.append(token)
            continue
        while run and run[0].lower() in LEADING_NOT_ROLE:
            run = run[1:]
        if any(is_title(w) for w in run) and not POSSESSIVE.search(token):  # "President Joe Biden’s": cut short
            role, name = split_role(run)
            if role and name and len(name.split()) <= 4:
                pairs.append((name, role))
        run = []
    return pairs


def roles_in(sentence: str) -> list[tuple[str, str]]:
    """(name, role) pairs a sentence gives anywhere: 'French President Emmanuel Macron', and an
    apposition before a name ('Trump’s former national security adviser, Robert O’Brien')."""
    pairs = _run_roles(sentence)
    segments = sentence.split(",")
    for before_text, after_text in zip(segments, segments[1:], strict=False):
        before = phrase_words(before_text)
        name_after = []
        for word in WORD.findall(after_text):
            if not word[:1].isupper() or is_title(word):
                break
            name_after.append(word)
        if before and any(is_title(w) for w in before) and name_after:
            candidate = speaker_of(name_after)
            if candidate and candidate[0]:
                pairs.append((candidate[0], " ".join(w for w in before if w.lower() not in ("the", "a", "an"))))
    return pairs
