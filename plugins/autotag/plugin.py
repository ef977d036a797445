"""Pelican adapter: tag articles before Pelican builds its tag pages.

Settings (defaults in DEFAULTS): AUTOTAG_TABLE, the alias, block, topic and
type table, relative to PATH; AUTOTAG_MAX_TAGS automatic tags per article;
AUTOTAG_MIN_ARTICLES articles before an automatic tag gets a page;
AUTOTAG_MIN_WEIGHT weighted mentions before a name is a candidate;
AUTOTAG_TITLE_WEIGHT and AUTOTAG_LEAD_WEIGHT (the body weighs 1);
AUTOTAG_RELATED related articles per article; AUTOTAG_CACHE_PATH (None:
CACHE_PATH/autotag); AUTOTAG_WORKERS processes extracting the articles the
cache does not hold (None: one per CPU; 1: none) when there are at least
AUTOTAG_PARALLEL_MIN of them. With no cache and workers allowed, the
process they are forked from starts loading as the article generator
starts (parallel.Preloaded), while Pelican reads the articles.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican import signals
from pelican.urlwrappers import Tag

from . import cache, display, report
from .extract import TOPIC, Extractor
from .parallel import Preloaded, can_fork, extract_all
from .rank import Entry, Result, Settings, rank
from .related import related
from .slugs import tag_slugs
from .table import TagTableError, load_table

logger = logging.getLogger(__name__)

# Bump when extraction changes, so cached candidates are not reused.
VERSION = 5
# The ranking's and the related articles' code: a stored ranking made by other code is not reused.
RANKING_CODE = cache.cache_key(*((Path(__file__).parent / name).read_text(encoding="utf-8")
                                 for name in ("rank.py", "related.py")))
DEFAULTS = {
    "AUTOTAG_TABLE": "tags.toml",
    "AUTOTAG_MAX_TAGS": 5,
    "AUTOTAG_MIN_ARTICLES": 2,
    "AUTOTAG_MIN_WEIGHT": 2,
    "AUTOTAG_TITLE_WEIGHT": 3,
    "AUTOTAG_LEAD_WEIGHT": 2,
    "AUTOTAG_RELATED": 3,
    "AUTOTAG_CACHE_PATH": None,
    "AUTOTAG_WORKERS": None,
    "AUTOTAG_PARALLEL_MIN": 200,
}
_INTEGER_SETTINGS = [name for name, value in DEFAULTS.items() if isinstance(value, int)]
_OFF = {"no", "false", "off", "0"}


class AutotagSettingError(ValueError):
    """A setting of the wrong type or range; the message names it."""


def _setting(settings: dict, name: str):
    return settings.get(name, DEFAULTS[name])


def check_settings(settings: dict) -> None:
    for name in _INTEGER_SETTINGS:
        value = _setting(settings, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise AutotagSettingError(f"{name} must be a whole number of 0 or more, not {value!r}")
    workers = _setting(settings, "AUTOTAG_WORKERS")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise AutotagSettingError(f"AUTOTAG_WORKERS must be None or a whole number of 1 or more, not {workers!r}")
    for name in ("AUTOTAG_TABLE", "AUTOTAG_CACHE_PATH"):
        value = _setting(settings, name)
        if value is not None and not isinstance(value, (str, os.PathLike)):
            raise AutotagSettingError(f"{name} must be a path, not {value!r}")


def _names(value) -> list[str]:
    return [v.strip() for v in str(value or "").split(",") if v.strip()]


def _fields(article, settings: dict) -> list[tuple[str, int]]:
    """(HTML, weight) of the headline, the lead and the body."""
    return [(article.title, _setting(settings, "AUTOTAG_TITLE_WEIGHT")),
            (article.metadata.get("summary", ""), _setting(settings, "AUTOTAG_LEAD_WEIGHT")),
            (article.content, 1)]


def _extractors(table):
    """One Extractor per language, built (with HanTa and the word sets) only when needed."""
    loaded: dict[str, Extractor] = {}

    def get(lang: str) -> Extractor:
        if lang not in loaded:
            from . import wordsets
            from .lexicon import Lexicon

            loaded[lang] = Extractor(Lexicon(lang), table, wordsets.load(), lang)
        return loaded[lang]
    return get


def _cache_folder(settings: dict) -> Path:
    return Path(_setting(settings, "AUTOTAG_CACHE_PATH") or os.path.join(settings["CACHE_PATH"], "autotag"))


def preload(generator) -> None:
    """With no tagging cache, every article will be extracted: a process starts building the
    extractor of the site's language now, while Pelican reads the articles, and forks the
    workers from it once tag_articles sends the articles."""
    settings = generator.settings
    try:
        check_settings(settings)
        if _setting(settings, "AUTOTAG_WORKERS") == 1 or not can_fork() \
                or (_cache_folder(settings) / cache.FILE).exists():
            return
        table = load_table(Path(settings["PATH"]) / _setting(settings, "AUTOTAG_TABLE"))
    except (AutotagSettingError, TagTableError):
        return  # tag_articles stops the build with the message
    generator.autotag_preloaded = (table.digest, Preloaded(_extractors(table), [settings.get("DEFAULT_LANG", "de")]))


def _extract(generator, table, jobs: list, min_weight: int) -> list[dict]:
    """Each job's candidates, from the preloaded process if there is one for this table."""
    settings = generator.settings
    workers, parallel_min = _setting(settings, "AUTOTAG_WORKERS"), _setting(settings, "AUTOTAG_PARALLEL_MIN")
    digest, preloaded = vars(generator).pop("autotag_preloaded", (None, None))
    if preloaded is not None:
        if jobs and digest == table.digest:
            return preloaded.extract_all(jobs, min_weight, workers, parallel_min)
        preloaded.close()
    return extract_all(jobs, _extractors(table), min_weight, workers, parallel_min) if jobs else []


