"""Full builds and rebuilds at archive scale, interleaved with plain Pelican on the same content.

    flock /tmp/heavy.lock .venv/bin/python bench/incremental_bench.py --copies 10 [--runs 3]

The content set is the corpus replicated `--copies` times (bench/make_seeds.py,
converted into bench/work/content-xN; made once and reused), 40 articles a day
(spread_times) up to the day before the article the bench adds, so the days, months and tags are those of an archive. Every round runs,
in this order:

- plain Pelican (default theme, no plugins, bench/plain_pelicanconf.py), a full
  build into an emptied folder;
- this project's Pelican build with every plugin, forced full (FULL=1) with a
  warm tagging cache, which is what `make html FULL=1` runs after `content`;
- a rebuild after adding one article, after editing one article's body, and
  with nothing changed (incremental, the default `make html`);
- plain Pelican with its own content cache after adding one article (for
  reference: Pelican's best rebuild).

Each run's wall and CPU seconds (user + system, all its processes) and peak
resident memory (wait4) are recorded with the 1-minute load average when it
started; the table shows medians and ratios to plain Pelican's full build.
The converter (`make content`, a separate step of `make html`) is timed
apart: its no-change rerun. At the end the incremental output is compared
file by file with a fresh full build of the same content.
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from make_seeds import spread_times, write_seeds

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
PY = sys.executable
PER_DAY = 40
LAST_DAY = dt.datetime(2026, 12, 1, 6, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def measure(cmd: list[str], env: dict | None = None) -> dict:
    """Wall, CPU (user + system of the process and its children) and peak RSS (MB) of one run."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status:
        raise SystemExit(f"failed ({status}): {' '.join(cmd)}\n{output[-3000:]}")
    lines = [line for line in output.splitlines() if " pages written" in line]
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "mb": usage.ru_maxrss / 1024,
            "load": load, "summary": lines[-1] if lines else ""}


def prepare(copies: int) -> tuple[Path, int]:
    content = WORK / f"content-x{copies}"
    seeds = WORK / f"seeds-x{copies}"
    if not (content / "articles").is_dir() or not seeds.is_dir():
        shutil.rmtree(seeds, ignore_errors=True)
        write_seeds(seeds, copies)
        days = -(-len(list(seeds.glob("*.txt"))) // PER_DAY)
        spread_times(seeds, days, start=LAST_DAY - dt.timedelta(days=days - 1))  # up to the day before NEW_ARTICLE
        subprocess.run([PY, "-m", "seed_converter", "-q", "--seeds", str(seeds), "--content",
                        str(content / "articles")], cwd=ROOT, check=True)
    shutil.copy(ROOT / "content" / "tags.toml", content / "tags.toml")  # the shipped table, as it is now
    if (ROOT / "content" / "pages").is_dir():
        shutil.copytree(ROOT / "content" / "pages", content / "pages", dirs_exist_ok=True)
    return content, len(list((content / "articles").glob("*.md")))


def ours(content: Path, output: Path, full: bool = False) -> tuple[list[str], dict]:
    cmd = [PY, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"),
           "--extra-settings", f'AUTOTAG_CACHE_PATH="{WORK / "autotag-cache"}"',
           f'CACHE_PATH="{WORK / "cache"}"']
    return cmd, {"INCREMENTAL_FULL_BUILD": "1" if full else ""}


def plain(content: Path, output: Path, cached: bool = False) -> list[str]:
    cmd = [PY, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / "bench" / "plain_pelicanconf.py")]
    if cached:
        return cmd + ["--extra-settings", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true",
                      f'CACHE_PATH="{WORK / "plain-cache"}"']
    return cmd + ["--delete-output-directory"]


NEW_ARTICLE = """Title: Neue Meldung {n} aus Wien
Slug: neue-meldung-{n}
Date: 2026-12-02T09:{minute:02d}:00+01:00
Lang: de
Source: derStandard
Summary: Wien – In Wien hat der Gemeinderat am Dienstag über das Budget beraten ({n}).

Die Stadtregierung legte einen Entwurf vor. Die Opposition kritisierte die Pläne.
"""


