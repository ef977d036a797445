"""Related articles: the others that share the most (and the rarest) tags. Pure."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict


def related(tags: dict[str, list[str]], limit: int = 3) -> dict[str, list[str]]:
    """For each article id, up to `limit` other ids, best first.

    `tags` maps article ids (in the site's order, which breaks ties) to their
    tags. Each shared tag adds log(1 + N / articles with the tag), so sharing
    a rare name counts for more than sharing `Österreich`.
    """
    ids = list(tags)
    keys = [list(dict.fromkeys(t.lower() for t in names)) for names in tags.values()]
    holders: dict[str, list[int]] = defaultdict(list)
    for index, names in enumerate(keys):
        for name in names:
            holders[name].append(index)
    weight = {name: math.log(1 + len(ids) / len(held)) for name, held in holders.items()}
    result = {}
    for index, names in enumerate(keys):
        scores: dict[int, float] = {}
        for name in names:
            for other in holders[name]:
                if other != index:
                    scores[other] = scores.get(other, 0.0) + weight[name]
        best = heapq.nsmallest(limit, scores.items(), key=lambda kv: (-round(kv[1], 9), kv[0]))
        result[ids[index]] = [ids[other] for other, _ in best]
    return result
