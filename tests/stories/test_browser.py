"""The stories in Chromium: the front page's four-source story, the article's block, the story page;
axe in both colour schemes, strict CSP, 320 px."""

from __future__ import annotations

import pytest

from tests.support.browser import run_axe, serve
from tests.theme.test_browser import CSP, open_page

PAGES = ["index.html", "articles/e01-dw.html", "articles/u06-wetter.html", "story/e01-dw.html"]


@pytest.fixture(scope="module")
def base_url(story_site):
    with serve(story_site, csp=CSP) as url:  # default-src 'self', as every page type
        yield url


def test_the_home_page_shows_the_four_source_story_once_with_the_other_sources(browser, base_url):
    context, page, problems = open_page(browser, f"{base_url}/index.html")
    try:
        items = page.locator(".day .item")
        stoltenberg = items.filter(has_text="Stoltenberg: Russland soll an den Verhandlungstisch")
        assert stoltenberg.count() == 1
        for other in ("NATO wiederholt Angebot", "Nato-Außenminister lehnen", "NATO ministers reject"):
            assert items.filter(has_text=other).count() == 0
        also = stoltenberg.locator(".story-also")
        assert also.is_visible()
        assert " ".join(also.inner_text().split()) == "auch bei: DW, Spiegel, Reuters 4 Berichte"
        also.get_by_role("link", name="Reuters").click()
        page.wait_for_url("**/articles/e01-reuters-en.html")
        top = page.goto(f"{base_url}/index.html") and page.locator(".story-top")
        assert top.locator("li").first.inner_text().startswith("Stoltenberg: Russland")
        assert problems == []
    finally:
        context.close()


def test_the_article_page_lists_the_other_reports(browser, base_url):
    context, page, problems = open_page(browser, f"{base_url}/articles/e01-spiegel.html")
    try:
        block = page.locator("[data-story='e01-dw']")
        assert block.get_by_role("heading", name="Mehr zu dieser Meldung").is_visible()
        rows = block.locator(".story-reports li")
        assert rows.count() == 3
        assert [rows.nth(i).locator(".story-source").inner_text() for i in range(3)] == ["DW", "ORF", "Reuters"]
        block.get_by_role("link", name="Alle 4 Berichte zu dieser Meldung").click()
        page.wait_for_url("**/story/e01-dw.html")
        assert page.locator(".story-page .item").count() == 4
        assert problems == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(browser, base_url, path, scheme):
    context, page, problems = open_page(browser, f"{base_url}/{path}", color_scheme=scheme)
    try:
        violations, passes = run_axe(page)
        assert violations == []
        assert passes, "axe ran no rule"
        assert problems == []  # console errors, CSP violations among them
        border = page.eval_on_selector(".site-header", "e => getComputedStyle(e).borderBottomStyle")
        assert border == "solid"  # the stylesheet applied under the strict CSP
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_readable_at_320_px(browser, base_url, path):
    context, page, _ = open_page(browser, f"{base_url}/{path}", viewport={"width": 320, "height": 640})
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
