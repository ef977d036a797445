"""The built pages carry what a reader needs, with seed text kept as text."""

import json
import re
from xml.etree import ElementTree

from bs4 import BeautifulSoup

from site_check.sitemap import check_sitemap
from tests.theme.sitefixture import XSS_HEADLINE, build_site


def soup(site, path):
    path = path.lstrip("/")
    if not path or path.endswith("/"):
        path += "index.html"
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def jsonld(page, kind):
    """The page's JSON-LD object of @type `kind`."""
    found = [json.loads(s.string) for s in page.select("script[type='application/ld+json']")]
    return next(d for d in found if d["@type"] == kind)


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


def test_home_shows_whole_days_newest_first_and_links_on_to_the_next_day(site):
    page = soup(site, "index.html")
    # HOME_ARTICLES is 1: the newest day is shown whole (both of its articles), never part of it:
    # its first article in full, the rest as headlines with their times.
    days = [h.get_text(strip=True) for h in page.select("main h2.day-heading")]
    assert days == ["Freitag, 7. Januar 2022"]
    assert len(page.select("article.item")) == 1
    rest = page.select("section.day ul.headlines li")
    assert [(li.time.get_text(), li.a["href"]) for li in rest] == [("09:00", "/articles/script-angriff-abwehr.html")]
    assert page.select_one("h2.day-heading a")["href"] == "/archives/2022/01/07/"
    first = page.select("article.item")[0]
    img = first.select_one("img.thumb")
    # The seed's alt text only repeats the headline: decorative, so empty.
    assert img["loading"] == "lazy" and img["width"] and img["height"] and img["alt"] == ""
    assert first.select_one("h3 a")["href"] == "/articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html"
    meta = first.select_one(".meta").get_text(" ", strip=True)
    assert "DW" in meta and "Bernd Riegert" in meta and "7. Januar" not in meta
    assert first.select_one(".meta time").get_text() == "14:51"
    assert first.select_one(".meta time")["datetime"] == "2022-01-07T14:51:06+01:00"
    assert "realen Kriegsgefahr" in first.select_one(".lead").get_text()
    assert [a.get_text() for a in first.select(".tags a[rel=tag]")] == ["NATO", "Ukraine"]
    assert page.select_one("nav.pagination") is None
    more = page.select_one("nav.more-news a[rel=next]")
    assert more["href"] == "/archives/2022/01/06/" and "Donnerstag, 6. Januar 2022" in more.get_text()
    assert page.select_one("nav.more-news a[href='/archives.html']")


def test_home_never_splits_a_day(tmp_path):
    """Whatever HOME_ARTICLES asks for, the home page ends at a day's end."""
    for wanted, shown in ((1, 2), (3, 3)):
        site = build_site(tmp_path / str(wanted), {"HOME_ARTICLES": wanted})
        page = soup(site, "index.html")
        items = lambda node: len(node.select("article.item")) + len(node.select("ul.headlines li"))  # noqa: E731
        assert items(page.select_one("main")) == shown, wanted
        assert len(page.select("article.item")) == min(wanted, shown)
        per_day = {h.get_text(strip=True): items(h.parent) for h in page.select("h2.day-heading")}
        full = {"Freitag, 7. Januar 2022": 2, "Donnerstag, 6. Januar 2022": 1, "Freitag, 31. Dezember 2021": 1}
        assert all(full[day] == n for day, n in per_day.items()), per_day


