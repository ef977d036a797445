"""Every page type's metadata for crawlers and link previews: JSON-LD checked against Google's
Article and BreadcrumbList recommendations, Open Graph and Twitter card tags with og:locale."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

# One page of every type the theme writes (the search page is lunr_search's).
PAGE_TYPES = {
    "home": "index.html",
    "article": "articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html",
    "article without image or byline": "articles/markets-rally.html",
    "tag": "tag/ukraine.html",
    "tag page 2": "tag/ukraine/1/index.html",
    "source": "sources/dw.html",
    "source page 2": "sources/dw/1/index.html",
    "author": "author/bernd-riegert.html",
    "tags": "tags.html",
    "sources": "sources/index.html",
    "authors": "authors.html",
    "archive index": "archives.html",
    "year": "archives/2022/index.html",
    "month": "archives/2022/01/index.html",
    "day": "archives/2022/01/07/index.html",
    "day page 2": "archives/2022/01/07/2/index.html",
    "about": "about.html",
    "impressum": "impressum.html",
    "datenschutz": "datenschutz.html",
    "page": "pages/hinweise.html",
    "404": "404.html",
}


def load(site, path):
    page = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    blocks = [json.loads(s.string) for s in page.select("script[type='application/ld+json']")]
    return page, {b["@type"]: b for b in blocks}


def filled(value) -> bool:
    return value not in (None, "", [], {})


def check_breadcrumbs(crumbs: dict, page_url: str) -> None:
    """Google: itemListElement of ListItems, each with position (1, 2, ...), name and item (a URL)."""
    items = crumbs["itemListElement"]
    assert len(items) >= 2
    assert [i["position"] for i in items] == list(range(1, len(items) + 1))
    for item in items:
        assert item["@type"] == "ListItem" and filled(item["name"]) and filled(item["item"])
    assert items[0]["item"] == "/" and items[-1]["item"] in (page_url, page_url.removesuffix("index.html"))


def check_article(article: dict, has_image: bool) -> None:
    """Google's Article: headline, image, datePublished, dateModified, author (name, url) recommended."""
    for key in ("headline", "datePublished", "dateModified", "author", "publisher", "mainEntityOfPage"):
        assert filled(article.get(key)), key
    assert len(article["headline"]) <= 110
    for person in article["author"]:
        assert filled(person["name"]) and filled(person["url"]) and person["@type"] in ("Person", "Organization")
    assert filled(article["publisher"]["name"]) and filled(article["publisher"]["logo"]["url"])
    assert filled(article["sourceOrganization"]["name"])
    if has_image:
        assert all(filled(url) for url in article["image"]) and article["image"]
    else:
        assert "image" not in article


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_json_ld_and_link_previews(site, kind):
    path = PAGE_TYPES[kind]
    page, data = load(site, path)
    if kind == "home":
        assert data["WebSite"]["publisher"]["name"] == "News Digest" and "BreadcrumbList" not in data
    elif kind == "404":  # served at any missing URL: nowhere in the site's structure
        assert data == {}
    else:
        check_breadcrumbs(data["BreadcrumbList"], "/" + path)
    if kind.startswith("article"):
        check_article(data["NewsArticle"], has_image=kind == "article")
    og = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    for key in ("og:title", "og:description", "og:url", "og:type", "og:image", "og:locale", "og:site_name"):
        assert filled(og.get(key)), (kind, key)
    assert og["og:locale"] == ("en_US" if kind == "article without image or byline" else "de_DE")
    assert og["og:title"] == page.title.get_text()
    card = page.select_one("meta[name='twitter:card']")["content"]
    assert card == ("summary_large_image" if kind == "article" else "summary")


def test_english_article_has_its_own_locale(site):
    page, _ = load(site, "articles/markets-rally.html")
    assert page.select_one("meta[property='og:locale']")["content"] == "en_US"
