"""BM25 postings computed directly equal lunr.py's Builder (plugins/lunr_search/postings.py)."""

from lunr_search.postings import build_postings
from lunr_search.search_index import field_terms
from tests.search.corpus import FIELDS, corpus_docs, lunr_py_index


def test_scores_equal_lunr_py_on_real_articles():
    docs = [(n, d) for n, d in enumerate(corpus_docs(150)) if d.lang == "de"]
    reference = lunr_py_index(docs, "de")
    postings = build_postings([(n, field_terms(d, list(FIELDS), "de")) for n, d in docs], FIELDS)
    assert set(postings) == set(reference.inverted_index)
    expected, got = {}, {}
    for term, triples in postings.items():
        number = reference.inverted_index[term]["_index"]
        for i in range(0, len(triples), 3):
            got[(list(FIELDS)[triples[i]], triples[i + 1], term)] = triples[i + 2]
        for field in FIELDS:
            for ref in reference.inverted_index[term][field]:
                elements = reference.field_vectors[f"{field}/{ref}"].elements
                score = dict(zip(elements[::2], elements[1::2]))[number]  # lunr: three decimals
                expected[(field, int(ref), term)] = round(score * 1000)
    assert len(got) > 20_000
    assert got == expected


def test_a_field_empty_everywhere_scores_nothing():
    postings = build_postings([(0, [["wien"], []]), (1, [["graz", "wien"], []])], {"title": 2, "author": 1})
    f0, doc0, score0, f1, doc1, score1 = postings["wien"]
    assert (f0, doc0, f1, doc1) == (0, 0, 0, 1)  # only the title has terms
    assert score0 > score1  # the shorter title scores higher
