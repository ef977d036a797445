"""Turn the 10kGNAD corpus into seed files, as a real feed would deliver them.

Each CSV row becomes one seed: the first sentence is the headline,
`derStandard` the source, the second sentence the lead, and the remaining
sentences body paragraphs of about three sentences (a teaser-only article
has no body; a one-sentence one uses that sentence as its lead too). `--copies N` replicates
the corpus N times with distinct headlines (copy k > 1 gets ` (Teil k)`), to
test scale; results must say the set is replicated.

    python bench/make_seeds.py OUTDIR [--copies 10] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo

START = dt.datetime(2026, 11, 1, 6, 0, tzinfo=ZoneInfo("Europe/Berlin"))
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "10kgnad-test.csv"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„\"'])")
_ABBREVIATION = re.compile(r"(?:\b(?:St|Dr|Nr|Mio|Mrd|Prof|ca|bzw|vgl|Abs|Art|Jh|Hl|Bd)|\b[A-Z])\.$")


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, not split after common abbreviations (`St. Pölten`)."""
    sentences: list[str] = []
    for part in (p.strip() for p in _SENTENCE_END.split(text)):
        if not part:
            continue
        if sentences and _ABBREVIATION.search(sentences[-1]):
            sentences[-1] += " " + part
        else:
            sentences.append(part)
    return sentences


def read_corpus(path: Path = CORPUS) -> list[tuple[str, str]]:
    """(section label, text) rows of the corpus."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row[0], row[1]) for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) >= 2]


def seed_text(text: str, suffix: str = "") -> str:
    """The seed for one corpus article."""
    sentences = split_sentences(text)
    headline, lead, rest = sentences[0], (sentences[1:2] or sentences[:1])[0], sentences[2:]
    paragraphs = [" ".join(rest[i:i + 3]) for i in range(0, len(rest), 3)]
    return "\n".join([headline + suffix, "derStandard", lead, *paragraphs])


def write_seeds(out: Path, copies: int = 1, limit: int | None = None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    rows = read_corpus()[:limit]
    count = 0
    for copy in range(1, copies + 1):
        suffix = f" (Teil {copy})" if copy > 1 else ""
        for index, (_, text) in enumerate(rows):
            (out / f"{copy:02d}_{index:04d}.txt").write_text(seed_text(text, suffix), encoding="utf-8")
            count += 1
    return count


def spread_times(seeds: Path, days: int, start: dt.datetime = START) -> None:
    """Date the seeds (their file times, which the converter reads) over `days` days
    from `start`, in name order, so a replicated set is an archive of real days."""
    for k, seed in enumerate(sorted(seeds.glob("*.txt"))):
        when = (start + dt.timedelta(days=k % days, minutes=(k * 37) % 960)).timestamp()
        os.utime(seed, (when, when))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    print(f"{write_seeds(args.out, args.copies, args.limit)} seeds written to {args.out}")


if __name__ == "__main__":
    main()
