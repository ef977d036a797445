"""Archives that scale: no archive page over 100 KB of HTML or 1,500 DOM elements, however
busy a day or long the archive; checked in Chromium at 390 and 1280 px in both colour schemes.

The suite builds a small synthetic archive with one very busy day (250 articles). Set
ARCHIVE_SCALE_SITE to a built site (e.g. the 10,280-article build of bench/archive_bench.py)
to run the same checks on it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.browser import run_axe, serve
from tests.support.site import build
from tests.theme.sitefixture import article_markdown
from tests.theme.test_browser import CSP

MAX_BYTES = 100 * 1024
MAX_ELEMENTS = 1500
BUSY_DAY = dt.date(2022, 1, 12)


def synthetic_articles() -> list[dict]:
    """Three articles on each day of December 2021, five on ten January days, 250 on BUSY_DAY."""
    days = [(dt.date(2021, 12, d), 3) for d in range(1, 32)] + [(dt.date(2022, 1, d), 5) for d in range(1, 11)]
    days.append((BUSY_DAY, 250))
    articles = []
    for day, count in days:
        for i in range(count):
            when = dt.datetime.combine(day, dt.time(6, 0)) + dt.timedelta(minutes=(i * 1080) // count)
            n = len(articles)
            articles.append({
                "Title": f"Meldung {n}: Regierung und Opposition streiten über den Haushalt des Landes im Jahr {day.year}",
                "Slug": f"meldung-{n}", "Date": when.isoformat() + "+01:00", "Lang": "de",
                "Source": ("DW", "derStandard", "Reuters")[n % 3],
                "Tags": ", ".join(("Wien", "Berlin", "Haushalt", "Parlament", "Wahl")[(n + k) % 5] for k in range(3)),
                "Summary": "Der Streit um den Haushalt geht in die nächste Runde, und eine Einigung ist nicht in Sicht, "
                           "sagen Beobachterinnen und Beobachter in der Hauptstadt.",
                "body": ["Ein Absatz mit dem Text der Meldung."]})
    return articles


@pytest.fixture(scope="module")
def scale_site(tmp_path_factory):
    given = os.environ.get("ARCHIVE_SCALE_SITE")
    if given:
        return Path(given)
    tmp = tmp_path_factory.mktemp("archive-scale")
    (tmp / "content" / "articles").mkdir(parents=True)
    for fields in synthetic_articles():
        (tmp / "content" / "articles" / f"{fields['Slug']}.md").write_text(article_markdown(fields), encoding="utf-8")
    # The theme's own plugins only: tagging and search have budgets of their own.
    build(tmp / "content", tmp / "output", {"PLUGINS": ["site_lists", "fast_markdown", "sources", "local_images",
                                                        "digest_theme"]})
    return tmp / "output"


def archive_pages(site: Path) -> list[Path]:
    return [site / "archives.html", *sorted((site / "archives").rglob("index.html"))]


def test_no_archive_page_over_its_budget(scale_site):
    pages = archive_pages(scale_site)
    assert len(pages) > 40
    sizes = {p.relative_to(scale_site).as_posix(): p.stat().st_size for p in pages}
    assert max(sizes.values()) <= MAX_BYTES, max(sizes.items(), key=lambda kv: kv[1])
    for page in pages:
        elements = len(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all(True))
        assert elements <= MAX_ELEMENTS, (page, elements)


def test_a_busy_day_is_paginated_in_time_order(scale_site):
    if os.environ.get("ARCHIVE_SCALE_SITE"):
        pytest.skip("the synthetic site's busy day only")
    folder = scale_site / "archives/2022/01/12"
    pages = [folder / "index.html", *(folder / str(n) / "index.html" for n in range(2, 8))]
    times = []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        times += [t["datetime"] for t in soup.select("article.item .meta time")]
    assert len(times) == 250 and times == sorted(times)
    assert not (folder / "8").exists()
    month = BeautifulSoup((scale_site / "archives/2022/01/index.html").read_text(encoding="utf-8"), "html.parser")
    busy = month.select_one("section[aria-labelledby='day-2022-01-12']")
    assert len(busy.select("ul.headlines li")) == 5 and "Alle 250 Meldungen" in busy.select_one(".more").get_text()


def _busiest_day(site: Path) -> str:
    days = sorted((site / "archives").glob("*/*/*/index.html"), key=lambda p: p.stat().st_size)
    return days[-1].relative_to(site).as_posix()


@pytest.fixture(scope="module")
def scale_url(scale_site):
    with serve(scale_site, csp=CSP) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("kind", ["index", "year", "month", "day"])
def test_archive_pages_in_the_browser(browser, scale_site, scale_url, kind, width, scheme):
    years = sorted((scale_site / "archives").glob("*/index.html"))
    months = sorted((scale_site / "archives").glob("*/*/index.html"))
    path = {"index": "archives.html", "year": years[-1].relative_to(scale_site).as_posix(),
            "month": months[-1].relative_to(scale_site).as_posix(), "day": _busiest_day(scale_site)}[kind]
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{scale_url}/{path}", wait_until="load")
        assert problems == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate("document.getElementsByTagName('*').length") <= MAX_ELEMENTS
        assert run_axe(page)[0] == []
    finally:
        context.close()
