"""Figures a sentence states: quantities with their unit (quantulum3), normalized with pint, and the
noun phrase the figure counts or measures.

The counted phrase is the words after the number and its unit up to a function word, a verb or
punctuation ("10,000 North Korean troops have joined" -> "North Korean troops"); when nothing
follows, the noun the figure is linked to before it ("a zone spanning approximately 1,300 km" ->
"zone"). Its last word, singular and lower-cased, is the head; its capitalized words, or else the
nearest name before the figure in its clause ("North Korea sent 3000 troops"), say whose it is.
Numbers inside a date span, years and numbers that are part of a name ("Shahed-136") are no figures.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from pipeline.content.facts.units import Normalized, as_stated, hedge_of, interval, normalize, plain_unit
from pipeline.text.designations import number_in_designation

FUNCTION_WORDS = frozenset("""
of in on at to for from by with into onto across along per over under between through during within
without near since toward towards against about around amid among behind beyond up down out off than
and or but nor as that which who whom whose while whereas if because so yet
the a an this that these those its their his her our your my some any each every all both no
is are was were be been being am have has had having will would could should may might can must shall
do does did it they he she we you i them him us who what where when why how there here not also
below above beneath after before until till
""".split())
NOT_NOUNS = frozenset("more less most least many much few several other such only just nearly almost "
                      "deep long wide tall high away north south east west old left remaining ago later "
                      "earlier".split())
NUMBER_WORDS = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                          r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)s?\b",
                          re.IGNORECASE)
# NUMBER_WORDS without its word boundaries: a figure's surface is a piece of its sentence, so a
# sentence this finds nothing in holds no figure, and quantulum3 need not read it.
MAY_HOLD_NUMBER = re.compile(NUMBER_WORDS.pattern.replace(r"\b", ""), re.IGNORECASE)
ORDINAL_WORDS = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE)
# Nouns that name a measure rather than a thing ("a period of 20 years", "a pace of 300 km a week"), or a
# change of something else ("a 25% increase", "a drop of 8%": of prices, of imports, of whatever the
# sentence says): figures with such a head are grouped by what their sentence says, as if they had none.
CONTAINER_NOUNS = frozenset("period pace rate total number figure amount level sum count share "
                            "increase decrease rise fall growth decline drop reduction gain cut jump surge hike "
                            "change".split())
LINKS_BEFORE = re.compile(r"(?P<noun>[A-Za-z][\w-]*)\s+(?:of|spanning|covering|measuring|stretching|totaling|"
                          r"totalling|worth|reaching|at|to|by|long)\s*(?:\w+\s+){0,2}$")
PARTITIVE = re.compile(r"^\s*of\s+(?:(?P<det>its|their|his|her|our|the|these|those|them|which)\b\s*)?",
                       re.IGNORECASE)
PROPER_NAME = re.compile(r"\b(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*")
NOT_NAMES = frozenset("The A An This That These Those It Its They Their He She We I In On At By For Of And But "
                      "As If When While After Before Since Around About Some Many Most According Meanwhile "
                      "However Moreover Furthermore Recent Recently Over During Despite Although Though With "
                      "Without From To Under Until Also Both Each Every Other Others One Two Monday Tuesday Wednesday "
                      "Thursday Friday Saturday Sunday January February March April May June July August "
                      "September October November December".split())
CLAUSE_BREAK = re.compile(r"[,;:()—–]|\b(?:that|which|who|while|whereas|although|because)\b")
PUNCTUATION_STOP = re.compile(r"[,.;:()\[\]“”\"‘’!?—–]")
# Curly and straight double quotes read as inches (″) to quantulum3: "24 hours”" is no area.
QUOTE_MARKS = frozenset("“”\"″")
ARTICLE_BEFORE_CURRENCY = re.compile(r"\b(?:a|an)\s+(?=[$£€¥])", re.IGNORECASE)
# What quantulum3 misreads in British and news usage: "12 per cent" as twelve per cent-coin, and the scale
# letters of "£3m", "$2.5bn", "€40k" as metres, bytes or kelvins. Both are spelled out before it reads them.
PER_CENT_SPACE = re.compile(r"(?<=\bper) (?=cent\b)", re.IGNORECASE)
SCALE_LETTERS = re.compile(r"(?<=[$£€¥]\d)[\d,.]*(?P<scale>bn|m|k)\b|(?<=[$£€¥] \d)[\d,.]*(?P<spaced>bn|m|k)\b")
SCALE_WORDS = {"bn": " billion", "m": " million", "k": " thousand"}


@dataclass
class Figure:
    seed: str
    paragraph: int
    sentence: int
    text: str  # the figure as written: "approximately 1,300 kilometers"
    value: float
    unit: str  # as quantulum3 names it: "kilometre", "dimensionless", "dollar"
    norm: Normalized
    counted: str | None  # "North Korean troops"
    head: str | None  # "troop" (after synonyms)
    qualifier: str | None  # "North Korean"
    hedge: str | None = None
    bound: str | None = None  # about | min | max
    subset: bool = False  # "8,000 of these troops": part of a figure stated before
    share: bool = False  # "20% of the territory": a share of what it counts ("a 10% tariff" is a rate)
    date: str | None = None
    date_precision: str | None = None
    context: list[str] = field(default_factory=list)  # the sentence's content words

    @property
    def base_value(self) -> float:
        return as_stated(self.value * self.norm.factor)

    # Read for the figure's record and again for its kind's value classes; its value, text, bound
    # and norm are set when the figure is made and never after (only its date is), so once is enough.
    @cached_property
    def base_interval(self) -> tuple[float, float]:
        low, high = interval(self.value, self.text, self.bound)
        return as_stated(low * self.norm.factor), as_stated(high * self.norm.factor)


@lru_cache(maxsize=1)
def _parser():
    with warnings.catch_warnings():  # quantulum3 warns that its optional classifier is not installed
        warnings.simplefilter("ignore")
        from quantulum3 import no_classifier, parser, regex
    original = no_classifier.disambiguate_no_classifier
    if getattr(original, "replaces", None) is None:
        disambiguate_in_name_order.replaces = original
        no_classifier.disambiguate_no_classifier = disambiguate_in_name_order
    fix_pattern_order(regex)  # before its patterns are first built (they are cached)
    return parser


# quantulum3.regex's functions that give a set its patterns join into alternatives.
SET_VALUED = ("ranges", "uncertainties", "negatives", "multiplication_operators", "division_operators",
              "grouping_operators", "operators")


def fix_pattern_order(regex) -> None:
    """quantulum3 joins sets of operators, ranges and unit names (sorted by length alone) into the
    alternatives of its patterns: their order, and with it which one matches ("1 X axis" read as
    "1" or as "1 X"), changed with each process's hash seed. Here each set comes longest first, then
    in text order, and every sort of them breaks ties the same way."""
    if getattr(regex, "order_fixed", False):
        return
    for name in SET_VALUED:
        setattr(regex, name, _in_fixed_order(getattr(regex, name)))
    regex.sorted = lambda items, key=None, reverse=False: sorted(sorted(items), key=key, reverse=reverse)
    regex.order_fixed = True


def _in_fixed_order(function):
    return lambda *args, **kwargs: sorted(function(*args, **kwargs), key=lambda item: (-len(item), item))


@lru_cache(maxsize=4)
def _training_words(lang: str) -> tuple[dict[str, tuple[int, dict[str, int]]], object]:
    """quantulum3's training texts by unit name: their total length and each word (split on spaces,
    as quantulum3 splits them) with the number of times it occurs; and an Aho-Corasick automaton
    of all those words, which finds the ones a text contains in one pass over it."""
    import ahocorasick
    from quantulum3 import load

    totals: dict[str, int] = {}
    words: dict[str, Counter] = {}
    for word_set in load.training_set(lang):
        totals[word_set["unit"]] = totals.get(word_set["unit"], 0) + len(word_set["text"])
        words.setdefault(word_set["unit"], Counter()).update(word_set["text"].split(" "))
    automaton = ahocorasick.Automaton()
    for word in sorted({word for counts in words.values() for word in counts if word}):
        automaton.add_word(word, word)
    automaton.make_automaton()
    return {unit: (total, dict(words[unit])) for unit, total in totals.items()}, automaton


@lru_cache(maxsize=256)
def _words_in(text: str, lang: str) -> frozenset[str]:
    """The training words that occur in the text, as substrings (quantulum3 tests `word in text`);
    the empty word, which every text contains, among them."""
    automaton = _training_words(lang)[1]
    return frozenset({"", *(word for _, word in automaton.iter(text))})


def disambiguate_in_name_order(entities, text: str, lang: str = "en_US"):
    """quantulum3's disambiguate_no_classifier (0.10), the unit among several one surface may name
    whose training words the text has most of, with two changes that keep its answers:

    - candidates in name order: it breaks ties in the order of a set, which Python randomizes per
      process ('“a hundred billion” dollars' was dollars in one run and a bare number in the next);
    - the words of each unit's training texts counted once, with how often they occur, and found in
      the text by one automaton: it walked every training text (787, 640,000 words) for every
      candidate of every figure, most of what reading figures cost. The counts, hence the scores
      and the choice, are its own.
    """
    index, present = _training_words(lang)[0], _words_in(text, lang)
    best, best_count, best_relative = None, 0, 0
    for entity in sorted(entities, key=lambda entity: entity.name):
        total, words = index.get(entity.name, (0, {}))
        count = sum(words.get(word, 0) for word in present)
        relative = count / total if total else 0
        if relative > best_relative or (relative == best_relative and count > best_count):
            best, best_count, best_relative = entity, count, relative
    return best


@lru_cache(maxsize=1)
def _inflect():
    import inflect

    return inflect.engine()


def singular(word: str) -> str:
    word = word.lower().replace("’", "'")
    return (_inflect().singular_noun(word) or word) if word.isalpha() and len(word) > 3 else word


def scale_words(text: str) -> dict[int, tuple[str, int]]:
    """Where scale letters stand after a sum ("£3m", "$2.5bn"): index -> (the word they stand for, their length)."""
    found = {}
    for match in SCALE_LETTERS.finditer(text):
        group = "scale" if match["scale"] else "spaced"
        found[match.start(group)] = (SCALE_WORDS[match[group].lower()], len(match[group]))
    return found


def without_marks(text: str) -> tuple[str, list[int]]:
    """The text quantulum3 reads best, and where each of its characters stood in the original.

    Quotation marks go (quantulum3 reads ” as inches), and so do the spaces they and currency symbols
    leave ('$ 75' -> '$75'): a double space made quantulum3's reading of '“a hundred billion” dollars'
    change from run to run.
    """
    kept, positions = [], []
    # quantulum3 reads "a $3 billion package" as one dollar to the power 3e9: the article goes too.
    skipped = {i for m in ARTICLE_BEFORE_CURRENCY.finditer(text) for i in range(*m.span())}
    skipped |= {m.start() for m in PER_CENT_SPACE.finditer(text)}
    spelled = scale_words(text)
    for index, char in enumerate(text):
        if index in spelled:  # the scale letters' place holds the word: a span ending there ends after it
            word, length = spelled[index]
            kept.extend(word)
            positions.extend([index] * (len(word) - 1) + [index + length - 1])
            skipped |= set(range(index + 1, index + length))
            continue
        if char in QUOTE_MARKS or index in skipped:
            continue
        if char.isspace() and (not kept or kept[-1].isspace() or kept[-1] in "$£€¥"):
            continue
        kept.append(char)
        positions.append(index)
    positions.append(len(text))
    return "".join(kept), positions


def parse_quantities(text: str) -> list:
    """quantulum3's quantities, their spans mapped back onto text."""
    clean, positions = without_marks(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantities = _parser().parse(clean)
    for quantity in quantities:
        start, end = quantity.span
        quantity.span = (positions[start], positions[end - 1] + 1 if end > start else positions[start])
    return quantities


def rate_currency(unit: str) -> str | None:
    """The currency of a rate of money ("dollar per year" for "$4.5 million a year", "euro per tonne"),
    by quantulum3's own table of units; None for any other unit."""
    money, per, _ = unit.partition(" per ")
    if not per:
        return None
    from quantulum3 import load  # loaded already: the unit came from quantulum3's parser

    found = load.units("en_US").names.get(money)
    return getattr(found, "currency_code", None) if found is not None else None


def names_one(word: str) -> bool:
    """A capitalized word that is no plural ("Congress", "Army", not "Marines" or "States")."""
    return word[:1].isupper() and not (word.endswith("s") and not word.endswith("ss"))


def is_year_or_label(text: str, start: int, end: int, quantity) -> bool:
    surface = text[start:end]
    if number_in_designation(text, start):  # "15 C.F.R. §970.516", "Section 408": a citation
        return True
    if quantity.unit.name == "dimensionless" and re.fullmatch(r"(?:1[89]|20)\d\d", surface.strip()):
        return True
    if not NUMBER_WORDS.search(surface) or ORDINAL_WORDS.search(surface):
        return True  # "a stark", "a key": quantulum3 reads the article as one of some unit
    if not re.search(r"\d", surface) and quantity.unit.name == "dimensionless" and quantity.value < 10:
        return True  # "two sides", "three countries": small counts in words are no figures to compare
    if re.match(r"-old\b", text[end:end + 4]):
        return True  # "80-year-old": an age
    if re.search(r"\d[:.]$", text[max(0, start - 2):start]):
        return True  # "2:00 pm": a time of day
    if re.search(r"[§¶]\s*$", text[max(0, start - 3):start]) or re.match(r"\s*et\s+seq\b", text[end:end + 9]):
        return True  # "§§1401 et seq.", "¶ 40": the number of a section or paragraph cited
    if len(quantity.unit.dimensions) > 2 and not re.search(r"\bper\b|/", surface):
        return True  # "25 lakh" read as litre year kelvin hour: letters taken for a compound unit
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    return bool(re.search(r"[A-Za-z]-$", before) or re.match(r"(?:st|nd|rd|th)\b", after)
                or re.match(r"-[A-Za-z]", after) and quantity.unit.name == "dimensionless")


def counted_after(text: str) -> tuple[list[str], bool, bool]:
    """The words a figure counts, read after it, whether they are a subset ('of these'), and whether
    they follow "of" ('20% of the territory': a share of it, where 'a 10% tariff' is the tariff's rate)."""
    subset = False
    partitive = PARTITIVE.match(text)
    if partitive:
        subset = (partitive.group("det") or "").lower() in ("these", "those", "them", "which")
        text = text[partitive.end():]
    words: list[str] = []
    for token in re.split(r"(\s+)", text):
        if not token.strip():
            continue
        if PUNCTUATION_STOP.match(token) or len(words) == 4:
            break
        possessive = re.match(r"^(.+?)['’]s?$", token)
        word = possessive.group(1) if possessive else PUNCTUATION_STOP.split(token)[0]
        if possessive:
            token = word  # "Ukraine’s territory": the name and what it owns are one phrase
        lowered = word.lower()
        if lowered in ("and", "or") and words and not words[-1].lower().endswith("s"):
            continue  # "military and paramilitary targets"; but "troops and tanks" are two things
        if not word or lowered in FUNCTION_WORDS or (lowered in NOT_NOUNS and word[0].islower()):
            break  # "miles north of" stops; "North Korean troops" does not
        if words and re.search(r"(?:ed|ing)$", lowered) and not word[0].isupper():
            break
        if words and re.search(r"[^su]s$", words[-1]) and word[0].islower():
            break  # a plural noun ends the phrase: "900 soldiers guard the border"
        words.append(word)
        if word != token:  # punctuation glued to the word ends the phrase
            break
    while words and (words[-1].lower() in NOT_NOUNS or re.search(r"(?:ed|ing|ly)$", words[-1].lower())):
        words.pop()
    return words, subset, bool(partitive)


# Verbs of change a figure follows ("rates fell to 13%", "funding decreased by $34 billion"): they name
# no thing the figure measures, as a noun before "to" or "by" does ("a zone spanning 800 miles").
CHANGE_VERBS = frozenset("fell falls fall rose rises rise grew grows grow hit hits cut cuts stood stands came comes "
                         "went goes jumped climbed dropped reached totaled totalled amounted".split())


def counted_before(text: str) -> list[str]:
    """The noun a figure is linked to before it: 'a zone spanning approximately' -> ['zone']; not a
    verb ('fell to', 'decreased by') nor a preposition ('below')."""
    match = LINKS_BEFORE.search(text)
    if not match:
        return []
    noun = match.group("noun").lower()
    if noun in FUNCTION_WORDS or noun in CHANGE_VERBS or noun == "past":
        return []
    if noun.endswith("ed") and not noun.endswith("eed") and len(noun) > 4:  # "decreased", "increased"
        return []
    return [match.group("noun")]


def name_before(text: str) -> str | None:
    """The last name in the clause before a figure ('confirming that North Korea sent' -> North Korea)."""
    clause = CLAUSE_BREAK.split(text)[-1]
    names = [m.group().strip() for m in PROPER_NAME.finditer(clause)]
    names = [" ".join(w for w in n.split() if w not in NOT_NAMES) for n in names]
    names = [n for n in names if n and not re.search(r"['’]s?$", n)]
    return names[-1] if names else None


# "$1.17 billion a year earlier": when the value stood, not a rate of it.
TIME_BEFORE_OR_AFTER = re.compile(r"\s*(?:earlier|ago|before|later|after|prior|previously|since)\b", re.IGNORECASE)
# "five years earlier", "two weeks ago": a time the sentence points to, said without the event it counts from.
TIME_AGO = re.compile(r"\s*(?:earlier|ago|later|previously)\b", re.IGNORECASE)


def stood_then(unit: str, text: str, start: int, end: int, entity: str, currency: str | None) -> tuple[str, int, str]:
    """quantulum3's own rate ("$1.17 billion a year" of "... a year earlier") taken apart: the unit
    without its "per", the figure's end before "a year", and a currency's entity."""
    kept = re.sub(r"\s+(?:an?|per)\s+\w+$", "", text[start:end])
    return unit.partition(" per ")[0], start + len(kept), "currency" if currency else entity


def _merge_rates(quantities: list, text: str) -> list:
    """'188 miles an hour': quantulum3 reads a distance and 'an hour'; together they are a speed."""
    merged = []
    for quantity in quantities:
        previous = merged[-1] if merged else None
        gap = text[previous.span[1]:quantity.span[0]] if previous else ""
        if (previous and quantity.value == 1 and quantity.unit.entity.name == "time"
                and re.fullmatch(r"\s*", gap) and re.match(r"(?:an?|per)\b", quantity.surface)
                and not TIME_BEFORE_OR_AFTER.match(text, quantity.span[1])):
            previous.rate_of = quantity.unit.name
            continue
        merged.append(quantity)
    return merged


def _unit_name(quantity) -> str:
    name = quantity.unit.name
    if name == "dollar dollar":  # "$3 billion dollars" names the currency twice
        name = "dollar"
    rate = getattr(quantity, "rate_of", None)
    return f"{name} per {rate}" if rate else name


@lru_cache(maxsize=4096)
def quantities_in(text: str) -> tuple:
    """quantulum3's quantities of a sentence, rates merged; read once per text, since the facts stage
    reads every sentence again when the sources turn out to report events after their as-of date."""
    if not MAY_HOLD_NUMBER.search(text):
        return ()
    return tuple(_merge_rates(parse_quantities(text), text))


def figure_candidates(text: str) -> list[dict]:
    """The figures of one sentence as plain fields, before its date spans, pint and the config's
    synonyms apply: each with its span in the text (start, end), its unit as quantulum3 names it
    (unit, entity, currency) and its head as the sentence words it (singular). What one sentence
    says, whatever the briefing: the per-seed extract keeps these."""
    found = []
    for quantity in quantities_in(text):
        start, end = quantity.span
        if is_year_or_label(text, start, end, quantity):
            continue
        unit, entity = _unit_name(quantity), quantity.unit.entity.name
        if entity == "time" and TIME_AGO.match(text, end):
            continue  # "five years earlier", "two weeks ago": when, not how long ("90 days after filing" is)
        currency = getattr(quantity.unit, "currency_code", None) or rate_currency(unit)
        if " per " in unit and TIME_BEFORE_OR_AFTER.match(text, end):
            unit, end, entity = stood_then(unit, text, start, end, entity, currency)
        plain = plain_unit(unit, entity, currency)
        kind = plain.dimension if plain else None  # None: a physical unit, for pint to read (settled_figure)
        hedge, bound, hedge_start = hedge_of(text[:start])
        words, subset, partitive = counted_after(text[end:])
        if not words and kind != "count":
            words = counted_before(text[:hedge_start].rstrip())
        if not words and kind == "count":
            continue  # a bare count ("the 28 of them") says nothing one can compare
        if kind == "count" and quantity.value > 1 and names_one(words[-1]):
            continue  # "the 119 Congress" (its "th" lost), "Route 66 Bridge": a name's number, no count
        capitals = [w for w in words[:-1] if w[0].isupper()]
        # A count or a share belongs to someone ("North Korea sent 3000 troops", "Russian officials
        # claim around 50%"); a measure describes a thing, and the name before it is rather who
        # speaks of it ("Ruiz said ... a 25-mile pipeline").
        before = name_before(text[:hedge_start]) if kind in ("count", "percent") else None  # "Approximately" no name
        written = re.sub(r"[“”\"]", "", (f"{hedge} " if hedge else "") + text[start:end]).strip()
        found.append({"start": start, "end": end, "text": written, "value": as_stated(float(quantity.value)),
                      "unit": unit, "entity": entity, "currency": currency, "counted": " ".join(words) or None,
                      "head": singular(words[-1]) if words else None,
                      "qualifier": " ".join(capitals) if capitals else before,
                      "hedge": hedge, "bound": bound, "subset": subset, "share": kind == "percent" and partitive})
    return found


def settled_figure(candidate: dict, date_spans: list[tuple[int, int]], synonyms: dict[str, str]) -> dict | None:
    """A candidate figure (figure_candidates) as the briefing reads it: None inside one of its
    sentence's date spans or in a unit pint cannot read; else the fields figures_in gives, its
    unit normalized (norm) and the synonyms applied to its head."""
    start, end = candidate["start"], candidate["end"]
    if any(start < b and end > a for a, b in date_spans):
        return None
    norm = normalize(candidate["unit"], candidate["entity"], candidate["currency"])
    if norm is None:
        return None
    head = candidate["head"]
    head = synonyms.get(head, head) if head else None
    fields = {key: value for key, value in candidate.items() if key not in ("start", "end", "entity", "currency")}
    return {**fields, "norm": norm, "head": None if head in CONTAINER_NOUNS else head}


def figures_in(text: str, date_spans: list[tuple[int, int]], synonyms: dict[str, str]) -> list[dict]:
    """The figures of one sentence as plain fields (the caller adds provenance)."""
    return [fields for candidate in figure_candidates(text)
            if (fields := settled_figure(candidate, date_spans, synonyms)) is not None]
