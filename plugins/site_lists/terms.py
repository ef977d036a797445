"""Pelican adapter: ArticlesGenerator's per-term pages and period archives from one-pass lists.

Replaces `generate_tags`, `generate_categories`, `generate_authors` and
`_build_period_archives` of pelican.generators.ArticlesGenerator (4.12) with
versions that write the same pages from the same data, without the nested
scans (lists.py). Nothing else of the generator changes.
"""

from __future__ import annotations

import calendar
import logging
from collections import defaultdict
from operator import attrgetter

from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError

from .lists import in_order, period_groups, positions

logger = logging.getLogger(__name__)

# (template, keyword the template gets the term as, generator attribute, label for messages)
_TERMS = {
    "tag": ("tag", "tags", "Tag"),
    "category": ("category", "categories", "Category"),
    "author": ("author", "authors", "Author"),
}


def _term_pages(self, write, template_name: str) -> None:
    keyword, attribute, label = _TERMS[template_name]
    template = self.get_template(template_name)
    terms = getattr(self, attribute)
    order = positions(self.dates)
    for term, articles in (terms.items() if isinstance(terms, dict) else terms):
        try:
            write(term.save_as, template, self.context, url=term.url, articles=articles,
                  dates=in_order(articles, order), template_name=template_name, blog=True,
                  page_name=term.page_name, all_articles=self.articles, **{keyword: term})
        except FileOverwriteFailedError:
            if term.slug:
                logger.error('Failed to write %s page for "%s".', label, term)
                raise
            logger.info('%s "%s" has an invalid slug; skipping writing its page...', label, term,
                        extra={"limit_msg": f"Further {attribute} with invalid slugs."})


def generate_tags(self, write):
    _term_pages(self, write, "tag")


def generate_categories(self, write):
    _term_pages(self, write, "category")


def generate_authors(self, write):
    _term_pages(self, write, "author")


_PERIOD_KEYS = {
    "year": attrgetter("date.year"),
    "month": attrgetter("date.year", "date.month"),
    "day": attrgetter("date.year", "date.month", "date.day"),
}


def build_period_archives(self, sorted_articles, articles, settings):
    """Pelican's period archives (same dicts, same order), each period's articles found in one pass."""
    period_archives = defaultdict(list)
    for granularity, key in _PERIOD_KEYS.items():
        save_as_fmt = settings[f"{granularity.upper()}_ARCHIVE_SAVE_AS"]
        url_fmt = settings[f"{granularity.upper()}_ARCHIVE_URL"]
        if not save_as_fmt:
            continue
        for period, dates, members in period_groups(sorted_articles, articles, key):
            d = dates[0].date
            archive = {"dates": dates, "articles": members,
                       "save_as": save_as_fmt.format(date=d), "url": url_fmt.format(date=d)}
            if granularity == "year":
                archive["period"] = (period,)
                archive["period_num"] = (period,)
            else:
                month_name = calendar.month_name[period[1]]
                archive["period"] = ((period[0], month_name) if granularity == "month"
                                     else (period[0], month_name, period[2]))
                archive["period_num"] = tuple(period)
            period_archives[granularity].append(archive)
    return period_archives


def install() -> None:
    ArticlesGenerator.generate_tags = generate_tags
    ArticlesGenerator.generate_categories = generate_categories
    ArticlesGenerator.generate_authors = generate_authors
    ArticlesGenerator._build_period_archives = build_period_archives
