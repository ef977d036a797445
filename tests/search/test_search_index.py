"""Index, store and manifest from plain data (plugins/lunr_search/search_index.py)."""

import json
import re

import pytest

from lunr_search import settings_of
from lunr_search.search_index import SearchDoc, build_search_files, html_to_text

FIELDS = {"title": 10, "tags": 5, "lead": 3, "body": 1, "source": 2, "author": 2}
DOCS = [
    SearchDoc(url="articles/a.html", title="Wien wählt", date="2026-01-02", lang="de",
              source="ORF", lead="Die Wahl in Wien.", body="Lange Schlangen vor den Lokalen.",
              tags=("Wien", "Wahl")),
    SearchDoc(url="articles/b.html", title="Vienna votes", date="2026-01-03", lang="en",
              source="BBC", author="Jane Doe", lead="Vienna elects a mayor.", body="Queues."),
    SearchDoc(url="articles/c.html", title="Bonjour", date="2026-01-01", lang="fr", body="Paris."),
]


def files(docs=DOCS, fields=FIELDS, **kwargs):
    return build_search_files(docs, fields, ["de", "en"], "de", **kwargs)


def meta(built):
    return json.loads(built.meta.data)


def read(built, path):
    return json.loads(next(f.data for f in built.files if f.path == path))


def postings(built, lang):
    """term -> {field: {document: score}} from all shards of `lang`."""
    index = meta(built)["indexes"][lang]
    result = {}
    for _first, path in index["shards"]:
        shard = read(built, path)
        for term, flat in zip(shard["terms"], shard["postings"]):
            per_field, i = {}, 0
            while i < len(flat):
                field, count, doc, i = index["fields"][flat[i]], flat[i + 1], 0, i + 2
                for _ in range(count):
                    doc += flat[i]
                    per_field.setdefault(field, {})[doc] = flat[i + 1]
                    i += 2
            result[term] = per_field
    return result


def test_store_lists_documents_newest_first_with_display_fields_in_chunks():
    built = files(store_chunk=2)
    store = meta(built)["store"]
    assert store["chunk"] == 2 and len(store["files"]) == 2
    chunks = [read(built, path) for path in store["files"]]
    assert chunks[0]["fields"] == ["title", "url", "date", "source", "tags", "text", "story"]
    docs = chunks[0]["docs"] + chunks[1]["docs"]
    assert [d[1] for d in docs] == ["articles/b.html", "articles/a.html", "articles/c.html"]
    assert docs[1][:5] == ["Wien wählt", "articles/a.html", "2026-01-02", "ORF", [["Wien", ""], ["Wahl", ""]]]
    assert docs[1][6] == 1
    text = next(f.data for f in built.files if f.path == f"search/text/{docs[1][5]}.txt")
    assert text.decode() == "Wien wählt\nDie Wahl in Wien.\nLange Schlangen vor den Lokalen."


def test_a_hit_knows_its_story_size_and_tag_pages():
    doc = SearchDoc(url="x.html", title="T", date="2026-01-01", lang="de", tags=("Wien",),
                    tag_urls=("tag/wien.html",), story_size=3)
    entry = read(files([doc]), meta(files([doc]))["store"]["files"][0])["docs"][0]
    assert entry[4] == [["Wien", "tag/wien.html"]] and entry[6] == 3


def test_facets_count_sources_years_languages_and_tags_per_article():
    built = files()
    facets = read(built, meta(built)["facets"])
    assert facets["sources"] == ["", "BBC", "ORF"] and facets["langs"] == ["de", "en"]
    assert [facets["sources"][i] for i in facets["source"]] == ["BBC", "ORF", ""]
    assert facets["year"] == [2026, 0, 0]  # gaps
    assert [[facets["tags"][t] for t in tags] for tags in facets["tag"]] == [[], ["Wien", "Wahl"], []]


def test_compound_parts_are_indexed_in_their_own_field():
    doc = SearchDoc(url="x.html", title="Hausarrest verhängt", date="2026-01-01", lang="de",
                    body="Die Lebensmittelverschwendung wächst.")
    de = postings(files([doc], {**FIELDS, "parts": 1}), "de")
    assert set(de["hausarr"]) == {"title"}
    assert set(de["arr"]) == {"parts"} and set(de["haus"]) == {"parts"}  # all parts of a headline compound
    assert set(de["verschwend"]) == {"parts"} and "lebensmittel" not in de  # the body's heads only


