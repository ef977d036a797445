"""Search budgets on the 10kGNAD corpus, beside plain Pelican in the same run.

    .venv/bin/python bench/search_bench.py [--runs 3]

Prints: build time of plain Pelican (bench/plain_pelicanconf.py) with and
without the lunr_search plugin, runs interleaved, medians and ratio; index and
store sizes (raw and gzip -9); and in Debian's Chromium over loopback, from
opening search.html?q=Wien to results shown, and the median query time.
Writes into bench/work/ (ignored by git).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from make_seeds import write_seeds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = ROOT / "bench" / "work"
PY = sys.executable
QUERIES = ["Wien", "Rapid Wien", "Politik", "Österreich", "Oesterreich", "Flücht*", "Regierung Kanzler",
           "title:Wien", "Euro Prozent", "Fußball", "Schule", "Trump", "Polizei", "Wahl*", "Klima"]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def pelican(content: Path, output: Path, conf: str, settings: dict | None = None) -> list[str]:
    cmd = [PY, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / conf),
           "--delete-output-directory"]
    if settings:
        cmd += ["--extra-settings", *[f"{k}={json.dumps(v)}" for k, v in settings.items()]]
    return cmd


def browser_figures(site: Path, runs: int) -> tuple[float, float]:
    from playwright.sync_api import expect, sync_playwright

    from tests.support.browser import launch, serve

    with sync_playwright() as p, serve(site) as base:
        browser = launch(p)
        shown = []
        for _ in range(runs):
            page = browser.new_page()
            page.goto(f"{base}/search.html?q=Wien")
            expect(page.locator("#search-results li").first).to_be_visible()
            # navigation start is performance's time origin
            shown.append(page.evaluate("performance.now()"))
            page.close()
        page = browser.new_page()
        page.goto(f"{base}/search.html")
        expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
        times = page.evaluate("""async (queries) => {
            const base = document.getElementById('search-results').dataset;
            const indexes = NewsSearch.loadIndexes(await (await fetch(base.index)).json());
            const times = [];
            for (let round = 0; round < 5; round++) for (const q of queries) {
                const t = performance.now(); NewsSearch.search(indexes, q); times.push(performance.now() - t);
            }
            return times;
        }""", QUERIES)
        browser.close()
    return statistics.median(shown), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description="search budgets")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    seeds, content = WORK / "search-seeds", WORK / "search-content"
    shutil.rmtree(seeds, ignore_errors=True)
    shutil.rmtree(content, ignore_errors=True)
    count = write_seeds(seeds, 1)
    subprocess.run([PY, "-m", "seed_converter", "-q", "--seeds", str(seeds), "--content",
                    str(content / "articles")], cwd=ROOT, check=True)
    with_search = {"PLUGIN_PATHS": [str(ROOT / "plugins")], "PLUGINS": ["lunr_search"]}
    plain, ours = [], []
    for _ in range(args.runs):
        plain.append(timed(pelican(content, WORK / "search-plain", "bench/plain_pelicanconf.py")))
        ours.append(timed(pelican(content, WORK / "search-plugin", "bench/plain_pelicanconf.py", with_search)))
    print(f"articles: {count}")
    print(f"build, plain Pelican: median {statistics.median(plain):.2f} s {[round(t, 2) for t in plain]}")
    print(f"build, plain Pelican + lunr_search: median {statistics.median(ours):.2f} s "
          f"{[round(t, 2) for t in ours]}")
    print(f"ratio: {statistics.median(ours) / statistics.median(plain):.2f}")
    total = 0
    for name in ("index", "store"):
        path = next((WORK / "search-plugin" / "search").glob(f"{name}.*.json"))
        data = path.read_bytes()
        packed = len(gzip.compress(data, 9))
        total += packed
        print(f"{name}: {len(data) / 1e6:.2f} MB raw, {packed / 1e6:.3f} MB gzip")
    print(f"index + store: {total / 1e6:.3f} MB gzip")

    from tests.search.conftest import SEARCH_SETTINGS
    site = WORK / "search-site"
    subprocess.run(pelican(content, site, "pelicanconf.py", SEARCH_SETTINGS), cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    shown, query = browser_figures(site, 5)
    print(f"Chromium, open search.html?q=Wien to results shown: median {shown:.0f} ms (5 loads)")
    print(f"Chromium, query time: median {query:.2f} ms ({len(QUERIES)} queries x 5)")


if __name__ == "__main__":
    main()
