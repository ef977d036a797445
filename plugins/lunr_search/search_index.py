"""Build the search files from plain data: one lunr index per language and a store.

No Pelican here: the adapter in __init__.py turns articles into `SearchDoc`s.
The file formats are described in docs/search.md.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bs4 import BeautifulSoup
from lunr.builder import Builder
from lunr.index import Index

from .pipelines import PIPELINES, tokenize

FORMAT_VERSION = 1
SCORE_SCALE = 100
# What a field reads from a SearchDoc; the settings choose among these.
FIELD_NAMES = ("title", "tags", "lead", "body", "source", "author")


@dataclass(frozen=True)
class SearchDoc:
    """One article as plain text."""

    url: str
    title: str
    date: str  # ISO 8601 day, e.g. 2026-11-25
    lang: str
    source: str = ""
    author: str = ""
    lead: str = ""
    body: str = ""
    tags: tuple[str, ...] = ()

    def field(self, name: str) -> str:
        value = getattr(self, name)
        return " ".join(value) if name == "tags" else value


@dataclass(frozen=True)
class SearchFile:
    path: str  # relative to the output folder, with "/" separators
    data: bytes


def html_to_text(html: str) -> str:
    """The text of an HTML fragment, with all whitespace runs as one space.

    lunr.js splits words on any whitespace, lunr.py on a few ASCII ones;
    normalising here makes both tokenise indexed text alike.
    """
    return " ".join(BeautifulSoup(html or "", "html.parser").get_text(" ").split())


def plain(text: str) -> str:
    return " ".join((text or "").split())


def order(docs: Iterable[SearchDoc]) -> list[SearchDoc]:
    """Newest first, then by URL: the store order, so refs are stable."""
    by_url = sorted(docs, key=lambda d: d.url)
    return sorted(by_url, key=lambda d: d.date, reverse=True)


def index_language(doc: SearchDoc, languages: Sequence[str], fallback: str) -> str:
    return doc.lang if doc.lang in languages else fallback


def build_index(docs: Sequence[tuple[int, SearchDoc]], lang: str,
                fields: Mapping[str, float]) -> Index:
    """A lunr index over `docs` (store position, doc) with the pipeline of `lang`."""
    builder = Builder()
    builder.pipeline.add(PIPELINES[lang].index)
    builder.search_pipeline.add(*PIPELINES[lang].search)
    builder.ref("id")
    for name, boost in fields.items():
        builder.field(name, boost=boost)
    for position, doc in docs:
        # A list skips lunr.py's character-by-character tokenizer.
        builder.add({"id": str(position),
                     **{name: tokenize(doc.field(name)) for name in fields}})
    return builder.build()


def _js_order(term: str) -> bytes:
    # lunr.js inserts terms into its token set in JavaScript string order.
    return term.encode("utf-16-be")


def compact_index(index: Index, refs: Sequence[int]) -> dict:
    """The index in this project's compact form (see docs/search.md).

    lunr's own form holds each (term, field, document) twice: in the inverted
    index and in the field vectors. This keeps only the vectors, numbering
    terms in sorted order, with term numbers as gaps and scores as integers
    (x 100: all vectors scale alike, so rankings stay). The browser rebuilds
    lunr's form from it and calls `lunr.Index.load`.
    """
    terms = sorted(index.inverted_index, key=_js_order)
    number = {index.inverted_index[term]["_index"]: n for n, term in enumerate(terms)}
    vectors = []
    for field in index.fields:
        per_doc = []
        for position in refs:
            elements = index.field_vectors[f"{field}/{position}"].elements
            pairs = sorted((number[elements[i]], elements[i + 1])
                           for i in range(0, len(elements), 2))
            flat, previous = [], 0
            for term_number, score in pairs:
                flat += [term_number - previous, round(score * SCORE_SCALE)]
                previous = term_number
            per_doc.append(flat)
        vectors.append(per_doc)
    return {"fields": list(index.fields), "pipeline": index.pipeline.serialize(),
            "docs": list(refs), "terms": terms, "vectors": vectors}


def build_indexes(docs: Sequence[SearchDoc], fields: Mapping[str, float],
                  languages: Sequence[str], fallback: str) -> dict[str, dict]:
    """Compact indexes, one per language that has articles; `docs` in store order."""
    by_lang: dict[str, list[tuple[int, SearchDoc]]] = {}
    for position, doc in enumerate(docs):
        by_lang.setdefault(index_language(doc, languages, fallback), []).append((position, doc))
    return {lang: compact_index(build_index(by_lang[lang], lang, fields),
                                [position for position, _ in by_lang[lang]])
            for lang in languages if lang in by_lang}


def store_entry(doc: SearchDoc) -> list:
    return [doc.title, doc.url, doc.date, doc.source, doc.lead, list(doc.tags)]


def to_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def hashed_path(folder: str, stem: str, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()[:12]
    return f"{folder}/{stem}.{digest}.json" if folder else f"{stem}.{digest}.json"


def build_search_files(docs: Iterable[SearchDoc], fields: Mapping[str, float],
                       languages: Sequence[str], fallback: str,
                       folder: str = "search") -> dict[str, SearchFile]:
    """The index, the store (both content-hashed) and the un-hashed manifest.

    Returns them by role: "index", "store", "manifest".
    """
    ordered = order(docs)
    indexes = build_indexes(ordered, fields, languages, fallback)
    index_data = to_json({
        "version": FORMAT_VERSION,
        "indexes": indexes,
    })
    store_data = to_json({
        "version": FORMAT_VERSION,
        "fields": ["title", "url", "date", "source", "lead", "tags"],
        "docs": [store_entry(doc) for doc in ordered],
    })
    index = SearchFile(hashed_path(folder, "index", index_data), index_data)
    store = SearchFile(hashed_path(folder, "store", store_data), store_data)
    manifest_data = to_json({"version": FORMAT_VERSION, "index": index.path, "store": store.path})
    manifest = SearchFile(f"{folder}/manifest.json" if folder else "manifest.json", manifest_data)
    return {"index": index, "store": store, "manifest": manifest}
