"""The last build's search files, reused when nothing they are made from changed (plugins/lunr_search/last_build.py)."""

import dataclasses

import pytest

from lunr_search import last_build
from lunr_search.search_index import SearchDoc, build_search_files

DOC = SearchDoc(url="articles/a.html", title="Wien wählt", date="2026-01-02", lang="de", lead="Die Wahl.",
                body="Lange Schlangen.", tags=("Wien",), tag_urls=("tag/wien.html",), digest="d1")


@pytest.mark.parametrize("change", [{"title": "Graz wählt"}, {"tags": ("Graz",)}, {"tag_urls": ("",)},
                                    {"story_size": 2}, {"url": "articles/b.html"}, {"digest": "d2"},
                                    {"date": "2026-01-03"}, {"source": "ORF"}])
def test_the_digest_changes_with_anything_the_files_are_made_from(change):
    assert last_build.inputs_digest([DOC], "k") != last_build.inputs_digest([dataclasses.replace(DOC, **change)], "k")
    assert last_build.inputs_digest([DOC], "k") != last_build.inputs_digest([DOC], "other settings")


def test_the_body_counts_through_the_doc_s_digest_and_a_doc_without_one_is_never_reused():
    assert last_build.inputs_digest([DOC], "k") == last_build.inputs_digest([dataclasses.replace(DOC, body="x")], "k")
    assert last_build.inputs_digest([dataclasses.replace(DOC, digest="")], "k") == ""


def test_a_record_is_reused_only_while_its_files_are_all_there_at_their_sizes(tmp_path):
    files = build_search_files([DOC], {"title": 1, "body": 1}, ["de"], "de")
    out = tmp_path / "output"
    for f in files.files:
        (out / f.path).parent.mkdir(parents=True, exist_ok=True)
        (out / f.path).write_bytes(f.data)
    digest = last_build.inputs_digest([DOC], "k")
    last_build.save(tmp_path, digest, files, pytest.fail)
    record = last_build.reusable(tmp_path, digest, str(out))
    assert record["meta"] == files.meta.path and set(record["files"]) == {f.path for f in files.files}
    assert last_build.reusable(tmp_path, "another digest", str(out)) is None
    shard = next(f for f in files.files if f.path.startswith("search/de."))
    (out / shard.path).write_bytes(shard.data[:-1])
    assert last_build.reusable(tmp_path, digest, str(out)) is None
    (out / shard.path).unlink()
    assert last_build.reusable(tmp_path, digest, str(out)) is None
    (tmp_path / last_build.FILE).write_text("{", encoding="utf-8")
    assert last_build.reusable(tmp_path, digest, str(out)) is None
