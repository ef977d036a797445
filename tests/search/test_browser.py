"""The search page in Debian's Chromium under the strict CSP, split/whole index parity, Python/browser pipelines."""

from __future__ import annotations

import re
import shutil
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import expect

from lunr_search.page_script import prefetch_script
from lunr_search.pipelines import run, tokenize
from lunr_search.search_index import build_search_files, order
from tests.search.conftest import SEEDS
from tests.search.corpus import FIELDS, corpus_docs
from tests.support.browser import collect_console_problems, serve
from tests.support.site import ROOT

pytestmark = pytest.mark.slow
SOURCES = ROOT / "theme" / "static" / "search"


def open_search(page, base_url, query):
    page.goto(f"{base_url}/search.html?q={quote(query)}")
    expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)


def titles(page):
    return page.locator("#search-results .search-hit-title").all_text_contents()


def test_stoltenberg_puts_the_seed_article_first(page, base_url):
    open_search(page, base_url, "Stoltenberg")
    assert titles(page)[0] == "NATO wiederholt Angebot zum Dialog mit Moskau"
    first = page.locator("#search-results a").first
    assert first.get_attribute("href").endswith("/articles/nato-wiederholt-angebot-zum-dialog-mit-moskau.html")
    assert page.problems == []


def test_gespraechen_finds_an_article_that_only_says_gespraeche(page, base_url):
    seed = SEEDS["017_gespraeche.txt"]
    assert "Gespräche " in seed and "Gesprächen" not in seed
    open_search(page, base_url, "Gesprächen")
    assert "Gespräche über den Haushalt gehen weiter" in titles(page)
    assert "Gespräche" in page.locator("#search-results mark").all_text_contents()


def test_every_word_is_required(page, base_url):
    open_search(page, base_url, "NATO Ukraine")
    # One German article has both; one only NATO, one only Ukraine; the English one no Ukraine.
    assert titles(page) == ["NATO wiederholt Angebot zum Dialog mit Moskau"]
    assert page.text_content("#search-status") == "1 Treffer für „NATO Ukraine“"


@pytest.mark.parametrize("queries, title", [
    (["Österreich", "Osterreich", "Oesterreich"], "Österreich verschärft die Regeln für Flüchtlinge"),
    (["München", "Muenchen"], "Trump spricht in München über Zölle"),
    (["Flücht*", "fluecht*"], "Österreich verschärft die Regeln für Flüchtlinge"),
    (["title:Wien", "Politik?", "Wien, Polizei!", "Prozent"], "Rapid Wien gewinnt das Derby gegen die Austria"),
    (["ministers talks", "negotiation"], "NATO foreign ministers prepare talks with Russia"),
])
def test_spellings_wildcards_fields_punctuation_and_english(page, base_url, queries, title):
    for query in queries:
        open_search(page, base_url, query)
        assert titles(page)[:1] == [title], query


def test_headline_with_script_tag_shows_as_text(page, base_url):
    open_search(page, base_url, "Warnung Webseiten")
    assert titles(page) == ["Warnung vor <script>alert(1)</script> in Webseiten"]
    assert page.locator("#search-results script").count() == 0
    assert page.problems == []


def test_hit_shows_link_date_source_snippet_with_marks_and_count(page, base_url):
    open_search(page, base_url, "Oesterreich")
    hit = page.locator("#search-results li.search-hit").first
    year, month, day = hit.locator("time").get_attribute("datetime").split("-")
    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
              "September", "Oktober", "November", "Dezember"]
    # The site's language and the theme's date style: "7. Januar 2022".
    assert hit.locator("time").text_content() == f"{int(day)}. {months[int(month) - 1]} {year}"
    assert "derStandard" in hit.locator(".search-hit-meta").text_content()
    assert hit.locator(".search-hit-snippet mark").all_text_contents() == ["Österreich"]
    assert page.get_attribute("#search-status", "role") == "status"


