"""The typo fallback (issue 8) over the 1,028 corpus articles in Chromium: the
typo set of bench/fuzzy_typos.py, correctly spelled queries, display forms."""

from __future__ import annotations

import sys
from collections import Counter

import pytest

from lunr_search.analysis import analyse_documents
from lunr_search.display_forms import display_forms
from tests.support.browser import serve
from tests.support.site import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from fuzzy_eval import evaluate, exact_queries, success_at_5, write_corpus_site  # noqa: E402
from fuzzy_typos import CORPUS_FILE, FIELDS, KINDS, Typo, make_typos  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    if not CORPUS_FILE.exists():
        pytest.skip(f"corpus missing: {CORPUS_FILE}")
    folder = tmp_path_factory.mktemp("fuzzy-corpus")
    site = write_corpus_site(folder)
    with serve(folder) as url:
        yield site, url


@pytest.fixture(scope="module")
def typos(corpus):
    return make_typos(corpus[0].docs, FIELDS)


@pytest.fixture(scope="module")
def results(browser, corpus, typos):
    site, url = corpus
    return evaluate(browser, url, site, typos, exact_queries(typos))


def test_the_typo_set_is_made_as_the_issue_asks(typos, corpus):
    assert len(typos) >= 40
    assert Counter(t.kind for t in typos) == {kind: len(typos) // len(KINDS) for kind in KINDS}
    assert all(len(t.word) >= 8 and t.query != t.word and 1 <= len(t.urls) <= 3 for t in typos)
    assert make_typos(corpus[0].docs, FIELDS) == typos  # a fixed seed


def test_typos_find_their_article_in_the_first_five_hits(typos, results):
    # Nearly every typo needs the fallback; a few are found as the beginning of a
    # word (the query's last word matches as a prefix: `Schulleitun`).
    assert sum(r["plain"] == 0 for r in results["typos"]) >= 0.8 * len(typos)
    assert success_at_5(typos, results["typos"]) >= 0.9


def test_correctly_spelled_queries_show_what_they_show_without_the_fallback(typos, results):
    exact = dict(zip(exact_queries(typos), results["exact"]))
    assert [q for q, r in exact.items() if r["shown"] != r["plain"]] == []
    # They do find articles; the ones that do not are known words in no article together.
    assert sum(1 for r in exact.values() if r["plain"]) >= 60
    assert all(" " in q for q, r in exact.items() if not r["plain"])


def test_the_issues_examples_are_corrected_to_the_words_readers_know(browser, corpus):
    site, url = corpus
    examples = [Typo("Willkommmenskultur", "Willkommenskultur", "double", ()),
                Typo("Oppostionsvertreter", "Oppositionsvertreter", "drop", ()),
                Typo("Lufftwaffenbasis", "Luftwaffenbasis", "double", ())]
    got = evaluate(browser, url, site, examples, [])["typos"]
    assert [r["corrected"] for r in got] == [t.word for t in examples]
    assert all(r["count"] >= 1 for r in got)


def test_the_browser_reads_the_display_forms_python_chose(browser, corpus):
    site, url = corpus
    # Terms with anything but letters have no line and show capitalised.
    _counts, surface_forms = analyse_documents(((n, [d.field(f) for f in FIELDS]) for n, d in enumerate(site.docs)),
                                               "de")
    forms = {t: f for t, f in display_forms(surface_forms).items() if t.isalpha()}
    page = browser.new_page()
    page.goto(f"{url}/eval.html")
    got = page.evaluate("""async ([display, terms]) => {
        const codes = NewsFuzzy.readForms((await (await fetch(display)).json()).forms.de);
        return terms.map(t => NewsFuzzy.displayForm(codes, t));
    }""", [site.display, sorted(forms)])
    page.close()
    assert len(forms) > 30_000
    assert dict(zip(sorted(forms), got)) == forms
