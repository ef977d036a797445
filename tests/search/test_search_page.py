"""The search page as readers use it (Chromium, strict CSP): the word being
typed, compounds, numbers, phrases, questions, every script, invisible
characters, the page's states, filters in the URL, keys, layout."""

from __future__ import annotations

import re
import shutil
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from lunr_search.page_script import prefetch_script
from lunr_search.search_index import SearchDoc, build_search_files
from tests.search.corpus import FIELDS
from tests.support.browser import run_axe, serve
from tests.support.site import ROOT

pytestmark = pytest.mark.slow

HAUSARREST = "Hausarrest für den Bürgermeister von Graz"
ZAHLEN = "Sturm verliert 3:0 in Salzburg vor 1.400 Fans"
SCRIPTS = "Москва и Αθήνα: مرحبا بكم, שלום עולם, 北京欢迎你"
BUNDESTAG = "Der Bundestag berät über das Budget"


def open_search(page, base_url, query, extra=""):
    page.goto(f"{base_url}/search.html?q={quote(query)}{extra}")
    expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)


def titles(page):
    return page.locator("#search-results .search-hit-title").all_text_contents()


def status(page):
    return page.text_content("#search-status")


@pytest.mark.parametrize("query", ["Hausarr", "Bürgerm", "Hausarrest Bürg", "Graz Hausa"])
def test_the_word_being_typed_matches_as_a_prefix_from_the_third_letter(page, base_url, query):
    open_search(page, base_url, query)
    assert HAUSARREST in titles(page)


def test_a_trailing_space_ends_the_prefix_and_two_letters_find_nothing_yet(page, base_url):
    open_search(page, base_url, "Bürgerm")
    assert titles(page) == [HAUSARREST] and "Keine Treffer" not in status(page)
    open_search(page, base_url, "Bürgerm ")  # finished: no such word (the typo fallback may offer one)
    assert "Keine Treffer für" in status(page)
    open_search(page, base_url, "Bü")
    assert titles(page) == []
    open_search(page, base_url, "Hausarrest ")
    assert titles(page) == [HAUSARREST]


def test_the_typo_fallback_never_fires_on_the_word_being_typed(page, base_url):
    open_search(page, base_url, "")
    page.fill("#search-query", "Flüchtlnge")  # typed, not submitted
    expect(page.locator("#search-status")).to_contain_text("Keine Treffer")
    page.wait_for_timeout(400)
    assert "Ergebnisse für" not in status(page)
    page.press("#search-query", "Enter")  # submitted: now it is a finished word
    expect(page.locator("#search-status")).to_contain_text("Ergebnisse für")
    assert titles(page) == ["Österreich verschärft die Regeln für Flüchtlinge"]


@pytest.mark.parametrize("query, title", [
    ("Arrest", HAUSARREST),  # a part of a compound
    ("Lebensmittelverschwendung", HAUSARREST),  # a compound made of the article's words
    ("Bundestag", BUNDESTAG), ("Bundes\u200btag", BUNDESTAG), ("Bundestags", BUNDESTAG),
])
def test_compounds_both_ways_and_invisible_characters(page, base_url, query, title):
    open_search(page, base_url, query)
    assert titles(page)[:1] == [title], query


def test_whole_words_rank_above_compound_parts(page, base_url):
    open_search(page, base_url, "Haus ")
    assert titles(page)[0] == HAUSARREST  # "im eigenen Haus" in its text


@pytest.mark.parametrize("query", ["3:0", "1.400", "1400", "1,6", "2015", "1,6 Millionen", "3:0 Salzburg"])
def test_numbers_as_written(page, base_url, query):
    open_search(page, base_url, query)
    assert titles(page)[:1] == [ZAHLEN], query
    assert page.problems == []