def full_builds_without_search_caches(copies: int, runs: int) -> None:
    """`--search-anew`: plain Pelican, our FULL=1 with every cache, and our FULL=1 with the search
    plugin's analyses and last files removed first (its compound splits kept), interleaved."""
    content, count = prepare(copies)
    out, plain_out = WORK / f"inc-out-x{copies}", WORK / f"inc-plain-x{copies}"
    rows: dict[str, list[dict]] = {"plain Pelican, full": [], "ours, FULL=1, every cache kept": [],
                                   "ours, FULL=1, search analyses and files made anew": []}
    for _ in range(runs):
        rows["plain Pelican, full"].append(measure(plain(content, plain_out)))
        rows["ours, FULL=1, every cache kept"].append(measure(*ours(content, out, full=True)))
        for name in ("analysis.npz", "last-build.json"):
            (WORK / "cache" / "lunr_search" / name).unlink(missing_ok=True)
        rows["ours, FULL=1, search analyses and files made anew"].append(measure(*ours(content, out, full=True)))
    base = {k: statistics.median(r[k] for r in rows["plain Pelican, full"]) for k in ("wall", "cpu", "mb")}
    print(f"\n{count} articles, {runs} interleaved rounds, medians\n")
    print("| build | wall s | CPU s | peak MB | × plain full: wall, CPU, memory | load (min–max) |")
    print("|---|---:|---:|---:|---|---:|")
    for name, results in rows.items():
        m = {k: statistics.median(r[k] for r in results) for k in ("wall", "cpu", "mb")}
        loads = [r["load"] for r in results]
        print(f"| {name} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['mb']:.0f} | {m['wall'] / base['wall']:.2f}, "
              f"{m['cpu'] / base['cpu']:.2f}, {m['mb'] / base['mb']:.2f} | {min(loads):.1f}–{max(loads):.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description="full builds and rebuilds against plain Pelican")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-plain-cached", action="store_true")
    parser.add_argument("--rebuilds-only", action="store_true",
                        help="only the rebuilds (after the warm-up full build, timed too): no plain Pelican, "
                             "no second full build, no final comparison")
    parser.add_argument("--search-anew", action="store_true",
                        help="only full builds: with every cache, and with the search analyses made anew")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.search_anew:
        full_builds_without_search_caches(args.copies, args.runs)
        return
    content, count = prepare(args.copies)
    out, plain_out, plain_cached_out = (WORK / f"inc-out-x{args.copies}", WORK / f"inc-plain-x{args.copies}",
                                        WORK / f"inc-plain-cached-x{args.copies}")
    articles = sorted((content / "articles").glob("*.md"))
    edited = articles[len(articles) // 2]
    original = edited.read_text(encoding="utf-8")
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    print(f"{count} articles, commit {commit}, load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    # warm-up: the tagging cache, our records, plain Pelican's cache
    warm_up = measure(*ours(content, out, full=True))
    print(f"  warm-up full build: {warm_up['wall']:.2f} s wall, {warm_up['cpu']:.2f} s CPU, {warm_up['mb']:.0f} MB, "
          f"load {warm_up['load']:.1f}  {warm_up['summary']}", flush=True)
    if args.rebuilds_only:
        args.skip_plain_cached = True
    if not args.skip_plain_cached:
        subprocess.run(plain(content, plain_cached_out, cached=True), cwd=ROOT, check=True, capture_output=True)
    converter = [PY, "-m", "seed_converter", "-q", "--seeds", str(WORK / f"seeds-x{args.copies}"),
                 "--content", str(content / "articles")]
    results: dict[str, list[dict]] = {}
    added = []
    try:
        for run in range(args.runs):
            def record(name, cmd, env=None):
                results.setdefault(name, []).append(measure(cmd, env))
                print(f"  run {run + 1} {name}: {results[name][-1]['wall']:.2f} s wall, "
                      f"{results[name][-1]['cpu']:.2f} s CPU, {results[name][-1]['mb']:.0f} MB  "
                      f"{results[name][-1]['summary']}", flush=True)
            if not args.rebuilds_only:
                record("plain Pelican, full", plain(content, plain_out))
                record("ours, full (FULL=1)", *ours(content, out, full=True))
            n = f"{int(time.time())}-{run}"
            new = content / "articles" / f"neue-meldung-{n}.md"
            new.write_text(NEW_ARTICLE.format(n=n, minute=run % 60), encoding="utf-8")
            added.append(new)
            record("ours, one article added", *ours(content, out))
            edited.write_text(original + f"\nEin weiterer Satz ({run}).\n", encoding="utf-8")
            record("ours, one body edited", *ours(content, out))
            record("ours, nothing changed", *ours(content, out))
            if not args.skip_plain_cached:
                new2 = content / "articles" / f"neue-meldung-p{n}.md"
                new2.write_text(NEW_ARTICLE.format(n=f"p{n}", minute=run % 60), encoding="utf-8")
                added.append(new2)
                record("plain Pelican with its cache, one article added", plain(content, plain_cached_out, cached=True))
                record("ours, one article added (after plain's)", *ours(content, out))
            record("converter, nothing changed (make content)", converter)
        same = None
        if not args.rebuilds_only:
            check = WORK / f"inc-check-x{args.copies}"
            shutil.rmtree(check, ignore_errors=True)
            cmd, env = ours(content, check, full=True)
            subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env={**os.environ, **env})
            same = _same_tree(out, check)
    finally:
        edited.write_text(original, encoding="utf-8")
        for file in added:
            file.unlink(missing_ok=True)
    base = results.get("plain Pelican, full", [warm_up])  # without plain Pelican: ratios to the warm-up
    b_wall, b_cpu, b_mb = (statistics.median(r[k] for r in base) for k in ("wall", "cpu", "mb"))
    print(f"\n{count} articles ({'corpus' if args.copies == 1 else f'corpus ×{args.copies}, replicated'}), "
          f"{args.runs} interleaved rounds, medians\n")
    basis = "plain full" if "plain Pelican, full" in results else "our warm-up full build"
    print(f"| build | wall s | CPU s | peak MB | × {basis}: wall, CPU, memory | load (min–max) |")
    print("|---|---:|---:|---:|---|---:|")
    for name, runs in results.items():
        wall, cpu, mb = (statistics.median(r[k] for r in runs) for k in ("wall", "cpu", "mb"))
        loads = [r["load"] for r in runs]
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {mb:.0f} | {wall / b_wall:.2f}, {cpu / b_cpu:.2f}, "
              f"{mb / b_mb:.2f} | {min(loads):.1f}–{max(loads):.1f} |")
    if same is not None:
        print(f"\nincremental output byte-identical to a fresh full build: {'yes' if same else 'NO'}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


def _same_tree(a: Path, b: Path) -> bool:
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    if files_a != files_b:
        print(f"different file sets: {sorted(map(str, files_a ^ files_b))[:10]}")
        return False
    different = [f for f in sorted(files_a) if not filecmp.cmp(a / f, b / f, shallow=False)]
    if different:
        print(f"different files: {[str(f) for f in different[:10]]}")
    return not different


if __name__ == "__main__":
    main()
