"""Tag slugs: transliterated like article slugs (`Türkei` -> `tuerkei`) and unique."""

from __future__ import annotations

import hashlib

from seed_converter.slug import make_slug, unique_slug


def tag_slugs(names: list[str]) -> dict[str, str]:
    """A slug for every tag name. Names that differ only in case share a slug (they are one
    tag); other names that would slugify alike get `-2`, `-3`, … in sorted order."""
    by_key: dict[str, str] = {}
    taken: set[str] = set()
    slugs: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (n.lower(), n)):
        key = name.lower()
        if key not in by_key:
            base = make_slug(name) or "tag-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
            by_key[key] = unique_slug(base, taken)
            taken.add(by_key[key])
        slugs[name] = by_key[key]
    return slugs
