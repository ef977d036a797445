"""Pelican adapter: set the category from `Source` before the Article is made; keep
Pelican's site-wide default author off articles without a byline; credit the source in feeds."""

from pelican import signals
from pelican.urlwrappers import Category

from .core import credit_missing_authors, has_byline, source_name


def apply_source(generator, metadata):
    name = source_name(metadata)
    if name is not None:
        metadata["category"] = Category(name, generator.settings)


def drop_default_authors(generator):
    """Pelican gives every article without a byline the `AUTHOR` setting as author (and
    so an author page); an article without a byline has no author."""
    for article in generator.articles:
        if not has_byline(article.metadata):
            for attribute in ("author", "authors"):
                if hasattr(article, attribute):
                    delattr(article, attribute)


def credit_sources_in_feed(context, feed):
    credit_missing_authors(feed.items)


def register():
    signals.article_generator_context.connect(apply_source)
    signals.article_generator_pretaxonomy.connect(drop_default_authors)
    signals.feed_generated.connect(credit_sources_in_feed)
