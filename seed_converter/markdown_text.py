"""Escape plain text so Pelican's Markdown renders exactly that text.

Covers the Markdown settings in pelicanconf.py (`extra` and `meta`): inline
syntax everywhere, block markers at the start of a paragraph, and HTML.

Python-Markdown's inline processing takes time quadratic in a paragraph's
escapes and entities (each one rebuilds the paragraph's text): 200 KB of
markup characters take 11 s, 2 MB would take most of an hour. A paragraph
longer than LONG_PARAGRAPH is therefore written as a raw HTML block,
`<p>…</p>` with the text HTML-escaped, which Markdown passes through in
linear time and which renders to the same HTML.
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


LONG_PARAGRAPH = 10_000


def markdown_paragraph(text: str) -> str:
    """Markdown source of one paragraph showing `text` as it is (see LONG_PARAGRAPH)."""
    if len(text) > LONG_PARAGRAPH:
        return f"<p>{html.escape(text, quote=False)}</p>"
    return escape_markdown(text)


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