def test_a_quoted_phrase_ranks_its_verbatim_article_first(page, base_url):
    open_search(page, base_url, "Rote Karte ")
    both = titles(page)
    assert set(both[:2]) == {ZAHLEN, "Rote Zahlen und eine gelbe Karte für den Klub"}
    assert both[0] != ZAHLEN  # without quotes the article with more of both words wins
    open_search(page, base_url, '"Rote Karte"')
    assert titles(page)[0] == ZAHLEN


def test_a_question_falls_back_to_the_articles_with_the_most_words(page, base_url):
    open_search(page, base_url, "wer hat den Hausarrest für den Bürgermeister eigentlich verhängt und warum")
    assert status(page) == "Keine Treffer mit allen Wörtern – Ergebnisse mit den meisten:"
    assert titles(page)[0] == HAUSARREST


def test_a_question_word_beside_other_words_is_not_required(page, base_url):
    open_search(page, base_url, "wer Hausarrest verhängt ")
    assert not status(page).startswith("Keine Treffer")  # the article has both words, not `wer`
    assert titles(page)[0] == HAUSARREST


@pytest.mark.parametrize("query", ["Москва", "Αθήνα", "مرحبا", "שלום", "北京", "欢迎"])
def test_every_script_is_found(page, base_url, query):
    open_search(page, base_url, query)
    assert titles(page) == [SCRIPTS], query


def test_marks_hold_the_word_only_and_the_hit_shows_its_parts(page, base_url):
    open_search(page, base_url, "Wien ")
    hit = page.locator("#search-results li.search-hit", has_text="Rapid Wien gewinnt")
    assert hit.locator(".search-hit-title mark").all_text_contents() == ["Wien"]
    expect(hit.locator(".search-hit-snippet mark")).to_have_text(["Wien"])  # "in Wien mit": no punctuation
    assert hit.locator("h2 a.search-hit-link").get_attribute("href").endswith(".html")
    assert "derStandard · " in hit.locator(".search-hit-meta").text_content()
    open_search(page, base_url, "Wien,")
    assert all(not re.search(r"\W$", m) for m in page.locator("#search-results mark").all_text_contents())


def test_more_appears_only_when_there_are_more(page, base_url):
    for query in ["Quantenchromodynamik", "NATO", "Stoltenberg"]:
        open_search(page, base_url, query)
        assert page.locator("#search-more").evaluate("b => getComputedStyle(b).display") == "none", query


def test_the_search_page_is_noindex_with_one_field_and_named_landmarks(page, base_url):
    open_search(page, base_url, "Wien")
    assert page.get_attribute('meta[name="robots"]', "content") == "noindex, follow"
    assert page.locator(".site-header .search-form").evaluate("f => getComputedStyle(f).display") == "none"
    labels = page.locator('[role="search"]').evaluate_all("fs => fs.map(f => f.getAttribute('aria-label'))")
    assert len(labels) == 2 and len(set(labels)) == 2 and all(labels)


def test_keys_move_through_the_hits_and_escape_clears(page, base_url):
    open_search(page, base_url, "NATO ")
    page.focus("#search-query")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") != first
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "search-query"
    page.keyboard.press("Escape")
    assert page.input_value("#search-query") == ""
    expect(page.locator("#search-results > li")).to_have_count(0)
    open_search(page, base_url, "NATO ")
    page.focus("#search-query")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/articles/" in page.url


def test_filters_are_in_the_url_with_counts_and_the_back_button_restores_them(page, base_url):
    open_search(page, base_url, "NATO ")
    assert len(titles(page)) == 3
    source = page.locator('select[data-facet="source"]')
    expect(source).to_be_enabled()
    options = source.locator("option").all_text_contents()
    assert "BBC (1)" in options and "Alle" in options
    source.select_option("BBC")
    expect(page.locator("#search-results > li")).to_have_count(1)
    assert "source=BBC" in page.url
    assert titles(page) == ["NATO foreign ministers prepare talks with Russia"]
    page.go_back()
    expect(page.locator("#search-results > li")).to_have_count(3)
    assert "source=" not in page.url
    page.go_forward()
    expect(page.locator("#search-results > li")).to_have_count(1)
    open_search(page, base_url, "NATO ", "&lang=en&lang=de&source=ORF&source=BBC&sort=date")
    got = titles(page)
    assert set(got) == {"NATO plant ein Manöver in Norwegen", "NATO foreign ministers prepare talks with Russia"}
    assert page.locator('select[data-sort]').input_value() == "date"
    open_search(page, base_url, "NATO ", "&year=1999")
    assert "mit diesen Filtern" in status(page)


