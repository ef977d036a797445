"""Sitemaps of at most `limit` URLs each, behind a sitemap index when one is not enough. Pure.

The protocol allows 50,000 URLs per sitemap. Entries are ordered so that the
oldest articles fill the first files: a new article changes the last file,
the first (the home page's and the lists' dates) and the index, however many
files there are.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple, Optional, Sequence
from xml.sax.saxutils import escape

MAX_URLS = 50_000
_URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
_INDEX = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


class Entry(NamedTuple):
    loc: str
    lastmod: Optional[dt.datetime] = None


def _item(tag: str, entry: Entry) -> str:
    lastmod = f"<lastmod>{entry.lastmod.isoformat()}</lastmod>" if entry.lastmod else ""
    return f"<{tag}><loc>{escape(entry.loc)}</loc>{lastmod}</{tag}>\n"


def urlset(entries: Sequence[Entry]) -> str:
    return _HEAD + _URLSET + "".join(_item("url", e) for e in entries) + "</urlset>\n"


def sitemap_files(entries: Sequence[Entry], limit: int, index_path: str, part_path: str,
                  site_url: str) -> list[tuple[str, str]]:
    """(output path, XML) of the sitemap files: one urlset at `index_path` when the
    entries fit, else parts `part_path.format(number=1..)` and an index at `index_path`."""
    if limit < 1:
        raise ValueError(f"SITEMAP_MAX_URLS: a positive whole number, not {limit!r}")
    if len(entries) <= limit:
        return [(index_path, urlset(entries))]
    files, index = [], []
    for number, start in enumerate(range(0, len(entries), limit), start=1):
        part = entries[start:start + limit]
        path = part_path.format(number=number)
        files.append((path, urlset(part)))
        lastmod = max((e.lastmod for e in part if e.lastmod), default=None)
        index.append(Entry(f"{site_url}/{path}", lastmod))
    body = "".join(_item("sitemap", e) for e in index)
    return [*files, (index_path, _HEAD + _INDEX + body + "</sitemapindex>\n")]
