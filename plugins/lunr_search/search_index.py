"""Build the search files from plain data: term-range index shards per
language, store chunks, and the files naming them.

No Pelican here: the adapter in __init__.py turns articles into `SearchDoc`s.
The file formats are described in docs/search.md.
"""

from __future__ import annotations

import gc
import hashlib
import html
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from .analysis import analyse_documents
from .display_forms import display_forms, display_json, display_table
from .pipelines import PIPELINES
from .postings import build_postings
from .shards import shard_postings

FORMAT_VERSION = 2
# What a field reads from a SearchDoc; the settings choose among these.
FIELD_NAMES = ("title", "tags", "lead", "body", "source", "author")
STORE_FIELDS = ["title", "url", "date", "source", "lead", "tags"]
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class SearchDoc:
    """One article as plain text.

    `body` may be a function that returns the text: it is called once, while
    the article is indexed, so the bodies of all articles are never in
    memory at once (the Pelican adapter passes one).
    """

    url: str
    title: str
    date: str  # ISO 8601 day, e.g. 2026-11-25
    lang: str
    source: str = ""
    author: str = ""
    lead: str = ""
    body: str | Callable[[], str] = ""
    tags: tuple[str, ...] = ()

    def field(self, name: str) -> str:
        value = getattr(self, name)
        if name == "tags":
            return " ".join(value)
        return value() if callable(value) else value


@dataclass(frozen=True)
class SearchFile:
    path: str  # relative to the output folder, with "/" separators
    data: bytes


@dataclass(frozen=True)
class SearchFiles:
    files: list[SearchFile]  # everything to write, `meta`, `display` and the manifest among them
    meta: SearchFile
    display: SearchFile  # the typo fallback's display forms (display_forms.py)


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


def gaps(numbers: Iterable[int]) -> list[int]:
    result, previous = [], 0
    for n in numbers:
        result.append(n - previous)
        previous = n
    return result


def language_docs(docs: Sequence[SearchDoc], languages: Sequence[str], fallback: str) -> dict[str, list[int]]:
    """Store positions of the articles of each language's index."""
    by_lang: dict[str, list[int]] = {}
    for position, doc in enumerate(docs):
        by_lang.setdefault(index_language(doc, languages, fallback), []).append(position)
    return by_lang


def store_entry(doc: SearchDoc) -> list:
    return [doc.title, doc.url, doc.date, doc.source, doc.lead, list(doc.tags)]


def to_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def hashed_file(folder: str, stem: str, data: bytes, suffix: str = ".json") -> SearchFile:
    """`<folder>/<stem>.<sha256:12><suffix>`: a name that changes with `data`."""
    name = f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
    return SearchFile(f"{folder}/{name}" if folder else name, data)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Building makes millions of small tuples, lists and arrays, none of them
    in a cycle; Python's collector would walk them all again and again (more
    than half of the build time at 10,000 articles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def language_files(ordered: Sequence[SearchDoc], numbers: Sequence[int], fields: Mapping[str, float], lang: str,
                   folder: str, shard_bytes: int) -> tuple[list[tuple[str, SearchFile]], str]:
    """The index shards (each with its first term) and the display-form table
    of one language, whose documents are `ordered[n]` for n in `numbers`.
    What is made on the way is dropped once used (the surface forms before
    the postings' peak, everything else on return)."""
    counts, surface_forms = analyse_documents(((n, [ordered[n].field(name) for name in fields]) for n in numbers),
                                              lang)
    table = display_table(display_forms(surface_forms))
    del surface_forms
    postings = build_postings(counts, fields)
    del counts
    return [(first, hashed_file(folder, lang, data)) for first, data in shard_postings(postings, shard_bytes)], table


def build_search_files(docs: Iterable[SearchDoc], fields: Mapping[str, float],
                       languages: Sequence[str], fallback: str, folder: str = "search",
                       shard_bytes: int = 100_000, store_chunk: int = 64) -> SearchFiles:
    """Index shards and store chunks (content-hashed), the `meta` file naming
    them (content-hashed, for search.html), the un-hashed manifest naming
    `meta` (for the header field) and the display forms (content-hashed)."""
    ordered = order(docs)
    files: list[SearchFile] = []
    indexes = {}
    tables = {}
    by_lang = language_docs(ordered, languages, fallback)
    for lang in (lang for lang in languages if lang in by_lang):
        with cyclic_gc_paused():
            shard_files, tables[lang] = language_files(ordered, by_lang[lang], fields, lang, folder, shard_bytes)
        files += [file for _first, file in shard_files]
        indexes[lang] = {"fields": list(fields), "pipeline": PIPELINES[lang].labels,
                         "docs": gaps(by_lang[lang]), "shards": [[first, file.path] for first, file in shard_files]}
    entries = [store_entry(doc) for doc in ordered]
    store_files = [hashed_file(folder, "store", to_json({"fields": STORE_FIELDS, "docs": entries[i:i + store_chunk]}))
                   for i in range(0, len(entries), store_chunk)]
    files += store_files
    meta = hashed_file(folder, "meta", to_json({
        "version": FORMAT_VERSION,
        "store": {"chunk": store_chunk, "files": [f.path for f in store_files]},
        "indexes": indexes}))
    manifest = SearchFile(f"{folder}/manifest.json" if folder else "manifest.json",
                          to_json({"version": FORMAT_VERSION, "meta": meta.path}))
    display = hashed_file(folder, "display", to_json(display_json(tables)))
    return SearchFiles(files + [meta, manifest, display], meta, display)
