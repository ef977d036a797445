"""Time the seed-to-site pipeline against plain Pelican on the same content.

    .venv/bin/python bench/build_bench.py [--copies 1] [--runs 3]

Writes into bench/work/ (ignored by git). Prints, for the corpus set (and a
replicated one with --copies 10): converting all seeds into an empty content
folder, a no-change rerun, and `make html` beside plain Pelican (default
theme, bench/plain_pelicanconf.py) on the same converted content, runs
interleaved, medians and ratios. `make html` runs with FULL=1 (every page
rendered, every file read); bench/incremental_bench.py times the rebuilds. `make html` is timed four ways: the spine
(converter and theme, no tagging or search), with tagging (warm cache), and
the full pipeline with a warm and a cold tagging cache (emptied before the
build; a cold build loads HanTa and tags every article). Each build's peak
resident memory is the largest of its processes (wait4). The tagging cache
lives in bench/work/, apart from the project's own. The machine is shared:
trust ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import sys
from pathlib import Path

from interleave import run_peak
from make_seeds import write_seeds

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
PY = sys.executable
# Each `make html` variant: PLUGINS (None: pelicanconf.py as it is) and
# whether the tagging cache is emptied first. The cold build comes first in
# each round, so the cache it fills makes the others warm.
VARIANTS = {
    "full, cold tagging": (None, True),
    "spine": (["fast_markdown", "sources", "digest_theme"], False),
    "+ tagging": (["fast_markdown", "sources", "digest_theme", "autotag"], False),
    "full": (None, False),
}
TAG_CACHE = WORK / "autotag-cache"


def convert_cmd(seeds: Path, content: Path) -> list[str]:
    return [PY, "-m", "seed_converter", "-q", "--seeds", str(seeds), "--content", str(content / "articles")]


def bench_set(copies: int, runs: int) -> dict[str, float]:
    name = f"x{copies}"
    seeds, content = WORK / f"seeds-{name}", WORK / f"content-{name}"
    shutil.rmtree(seeds, ignore_errors=True)
    count = write_seeds(seeds, copies)
    cold = []
    for _ in range(runs):
        shutil.rmtree(content, ignore_errors=True)
        cold.append(run_peak(convert_cmd(seeds, content), ROOT)[0])
    rerun = [run_peak(convert_cmd(seeds, content), ROOT)[0] for _ in range(max(runs, 5))]
    builds: dict[str, list[tuple[float, float]]] = {variant: [] for variant in ["plain pelican", *VARIANTS]}
    for _ in range(runs):
        for variant, (plugins, cold_cache) in VARIANTS.items():
            if cold_cache:
                shutil.rmtree(TAG_CACHE, ignore_errors=True)
            settings = [f"AUTOTAG_CACHE_PATH={shlex.quote(json.dumps(str(TAG_CACHE)))}"]
            if plugins is not None:
                settings.append(f"PLUGINS={shlex.quote(json.dumps(plugins))}")
            builds[variant].append(run_peak([
                "make", "-s", "html", "FULL=1", f"SEEDDIR={seeds}", f"INPUTDIR={content}",
                f"OUTPUTDIR={WORK / ('out-' + name)}", f"PELICANOPTS=--extra-settings {' '.join(settings)}"], ROOT))
        builds["plain pelican"].append(run_peak([
            PY, "-m", "pelican", str(content), "-o", str(WORK / f"plain-{name}"),
            "-s", str(ROOT / "bench" / "plain_pelicanconf.py"), "--delete-output-directory"], ROOT))
    result = {"articles": count, "convert": statistics.median(cold), "rerun": statistics.median(rerun)}
    for variant, runs_of in builds.items():
        result[variant] = (statistics.median(t for t, _ in runs_of), max(m for _, m in runs_of))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="seed-to-site timings")
    parser.add_argument("--copies", type=int, nargs="+", default=[1], help="corpus copies per set (e.g. 1 10)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the start")
    columns = " | ".join(f"make html, {v}: s (×), MB (×)" for v in VARIANTS)
    print(f"| set | articles | convert (s) | no-change rerun (s) | plain Pelican: s, MB | {columns} |")
    print("|---|---:|---:|---:|---:|" + "---:|" * len(VARIANTS))
    for copies in args.copies:
        r = bench_set(copies, args.runs)
        label = "corpus" if copies == 1 else f"corpus ×{copies} (replicated)"
        plain_s, plain_mb = r["plain pelican"]
        cells = " | ".join(f"{r[v][0]:.2f} ({r[v][0] / plain_s:.2f}×), {r[v][1]:.0f} ({r[v][1] / plain_mb:.2f}×)"
                           for v in VARIANTS)
        print(f"| {label} | {r['articles']} | {r['convert']:.2f} | {r['rerun']:.2f} | "
              f"{plain_s:.2f}, {plain_mb:.0f} | {cells} |", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
