"""Feeds parse and carry each entry's facts; the UI switches to English with DEFAULT_LANG."""

import json

import feedparser
from bs4 import BeautifulSoup

from tests.theme.sitefixture import SITE_SETTINGS, XSS_HEADLINE, build_site

BASE = "https://news-digest.example.org"


def test_every_feed_parses_and_entries_are_complete(published_site):
    feeds = sorted((published_site / "feeds").rglob("*.xml"))
    names = {str(f.relative_to(published_site / "feeds")) for f in feeds}
    for expected in ("all.atom.xml", "all.rss.xml", "tag/ukraine.atom.xml", "tag/ukraine.rss.xml",
                     "source/dw.atom.xml", "source/dw.rss.xml"):
        assert expected in names
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.entries, path
        for entry in feed.entries:
            assert entry.title and entry.link.startswith(BASE + "/articles/"), path
            assert entry.get("published") or entry.get("updated"), path
            assert entry.get("author"), path
            assert entry.get("summary"), path
    entries = {e.link: e for e in feedparser.parse((published_site / "feeds/all.atom.xml").read_bytes()).entries}
    nato = entries[f"{BASE}/articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html"]
    assert nato.author == "Bernd Riegert"
    assert "realen Kriegsgefahr" in nato.summary
    # FEED_FULL_TEXT is off: the lead, not the body, and the source credited where no byline is.
    assert "Stoltenberg" not in nato.summary and not nato.get("content")
    markets = entries[f"{BASE}/articles/markets-rally.html"]
    assert markets.author == "DW"
    assert {t.term for t in nato.tags} >= {"NATO", "Ukraine"}
    rss = {e.link: e for e in feedparser.parse((published_site / "feeds/all.rss.xml").read_bytes()).entries}
    assert {t.term for t in rss[nato.link].tags} >= {"NATO", "Ukraine"}


def test_feed_full_text_setting(tmp_path):
    site = build_site(tmp_path, {"FEED_FULL_TEXT": True}, conf="publishconf.py")
    atom = {e.link: e for e in feedparser.parse((site / "feeds/all.atom.xml").read_bytes()).entries}
    nato = atom[f"{BASE}/articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html"]
    assert "Stoltenberg" in nato.content[0].value and "Kriegsgefahr" in nato.summary
    rss = {e.link: e for e in feedparser.parse((site / "feeds/all.rss.xml").read_bytes()).entries}
    assert "Stoltenberg" in rss[nato.link].summary


def test_seed_headline_stays_text_in_feeds(published_site):
    for name in ("all.atom.xml", "all.rss.xml"):
        feed = feedparser.parse((published_site / "feeds" / name).read_bytes())
        titles = [e.title for e in feed.entries]
        assert XSS_HEADLINE in titles, titles
        raw = (published_site / "feeds" / name).read_text(encoding="utf-8")
        assert "<script>" not in raw


def test_published_pages_use_absolute_urls(published_site):
    page = BeautifulSoup((published_site / "articles/markets-rally.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("link[rel=canonical]")["href"] == f"{BASE}/articles/markets-rally.html"
    assert page.select_one("link[type='application/atom+xml']")["href"] == f"{BASE}/feeds/all.atom.xml"
    tag = BeautifulSoup((published_site / "tag/ukraine.html").read_text(encoding="utf-8"), "html.parser")
    assert tag.select_one("head link[href$='feeds/tag/ukraine.atom.xml']")
    source = BeautifulSoup((published_site / "sources/dw.html").read_text(encoding="utf-8"), "html.parser")
    assert source.select_one("head link[href$='feeds/source/dw.rss.xml']")
    assert f"Sitemap: {BASE}/sitemap.xml" in (published_site / "robots.txt").read_text(encoding="utf-8")


def test_english_ui(tmp_path):
    site = build_site(tmp_path, {"DEFAULT_LANG": "en", "HOME_ARTICLES": 1})
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.html["lang"] == "en"
    assert home.select_one("a.skip-link").get_text() == "Skip to content"
    assert home.select_one("h2.day-heading").get_text(strip=True) == "Friday, 7 January 2022"
    assert home.select_one("main time").get_text() == "14:51"
    assert home.select_one("nav.more-news a[rel=next]").get_text() == "Earlier news: Thursday, 6 January 2022 →"
    archive = BeautifulSoup((site / "archives.html").read_text(encoding="utf-8"), "html.parser")
    assert [th.get_text() for th in archive.select("table.calendar th")][:2] == ["Mon", "Tue"]
    assert archive.select_one("a[href='/archives/2022/01/07/']")["aria-label"] == "Friday, 7 January 2022: 2 articles"
    day = BeautifulSoup((site / "archives/2022/01/07/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [t.get_text() for t in day.select("article.item .meta time")] == ["09:00", "14:51"]
    assert day.select_one("meta[property='og:locale']")["content"] == "en_US"
    about = BeautifulSoup((site / "about.html").read_text(encoding="utf-8"), "html.parser")
    assert "brings together news from 2 sources" in about.select_one("main").get_text(" ", strip=True)
    legal = BeautifulSoup((site / "impressum.html").read_text(encoding="utf-8"), "html.parser")
    assert legal.h1.get_text() == "Legal notice" and "[to be filled in: LEGAL operator]" in legal.get_text()
    privacy = BeautifulSoup((site / "datenschutz.html").read_text(encoding="utf-8"), "html.parser")
    assert privacy.h1.get_text() == "Privacy" and "sets no cookies" in privacy.get_text()
    nav = [a.get_text() for a in home.select("header nav a")]
    assert nav[:4] == ["Home", "Sources", "Topics", "Archives"]
    article = BeautifulSoup((site / "articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html")
                            .read_text(encoding="utf-8"), "html.parser")
    assert article.select_one("article.story")["lang"] == "de"
    assert article.select_one("figcaption").get_text() == "Image: DW"
    assert article.select_one(".story-header time").get_text() == "7 January 2022, 14:51"
    assert article.select_one("meta[property='og:locale']")["content"] == "de_DE"  # the article's own language
    search = BeautifulSoup((site / "search.html").read_text(encoding="utf-8"), "html.parser")
    assert search.select_one("main h1").get_text() == "Search"
    assert search.select_one("label[for=search-query]").get_text() == "Search terms"
    messages = json.loads(search.select_one("#search-status")["data-messages"])
    assert messages["count"] == "{1} results for “{0}”" and messages["loading"].startswith("Loading")
    # search-page.js writes a hit's date from these, as the theme writes dates.
    assert messages["date"].format(7, messages["months"][0], 2022) == "7 January 2022"


def test_two_builds_are_byte_identical(tmp_path, site, image_host):
    # A fresh image cache: the images are downloaded and encoded again, to the same bytes.
    again = build_site(tmp_path, SITE_SETTINGS, images=image_host[0], image_cache=tmp_path / "fresh-cache")
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for rel in files:
        assert (site / rel).read_bytes() == (again / rel).read_bytes(), rel
