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

import json
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from .postings import SCALE, Postings

SCORE_SCALE = 100


def js_order(term: str) -> bytes:
    """Sort key: JavaScript compares strings by UTF-16 code units."""
    return term.encode("utf-16-be")


def encode_posting(triples: Sequence[int]) -> list[int]:
    """(field, document, score x 1000) triples, by field then document, as
    the shipped flat list."""
    fields, docs = triples[0::3], triples[1::3]
    scores = [round(score / (SCALE // SCORE_SCALE)) for score in triples[2::3]]
    flat: list[int] = []
    start = 0
    while start < len(fields):
        end = bisect_right(fields, fields[start], start)
        group = docs[start:end]
        pairs = [0] * (2 * len(group))
        pairs[0::2] = [doc - previous for doc, previous in zip(group, [0, *group[:-1]])]
        pairs[1::2] = scores[start:end]
        flat += [fields[start], len(group), *pairs]
        start = end
    return flat


def json_size(numbers: list[int]) -> int:
    """Bytes of `numbers` as compact JSON (str() puts ", " between them)."""
    return len(str(numbers)) - max(len(numbers) - 1, 0)


def shard_postings(postings: Postings, shard_bytes: int) -> Iterator[dict]:
    """Shards `{"terms": [...], "postings": [...]}` in term order, none empty,
    one at a time (only one shard's lists are in memory)."""
    shard: dict = {"terms": [], "postings": []}
    size = 0
    for term in sorted(postings, key=js_order):
        encoded = encode_posting(postings[term])
        entry_size = len(json.dumps(term, ensure_ascii=False)) + json_size(encoded) + 2
        if shard["terms"] and size + entry_size > shard_bytes:
            yield shard
            shard, size = {"terms": [], "postings": []}, 0
        shard["terms"].append(term)
        shard["postings"].append(encoded)
        size += entry_size
    if shard["terms"]:
        yield shard
