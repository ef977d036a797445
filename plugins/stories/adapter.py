"""Pelican adapter: group the articles into stories after tagging, before the search and the theme read them.

Settings (defaults in DEFAULTS):
- STORIES_WINDOW_HOURS: a story's articles are published within this many hours of its first.
- STORIES_TOP: stories in the home page's "Top-Meldungen" (0: none).
- STORIES_URL, STORIES_SAVE_AS: a story's page (`{id}` is the story's id).
- STORIES_FEED_ATOM: a story's Atom feed, written when FEED_ALL_ATOM is set (None: none).
- STORIES_CACHE_PATH: where the grouping's state is kept between builds (None: CACHE_PATH/stories).

Editors win: `Story: <name>` puts an article into the story of that name,
`Story: no` keeps it alone.

What it sets: on every article `story` (its Story, or None), `story_size`
(number of sources that reported its story; 1 for an article alone) and
`story_others` (the story's other articles, oldest first); in the context
`stories` (all stories) and `top_stories`; the Jinja filter `one_per_story`
and the string table `ST`.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from pelican import signals
from slugify import slugify

from autotag.text import plain_text

from . import state
from .cluster import ALONE, Doc, Settings, StoryIndex
from .features import Extractor
from .model import build_stories, one_per_story, top_stories
from .strings import strings_for

DEFAULTS = {
    "STORIES_WINDOW_HOURS": 72,
    "STORIES_TOP": 5,
    "STORIES_URL": "story/{id}.html",
    "STORIES_SAVE_AS": "story/{id}.html",
    "STORIES_FEED_ATOM": "feeds/story/{id}.atom.xml",
    "STORIES_CACHE_PATH": None,
}
logger = logging.getLogger(__name__)
_ALONE_WORDS = {"no", "nein", "none", "off", "false", "0"}


def config(settings: dict) -> dict:
    merged = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    window = merged["STORIES_WINDOW_HOURS"]
    if isinstance(window, bool) or not isinstance(window, (int, float)) or window <= 0:
        raise ValueError(f"STORIES_WINDOW_HOURS: a positive number of hours, not {window!r}")
    top = merged["STORIES_TOP"]
    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise ValueError(f"STORIES_TOP: a whole number of stories (0 or more), not {top!r}")
    for key in ("STORIES_URL", "STORIES_SAVE_AS"):
        if not isinstance(merged[key], str) or "{id}" not in merged[key]:
            raise ValueError(f"{key}: a path with {{id}} in it, not {merged[key]!r}")
    feed = merged["STORIES_FEED_ATOM"]
    if feed is not None and (not isinstance(feed, str) or "{id}" not in feed):
        raise ValueError(f"STORIES_FEED_ATOM: a path with {{id}} in it, or None, not {feed!r}")
    return merged


def source_of(article) -> str:
    return getattr(article, "source", None) or article.category.name


def editor_choice(article):
    """None (automatic), ALONE (`Story: no`) or the editor's story name (case and spaces
    do not matter: `Gipfel in Brüssel` and `gipfel in  brüssel` are one story)."""
    value = " ".join(str(article.metadata.get("story", "") or "").split()).casefold()
    if not value:
        return None
    return ALONE if value in _ALONE_WORDS else value


def _inputs(article, default_lang: str) -> tuple:
    """What an article's place in the stories is made from."""
    names = [t.name for t in getattr(article, "tags", None) or []]
    names += list(getattr(article, "tags_without_page", None) or [])
    story = str(article.metadata.get("story", "") or "")
    return (article.slug, article.date.timestamp(), getattr(article, "lang", None) or default_lang,
            article.title, article.metadata.get("summary", ""), article.content, names, story)


def _doc(inputs: tuple, extractor: Extractor, editor) -> Doc:
    slug, time, lang, title, summary, content, names, _ = inputs
    text = plain_text(summary) + "\n" + plain_text(content)
    return Doc(slug, time, extractor.features(lang, plain_text(title), text, tuple(names)), editor)


