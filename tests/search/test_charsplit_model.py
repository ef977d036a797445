"""The compound model looked up in an SQLite copy (plugins/lunr_search/charsplit_model.py)."""

from types import SimpleNamespace

import pytest

from lunr_search import charsplit_model
from lunr_search.compounds import CompoundSplitter

WORDS = ["Lebensmittelverschwendung", "Hausarrest", "Terroranschlag", "Bundespräsidentenwahl",
         "Flüchtlingsunterkunft", "Wien", "Regierungssprecher", "Xylophonzzq"]


def ngrams(word: str) -> set[str]:
    """Every substring: split_compound reads substrings of the lowercased word."""
    word = word.lower()
    return {word[i:j] for i in range(len(word)) for j in range(i + 1, len(word) + 1)}


@pytest.fixture(scope="module")
def model():
    """The package's model, cut down to the n-grams of WORDS (what splitting them reads)."""
    full = charsplit_model.imported()
    keys = set().union(*(ngrams(w) for w in WORDS))
    return SimpleNamespace(**{name: {k: v for k, v in getattr(full, name).items() if k in keys}
                              for name in charsplit_model.TABLES})


def test_the_copy_gives_the_probabilities_and_splits_of_the_model(tmp_path, model):
    path = charsplit_model.lookup_file(tmp_path)
    charsplit_model.write_copy(path, model, pytest.fail)
    lookup = charsplit_model.Lookup.open(path)
    for name in charsplit_model.TABLES:
        table, original = getattr(lookup, name), getattr(model, name)
        assert all(table.get(k, -7) == v for k, v in original.items())
        assert table.get("no such n-gram", -7) == -7
    from_copy, from_dicts = charsplit_model.split_function(lookup), charsplit_model.split_function(model)
    assert [from_copy(w) for w in WORDS] == [from_dicts(w) for w in WORDS]


def test_the_function_reads_the_model_it_is_given_like_the_package_s_own():
    from compound_split import char_split
    full = charsplit_model.imported()
    assert [charsplit_model.split_function(full)(w) for w in WORDS] == [char_split.split_compound(w) for w in WORDS]


def test_a_splitter_with_a_copy_imports_the_model_only_after_many_words(tmp_path, model, monkeypatch):
    path = charsplit_model.lookup_file(tmp_path)
    charsplit_model.write_copy(path, model, pytest.fail)
    with_copy, without = CompoundSplitter(path), CompoundSplitter()
    with_copy.LOOKUP_WORDS = 3
    expected = [without.parts(w) for w in WORDS]
    imports = []
    real = charsplit_model.imported
    monkeypatch.setattr(charsplit_model, "imported", lambda: imports.append(1) or real())
    assert [with_copy.parts(w) for w in WORDS] == expected
    assert imports == [1]  # once, after three words


def test_a_missing_or_damaged_copy_is_not_used(tmp_path):
    path = charsplit_model.lookup_file(tmp_path)
    assert charsplit_model.Lookup.open(path) is None
    path.write_bytes(b"SQLite format 3\x00 but cut short")
    assert charsplit_model.Lookup.open(path) is None
    assert CompoundSplitter(path).parts("Hausarrest") == CompoundSplitter().parts("Hausarrest")


def test_an_unwritable_folder_costs_one_warning(tmp_path, model):
    blocker = tmp_path / "file"
    blocker.write_text("")
    warnings = []
    charsplit_model.write_copy(charsplit_model.lookup_file(blocker / "sub"), model, lambda *a: warnings.append(a))
    assert len(warnings) == 1