def tag_articles(generator) -> None:
    settings = generator.settings
    try:
        check_settings(settings)
        table = load_table(Path(settings["PATH"]) / _setting(settings, "AUTOTAG_TABLE"))
    except (AutotagSettingError, TagTableError) as error:
        raise SystemExit(f"autotag: {error}") from None
    articles = list(generator.articles)
    folder = _cache_folder(settings)
    min_weight = _setting(settings, "AUTOTAG_MIN_WEIGHT")
    warned: list[bool] = []

    def warn_once(*args) -> None:  # one warning about the cache per build, however it fails
        if not warned:
            warned.append(True)
            logger.warning(*args)

    stored = cache.load(folder, warn=warn_once)
    fresh: dict[str, dict] = {}
    keys = []
    jobs: dict[str, tuple[str, list]] = {}  # what the cache does not hold, once per key
    for article in articles:
        lang = getattr(article, "lang", None) or settings.get("DEFAULT_LANG", "de")
        fields = _fields(article, settings)
        key = cache.cache_key(VERSION, lang, min_weight, table.digest, fields)
        keys.append(key)
        if key not in stored:
            jobs.setdefault(key, (lang, fields))
    found_all = _extract(generator, table, list(jobs.values()), min_weight)
    stored = {**stored, **dict(zip(jobs, found_all))}
    entries = []
    manual_tags = {a.source_path: list(getattr(a, "tags", None) or []) for a in articles}
    for article, key in zip(articles, keys):
        found = fresh[key] = stored[key]
        meta = article.metadata
        author = getattr(article, "author", None)
        entries.append(Entry(
            id=article.source_path,
            candidates=found["candidates"],
            manual=tuple(t.name for t in manual_tags[article.source_path]),
            exclude=frozenset(n.lower() for n in _names(meta.get("tags-exclude"))),
            own_names=frozenset(n.lower() for n in [meta.get("source", ""), author.name if author else ""] if n),
            enabled=str(meta.get("autotag", "yes")).strip().lower() not in _OFF,
            ambiguous=tuple(found["ambiguous"]),
        ))
    if jobs or len(fresh) != len(stored):
        cache.save(folder, fresh, warn=warn_once)

    rank_settings = Settings(max_tags=_setting(settings, "AUTOTAG_MAX_TAGS"),
                             min_articles=_setting(settings, "AUTOTAG_MIN_ARTICLES"), min_weight=min_weight)
    n_related = _setting(settings, "AUTOTAG_RELATED")
    # the ranking is site-wide: reused when nothing it reads changed (a warm build of the same site)
    oldest = [a.source_path for a in sorted(articles, key=lambda a: (a.date, a.source_path))]
    digest = cache.cache_key(VERSION, RANKING_CODE, table.digest, list(vars(rank_settings).values()),
                             n_related, oldest, [
        [e.id, key, list(e.manual), sorted(e.exclude), sorted(e.own_names), e.enabled]
        for e, key in zip(entries, keys)])
    ids = [e.id for e in entries]
    ranked = cache.load_ranked(folder, digest, ids, warn=warn_once)
    if ranked is None:
        results = rank(entries, table, rank_settings)
    else:
        results = {i: Result(*ranked["results"][i]) for i in ids}
    types: dict[str, str] = {}
    for result in results.values():
        for name, kind in result.types.items():
            types.setdefault(name.lower(), kind)
    names = sorted({t.name for tags in manual_tags.values() for t in tags}
                   | {n for r in results.values() for n in r.with_page})
    slugs = tag_slugs(names)
    shared: dict[str, Tag] = {}

    def tag(name: str) -> Tag:
        if name not in shared:
            shared[name] = Tag(name, settings)
            shared[name].slug = slugs[name]
            shared[name].kind = types.get(name.lower(), TOPIC)
        return shared[name]

    site_url = settings.get("SITEURL", "")
    all_tags = {}
    for article, entry in zip(articles, entries):
        result = results[entry.id]
        manual = [tag(t.name) for t in manual_tags[entry.id]]
        article.autotags = [tag(name) for name in result.with_page]
        article.tags = manual + article.autotags
        article.tags_without_page = list(result.without_page)
        article.tag_types = {t.name: t.kind for t in article.tags}
        article.tag_types.update(result.types)
        article.tag_entities = display.entities(
            [(t.name, t.kind, f"{site_url}/{t.url}") for t in article.tags],
            [(name, result.types.get(name, TOPIC)) for name in result.without_page],
            {t.name for t in manual})
        all_tags[entry.id] = [*entry.manual, *result.with_page, *result.without_page]
    generator.context["TAG_T"] = display.labels(settings.get("DEFAULT_LANG", "de"))
    ranked_now = ranked is None
    if ranked_now:
        oldest_first = {i: all_tags[i] for i in oldest}
        ranked = {"digest": digest, "related": related(oldest_first, n_related),
                  "results": {i: [r.with_page, r.without_page, r.types] for i, r in results.items()}}
        cache.save_ranked(folder, ranked, warn=warn_once)
    if ranked_now or not (folder / report.FILE).exists():
        report.save(folder, entries, results, types)
    by_id = {entry.id: article for article, entry in zip(articles, entries)}
    for entry_id, others in ranked["related"].items():
        by_id[entry_id].related_articles = [by_id[other] for other in others]


def group_for_themen_page(generator) -> None:
    """The Themen page's groups, once Pelican has collected every tag's articles."""
    generator.context["TAG_GROUPS"] = display.group_tags(
        sorted(generator.tags.items(), key=lambda item: item[0].name),
        lambda t: getattr(t, "kind", TOPIC))
    generator.context.setdefault("TAG_T", display.labels(generator.settings.get("DEFAULT_LANG", "de")))


def register() -> None:
    signals.article_generator_init.connect(preload)
    signals.article_generator_pretaxonomy.connect(tag_articles)
    signals.article_generator_finalized.connect(group_for_themen_page)
