"""BM25 postings computed directly equal lunr.py's Builder (plugins/lunr_search/postings.py)."""

import numpy as np

from lunr_search.analysis import analyse_documents
from lunr_search.postings import build_postings, js_order
from tests.search.corpus import FIELDS, corpus_docs, lunr_py_index


def postings_of(docs, fields=FIELDS, lang="de"):
    return build_postings(analyse_documents(((n, [d.field(name) for name in fields]) for n, d in docs), lang)[0],
                          fields)


def term_of_each(postings):
    """The term number of each posting."""
    return np.repeat(np.arange(len(postings.terms)), np.diff(postings.starts)).tolist()


def test_scores_equal_lunr_py_on_real_articles():
    docs = [(n, d) for n, d in enumerate(corpus_docs(150)) if d.lang == "de"]
    reference = lunr_py_index(docs, "de")
    postings = postings_of(docs)
    assert set(postings.terms) == set(reference.inverted_index)
    got = {(list(FIELDS)[f], doc, postings.terms[t]): score
           for t, f, doc, score in zip(term_of_each(postings), postings.field.tolist(), postings.doc.tolist(),
                                       postings.score.tolist())}
    expected = {}
    for term, entry in reference.inverted_index.items():
        for field in FIELDS:
            for ref in entry[field]:
                elements = reference.field_vectors[f"{field}/{ref}"].elements
                score = dict(zip(elements[::2], elements[1::2]))[entry["_index"]]  # lunr: three decimals
                expected[(field, int(ref), term)] = round(score * 1000)
    assert len(got) > 20_000
    assert got == expected


def test_postings_come_by_term_in_javascript_order_then_field_then_document():
    docs = [(n, d) for n, d in enumerate(corpus_docs(60)) if d.lang == "de"]
    postings = postings_of(docs)
    assert postings.terms == sorted(postings.terms, key=js_order)
    keys = list(zip(term_of_each(postings), postings.field.tolist(), postings.doc.tolist()))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert sorted(["z", "ä", "\U0001f600", "\uffff"], key=js_order) == ["z", "ä", "\U0001f600", "\uffff"]


def test_a_field_empty_everywhere_scores_nothing():
    postings = build_postings(analyse_documents([(0, ["Wien", ""]), (1, ["Graz Wien", ""])], "de")[0],
                              {"title": 2, "author": 1})
    wien = postings.terms.index("wien")
    at = [i for i, t in enumerate(term_of_each(postings)) if t == wien]
    assert postings.field[at].tolist() == [0, 0] and postings.doc[at].tolist() == [0, 1]  # only the title has terms
    assert postings.score[at[0]] > postings.score[at[1]]  # the shorter title scores higher