def test_320_px_dark_mode_marks_and_no_layout_shift_while_results_load(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme="dark")
    context.add_init_script("""window.__cls = 0; new PerformanceObserver(list => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({type: 'layout-shift', buffered: true});""")
    page = context.new_page()
    open_search(page, base_url, "Wien")
    expect(page.locator("#search-results .search-hit-snippet[aria-busy]")).to_have_count(0)
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.eval_on_selector(".search-hit-snippet", "e => parseFloat(getComputedStyle(e).fontSize)") >= 16
    assert page.evaluate("window.__cls") < 0.05
    mark = page.locator("#search-results mark").first
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgb(255, 255, 0)", "rgba(0, 0, 0, 0)")  # not the browser's yellow
    context.close()


@pytest.fixture(scope="module")
def mini_url(search_site, tmp_path_factory):
    """search.html over two articles with tags and a story size (the stories plugin's)."""
    docs = [SearchDoc(url="a.html", title="Gipfel in Wien", date="2026-01-02", lang="de", source="ORF",
                      lead="Treffen.", tags=("Gipfel", "Ohne Seite"), tag_urls=("tag/gipfel.html", ""),
                      story_size=3),
            SearchDoc(url="b.html", title="Wien allein", date="2026-01-01", lang="de", source="DW", lead="X.")]
    folder = tmp_path_factory.mktemp("mini")
    shutil.copytree(search_site / "theme", folder / "theme")
    for script in (search_site / "search").glob("search-page.*.js"):
        (folder / "search").mkdir(exist_ok=True)
        shutil.copy(script, folder / "search" / script.name)
    files = build_search_files(docs, FIELDS, ["de", "en"], "de", "search")
    prefetch = prefetch_script(str(ROOT / "theme" / "static" / "search"), "search", files.meta.data)
    for f in files.files + [prefetch]:
        (folder / f.path).parent.mkdir(parents=True, exist_ok=True)
        (folder / f.path).write_bytes(f.data)
    html = (search_site / "search.html").read_text(encoding="utf-8")
    old = re.search(r'data-meta="/?([^"]+)"', html).group(1)
    old_prefetch = re.search(r'src="/?(search/search-prefetch\.[0-9a-f]{12}\.js)"', html).group(1)
    (folder / "search.html").write_text(html.replace(old, files.meta.path).replace(old_prefetch, prefetch.path),
                                        encoding="utf-8")
    with serve(folder) as url:
        yield url


def test_a_hit_says_how_many_sources_reported_its_story_and_links_its_tags(page, mini_url):
    open_search(page, mini_url, "Wien")
    metas = page.locator("#search-results .search-hit-meta").all_text_contents()
    assert "3 Quellen" in metas[0] and "Quellen" not in metas[1]
    tags = page.locator("#search-results li").first.locator(".search-hit-tags li")
    assert tags.all_text_contents() == ["Gipfel", "Ohne Seite"]
    assert tags.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")[0].endswith("/tag/gipfel.html")
    assert tags.locator("a").count() == 1  # a tag without a page is no link


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_results_filters_and_a_notice(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    for query in ["NATO", "Flüchtlnge", "wer hat den Hausarrest verhängt und warum"]:
        open_search(page, base_url, query)
        expect(page.locator('select[data-facet="source"]')).to_be_enabled()
        assert run_axe(page)[0] == [], query
    context.close()
