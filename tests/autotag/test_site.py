"""The plugin with real HanTa on the seed article, and in a real Pelican build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.site import ROOT, build

SEED_ARTICLE = ROOT / "content" / "articles" / "nato-wiederholt-angebot-zum-dialog-mit-moskau.md"
# The theme needs its own plugins to render; autotag comes after them.
PLUGINS = ["sources", "digest_theme", "autotag"]
WEEKDAYS = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"}


def article(slug: str, day: int, title: str, lead: str, body: str, extra: str = "") -> str:
    return (f"Title: {title}\nSlug: {slug}\nDate: 2026-01-0{day}T10:00:00+01:00\n"
            f"Lang: de\nSource: DW\nSummary: {lead}\n{extra}\n{body}\n")


def write_site(content: Path) -> None:
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "tags.toml").write_text((ROOT / "content" / "tags.toml").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    (content / "articles" / "seed.md").write_text(SEED_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    articles = {
        "kiew": ("Ukraine bittet NATO um Hilfe", "Die Ukraine verlangt von der NATO mehr Unterstützung.",
                 "Kiew fürchtet Russland. Die NATO berät am Montag. Jens Stoltenberg sagte Hilfe zu. "
                 "Jens Stoltenberg warnte. "
                 "Die Ukraine und Russland verhandeln nicht.", "Tags: Sicherheit\n"),
        "wien": ("OSZE tagt in Wien", "Die OSZE berät in Wien über die Ukraine.",
                 "Die OSZE will vermitteln. Russland und die Ukraine schicken Diplomaten nach Wien.", ""),
        "aus": ("Keine Tags hier", "Die Ukraine und Russland.", "Die Ukraine und die NATO, Russland.",
                "Autotag: no\n"),
    }
    for day, (slug, (title, lead, body, extra)) in enumerate(articles.items(), start=1):
        (content / "articles" / f"{slug}.md").write_text(article(slug, day, title, lead, body, extra),
                                                          encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("autotag")
    write_site(tmp / "content")
    build(tmp / "content", tmp / "output", settings={
        "PLUGINS": PLUGINS, "AUTOTAG_CACHE_PATH": str(tmp / "cache"), "CACHE_PATH": str(tmp / "pcache")})
    return tmp


def test_seed_article_gets_the_tags_it_is_about():
    from autotag import wordsets
    from autotag.extract import extract
    from autotag.lexicon import Lexicon
    from autotag.plugin import DEFAULTS
    from autotag.rank import Entry, rank
    from autotag.table import load_table

    text = SEED_ARTICLE.read_text(encoding="utf-8")
    head, body = text.split("\n\n", 1)
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    table = load_table(ROOT / "content" / "tags.toml")
    fields = [(meta["Title"], DEFAULTS["AUTOTAG_TITLE_WEIGHT"]),
              (meta["Summary"], DEFAULTS["AUTOTAG_LEAD_WEIGHT"]), (body, 1)]
    found = extract(fields, Lexicon("de"), table, wordsets.load())
    result = rank([Entry("seed", found["candidates"], own_names=frozenset({"dw", "bernd riegert"}))], table)
    tags = result["seed"].with_page + result["seed"].without_page
    assert {"NATO", "Russland", "Ukraine", "Jens Stoltenberg"} <= set(tags), tags
    assert not set(tags) & (WEEKDAYS | {"Woche", "DW", "Jens", "Wladimir", "Bernd"}), tags
    assert all(tag[0].isupper() for tag in tags), tags  # no verbs or adjectives
    assert 3 <= len(tags) <= 5


def test_tag_pages_exist_for_automatic_and_manual_tags(site):
    tags = {p.name for p in (site / "output" / "tag").glob("*.html")}
    assert {"nato.html", "russland.html", "ukraine.html", "sicherheit.html"} <= tags
    assert not {"montag.html", "dw.html", "woche.html"} & tags
    assert "nato-wiederholt-angebot-zum-dialog-mit-moskau" in (site / "output" / "tag" / "nato.html").read_text()


def test_article_page_links_related_articles_and_its_tags(site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / "output" / "articles" / "nato-wiederholt-angebot-zum-dialog-mit-moskau.html")
                         .read_text(encoding="utf-8"), "html.parser")
    related = [a["href"] for a in page.select(".related a")]
    assert [h.rsplit("/", 1)[-1] for h in related] == ["kiew.html", "wien.html"], related
    tag_links = {a["href"].rsplit("/", 1)[-1] for a in page.select('a[rel~="tag"]')}
    assert {"nato.html", "russland.html", "ukraine.html"} <= tag_links, tag_links


def test_cache_is_written_and_a_second_build_gives_identical_files(site, tmp_path):
    cache_file = site / "cache" / "candidates.json"
    first = cache_file.read_bytes()
    build(site / "content", tmp_path / "again", settings={
        "PLUGINS": PLUGINS, "AUTOTAG_CACHE_PATH": str(site / "cache"), "CACHE_PATH": str(site / "pcache")})
    assert cache_file.read_bytes() == first
    for path in sorted((site / "output").rglob("*.html")):
        assert path.read_bytes() == (tmp_path / "again" / path.relative_to(site / "output")).read_bytes(), path
