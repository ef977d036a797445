"""The fuzzy fallback (issue 8) on the corpus in Debian's Chromium: quality and cost.

    cd bench && ../.venv/bin/python fuzzy_bench.py [--count 48] [--seed 8]

For the typo set of fuzzy_typos.py and two edit-distance rules (1 from 5
letters; and 2 from 10 letters), prints success@5, how often the named
correction is the original word, the median number of hits, and the median
time the fallback adds to a query (medians over all typo queries, 3 rounds);
and the first fallback of a fresh page (which loads all index shards);
then whether correctly spelled queries show exactly what they show without
the fallback, the display-form table's size and its fetch-and-read time, and
the load average.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import tempfile
from pathlib import Path

from fuzzy_eval import evaluate, exact_queries, success_at_5, write_corpus_site
from fuzzy_typos import FIELDS, make_typos

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
RULES = {"distance 1 from 5 letters": [[5, 1]], "and 2 from 10 letters": [[10, 2], [5, 1]]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from tests.support.browser import launch, serve

    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        site = write_corpus_site(folder)
        typos = make_typos(site.docs, FIELDS, args.count, args.seed)
        exact = exact_queries(typos)
        display = site.display_data
        print(f"articles: {len(site.docs)}; typo queries: {len(typos)}; exact queries: {len(exact)}")
        search_files = [p for p in (folder / "search").glob("*.json") if not p.name.startswith("display.")]
        index_store = sum(len(gzip.compress(p.read_bytes(), 9)) for p in search_files)
        packed = len(gzip.compress(display, 9))
        print(f"display-form table: {len(display) / 1e3:.0f} kB raw, {packed / 1e3:.0f} kB gzip -9; "
              f"with index shards, store chunks and meta ({len(search_files)} files, gzip -9 each, "
              f"{index_store / 1e6:.3f} MB): {(index_store + packed) / 1e6:.3f} MB")
        with sync_playwright() as p, serve(folder) as base:
            browser = launch(p)
            for name, rule in RULES.items():
                rounds = [evaluate(browser, base, site, typos, exact, rule) for _ in range(args.rounds)]
                first = rounds[0]
                # A fresh page's first fallback loads every index shard (a fuzzy
                # term can match anywhere); the later ones find them loaded.
                cold = [run["typos"][0]["fallbackMs"] for run in rounds]
                added = [r["fallbackMs"] for run in rounds for r in run["typos"][1:]]
                plain = [r["searchMs"] for run in rounds for r in run["typos"][1:]]
                named = sum(r["corrected"] is not None and r["corrected"].lower() == t.word.lower()
                            for t, r in zip(typos, first["typos"]))
                print(f"{name}: success@5 {success_at_5(typos, first['typos']):.2f}, "
                      f"correction = original word {named}/{len(typos)}, "
                      f"median hits {statistics.median(r['count'] for r in first['typos'])}, "
                      f"fallback adds median {statistics.median(added):.2f} ms "
                      f"(max {max(added):.1f}; the exact search before it {statistics.median(plain):.2f} ms); "
                      f"first fallback of a page, loading all shards: median {statistics.median(cold):.0f} ms")
                changed = [q for q, r in zip(exact, first["exact"]) if r["plain"] != r["shown"]]
                print(f"  exact queries changed by the fallback: {len(changed)} {changed}")
                print(f"  display table fetch + read: median {statistics.median(r['formsMs'] for r in rounds):.1f} ms")
                for t, r in zip(typos, first["typos"]):
                    if not set(t.urls) & set(r["top"]):
                        print(f"  miss: {t.kind} {t.query} ({t.word}) -> {r['corrected']}, {r['count']} hits")
            browser.close()
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
