"""The tagged site at scale: the corpus replicated (default 49 copies, 50,372 articles).

    flock /tmp/heavy.lock .venv/bin/python bench/tagging_scale.py [--copies 49]

Converts the replicated seeds and builds the site with pelicanconf.py (every
plugin), from an empty tagging cache; prints wall time, peak memory, the tag
pages written and whether any two tags share a slug. The set is replicated:
each copy's headline has ` (Teil k)`, the bodies repeat. Work in bench/work/scale/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from interleave import run_peak
from make_seeds import write_seeds

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work" / "scale"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=49)
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    seeds, content = WORK / "seeds", WORK / "content"
    count = write_seeds(seeds, copies=args.copies)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "seed_converter", "-q", "--seeds", str(seeds),
                    "--content", str(content / "articles")], cwd=ROOT, check=True)
    print(f"{count} replicated articles ({args.copies} copies); converted in {time.perf_counter() - start:.0f} s")
    (content / "pages").mkdir(exist_ok=True)
    shutil.copy(ROOT / "content" / "tags.toml", content / "tags.toml")
    load = os.getloadavg()[0]
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(WORK / "output"), "-s",
           str(ROOT / "pelicanconf.py"), "--extra-settings", f'CACHE_PATH="{WORK / "cache"}"']
    wall, peak = run_peak(cmd, ROOT)
    tag_pages = sorted((WORK / "output" / "tag").glob("*.html"))
    print(f"build (cold tagging cache): {wall:.0f} s wall, peak {peak:.0f} MB, load {load:.1f} -> "
          f"{os.getloadavg()[0]:.1f}; {len(tag_pages)} tag pages")
    names = Counter(p.name.lower() for p in tag_pages)
    print("tag slugs unique:", all(n == 1 for n in names.values()))


if __name__ == "__main__":
    main()
