"""Story grouping (plugins/stories) on the 10kGNAD corpus: what it groups, CPU time, peak memory.

The corpus is one source (derStandard) with no dates, so few true stories:
each article gets a time, row by row, `--spread` hours apart in its copy (the
default puts the 1,028 articles of a copy into one week of news); `--copies N`
replicates the corpus N times (10,280 articles at 10) as make_seeds.py does
(copy k > 1: headline + ` (Teil k)`), copy k starting `--gap` days after copy
k - 1. The default gap is longer than the window, so the copies of one article
never meet in it and are never grouped with each other; `--gap 0` puts them
side by side to show what happens then. `--same-time` gives every article of a
copy the same time (the whole copy inside one window: the hardest case).

    python bench/stories_bench.py [--copies 10] [--list] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins"), str(ROOT / "bench")]

from make_seeds import CORPUS, read_corpus, split_sentences  # noqa: E402
from stories.cluster import Doc, Settings, StoryIndex  # noqa: E402
from stories.features import Extractor  # noqa: E402

START = 1_780_000_000.0  # a fixed moment, so every run gets the same times


def corpus_articles(path: Path, copies: int, spread_hours: float, gap_days: float, same_time: bool):
    """(id, time, title, text) of every article, oldest first."""
    rows = read_corpus(path)
    copy_span = len(rows) * spread_hours * 3600 + gap_days * 86400
    for copy in range(1, copies + 1):
        suffix = f" (Teil {copy})" if copy > 1 else ""
        for index, (_, text) in enumerate(rows):
            sentences = split_sentences(text)
            offset = 0.0 if same_time else index * spread_hours * 3600
            yield (f"{copy:02d}_{index:04d}", START + (copy - 1) * copy_span + offset,
                   sentences[0] + suffix, " ".join(sentences[1:]))


def resume(articles, settings, n: int) -> None:
    """The state after all but the `n` newest articles, as JSON; then load it and add those `n`."""
    import json

    extractor, index = Extractor(), StoryIndex(settings)
    for article_id, when, title, text in articles[:-n]:
        index.add(Doc(article_id, when, extractor.features("de", title, text)))
    cpu0 = time.process_time()
    text = json.dumps(index.to_state(), separators=(",", ":"))
    saved = time.process_time() - cpu0
    cpu0 = time.process_time()
    resumed, extractor = StoryIndex.from_state(json.loads(text)), Extractor()
    for article_id, when, title, text_ in articles[-n:]:
        resumed.add(Doc(article_id, when, extractor.features("de", title, text_)))
    cpu = time.process_time() - cpu0
    print(f"resume: state {len(text) / 1e6:.1f} MB JSON (written in {saved:.2f} s CPU); "
          f"loading it and grouping the {n} newest articles: {cpu:.2f} s CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--spread", type=float, default=168 / 1028, help="hours between two rows of a copy")
    parser.add_argument("--gap", type=float, default=4.0, help="days between the end of a copy and the next")
    parser.add_argument("--same-time", action="store_true")
    parser.add_argument("--list", action="store_true", help="print every group (headlines)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--resume", type=int, default=0, metavar="N",
                        help="also time a build that resumes the stored state with the N newest articles")
    args = parser.parse_args()
    if not args.corpus.is_file():
        raise SystemExit(f"corpus not found: {args.corpus} (give --corpus PATH)")
    articles = list(corpus_articles(args.corpus, args.copies, args.spread, args.gap, args.same_time))
    settings = Settings()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    extractor = Extractor()
    index = StoryIndex(settings)
    for article_id, when, title, text in articles:
        index.add(Doc(article_id, when, extractor.features("de", title, text)))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    members = defaultdict(list)
    for article_id, story in index.story_of.items():
        members[story].append(article_id)
    groups = [ids for ids in members.values() if len(ids) > 1]
    grouped = sum(len(ids) for ids in groups)
    crossing = sum(1 for ids in groups if len({i[:2] for i in ids}) > 1)
    print(f"articles: {len(articles)}" + (f" (corpus replicated ×{args.copies}, copies {args.gap:g} days apart)" if args.copies > 1 else ""))
    print(f"window {settings.window / 3600:g} h; rows {args.spread:.3f} h apart" + (" (all at one time)" if args.same_time else ""))
    print(f"grouped: {grouped} articles ({100 * grouped / len(articles):.2f} %) in {len(groups)} groups; groups mixing copies: {crossing}")
    print(f"CPU {cpu:.2f} s, wall {wall:.2f} s; peak RSS {rss_after:.0f} MB (before grouping {rss_before:.0f} MB); load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if args.resume:
        resume(articles, settings, args.resume)
    if args.list:
        titles = {a[0]: a[2] for a in articles}
        for ids in sorted(groups):
            print("--")
            for i in ids:
                print(f"  {i}  {titles[i][:110]}")


if __name__ == "__main__":
    main()
