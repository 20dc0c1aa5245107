"""Clusters of items that cite one work, and whether two clusters may become one.

A merge joins two clusters, and no pair of items across them may disagree where works really differ:
identifiers, numbers, a correction notice and its work, recipients, years (two members sharing no
year they state); for fuzzy merges also volumes and first pages. Authors, and for merges on the
reference strings alone volumes, are compared member by member: a join is refused when some member
of one cluster disagrees with every member of the other. A work cited by hundreds of seeds gathers a
few misread members (a family name printed last, a line that runs two works together); one of them
disagreeing with one misread member across must not keep the two halves of that work apart, while a
cluster of another work has members that agree with no one across. Comparing every pair across two
clusters costs their sizes' product, which a work cited by hundreds of seeds makes quadratic.
So each cluster keeps a profile: per exact field the set of values its members
state (two clusters conflict on a field when they state values and not one single same value), and
for fields compared loosely (URLs, authors, years, volumes with their multi-volume flag) the
distinct forms, up to MAX_FORMS of each; a join then costs at most MAX_FORMS squared comparisons,
whatever the clusters' sizes. Pairs the matcher compared and found to be two works whatever the
rest (a contribution and its volume) are kept apart as pairs: Clusters.kept_apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from pipeline.bibliography.blocking import has_reference
from pipeline.bibliography.fingerprint import (
    Fingerprint,
    author_agreement,
    authors_differ,
    recipients_differ,
    urls_compatible,
)
from pipeline.bibliography.rawmatch import edition_year
from pipeline.bibliography.volumes import is_multi_volume, volume_cited

STRONG, EXACT, FUZZY, RAW = 0, 1, 2, 3  # rule strength: stronger merges are applied first
MAX_FORMS = 12  # distinct author forms (and URLs, volumes) a cluster is compared through

# Fields whose values must be one and the same across a join: (name, value of a fingerprint, strengths
# it binds). None binds every merge but one on a shared DOI.
_EXACT_FIELDS: tuple[tuple[str, Callable[[Fingerprint], Hashable], frozenset | None], ...] = (
    ("number", lambda fp: fp.number, None),
    ("notice", lambda fp: "notice" if fp.notice else "work", None),
    ("volume", lambda fp: fp.volume, frozenset({FUZZY})),
    ("first_page", lambda fp: fp.first_page, frozenset({FUZZY})),
)


@dataclass
class Profile:
    """What a cluster's members state, for checking a join against another cluster."""

    dois: set[str] = field(default_factory=set)
    values: dict[str, set] = field(default_factory=dict)
    urls: list[str] = field(default_factory=list)
    people: list[Fingerprint] = field(default_factory=list)  # one member per distinct author form
    recipients: list[tuple[str, ...]] = field(default_factory=list)
    volumes: list[tuple[str, bool]] = field(default_factory=list)  # (volume cited, multi-volume work)
    years: list[frozenset[int]] = field(default_factory=list)  # each member's stated years (see years_stated)

    @classmethod
    def of(cls, fp: Fingerprint) -> Profile:
        profile = cls(values={name: set() for name, _, _ in _EXACT_FIELDS})
        profile.add(fp)
        return profile

    def add(self, fp: Fingerprint) -> None:
        if fp.doi:
            self.dois.add(fp.doi)
        for name, value_of, _ in _EXACT_FIELDS:
            value = value_of(fp)
            if value:
                self.values[name].add(value)
        _add_form(self.urls, fp.url)
        _add_form(self.recipients, fp.recipients)
        _add_form(self.years, years_stated(fp))
        if fp.authors and all(_author_form(fp) != _author_form(other) for other in self.people):
            _add_form(self.people, fp)
        if has_reference(fp):
            _add_form(self.volumes, (volume_cited(fp.reference), is_multi_volume(fp.reference)))

    def absorb(self, other: Profile) -> None:
        self.dois |= other.dois
        for name, values in other.values.items():
            self.values[name] |= values
        for mine, theirs in ((self.urls, other.urls), (self.recipients, other.recipients),
                             (self.volumes, other.volumes), (self.years, other.years)):
            for form in theirs:
                _add_form(mine, form)
        for fp in other.people:
            if all(_author_form(fp) != _author_form(mine) for mine in self.people):
                _add_form(self.people, fp)


