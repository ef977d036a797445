"""Build the search files from plain data: term-range index shards per
language, store chunks, and the files naming them.

No Pelican here: the adapter in __init__.py turns articles into `SearchDoc`s.
The file formats are described in docs/search.md.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .pipelines import PIPELINES, tokenize
from .postings import build_postings
from .shards import shard_postings

FORMAT_VERSION = 2
# What a field reads from a SearchDoc; the settings choose among these.
FIELD_NAMES = ("title", "tags", "lead", "body", "source", "author")
STORE_FIELDS = ["title", "url", "date", "source", "lead", "tags"]
_TAG = re.compile(r"<[^>]*>")


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


@dataclass(frozen=True)
class SearchFiles:
    files: list[SearchFile]  # everything to write, `meta` and the manifest among them
    meta: SearchFile


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment, with all whitespace runs as one space.

    Tags become spaces, then entities are decoded (Pelican's HTML from
    Markdown has no comments, scripts or attributes holding `>`). lunr.js
    splits words on any whitespace, lunr.py on a few ASCII ones; normalising
    here makes both tokenise indexed text alike.
    """
    return " ".join(html.unescape(_TAG.sub(" ", markup or "")).split())


def plain(text: str) -> str:
    return " ".join((text or "").split())


def order(docs: Iterable[SearchDoc]) -> list[SearchDoc]:
    """Newest first, then by URL: the store order, so refs are stable."""
    by_url = sorted(docs, key=lambda d: d.url)
    return sorted(by_url, key=lambda d: d.date, reverse=True)


def index_language(doc: SearchDoc, languages: Sequence[str], fallback: str) -> str:
    return doc.lang if doc.lang in languages else fallback


def field_terms(doc: SearchDoc, fields: Sequence[str], lang: str) -> list[list[str]]:
    """The index terms of each field of `doc`, in order, through `lang`'s pipeline."""
    analyse = PIPELINES[lang].analyse
    terms = []
    for name in fields:
        analysed = (analyse(word) for word in tokenize(doc.field(name)))
        terms.append([term for term in analysed if term is not None])
    return terms


def gaps(numbers: Iterable[int]) -> list[int]:
    result, previous = [], 0
    for n in numbers:
        result.append(n - previous)
        previous = n
    return result


@dataclass(frozen=True)
class LanguageIndex:
    lang: str
    docs: list[int]  # store positions
    shards: list[dict]


def build_indexes(docs: Sequence[SearchDoc], fields: Mapping[str, float],
                  languages: Sequence[str], fallback: str,
                  shard_bytes: int) -> list[LanguageIndex]:
    """One sharded index per language that has articles; `docs` in store order."""
    by_lang: dict[str, list[int]] = {}
    for position, doc in enumerate(docs):
        by_lang.setdefault(index_language(doc, languages, fallback), []).append(position)
    indexes = []
    for lang in languages:
        if lang not in by_lang:
            continue
        postings = build_postings([(n, field_terms(docs[n], list(fields), lang)) for n in by_lang[lang]],
                                  fields)
        indexes.append(LanguageIndex(lang, by_lang[lang], shard_postings(postings, shard_bytes)))
    return indexes


def store_entry(doc: SearchDoc) -> list:
    return [doc.title, doc.url, doc.date, doc.source, doc.lead, list(doc.tags)]


def to_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def hashed_file(folder: str, stem: str, value) -> SearchFile:
    data = to_json(value)
    name = f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}.json"
    return SearchFile(f"{folder}/{name}" if folder else name, data)


def build_search_files(docs: Iterable[SearchDoc], fields: Mapping[str, float],
                       languages: Sequence[str], fallback: str, folder: str = "search",
                       shard_bytes: int = 100_000, store_chunk: int = 64) -> SearchFiles:
    """Index shards and store chunks (content-hashed), the `meta` file naming
    them (content-hashed, for search.html) and the un-hashed manifest naming
    `meta` (for the header field)."""
    ordered = order(docs)
    files: list[SearchFile] = []
    indexes = {}
    for index in build_indexes(ordered, fields, languages, fallback, shard_bytes):
        shard_files = [hashed_file(folder, index.lang, shard) for shard in index.shards]
        files += shard_files
        indexes[index.lang] = {
            "fields": list(fields), "pipeline": PIPELINES[index.lang].labels, "docs": gaps(index.docs),
            "shards": [[shard["terms"][0], f.path] for shard, f in zip(index.shards, shard_files)]}
    entries = [store_entry(doc) for doc in ordered]
    store_files = [hashed_file(folder, "store", {"fields": STORE_FIELDS, "docs": entries[i:i + store_chunk]})
                   for i in range(0, len(entries), store_chunk)]
    files += store_files
    meta = hashed_file(folder, "meta", {
        "version": FORMAT_VERSION, "count": len(entries),
        "store": {"chunk": store_chunk, "files": [f.path for f in store_files]},
        "indexes": indexes})
    manifest = SearchFile(f"{folder}/manifest.json" if folder else "manifest.json",
                          to_json({"version": FORMAT_VERSION, "meta": meta.path}))
    return SearchFiles(files + [meta, manifest], meta)
