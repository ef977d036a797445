"""Pelican adapter: expose the theme's strings and filters to Jinja, link each article to its neighbours."""

from __future__ import annotations

from pelican import signals

from .dates import day_heading, long_date, long_date_pattern, month_name, period_title
from .grouping import group_by_day, neighbours
from .memo import RenderMemo, freeze_urls
from .strings import strings_for
from .urls import direct_template_url, quote_url


def add_to_jinja(generator):
    """Every generator has its own Jinja environment; give each the same strings and filters."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    lang = generator.settings.get("DEFAULT_LANG", "de")
    env.globals["T"] = strings_for(lang)
    env.filters["long_date"] = lambda value: long_date(value, lang)
    env.globals["long_date_pattern"] = long_date_pattern(lang)
    env.filters["day_heading"] = lambda value: day_heading(value, lang)
    env.filters["month_name"] = lambda month: month_name(month, lang)
    env.filters["period_title"] = lambda period_num: period_title(tuple(period_num), lang)
    env.filters["group_by_day"] = group_by_day
    env.filters["quote_url"] = quote_url
    env.globals["direct_url"] = lambda name: direct_template_url(generator.settings, name)
    env.globals["render_once"] = RenderMemo()  # one per generator, so one per build


def finalize_articles(generator):
    """Articles are newest first: the previous article is the newer one, the next the older one."""
    freeze_urls(generator.articles)
    for article, newer, older in neighbours(generator.articles):
        article.newer_article = newer
        article.older_article = older


def finalize_pages(generator):
    freeze_urls(generator.pages)


def register():
    signals.generator_init.connect(add_to_jinja)
    signals.article_generator_finalized.connect(finalize_articles)
    signals.page_generator_finalized.connect(finalize_pages)
