"""Related articles: the others that share the most (and the rarest) tags. Pure."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict

# Of a tag's articles, each article looks at most this many on either side of
# it in the site's order (the nearest in time): a tag on thousands of
# articles then costs a constant per article, not one look at each of them.
WINDOW = 50
# A tag's weight is log(1 + SCALE / articles with the tag): a fixed scale, not
# the site's size, so a new article changes the weights of its own tags only
# (and so the related articles of few others).
SCALE = 100_000


def related(tags: dict[str, list[str]], limit: int = 3, window: int = WINDOW) -> dict[str, list[str]]:
    """For each article id, up to `limit` other ids, best first.

    `tags` maps article ids (in the site's order, which breaks ties) to their
    tags. Each shared tag adds log(1 + SCALE / articles with the tag), so
    sharing a rare name counts for more than sharing `Österreich`. A shared tag counts
    only between articles at most `window` places apart among that tag's
    articles (an inverted index bounded per tag); a tag on at most
    2 * window + 1 articles links all of them.
    """
    ids = list(tags)
    keys = [list(dict.fromkeys(t.lower() for t in names)) for names in tags.values()]
    holders: dict[str, list[int]] = defaultdict(list)
    places: list[list[int]] = []  # places[index][k]: position of article `index` among keys[index][k]'s holders
    for index, names in enumerate(keys):
        places.append([])
        for name in names:
            places[index].append(len(holders[name]))
            holders[name].append(index)
    weight = {name: math.log(1 + SCALE / len(held)) for name, held in holders.items()}
    result = {}
    for index, names in enumerate(keys):
        scores: dict[int, float] = {}
        for name, place in zip(names, places[index]):
            held = holders[name]
            for other in held[max(0, place - window):place + window + 1]:
                if other != index:
                    scores[other] = scores.get(other, 0.0) + weight[name]
        best = heapq.nsmallest(limit, scores.items(), key=lambda kv: (-round(kv[1], 9), kv[0]))
        result[ids[index]] = [ids[other] for other, _ in best]
    return result
