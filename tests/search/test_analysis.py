"""One pass from fields to index terms and surface forms (plugins/lunr_search/analysis.py)."""

from collections import Counter

from hypothesis import given, strategies as st

from lunr_search.analysis import analyse_documents, split_words
from lunr_search.pipelines import run, tokenize

TEXT = st.text(st.sampled_from("aBcÄöüßΣσς -\t\n\u00a0\u2009\u3000,.'İ"), max_size=40)


@given(TEXT)
def test_words_split_as_lunr_splits_them_and_lowercase_alike(text):
    assert [w.lower() for w in split_words(text)] == tokenize(text)


def runs(analysis):
    """(document, field) -> (length, {term: count})."""
    result, at = {}, 0
    for doc, field, length, distinct in zip(analysis.run_doc, analysis.run_field, analysis.run_length,
                                            analysis.run_terms):
        counts = {analysis.terms[t]: tf for t, tf in zip(analysis.term[at:at + distinct], analysis.tf[at:at + distinct])}
        result[(doc, field)] = (length, counts)
        at += distinct
    return result


def test_each_field_gets_the_pipeline_s_terms_with_their_counts():
    docs = [(3, ["Wien wählt, Wien zählt", "Die Wahl in Wien-Mitte."]), (7, ["und die der", "Graz"])]
    analysis = analyse_documents(docs, "de")
    assert analysis.documents == 2
    expected = {}
    for doc, texts in docs:
        for field, text in enumerate(texts):
            terms = run("de", text)
            if terms:
                expected[(doc, field)] = (len(terms), dict(Counter(terms)))
    assert runs(analysis) == expected  # a field of stop words only has no run
    assert sorted(analysis.terms) == sorted({t for _, counts in expected.values() for t in counts})


def test_surface_forms_are_counted_as_written():
    analysis = analyse_documents([(0, ["Wien, Wien", "wien Die"]), (1, ["Wien,", ""])], "de")
    assert analysis.surfaces == {"Wien,": 2, "Wien": 1, "wien": 1, "Die": 1}


def test_english_uses_the_english_pipeline():
    analysis = analyse_documents([(0, ["The ministers' talks"])], "en")
    assert analysis.terms == ["minist", "talk"]
