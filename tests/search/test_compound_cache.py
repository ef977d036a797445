"""The compound splits kept between builds (plugins/lunr_search/compound_cache.py)."""

import pytest

from lunr_search import charsplit_model, compound_cache
from lunr_search.search_index import SearchDoc, build_search_files

FIELDS = {"title": 10, "lead": 3, "body": 1, "parts": 1}
DOCS = [SearchDoc(url="articles/a.html", title="Hausarrest für den Minister", date="2026-01-02", lang="de",
                  lead="Die Lebensmittelverschwendung wächst.", body="Ein Terroranschlag in der Stadt.")]
KEY = compound_cache.splits_key()


def build(memo):
    built = build_search_files(DOCS, FIELDS, ["de"], "de", compound_memo=lambda: memo)
    return [(f.path, f.data) for f in built.files]


def test_a_second_build_splits_nothing_and_gives_the_same_files(tmp_path, monkeypatch):
    memo = compound_cache.load(tmp_path, KEY, pytest.fail)
    first = build(memo)
    assert memo["Hausarrest"] == ("Haus Arrest", "Arrest")
    compound_cache.save(tmp_path, KEY, memo, pytest.fail)

    def no_model(_model):
        raise AssertionError("the model was loaded although every word was known")
    monkeypatch.setattr(charsplit_model, "split_function", no_model)
    assert build(compound_cache.load(tmp_path, KEY, pytest.fail)) == first


def test_splits_of_other_code_are_not_read(tmp_path):
    compound_cache.save(tmp_path, "old code", {"Hausarrest": ("Hau", "Sarrest")}, pytest.fail)
    assert compound_cache.load(tmp_path, KEY, pytest.fail) == {}


@pytest.mark.parametrize("text", ["{", "[]", '{"key": "K", "words": {"Hausarrest": "Haus"}}', "\udcff"])
def test_a_damaged_file_costs_one_warning_and_the_same_index(tmp_path, text):
    (tmp_path / compound_cache.FILE).write_text(text.replace("K", KEY), encoding="utf-8", errors="surrogateescape")
    warnings = []
    memo = compound_cache.load(tmp_path, KEY, lambda *args: warnings.append(args))
    assert memo == {} and len(warnings) == 1 and str(tmp_path / compound_cache.FILE) in str(warnings[0])
    assert build(memo) == build({})


def test_an_unwritable_folder_costs_one_warning(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    warnings = []
    compound_cache.save(blocker / "sub", KEY, {"Hausarrest": ("Haus Arrest", "Arrest")},
                        lambda *args: warnings.append(args))
    assert len(warnings) == 1


def test_kept_splits_are_read_only_when_asked_for_and_saved_only_when_they_grew(tmp_path):
    compound_cache.save(tmp_path, KEY, {"Hausarrest": ("Haus Arrest", "Arrest")}, pytest.fail)
    path = tmp_path / compound_cache.FILE
    before = path.stat().st_mtime_ns
    unused = compound_cache.Kept(tmp_path, pytest.fail)
    unused.save_if_grown()
    assert unused.words is None and path.stat().st_mtime_ns == before
    kept = compound_cache.Kept(tmp_path, pytest.fail)
    assert kept() == {"Hausarrest": ("Haus Arrest", "Arrest")}
    kept.save_if_grown()
    assert path.stat().st_mtime_ns == before
    kept()["Terroranschlag"] = ("Terror Anschlag", "Anschlag")
    kept.save_if_grown()
    assert compound_cache.load(tmp_path, KEY, pytest.fail)["Terroranschlag"] == ("Terror Anschlag", "Anschlag")
