"""Readable ASCII slugs: `Gespräche über Öl` -> `gespraeche-ueber-oel`."""

from __future__ import annotations

import hashlib
import re

from slugify import slugify

from .invisible import strip_for_slug

MAX_LENGTH = 80
# The slug comes from the start of its text; this much is far more than
# MAX_LENGTH slug characters need, and bounds the work on a huge headline.
_MAX_INPUT = 20 * MAX_LENGTH
_GERMAN = [["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"], ["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["ß", "ss"]]
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes of a file name that are not UTF-8


def make_slug(text: str, max_length: int = MAX_LENGTH) -> str:
    """A lowercase ASCII slug of at most `max_length` characters, cut at a word boundary.

    Invisible characters are dropped first, so they never split a word.
    python-slugify's own `word_boundary` skips words that do not fit and goes
    on with later, shorter ones, so the cut is done here.
    """
    text = _UNDECODABLE.sub("", strip_for_slug(text[:_MAX_INPUT]))
    return _cut(slugify(text, replacements=_GERMAN), max_length)


def seed_slug(headline: str, file_name: str) -> str:
    """The headline's slug, else the file name's, else one from a hash of the file name: never empty."""
    stem = file_name[:-4] if file_name.endswith(".txt") else file_name
    name_bytes = file_name.encode("utf-8", "surrogateescape")
    return (make_slug(headline) or make_slug(stem)
            or "seed-" + hashlib.sha256(name_bytes).hexdigest()[:12])


def pelican_slug(title: str) -> str:
    """The slug Pelican gives an article that has a title and no `Slug:` (default settings)."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify as pelican_slugify

    return pelican_slugify(title, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


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
