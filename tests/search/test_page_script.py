"""search.html loads two content-hashed scripts (plugins/lunr_search/page_script.py): the small
prefetch script, then the joined main script."""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from lunr_search.page_script import PAGE_SCRIPTS, PREFETCH_SCRIPT, page_script, prefetch_script
from tests.support.site import ROOT

SOURCES = ROOT / "theme" / "static" / "search"
HASHED = re.compile(r"^/search/search-page\.[0-9a-f]{12}\.js$")
PREFETCH = re.compile(r"^/search/search-prefetch\.[0-9a-f]{12}\.js$")


def test_every_search_page_script_of_the_theme_is_in_the_bundle():
    # search-field.js is the header field's, on every page (base.html).
    on_disk = {p.name for p in SOURCES.glob("*.js")} - {"search-field.js", PREFETCH_SCRIPT}
    assert set(PAGE_SCRIPTS) == on_disk
    data = page_script(str(SOURCES), "search").data.decode("utf-8")
    for name in PAGE_SCRIPTS:
        assert (SOURCES / name).read_text(encoding="utf-8").strip() in data


def test_the_name_follows_the_content(tmp_path):
    first, again = page_script(str(SOURCES), "search"), page_script(str(SOURCES), "search")
    assert first == again and re.fullmatch(r"search/search-page\.[0-9a-f]{12}\.js", first.path)
    changed = tmp_path / "search"
    shutil.copytree(SOURCES, changed)
    with open(changed / "search-page.js", "a", encoding="utf-8") as script:
        script.write("// changed\n")
    assert page_script(str(changed), "search").path != first.path


def test_search_html_loads_the_hashed_prefetch_then_main_script_that_the_build_wrote(search_site):
    page = BeautifulSoup((search_site / "search.html").read_text(encoding="utf-8"), "html.parser")
    scripts = [s["src"] for s in page.select("script[src]")]
    assert len(scripts) == 3 and PREFETCH.match(scripts[0]) and HASHED.match(scripts[2])
    assert scripts[1] == "/theme/search/search-field.js"
    prefetch, main = page.select("script[src]")[0], page.select("script[src]")[2]
    # in the head and not deferred: it has run before the main script, which takes its responses;
    # the main script runs as soon as it has arrived
    assert prefetch.parent.name == "head" and not prefetch.has_attr("defer") and not prefetch.has_attr("async")
    assert main.has_attr("async") and not main.has_attr("defer")
    assert prefetch["data-meta"] == page.select_one("#search-results")["data-meta"]
    meta = (search_site / prefetch["data-meta"].lstrip("/")).read_bytes()
    assert (search_site / scripts[0].lstrip("/")).read_bytes() == prefetch_script(str(SOURCES), "search", meta).data
    assert (search_site / scripts[2].lstrip("/")).read_bytes() == page_script(str(SOURCES), "search").data


def test_the_prefetch_script_carries_the_shard_tables_of_its_meta_file():
    meta = json.dumps({"indexes": {"en": {"shards": [["0", "search/en.1.json"]]},
                                   "de": {"shards": [["0", "search/de.1.json"], ["mäßig", "search/de.2.json"]]}}})
    script = prefetch_script(str(SOURCES), "search", meta.encode("utf-8"))
    text = script.data.decode("utf-8")
    assert text.startswith((SOURCES / PREFETCH_SCRIPT).read_text(encoding="utf-8").rstrip())
    call = text.rsplit("\n", 2)[-2]
    assert call == ('NewsSearchPrefetch.start({"de":[["0","search/de.1.json"],["mäßig","search/de.2.json"]],'
                    '"en":[["0","search/en.1.json"]]});')
    assert re.fullmatch(r"search/search-prefetch\.[0-9a-f]{12}\.js", script.path)
    other = json.dumps({"indexes": {"de": {"shards": [["0", "search/de.3.json"]]}}}).encode("utf-8")
    assert prefetch_script(str(SOURCES), "search", other).path != script.path


@pytest.mark.slow
def test_the_page_fetches_its_two_scripts_and_shows_results_under_the_strict_csp(page, base_url):
    scripts = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.goto(f"{base_url}/search.html?q=Wien")
    expect(page.locator("#search-results > li.search-hit a").first).to_be_visible()
    expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
    paths = sorted(urlparse(u).path for u in scripts)
    assert len(paths) == 3 and HASHED.match(paths[0]) and PREFETCH.match(paths[1])
    assert paths[2] == "/theme/search/search-field.js"
    assert page.problems == []
