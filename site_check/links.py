"""Internal links and fragments: every link inside the site must reach a file, and its #fragment an id."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from . import Problem
from .urls import SiteURLs

# Attributes that point at something the browser loads or the reader follows.
LINK_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",),
    "img": ("src", "srcset"), "source": ("src", "srcset"), "script": ("src",),
    "iframe": ("src",), "audio": ("src",), "video": ("src", "poster"), "track": ("src",),
    "form": ("action",),
}
IGNORED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")
# "#" and "#top" scroll to the top of any HTML page (HTML's "indicated part of the document").
ALWAYS_VALID_FRAGMENTS = {"", "top"}


class _PageParser(HTMLParser):
    """Collects a page's ids (and a[name]s) and the URLs it links to."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for attribute in LINK_ATTRIBUTES.get(tag, ()):
            value = (values.get(attribute) or "").strip()
            if attribute == "srcset":
                self.urls += [c.split()[0] for c in value.split(",") if c.strip()]
            elif value:
                self.urls.append(value)


def parse_page(html: str) -> tuple[set[str], list[str]]:
    """(ids, linked URLs) of one HTML page."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.ids, parser.urls


def check_links(site_dir: Path, site_url: str = "") -> list[Problem]:
    """A problem for each link inside the site to a missing file or a missing fragment."""
    site = SiteURLs(site_dir, site_url)
    pages = {site.page_path(f): parse_page(f.read_text(encoding="utf-8", errors="replace"))
             for f in sorted(site_dir.rglob("*.html"))}
    problems = []
    for page, (_, urls) in pages.items():
        for url in urls:
            if url.lower().startswith(IGNORED_SCHEMES):
                continue
            resolved = site.resolve(url, page)
            if resolved is None:
                continue
            target, fragment = resolved
            file = site.file_for(target)
            if file is None:
                problems.append(Problem(site_dir / page, f"broken link {url} (no file {target or '/'})"))
                continue
            if fragment in ALWAYS_VALID_FRAGMENTS or file.suffix != ".html":
                continue
            ids = pages.get(site.page_path(file), (set(), []))[0]
            if fragment not in ids:
                problems.append(Problem(site_dir / page, f"broken fragment {url} (no id {fragment!r} in {site.page_path(file)})"))
    return problems
