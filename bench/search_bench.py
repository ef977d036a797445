"""Search budgets on the 10kGNAD corpus, beside plain Pelican in the same run.

    .venv/bin/python bench/search_bench.py [--copies 1] [--runs 3] [--full]

`--copies 10` replicates the corpus ten times (10,280 articles; copy k > 1
has ` (Teil k)` in its headline, bench/make_seeds.py): a replicated set,
not ten times as many distinct words. Prints, with the load average before
and after:

- build time and peak memory of plain Pelican (bench/plain_pelicanconf.py)
  with and without the lunr_search plugin, runs interleaved, medians and
  ratios; with `--full` also the project's own build (pelicanconf.py:
  theme, tagging and search), one run, against the plain medians;
- the search files: count and bytes (raw and gzip -9) of index shards,
  store chunks and the meta file;
- in Debian's Chromium over loopback (no HTTP compression there, so bytes are
  counted as the gzip -9 size of each file fetched): from opening
  search.html?q=Wien to the first page of results shown, and where that time
  went (PHASES: medians from the page's Navigation and Resource Timing and
  the moment the first hit was filled, seen by a MutationObserver); the median query
  time once a query's shards are loaded; for each query of QUERIES opened
  fresh, the search data fetched (median); for the 20 QUERIES typed one
  after the other on one page, the data fetched in all and the JS heap
  after garbage collection; search data counts the index shards, store
  chunks, facets, term list and the articles' text files fetched;
- typing "Flüchtlinge Wien" letter by letter into the page (3 fresh pages),
  each key at once and 150 ms after the last results (KEY_PAUSES): each
  keystroke to its results shown;
- with `--lighthouse DIR`: Lighthouse (mobile) on
  search.html?q=Flüchtlinge Wien.

`--browser-only` skips the builds and measures the site the last run built
(bench/work/search-site-x<copies>, or `--site DIR`); `--compare DIR` also
opens another built site (e.g. an older commit's), the loads of both
interleaved, and prints the first-result figures, phases and keystrokes of each. `--settled-window` opens each
fresh page on about:blank first and waits a second before opening the search:
a new window of Debian's Chromium loads its own omnibox UI (a WebUI renderer,
over a second of CPU), which on two shared cores competes with the page; it
also waits for the result without Playwright's polling (whose injected
script is compiled on the page's main thread).

Writes into bench/work/ (ignored by git).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import quote, urlparse

from interleave import run_peak
from make_seeds import write_seeds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = ROOT / "bench" / "work"
PY = sys.executable
QUERIES = ["Wien", "Rapid Wien", "Politik", "Österreich", "Oesterreich", "Flücht*", "Regierung Kanzler",
           "title:Wien", "Euro Prozent", "Fußball", "Schule", "Trump", "Polizei", "Wahl*", "Klima",
           "Apple", "Bundesliga", "Griechenland Schulden", "Facebook", "Wetter"]


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def pelican(content: Path, output: Path, conf: str, settings: dict | None = None) -> list[str]:
    cmd = [PY, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / conf),
           "--delete-output-directory"]
    if settings:
        cmd += ["--extra-settings", *[f"{k}={json.dumps(v)}" for k, v in settings.items()]]
    return cmd


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


KINDS = {"de": "index shards", "en": "index shards", "store": "store chunks", "meta": "meta"}


def search_files(site: Path) -> None:
    """Index shards, store chunks and meta; other files (the facets, the term
    list and display forms of the fallbacks, the articles' texts for
    snippets and phrases, each fetched only when needed) listed apart."""
    groups: dict[str, list[Path]] = {}
    for path in sorted((site / "search").glob("*.json")):
        groups.setdefault(KINDS.get(path.name.split(".")[0], f"other: {path.name.split('.')[0]}"), []).append(path)
    groups["texts (one per article)"] = sorted((site / "search" / "text").glob("*.txt"))
    total, files = 0, 0
    for kind, paths in groups.items():
        packed = [gzip_size(p) for p in paths]
        if kind in KINDS.values():
            total, files = total + sum(packed), files + len(paths)
        print(f"{kind}: {len(paths)} files, {sum(p.stat().st_size for p in paths) / 1e6:.2f} MB raw, "
              f"{sum(packed) / 1e6:.3f} MB gzip (largest {max(packed) / 1e3:.1f} KB)")
    print(f"index + store + meta: {files} files, {total / 1e6:.3f} MB gzip")


# In-page record of when the first hit was filled and the first page was
# complete (an init script: Playwright adds it outside the page's CSP).
OBSERVER = """
window.__searchTimes = {};
new MutationObserver(function () {
  var list = document.getElementById('search-results'), t = window.__searchTimes;
  if (!list) return;
  if (t.first === undefined && list.querySelector('li:not([aria-busy])')) t.first = performance.now();
  if (t.all === undefined && t.first !== undefined && list.getAttribute('aria-busy') === 'false') {
    t.all = performance.now();
    console.log('search-bench: done');
  }
}).observe(document, {subtree: true, childList: true, attributes: true});
"""
PHASES = [("html", "HTML received"), ("scripts_received", "scripts received"), ("scripts_run", "scripts run (DCL)"),
          ("meta", "meta file received"), ("shard_start", "query shard requested"), ("shard_end", "received"),
          ("store_start", "first store chunk requested"), ("store_end", "received"), ("first", "first result"),
          ("all", "first page complete")]
TIMINGS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const path = r => new URL(r.name).pathname;
  const first = (test, key) => { const r = res.filter(r => test(path(r))); return r.length ? Math.min(...r.map(x => x[key])) : null; };
  const scripts = res.filter(r => r.initiatorType === 'script' && !path(r).endsWith('search-field.js'));
  return Object.assign({
    html: nav.responseEnd, scripts_run: nav.domContentLoadedEventEnd,
    scripts_received: scripts.length ? Math.max(...scripts.map(r => r.responseEnd)) : null,
    meta: first(p => /\/meta\.[0-9a-f]+\.json$/.test(p), 'responseEnd'),
    shard_start: first(p => /\/(de|en)\.[0-9a-f]+\.json$/.test(p), 'startTime'),
    shard_end: first(p => /\/(de|en)\.[0-9a-f]+\.json$/.test(p), 'responseEnd'),
    store_start: first(p => /\/store\.[0-9a-f]+\.json$/.test(p), 'startTime'),
    store_end: first(p => /\/store\.[0-9a-f]+\.json$/.test(p), 'responseEnd'),
  }, window.__searchTimes);
}"""


