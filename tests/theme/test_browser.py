"""The theme in Chromium: axe-core in both colour schemes, strict CSP, focus, narrow screens."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.browser import collect_console_problems, run_axe, serve

ROOT = Path(__file__).resolve().parents[2]
SEARCH_FIELD_JS = ROOT / "theme" / "static" / "search" / "search-field.js"
# The site serves its own images (local_images), so the strictest policy holds: no img-src exception.
CSP = "default-src 'self'"
# Tests never touch the network: a request off 127.0.0.1 (a hotlinked image of a test site
# that keeps LOCAL_IMAGES off) gets a 1×1 PNG, and is recorded in the page's `remote` list.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082")
REMOTE = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")

PAGES = [
    "index.html",
    "articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html",
    "articles/script-angriff-abwehr.html",
    "tags.html", "tag/ukraine.html",
    "sources/index.html", "sources/dw.html",
    "archives.html", "archives/2022/index.html", "archives/2022/01/index.html", "archives/2022/01/07/index.html",
    "impressum.html", "datenschutz.html",
    "author/bernd-riegert.html", "pages/hinweise.html", "about.html", "404.html",
    "search.html?q=NATO",
]


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site, csp=CSP) as url:
        yield url


def open_page(browser, url, **context_args):
    context = browser.new_context(**context_args)
    page = context.new_page()
    problems = collect_console_problems(page)
    page.remote = []
    page.route(REMOTE, lambda route: (page.remote.append(route.request.url),
                                      route.fulfill(body=PIXEL, content_type="image/png")))
    if not SEARCH_FIELD_JS.exists():
        # The search engineer's script has not landed yet: stand in an empty one.
        page.route("**/theme/search/search-field.js",
                   lambda route: route.fulfill(body="", content_type="text/javascript"))
    page.goto(url, wait_until="load")
    return context, page, problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(browser, base_url, path, scheme):
    context, page, _ = open_page(browser, f"{base_url}/{path}", color_scheme=scheme)
    try:
        violations, passes = run_axe(page)
        assert violations == []
        assert passes, "axe ran no rule"
    finally:
        context.close()


@pytest.mark.parametrize("path", [*PAGES, "archives/2022/01/07/2/", "sources/dw/1/", "tag/ukraine/1/",
                                  "authors.html"])
def test_strict_csp_shows_no_violation(browser, base_url, path):
    context, page, problems = open_page(browser, f"{base_url}/{path}")
    try:
        page.wait_for_timeout(100)
        assert problems == [] and page.remote == []
        # Every image (lazy ones too, once scrolled to) loads from the site itself: none is broken.
        page.evaluate("[...document.images].forEach(i => { i.loading = 'eager'; })")
        # A function, not an expression: Playwright polls an expression through eval, which the CSP forbids.
        page.wait_for_function("() => [...document.images].every(i => i.complete)", timeout=5000)
        broken = page.evaluate("[...document.images].filter(i => !i.naturalWidth).map(i => i.currentSrc || i.src)")
        assert broken == []
        # The stylesheet applied: a CSP block would leave the header unstyled.
        border = page.eval_on_selector(".site-header", "e => getComputedStyle(e).borderBottomStyle")
        assert border == "solid"
    finally:
        context.close()


def test_skip_link_is_first_and_focus_is_visible(browser, base_url):
    context, page, _ = open_page(browser, f"{base_url}/index.html")
    try:
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
            return {cls: e.className, outline: s.outlineStyle, width: parseFloat(s.outlineWidth), top: r.top};
        }""")
        assert focused["cls"] == "skip-link" and focused["outline"] != "none"
        assert focused["width"] >= 2 and focused["top"] >= 0
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
        page.keyboard.press("Tab")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
    finally:
        context.close()


@pytest.mark.parametrize("path", ["index.html", "articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html",
                                  "archives.html", "tags.html"])
def test_readable_at_320_px(browser, base_url, path):
    context, page, _ = open_page(browser, f"{base_url}/{path}", viewport={"width": 320, "height": 640})
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        size = page.eval_on_selector("main .lead, main li", "e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 16
    finally:
        context.close()


def test_print_hides_navigation(browser, base_url):
    context, page, _ = open_page(browser, f"{base_url}/articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html")
    try:
        page.emulate_media(media="print")
        assert page.eval_on_selector(".main-nav", "e => getComputedStyle(e).display") == "none"
        assert page.eval_on_selector(".search-form", "e => getComputedStyle(e).display") == "none"
        assert page.eval_on_selector(".story-body", "e => getComputedStyle(e).display") != "none"
    finally:
        context.close()
