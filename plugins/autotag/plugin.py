"""Pelican adapter: tag articles before Pelican builds its tag pages.

Settings (defaults in DEFAULTS): AUTOTAG_TABLE, the alias and block table,
relative to PATH; AUTOTAG_MAX_TAGS automatic tags per article;
AUTOTAG_MIN_ARTICLES articles before an automatic tag gets a page;
AUTOTAG_MIN_WEIGHT weighted mentions before a name is a candidate;
AUTOTAG_TITLE_WEIGHT and AUTOTAG_LEAD_WEIGHT (the body weighs 1);
AUTOTAG_RELATED related articles per article; AUTOTAG_CACHE_PATH (None:
CACHE_PATH/autotag).
"""

from __future__ import annotations

import os
from pathlib import Path

from pelican import signals
from pelican.urlwrappers import Tag

from . import cache
from .extract import extract
from .rank import Entry, Settings, rank
from .related import related
from .table import load_table
from .text import plain_text

# Bump when extraction changes, so cached candidates are not reused.
VERSION = 1
DEFAULTS = {
    "AUTOTAG_TABLE": "tags.toml",
    "AUTOTAG_MAX_TAGS": 5,
    "AUTOTAG_MIN_ARTICLES": 2,
    "AUTOTAG_MIN_WEIGHT": 2,
    "AUTOTAG_TITLE_WEIGHT": 3,
    "AUTOTAG_LEAD_WEIGHT": 2,
    "AUTOTAG_RELATED": 3,
    "AUTOTAG_CACHE_PATH": None,
}
_OFF = {"no", "false", "off", "0"}


def _setting(settings: dict, name: str):
    return settings.get(name, DEFAULTS[name])


def _names(value) -> list[str]:
    return [v.strip() for v in str(value or "").split(",") if v.strip()]


def _fields(article, settings: dict) -> list[tuple[str, int]]:
    """(HTML, weight) of the headline, the lead and the body."""
    return [(article.title, _setting(settings, "AUTOTAG_TITLE_WEIGHT")),
            (article.metadata.get("summary", ""), _setting(settings, "AUTOTAG_LEAD_WEIGHT")),
            (article.content, 1)]


def _lexicons():
    from .lexicon import Lexicon  # loads HanTa only when something needs tagging

    loaded: dict[str, Lexicon] = {}

    def get(lang: str) -> Lexicon:
        if lang not in loaded:
            loaded[lang] = Lexicon(lang)
        return loaded[lang]
    return get


def tag_articles(generator) -> None:
    settings = generator.settings
    articles = list(generator.articles)
    table = load_table(Path(settings["PATH"]) / _setting(settings, "AUTOTAG_TABLE"))
    folder = Path(_setting(settings, "AUTOTAG_CACHE_PATH")
                  or os.path.join(settings["CACHE_PATH"], "autotag"))
    min_weight = _setting(settings, "AUTOTAG_MIN_WEIGHT")
    stored = cache.load(folder)
    fresh: dict[str, dict] = {}
    lexicon = _lexicons()
    entries = []
    manual_tags = {a.source_path: list(getattr(a, "tags", None) or []) for a in articles}
    for article in articles:
        lang = getattr(article, "lang", None) or settings.get("DEFAULT_LANG", "de")
        fields = _fields(article, settings)
        key = cache.cache_key(VERSION, lang, min_weight, table.digest, fields)
        candidates = stored.get(key)
        if candidates is None:  # only now is the HTML worth turning into text
            candidates = extract([(plain_text(html), weight) for html, weight in fields],
                                 lexicon(lang), table, min_weight)
        fresh[key] = candidates
        meta = article.metadata
        author = getattr(article, "author", None)
        entries.append(Entry(
            id=article.source_path,
            candidates=candidates,
            manual=tuple(t.name for t in manual_tags[article.source_path]),
            exclude=frozenset(n.lower() for n in _names(meta.get("tags-exclude"))),
            own_names=frozenset(n.lower() for n in [meta.get("source", ""), author.name if author else ""] if n),
            enabled=str(meta.get("autotag", "yes")).strip().lower() not in _OFF,
        ))
    if fresh != stored:
        cache.save(folder, fresh)

    results = rank(entries, table, Settings(
        max_tags=_setting(settings, "AUTOTAG_MAX_TAGS"),
        min_articles=_setting(settings, "AUTOTAG_MIN_ARTICLES"),
        min_weight=min_weight,
    ))
    all_tags = {}
    for article, entry in zip(articles, entries):
        result = results[entry.id]
        article.autotags = [Tag(name, settings) for name in result.with_page]
        article.tags = manual_tags[entry.id] + article.autotags
        article.tags_without_page = list(result.without_page)
        all_tags[entry.id] = [*entry.manual, *result.with_page, *result.without_page]
    by_id = {entry.id: article for article, entry in zip(articles, entries)}
    for entry_id, others in related(all_tags, _setting(settings, "AUTOTAG_RELATED")).items():
        by_id[entry_id].related_articles = [by_id[other] for other in others]


def register() -> None:
    signals.article_generator_pretaxonomy.connect(tag_articles)
