"""Pure rules: which category an article's source implies, and who is its author."""

from __future__ import annotations


def source_name(metadata: dict) -> str | None:
    """The publisher named by the `Source` metadata, or None when it is absent or blank."""
    source = metadata.get("source")
    if not isinstance(source, str):
        return None
    source = " ".join(source.split())
    return source or None


def has_byline(metadata: dict) -> bool:
    """True when the article names its people (`Author`/`Authors`). Without a byline an
    article has no author page: it is credited to its source alone."""
    return bool(metadata.get("author") or metadata.get("authors"))


def credit_missing_authors(items: list[dict]) -> None:
    """Feed entries without an author are credited to their source, as agency news is.

    `items` are feedgenerator's entry dicts; their first category is the article's source.
    """
    for item in items:
        if not item.get("author_name") and item.get("categories"):
            item["author_name"] = item["categories"][0]
