"""Build the search files from plain data: term-range index shards per
language, store chunks, each article's text (for snippets and phrases), the
facets (filters), the term list (typo fallback, compounds in queries) and
the files naming them.

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
from pathlib import Path

from .analysis import analyse_document, gather
from .analysis_cache import AnalysisCache, Entry
from .compounds import CompoundSplitter, parts_text
from .display_forms import display_forms, display_json, display_table, front_coded
from .pipelines import PIPELINES, fold_invisible
from .postings import build_postings
from .shards import shard_postings

FORMAT_VERSION = 3
# What a field reads from a SearchDoc; the settings choose among these.
# `parts` holds the parts of the German compounds of title, lead and body
# (compounds.py), so a part matches with that field's lower boost.
FIELD_NAMES = ("title", "tags", "lead", "body", "source", "author", "parts")
COMPOUND_SOURCES = ("title", "lead", "body")
STORE_FIELDS = ["title", "url", "date", "source", "tags", "text", "story"]
_TAG = re.compile(r"<[^<>]*>")  # not `<[^>]*>`: a run of `<` without `>` would take quadratic time


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
    tag_urls: tuple[str, ...] = ()  # the tags' pages ("" for none), as many as tags
    story_size: int = 1  # how many sources reported this article's story (the stories plugin)
    digest: str = ""  # of what the indexed fields are made from (the adapter's): finds a kept analysis

    def field(self, name: str) -> str:
        value = getattr(self, name)
        if name == "tags":
            return " ".join(value)
        return value() if callable(value) else value


def field_texts(doc: SearchDoc, fields: Sequence[str], splitter: CompoundSplitter | None,
                memo: dict) -> dict[str, str]:
    """The text of each of `fields` (and of title, lead and body) of one
    article, the body read once; `parts` from the compounds of title, lead
    and body (the body's heads only) when `splitter` is given (German),
    else empty."""
    texts = {name: doc.field(name) for name in dict.fromkeys([*COMPOUND_SOURCES, *fields]) if name != "parts"}
    if "parts" in fields:
        texts["parts"] = (parts_text([texts[n] for n in COMPOUND_SOURCES], splitter, memo,
                                     heads_only=(COMPOUND_SOURCES.index("body"),)) if splitter else "")
    return texts


def article_text(texts: Mapping[str, str]) -> str:
    """What the page shows snippets from and checks phrases in: title, lead
    and body on a line each, invisible characters removed."""
    return fold_invisible("\n".join(texts[n] for n in COMPOUND_SOURCES))


@dataclass(frozen=True)
class SearchFile:
    path: str  # relative to the output folder, with "/" separators
    data: bytes


@dataclass(frozen=True)
class SearchFiles:
    files: list[SearchFile]  # everything to write, `meta`, `display` and the manifest among them
    meta: SearchFile
    display: SearchFile  # the typo fallback's display forms (display_forms.py)
    kept: dict[str, int]  # text files already in the output with the right bytes (path -> size), not read again


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


def store_entry(doc: SearchDoc, text_file: str) -> list:
    """[title, url, date, source, tags as [name, url], the name of its text
    file, story size]."""
    urls = list(doc.tag_urls) + [""] * (len(doc.tags) - len(doc.tag_urls))
    return [fold_invisible(doc.title), doc.url, doc.date, doc.source, [[t, u] for t, u in zip(doc.tags, urls)],
            text_file, doc.story_size]


def text_name(text: bytes) -> str:
    return hashlib.sha256(text).hexdigest()[:12]


def facets(docs: Sequence[SearchDoc], languages: Sequence[str], fallback: str) -> dict:
    """What the filters count, per article in store order: its source, year,
    index language and tags, as numbers into sorted name lists."""
    sources = sorted({d.source for d in docs})
    tags = sorted({t for d in docs for t in d.tags})
    langs = sorted({index_language(d, languages, fallback) for d in docs})
    source_of, tag_of, lang_of = ({name: i for i, name in enumerate(names)} for names in (sources, tags, langs))
    return {"version": 1, "sources": sources, "tags": tags, "langs": langs,
            "source": [source_of[d.source] for d in docs],
            "year": gaps(int(d.date[:4]) for d in docs),
            "lang": [lang_of[index_language(d, languages, fallback)] for d in docs],
            "tag": [[tag_of[t] for t in d.tags] for d in docs]}


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
                   folder: str, shard_bytes: int, on_text: Callable[[int, Entry, bytes | None], None],
                   compound_memo: Callable[[], dict] | None = None, cache: AnalysisCache | None = None,
                   kept_texts: Mapping[str, int] | None = None,
                   compound_model: Path | None = None) -> tuple[list[tuple[str, SearchFile]], str, list[str]]:
    """The index shards (each with its first term), the display-form table
    and the terms of one language, whose documents are `ordered[n]` for n in
    `numbers`; `on_text(n, entry, data)` gets each article's analysis and,
    when the article was read, its text (article_text) as UTF-8 (None when
    its kept analysis was used).
    `compound_memo()` gives the dict of word -> its parts to read and fill,
    so a caller can keep the splits from one build to the next (called only
    when an article is read). `cache` holds the analyses of earlier builds
    and gets this build's; one is used when the article's digest matches and
    its text file is in `kept_texts` (name -> size) with that size.
    `compound_model`: a copy of the compound splitter's model (CompoundSplitter)."""
    splitter = CompoundSplitter(compound_model) if lang == "de" and "parts" in fields else None
    memo: dict | None = None
    cache = AnalysisCache() if cache is None else cache
    vocabulary = cache.vocabulary(lang)
    kept_texts = kept_texts or {}

    def analysed():
        nonlocal memo
        for n in numbers:
            doc = ordered[n]
            entry = cache.get(doc.digest, lang)
            if entry is not None and kept_texts.get(entry.text_name) == entry.text_size:
                on_text(n, entry, None)
                yield n, entry.terms
                continue
            if memo is None:
                memo = compound_memo() if compound_memo else {}
            texts = field_texts(doc, list(fields), splitter, memo)
            data = article_text(texts).encode("utf-8")
            entry = Entry(lang, text_name(data), len(data), analyse_document([texts[name] for name in fields],
                                                                             vocabulary))
            cache.put(doc.digest, entry)
            on_text(n, entry, data)
            yield n, entry.terms

    counts, surface_forms = gather(analysed(), vocabulary)
    table = display_table(display_forms(surface_forms))
    del surface_forms
    postings = build_postings(counts, fields)
    del counts
    shards = [(first, hashed_file(folder, lang, data)) for first, data in shard_postings(postings, shard_bytes)]
    return shards, table, postings.terms


def build_search_files(docs: Iterable[SearchDoc], fields: Mapping[str, float],
                       languages: Sequence[str], fallback: str, folder: str = "search",
                       shard_bytes: int = 100_000, store_chunk: int = 64,
                       compound_memo: Callable[[], dict] | None = None, cache: AnalysisCache | None = None,
                       kept_texts: Mapping[str, int] | None = None,
                       compound_model: Path | None = None) -> SearchFiles:
    """Index shards and store chunks (content-hashed), the `meta` file naming
    them (content-hashed, for search.html), the un-hashed manifest naming
    `meta` (for the header field) and the display forms (content-hashed).
    `compound_memo`, `cache`, `kept_texts`, `compound_model`: see language_files."""
    ordered = order(docs)
    files: list[SearchFile] = []
    indexes = {}
    tables = {}
    term_lists = {}
    text_names: list[str] = [""] * len(ordered)
    texts: dict[str, SearchFile] = {}
    kept: dict[str, int] = {}  # name -> size

    def text_path(name: str) -> str:
        return f"{folder}/text/{name}.txt" if folder else f"text/{name}.txt"

    def on_text(n: int, entry: Entry, data: bytes | None) -> None:
        name = text_names[n] = entry.text_name
        if data is None:
            kept[name] = entry.text_size
        else:
            texts.setdefault(name, SearchFile(text_path(name), data))

    by_lang = language_docs(ordered, languages, fallback)
    for lang in (lang for lang in languages if lang in by_lang):
        with cyclic_gc_paused():
            shard_files, tables[lang], terms = language_files(ordered, by_lang[lang], fields, lang, folder,
                                                              shard_bytes, on_text, compound_memo, cache, kept_texts,
                                                              compound_model)
        term_lists[lang] = front_coded(terms)
        files += [file for _first, file in shard_files]
        indexes[lang] = {"fields": list(fields), "pipeline": PIPELINES[lang].labels,
                         "docs": gaps(by_lang[lang]), "shards": [[first, file.path] for first, file in shard_files]}
    files += [texts[name] for name in sorted(texts)]
    entries = [store_entry(doc, text_names[n]) for n, doc in enumerate(ordered)]
    store_files = [hashed_file(folder, "store", to_json({"fields": STORE_FIELDS, "docs": entries[i:i + store_chunk]}))
                   for i in range(0, len(entries), store_chunk)]
    files += store_files
    facet_file = hashed_file(folder, "facets", to_json(facets(ordered, languages, fallback)))
    terms_file = hashed_file(folder, "terms", to_json({"version": 1, "terms": term_lists}))
    files += [facet_file, terms_file]
    meta = hashed_file(folder, "meta", to_json({
        "version": FORMAT_VERSION,
        "store": {"chunk": store_chunk, "files": [f.path for f in store_files]},
        "text": f"{folder}/text/" if folder else "text/",
        "facets": facet_file.path, "terms": terms_file.path,
        "indexes": indexes}))
    manifest = SearchFile(f"{folder}/manifest.json" if folder else "manifest.json",
                          to_json({"version": FORMAT_VERSION, "meta": meta.path}))
    display = hashed_file(folder, "display", to_json(display_json(tables)))
    return SearchFiles(files + [meta, manifest, display], meta, display,
                       {text_path(name): kept[name] for name in sorted(kept.keys() - texts.keys())})
