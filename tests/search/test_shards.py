"""Term-range shards from postings arrays (plugins/lunr_search/shards.py)."""

import json
import random

import numpy as np
import pytest

from lunr_search import shards
from lunr_search.postings import Postings
from lunr_search.shards import shard_postings


def random_postings(seed: int, terms: int = 300) -> Postings:
    rng = random.Random(seed)
    names = sorted({"".join(rng.choice("abcäöß\"\\\n\u2028") for _ in range(rng.randint(1, 8))) for _ in range(terms)})
    field, doc, score, starts = [], [], [], [0]
    for _ in names:
        for f in sorted(rng.sample(range(6), rng.randint(1, 3))):
            docs = sorted(rng.sample(range(5000), rng.choice([1, 2, 3, 50, 400])))
            field += [f] * len(docs)
            doc += docs
            score += [rng.choice([5, 15, 25, 35, rng.randint(1, 40_000)]) for _ in docs]  # halves round to even
        starts.append(len(field))
    return Postings(names, np.array(starts), np.array(field, dtype=np.int8), np.array(doc, dtype=np.int32),
                    np.array(score, dtype=np.int32))


def reference_shards(postings: Postings, shard_bytes: int) -> list[tuple[str, bytes]]:
    """The format of docs/search.md, one term at a time in plain Python."""
    result, shard, size = [], {"terms": [], "postings": []}, 0
    for n, term in enumerate(postings.terms):
        lo, hi = postings.starts[n], postings.starts[n + 1]
        flat, previous_field, group = [], None, []
        for f, d, s in zip(postings.field[lo:hi].tolist(), postings.doc[lo:hi].tolist(),
                           postings.score[lo:hi].tolist()):
            if f != previous_field:
                flat += [f, 0]
                group, previous_field = [], f
            flat[-len(group) * 2 - 1] += 1
            flat += [d - (group[-1] if group else 0), round(s / 10)]
            group.append(d)
        entry_size = len(json.dumps(term, ensure_ascii=False)) + len(json.dumps(flat, separators=(",", ":"))) + 2
        if shard["terms"] and size + entry_size > shard_bytes:
            result.append(shard)
            shard, size = {"terms": [], "postings": []}, 0
        shard["terms"].append(term)
        shard["postings"].append(flat)
        size += entry_size
    result.append(shard)
    return [(s["terms"][0], json.dumps(s, ensure_ascii=False, separators=(",", ":")).encode()) for s in result]


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("batch", [1, 700, 1 << 16])
def test_shards_equal_the_format_written_term_by_term(seed, batch, monkeypatch):
    monkeypatch.setattr(shards, "BATCH", batch)
    postings = random_postings(seed)
    for shard_bytes in (50, 20_000, 10**9):
        assert list(shard_postings(postings, shard_bytes)) == reference_shards(postings, shard_bytes)
