"""Seeds in, built pages out: the spine of the project, through Pelican."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.site import ROOT, build, make_site

pytestmark = pytest.mark.slow

DW = (ROOT / "seeds" / "000_c591847d4ff4d1f0.txt").read_text(encoding="utf-8")
ENGLISH = ("NATO renews offer of talks with Moscow\nBBC\n"
           "NATO foreign ministers warned of a real risk of war in Ukraine on Friday.\n"
           "The alliance said it was ready to listen to Russia's concerns, but would not give up its "
           "open-door policy. Russia has massed troops near the border for months.\n")
MARKUP = ("![Bild <b>fett</b> & \"Zitat\"](https://example.org/x.jpg)\n"
          "Die <script>alert(1)</script> Schlagzeile & *Sterne*\nTest-Quelle\n"
          "Ein Vorspann mit <em>HTML</em> und [Link](javascript:alert(1)).\n"
          "# Keine Überschrift\n"
          "1. Keine Liste, sondern Text mit `Code` und _Unterstrich_.\n"
          "- auch kein Punkt <img src=x onerror=alert(1)>\n"
          "> kein Zitat\n")
SEEDS = {"000_c591847d4ff4d1f0.txt": DW, "001_en.txt": ENGLISH, "002_markup.txt": MARKUP}


def page(output: Path, slug: str) -> BeautifulSoup:
    return BeautifulSoup((output / "articles" / f"{slug}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return make_site(tmp_path_factory.mktemp("site"), SEEDS)


def main_text(soup: BeautifulSoup) -> str:
    return (soup.find("main") or soup.body).get_text(" ", strip=True)


def test_article_page_shows_the_whole_article(site):
    soup = page(site, "nato-wiederholt-angebot-zum-dialog-mit-moskau")
    [h1] = soup.find_all("h1")
    assert h1.get_text(strip=True) == "NATO wiederholt Angebot zum Dialog mit Moskau"
    text = main_text(soup)
    assert "Die NATO warnt vor einer realen Kriegsgefahr in der Ukraine." in text
    assert "Bernd Riegert" in text and "DW" in text
    paragraphs = [p.get_text(" ", strip=True) for p in soup.find_all("p")]
    for body in DW.split("\n")[4:]:
        assert body.strip() in paragraphs
    img = soup.find("img", src="https://static.dw.com/image/60362196_6.jpg")
    assert img["alt"] == ""  # the seed has no alt text; the headline stands right above
    assert soup.find(attrs={"lang": "de"}) is not None


def test_byline_leaves_the_lead(site):
    soup = page(site, "nato-wiederholt-angebot-zum-dialog-mit-moskau")
    leads = [p for p in soup.find_all("p") if "realen Kriegsgefahr" in p.get_text()]
    assert leads and all("Aus Brüssel Bernd Riegert" not in p.get_text() for p in leads)


def test_english_article_carries_its_language(site):
    soup = page(site, "nato-renews-offer-of-talks-with-moscow")
    assert soup.find(attrs={"lang": "en"}) is not None
    assert soup.find("h1").get_text(strip=True) == "NATO renews offer of talks with Moscow"


def test_markup_in_seeds_stays_text(site):
    soup = page(site, "die-script-alert-1-script-schlagzeile-sterne")
    assert soup.find("h1").get_text(strip=True) == "Die <script>alert(1)</script> Schlagzeile & *Sterne*"
    main = soup.find("main") or soup.body
    assert not main.find_all("script") and not main.find_all(["em", "h2", "ol", "ul", "blockquote", "code"])
    assert not soup.find_all(attrs={"onerror": True})
    assert not [a for a in soup.find_all("a", href=True) if a["href"].lower().startswith("javascript")]
    text = main_text(soup)
    for line in MARKUP.split("\n")[3:7]:
        assert line.strip() in text
    assert soup.find("img", src="https://example.org/x.jpg")["alt"] == 'Bild <b>fett</b> & "Zitat"'
    raw = (site / "articles" / "die-script-alert-1-script-schlagzeile-sterne.html").read_text()
    assert "<script>alert(1)" not in raw and "<img src=x" not in raw


def test_two_builds_are_byte_identical(tmp_path):
    first = make_site(tmp_path / "a", SEEDS) if (tmp_path / "a").mkdir() is None else None
    second_content = tmp_path / "a" / "content"
    second = tmp_path / "b"
    build(second_content, second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_an_article_without_summary_is_summed_up_by_its_first_paragraph(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    first = " ".join(f"wort{n}" for n in range(80))
    (content / "articles" / "handgeschrieben.md").write_text(
        "Title: Von Hand geschrieben\nDate: 2026-11-05T10:00:00+01:00\nSource: Redaktion\nLang: de\n\n"
        f"{first}\n\nZweiter Absatz, der nur auf der Artikelseite steht.\n", encoding="utf-8")
    output = tmp_path / "output"
    build(content, output)
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "wort59" in home and "wort60" not in home
    assert "Zweiter Absatz" not in home
    article = (output / "articles" / "von-hand-geschrieben.html").read_text(encoding="utf-8")
    assert "wort79" in article and "Zweiter Absatz" in article