def first_result(browser, base: str, settled: bool) -> dict:
    """One fresh page opening search.html?q=Wien: PHASES and, unless
    `settled`, the first result and the first page as Playwright's polling
    saw them (the figure measured so far; its time origin is navigation start)."""
    from playwright.sync_api import expect

    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(OBSERVER)
    polled = {}
    if settled:
        page.goto("about:blank")
        page.wait_for_timeout(1000)
        with page.expect_event("console", lambda m: m.text == "search-bench: done", timeout=20_000):
            page.goto(f"{base}/search.html?q=Wien", wait_until="commit")
    else:
        page.goto(f"{base}/search.html?q=Wien", wait_until="commit")
        expect(page.locator("#search-results > li:not([aria-busy])").first).to_be_attached(timeout=20_000)
        polled["first_polled"] = page.evaluate("performance.now()")
        expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1, timeout=20_000)
        polled["all_polled"] = page.evaluate("performance.now()")
    page.wait_for_function("window.__searchTimes.all !== undefined")
    times = page.evaluate(TIMINGS) | polled
    context.close()
    return times


TYPED = "Flüchtlinge Wien"
# In the page: each prefix of the text (from its first letter) typed as an input
# event, the time until #search-results is no longer busy (its hits shown);
# the next key `pause` ms after that (0: at once, as no one types; a typist's
# keys come 150-300 ms apart).
KEY_PAUSES = (0, 150)
KEYSTROKES = """async ([text, pause]) => {
  const input = document.getElementById('search-query'), list = document.getElementById('search-results');
  const times = [];
  for (let n = 1; n <= text.length; n++) {
    const t0 = performance.now();
    const done = new Promise(resolve => {
      const observer = new MutationObserver(() => {
        if (list.getAttribute('aria-busy') === 'false') { observer.disconnect(); resolve(); }
      });
      observer.observe(list, {attributes: true});
    });
    input.value = text.slice(0, n);
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await done;
    times.push(performance.now() - t0);
    await new Promise(resolve => setTimeout(resolve, pause));
  }
  return times;
}"""


