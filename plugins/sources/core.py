"""Pure rules: which category and fallback author an article's source implies."""

from __future__ import annotations


def source_name(metadata: dict) -> str | None:
    """The publisher named by the `Source` metadata, or None when it is absent or blank."""
    source = metadata.get("source")
    if not isinstance(source, str):
        return None
    source = " ".join(source.split())
    return source or None


def needs_fallback_author(metadata: dict) -> bool:
    """True when the article has no byline: feeds then credit the source, as agencies are credited."""
    return not metadata.get("author") and not metadata.get("authors")