def test_article_page(site):
    page = soup(site, "articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html")
    story = page.select_one("main article.story")
    assert story["lang"] == "de"
    assert page.h1.get_text() == "NATO wiederholt Angebot zum Dialog mit Moskau"
    meta = story.select_one(".meta").get_text(" ", strip=True)
    for part in ("DW", "Bernd Riegert", "Brüssel", "7. Januar 2022"):
        assert part in meta
    assert story.select_one("time")["datetime"] == "2022-01-07T14:51:06+01:00"
    assert story.select_one("time").get_text() == "7. Januar 2022, 14:51 Uhr"
    figure = story.select_one("figure.lead-image")
    # Served by the site: WebP variants with JPEG fallbacks, never wider than the 1600 px original.
    assert re.fullmatch(r"/images/[0-9a-f]{20}-640\.jpg", figure.img["src"])
    name = figure.img["src"][len("/images/"):-len("-640.jpg")]
    assert figure.img["srcset"] == ", ".join(f"/images/{name}-{w}.jpg {w}w" for w in (320, 640, 1280))
    assert figure.source["type"] == "image/webp"
    assert figure.source["srcset"] == ", ".join(f"/images/{name}-{w}.webp {w}w" for w in (320, 640, 1280))
    assert figure.img["sizes"] == figure.source["sizes"]
    assert (figure.img["width"], figure.img["height"]) == ("1280", "720")
    assert figure.img["fetchpriority"] == "high" and not figure.img.has_attr("loading")  # the page's main image
    for w in (320, 640, 1280):
        assert (site / f"images/{name}-{w}.webp").stat().st_size > 0 and (site / f"images/{name}-{w}.jpg").exists()
    assert figure.img["alt"] == ""  # the seed's alt only repeats the headline
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
    assert re.fullmatch(r"/images/[0-9a-f]{20}-1280\.jpg", og["og:image"])
    assert (og["og:image:width"], og["og:image:height"]) == ("1280", "720")
    assert page.select_one("meta[name='twitter:card']")["content"] == "summary_large_image"
    assert og["article:published_time"] == "2022-01-07T14:51:06+01:00"
    assert [m["content"] for m in page.select("meta[property='article:tag']")] == ["NATO", "Ukraine"]
    data = jsonld(page, "NewsArticle")
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "NATO wiederholt Angebot zum Dialog mit Moskau"
    assert data["image"] == [og["og:image"]]
    assert data["datePublished"] == "2022-01-07T14:51:06+01:00"
    assert data["author"] == [{"@type": "Person", "name": "Bernd Riegert", "url": "/author/bernd-riegert.html"}]
    # This site publishes the page; the outlet is where the text comes from.
    assert data["publisher"] == {"@type": "Organization", "name": "News Digest", "url": "/",
                                 "logo": {"@type": "ImageObject", "url": "/theme/logo.png", "width": 512, "height": 512}}
    assert data["sourceOrganization"] == {"@type": "Organization", "name": "DW", "url": "/sources/dw.html"}
    assert data["isBasedOn"]["publisher"]["name"] == "DW"


def test_seed_text_stays_text(site):
    path = "articles/script-angriff-abwehr.html"
    raw = (site / path).read_text(encoding="utf-8")
    page = soup(site, path)
    assert page.h1.get_text() == XSS_HEADLINE
    assert page.title.get_text().startswith(XSS_HEADLINE)
    # The only <script> elements are the theme's own: JSON-LD and the search field.
    assert [s.get("type") or s.get("src") for s in page.find_all("script")] == [
        "application/ld+json", "application/ld+json", "/theme/search/search-field.js"]
    assert not page.find("b") and not page.find(attrs={"onerror": True})
    assert "Ein <b>Lead</b> mit </script> & Zeichen." in page.select_one(".lead").get_text()
    assert page.select_one("figure img")["alt"] == 'Ein "Bild" mit <Zeichen>'
    data = jsonld(page, "NewsArticle")
    assert data["headline"] == XSS_HEADLINE and "</script" not in raw.split("application/ld+json")[1].split("</script>")[0]
    home = soup(site, "index.html")
    assert XSS_HEADLINE in [a.get_text() for a in home.select("h3 a, ul.headlines a")]


def test_without_byline_the_source_alone_is_credited(site):
    page = soup(site, "articles/markets-rally.html")
    assert page.select_one(".meta").get_text(" ", strip=True).count("DW") == 1
    data = jsonld(page, "NewsArticle")
    assert data["author"] == [{"@type": "Organization", "name": "DW", "url": "/sources/dw.html"}]
    assert "image" not in data  # no lead image: no empty `image`
    # Authors are people: author pages only for real bylines, none for a source or the site.
    authors = sorted(p.name for p in (site / "author").glob("*.html"))
    assert authors == ["anna-nina-obrien.html", "bernd-riegert.html", "maria-huber.html"]
    assert [a.get_text() for a in soup(site, "authors.html").select("main li a")] == [
        'Anna "Nina" O\'Brien', "Bernd Riegert", "Maria Huber"]


