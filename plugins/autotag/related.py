"""Related articles: the others that share the most (and the rarest) tags. Pure.

Stable by construction, so that a new article changes the lists of a bounded
number of others (and so their pages), however big the site:

- each article first chooses its best CHOICES x `limit` among the articles
  published before it, scored with the tag counts as they were when it appeared: that
  choice depends on older articles only and never changes afterwards;
- an article's related list is the best `limit` of the older articles it chose
  and the newer articles that chose it, each pair with the score its newer
  member gave it.

A new article therefore enters the lists of at most CHOICES x `limit` older
ones (those it chose); an edited article changes its own choice and, of the newer
articles, only those that looked at it.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict

# Of a tag's older articles, an article looks at most at the nearest WINDOW (in
# publication order): a tag on thousands of articles then costs a constant per
# article, not one look at each of them.
WINDOW = 100
# A tag's weight is log(1 + SCALE / articles with the tag so far): sharing a
# rare name counts for more than sharing `Österreich`.
SCALE = 100_000
# An article chooses this many times `limit` older articles, so that an older
# article finds most of its best newer matches among the newer articles that chose it.
CHOICES = 2


def related(tags: dict[str, list[str]], limit: int = 3, window: int = WINDOW) -> dict[str, list[str]]:
    """For each article id, up to `limit` other ids, best first.

    `tags` maps article ids, in publication order (oldest first), to their tags
    (case does not matter). Each shared tag adds its weight; ties go to the
    newer article. A shared tag counts only between an article and the at most
    `window` articles with that tag published just before it (an inverted
    index bounded per tag).
    """
    ids = list(tags)
    holders: dict[str, list[int]] = defaultdict(list)
    chosen: list[list[tuple[float, int]]] = []
    for index, names in enumerate(tags.values()):
        scores: dict[int, float] = {}
        for name in dict.fromkeys(t.lower() for t in names):
            held = holders[name]
            weight = math.log(1 + SCALE / (len(held) + 1))
            for other in held[-window:] if window else ():
                scores[other] = scores.get(other, 0.0) + weight
            held.append(index)
        chosen.append(_best(((round(score, 9), other) for other, score in scores.items()),
                            CHOICES * limit))
    candidates: list[list[tuple[float, int]]] = [list(pairs) for pairs in chosen]
    for index, pairs in enumerate(chosen):
        for score, other in pairs:
            candidates[other].append((score, index))
    return {ids[index]: [ids[other] for _, other in _best(pairs, limit)]
            for index, pairs in enumerate(candidates)}


def _best(pairs, limit: int) -> list[tuple[float, int]]:
    """The `limit` highest scores, the newer (higher index) first among equal ones."""
    return heapq.nlargest(limit, pairs)
