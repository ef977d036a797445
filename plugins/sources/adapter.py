"""Pelican adapter: set category (and, without a byline, author) from `Source` before the Article is made."""

from pelican import signals
from pelican.urlwrappers import Author, Category

from .core import needs_fallback_author, source_name


def apply_source(generator, metadata):
    name = source_name(metadata)
    if name is None:
        return
    metadata["category"] = Category(name, generator.settings)
    if needs_fallback_author(metadata):
        metadata["author"] = Author(name, generator.settings)
        metadata["authors"] = [metadata["author"]]


def register():
    signals.article_generator_context.connect(apply_source)
