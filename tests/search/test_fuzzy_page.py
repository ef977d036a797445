"""The typo fallback on search.html (issue 8) in Chromium under the strict CSP, on the small site."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.slow
NATO = "NATO wiederholt Angebot zum Dialog mit Moskau"


def open_search(page, url):
    page.goto(url)
    expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)


def titles(page):
    return page.locator("#search-results .search-hit-title").all_text_contents()


def status(page):
    return page.text_content("#search-status")


def test_a_typo_shows_the_results_of_the_corrected_word_and_says_so(page, base_url):
    open_search(page, f"{base_url}/search.html?q=Stoltenbreg")
    assert titles(page)[0] == NATO
    assert status(page) == "Keine Treffer für Stoltenbreg. Ergebnisse für Stoltenberg: Nur nach Stoltenbreg suchen"
    assert page.locator("#search-status em").all_text_contents() == ["Stoltenbreg", "Stoltenberg", "Stoltenbreg"]
    assert page.problems == []


def test_the_corrected_word_is_marked_in_the_hits(page, base_url):
    open_search(page, f"{base_url}/search.html?q=Man%C3%B6vr")
    assert titles(page) == ["NATO plant ein Manöver in Norwegen"]
    assert page.locator("#search-results .search-hit-title mark").all_text_contents() == ["Manöver"]


def test_the_link_searches_the_typed_spelling_only(page, base_url):
    open_search(page, f"{base_url}/search.html?q=Stoltenbreg")
    link = page.locator("#search-status a")
    assert parse_qs(urlsplit(link.get_attribute("href")).query) == {"q": ["Stoltenbreg"], "exact": ["1"]}
    link.click()
    page.wait_for_url("**exact=1*")
    expect(page.locator('#search-results[aria-busy="false"]')).to_have_count(1)
    assert titles(page) == []
    assert status(page).startswith("Keine Treffer für „Stoltenbreg“. Alle Wörter müssen vorkommen")
    assert page.locator("#search-status em, #search-status a").count() == 0
    # A new query typed there gets the fallback again once the word is finished
    # (never while it is typed), and the URL forgets exact=1.
    page.fill("#search-query", "Stoltenbrg")
    expect(page.locator("#search-status")).to_contain_text("Stoltenbrg")
    assert page.locator("#search-status em").count() == 0
    page.fill("#search-query", "Stoltenbrg ")
    expect(page.locator("#search-status em")).to_have_count(3)
    # The status can change before the hits are drawn: wait for the first hit.
    expect(page.locator("#search-results .search-hit-title").first).to_have_text(NATO)
    assert "exact" not in parse_qs(urlsplit(page.url).query)
    assert page.problems == []


@pytest.mark.parametrize("query", ["Stoltenberg", "Gesprächen", "Oesterreich", "NATO Ukraine", "Wien Trump"])
def test_a_correctly_spelled_query_shows_no_suggestion(page, base_url, query):
    open_search(page, f"{base_url}/search.html?q={quote(query)}")
    assert "Ergebnisse für" not in status(page)
    assert page.locator("#search-status em, #search-status a").count() == 0
    if query == "Wien Trump":  # both words exist, in no article together: no fuzzing, the most words
        assert titles(page) and status(page) == "Keine Treffer mit allen Wörtern – Ergebnisse mit den meisten:"


@pytest.mark.parametrize("query, corrected, title", [
    ("Stoltenbreg Moskau", "Stoltenberg Moskau", NATO),  # AND: only the unknown word is fuzzed
    ("Oesterriech", "Österreich", "Österreich verschärft die Regeln für Flüchtlinge"),  # transliterated
    ("Muenchn", "München", "Trump spricht in München über Zölle"),
    ("title:Manövr", "title:Manöver", "NATO plant ein Manöver in Norwegen"),
    ("Diplomtas", "Diplomats", "NATO foreign ministers prepare talks with Russia"),  # English index
])
def test_fallback_with_and_transliteration_fields_and_english(page, base_url, query, corrected, title):
    open_search(page, f"{base_url}/search.html?q={quote(query)}")
    assert title in titles(page), query
    assert page.locator("#search-status em").all_text_contents() == [query, corrected, query]


@pytest.mark.parametrize("query", ["Wiem",  # 4 letters: Wiem~1 would find Wien
                                   "Stoltenb*rgx"])  # a wildcard is the reader's own pattern
def test_short_and_wildcard_words_are_not_fuzzed(page, base_url, query):
    open_search(page, f"{base_url}/search.html?q={quote(query)}")
    assert page.locator("#search-status em").count() == 0, query
