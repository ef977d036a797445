"""search.html's scripts: the theme's search scripts joined into one
content-hashed file, and the small prefetch script that runs first.

Eight deferred scripts were eight requests before the page could start
searching; at 1,028 articles the last of them arrived ~150 ms after the HTML
on loopback (docs/search.md, "Time to the first result"). Joined, they are
one request, cacheable for good under a name that changes with their text.
The files are joined as they are (the vendored ones keep their licence
headers); they are not minified: loopback and gzip gain little from it and
no dependency is needed. The prefetch script (search-prefetch.js) is a file
of its own, run in search.html's head before the joined one: it starts the
first query's downloads while the joined script is still arriving and
compiling. The build appends the index shards' table to it (the meta
file's, for the first terms and paths), so it can ask for the query's
shards without waiting for the meta file.
"""

from __future__ import annotations

import json
import os

from .search_index import SearchFile, hashed_file

# In load order: lunr, its stemmer support and German, then ours.
PAGE_SCRIPTS = ("lunr.min.js", "lunr.stemmer.support.min.js", "lunr.de.min.js", "search-pipeline.js",
                "search-core.js", "search-fuzzy.js", "search-fuzzy-page.js", "search-page.js")
PREFETCH_SCRIPT = "search-prefetch.js"


def page_script(source_dir: str, folder: str) -> SearchFile:
    """The scripts of `source_dir` (the theme's static/search) as one file
    `<folder>/search-page.<sha256:12>.js`."""
    parts = []
    for name in PAGE_SCRIPTS:
        with open(os.path.join(source_dir, name), encoding="utf-8") as source:
            # `;` ends a file whose last statement has none, before the next file's `(function`.
            parts.append(f"/* {name} */\n{source.read().rstrip()}\n;\n")
    return hashed_file(folder, "search-page", "".join(parts).encode("utf-8"), ".js")


def prefetch_script(source_dir: str, folder: str, meta: bytes) -> SearchFile:
    """search-prefetch.js of `source_dir` with a call that starts it on the
    shard tables of `meta` (the meta file's JSON: per index language
    `[[first term, path], ...]`), as `<folder>/search-prefetch.<sha256:12>.js`."""
    with open(os.path.join(source_dir, PREFETCH_SCRIPT), encoding="utf-8") as source:
        script = source.read().rstrip()
    tables = {lang: index["shards"] for lang, index in sorted(json.loads(meta)["indexes"].items())}
    start = f"NewsSearchPrefetch.start({json.dumps(tables, ensure_ascii=False, separators=(',', ':'))});\n"
    return hashed_file(folder, "search-prefetch", f"{script}\n{start}".encode("utf-8"), ".js")
