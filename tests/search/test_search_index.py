"""Index, store and manifest from plain data (plugins/lunr_search/search_index.py)."""

import json

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


def files(docs=DOCS, **kwargs):
    return build_search_files(docs, kwargs.get("fields", FIELDS), ["de", "en"], "de")


def test_store_lists_documents_newest_first_with_display_fields():
    store = json.loads(files()["store"].data)
    assert store["fields"] == ["title", "url", "date", "source", "lead", "tags"]
    assert [d[1] for d in store["docs"]] == ["articles/b.html", "articles/a.html", "articles/c.html"]
    assert store["docs"][1] == ["Wien wählt", "articles/a.html", "2026-01-02", "ORF",
                                "Die Wahl in Wien.", ["Wien", "Wahl"]]


def test_one_index_per_language_other_languages_go_to_the_fallback():
    indexes = json.loads(files()["index"].data)["indexes"]
    assert sorted(indexes) == ["de", "en"]
    assert indexes["de"]["docs"] == [1, 2]  # store positions of a.html and c.html
    assert indexes["en"]["docs"] == [0]
    assert indexes["de"]["pipeline"] == ["trimmer-de", "transliterate-de", "stopWordFilter-de", "stemmer-de"]
    assert indexes["en"]["pipeline"] == ["trimmer-en", "stopWordFilter", "stemmer"]


def test_compact_vectors_decode_to_sorted_terms_of_each_field():
    de = json.loads(files()["index"].data)["indexes"]["de"]
    assert de["terms"] == sorted(de["terms"])
    title = de["fields"].index("title")
    flat = de["vectors"][title][0]  # title of a.html
    numbers, n = [], 0
    for gap in flat[::2]:
        n += gap
        numbers.append(n)
    assert [de["terms"][i] for i in numbers] == ["wahlt", "wien"]
    assert all(isinstance(score, int) and score > 0 for score in flat[1::2])


def test_names_are_content_hashed_and_builds_are_byte_identical():
    first, second = files(), files()
    assert {k: (f.path, f.data) for k, f in first.items()} == \
        {k: (f.path, f.data) for k, f in second.items()}
    changed = files([DOCS[0], DOCS[1]])
    assert changed["index"].path != first["index"].path
    assert first["index"].path.startswith("search/index.") and first["index"].path.endswith(".json")
    manifest = json.loads(first["manifest"].data)
    assert manifest == {"version": 1, "index": first["index"].path, "store": first["store"].path}
    assert first["manifest"].path == "search/manifest.json"


def test_fields_setting_chooses_what_is_indexed():
    de = json.loads(files(fields={"title": 1})["index"].data)["indexes"]["de"]
    assert de["fields"] == ["title"]
    assert "schlang" not in de["terms"]


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
