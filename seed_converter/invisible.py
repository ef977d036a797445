"""Invisible characters in seed text: bidi controls and zero-width characters.

Explicit bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069)
are removed from seed text: an unterminated U+202E in a headline would
otherwise reverse whatever a page, feed or `<title>` prints after it. The
marks U+200E, U+200F and U+061C, which reverse nothing, stay. Zero-width
spaces, word joiners and stray byte order marks are removed; a zero-width
(non-)joiner is removed between Latin letters, where it only splits words,
and kept next to the scripts and emoji that need it.

Slugs go further: every invisible formatting character is dropped before
slugifying, so `Bundes\u200btag` gives `bundestag`, never `bundes-tag`.
"""

from __future__ import annotations

import re

_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_ALWAYS = re.compile(f"[{_BIDI_CONTROLS}\u200b\u2060\ufeff\u180e]")
# A run of joiners with a Latin (below U+0300) character or an edge on both sides.
_LATIN_JOINERS = re.compile("(?<![^\x00-\u02ff])[\u200c\u200d]+(?![^\x00-\u02ff])")
_FOR_SLUG = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                       "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
                       "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")


def remove_invisible(text: str) -> tuple[str, str | None]:
    """`text` without bidi controls and word-splitting zero-width characters, and a warning if any went."""
    joiners = "\u200c" in text or "\u200d" in text  # a plain scan first: the pattern is slower
    hits = [m for m in (_ALWAYS.search(text), _LATIN_JOINERS.search(text) if joiners else None) if m]
    if not hits:
        return text, None
    first = min(hits, key=lambda match: match.start())
    cleaned, bidi_or_zero_width = _ALWAYS.subn("", text)
    cleaned, latin_joiners = _LATIN_JOINERS.subn("", cleaned) if joiners else (cleaned, 0)
    line = text.count("\n", 0, first.start()) + 1
    count = bidi_or_zero_width + latin_joiners
    return cleaned, (f"removed {count} invisible character{'s' if count != 1 else ''} "
                     f"(bidi controls or zero-width characters; the first, U+{ord(first.group()[0]):04X}, "
                     f"on line {line})")


def strip_for_slug(text: str) -> str:
    """`text` without any invisible formatting character."""
    return _FOR_SLUG.sub("", text)
