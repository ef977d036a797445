"""The autotag core over the 10kGNAD corpus, without Pelican (for bench/tagging.py and the gold test).

Each corpus row becomes (headline, lead, body, source, lang) exactly as
bench/make_seeds.py splits it; the gold set's hand-written fixtures
(tests/autotag/fixtures/, `de_*` or `en_*`) are read the same way.
`tag_site` runs extraction and the site-wide ranking as the plugin does
and returns each article's automatic tags, best first, with their types.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from autotag import wordsets  # noqa: E402
from autotag.extract import Extractor, extract  # noqa: E402
from autotag.lexicon import Lexicon  # noqa: E402
from autotag.plugin import DEFAULTS  # noqa: E402
from autotag.rank import Entry, Settings, rank  # noqa: E402
from autotag.table import load_table  # noqa: E402
from make_seeds import read_corpus, seed_text  # noqa: E402

SEED_ARTICLE = ROOT / "content" / "articles" / "nato-wiederholt-angebot-zum-dialog-mit-moskau.md"
FIXTURES = ROOT / "tests" / "autotag" / "fixtures"
Fields = tuple[str, str, str, str, str]  # headline, lead, body, source, lang


def _seed_fields(text: str, lang: str = "de") -> Fields:
    headline, source, lead, *paragraphs = text.split("\n")
    return headline, lead, "\n".join(paragraphs), source, lang


def corpus_fields() -> list[Fields]:
    return [_seed_fields(seed_text(text)) for _, text in read_corpus()]


def fixture_fields() -> dict[str, Fields]:
    return {path.stem: _seed_fields(path.read_text(encoding="utf-8").strip(), path.stem[:2])
            for path in sorted(FIXTURES.glob("*.txt"))}


def seed_fields() -> Fields:
    head, body = SEED_ARTICLE.read_text(encoding="utf-8").split("\n\n", 1)
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    return meta["Title"], meta["Summary"], body, meta["Source"], meta.get("Lang", "de")


def extract_site(articles: dict[str, Fields]) -> list[Entry]:
    """Every article's candidates, as the plugin extracts them on a cold build."""
    table = load_table(ROOT / "content" / "tags.toml")
    words = wordsets.load()
    extractors: dict[str, Extractor] = {}
    weights = DEFAULTS["AUTOTAG_TITLE_WEIGHT"], DEFAULTS["AUTOTAG_LEAD_WEIGHT"], 1
    entries = []
    for key, (headline, lead, body, source, lang) in articles.items():
        if lang not in extractors:
            extractors[lang] = Extractor(Lexicon(lang), table, words, lang)
        ex = extractors[lang]
        found = extract(list(zip((headline, lead, body), weights)), ex.names, table, words,
                        DEFAULTS["AUTOTAG_MIN_WEIGHT"], lang, ex)
        entries.append(Entry(key, found["candidates"], own_names=frozenset({source.lower()}),
                             ambiguous=tuple(found["ambiguous"])))
    return entries


def tag_site(articles: dict[str, Fields], with_types: bool = False):
    """Automatic tags (with and without a page) per article id; with their types if asked."""
    table = load_table(ROOT / "content" / "tags.toml")
    results = rank(extract_site(articles), table, Settings(
        DEFAULTS["AUTOTAG_MAX_TAGS"], DEFAULTS["AUTOTAG_MIN_ARTICLES"], DEFAULTS["AUTOTAG_MIN_WEIGHT"]))
    if with_types:
        return {key: [(t, r.types[t]) for t in r.with_page + r.without_page] for key, r in results.items()}
    return {key: r.with_page + r.without_page for key, r in results.items()}