def test_one_index_per_language_other_languages_go_to_the_fallback():
    indexes = meta(files())["indexes"]
    assert sorted(indexes) == ["de", "en"]
    assert indexes["de"]["docs"] == [1, 1]  # gaps: store positions 1 and 2 (a.html, c.html)
    assert indexes["en"]["docs"] == [0]
    assert indexes["de"]["pipeline"] == ["trimmer-any-de", "transliterate-de", "stopWordFilter-de", "stemmer-de"]
    assert indexes["en"]["pipeline"] == ["trimmer-any-en", "stopWordFilter", "stemmer"]


def test_postings_hold_each_field_s_documents_and_scores():
    de = postings(files(), "de")
    assert set(de["wien"]) == {"title", "tags", "lead"}
    assert set(de["wien"]["title"]) == {1}  # a.html
    assert de["paris"] == {"body": {2: de["paris"]["body"][2]}}
    assert all(isinstance(score, int) and score > 0
               for per_field in de.values() for scores in per_field.values() for score in scores.values())
    # a title word weighs more than the same word in the lead (boost 10 against 3)
    assert de["wien"]["title"][1] > de["wien"]["lead"][1]


def test_shards_are_sorted_term_ranges_named_by_their_first_term():
    built = files(shard_bytes=40)
    index = meta(built)["indexes"]["de"]
    assert len(index["shards"]) > 3
    all_terms = []
    for first, path in index["shards"]:
        terms = read(built, path)["terms"]
        assert terms[0] == first and terms == sorted(terms)
        all_terms += terms
    assert all_terms == sorted(all_terms) == sorted(postings(built, "de"))


def test_names_are_content_hashed_and_builds_are_byte_identical():
    first, second = files(), files()
    assert [(f.path, f.data) for f in first.files] == [(f.path, f.data) for f in second.files]
    changed = files([DOCS[0], DOCS[1]])
    assert changed.meta.path != first.meta.path
    assert re.fullmatch(r"search/meta\.[0-9a-f]{12}\.json", first.meta.path)
    assert all(re.fullmatch(r"search/(de|en|store)\.[0-9a-f]{12}\.json", path)
               for path in [s[1] for index in meta(first)["indexes"].values() for s in index["shards"]]
               + meta(first)["store"]["files"])
    manifest = next(f for f in first.files if f.path == "search/manifest.json")
    assert json.loads(manifest.data) == {"version": 3, "meta": first.meta.path}
    assert len(first.files) == len({f.path for f in first.files})


def test_fields_setting_chooses_what_is_indexed():
    built = files(fields={"title": 1})
    assert meta(built)["indexes"]["de"]["fields"] == ["title"]
    assert "schlang" not in postings(built, "de")


def test_html_to_text_reads_text_not_markup():
    assert html_to_text("<p>A &lt;script&gt; <b>bold</b>\u2009move</p>\n<p>B</p>") == \
        "A <script> bold move B"


def test_settings_have_defaults_and_reject_unknown_names():
    assert settings_of({})["LUNR_SEARCH_LANGUAGES"] == ["de", "en"]
    assert settings_of({"LUNR_SEARCH_OUTPUT_DIR": "s"})["LUNR_SEARCH_OUTPUT_DIR"] == "s"
    with pytest.raises(ValueError, match="headline"):
        settings_of({"LUNR_SEARCH_FIELDS": {"headline": 1}})
    with pytest.raises(ValueError, match="fr"):
        settings_of({"LUNR_SEARCH_LANGUAGES": ["fr"]})
    with pytest.raises(ValueError, match="LUNR_SEARCH_SHARD_BYTES"):
        settings_of({"LUNR_SEARCH_SHARD_BYTES": 0})


def test_a_body_given_as_a_function_is_read_once_and_indexed_as_text():
    calls = []

    def body():
        calls.append(1)
        return DOCS[0].body

    lazy = SearchDoc(**{**DOCS[0].__dict__, "body": body})
    built = files([lazy, *DOCS[1:]])
    assert calls == [1]
    assert [(f.path, f.data) for f in built.files] == [(f.path, f.data) for f in files().files]
