"""The converter on the corpus with and without multi-megabyte adversarial seeds.

    flock /tmp/heavy.lock .venv/bin/python bench/hostile_bench.py [--runs 9]

Three seed folders: the 1,028 corpus seeds (bench/make_seeds.py); the same
plus the two seeds the old patterns never finished (a 2 MB lead of `") Aus "`
repeated, refused from its size, and a 200 KB image line of `](a` repeated,
which fails by name); the corpus plus five 2 MB adversarial seeds (that lead,
an image line whose alt text is `](a` repeated, a paragraph full of zero-width
and bidi characters, one of Markdown markup, one of UTF-8 with bad bytes), all
over the size limit; and the corpus plus the same five cut to just under the
limit, the most a seed may cost. Each run converts a folder into an empty
content folder (exit status 1 for the refused seeds is expected); runs
interleave (see interleave.py). Prints a Markdown table: medians of wall and
CPU seconds, ratios to the corpus alone, the load. Writes into bench/work/.
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

from seed_converter.seed_files import MAX_SEED_BYTES  # noqa: E402
from tests.hostile.make_hostile import adversarial_seeds  # noqa: E402

TWO_MB = 2 * 2**20


def _fill(head: str, unit: str, tail: str, size: int) -> bytes:
    """`head`, `unit` repeated, `tail`: as many units as keep it within `size` bytes."""
    def encode(text: str) -> bytes:
        return text.encode("utf-8", "surrogateescape")

    fixed = len(encode(head)) + len(encode(tail))
    return encode(head + unit * ((size - fixed) // len(encode(unit))) + tail)


def extra_seeds(size: int = TWO_MB) -> dict[str, bytes]:
    """Five adversarial seeds of `size` bytes at most, each within a kilobyte of it."""
    words = "Bundes\u200btag \u202ebeschließt\u2069 Haus\u200dhalt \u2066für\u202c 2026. "
    markup = "*fett* _kursiv_ [link](x) <b>html</b> `code` {x} \\ # 1. "
    text = "Bürgermeister lädt zum Gespräch über Straßen ein. "
    bad = text.replace("Gespräch", "Gespr\udcffch")  # a lone 0xff byte, through surrogateescape
    seeds = {
        "adversarial-byline.txt": _fill("Lange Zeile mit Bylines\nDW\n", '") Aus ', "x.\nText.\n", size),
        "adversarial-image-alt.txt": _fill("![", "](a", "](https://example.org/a.jpg)\n"
                                           "Bild mit langem Alternativtext\nDW\nLead.\n", size),
        "adversarial-invisible.txt": _fill("Unsichtbare Zeichen\nDW\n", words, "\nText.\n", size),
        "adversarial-markup.txt": _fill("Markup überall\nDW\nLead.\n", markup, "\n", size),
        "adversarial-bad-bytes.txt": _fill("Kaputte Bytes\nDW\nLead.\n", text * 19 + bad, "\n", size),
    }
    return seeds


def issue_seeds() -> dict[str, bytes]:
    """The two seeds the old byline and image-line patterns never finished on."""
    return {n: d for n, d in adversarial_seeds().items()
            if n in ("adversarial-byline-2mb.txt", "adversarial-image-line.txt")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    corpus = WORK / "seeds-corpus"
    count = write_seeds(corpus)
    folders = {"corpus": (corpus, {})}
    for name, extra in (("corpus + the 2 old blow-ups", issue_seeds()),
                        ("corpus + five 2 MB seeds", extra_seeds()),
                        ("corpus + five seeds just under the limit", extra_seeds(MAX_SEED_BYTES))):
        folder = WORK / f"seeds-{len(folders)}"
        shutil.copytree(corpus, folder)
        for seed_name, data in extra.items():
            (folder / seed_name).write_bytes(data)
        folders[name] = (folder, extra)

    builds = []
    for name, (seeds, extra) in folders.items():
        content = WORK / f"content-{seeds.name}"
        convert = f"{PY} -m seed_converter -q --seeds {seeds} --content {content}; test $? -le 1"
        builds.append(Build(name, ["sh", "-c", convert],
                            before=lambda content=content: shutil.rmtree(content, ignore_errors=True)))
    interleave(builds, args.runs, ROOT)
    print(f"{count} corpus seeds; {args.runs} interleaved runs; added: "
          + "; ".join(f"{name}: {sum(len(d) for d in extra.values()) / 2**20:.1f} MiB"
                      for name, (_, extra) in folders.items() if extra))
    print(table(builds, builds[:1]))


if __name__ == "__main__":
    main()
