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
from collections.abc import Sequence

from .postings import Postings

SCORE_SCALE = 100


def js_order(term: str) -> bytes:
    """Sort key: JavaScript compares strings by UTF-16 code units."""
    return term.encode("utf-16-be")


def encode_posting(entries: Sequence[tuple[int, int, float]]) -> list[int]:
    flat: list[int] = []
    for field, doc, score in entries:
        if not flat or field != current:
            current, previous, count_at = field, 0, len(flat) + 1
            flat += [field, 0]
        flat += [doc - previous, round(score * SCORE_SCALE)]
        flat[count_at] += 1
        previous = doc
    return flat


def json_size(numbers: list[int]) -> int:
    """Bytes of `numbers` as compact JSON (str() puts ", " between them)."""
    return len(str(numbers)) - max(len(numbers) - 1, 0)


def shard_postings(postings: Postings, shard_bytes: int) -> list[dict]:
    """Shards `{"terms": [...], "postings": [...]}` in term order, none empty."""
    shards: list[dict] = []
    size = 0
    for term in sorted(postings, key=js_order):
        encoded = encode_posting(postings[term])
        entry_size = len(json.dumps(term, ensure_ascii=False)) + json_size(encoded) + 2
        if not shards or size + entry_size > shard_bytes:
            shards.append({"terms": [], "postings": []})
            size = 0
        shards[-1]["terms"].append(term)
        shards[-1]["postings"].append(encoded)
        size += entry_size
    return shards
