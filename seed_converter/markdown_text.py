"""Escape plain text so Pelican's Markdown renders exactly that text.

Covers the Markdown settings in pelicanconf.py (`extra` and `meta`): inline
syntax everywhere, block markers at the start of a paragraph, and HTML.
"""

import html
import re

# Inline markers, backslash first so the backslashes added for the others stay single.
_INLINE = "\\`*_{}[]"
_ORDERED = re.compile(r"(\d+)\.(?=\s|$)")
# Block markers that a backslash escapes (Markdown's escapable characters).
_BACKSLASHED_START = "#+-!"
# Block markers Markdown cannot backslash-escape: use a character reference
# (`:` opens a definition list, `~` a fenced code block, `|` a table).
_ENTITY_START = {":": "&#58;", "~": "&#126;", "|": "&#124;", "=": "&#61;"}


def escape_markdown(text: str) -> str:
    """Return Markdown source whose rendering shows `text` as it is."""
    out = html.escape(text, quote=False)
    for marker in _INLINE:  # str.replace: a C loop per marker, fast on megabytes of markup
        if marker in out:
            out = out.replace(marker, "\\" + marker)
    ordered = _ORDERED.match(out)
    if ordered:
        return ordered.group(1) + "\\." + out[ordered.end():]
    if out[:1] in _BACKSLASHED_START:
        return "\\" + out
    if out[:1] in _ENTITY_START:
        return _ENTITY_START[out[0]] + out[1:]
    return out


def escape_title(text: str) -> str:
    """Pelican treats titles as HTML (themes print them, feeds strip tags)."""
    return html.escape(text, quote=False)
