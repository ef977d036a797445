"""One pass from fields to index terms and surface forms (plugins/lunr_search/analysis.py)."""

from collections import Counter

from hypothesis import given, strategies as st

from lunr_search.analysis import analyse_documents, split_words
from lunr_search.pipelines import run, tokenize

TEXT = st.text(st.sampled_from("aBcÄöüßΣσς -\t\n\u00a0\u2009\u3000,.'İ"), max_size=40)


@given(TEXT)
def test_words_split_as_lunr_splits_them_and_lowercase_alike(text):
    assert [w.lower() for w in split_words(text)] == tokenize(text)


def runs(counts):
    """(document, field) -> (length, {term: count})."""
    result, at = {}, 0
    for doc, field, length, distinct in zip(counts.run_doc, counts.run_field, counts.run_length, counts.run_terms):
        result[(doc, field)] = (length, {counts.terms[t]: tf for t, tf in zip(counts.term[at:at + distinct],
                                                                               counts.tf[at:at + distinct])})
        at += distinct
    return result


def test_each_field_gets_the_pipeline_s_terms_with_their_counts():
    docs = [(3, ["Wien wählt, Wien zählt", "Die Wahl in Wien-Mitte."]), (7, ["und die der", "Graz"])]
    counts, _forms = analyse_documents(docs, "de")
    assert counts.documents == 2
    expected = {}
    for doc, texts in docs:
        for field, text in enumerate(texts):
            terms = run("de", text)
            if terms:
                expected[(doc, field)] = (len(terms), dict(Counter(terms)))
    assert runs(counts) == expected  # a field of stop words only has no run
    assert sorted(counts.terms) == sorted({t for _, counts in expected.values() for t in counts})


def test_surface_forms_are_counted_as_written_with_their_terms():
    _counts, forms = analyse_documents([(0, ["Wien, Wien", "wien Die"]), (1, ["Wien,", ""])], "de")
    assert sorted(forms) == [("wien", "Wien", 1), ("wien", "Wien,", 2), ("wien", "wien", 1)]  # "Die": no term


def test_english_uses_the_english_pipeline():
    counts, _forms = analyse_documents([(0, ["The ministers' talks"])], "en")
    assert counts.terms == ["minist", "talk"]
