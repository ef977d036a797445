"""Related articles: the others that share the most (and the rarest) tags. Pure."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict


def related(tags: dict[str, list[str]], limit: int = 3) -> dict[str, list[str]]:
    """For each article id, up to `limit` other ids, best first.

    `tags` maps article ids (in the site's order, which breaks ties) to their
    tags. Each shared tag adds log(1 + N / articles with the tag), so sharing
    a rare name counts for more than sharing `Österreich`.
    """
    order = {article: index for index, article in enumerate(tags)}
    holders: dict[str, list[str]] = defaultdict(list)
    for article, names in tags.items():
        for name in dict.fromkeys(t.lower() for t in names):
            holders[name].append(article)
    weight = {name: math.log(1 + len(tags) / len(ids)) for name, ids in holders.items()}
    result = {}
    for article, names in tags.items():
        scores: Counter = Counter()
        for name in dict.fromkeys(t.lower() for t in names):
            for other in holders[name]:
                if other != article:
                    scores[other] += weight[name]
        best = heapq.nsmallest(limit, scores.items(), key=lambda kv: (-round(kv[1], 9), order[kv[0]]))
        result[article] = [other for other, _ in best]
    return result
