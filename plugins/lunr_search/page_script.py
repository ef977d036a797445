"""search.html's one script: the theme's search scripts joined into one
content-hashed file.

Eight deferred scripts were eight requests before the page could start
searching; at 1,028 articles the last of them arrived ~150 ms after the HTML
on loopback (docs/search.md, "Time to the first result"). Joined, they are
one request, cacheable for good under a name that changes with their text.
The files are joined as they are (the vendored ones keep their licence
headers); they are not minified: loopback and gzip gain little from it and
no dependency is needed.
"""

from __future__ import annotations

import os

from .search_index import SearchFile, hashed_file

# In load order: lunr, its stemmer support and German, then ours.
PAGE_SCRIPTS = ("lunr.min.js", "lunr.stemmer.support.min.js", "lunr.de.min.js", "search-pipeline.js",
                "search-core.js", "search-fuzzy.js", "search-fuzzy-page.js", "search-page.js")


def page_script(source_dir: str, folder: str) -> SearchFile:
    """The scripts of `source_dir` (the theme's static/search) as one file
    `<folder>/search-page.<sha256:12>.js`."""
    parts = []
    for name in PAGE_SCRIPTS:
        with open(os.path.join(source_dir, name), encoding="utf-8") as source:
            # `;` ends a file whose last statement has none, before the next file's `(function`.
            parts.append(f"/* {name} */\n{source.read().rstrip()}\n;\n")
    return hashed_file(folder, "search-page", "".join(parts).encode("utf-8"), ".js")
