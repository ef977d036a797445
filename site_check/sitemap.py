"""The sitemap: it must exist, list only pages that exist, and list every article."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from . import Problem
from .urls import SiteURLs

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(data: bytes) -> list[str]:
    """The <loc> URLs of a sitemap (a <urlset>)."""
    root = ET.fromstring(data)
    return [loc.text.strip() for loc in root.iter(f"{SITEMAP_NS}loc") if loc.text]


def check_sitemap(site_dir: Path, site_url: str = "", articles_path: str = "articles",
                  sitemap_path: str = "sitemap.xml") -> list[Problem]:
    """Problems with `sitemap_path`; articles are the HTML files under `articles_path`."""
    sitemap = site_dir / sitemap_path
    if not sitemap.is_file():
        return [Problem(sitemap, "no sitemap")]
    try:
        locations = sitemap_locations(sitemap.read_bytes())
    except ET.ParseError as error:
        return [Problem(sitemap, f"not well-formed XML: {error}")]
    site = SiteURLs(site_dir, site_url)
    problems, listed = [], set()
    for url in locations:
        resolved = site.resolve(url)
        file = site.file_for(resolved[0]) if resolved else None
        if resolved is None:
            problems.append(Problem(sitemap, f"lists a URL outside the site: {url}"))
        elif file is None:
            problems.append(Problem(sitemap, f"lists a page that does not exist: {url}"))
        else:
            listed.add(file)
    for article in sorted((site_dir / articles_path).rglob("*.html")):
        if article not in listed:
            problems.append(Problem(sitemap, f"does not list the article {site.page_path(article)}"))
    return problems
