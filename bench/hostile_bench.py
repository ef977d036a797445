"""The converter on the corpus with and without multi-megabyte adversarial seeds.

    flock /tmp/heavy.lock .venv/bin/python bench/hostile_bench.py [--runs 9]

Two seed folders: the 1,028 corpus seeds (bench/make_seeds.py), and the same
plus five 2 MB adversarial seeds (a lead of `") Aus "` repeated, an image
line whose alt text is `](a` repeated, a paragraph full of zero-width and
bidi characters, one of Markdown markup, one of UTF-8 with bad bytes). Each
run converts a folder into an empty content folder; runs interleave (see
interleave.py). Prints a Markdown table: medians of wall and CPU seconds,
the ratio of the two folders and the load. Writes into bench/work/.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from interleave import Build, interleave, table
from make_seeds import write_seeds

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work" / "hostile"
PY = sys.executable
sys.path.insert(0, str(ROOT))

from tests.hostile.make_hostile import adversarial_seeds  # noqa: E402

TWO_MB = 2 * 2**20


def extra_seeds() -> dict[str, bytes]:
    """Five 2 MB seeds that convert (the failing image line and the 20 MB seed are left out)."""
    seeds = {n: d for n, d in adversarial_seeds().items()
             if n in ("adversarial-byline-2mb.txt", "adversarial-image-alt-2mb.txt")}
    words = "Bundes\u200btag \u202ebeschließt\u2069 Haus\u200dhalt \u2066für\u202c 2026. "
    seeds["adversarial-invisible-2mb.txt"] = ("Unsichtbare Zeichen\nDW\n" + words * (TWO_MB // 60)
                                              + "\nText.\n").encode()
    markup = "*fett* _kursiv_ [link](x) <b>html</b> `code` {x} \\ # 1. "
    seeds["adversarial-markup-2mb.txt"] = ("Markup überall\nDW\nLead.\n" + markup * (TWO_MB // 60)
                                           + "\n").encode()
    text = "Bürgermeister lädt zum Gespräch über Straßen ein. " * (TWO_MB // 55)
    bad = text.encode().replace(b"Gespr\xc3\xa4ch", b"Gespr\xffch", 20)
    seeds["adversarial-bad-bytes-2mb.txt"] = b"Kaputte Bytes\nDW\nLead.\n" + bad + b"\n"
    return seeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    corpus, hostile = WORK / "seeds-corpus", WORK / "seeds-corpus+adversarial"
    count = write_seeds(corpus)
    shutil.copytree(corpus, hostile)
    extra = extra_seeds()
    for name, data in extra.items():
        (hostile / name).write_bytes(data)

    def fresh(content: Path):
        return lambda: shutil.rmtree(content, ignore_errors=True)

    builds = []
    for name, seeds in (("corpus", corpus), ("corpus + adversarial", hostile)):
        content = WORK / f"content-{seeds.name}"
        builds.append(Build(name, [PY, "-m", "seed_converter", "-q", "--seeds", str(seeds),
                                   "--content", str(content)], before=fresh(content)))
    interleave(builds, args.runs, ROOT)
    print(f"{count} corpus seeds; + {len(extra)} adversarial seeds of "
          f"{sum(len(d) for d in extra.values()) / 2**20:.1f} MiB; {args.runs} interleaved runs")
    print(table(builds, builds[:1]))


if __name__ == "__main__":
    main()
