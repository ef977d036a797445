"""German compounds split into their parts (plugins/lunr_search/compounds.py)."""

import time

import pytest

from lunr_search.analysis import analyse_documents
from lunr_search.compounds import CompoundSplitter, parts_text

SPLITTER = CompoundSplitter()


@pytest.mark.parametrize("word, parts", [
    ("Hausarrest", ["Haus", "Arrest"]),
    ("Lebensmittelverschwendung", ["Lebensmittel", "Lebens", "Mittel", "Verschwendung"]),
    ("Terroranschlag", ["Terror", "Anschlag"]),
    ("Bundespräsident", ["Bundes", "Präsident"]),
    ("Flüchtlingslager", ["Flüchtlings", "Lager"]),
])
def test_compounds_give_their_parts(word, parts):
    assert SPLITTER.parts(word) == parts


@pytest.mark.parametrize("word", ["Regierung", "Terrorismus", "Flüchtlinge", "Entscheidung", "Wien",
                                  "regierungsnah", "Covid-19", "X" * 41])
def test_simple_words_short_words_lowercase_words_and_long_runs_stay_whole(word):
    assert SPLITTER.parts(word) == []


def test_heads_are_the_last_part_and_the_heads_within_the_modifier():
    assert SPLITTER.heads("Lebensmittelverschwendung") == ["Mittel", "Verschwendung"]
    assert SPLITTER.heads("Hausarrest") == ["Arrest"]


def test_parts_text_splits_each_word_once_and_gives_the_body_s_heads_only():
    memo = {}
    text = parts_text(["Hausarrest für den Minister", "", "Wieder Hausarrest."], SPLITTER, memo, heads_only=(2,))
    assert text == "Haus Arrest Arrest"
    assert memo == {"Hausarrest": ("Haus Arrest", "Arrest"), "Minister": ("", ""),
                    "Hausarrest.": ("Haus Arrest", "Arrest")}


def test_analysis_of_multi_megabyte_adversarial_lines_is_linear():
    # One "word" of 3 MB (no spaces), punctuation runs, invisible characters and a
    # capitalised 2 MB letter run (longer than any compound): all in bounded time.
    lines = ["\") Aus \"" * 300_000, "![" + "](a" * 700_000, "A" + "b" * 2_000_000,
             ("Wien\u200b" * 200_000) + "!" * 1_000_000]
    memo = {}
    start = time.process_time()
    docs = ((n, [line, parts_text([line], SPLITTER, memo)]) for n, line in enumerate(lines))
    counts, _forms = analyse_documents(docs, "de")
    assert counts.documents == 4
    assert time.process_time() - start < 20


def test_html_to_text_is_linear_on_unclosed_tags():
    from lunr_search.search_index import html_to_text
    start = time.process_time()
    assert html_to_text("<p>a</p>" + "<" * 2_000_000 + "b") == "a " + "<" * 2_000_000 + "b"
    assert time.process_time() - start < 5
