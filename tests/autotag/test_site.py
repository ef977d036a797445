"""The plugin with real HanTa on the seed article, and in a real Pelican build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.scaling import linear_bound, timings
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


def test_themen_page_groups_tags_by_type_most_covered_first(site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / "output" / "tags.html").read_text(encoding="utf-8"), "html.parser")
    groups = {h.get_text(" ", strip=True).split(" (")[0]: h for h in page.select(".tag-group h2")}
    assert list(groups) == [g for g in ["Personen", "Organisationen", "Orte", "Themen"] if g in groups]
    assert {"Organisationen", "Orte"} <= set(groups)
    places = [a.get_text() for a in groups["Orte"].find_parent("section").select("a[rel~=tag]")]
    assert places[:2] == ["Russland", "Ukraine"] or places[:2] == ["Ukraine", "Russland"]
    organisations = [a.get_text() for a in groups["Organisationen"].find_parent("section").select("a")]
    assert "NATO" in organisations
    assert [a["href"] for a in page.select(".tag-groups-nav a")] == [f"#{s['aria-labelledby']}"
                                                                     for s in page.select(".tag-group")]


def test_tag_pages_name_the_type_and_article_json_ld_lists_the_tags(site):
    import json

    from bs4 import BeautifulSoup

    tag_page = BeautifulSoup((site / "output" / "tag" / "nato.html").read_text(encoding="utf-8"), "html.parser")
    assert tag_page.h1.get_text(strip=True) == "Organisation: NATO"
    assert BeautifulSoup((site / "output" / "tag" / "ukraine.html").read_text(encoding="utf-8"),
                         "html.parser").h1.get_text(strip=True) == "Ort: Ukraine"
    page = BeautifulSoup((site / "output" / "articles" / "kiew.html").read_text(encoding="utf-8"), "html.parser")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    entities = data["about"] + data["mentions"]
    assert {"@type": "Thing", "name": "Sicherheit", "url": "/tag/sicherheit.html"} in data["about"]
    assert {"@type": "Organization", "name": "NATO", "url": "/tag/nato.html"} in entities
    assert {"@type": "Place", "name": "Ukraine", "url": "/tag/ukraine.html"} in entities
    chips = page.select("ul.tags li > *")
    assert {c.name for c in chips} <= {"a", "span"}


def _build_again(site, out, cache_dir):
    return build(site / "content", out, settings={
        "PLUGINS": PLUGINS, "AUTOTAG_CACHE_PATH": str(cache_dir), "CACHE_PATH": str(site / "pcache")})


@pytest.mark.parametrize("damage", ["wrong-types", "directory", "read-only"])
def test_a_damaged_cache_costs_one_warning_and_the_build_goes_on(site, tmp_path, damage):
    import os
    import shutil

    cache_dir = tmp_path / "cache"
    shutil.copytree(site / "cache", cache_dir)
    cache_file = cache_dir / "candidates.json"
    if damage == "wrong-types":
        cache_file.write_text('{"a": 1, "b": {"candidates": 5, "ambiguous": []}}', encoding="utf-8")
    elif damage == "directory":
        cache_file.unlink()
        cache_file.mkdir()
    else:
        cache_file.unlink()
        os.chmod(cache_dir, 0o555)
    try:
        result = _build_again(site, tmp_path / "out", cache_dir)
    finally:
        os.chmod(cache_dir, 0o755)
    log = result.stdout + result.stderr
    assert "Traceback" not in log
    assert (log.count("tagging cache") == 1) or (damage == "read-only" and os.geteuid() == 0), log
    for path in sorted((site / "output").rglob("*.html")):
        assert path.read_bytes() == (tmp_path / "out" / path.relative_to(site / "output")).read_bytes(), path


def test_a_damaged_ranking_cache_costs_one_warning_and_the_same_site(site, tmp_path):
    import json
    import shutil

    cache_dir = tmp_path / "cache"
    shutil.copytree(site / "cache", cache_dir)
    ranked = json.loads((cache_dir / "ranked.json").read_text(encoding="utf-8"))
    assert ranked["digest"] and ranked["results"] and ranked["related"]
    (cache_dir / "ranked.json").write_text(json.dumps({**ranked, "related": {"nowhere": ["x"]}}), encoding="utf-8")
    result = _build_again(site, tmp_path / "out", cache_dir)
    log = result.stdout + result.stderr
    assert "Traceback" not in log and log.count("ranking cache") == 1, log
    for path in sorted((site / "output").rglob("*.html")):
        assert path.read_bytes() == (tmp_path / "out" / path.relative_to(site / "output")).read_bytes(), path
    assert json.loads((cache_dir / "ranked.json").read_text(encoding="utf-8")) == ranked  # written anew


def test_a_bad_tag_table_stops_the_build_with_one_line_naming_file_line_and_key(site, tmp_path):
    import shutil
    import subprocess
    import sys

    content = tmp_path / "content"
    shutil.copytree(site / "content", content)
    (content / "tags.toml").write_text('[block]\nwords = ["Montag"]\n[aliasse]\n"A" = ["B"]\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "out"), "-s", str(ROOT / "pelicanconf.py"),
         "--extra-settings", f'PLUGINS={json_list(PLUGINS)}', f'AUTOTAG_CACHE_PATH="{tmp_path / "c"}"',
         f'CACHE_PATH="{tmp_path / "p"}"'], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(r"tags\.toml:3: \[aliasse\]: unknown table", result.stderr), result.stderr


def json_list(items):
    import json

    return json.dumps(items)


@pytest.mark.slow
def test_a_two_megabyte_one_paragraph_article_is_tagged_in_linear_time():
    from autotag import wordsets
    from autotag.extract import Extractor, extract
    from autotag.lexicon import Lexicon
    from autotag.table import load_table

    table = load_table(ROOT / "content" / "tags.toml")
    ex = Extractor(Lexicon("de"), table, wordsets.load(), "de")
    unit = SEED_ARTICLE.read_text(encoding="utf-8").split("\n\n", 1)[1].replace("\n", " ")

    def run(size):
        text = (unit * (size // len(unit) + 1))[:size]
        found = extract([("", 3), ("", 2), (text, 1)], ex.names, table, ex.words, 2, "de", ex)
        assert "jens stoltenberg" in found["candidates"]

    small, large = timings(run, 200_000, 2_000_000)
    assert large < 60 and large < linear_bound(200_000, 2_000_000) * small, (small, large)