def test_tag_source_archive_about_and_404_pages(site):
    tags = soup(site, "tags.html")
    assert [li.get_text(" ", strip=True) for li in tags.select("main li")] == [  # most-covered first
        "Ukraine (2 Artikel)", "NATO (1 Artikel)"]
    assert soup(site, "tag/ukraine.html").h1.get_text() == "Thema: Ukraine"
    dw = soup(site, "sources/dw.html")
    assert dw.h1.get_text() == "Quelle: DW"
    assert len(dw.select("article.item")) == 1  # one per page here
    # Numbered pages count from the oldest (site_lists): the page after the first is page 1.
    dw1 = soup(site, dw.select_one("nav.pagination a[rel=next]")["href"])
    assert dw1.h1.get_text(" ", strip=True) == "Quelle: DW Seite 1"
    assert dw1.title.get_text() == "Quelle: DW – Seite 1 – News Digest"
    assert dw.title.get_text() == "Quelle: DW – News Digest"
    assert soup(site, "sources/index.html").select_one("main a[href='/sources/dw.html']")
    assert soup(site, "archives.html").h1.get_text() == "Archiv"
    assert soup(site, "pages/hinweise.html").h1.get_text() == "Hinweise zur Seite"
    assert soup(site, "404.html").h1.get_text() == "Seite nicht gefunden"


def test_archive_index_is_a_calendar_with_weekdays_and_counts(site):
    page = soup(site, "archives.html")
    calendars = page.select("main table.calendar")
    assert [c.caption.a.get_text() for c in calendars] == ["Januar 2022", "Dezember 2021"]
    assert [th.get_text() for th in calendars[0].select("thead th")] == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    seventh = calendars[0].select_one("a[href='/archives/2022/01/07/']")
    assert seventh.get_text() == "7" and seventh["data-count"] == "2"
    assert seventh["aria-label"] == "Freitag, 7. Januar 2022: 2 Artikel"
    # 7 January 2022 was a Friday: the fifth column.
    row = seventh.find_parent("tr")
    assert row.select("td").index(seventh.parent) == 4
    years = [li.select_one("a.year").get_text() for li in page.select("ul.archive-years > li")]
    assert years == ["2022", "2021"]


def test_year_and_month_pages_list_days_not_articles(site):
    year = soup(site, "archives/2022/index.html")
    assert year.h1.get_text(" ", strip=True) == "Archiv: 2022 3 Artikel"
    assert [c.caption.a["href"] for c in year.select("table.calendar")] == ["/archives/2022/01/"]
    assert not year.select("article.item")
    assert year.select_one("nav.period-nav a[rel=prev]")["href"] == "/archives/2021/"
    assert [a.get_text() for a in year.select("nav.breadcrumbs a")] == ["Startseite", "Archiv"]
    month = soup(site, "archives/2022/01/index.html")
    assert month.h1.get_text() == "Archiv: Januar 2022"
    assert [h.a.get_text() for h in month.select("section.archive-day h2")] == [
        "Freitag, 7. Januar 2022", "Donnerstag, 6. Januar 2022"]
    first_day = month.select("section.archive-day")[0]
    assert [li.time.get_text() for li in first_day.select("ul.headlines li")] == ["09:00", "14:51"]
    assert not month.select("article.item")
    assert month.select_one("nav.period-nav a[rel=prev]")["href"] == "/archives/2021/12/"


def test_day_pages_one_heading_time_order_neighbour_days_and_pages(site):
    day = soup(site, "archives/2022/01/07/index.html")
    assert [h.get_text(" ", strip=True) for h in day.select("h1")] == ["Freitag, 7. Januar 2022 2 Artikel"]
    assert not day.select("h2.day-heading")
    # DAY_PAGINATION 1: the 09:00 article first, the 14:51 one on page 2.
    assert [t.get_text() for t in day.select("article.item .meta time")] == ["09:00"]
    assert day.select_one("nav.period-nav a[rel=prev]")["href"] == "/archives/2022/01/06/"
    assert day.select_one("nav.period-nav a[rel=next]") is None
    later = day.select_one("nav.pagination a")
    assert later["href"] == "/archives/2022/01/07/2/" and later.get_text() == "Später am Tag (Seite 2) →"
    second = soup(site, later["href"])
    assert [t.get_text() for t in second.select("article.item .meta time")] == ["14:51"]
    assert second.h1.get_text(" ", strip=True).startswith("Freitag, 7. Januar 2022 Seite 2")
    assert "Seite 2" in second.title.get_text()
    middle = soup(site, "archives/2022/01/06/index.html")
    assert middle.select_one("nav.period-nav a[rel=next]")["href"] == "/archives/2022/01/07/"
    assert middle.select_one("nav.period-nav a[rel=prev]")["href"] == "/archives/2021/12/31/"


