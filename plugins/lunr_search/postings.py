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
from collections import Counter
from collections.abc import Mapping, Sequence

K1 = 1.2
B = 0.75

# term -> (field number, document, score), by field number, then document
Postings = dict[str, list[tuple[int, int, float]]]


def build_postings(docs: Sequence[tuple[int, Sequence[Sequence[str]]]],
                   boosts: Mapping[str, float]) -> Postings:
    """`docs`: (document number, the terms of each field in `boosts` order),
    by document number."""
    fields = list(boosts)
    per_field: list[list[tuple[int, Counter, int]]] = [[] for _ in fields]
    with_term: Counter = Counter()  # documents with the term, counted once per field
    for doc, field_terms in docs:
        for f, terms in enumerate(field_terms):
            counts = Counter(terms)
            with_term.update(counts.keys())
            per_field[f].append((doc, counts, len(terms)))

    count = len(docs)
    idf = {term: math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for term, n in with_term.items()}
    postings: Postings = {term: [] for term in sorted(with_term)}
    for f, entries in enumerate(per_field):
        total = sum(length for _, _, length in entries)
        if not total:
            continue  # (a field empty everywhere has average length 0)
        average, boost = total / count, boosts[fields[f]]
        for doc, counts, length in entries:
            norm = K1 * (1 - B + B * (length / average))
            for term, tf in counts.items():
                score = idf[term] * ((K1 + 1) * tf) / (norm + tf) * boost
                postings[term].append((f, doc, round(score, 3)))
    return postings