def test_empty_state_and_any_query_gets_an_answer_never_a_parse_error(page, base_url):
    open_search(page, base_url, "Quantenchromodynamik")
    assert "Keine Treffer" in page.text_content("#search-status")
    for query in ["title:", "Wien^", "nosuchfield:x", "4:1", "a:b:c", "~", "*", '"']:
        open_search(page, base_url, query)
        assert page.text_content("#search-status").strip(), query
    open_search(page, base_url, '"Rapid Wien')
    assert titles(page) == ["Rapid Wien gewinnt das Derby gegen die Austria"]
    assert page.problems == []


def test_typing_updates_results_and_the_url_and_enter_submits(page, base_url):
    open_search(page, base_url, "")
    assert "Suchbegriff" in page.text_content("#search-status")
    page.fill("#search-query", "Rapid")
    expect(page.locator("#search-results li")).to_have_count(1)
    assert page.url.endswith("?q=Rapid")
    page.fill("#search-query", "Trump")
    page.press("#search-query", "Enter")
    page.wait_for_url("**?q=Trump")
    assert titles(page) == ["Trump spricht in München über Zölle"]


def test_header_field_leads_to_the_search_page(page, base_url):
    page.goto(f"{base_url}/index.html")
    page.fill("#site-search", "Stoltenberg")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search.html?q=Stoltenberg")
    expect(page.locator("#search-results li").first).to_be_visible()
    assert titles(page)[0] == "NATO wiederholt Angebot zum Dialog mit Moskau"


def test_index_is_fetched_only_when_a_reader_searches(page, base_url):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{base_url}/index.html")
    page.wait_for_load_state("load")
    assert not [u for u in requested if u.endswith(".json")]
    with page.expect_request(re.compile(r"/search/meta\.[0-9a-f]{12}\.json$")):
        page.focus("#site-search")
    # The home page shows the seed's image from its remote host, which this machine cannot reach.
    assert [p for p in page.problems if "ERR_NAME_NOT_RESOLVED" not in p] == []


# The split index finds what one index finds, over real articles.

PARITY_QUERIES = ["Wien", "Rapid Wien", "Politik", "Polizei Wien", "Prozent", "Regierung", "Österreich",
                  "Oesterreich", "Flücht*", "title:Wien", "Wien -Rapid", "Gespräche", "abgebildet",
                  "Trump", "Euro Prozent", "Schule Kinder", "police", "politics Vienna", "der die das",
                  "Wien, Graz.", "spiel*", "Fußball", "Regier", "Wahl~1", "-Wien", "Flüchtl", "Bundespräs",
                  "wer gewinnt die Wahl in Wien", '"in Wien"', "2015", "1,6", "Kanzler Fay"]


