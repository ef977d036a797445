"""Automatic tagging on the 10kGNAD corpus: tag quality figures and build timings.

    .venv/bin/python bench/tagging.py [--runs 3]

Quality: the share of automatic tag assignments that another article shares,
tags per article, the 30 most frequent tags. Timing (bench/work/tagging/,
ignored by git): the site's build (pelicanconf.py: the theme, its plugins
and autotag; lunr_search and its search page off) with an empty autotag
cache (cold) and a filled one (warm), and the same without autotag (the
theme alone), against two baselines: plain Pelican (bench/plain_pelicanconf.py:
default theme, no plugins) on the same content, as issue 4 states its
budget, and plain Pelican given the same tags as `Tags:` metadata (it then
writes the same tag pages). Runs interleaved (bench/interleave.py); medians,
ratios, the load average at each run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter

from interleave import Build, interleave, table
from make_seeds import write_seeds
from tagging_corpus import ROOT, corpus_fields, tag_site

sys.path.insert(0, str(ROOT))

WORK = ROOT / "bench" / "work" / "tagging"
PY = sys.executable
CONF = str(ROOT / "bench" / "plain_pelicanconf.py")


def quality() -> dict[str, list[str]]:
    start = time.perf_counter()
    tags = tag_site({str(i): f for i, f in enumerate(corpus_fields())})
    seconds = time.perf_counter() - start
    counts = Counter(t for ts in tags.values() for t in ts)
    assignments = sum(counts.values())
    shared = sum(n for n in counts.values() if n >= 2)
    per_article = [len(ts) for ts in tags.values()]
    print(f"articles: {len(tags)}; core tagging (extraction and ranking, cold, no Pelican): {seconds:.2f} s")
    print(f"automatic tag assignments: {assignments}; shared with another article: "
          f"{shared} ({shared / assignments:.0%}); distinct tags: {len(counts)}")
    print(f"tags per article: median {statistics.median(per_article)}, "
          f"articles without tags {per_article.count(0)}")
    print("30 most frequent: " + ", ".join(f"{t} ({n})" for t, n in counts.most_common(30)))
    return tags


def pelican(content, out, conf: str = CONF, *extra: str) -> list[str]:
    return [PY, "-m", "pelican", str(content), "-o", str(out), "-s", conf, "--delete-output-directory",
            *(["--extra-settings", *extra] if extra else [])]


def prepare(tags: dict[str, list[str]]):
    seeds, content, tagged = WORK / "seeds", WORK / "content", WORK / "content-tagged"
    for folder in (seeds, content, tagged):
        shutil.rmtree(folder, ignore_errors=True)
    write_seeds(seeds)
    subprocess.run([PY, "-m", "seed_converter", "-q", "--seeds", str(seeds), "--content",
                    str(content / "articles")], cwd=ROOT, check=True)
    shutil.copy(ROOT / "content" / "tags.toml", content / "tags.toml")
    (tagged / "articles").mkdir(parents=True)
    for path in sorted((content / "articles").glob("*.md")):
        index = str(int(path.read_text(encoding="utf-8").split("Seed: ", 1)[1].split("_")[1][:4]))
        text = path.read_text(encoding="utf-8")
        line = "Tags: " + ", ".join(tags[index]) + "\n" if tags[index] else ""
        (tagged / "articles" / path.name).write_text(line + text, encoding="utf-8")
    return content, tagged


def timings(content, tagged, runs: int) -> None:
    cache = WORK / "cache"
    site = str(ROOT / "pelicanconf.py")
    tagging = ['PLUGINS=["fast_markdown", "sources", "digest_theme", "autotag"]',
               f"AUTOTAG_CACHE_PATH={json.dumps(str(cache))}"]
    plain = Build("plain Pelican", pelican(content, WORK / "out-plain"))
    plain_tags = Build("plain Pelican, same tags as metadata", pelican(tagged, WORK / "out-tagged"))
    builds = [
        plain,
        plain_tags,
        Build("site, theme only (no autotag)",
              pelican(content, WORK / "out-theme", site, 'PLUGINS=["fast_markdown", "sources", "digest_theme"]')),
        Build("site with autotag, cold cache", pelican(content, WORK / "out-autotag", site, *tagging),
              before=lambda: shutil.rmtree(cache, ignore_errors=True)),
        Build("site with autotag, warm cache", pelican(content, WORK / "out-autotag", site, *tagging)),
    ]
    interleave(builds, runs, ROOT)
    print(f"\n{runs} interleaved runs, medians; load average now {os.getloadavg()[0]:.1f}")
    print(table(builds, [plain, plain_tags]))


def main() -> None:
    parser = argparse.ArgumentParser(description="autotag quality and timings on the corpus")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tags = quality()
    content, tagged = prepare(tags)
    timings(content, tagged, args.runs)


if __name__ == "__main__":
    main()
