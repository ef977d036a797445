"""The text of a new article; the slug rules are the converter's."""

from __future__ import annotations

from datetime import datetime

from seed_converter.markdown_text import escape_markdown, escape_title
from seed_converter.slug import make_slug, unique_slug


def new_slug(title: str, taken: set[str]) -> str:
    """A slug for `title` that no article uses yet."""
    base = make_slug(title)
    if not base:
        raise ValueError(f"cannot make a slug from the title {title!r}")
    return unique_slug(base, taken)


def render(title: str, slug: str, date: datetime, lang: str, source: str, summary: str) -> str:
    """Metadata block and an empty body; empty Source or Summary stay for the author to fill in."""
    fields = [("Title", escape_title(title)), ("Slug", slug), ("Date", date.isoformat(timespec="seconds")),
              ("Lang", lang), ("Source", source), ("Summary", escape_markdown(summary) if summary else "")]
    return "".join(f"{key}: {value}".rstrip() + "\n" for key, value in fields) + "\n"
