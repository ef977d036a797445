"""An index's postings as term-range shards (format: docs/search.md).

Terms are sorted as JavaScript sorts strings and cut into contiguous ranges of
about `shard_bytes` of JSON each, so the browser finds a term's shard, and
every shard a prefix can match, from the shards' first terms alone. A term's
postings are one flat list: for each field that has the term, the field's
number, its count of documents, then per document the gap to the previous
one and lunr's score x 100, rounded (lunr's three decimals cost a tenth more
bytes and would break the size budget; every score is scaled alike).
"""

from __future__ import annotations

from collections.abc import Iterator
from json.encoder import encode_basestring

import numpy as np

from .postings import SCALE, Postings

SCORE_SCALE = 100


BATCH = 1 << 16  # postings encoded at a time (bounds the temporary arrays)


def encode_postings(field: np.ndarray, doc: np.ndarray, score: np.ndarray,
                    term_starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The flat lists of consecutive terms, end to end, and where each starts
    (one more entry: the end). `term_starts`: where each term's postings
    start in `field`, `doc` and `score` (by field, then document)."""
    count = len(field)
    # round(score / 10) as Python rounds: half to even, on the same doubles
    scores = np.rint(score / (SCALE // SCORE_SCALE)).astype(np.int64)
    starts_group = np.ones(count, dtype=bool)  # a (term, field) group
    starts_group[1:] = field[1:] != field[:-1]
    starts_group[term_starts] = True
    gaps = doc.astype(np.int64)
    gaps[1:] -= np.where(starts_group[1:], 0, doc[:-1])
    group_start = np.flatnonzero(starts_group)
    group = np.cumsum(starts_group) - 1
    # each group is its field, its count, then (gap, score) per posting
    at = 2 * np.arange(count) + 2 * (group + 1)
    flat = np.empty(2 * count + 2 * len(group_start), dtype=np.int64)
    flat[at], flat[at + 1] = gaps, scores
    heads = 2 * group_start + 2 * np.arange(len(group_start))
    flat[heads] = field[group_start]
    flat[heads + 1] = np.diff(np.append(group_start, count))
    return flat, np.append(heads[np.searchsorted(group_start, term_starts)], len(flat))


def encoded_terms(postings: Postings) -> Iterator[str]:
    """Each term's flat list as JSON, in term order, encoded in batches of
    about BATCH postings."""
    starts = postings.starts
    first = 0
    while first < len(postings.terms):
        last = max(int(np.searchsorted(starts, starts[first] + BATCH, side="right")) - 1, first + 1)
        lo, hi = starts[first], starts[last]
        flat, at = encode_postings(postings.field[lo:hi], postings.doc[lo:hi], postings.score[lo:hi],
                                   starts[first:last] - lo)
        flat = flat.tolist()
        for n in range(last - first):
            yield "[" + ",".join(map(str, flat[at[n]:at[n + 1]])) + "]"
        first = last


def shard_json(terms: list[str], lists: list[str]) -> bytes:
    """`{"terms": [...], "postings": [...]}` as compact JSON, from the terms
    and lists already as JSON."""
    return ('{"terms":[' + ",".join(terms) + '],"postings":[' + ",".join(lists) + "]}").encode("utf-8")


def shard_postings(postings: Postings, shard_bytes: int) -> Iterator[tuple[str, bytes]]:
    """Shards in term order as (their first term, their JSON), none empty,
    one at a time (only one shard's lists are in memory as text)."""
    first = ""
    terms: list[str] = []
    lists: list[str] = []
    size = 0
    for term, encoded in zip(postings.terms, encoded_terms(postings)):
        quoted = encode_basestring(term)  # json.dumps(term, ensure_ascii=False), without its set-up per call
        entry_size = len(quoted) + len(encoded) + 2
        if terms and size + entry_size > shard_bytes:
            yield first, shard_json(terms, lists)
            terms, lists, size = [], [], 0
        if not terms:
            first = term
        terms.append(quoted)
        lists.append(encoded)
        size += entry_size
    if terms:
        yield first, shard_json(terms, lists)
