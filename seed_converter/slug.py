"""Readable ASCII slugs: `Gespräche über Öl` -> `gespraeche-ueber-oel`."""

from __future__ import annotations

from slugify import slugify

MAX_LENGTH = 80
_GERMAN = [["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"], ["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["ß", "ss"]]


def make_slug(text: str, max_length: int = MAX_LENGTH) -> str:
    """A lowercase ASCII slug of at most `max_length` characters, cut at a word boundary.

    python-slugify's own `word_boundary` skips words that do not fit and goes
    on with later, shorter ones, so the cut is done here.
    """
    return _cut(slugify(text, replacements=_GERMAN), max_length)


def _cut(slug: str, max_length: int) -> str:
    if len(slug) <= max_length:
        return slug
    head = slug[: max_length + 1]
    return head.rsplit("-", 1)[0] if "-" in head[1:] else slug[:max_length]


def unique_slug(base: str, taken: set[str], max_length: int = MAX_LENGTH) -> str:
    """`base`, or `base-2`, `base-3`, … (still within `max_length`) if taken."""
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = _cut(base, max_length - len(suffix)) + suffix
        if candidate not in taken:
            return candidate
        number += 1
