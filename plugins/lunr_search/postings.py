"""lunr's BM25 field scores, computed directly: analysed documents in,
postings out.

lunr.py's Builder computes the same numbers (tests/search/test_postings.py
checks that on real articles) but also builds what this project never ships:
per-token metadata, a token set of every term and a vector per field. Here
every (term, field, document) gets lunr's score

    idf(t) * (k1 + 1) * tf / (k1 * (1 - b + b * len / avglen) + tf) * boost

rounded to three decimals as lunr does, with idf(t) = ln(1 + |(N - n + .5) /
(n + .5)|), n the documents with t in any field (counted once per field).

The scores are computed with numpy, CHUNK postings at a time, in the same
order of IEEE operations as the formula in Python, so they are the same
doubles; idf uses math.log (numpy's log may differ in the last bit).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .analysis import TermCounts

K1 = 1.2
B = 0.75
SCALE = 1000  # lunr's three decimals, as integers


def js_order(term: str) -> bytes:
    """Sort key: JavaScript compares strings by UTF-16 code units."""
    return term.encode("utf-16-be")


@dataclass
class Postings:
    """One index's postings by term (`terms` in JavaScript order), then field,
    then document: term n's are those from starts[n] to starts[n + 1]; per
    posting the field's number, the document and round(score, 3) x 1000."""

    terms: list[str]
    starts: np.ndarray
    field: np.ndarray
    doc: np.ndarray
    score: np.ndarray


CHUNK = 1 << 16  # postings scored at a time (bounds the temporary arrays)


def build_postings(counts: TermCounts, boosts: Mapping[str, float]) -> Postings:
    """Postings of the documents `counts` describes, fields numbered as in `boosts`."""
    run_field, run_length, run_terms, term, tf = (np.asarray(a, dtype=np.int32) for a in (
        counts.run_field, counts.run_length, counts.run_terms, counts.term, counts.tf))
    documents = counts.documents

    with_term = np.bincount(term, minlength=len(counts.terms))
    idf = np.array([math.log(1 + abs((documents - n + 0.5) / (n + 0.5))) for n in with_term.tolist()])
    average = np.bincount(run_field, weights=run_length, minlength=len(boosts)) / documents
    norm = K1 * ((1 - B) + B * (run_length / average[run_field]))  # per run
    boost = np.array([float(b) for b in boosts.values()])[run_field]

    in_order = sorted(range(len(counts.terms)), key=lambda t: js_order(counts.terms[t]))
    rank = np.empty(len(in_order), dtype=np.int32)
    rank[in_order] = np.arange(len(in_order), dtype=np.int32)
    # runs come by document, so a stable sort by (term, field) keeps documents in order
    key = rank[term]
    key *= len(boosts)
    key += np.repeat(run_field, run_terms)
    by_term = np.argsort(key, kind="stable")
    del key
    field = np.repeat(run_field.astype(np.int8), run_terms)[by_term]
    doc = np.repeat(np.asarray(counts.run_doc, dtype=np.int32), run_terms)[by_term]
    run_end = np.cumsum(run_terms)
    score = np.empty(len(term), dtype=np.int32)
    for start in range(0, len(term), CHUNK):
        at = by_term[start:start + CHUNK]
        t, f, r = term[at], tf[at], np.searchsorted(run_end, at, side="right")
        # idf * (k1 + 1) * tf / (norm + tf) * boost * SCALE, in Python's order;
        # Python's round() and rint both round half to even
        score[start:start + CHUNK] = np.rint(idf[t] * ((K1 + 1) * f) / (norm[r] + f) * boost[r] * SCALE)
    return Postings(terms=[counts.terms[t] for t in in_order],
                    starts=np.concatenate(([0], np.cumsum(with_term[in_order]))),
                    field=field, doc=doc, score=score)
