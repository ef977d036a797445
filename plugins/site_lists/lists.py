"""One-pass versions of the lists Pelican 4.12 builds with nested scans. Pure.

Pelican's ArticlesGenerator gives every tag, source (category) and author page
`dates = [a for a in self.dates if a in articles]`, and every period archive
`[a for a in articles if a in dates]`: a scan of the whole site per term or
period, with a list search inside. These functions give the same lists, in
the same order, from positions looked up once.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any, Callable, Hashable, Iterable, Sequence


def positions(items: Sequence[Any]) -> dict[int, int]:
    """Each item's index in `items`, by identity (articles compare by identity)."""
    return {id(item): index for index, item in enumerate(items)}


def in_order(members: Iterable[Any], order: dict[int, int]) -> list[Any]:
    """`[x for x in ordered if x in members]`: the members once each, in `order`'s order."""
    unique = {id(m): m for m in members if id(m) in order}
    return sorted(unique.values(), key=lambda m: order[id(m)])


def period_groups(sorted_items: Sequence[Any], items: Sequence[Any],
                  key: Callable[[Any], Hashable]) -> list[tuple[Hashable, list[Any], list[Any]]]:
    """(period, dates, articles) for each run of `sorted_items` with the same `key`,
    as Pelican's `groupby` makes them; `articles` is that run's members in `items`' order."""
    runs = []
    run_of: dict[int, int] = {}
    for period, group in groupby(sorted_items, key=key):
        dates = list(group)
        for item in dates:
            run_of[id(item)] = len(runs)
        runs.append((period, dates, []))
    for item in items:
        run = run_of.get(id(item))
        if run is not None:
            runs[run][2].append(item)
    return runs