def write_search(folder, docs, name, shard_bytes, page_html, store_chunk=8):
    """Search files of `docs` under `folder/name`, their prefetch script and a search.html
    naming them (by default more store chunks than search-page.js loads whole: 200 articles in 25)."""
    files = build_search_files(docs, {**FIELDS, "parts": 1}, ["de", "en"], "de", name, shard_bytes=shard_bytes,
                               store_chunk=store_chunk)
    prefetch = prefetch_script(str(SOURCES), name, files.meta.data)
    for search_file in files.files + [prefetch]:
        (folder / search_file.path).parent.mkdir(parents=True, exist_ok=True)
        (folder / search_file.path).write_bytes(search_file.data)
    old_meta = re.search(r'data-meta="/?([^"]+)"', page_html).group(1)
    old_prefetch = re.search(r'src="/?(search/search-prefetch\.[0-9a-f]{12}\.js)"', page_html).group(1)
    page_html = page_html.replace(old_meta, files.meta.path).replace(old_prefetch, prefetch.path)
    (folder / f"{name}.html").write_text(page_html, encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def parity_site(search_site, tmp_path_factory):
    """search.html over 200 corpus articles, the index cut into small shards
    (parity.html) and in one shard (whole.html)."""
    docs = order(corpus_docs(200))
    folder = tmp_path_factory.mktemp("parity")
    shutil.copytree(search_site / "theme", folder / "theme")
    for script in (search_site / "search").glob("search-page.*.js"):  # the main script
        (folder / "search").mkdir(exist_ok=True)
        shutil.copy(script, folder / "search" / script.name)
    page = (search_site / "search.html").read_text(encoding="utf-8")
    files = write_search(folder, docs, "parity", 5_000, page)
    write_search(folder, docs, "whole", 100_000_000, page)
    write_search(folder, docs, "small", 5_000, page, store_chunk=16)  # 13 store chunks: loaded whole
    return folder, docs, files


def browser_eval(browser, folder, script, arg, page_name="parity"):
    context = browser.new_context()
    page = context.new_page()
    problems = collect_console_problems(page)
    with serve(folder) as url:
        page.goto(f"{url}/{page_name}.html")
        expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
        result = page.evaluate(script, arg)
    context.close()
    assert problems == []
    return result


SEARCHER = """const meta = await (await fetch(document.getElementById('search-results').dataset.meta)).json();
        const searcher = new NewsSearch.Searcher(meta, new URL('./', location.href),
                                                 url => fetch(url).then(r => r.json()),
                                                 url => fetch(url).then(r => r.text()));"""
SEARCH_ALL = """async (queries) => {
        """ + SEARCHER + """
        const result = [];
        for (const q of queries) {
          const hits = await searcher.search(q);
          result.push({partial: hits.partial, hits: hits.map(h => [h.ref, Math.round(h.score * 1e6)])});
        }
        return result;
    }"""


def test_split_index_finds_and_ranks_exactly_as_one_shard(browser, parity_site):
    folder, _docs, files = parity_site
    shards = [f for f in files.files if f.path.startswith("parity/de.")]
    assert len(shards) > 20  # small shards, so prefixes span several
    split = browser_eval(browser, folder, SEARCH_ALL, PARITY_QUERIES, "parity")
    whole = browser_eval(browser, folder, SEARCH_ALL, PARITY_QUERIES, "whole")
    for query, ours, reference in zip(PARITY_QUERIES, split, whole):
        assert ours == reference, query
    assert sum(len(r["hits"]) for r in split) > 100  # the queries do find articles
    by_query = dict(zip(PARITY_QUERIES, split))
    assert by_query["wer gewinnt die Wahl in Wien"]["partial"] or by_query["wer gewinnt die Wahl in Wien"]["hits"]
    assert len(by_query["Regier"]["hits"]) >= len(by_query["Regierung"]["hits"])  # the typed word is a prefix


def test_python_and_browser_pipelines_give_the_same_terms(browser, parity_site):
    folder, docs, _files = parity_site
    words = sorted({w for d in docs for w in tokenize(f"{d.title} {d.lead} {d.body}")})
    words += ["Привет", "Ελλάδα", "שלום", "مرحبا", "北", "«Zitat»", "3:0", "1,6"]  # queries are folded before
    assert len(words) > 5000
    got = browser_eval(browser, folder, """async (words) => {
        """ + SEARCHER + """
        return words.map(w => searcher.analyse('de', w.toLowerCase()).join(' '));
    }""", words)
    mismatches = [(w, b, " ".join(run("de", w))) for w, b in zip(words, got) if b != " ".join(run("de", w))]
    assert mismatches == []


def test_a_query_fetches_its_shards_one_page_of_store_chunks_and_the_shown_hits_texts(page, parity_site):
    folder, _docs, files = parity_site
    shards = [f.path for f in files.files if f.path.startswith("parity/de.")]
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    with serve(folder) as url:
        page.goto(f"{url}/parity.html?q=Wien%20")  # a trailing space: the word is finished
        expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
        expect(page.locator("#search-results > li")).to_have_count(10)
        expect(page.locator("#search-results .search-hit-snippet[aria-busy]")).to_have_count(0)
        fetched_shards = [u for u in requested if "/parity/de." in u]
        # once each: the prefetch script's requests are the page's
        assert len(fetched_shards) == 1 and len(shards) > 20
        assert len([u for u in requested if "/parity/meta." in u]) == 1
        assert 1 <= len([u for u in requested if "/parity/store." in u]) <= 10
        assert len([u for u in requested if "/parity/text/" in u]) == 10
        assert int(page.text_content("#search-status").split()[0]) > 10
        expect(page.locator("#search-more")).to_be_visible()
        page.click("#search-more")
        expect(page.locator("#search-results > li.search-hit")).to_have_count(20)
        expect(page.locator("#search-results .search-hit-snippet[aria-busy]")).to_have_count(0)
        assert len([u for u in requested if "/parity/text/" in u]) == 20
        requested.clear()
        page.goto(f"{url}/parity.html?q={quote('Wahl~1')}")  # an edit distance: the term list, then some shards
        expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
        assert titles(page)
        assert len([u for u in requested if "/parity/terms." in u]) == 1
        assert 1 <= len({u for u in requested if "/parity/de." in u}) < len(shards) / 2
    assert page.problems == []


def test_a_small_store_is_loaded_whole_after_the_first_results_and_typing_then_waits_for_no_entry(
        page, parity_site):
    folder, _docs, _files = parity_site
    chunks = {f"/{p.relative_to(folder)}" for p in (folder / "small").glob("store.*.json")}
    assert len(chunks) == 13
    requested = []
    page.on("request", lambda r: requested.append(urlparse(r.url).path))
    with serve(folder) as url:
        page.goto(f"{url}/small.html?q=Wien%20")
        expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
        page.wait_for_function("n => performance.getEntriesByType('resource').filter("
                               "r => r.name.includes('/small/store.')).length === n", arg=len(chunks))
        assert {u for u in requested if "/small/store." in u} == chunks
        requested.clear()
        for text in ("Wien Po", "Wien Pol", "Wien Poli"):
            page.fill("#search-query", text)
            expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
        assert not [u for u in requested if "/small/store." in u]
        assert titles(page)
    assert page.problems == []


def test_while_typing_a_word_counts_from_its_third_letter_beside_other_words(page, parity_site):
    folder, _docs, _files = parity_site
    with serve(folder) as url:
        page.goto(f"{url}/parity.html?q=Polizei%20")
        expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
        alone = (titles(page), page.text_content("#search-status").split()[0])
        for text, same in (("Polizei W", True), ("Polizei Wi", True), ("Polizei Wien", False)):
            page.fill("#search-query", text)
            page.wait_for_function("q => new URL(location.href).searchParams.get('q') === q", arg=text)
            expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
            shown = (titles(page), page.text_content("#search-status").split()[0])
            assert (shown == alone) == same, text
    assert page.problems == []


def test_the_prefetch_script_asks_for_the_query_s_shards_before_the_main_script_runs(page, parity_site):
    folder, _docs, files = parity_site
    shards = [f.path for f in files.files if f.path.startswith("parity/de.")]
    requested = []
    page.on("request", lambda r: requested.append(urlparse(r.url).path))
    with serve(folder) as url:
        page.route(re.compile(r"/search/search-page\.[0-9a-f]{12}\.js$"), lambda route: route.abort())  # no main script
        with page.expect_request(re.compile(r"/parity/de\.[0-9a-f]{12}\.json$")) as shard:
            page.goto(f"{url}/parity.html?q=Wien")
        path = urlparse(shard.value.url).path
        assert page.evaluate("url => NewsSearchPrefetch.take(url) !== null", shard.value.url)
        assert page.evaluate("url => NewsSearchPrefetch.take(url)", shard.value.url) is None  # taken once
        page.wait_for_load_state("load")
        asked = [p for p in requested if p.startswith("/parity/de.")]
        assert path in asked and 1 <= len(asked) <= 2 and len(shards) > 20  # the range of `wien` only


def test_hits_are_only_ever_added_below_the_shown_ones_in_rank_order(page, parity_site):
    folder, _docs, _files = parity_site
    page.add_init_script("""window.__added = [];
        new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => {
          if (n.nodeType === 1 && n.matches('li.search-hit')) {
            window.__added.push(n.querySelector('.search-hit-title').textContent);
          }
        }))).observe(document, {subtree: true, childList: true});""")
    with serve(folder) as url:
        page.goto(f"{url}/parity.html?q=Polizei%20")
        expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
        added = page.evaluate("window.__added")
    # in the order they were added = the order shown: none was put before one added earlier
    assert added == titles(page) and len(added) == 10
