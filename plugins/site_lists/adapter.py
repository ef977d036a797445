"""Pelican adapter: install the one-pass lists and the stable paginator; write the sitemaps.

Settings (defaults in DEFAULTS): SITEMAP_SAVE_AS, the sitemap (or, when the
site has more than SITEMAP_MAX_URLS URLs, the sitemap index); SITEMAP_PART_SAVE_AS,
the parts behind an index ({number} from 1). The sitemap lists the home page,
the pages, the tag and source pages (with their newest article's date), the
articles, oldest first, and last what other plugins put in the context's
`sitemap_extra` ((URL relative to the site, lastmod or None) pairs).
"""

from __future__ import annotations

import sys
from operator import itemgetter
from pathlib import Path

from pelican import signals, writers

from seed_converter.atomic import write_atomic

from . import terms
from .paging import StablePaginator
from .sitemap import MAX_URLS, Entry, sitemap_files

DEFAULTS = {
    "SITEMAP_SAVE_AS": "sitemap.xml",
    "SITEMAP_PART_SAVE_AS": "sitemap-{number}.xml",
    "SITEMAP_MAX_URLS": MAX_URLS,
}


def _setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def sitemap_entries(context: dict) -> list[Entry]:
    site = context.get("SITEURL", "")
    articles = context.get("articles", [])
    newest = max((a.date for a in articles), default=None)
    entries = [Entry(f"{site}/", newest)]
    for page in context.get("pages", []):
        entries.append(Entry(f"{site}/{page.url}", getattr(page, "modified", None) or getattr(page, "date", None)))
    for terms_ in (context.get("tags", []), context.get("categories", [])):
        for term, items in sorted(terms_, key=itemgetter(0)):
            entries.append(Entry(f"{site}/{term.url}", max(a.date for a in items)))
    for article in reversed(articles):
        entries.append(Entry(f"{site}/{article.url}", getattr(article, "modified", None) or article.date))
    entries += [Entry(f"{site}/{url}", lastmod) for url, lastmod in context.get("sitemap_extra", [])]
    return entries


def write_text(output_path: str, path: str, text: str) -> None:
    """Write `text` to `output_path/path` atomically (a reader never sees half a file)."""
    write_atomic(Path(output_path, *path.split("/")), text)


def write_sitemaps(generator, writer) -> None:
    settings = generator.settings
    save_as = _setting(settings, "SITEMAP_SAVE_AS")
    if not save_as:
        return
    files = sitemap_files(sitemap_entries(generator.context), _setting(settings, "SITEMAP_MAX_URLS"),
                          save_as, _setting(settings, "SITEMAP_PART_SAVE_AS"), settings.get("SITEURL", ""))
    for path, text in files:
        write_text(generator.output_path, path, text)


def drop_sitemap_template(pelican) -> None:
    """This plugin writes the sitemap; a `sitemap` direct template would write the same file."""
    settings = pelican.settings
    settings["DIRECT_TEMPLATES"] = [t for t in settings.get("DIRECT_TEMPLATES", []) if t != "sitemap"]


def check_settings(pelican) -> None:
    """A bad setting stops the build before anything is read, with one line and no traceback."""
    limit = _setting(pelican.settings, "SITEMAP_MAX_URLS")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        sys.exit(f"site_lists: SITEMAP_MAX_URLS: a positive whole number, not {limit!r}")


def register():
    signals.initialized.connect(check_settings)
    terms.install()
    writers.Paginator = StablePaginator
    signals.initialized.connect(drop_sitemap_template)
    signals.article_writer_finalized.connect(write_sitemaps)
