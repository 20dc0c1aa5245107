"""Which pairs of items are worth comparing at all: blocks and sorted neighbourhoods, never all pairs.

Two kinds of candidates, so the work grows as n log n (sorting) plus n times a constant:
- blocks: items sharing an identifier (DOI, URL or the start of one, the reference string itself) or
  one of the rarest words of their title or reference string (document frequency in this corpus);
  a block of a word shared by more than MAX_BLOCK items is too common to compare in full;
- a block of one identifier (DOI, URL, reference string) larger than FULL_BLOCK is not compared in
  full: each member meets the block's first member and the next WINDOW members in the block sorted
  by its items' names. An identical identifier is the strongest evidence there is, and the star joins
  the block in one cluster with k - 1 comparisons where all pairs would be k squared over two (a work
  cited by thousands of seeds shares one URL); the window still pairs members the star refused;
- containers: a long reference string (a citation inside a sentence, a heading before it) also meets
  the members of the word blocks its words fall in, rarest first, up to MAX_CONTAINED comparisons:
  its own rarest words are the sentence's, the cited work's are other items' block words;
- sorted neighbourhoods: the items sorted by a key (the title; the first author and the title; the
  words naming the work in the reference string), each compared with the next WINDOW items. A work
  cited by hundreds of seeds has no rare word left (its own words are its commonest), yet its copies
  sort next to each other, and union-find joins the chain.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations

from pipeline.bibliography.fingerprint import Fingerprint
from pipeline.bibliography.rawmatch import core_words
from pipeline.text.cslfields import significant_tokens

MIN_REFERENCE = 20       # characters of a reference string worth comparing as such
BLOCK_WORDS = 3          # rarest title words each item is filed under
MAX_BLOCK = 200          # a word shared by more items than this is too common to block on
WINDOW = 6               # neighbours each item meets in every sorted order
FULL_BLOCK = 60          # an identifier block up to this size is compared pair by pair
# Set on the LinkedBooks study half: 20 words and 100 comparisons compare every pair the study's
# matcher would link that rarest words missed; clustering the LinkedBooks and invented pairs costs
# about 1.4 times the CPU it did without containers (those strings are long and compared in full).
LONG_REFERENCE_WORDS = 20  # significant words of a reference string long enough to hold other text
MAX_CONTAINED = 100        # comparisons a long reference string gets as a container of block words
IDENTICAL_KEYS = ("doi:", "url:", "raw:")  # blocks of one identifier, not of a shared word


def has_reference(fp: Fingerprint) -> bool:
    return len(fp.raw) >= MIN_REFERENCE


def _blocking_keys(prints: Sequence[Fingerprint]) -> list[list[str]]:
    """Each item's blocks: its identifiers, the rarest words of its title (document frequency) and
    those of its reference string, where a parser's title may have gone astray."""
    titles = [{fp.title_words, tuple(significant_tokens(fp.main_title))} for fp in prints]
    references = [tuple(significant_tokens(fp.raw)) if has_reference(fp) else () for fp in prints]
    frequency = Counter(word for words in titles for title in words for word in set(title) if len(word) > 2)
    reference_frequency = Counter(word for words in references for word in set(words) if len(word) > 2)
    keys = []
    for fp, title_set, reference in zip(prints, titles, references, strict=True):
        own = [f"doi:{fp.doi}"] if fp.doi else []
        if fp.url:
            # The host and the start of the path also meet a truncated copy of the URL.
            own += [f"url:{fp.url}", f"urlhead:{fp.url[:40]}"]
        if reference:
            own.append(f"raw:{fp.raw}")
            own += [f"refword:{word}" for word in _rarest(reference, reference_frequency)]
        for title in sorted(title_set):
            own += [f"title:{word}" for word in _rarest(title, frequency)]
        keys.append(own)
    return keys


def _rarest(words: Iterable[str], frequency: Counter) -> list[str]:
    """The rarest words that another item shares: a word no other item has would block nothing."""
    shared = {word for word in words if len(word) > 2 and frequency[word] > 1}
    return sorted(shared, key=lambda w: (frequency[w], w))[:BLOCK_WORDS]


def _block_pairs(prints: Sequence[Fingerprint]) -> set[tuple[int, int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, own in enumerate(_blocking_keys(prints)):
        for key in dict.fromkeys(own):
            blocks[key].append(index)
    pairs = _container_pairs(prints, blocks)
    for key, members in blocks.items():
        if len(members) > MAX_BLOCK and key.startswith(("title:", "refword:", "urlhead:")):
            continue
        if len(members) > FULL_BLOCK and key.startswith(IDENTICAL_KEYS):
            pairs |= _large_block_pairs(prints, members)
        else:
            pairs.update(combinations(members, 2))
    return pairs


def _container_pairs(prints: Sequence[Fingerprint], blocks: dict[str, list[int]]) -> set[tuple[int, int]]:
    """A long reference string (a citation inside a sentence of running text, a heading before it)
    files itself under its rarest words, which are the sentence's; the words of the work it cites are
    other items' block words. So it meets the members of every word block it contains, up to
    MAX_BLOCK members a block and MAX_CONTAINED comparisons in all, rarest blocks first."""
    pairs: set[tuple[int, int]] = set()
    for index, fp in enumerate(prints):
        words = set(significant_tokens(fp.raw)) if has_reference(fp) else set()
        if len(words) < LONG_REFERENCE_WORDS:
            continue
        found = sorted((members for word in words for prefix in ("refword:", "title:")
                        if 1 < len(members := blocks.get(prefix + word, ())) <= MAX_BLOCK), key=len)
        met = list(dict.fromkeys(other for members in found for other in members if other != index))
        pairs.update((min(index, other), max(index, other)) for other in met[:MAX_CONTAINED])
    return pairs


def _large_block_pairs(prints: Sequence[Fingerprint], members: list[int]) -> set[tuple[int, int]]:
    """A large block of one identifier: each member with the block's first member and with the next
    WINDOW in the block sorted by name, at most (WINDOW + 1) comparisons per member."""
    ordered = sorted(members, key=lambda index: (*(key_of(prints[index]) for key_of in SORT_KEYS), index))
    pairs = {(min(i, j), max(i, j)) for position, i in enumerate(ordered)
             for j in ordered[position + 1:position + 1 + WINDOW]}
    pairs.update((members[0], other) for other in members[1:])
    return pairs


def _title_key(fp: Fingerprint) -> str:
    return fp.title


def _author_title_key(fp: Fingerprint) -> str:
    return f"{fp.authors[0]} {fp.title}" if fp.authors and fp.title else ""


def _reference_key(fp: Fingerprint) -> str:
    return " ".join(core_words(fp.reference)) if has_reference(fp) else ""


SORT_KEYS: tuple[Callable[[Fingerprint], str], ...] = (_title_key, _author_title_key, _reference_key)


def _neighbour_pairs(prints: Sequence[Fingerprint]) -> set[tuple[int, int]]:
    """Each item with the next WINDOW items of every sorted order (items without the key left out)."""
    pairs: set[tuple[int, int]] = set()
    for key_of in SORT_KEYS:
        keyed = sorted((key, index) for index, key in ((index, key_of(fp)) for index, fp in enumerate(prints)) if key)
        for position, (_, i) in enumerate(keyed):
            for _, j in keyed[position + 1:position + 1 + WINDOW]:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def candidate_pairs(prints: Sequence[Fingerprint]) -> list[tuple[int, int]]:
    """Pairs sharing a block or near in a sorted order, in sorted order."""
    return sorted(_block_pairs(prints) | _neighbour_pairs(prints))
