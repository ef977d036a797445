"""Evaluate the fuzzy fallback in Chromium over the corpus (bench/fuzzy_bench.py and the tests).

`write_corpus_site` writes the search files of the corpus articles (built as
the plugin builds them, without Pelican) and a page that loads the theme's
search scripts; `evaluate` runs typo and exact queries there through the
real search-core.js and search-fuzzy.js and returns what they found and how
long they took.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fuzzy_typos import FIELDS, Typo, corpus_docs

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ["lunr.min.js", "lunr.stemmer.support.min.js", "lunr.de.min.js", "search-pipeline.js",
           "search-core.js", "search-fuzzy.js"]
BOOSTS = {"title": 10, "tags": 5, "lead": 3, "body": 1, "source": 2, "author": 2}
assert list(BOOSTS) == FIELDS


@dataclass(frozen=True)
class CorpusSite:
    docs: list  # SearchDocs in store order
    meta: str  # paths from the folder
    display: str
    display_data: bytes


def write_corpus_site(folder: Path, docs=None) -> CorpusSite:
    """Search files of `docs` (default: the corpus) and eval.html in `folder`."""
    from lunr_search.search_index import build_search_files, order

    docs = order(docs if docs is not None else corpus_docs())
    files = build_search_files(docs, BOOSTS, ["de", "en"], "de", "search")
    display = files.display
    for search_file in files.files:
        path = folder / search_file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(search_file.data)
    shutil.copytree(ROOT / "theme" / "static" / "search", folder / "js", dirs_exist_ok=True)
    tags = "".join(f'<script src="js/{name}"></script>' for name in SCRIPTS)
    (folder / "eval.html").write_text(f"<!doctype html><meta charset=\"utf-8\"><title>eval</title>{tags}",
                                      encoding="utf-8")
    return CorpusSite(docs, files.meta.path, display.path, display.data)


EVALUATE = """async ({meta, display, typos, exact, distances}) => {
  const get = async (url) => (await fetch(url)).json();
  const getText = async (url) => (await fetch(url)).text();
  const searcher = new NewsSearch.Searcher(await get(meta), new URL('./', location.href), get, getText);
  const urls = async (hits) => Promise.all(hits.map(async (h) => (await searcher.doc(h.ref))[1]));
  let t = performance.now();
  const table = await get(display);
  const forms = {};
  for (const lang of Object.keys(table.forms)) forms[lang] = NewsFuzzy.readForms(table.forms[lang]);
  const formsMs = performance.now() - t;
  const typoResults = [];
  for (const q of typos) {
    const t0 = performance.now();
    const plain = await searcher.search(q);
    const t1 = performance.now();
    const result = plain.length ? null : await NewsFuzzy.fallback(searcher, q, distances);
    const t2 = performance.now();
    // What the page shows: the hits of the typed words (the last one a prefix), else the fallback's.
    const shown = plain.length ? plain : (result ? result.hits : []);
    typoResults.push({
      plain: plain.length, top: await urls(shown.slice(0, 5)),
      count: result ? result.hits.length : 0,
      corrected: result ? NewsFuzzy.correctedText(q, result.corrections, forms) : null,
      searchMs: t1 - t0, fallbackMs: t2 - t1});
  }
  const exactResults = [];
  for (const q of exact) {
    const plain = await searcher.search(q);
    const result = plain.length ? null : await NewsFuzzy.fallback(searcher, q, distances);
    const shown = plain.length ? plain : (result ? result.hits : []);
    exactResults.push({plain: plain.map(h => h.ref), shown: shown.map(h => h.ref)});
  }
  return {typos: typoResults, exact: exactResults, formsMs};
}"""


def evaluate(browser, base_url: str, site: CorpusSite, typos: Sequence[Typo], exact: Sequence[str],
             distances: Sequence[Sequence[int]] | None = None) -> dict:
    """In a fresh page (no shard loaded yet): per typo query the plain hit
    count, the fallback's first five URLs, hit count, corrected query and the
    times of the plain search and of the fallback after it; per exact query
    the refs without and with the fallback; the display table's load time."""
    page = browser.new_page()
    page.goto(f"{base_url}/eval.html")
    result = page.evaluate(EVALUATE, {"meta": site.meta, "display": site.display, "typos": [t.query for t in typos],
                                      "exact": list(exact), "distances": distances})
    page.close()
    return result


def success_at_5(typos: Sequence[Typo], results: Sequence[dict]) -> float:
    return sum(bool(set(t.urls) & set(r["top"])) for t, r in zip(typos, results)) / len(typos)


def exact_queries(typos: Sequence[Typo]) -> list[str]:
    """Correctly spelled queries: each typo's word, common words, AND pairs
    with and without hits, a field, a wildcard, an exclusion, transliteration."""
    words = [t.word for t in typos]
    return words + [
        "Wien", "Regierung", "Österreich", "Oesterreich", "Flüchtlinge", "Polizei Wien", "Euro Prozent",
        "Fußball", "title:Wien", "Flücht*", "+Wien -Rapid", "Schule Kinder", "Bundeskanzler",
        f"{words[0]} {words[1]}", f"{words[2]} Wien", "Regierung Tarantino", "Loewe",
    ]
