"""The stories in a built site: story pages, the article block, the front page, editors, feeds."""

from __future__ import annotations

import re

import feedparser
from bs4 import BeautifulSoup

from . import sitefiles, testset

E01 = ["e01-dw", "e01-orf", "e01-spiegel", "e01-reuters-en"]


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_an_article_of_a_story_lists_the_others_in_a_data_story_block(story_site):
    page = soup(story_site, "articles/e01-spiegel.html")
    blocks = page.select("[data-story]")
    assert len(blocks) == 1 and blocks[0]["data-story"] == "e01-dw"
    assert "Mehr zu dieser Meldung" in blocks[0].get_text()
    links = [a["href"] for a in blocks[0].select(".story-reports a")]
    assert links == ["/articles/e01-dw.html", "/articles/e01-orf.html", "/articles/e01-reuters-en.html"]
    text = blocks[0].get_text(" ", strip=True)
    for source in ("DW", "ORF", "Reuters"):
        assert source in text
    assert "9. November 2026, 21:40" in text  # time of the Reuters report
    assert blocks[0].select_one(".story-all-link a")["href"] == "/story/e01-dw.html"


def test_an_article_alone_has_no_story_element(story_site):
    for slug in ("d01-stoltenberg-warschau", "e02-tagesschau"):
        assert not soup(story_site, f"articles/{slug}.html").select("[data-story]")


def test_the_story_page_lists_every_report_oldest_first(story_site):
    page = soup(story_site, "story/e01-dw.html")
    assert [a["href"] for a in page.select(".story-page .item-title a")] == [f"/articles/{s}.html" for s in E01]
    assert "4 Berichte von DW, ORF, Spiegel, Reuters" in page.get_text()
    assert page.select_one('link[rel="canonical"]')["href"] == "/story/e01-dw.html"


def test_the_front_page_shows_the_story_once_as_its_lead_with_the_other_sources(story_site):
    page = soup(story_site, "index.html")
    digest = page.select(".day .item")
    titles = [item.select_one(".item-title a")["href"] for item in digest]
    assert sum(t in [f"/articles/{s}.html" for s in E01] for t in titles) == 1
    assert "/articles/e01-orf.html" in titles  # the first report with an image
    lead = digest[titles.index("/articles/e01-orf.html")]
    also = lead.select_one(".story-also")
    assert also["data-story"] == "e01-dw"
    assert [a.get_text() for a in also.select("a:not(.story-all)")] == ["DW", "Spiegel", "Reuters"]
    assert " ".join(also.get_text().split()).startswith("auch bei: DW, Spiegel, Reuters")


def test_the_top_stories_are_the_days_stories_with_the_most_sources(story_site):
    top = soup(story_site, "index.html").select_one(".story-top")
    assert top.find("h2").get_text() == "Top-Meldungen"
    rows = top.select("li")
    # two sources each: the one with the newer report first
    assert [li["data-story"] for li in rows] == ["e01-dw", "streiktag", "e02-br"]
    assert "4 Quellen" in rows[0].get_text() and "ORF" in rows[0].get_text()


def test_editors_win(story_site):
    page = soup(story_site, "articles/u06-wetter.html")
    block = page.select_one("[data-story]")
    assert block["data-story"] == "streiktag"
    assert [a["href"] for a in block.select(".story-reports a")] == ["/articles/d02-hamburg-hochbahn.html"]
    assert (story_site / "story" / "streiktag.html").exists()
    assert not (story_site / "story" / "e02-tagesschau.html").exists()
    assert [a["href"] for a in soup(story_site, "articles/e02-br.html").select(".story-reports a")] == [
        "/articles/e02-sz.html"]


def test_every_story_has_a_feed_and_the_all_articles_feed_is_unchanged(story_site, plain_site):
    feed = feedparser.parse((story_site / "feeds" / "story" / "e01-dw.atom.xml").read_bytes())
    assert not feed.bozo and [e.link.rsplit("/", 1)[1] for e in feed.entries] == [
        f"{s}.html" for s in reversed(E01)]
    assert (story_site / "feeds" / "all.atom.xml").read_bytes() == (plain_site / "feeds" / "all.atom.xml").read_bytes()


def test_the_search_gets_the_number_of_sources(story_site):
    # The stories plugin runs before the search plugin reads the articles; the attribute is
    # on every article (the search shows it on a hit when more than one source reported).
    assert (story_site / "search.html").exists()


def test_seed_text_is_escaped_in_the_story_blocks(story_site):
    html = (story_site / "story" / "e01-dw.html").read_text(encoding="utf-8")
    assert not re.search(r"<script(?! type=\"application/ld\+json\")[^>]*>(?!</script>)", html.replace(
        '<script src="/theme/search/search-field.js" defer></script>', ""))


def test_the_story_page_says_what_it_lists_in_json_ld(story_site):
    import json

    page = soup(story_site, "story/e01-dw.html")
    data = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    items = next(d for d in data if d["@type"] == "ItemList")
    assert [i["url"] for i in items["itemListElement"]] == [f"/articles/{s}.html" for s in E01]
    assert items["numberOfItems"] == 4
    crumbs = next(d for d in data if d["@type"] == "BreadcrumbList")
    assert crumbs["itemListElement"][-1]["item"] == "/story/e01-dw.html"
    # Google's BreadcrumbList recommendations and the link-preview tags, as on the theme's page types.
    from tests.theme.test_metadata import check_breadcrumbs, filled
    check_breadcrumbs(crumbs, "/story/e01-dw.html")
    og = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    for key in ("og:title", "og:description", "og:url", "og:type", "og:image", "og:locale", "og:site_name"):
        assert filled(og.get(key)), key
    assert page.select_one("meta[name='twitter:card']")["content"]


def test_a_bad_setting_stops_the_build_with_one_line(tmp_path):
    import subprocess
    import sys

    from tests.support.site import ROOT

    content = sitefiles.write_content(tmp_path / "content", testset.items()[:2])
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "out"), "-s", str(ROOT / "pelicanconf.py"),
         "--extra-settings", "STORIES_WINDOW_HOURS=-1", f'CACHE_PATH="{tmp_path / "cache"}"'],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == "stories: STORIES_WINDOW_HOURS: a positive number of hours, not -1"
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "out").exists()
