"""The sitemap: it must exist, list only pages that exist, and list every article.

A sitemap index (<sitemapindex>) is followed into the sitemaps it lists, each
of which may hold at most 50,000 URLs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from . import Problem
from .urls import SiteURLs

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_URLS = 50_000


def sitemap_locations(data: bytes) -> list[str]:
    """The <loc> URLs of a sitemap (a <urlset>) or of a sitemap index."""
    return _locations(ET.fromstring(data))


def _locations(root: ET.Element) -> list[str]:
    return [loc.text.strip() for loc in root.iter(f"{SITEMAP_NS}loc") if loc.text]


def check_sitemap(site_dir: Path, site_url: str = "", articles_path: str = "articles",
                  sitemap_path: str = "sitemap.xml") -> list[Problem]:
    """Problems with `sitemap_path`; articles are the HTML files under `articles_path`."""
    sitemap = site_dir / sitemap_path
    if not sitemap.is_file():
        return [Problem(sitemap, "no sitemap")]
    try:
        root = ET.fromstring(sitemap.read_bytes())
    except ET.ParseError as error:
        return [Problem(sitemap, f"not well-formed XML: {error}")]
    site = SiteURLs(site_dir, site_url)
    problems, listed = [], set()
    parts = [(sitemap, root)]
    if root.tag == f"{SITEMAP_NS}sitemapindex":
        parts = []
        for url in _locations(root):
            resolved = site.resolve(url)
            file = site.file_for(resolved[0]) if resolved else None
            if file is None:
                problems.append(Problem(sitemap, f"lists a sitemap that does not exist: {url}"))
                continue
            try:
                parts.append((file, ET.fromstring(file.read_bytes())))
            except ET.ParseError as error:
                problems.append(Problem(file, f"not well-formed XML: {error}"))
    for part, part_root in parts:
        locations = _locations(part_root)
        if len(locations) > MAX_URLS:
            problems.append(Problem(part, f"lists {len(locations)} URLs, more than {MAX_URLS:,}"))
        problems += _check_locations(part, locations, site, listed)
    for article in sorted((site_dir / articles_path).rglob("*.html")):
        if article not in listed:
            problems.append(Problem(sitemap, f"does not list the article {site.page_path(article)}"))
    return problems


def _check_locations(sitemap: Path, locations: list[str], site: SiteURLs, listed: set) -> list[Problem]:
    """Problems with one sitemap's URLs; the files they name are added to `listed`."""
    problems = []
    for url in locations:
        resolved = site.resolve(url)
        file = site.file_for(resolved[0]) if resolved else None
        if resolved is None:
            problems.append(Problem(sitemap, f"lists a URL outside the site: {url}"))
        elif file is None:
            problems.append(Problem(sitemap, f"lists a page that does not exist: {url}"))
        else:
            listed.add(file)
    return problems
