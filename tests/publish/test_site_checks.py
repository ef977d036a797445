"""The site checks on small hand-made sites: links, fragments, feeds, sitemap."""

from pathlib import Path

from site_check.feeds import check_feeds, feed_files
from site_check.links import check_links
from site_check.sitemap import check_sitemap

URL = "https://news.example.org"


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def found(problems):
    return sorted((p.file.name, p.message) for p in problems)


def test_relative_root_relative_and_absolute_internal_links_resolve(tmp_path):
    root = site(tmp_path, {
        "index.html": '<a href="articles/a.html#top">a</a><a href="/tags/">t</a>'
                      f'<link rel="canonical" href="{URL}/">'
                      '<img srcset="img/x.png 1x, img/x.png 2x"><a href="#here" id="here">h</a>'
                      '<a href="https://elsewhere.example/">x</a><a href="mailto:a@b.c">m</a>',
        "articles/a.html": f'<h1 id="t">A</h1><a href="../index.html#here">i</a><a href="{URL}/articles/a.html#t">s</a>',
        "tags/index.html": "<p>tags</p>",
        "img/x.png": "png",
    })
    assert check_links(root, URL) == []


def test_broken_links_and_fragments_name_the_page(tmp_path):
    root = site(tmp_path, {
        "index.html": '<a href="missing.html">m</a><a href="a.html#nowhere">f</a>'
                      f'<script src="{URL}/theme/app.js"></script><a href="../../etc/passwd">up</a>',
        "a.html": "<p id=somewhere>a</p>",
    })
    assert found(check_links(root, URL)) == [
        ("index.html", "broken fragment a.html#nowhere (no id 'nowhere' in a.html)"),
        ("index.html", "broken link ../../etc/passwd (no file ../../etc/passwd)"),
        ("index.html", f"broken link {URL}/theme/app.js (no file theme/app.js)"),
        ("index.html", "broken link missing.html (no file missing.html)"),
    ]


def test_links_under_a_site_url_with_a_path(tmp_path):
    root = site(tmp_path, {"index.html": '<a href="/digest/a.html">a</a><a href="https://x.org/digest/b.html">b</a>',
                           "a.html": ""})
    assert found(check_links(root, "https://x.org/digest")) == [
        ("index.html", "broken link https://x.org/digest/b.html (no file b.html)")]


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><id>urn:x</id>
<updated>2026-01-01T00:00:00Z</updated>
<entry><title>A</title><link href="{URL}/a.html"/><id>urn:a</id><updated>2026-01-01T00:00:00Z</updated></entry>
{extra}</feed>"""


def test_feeds_parse_and_entries_have_links(tmp_path):
    root = site(tmp_path, {
        "feeds/all.atom.xml": ATOM.format(URL=URL, extra=""),
        "feeds/bad.atom.xml": ATOM.format(URL=URL, extra="<entry><title>B</title><id>urn:b</id></entry>"),
        "feeds/broken.rss.xml": "<rss><channel><title>x</title>",
        "sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
    })
    assert [p.name for p in feed_files(root)] == ["all.atom.xml", "bad.atom.xml"]
    problems = found(check_feeds(root))
    assert problems[0] == ("bad.atom.xml", "entry 2 (B) has no link")
    assert problems[1][0] == "broken.rss.xml" and problems[1][1].startswith("not well-formed XML")
    assert len(problems) == 2


def test_a_site_without_feeds_has_no_feed_problems(tmp_path):
    assert check_feeds(site(tmp_path, {"index.html": ""})) == []


def sitemap(*locs: str) -> str:
    urls = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def test_sitemap_with_absolute_or_root_relative_urls(tmp_path):
    files = {"index.html": "", "articles/a.html": "", "articles/b.html": ""}
    absolute = site(tmp_path / "pub", {**files, "sitemap.xml": sitemap(f"{URL}/", f"{URL}/articles/a.html",
                                                                         f"{URL}/articles/b.html")})
    local = site(tmp_path / "local", {**files, "sitemap.xml": sitemap("/", "/articles/a.html", "/articles/b.html")})
    assert check_sitemap(absolute, URL) == []
    assert check_sitemap(local, URL) == []
    assert check_sitemap(local) == []


def test_sitemap_must_list_every_article_and_only_existing_pages(tmp_path):
    root = site(tmp_path, {"articles/a.html": "", "articles/b.html": "",
                           "sitemap.xml": sitemap(f"{URL}/articles/a.html", f"{URL}/gone.html",
                                                  "https://other.example/x.html")})
    assert found(check_sitemap(root, URL)) == [
        ("sitemap.xml", "does not list the article articles/b.html"),
        ("sitemap.xml", f"lists a URL outside the site: https://other.example/x.html"),
        ("sitemap.xml", f"lists a page that does not exist: {URL}/gone.html"),
    ]
    assert found(check_sitemap(tmp_path / "articles")) == [("sitemap.xml", "no sitemap")]
