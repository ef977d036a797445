"""The whole site at archive scale: a full build from a cold tagging cache, then rebuilds.

    flock /tmp/heavy.lock .venv/bin/python bench/scale_bench.py [--copies 49]

The content is the corpus replicated `--copies` times (49: 50,372 articles),
converted once into bench/work/content-xN (shared with incremental_bench.py).
One job, in this order, each run's wall and CPU seconds and peak resident
memory (the largest process's, wait4) with the load average when it started:

- a full build with every plugin (`make html FULL=1`) from empty caches and an
  empty output folder: tagging, stories and search from nothing;
- a rebuild after adding one article, after editing one article's body, and
  with nothing changed (the default `make html`).

It ends with the number of tag pages and whether any two tags share a slug.
No plain Pelican run here (at this size it takes minutes): compare with
incremental_bench.py's ratios at 10,280 articles.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from collections import Counter

from incremental_bench import NEW_ARTICLE, PY, ROOT, WORK, measure, prepare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=49)
    args = parser.parse_args()
    content, count = prepare(args.copies)
    out, caches = WORK / f"scale-out-x{args.copies}", WORK / f"scale-caches-x{args.copies}"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(caches, ignore_errors=True)
    cmd = [PY, "-m", "pelican", str(content), "-o", str(out), "-s", str(ROOT / "pelicanconf.py"),
           "--extra-settings", f'AUTOTAG_CACHE_PATH="{caches / "autotag"}"', f'CACHE_PATH="{caches / "cache"}"']
    commit = os.environ.get("BENCH_COMMIT") or subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"{count} articles (corpus x{args.copies}, replicated), commit {commit}", flush=True)
    articles = sorted((content / "articles").glob("*.md"))
    edited = articles[len(articles) // 2]
    original = edited.read_text(encoding="utf-8")
    new = content / "articles" / "neue-meldung-scale.md"
    rows = []

    def record(name, full=False):
        result = measure(cmd, {"INCREMENTAL_FULL_BUILD": "1" if full else "", "LOCAL_IMAGES_DOWNLOAD": "0"})
        rows.append((name, result))
        print(f"  {name}: {result['wall']:.1f} s wall, {result['cpu']:.1f} s CPU, {result['mb']:.0f} MB, "
              f"load {result['load']:.1f}  {result['summary']}", flush=True)

    try:
        record("full build, cold caches (FULL=1)", full=True)
        new.write_text(NEW_ARTICLE.format(n="scale", minute=7), encoding="utf-8")
        record("one article added")
        edited.write_text(original + "\nEin weiterer Satz.\n", encoding="utf-8")
        record("one body edited")
        record("nothing changed")
    finally:
        edited.write_text(original, encoding="utf-8")
        new.unlink(missing_ok=True)
    print(f"\n| build ({count:,} articles) | wall s | CPU s | peak MB | load |")
    print("|---|---:|---:|---:|---:|")
    for name, r in rows:
        print(f"| {name} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['mb']:.0f} | {r['load']:.1f} |")
    tag_pages = sorted((out / "tag").glob("*.html"))
    names = Counter(p.name.lower() for p in tag_pages)
    print(f"\n{len(tag_pages):,} tag pages; tag slugs unique: {all(n == 1 for n in names.values())}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