def story_ids(story_of: dict[str, str]) -> dict[str, str]:
    """A story's id: its first article's slug, or the slug of the editor's name
    (`-2`, `-3`, ... when that is taken)."""
    taken = {key for key in story_of.values() if not key.startswith("editor:")}
    ids = {}
    for key in dict.fromkeys(story_of.values()):
        if not key.startswith("editor:"):
            ids[key] = key
            continue
        base = slugify(key[len("editor:"):]) or "story"
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        ids[key] = candidate
    return ids


def group_articles(generator) -> None:
    settings = generator.settings
    conf = config(settings)
    articles = sorted(generator.articles, key=lambda a: (a.date, a.slug))
    default_lang = settings.get("DEFAULT_LANG", "de")
    inputs = [_inputs(a, default_lang) for a in articles]
    keys = [state.article_key(*i) for i in inputs]
    core_settings = Settings(window=conf["STORIES_WINDOW_HOURS"] * 3600.0)
    folder = Path(conf["STORIES_CACHE_PATH"] or os.path.join(settings["CACHE_PATH"], "stories"))
    stored = state.load(folder, core_settings, logger.warning)
    if stored and stored[0] == keys[:len(stored[0])]:
        done, index = len(stored[0]), stored[1]  # only newer articles since: resume
    else:
        done, index = 0, StoryIndex(core_settings)
    extractor = Extractor() if done < len(articles) else None
    for article, article_inputs in zip(articles[done:], inputs[done:]):
        index.add(_doc(article_inputs, extractor, editor_choice(article)))
    if stored is None or done != len(keys):
        state.save(folder, keys, index, logger.warning)
    stories = build_stories(articles, index.story_of, story_ids(index.story_of), source_of)
    feeds = bool(settings.get("FEED_ALL_ATOM")) and conf["STORIES_FEED_ATOM"]
    for article in articles:
        article.story = None
        article.story_size = 1
        article.story_others = []
    for story in stories:
        story.url = conf["STORIES_URL"].format(id=story.id)
        story.save_as = conf["STORIES_SAVE_AS"].format(id=story.id)
        story.feed = conf["STORIES_FEED_ATOM"].format(id=story.id) if feeds else ""
        for article in story.articles:
            article.story = story
            article.story_size = len(story.sources)
            article.story_others = story.others(article)
    for article in articles:
        # The story block lists its reports; the tags' related articles need not repeat them.
        related = getattr(article, "related_articles", None)
        if related and article.story:
            article.related_articles = [a for a in related if a.story is not article.story]
    newest = max((a.date for a in articles), default=None)
    generator.stories = stories
    generator.context["stories"] = stories
    generator.context["top_stories"] = top_stories(stories, newest, conf["STORIES_TOP"])


def add_to_jinja(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None:
        return
    env.filters["one_per_story"] = one_per_story
    env.globals["ST"] = strings_for(generator.settings.get("DEFAULT_LANG", "de"))


def write_story_pages(generator, writer) -> None:
    stories = getattr(generator, "stories", [])
    if not stories:
        return
    template = generator.get_template("story")
    for story in stories:
        writer.write_file(story.save_as, template, generator.context, story=story,
                          articles=story.articles, url=story.url, relative_urls=generator.settings.get("RELATIVE_URLS"))
        if story.feed:
            writer.write_feed(list(reversed(story.articles)), dict(generator.context), story.feed,
                              feed_title=plain_text(story.lead.title))


def check_settings(pelican) -> None:
    """A bad setting stops the build before anything is read, with one line and no traceback."""
    try:
        config(pelican.settings)
    except ValueError as error:
        sys.exit(f"stories: {error}")


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_to_jinja)
    signals.article_generator_pretaxonomy.connect(group_articles)
    signals.article_writer_finalized.connect(write_story_pages)
