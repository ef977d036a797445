"""The autotag core over the 10kGNAD corpus, without Pelican (for bench/tagging.py and the gold test).

Each corpus row becomes (headline, lead, body) exactly as bench/make_seeds.py
splits it; `tag_site` runs extraction and the site-wide ranking as the
plugin does and returns each article's automatic tags, best first.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from autotag.extract import extract  # noqa: E402
from autotag.lexicon import Lexicon  # noqa: E402
from autotag.plugin import DEFAULTS  # noqa: E402
from autotag.rank import Entry, Settings, rank  # noqa: E402
from autotag.table import load_table  # noqa: E402
from make_seeds import read_corpus, seed_text  # noqa: E402

SEED_ARTICLE = ROOT / "content" / "articles" / "nato-wiederholt-angebot-zum-dialog-mit-moskau.md"
Fields = tuple[str, str, str, str]  # headline, lead, body, source


def corpus_fields() -> list[Fields]:
    rows = []
    for _, text in read_corpus():
        headline, source, lead, *paragraphs = seed_text(text).split("\n")
        rows.append((headline, lead, "\n".join(paragraphs), source))
    return rows


def seed_fields() -> Fields:
    head, body = SEED_ARTICLE.read_text(encoding="utf-8").split("\n\n", 1)
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    return meta["Title"], meta["Summary"], body, meta["Source"]


def tag_site(articles: dict[str, Fields]) -> dict[str, list[str]]:
    """Automatic tags (with and without a page) per article id."""
    table = load_table(ROOT / "content" / "tags.toml")
    lexicon = Lexicon("de")
    weights = DEFAULTS["AUTOTAG_TITLE_WEIGHT"], DEFAULTS["AUTOTAG_LEAD_WEIGHT"], 1
    entries = [
        Entry(key, extract(list(zip((headline, lead, body), weights)), lexicon, table),
              own_names=frozenset({source.lower()}))
        for key, (headline, lead, body, source) in articles.items()
    ]
    results = rank(entries, table, Settings(DEFAULTS["AUTOTAG_MAX_TAGS"], DEFAULTS["AUTOTAG_MIN_ARTICLES"],
                                            DEFAULTS["AUTOTAG_MIN_WEIGHT"]))
    return {key: r.with_page + r.without_page for key, r in results.items()}
