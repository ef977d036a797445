"""The typo fallback's term -> display-form table (plugins/lunr_search/display_forms.py)."""

import json

import pytest

from lunr_search.analysis import analyse_documents
from lunr_search.display_forms import display_forms, display_table, encode
from lunr_search.search_index import SearchDoc, build_search_files

FIELDS = ["title", "tags", "lead", "body", "source", "author"]


@pytest.mark.parametrize("term, form, code", [
    ("luftwaffenbasis", "Luftwaffenbasis", "^"),
    ("regier", "Regierung", "^ung"),
    ("spiel", "spielen", "en"),
    ("gewinnt", "gewinnt", ""),
    ("turkei", "Türkei", "%^1|"),
    ("osterreich", "Österreich", "%^0|"),
    ("fluchtling", "Flüchtlinge", "%^2|e"),
    ("grun", "grünen", "%2|en"),
    ("nato", "NATO", "=NATO"),
    ("wb", "Wäb", "=Wäb"),  # an umlaut where the term has no a/o/u
    ("strass", "Straße", "=Straße"),
    ("a", "a^b", "%|^b"),  # a suffix must not read as a mark
    ("9.5.2016", "9.5.2016", ""),
])
def test_a_form_is_coded_against_its_term(term, form, code):
    assert encode(term, form) == code


def doc(text, lang="de", url="a.html"):
    return SearchDoc(url=url, title=text, date="2026-01-01", lang=lang)


def forms_of(texts, lang="de"):
    return display_forms(analyse_documents(((n, [text]) for n, text in enumerate(texts)), lang)[1])


def test_the_most_frequent_surface_form_wins_and_ties_go_to_the_first_in_order():
    forms = forms_of(["Österreich, Österreich! Oesterreich", "Die Regierung regiert. Regierung?", "Zebra zebra"])
    assert forms["osterreich"] == "Österreich"  # transliterated and folded alike
    assert forms["regier"] == "Regierung"
    assert forms["zebra"] == "Zebra"  # "Zebra" < "zebra"
    assert "die" not in forms  # a stop word is no term


def test_english_articles_get_english_terms():
    assert forms_of(["The negotiations"], "en") == {"negoti": "negotiations"}


def test_table_shares_prefixes_and_leaves_out_plain_capitals():
    table = display_table({"regier": "Regierung", "regiert": "regiert", "regierungschef": "Regierungschef",
                           "turkei": "Türkei", "2016": "2016", "g20": "G20"})
    # regier, regiert (6 shared), regierungschef (capitalised: no line), turkei (0 shared);
    # terms with digits have no line
    assert table == "0regier\t^ung\n6t\n0turkei\t%^1|"


def test_file_is_content_hashed_per_index_language_and_deterministic():
    docs = [doc("Wiener Melange", url="a.html"), doc("Vienna coffee", "en", url="b.html"),
            doc("Des croissants", "fr", url="c.html")]
    first = build_search_files(docs, dict.fromkeys(FIELDS, 1), ["de", "en"], "de").display
    assert first == build_search_files(list(reversed(docs)), dict.fromkeys(FIELDS, 1), ["de", "en"], "de").display
    assert first.path.startswith("search/display.") and first.path.endswith(".json")
    data = json.loads(first.data)
    assert data["version"] == 1 and sorted(data["forms"]) == ["de", "en"]
    assert "0croissant\ts" in data["forms"]["de"].split("\n")  # French goes to the fallback's index
    assert data["forms"]["en"] == "0coffe\te"  # vienna -> Vienna: capitalised, no line