def test_about_page_says_what_the_site_shows_from_its_settings(site):
    about = soup(site, "about.html")
    assert about.h1.get_text() == "Über diese Seite"
    text = about.select_one("main").get_text(" ", strip=True)
    assert "aus 2 Quellen zusammen: Der <Standard>, DW" in text
    assert "Die Feeds enthalten den Vorspann jeder Meldung" in text
    assert "Die Bilder liefert diese Seite selbst aus" in text
    assert about.select_one("header nav a[aria-current=page]")["href"] == "/about.html"


def test_legal_pages_mark_what_is_not_filled_in(site):
    from site_check.legal import placeholder_warnings
    impressum = soup(site, "impressum.html")
    assert impressum.h1.get_text() == "Impressum"
    assert {m["data-placeholder"] for m in impressum.select("mark.placeholder")} == {"operator", "address", "email"}
    privacy = soup(site, "datenschutz.html")
    assert {m["data-placeholder"] for m in privacy.select("mark.placeholder")} >= {"hosting"}
    assert "keine Cookies" in privacy.get_text()
    footer = [a["href"] for a in soup(site, "index.html").select("footer .legal a")]
    assert footer == ["/impressum.html", "/datenschutz.html"]
    warnings = placeholder_warnings(site)
    assert len(warnings) == 2 and "datenschutz.html" in warnings[0] and "LEGAL[address, email" in warnings[0]


def test_filled_in_legal_pages_have_no_placeholders(tmp_path):
    from site_check.legal import placeholder_warnings
    legal = {"operator": "Erika Muster", "address": "Hauptstraße 1, 1010 Wien, Österreich",
             "email": "kontakt@example.org", "hosting": "Beispiel-Hosting GmbH, Berlin"}
    site = build_site(tmp_path, {"LEGAL": legal, "FEED_FULL_TEXT": True, "ABOUT_TEXT": {"de": "Ein Projekt."}})
    assert placeholder_warnings(site) == []
    assert "Erika Muster" in soup(site, "impressum.html").get_text()
    about = soup(site, "about.html").select_one("main").get_text(" ", strip=True)
    assert about.startswith("Über diese Seite Ein Projekt.") and "den vollständigen Text" in about
    assert "von den Servern der Quellen geladen" in about  # built without LOCAL_IMAGES: hotlinked


def test_sitemap_and_robots(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    urls = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
            for u in root.findall("s:url", ns)}
    assert urls["/articles/markets-rally.html"] == "2022-01-06T18:30:00+01:00"
    assert urls["/tag/ukraine.html"] == "2022-01-07T14:51:06+01:00"
    assert "/pages/hinweise.html" in urls
    # The lists, the about and legal pages, and every archive page 1 (site_lists reads the theme's calendar).
    for url in ("/about.html", "/impressum.html", "/datenschutz.html", "/archives.html", "/tags.html", "/sources/"):
        assert url in urls and urls[url] is None, url
    assert urls["/archives/2022/01/07/"] == "2022-01-07T14:51:06+01:00"
    assert urls["/archives/2022/"] == urls["/archives/2022/01/"] == "2022-01-07T14:51:06+01:00"
    assert urls["/archives/2021/12/31/"] == "2021-12-31T10:00:00+01:00"
    assert "/archives/2022/01/07/2/" not in urls and "/404.html" not in urls and "/search.html" not in urls
    assert check_sitemap(site) == []
    assert "Sitemap: /sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")
    assert (site / "theme/favicon.svg").exists()
