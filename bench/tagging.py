"""Automatic tagging on the 10kGNAD corpus: tag quality figures and build timings.

    .venv/bin/python bench/tagging.py [--runs 3]

Quality: the share of automatic tag assignments that another article shares,
tags per article, the 30 most frequent tags. Timing (bench/work/tagging/,
ignored by git): plain Pelican (bench/plain_pelicanconf.py) against the same
settings plus the autotag plugin with an empty cache (cold) and a filled one
(warm), and against plain Pelican given the same tags as `Tags:` metadata
(what building the tag pages alone costs). Runs interleaved; medians, ratios.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter

from make_seeds import write_seeds
from tagging_corpus import ROOT, corpus_fields, tag_site

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


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def pelican(content, out, *extra: str) -> list[str]:
    return [PY, "-m", "pelican", str(content), "-o", str(out), "-s", CONF, "--delete-output-directory",
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
    plugin = [f"PLUGIN_PATHS={json.dumps([str(ROOT / 'plugins')])}", 'PLUGINS=["autotag"]',
              f"AUTOTAG_CACHE_PATH={json.dumps(str(cache))}"]
    results: dict[str, list[float]] = {"plain": [], "cold": [], "warm": [], "plain+tags": []}
    for _ in range(runs):
        results["plain"].append(timed(pelican(content, WORK / "out-plain")))
        shutil.rmtree(cache, ignore_errors=True)
        results["cold"].append(timed(pelican(content, WORK / "out-autotag", *plugin)))
        results["warm"].append(timed(pelican(content, WORK / "out-autotag", *plugin)))
        results["plain+tags"].append(timed(pelican(tagged, WORK / "out-tagged")))
    med = {k: statistics.median(v) for k, v in results.items()}
    print(f"\n| build ({runs} runs, median) | seconds | × plain Pelican | × plain Pelican with the same tags |")
    print("|---|---:|---:|---:|")
    for label, key in (("plain Pelican", "plain"), ("plain Pelican, same tags as metadata", "plain+tags"),
                       ("with autotag, cold cache", "cold"), ("with autotag, warm cache", "warm")):
        print(f"| {label} | {med[key]:.2f} | {med[key] / med['plain']:.2f} | {med[key] / med['plain+tags']:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description="autotag quality and timings on the corpus")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tags = quality()
    content, tagged = prepare(tags)
    timings(content, tagged, args.runs)


if __name__ == "__main__":
    main()
