"""lunr's BM25 field scores, computed directly: terms per field in, postings out.

lunr.py's Builder computes the same numbers (tests/search/test_postings.py
checks that on real articles) but also builds what this project never ships:
per-token metadata, a token set of every term and a vector per field. Here
each document's fields arrive as term lists (already through the language's
pipeline) and every term gets, per field, its documents with lunr's score:

    idf(t) * (k1 + 1) * tf / (k1 * (1 - b + b * len / avglen) + tf) * boost

rounded to three decimals as lunr does, with idf(t) = ln(1 + |(N - n + .5) /
(n + .5)|), n the documents with t in any field (counted once per field).
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

K1 = 1.2
B = 0.75
SCALE = 1000  # lunr's three decimals, as integers

# term -> flat (field number, document, round(score, 3) x 1000) triples, by
# field number, then document; C integers, so 10,000 articles stay small
Postings = dict[str, array]


def build_postings(docs: Iterable[tuple[int, Sequence[Sequence[str]]]],
                   boosts: Mapping[str, float]) -> Postings:
    """`docs`: (document number, the terms of each field in `boosts` order),
    by document number; read once (a generator keeps memory low)."""
    fields = list(boosts)
    # per field: (document, its distinct terms, their frequencies, field length)
    per_field: list[list[tuple[int, tuple, tuple, int]]] = [[] for _ in fields]
    with_term: Counter = Counter()  # documents with the term, counted once per field
    count = 0
    for doc, field_terms in docs:
        count += 1
        for f, terms in enumerate(field_terms):
            counts = Counter(terms)
            with_term.update(counts.keys())
            per_field[f].append((doc, tuple(counts), tuple(counts.values()), len(terms)))

    idf = {term: math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for term, n in with_term.items()}
    postings: Postings = {term: array("i") for term in sorted(with_term)}
    for f, entries in enumerate(per_field):
        total = sum(entry[3] for entry in entries)
        if not total:
            continue  # (a field empty everywhere has average length 0)
        average, boost, k1_plus_1 = total / count, boosts[fields[f]], K1 + 1
        for doc, terms, frequencies, length in entries:
            norm = K1 * (1 - B + B * (length / average))
            for term, tf in zip(terms, frequencies):
                # round(score * 1000) is round(round(score, 3) * 1000), without
                # round(x, 3)'s slow decimal conversion
                postings[term].extend((f, doc, round(idf[term] * (k1_plus_1 * tf) / (norm + tf) * boost * SCALE)))
    return postings
