"""What the stories plugin costs in a full `make html`: the corpus built with and without it, interleaved.

    python bench/stories_build.py [--copies 1] [--runs 3]

Writes into bench/work/ (ignored by git). The seeds are the corpus's
(bench/make_seeds.py); the converter dates them all within seconds, so every
article is inside one window (the plugin's hardest case for speed).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interleave import Build, interleave, table  # noqa: E402
from make_seeds import write_seeds  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
sys.path.insert(0, str(ROOT))
from pelicanconf import PLUGINS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    seeds, content = WORK / f"stories-seeds-x{args.copies}", WORK / f"stories-content-x{args.copies}"
    shutil.rmtree(seeds, ignore_errors=True)
    shutil.rmtree(content, ignore_errors=True)
    count = write_seeds(seeds, args.copies)
    cache = WORK / "stories-autotag-cache"

    state = WORK / "stories-state"

    def make(name, plugins, before=None):
        settings = [f"AUTOTAG_CACHE_PATH={shlex.quote(json.dumps(str(cache)))}",
                    f"STORIES_CACHE_PATH={shlex.quote(json.dumps(str(state)))}",
                    f"PLUGINS={shlex.quote(json.dumps(plugins))}"]
        return Build(name, ["make", "-s", "html", "FULL=1", f"SEEDDIR={seeds}", f"INPUTDIR={content}",
                            f"OUTPUTDIR={WORK / ('stories-out-' + name)}",
                            f"PELICANOPTS=--extra-settings {' '.join(settings)}"], before)

    without = make("without-stories", [p for p in PLUGINS if p != "stories"])
    # Every article grouped anew (no stored state), then the same build with the state the first left.
    full = make("with-stories, grouped anew", list(PLUGINS), lambda: shutil.rmtree(state, ignore_errors=True))
    kept = make("with-stories, state kept", list(PLUGINS))
    interleave([without], 1, ROOT)  # converts the seeds and fills the tagging cache; not counted
    without.wall.clear(), without.cpu.clear(), without.load.clear()
    builds = interleave([without, full, kept], args.runs, ROOT)
    print(f"articles: {count}" + (f" (corpus replicated ×{args.copies})" if args.copies > 1 else "")
          + f"; {args.runs} interleaved runs; load {os.getloadavg()[0]:.2f} at the end")
    print(table(builds, [without]))


if __name__ == "__main__":
    main()
