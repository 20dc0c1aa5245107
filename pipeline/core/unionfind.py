"""Joining items linked in pairs into groups, transitively (union-find)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

Item = TypeVar("Item", bound=str)


def smallest_roots(items: Iterable[Item], links: Iterable[tuple[Item, Item]]) -> dict[Item, Item]:
    """Each item's group, named by the group's smallest item, the links joined transitively.

    Naming a group by its smallest member, not by which link came first, keeps the result the same
    whatever order the links are read in. Both items of every link must be among items.
    """
    items = list(items)
    root = {item: item for item in items}

    def find(item: Item) -> Item:
        while root[item] != item:
            root[item] = root[root[item]]  # path halving: later finds take fewer steps
            item = root[item]
        return item

    for a, b in links:
        low, high = sorted((find(a), find(b)))
        root[high] = low
    return {item: find(item) for item in items}
