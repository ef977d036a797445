"""Time the seed-to-site pipeline against plain Pelican on the same content.

    .venv/bin/python bench/build_bench.py [--copies 1] [--runs 3]

Writes into bench/work/ (ignored by git). Prints, for the corpus set (and a
replicated one with --copies 10): converting all seeds into an empty content
folder, a no-change rerun, and `make html` beside plain Pelican (default
theme, bench/plain_pelicanconf.py) on the same converted content, runs
interleaved, medians and ratios. `make html` is timed three ways: the spine
(converter and theme, no tagging or search), with tagging, and the full
pipeline. The machine is shared: trust ratios.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from make_seeds import write_seeds

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
PY = sys.executable
# PLUGINS for each `make html` variant (None: pelicanconf.py as it is).
VARIANTS = {
    "spine": ["fast_markdown", "sources", "digest_theme"],
    "+ tagging": ["fast_markdown", "sources", "digest_theme", "autotag"],
    "full": None,
}


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


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
        cold.append(timed(convert_cmd(seeds, content)))
    rerun = [timed(convert_cmd(seeds, content)) for _ in range(max(runs, 5))]
    ours: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
    plain = []
    for _ in range(runs):
        for variant, plugins in VARIANTS.items():
            opts = [] if plugins is None else [
                f"PELICANOPTS=--extra-settings PLUGINS={shlex.quote(json.dumps(plugins))}"]
            ours[variant].append(timed(["make", "-s", "html", f"SEEDDIR={seeds}", f"INPUTDIR={content}",
                                        f"OUTPUTDIR={WORK / ('out-' + name)}", *opts]))
        plain.append(timed([PY, "-m", "pelican", str(content), "-o", str(WORK / f"plain-{name}"),
                            "-s", str(ROOT / "bench" / "plain_pelicanconf.py"),
                            "--delete-output-directory"]))
    result = {"articles": count, "convert": statistics.median(cold), "rerun": statistics.median(rerun),
              "plain pelican": statistics.median(plain)}
    for variant, times in ours.items():
        result[variant] = statistics.median(times)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="seed-to-site timings")
    parser.add_argument("--copies", type=int, nargs="+", default=[1], help="corpus copies per set (e.g. 1 10)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    columns = " | ".join(f"make html, {v} (s, ratio)" for v in VARIANTS)
    print(f"| set | articles | convert (s) | no-change rerun (s) | plain Pelican (s) | {columns} |")
    print("|---|---:|---:|---:|---:|" + "---:|" * len(VARIANTS))
    for copies in args.copies:
        r = bench_set(copies, args.runs)
        label = "corpus" if copies == 1 else f"corpus ×{copies} (replicated)"
        cells = " | ".join(f"{r[v]:.2f} ({r[v] / r['plain pelican']:.2f}×)" for v in VARIANTS)
        print(f"| {label} | {r['articles']} | {r['convert']:.2f} | {r['rerun']:.2f} | "
              f"{r['plain pelican']:.2f} | {cells} |", flush=True)


if __name__ == "__main__":
    main()
