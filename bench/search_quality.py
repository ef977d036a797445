"""success@5 of the project's search page and of Pagefind 1.6 on the same
built site, in the same run, over bench/search_queries.json.

    .venv/bin/python bench/search_quality.py SITE [--queries bench/search_queries.json] [--no-pagefind]

SITE is a built site (e.g. `make html`'s output/ or bench/work/search-site-x1).
Pagefind (node_modules/.bin/pagefind, pinned in package.json) indexes its
article pages (`--glob "articles/**/*.html"`) into a copy of SITE. Both are
queried in Debian's Chromium over loopback: ours by opening
search.html?q=... (the page as a reader gets it: the word being typed, the
fallbacks and the phrase check included), Pagefind through its own JS API
(`pagefind.search(q)`, the first five results' URLs). A query succeeds when
its article is among the first five. Prints a table per category; `--json`
writes the per-query results.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote, urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"

PAGEFIND_SEARCH = """async (queries) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const out = [];
  for (const q of queries) {
    const search = await pagefind.search(q);
    const data = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
    out.push(data.map(d => d.url));
  }
  return out;
}"""


def pagefind_site(site: Path, work: Path) -> Path:
    """A copy of `site` with Pagefind's index of its article pages."""
    copy = work / "pagefind-site"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(site, copy)
    subprocess.run([str(PAGEFIND), "--site", str(copy), "--glob", "articles/**/*.html", "--quiet"],
                   check=True, cwd=ROOT)
    return copy


def path_of(url: str) -> str:
    return urlparse(url).path.lstrip("/")


def ours(browser, base: str, queries: list[dict]) -> list[list[str]]:
    from playwright.sync_api import expect

    context = browser.new_context()
    page = context.new_page()
    found = []
    for q in queries:
        page.goto(f"{base}/search.html?q={quote(q['query'])}")
        expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1, timeout=30_000)
        found.append([path_of(h) for h in page.locator("#search-results a.search-hit-link").evaluate_all(
            "links => links.slice(0, 5).map(a => a.href)")])
    context.close()
    return found


def theirs(browser, base: str, queries: list[dict]) -> list[list[str]]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/index.html")
    found = page.evaluate(PAGEFIND_SEARCH, [q["query"] for q in queries])
    context.close()
    return [[path_of(u) for u in urls] for urls in found]


def table(queries: list[dict], results: dict[str, list[list[str]]]) -> str:
    by_category: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(queries):
        by_category[q["category"]].append(i)
    engines = list(results)
    lines = ["| category | queries | " + " | ".join(engines) + " |", "|---|---|" + "---|" * len(engines)]
    for category, items in [*by_category.items(), ("all", list(range(len(queries))))]:
        cells = []
        for engine in engines:
            hits = sum(path_of(queries[i]["url"]) in results[engine][i] for i in items)
            cells.append(f"{hits / len(items):.2f}")
        lines.append(f"| {category} | {len(items)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    from playwright.sync_api import sync_playwright

    from tests.support.browser import launch, serve

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--queries", type=Path, default=Path(__file__).with_name("search_queries.json"))
    parser.add_argument("--no-pagefind", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    queries = json.loads(args.queries.read_text(encoding="utf-8"))
    work = ROOT / "bench" / "work"
    work.mkdir(parents=True, exist_ok=True)
    print(f"load before: {os.getloadavg()[0]:.1f}")
    results: dict[str, list[list[str]]] = {}
    with sync_playwright() as p:
        browser = launch(p)
        with serve(args.site) as base:
            results["project"] = ours(browser, base, queries)
        if not args.no_pagefind:
            with serve(pagefind_site(args.site, work), csp=None) as base:
                results["Pagefind 1.6"] = theirs(browser, base, queries)
        browser.close()
    print(table(queries, results))
    print(f"load after: {os.getloadavg()[0]:.1f}")
    if args.json:
        args.json.write_text(json.dumps([{**q, **{k: v[i] for k, v in results.items()}}
                                         for i, q in enumerate(queries)], ensure_ascii=False, indent=1),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
