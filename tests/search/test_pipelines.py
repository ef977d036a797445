"""The German and English lunr.py pipelines (plugins/lunr_search/pipelines.py)."""

import re

import pytest
from hypothesis import given, strategies as st

import unicodedata

from lunr_search.pipelines import (_DIGRAPH, PIPELINES, fold_invisible, load_stop_words, run, tokenize,
                                  transliterate, trim)
from tests.search.corpus import corpus_docs
from tests.support.site import ROOT


@pytest.mark.parametrize("word, term", [
    ("Politik", "polit"), ("Polizei", "polizei"), ("Prozent", "prozent"),
    ("Trump", "trump"), ("Xaver", "xav"), ("Yacht", "yacht"), ("Quote", "quot"),
])
def test_p_q_x_y_survive_at_word_edges(word, term):
    # lunr.py's own German trimmer cut these letters: `Politik` became `olitik`.
    assert run("de", word) == [term]


@pytest.mark.parametrize("text, terms", [
    ("Politik?", ["polit"]), ("Wien,", ["wien"]), ("„Zitat“", ["zitat"]),
    ("(2021)", ["2021"]), ("–", []), ("COVID-19", ["covid", "19"]),
])
def test_trimmer_keeps_letters_and_digits_and_drops_punctuation(text, terms):
    assert run("de", text) == terms


def test_trim_only_cuts_the_edges():
    assert trim("«Ärger»") == "Ärger"
    assert trim("e-mail.") == "e-mail"
    assert trim("?!") == ""


def _reference_trim(word):
    kept = [i for i, c in enumerate(word) if unicodedata.category(c)[0] in "LMN"]
    return word[kept[0]:kept[-1] + 1] if kept else ""


@given(st.text(st.sampled_from("aZ09_-.!äß€ωЖ\u00aa\n\u0301\u05d0\u0627\u4e2d\u200b"), max_size=6))
def test_trim_cuts_everything_but_letters_marks_and_digits_of_any_script_from_the_edges(word):
    assert trim(word) == _reference_trim(word)


@pytest.mark.parametrize("text, terms", [
    ("«Привет»", ["привет"]), ("Ελλάδα,", ["ελλάδα"]), ("שלום!", ["שלום"]), ("(مرحبا)", ["مرحبا"]),
    ("北京欢迎你", ["北", "京", "欢", "迎", "你"]), ("Bundes\u200btag", ["bundestag"]),
    ("\u202eKanzler\u202c", ["kanzl"]), ("1,6", ["1,6"]), ("2.000", ["2.000"]), ("3:0", ["3:0"]),
])
def test_every_script_numbers_as_written_and_invisible_characters_folded(text, terms):
    assert run("de", text) == terms


def test_trim_and_fold_are_linear_on_multi_megabyte_adversarial_words():
    import time
    word = "!" * 2_000_000 + "a" + "\u200b" * 1_000_000 + "!" * 2_000_000
    start = time.process_time()
    assert trim(fold_invisible(word)) == "a"
    assert tokenize(word) == [fold_invisible(word).lower()]
    assert time.process_time() - start < 5


@pytest.mark.parametrize("forms", [
    ("Gespräche", "Gesprächen", "Gespräch"),
    ("Österreich", "Osterreich", "Oesterreich", "österreichs"),
    ("München", "Muenchen", "Munchen"),
    ("Flüchtlinge", "Flüchtlingen", "Fluechtling"),
    ("Straße", "Strasse"),
])
def test_forms_of_a_word_share_one_term(forms):
    terms = {tuple(run("de", form)) for form in forms}
    assert len(terms) == 1, terms


@given(st.text(st.sampled_from("aeouqäx"), max_size=8))
def test_transliteration_skips_words_without_digraphs_and_changes_the_same(word):
    assert transliterate(word) == _DIGRAPH.sub(lambda m: {"ae": "ä", "oe": "ö", "ue": "ü"}[m.group(0)], word)


def test_transliteration_spares_u_after_vowels_and_q():
    assert transliterate("muenchen") == "münchen"
    assert transliterate("neue") == "neue"
    assert transliterate("quelle") == "quelle"
    assert transliterate("bauer") == "bauer"


def test_german_stop_words_are_dropped_also_when_transliterated():
    assert run("de", "der und die über fuer Wien") == ["wien"]


def test_stop_word_list_is_the_one_lunr_languages_uses_in_the_browser():
    source = (ROOT / "theme/static/search/lunr.de.min.js").read_text(encoding="utf-8")
    browser = re.search(r"generateStopWordFilter\(\"([^\"]*)\"", source) or \
        re.search(r"generateStopWordFilter\('([^']*)'", source)
    assert set(browser.group(1).split()) == load_stop_words()


def test_english_pipeline_stems_and_keeps_non_ascii_edges():
    assert run("en", "The ministers' talks, running über") == ["minist", "talk", "run", "über"]


def test_indexing_analysis_on_strings_equals_the_pipeline_on_every_corpus_word():
    words = sorted({w for d in corpus_docs(1100) for w in tokenize(f"{d.title} {d.lead} {d.body} {d.field('tags')}")}
                   | {"der", "über", "fuer", "–", "«ärger»", "muenchen", "quelle"})
    assert len(words) > 30_000
    analyse = PIPELINES["de"].analyse
    assert [(w, analyse(w)) for w in words] == [(w, (run("de", w) or [None])[0]) for w in words]


@given(st.text(alphabet=st.sampled_from(["a", "ä", " ", "\u00ad", "\u200b", "\u200f", "\u202e", "\u2066",
                                         "\ufeff", "\u200a", "x"])))
def test_fold_invisible_removes_exactly_the_invisible_characters(text):
    assert fold_invisible(text) == "".join(c for c in text if c not in
                                           "\u00ad\u180e\ufeff" and not "\u200b" <= c <= "\u200f"
                                           and not "\u202a" <= c <= "\u202e" and not "\u2060" <= c <= "\u206f")