def years_stated(fp: Fingerprint) -> frozenset[int]:
    """The item's year and its reference string's edition year (pipeline.bibliography.rawmatch): a
    reprint's string states both ("Venezia 1581, rist. 1968"), and the parser may have taken either."""
    years = {fp.year, edition_year(fp.reference) if has_reference(fp) else None}
    return frozenset(year for year in years if year)


def _author_form(fp: Fingerprint) -> tuple:
    return fp.authors, fp.has_people, fp.author_words, fp.venue_words


def _add_form(forms: list, form) -> None:
    if form and form not in forms and len(forms) < MAX_FORMS:
        forms.append(form)


def _values_clash(left: set, right: set) -> bool:
    """Some value of one differs from some value of the other."""
    return bool(left and right) and not (len(left) == 1 and left == right)


def may_join(left: Profile, right: Profile, strength: int) -> bool:
    """No pair across the two clusters conflicts (see the module docstring), judged on their profiles."""
    if _values_clash(left.dois, right.dois):
        return False
    shared_doi = bool(left.dois & right.dois)
    if any(not urls_compatible(a, b) for a in left.urls for b in right.urls) and not shared_doi:
        return False
    for name, _, strengths in _EXACT_FIELDS:
        binds = (strengths is None and not shared_doi) or (strengths is not None and strength in strengths)
        if binds and _values_clash(left.values[name], right.values[name]):
            return False
    if shared_doi:
        return True
    if any(not (a & b) for a in left.years for b in right.years):
        return False  # two members that share no year are two editions, or two works
    if _unmatched(left.people, right.people, authors_differ):
        return False
    if strength == FUZZY and _unmatched(left.people, right.people, lambda a, b: author_agreement(a, b) is False):
        return False
    if any(recipients_differ(a, b) for a in left.recipients for b in right.recipients):
        return False
    if strength == RAW and _unmatched(left.volumes, right.volumes, _volumes_differ):
        return False
    return True


def _unmatched(left: list, right: list, differ: Callable) -> bool:
    """Some form of one cluster differs from every form of the other."""
    if not (left and right):
        return False
    return (any(all(differ(a, b) for b in right) for a in left)
            or any(all(differ(a, b) for a in left) for b in right))


def _volumes_differ(a: tuple[str, bool], b: tuple[str, bool]) -> bool:
    """pipeline.bibliography.rawmatch.volumes_differ on (volume cited, multi-volume) forms."""
    (volume_a, multi_a), (volume_b, multi_b) = a, b
    if volume_a and volume_b:
        return volume_a != volume_b
    return bool(volume_a or volume_b) and (multi_a or multi_b)


class Clusters:
    """Union-find over item indexes that also keeps each cluster's members and profile."""

    def __init__(self, prints: list[Fingerprint], apart: Iterable[tuple[int, int]] = ()):
        self.parent = list(range(len(prints)))
        # Items some member must never share a cluster with (cannot-link pairs), by cluster root.
        self.apart: dict[int, set[int]] = defaultdict(set)
        for i, j in apart:
            self.apart[i].add(j)
            self.apart[j].add(i)
        self.members = {index: [index] for index in range(len(prints))}
        self.profiles = {index: Profile.of(fp) for index, fp in enumerate(prints)}

    def kept_apart(self, root_a: int, root_b: int) -> bool:
        """Some member of one cluster must never be with some member of the other."""
        small, large = sorted((root_a, root_b), key=lambda root: len(self.apart.get(root, ())))
        return any(self.find(item) == large for item in self.apart.get(small, ()))

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def union(self, a: int, b: int) -> None:
        root, other = sorted((self.find(a), self.find(b)))
        self.parent[other] = root
        self.members[root].extend(self.members.pop(other))
        if other in self.apart:
            self.apart[root] |= self.apart.pop(other)
        self.profiles[root].absorb(self.profiles.pop(other))
