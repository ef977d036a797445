"""Automatic tagging on the 10kGNAD corpus: tag quality figures and build timings.

    .venv/bin/python bench/tagging.py [--runs 3]

Quality: the share of automatic tag assignments that another article shares,
tags per article, the issue's corpus checks, the 150 most frequent tags by
type. Timing (bench/work/tagging/, ignored by git): the site's build
(pelicanconf.py with the plugins up to autotag: site_lists, fast_markdown,
sources, digest_theme; incremental, local_images, stories and lunr_search
off) with an empty autotag cache (cold: extraction in one process per CPU,
and in one process) and a filled one (warm), and the same without autotag
(the theme alone), against two baselines: plain Pelican (bench/plain_pelicanconf.py:
default theme, no plugins) on the same content, as issue 4 states its
budget, and plain Pelican given the same tags as `Tags:` metadata (it then
writes the same tag pages). Runs interleaved (bench/interleave.py); medians,
ratios, the load average at each run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter

from interleave import Build, interleave, table
from make_seeds import write_seeds
from tagging_corpus import ROOT, corpus_fields, load_table, tag_site

sys.path.insert(0, str(ROOT))

WORK = ROOT / "bench" / "work" / "tagging"
PY = sys.executable
CONF = str(ROOT / "bench" / "plain_pelicanconf.py")


def corpus_checks(fields: dict, tags: dict[str, list[tuple[str, str]]]) -> list[str]:
    """The issue's rules over the whole corpus: each a line with its count and examples."""
    from autotag import wordsets

    words = wordsets.load()
    table = load_table(ROOT / "content" / "tags.toml")
    protected = set(table.aliases.values())
    problems = {"one letter": [], "first name alone": [], "surname alone beside its full name": [],
                "cut before a particle": [], "cut after St.": []}
    for key, pairs in tags.items():
        text = " ".join(fields[key][:3])
        for tag, kind in pairs:
            if kind in ("topic", "place"):
                continue
            if len(tag) == 1:
                problems["one letter"].append(tag)
            if " " not in tag and tag not in protected:
                if tag in words.first_names and tag not in words.places and tag not in words.surnames:
                    problems["first name alone"].append(tag)
                if re.search(rf"(?<![\w-])(?:{'|'.join(map(re.escape, _first_names_in(text, words)))}) {re.escape(tag)}\b",
                             text) if _first_names_in(text, words) else False:
                    problems["surname alone beside its full name"].append(
                        f"{tag} [{re.search(rf'[A-ZÄÖÜ][a-zäöüß]+ {re.escape(tag)}', text).group()}]")
            if tag.split()[-1] in _PARTICLES or re.search(
                    rf"(?<![\w-]){re.escape(tag)} (?:van|de|da|di|del|bin|ter|dos|van der) [A-ZÄÖÜ][a-zäöüß]", text):
                problems["cut before a particle"].append(tag)
            if re.search(rf"\b(?:St\.|Sankt) ?{re.escape(tag)}\b", text):
                problems["cut after St."].append(tag)
    return [f"{rule}: {len(found)}" + (f" ({', '.join(sorted(set(found))[:10])})" if found else "")
            for rule, found in problems.items()]


_PARTICLES = {"Van", "Von", "De", "Da", "Di", "Del", "Bin", "Ter", "Dos", "St", "St.", "Sankt"}


def _first_names_in(text: str, words) -> list[str]:
    """First names of the text, less words HanTa knows in lower case as ordinary words (`Bei`, `Hat`)."""
    from autotag.lexicon import Lexicon

    common = Lexicon("de").common_word
    return sorted({w for w in re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]+\b", text)
                   if w in words.first_names and not common(w) and w not in ("The", "Nach", "Bei")})


def quality() -> dict[str, list[str]]:
    start = time.perf_counter()
    fields = {str(i): f for i, f in enumerate(corpus_fields())}
    typed = tag_site(fields, with_types=True)
    seconds = time.perf_counter() - start
    tags = {key: [t for t, _ in pairs] for key, pairs in typed.items()}
    counts = Counter(t for ts in tags.values() for t in ts)
    kinds = {t: k for pairs in typed.values() for t, k in pairs}
    assignments = sum(counts.values())
    shared = sum(n for n in counts.values() if n >= 2)
    per_article = [len(ts) for ts in tags.values()]
    print(f"articles: {len(tags)}; core tagging (extraction and ranking, cold, no Pelican): {seconds:.2f} s")
    print(f"automatic tag assignments: {assignments}; shared with another article: "
          f"{shared} ({shared / assignments:.0%}); distinct tags: {len(counts)}")
    print(f"tags per article: median {statistics.median(per_article)}, "
          f"articles without tags {per_article.count(0)} ({per_article.count(0) / len(per_article):.1%})")
    for line in corpus_checks(fields, typed):
        print("check, " + line)
    top = counts.most_common(150)
    print("150 most frequent, by type:")
    for kind in ("person", "organisation", "place", "topic"):
        print(f"  {kind}: " + ", ".join(f"{t} ({n})" for t, n in top if kinds[t] == kind))
    return tags


def pelican(content, out, conf: str = CONF, *extra: str) -> list[str]:
    return [PY, "-m", "pelican", str(content), "-o", str(out), "-s", conf, "--delete-output-directory",
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
    site = str(ROOT / "pelicanconf.py")
    theme = '"site_lists", "fast_markdown", "sources", "digest_theme"'
    tagging = [f'PLUGINS=[{theme}, "autotag"]', f"AUTOTAG_CACHE_PATH={json.dumps(str(cache))}"]
    plain = Build("plain Pelican", pelican(content, WORK / "out-plain"))
    plain_tags = Build("plain Pelican, same tags as metadata", pelican(tagged, WORK / "out-tagged"))
    builds = [
        plain,
        plain_tags,
        Build("site, theme only (no autotag)", pelican(content, WORK / "out-theme", site, f"PLUGINS=[{theme}]")),
        Build("site with autotag, cold cache", pelican(content, WORK / "out-autotag", site, *tagging),
              before=lambda: shutil.rmtree(cache, ignore_errors=True)),
        Build("site with autotag, cold cache, one process",
              pelican(content, WORK / "out-autotag", site, *tagging, "AUTOTAG_WORKERS=1"),
              before=lambda: shutil.rmtree(cache, ignore_errors=True)),
        Build("site with autotag, warm cache", pelican(content, WORK / "out-autotag", site, *tagging)),
    ]
    interleave(builds, runs, ROOT)
    print(f"\n{runs} interleaved runs, medians; load average now {os.getloadavg()[0]:.1f}")
    print(table(builds, [plain, plain_tags]))


def main() -> None:
    parser = argparse.ArgumentParser(description="autotag quality and timings on the corpus")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tags = quality()
    content, tagged = prepare(tags)
    timings(content, tagged, args.runs)


if __name__ == "__main__":
    main()
