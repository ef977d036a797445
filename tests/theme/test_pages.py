"""The built pages carry what a reader needs, with seed text kept as text."""

import json
from xml.etree import ElementTree

from bs4 import BeautifulSoup

from tests.theme.sitefixture import XSS_HEADLINE


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_every_page_has_header_nav_search_main_footer(site):
    for path in sorted(site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        rel = path.relative_to(site)
        assert page.select_one("a.skip-link[href='#main']"), rel
        assert page.select_one("header nav[aria-label]"), rel
        assert page.select_one("main#main"), rel
        assert page.select_one("footer"), rel
        form = page.select_one("form[role=search]")
        assert form["action"] == "/search.html" and form["method"] == "get", rel
        field = form.select_one("input#site-search[type=search][name=q]")
        assert field and form.select_one("label[for=site-search]").get_text(strip=True), rel
        script = page.select_one("script[src='/theme/search/search-field.js']")
        assert script and script.has_attr("defer"), rel
        assert len(page.find_all("h1")) == 1, rel


def test_home_groups_by_day_newest_first_with_items(site):
    page = soup(site, "index.html")
    days = [h.get_text(strip=True) for h in page.select("main h2.day-heading")]
    assert days == ["Freitag, 7. Januar 2022"]
    first = page.select("article.item")[0]
    img = first.select_one("img.thumb")
    assert img["loading"] == "lazy" and img["width"] and img["height"] and img["alt"]
    assert first.select_one("h3 a")["href"] == "/articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html"
    meta = first.select_one(".meta").get_text(" ", strip=True)
    assert "DW" in meta and "Bernd Riegert" in meta and "7. Januar 2022" in meta
    assert "realen Kriegsgefahr" in first.select_one(".lead").get_text()
    assert [a.get_text() for a in first.select(".tags a[rel=tag]")] == ["NATO", "Ukraine"]
    # numbered pages count from the oldest (site_lists): the older page is page 1
    assert page.select_one("nav.pagination a[rel=next]")["href"] == "/1/"
    second = soup(site, "1/index.html")
    assert [h.get_text(strip=True) for h in second.select("h2.day-heading")] == [
        "Donnerstag, 6. Januar 2022", "Freitag, 31. Dezember 2021"]


def test_article_page(site):
    page = soup(site, "articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html")
    story = page.select_one("main article.story")
    assert story["lang"] == "de"
    assert page.h1.get_text() == "NATO wiederholt Angebot zum Dialog mit Moskau"
    meta = story.select_one(".meta").get_text(" ", strip=True)
    for part in ("DW", "Bernd Riegert", "Brüssel", "7. Januar 2022"):
        assert part in meta
    assert story.select_one("time")["datetime"] == "2022-01-07T14:51:06+01:00"
    figure = story.select_one("figure.lead-image")
    assert figure.img["src"] == "https://static.dw.com/image/60362196_6.jpg"
    assert figure.img["alt"] == "NATO wiederholt Angebot zum Dialog mit Moskau"
    assert "DW" in figure.figcaption.get_text()
    assert "Kriegsgefahr" in story.select_one(".lead").get_text()
    assert "Stoltenberg" in story.select_one(".story-body").get_text()
    assert [a["href"] for a in story.select(".tags a[rel=tag]")] == ["/tag/nato.html", "/tag/ukraine.html"]
    neighbours = page.select_one("nav.neighbours")
    assert neighbours.select_one("a[rel=next]")["href"] == "/articles/script-angriff-abwehr.html"
    assert neighbours.select_one("a[rel=prev]") is None


def test_article_lang_follows_its_lang(site):
    assert soup(site, "articles/markets-rally.html").select_one("article.story")["lang"] == "en"


def test_article_metadata_for_crawlers(site):
    page = soup(site, "articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html")
    assert page.title.get_text().startswith("NATO wiederholt Angebot")
    assert page.select_one("meta[name=description]")["content"].startswith("Die NATO warnt")
    assert page.select_one("link[rel=canonical]")["href"] == "/articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html"
    og = {m["property"]: m["content"] for m in page.select("meta[property]") if m["property"] != "article:tag"}
    assert og["og:type"] == "article"
    assert og["og:image"] == "https://static.dw.com/image/60362196_6.jpg"
    assert og["article:published_time"] == "2022-01-07T14:51:06+01:00"
    assert [m["content"] for m in page.select("meta[property='article:tag']")] == ["NATO", "Ukraine"]
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "NATO wiederholt Angebot zum Dialog mit Moskau"
    assert data["image"] == ["https://static.dw.com/image/60362196_6.jpg"]
    assert data["datePublished"] == "2022-01-07T14:51:06+01:00"
    assert data["author"] == [{"@type": "Person", "name": "Bernd Riegert"}]
    assert data["publisher"]["name"] == "DW"


def test_seed_text_stays_text(site):
    path = "articles/script-angriff-abwehr.html"
    raw = (site / path).read_text(encoding="utf-8")
    page = soup(site, path)
    assert page.h1.get_text() == XSS_HEADLINE
    assert page.title.get_text().startswith(XSS_HEADLINE)
    # The only <script> elements are the theme's own: JSON-LD and the search field.
    assert [s.get("type") or s.get("src") for s in page.find_all("script")] == [
        "application/ld+json", "/theme/search/search-field.js"]
    assert not page.find("b") and not page.find(attrs={"onerror": True})
    assert "Ein <b>Lead</b> mit </script> & Zeichen." in page.select_one(".lead").get_text()
    assert page.select_one("figure img")["alt"] == 'Ein "Bild" mit <Zeichen>'
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert data["headline"] == XSS_HEADLINE and "</script" not in raw.split("application/ld+json")[1].split("</script>")[0]
    home = soup(site, "index.html")
    assert XSS_HEADLINE in [a.get_text() for a in home.select("h3 a")]


def test_without_byline_the_source_is_credited_once(site):
    page = soup(site, "articles/markets-rally.html")
    assert page.select_one(".meta").get_text(" ", strip=True).count("DW") == 1
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert data["author"] == [{"@type": "Organization", "name": "DW"}]


def test_tag_source_archive_about_and_404_pages(site):
    tags = soup(site, "tags.html")
    assert [li.get_text(" ", strip=True) for li in tags.select("main li")] == [
        "NATO (1 Artikel)", "Ukraine (2 Artikel)"]
    assert soup(site, "tag/ukraine.html").h1.get_text() == "Thema: Ukraine"
    dw = soup(site, "sources/dw.html")
    assert dw.h1.get_text() == "Quelle: DW"
    assert len(dw.select("article.item")) == 2
    assert soup(site, "sources/index.html").select_one("main a[href='/sources/dw.html']")
    archives = soup(site, "archives.html")
    assert [h.a.get_text() for h in archives.select("main h2")] == ["2022", "2021"]
    assert archives.select_one("a[href='/archives/2022/01/07/']")
    assert soup(site, "archives/2022/01/index.html").h1.get_text() == "Archiv: Januar 2022"
    day = soup(site, "archives/2022/01/07/index.html")
    assert day.h1.get_text() == "Archiv: 7. Januar 2022" and len(day.select("article.item")) == 2
    assert soup(site, "pages/about.html").h1.get_text() == "Über diese Seite"
    assert soup(site, "404.html").h1.get_text() == "Seite nicht gefunden"


def test_sitemap_and_robots(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    urls = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
            for u in root.findall("s:url", ns)}
    assert urls["/articles/markets-rally.html"] == "2022-01-06T18:30:00+01:00"
    assert urls["/tag/ukraine.html"] == "2022-01-07T14:51:06+01:00"
    assert "/pages/about.html" in urls
    assert "Sitemap: /sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")
    assert (site / "theme/favicon.svg").exists()
