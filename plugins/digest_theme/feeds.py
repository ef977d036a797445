"""Feeds carry each article's lead as its summary; the full text only with `FEED_FULL_TEXT = True`."""

from __future__ import annotations


def lead_only(items: list[dict]) -> None:
    """Drop each feedgenerator entry's full `content`, keeping (or making) its summary."""
    for item in items:
        if item.get("content"):
            item["description"] = item.get("description") or item["content"]
            item["content"] = None


def summary_only(context, feed):
    if not context.get("FEED_FULL_TEXT", False):
        lead_only(feed.items)