def keystroke_summary(keys: list[float], pause: int) -> str:
    later = [k for i, k in enumerate(keys) if i % len(TYPED)]
    return (f"typing {TYPED!r} letter by letter ({len(keys) // len(TYPED)} fresh pages), the next key {pause} ms "
            f"after the results, each keystroke to its results shown: median {statistics.median(keys):.0f} ms, "
            f"90th percentile {sorted(keys)[int(0.9 * len(keys))]:.0f} ms, max {max(keys):.0f} ms "
            f"(after each page's first key: 90th percentile {sorted(later)[int(0.9 * len(later))]:.0f} ms, "
            f"max {max(later):.0f} ms)")


def lighthouse_search(site: Path, reports: Path) -> dict[str, int]:
    """Lighthouse (mobile, its default) on search.html?q=Flüchtlinge Wien."""
    from tests.support.browser import CHROMIUM, serve

    lighthouse = ROOT / "node_modules" / ".bin" / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    with serve(site) as base:
        subprocess.run([str(lighthouse), f"{base}/search.html?q={quote('Flüchtlinge Wien')}", "--quiet",
                        "--output=json", "--output=html", f"--output-path={reports / 'search'}",
                        "--only-categories=performance,accessibility,best-practices",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                       cwd=ROOT, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    report = json.loads((reports / "search.report.json").read_text(encoding="utf-8"))
    scores = {c: round(v["score"] * 100) for c, v in report["categories"].items()}
    audits = report["audits"]
    scores |= {k: audits[k]["displayValue"] for k in ("largest-contentful-paint", "cumulative-layout-shift",
                                                      "total-blocking-time") if k in audits}
    return scores


def browser_figures(site: Path, loads: int, compare: list[Path] = (), settled: bool = False) -> None:
    """The browser figures of `site`; with `compare`, only the first-result
    and keystroke figures, of each site."""
    from playwright.sync_api import expect, sync_playwright

    from tests.support.browser import launch, serve

    sizes: dict[str, int] = {}

    def data_bytes(urls: list[str]) -> int:
        total = 0
        for url in urls:
            path = urlparse(url).path
            if path.startswith("/search/") and path.endswith((".json", ".txt")):  # data, not the page's script
                if path not in sizes:
                    sizes[path] = gzip_size(site / path.lstrip("/"))
                total += sizes[path]
        return total

    def opened(browser, base, query):
        context = browser.new_context()
        page = context.new_page()
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto(f"{base}/search.html?q={quote(query)}")
        expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
        return context, page, urls

    with sync_playwright() as p, serve(site) as base, ExitStack() as others:
        browser = launch(p)
        sites = {site: base} | {other: others.enter_context(serve(other)) for other in compare}
        loaded: dict[Path, list[dict]] = {s: [] for s in sites}
        for round_ in range(loads):  # interleaved, in turns, so load changes hit every site alike
            for one, url in list(sites.items())[::1 if round_ % 2 == 0 else -1]:
                loaded[one].append(first_result(browser, url, settled))
        for one, runs in loaded.items():
            if compare:
                print(f"site {one}:")
            if not settled:
                first_hit = [r["first_polled"] for r in runs]
                page_full = [r["all_polled"] for r in runs]
                scripts_done = [r["scripts_run"] for r in runs]
                print(f"Chromium, open search.html?q=Wien to the first result shown: median "
                      f"{statistics.median(first_hit):.0f} ms {[round(t) for t in first_hit]}; to all ten of the "
                      f"first page: median {statistics.median(page_full):.0f} ms {[round(t) for t in page_full]}; "
                      f"of which until the page's scripts have run (DOMContentLoaded): median "
                      f"{statistics.median(scripts_done):.0f} ms")
            exact = [r["first"] for r in runs]
            print(f"{'settled window, ' if settled else ''}first result seen in the page (MutationObserver): median "
                  f"{statistics.median(exact):.0f} ms {[round(t) for t in exact]}")
            print("  phases (median ms after navigation start): " + ", ".join(
                f"{name} {statistics.median(r[key] for r in runs):.0f}" for key, name in PHASES
                if all(r.get(key) is not None for r in runs)))
        if compare:
            for pause in KEY_PAUSES:  # the keystrokes too, pages of the sites in turns
                keys: dict[Path, list[float]] = {one: [] for one in sites}
                for round_ in range(3):
                    for one, url in list(sites.items())[::1 if round_ % 2 == 0 else -1]:
                        context, page, _urls = opened(browser, url, "")
                        keys[one] += page.evaluate(KEYSTROKES, [TYPED, pause])
                        context.close()
                for one, times in keys.items():
                    print(f"site {one}: " + keystroke_summary(times, pause))
            browser.close()
            return

        first = []
        for query in QUERIES:
            context, _page, urls = opened(browser, base, query)
            first.append(data_bytes(urls))
            context.close()
        print(f"first query, search data fetched (gzip): median {statistics.median(first) / 1e3:.0f} KB, "
              f"max {max(first) / 1e3:.0f} KB over {len(QUERIES)} queries")

        context, page, urls = opened(browser, base, "")
        for query in QUERIES:
            page.fill("#search-query", query)
            page.press("#search-query", "Enter")
            page.wait_for_function("q => new URL(location.href).searchParams.get('q') === q", arg=query)
            expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
        cdp = context.new_cdp_session(page)
        cdp.send("HeapProfiler.collectGarbage")
        heap = cdp.send("Runtime.getHeapUsage")["usedSize"]
        print(f"{len(QUERIES)} queries in a row: {data_bytes(urls) / 1e3:.0f} KB search data fetched (gzip), "
              f"JS heap {heap / 1e6:.1f} MB after them")
        times = page.evaluate("""async (queries) => {
            const meta = await (await fetch(document.getElementById('search-results').dataset.meta)).json();
            const searcher = new NewsSearch.Searcher(meta, new URL('./', location.href),
                                                     url => fetch(url).then(r => r.json()),
                                                     url => fetch(url).then(r => r.text()));
            for (const q of queries) await searcher.search(q);  // shards loaded
            const times = [];
            for (let round = 0; round < 5; round++) for (const q of queries) {
                const t = performance.now(); await searcher.search(q); times.push(performance.now() - t);
            }
            return times;
        }""", QUERIES)
        print(f"Chromium, query time with its shards loaded: median {statistics.median(times):.2f} ms "
              f"({len(QUERIES)} queries x 5)")
        context.close()
        for pause in KEY_PAUSES:
            keys = []
            for _ in range(3):
                context, page, _urls = opened(browser, base, "")
                keys += page.evaluate(KEYSTROKES, [TYPED, pause])
                context.close()
            print(keystroke_summary(keys, pause))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="search budgets")
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--full", action="store_true", help="also time pelicanconf.py (theme, tagging, search)")
    parser.add_argument("--browser-only", action="store_true",
                        help="no builds: the browser figures of the site the last run built")
    parser.add_argument("--site", type=Path, help="with --browser-only: this built site instead")
    parser.add_argument("--compare", type=Path, action="append", default=[], metavar="DIR",
                        help="another built site to open, interleaved (first-result figures only)")
    parser.add_argument("--loads", type=int, default=5, help="fresh pages per site for the first result")
    parser.add_argument("--settled-window", action="store_true",
                        help="open the search in a window that has finished opening (see the module docstring)")
    parser.add_argument("--lighthouse", type=Path, metavar="DIR",
                        help="also Lighthouse on search.html?q=Flüchtlinge Wien, reports into DIR")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    name = f"x{args.copies}"
    site = args.site or WORK / f"search-site-{name}"
    if args.browser_only:
        if not (site / "search.html").is_file():
            raise SystemExit(f"{site} has no search.html: run without --browser-only first")
        print(f"site: {site} (built before); load average (1/5/15 min) at start: {load()}")
        browser_figures(site, args.loads, args.compare, args.settled_window)
        if args.lighthouse:
            print(f"lighthouse, search.html?q=Flüchtlinge Wien: {lighthouse_search(site, args.lighthouse)}")
        print(f"load average (1/5/15 min) at end: {load()}")
        return
    seeds, content = WORK / f"search-seeds-{name}", WORK / f"search-content-{name}"
    shutil.rmtree(seeds, ignore_errors=True)
    count = write_seeds(seeds, args.copies)
    if not (content / "articles").is_dir() or len(list((content / "articles").glob("*.md"))) != count:
        shutil.rmtree(content, ignore_errors=True)
        subprocess.run([PY, "-m", "seed_converter", "-q", "--seeds", str(seeds), "--content",
                        str(content / "articles")], cwd=ROOT, check=True)
    print(f"articles: {count}" + (" (corpus replicated ×%d)" % args.copies if args.copies > 1 else ""))
    print(f"load average (1/5/15 min) at start: {load()}")
    with_search = {"PLUGIN_PATHS": [str(ROOT / "plugins")], "PLUGINS": ["lunr_search"]}
    plain, ours = [], []
    for _ in range(args.runs):
        plain.append(run_peak(pelican(content, WORK / f"search-plain-{name}", "bench/plain_pelicanconf.py"), ROOT))
        ours.append(run_peak(pelican(content, WORK / f"search-plugin-{name}", "bench/plain_pelicanconf.py",
                                     with_search), ROOT))
    plain_s, ours_s = statistics.median(t for t, _ in plain), statistics.median(t for t, _ in ours)
    plain_mb, ours_mb = max(m for _, m in plain), max(m for _, m in ours)
    print(f"build, plain Pelican: median {plain_s:.2f} s {[round(t, 2) for t, _ in plain]}, peak {plain_mb:.0f} MB")
    print(f"build, plain Pelican + lunr_search: median {ours_s:.2f} s {[round(t, 2) for t, _ in ours]}, "
          f"peak {ours_mb:.0f} MB")
    print(f"ratio: time {ours_s / plain_s:.2f}, peak memory {ours_mb / plain_mb:.2f}")

    from tests.search.conftest import SEARCH_SETTINGS
    seconds, peak = run_peak(pelican(content, site, "pelicanconf.py", SEARCH_SETTINGS), ROOT)
    print(f"site for the browser (pelicanconf.py, theme + search, no tagging): {seconds:.2f} s, peak {peak:.0f} MB")
    if args.full:
        seconds, peak = run_peak(pelican(content, WORK / f"search-full-{name}", "pelicanconf.py"), ROOT)
        print(f"full build (pelicanconf.py: theme, tagging, search; cache as left): {seconds:.2f} s, "
              f"peak {peak:.0f} MB; × plain: time {seconds / plain_s:.2f}, memory {peak / plain_mb:.2f}")
    search_files(WORK / f"search-plugin-{name}")
    browser_figures(site, args.loads, args.compare, args.settled_window)
    if args.lighthouse:
        print(f"lighthouse, search.html?q=Flüchtlinge Wien: {lighthouse_search(site, args.lighthouse)}")
    print(f"load average (1/5/15 min) at end: {load()}")


if __name__ == "__main__":
    main()
