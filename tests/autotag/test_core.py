"""Unit tests of the pure core: extraction, aliases, block list, ranking, editors, related."""

from __future__ import annotations

import pytest

from autotag.extract import extract
from autotag.rank import Entry, Settings, rank
from autotag.related import related
from autotag.table import TagTable, parse_table
from autotag.text import capitalised_tokens, is_acronym, plain_text


class FakeNames:
    """Names as a dictionary: known words only, like a tiny HanTa."""

    def __init__(self, names: dict[str, str]):
        self.names = names
        self.asked: list[str] = []

    def lemma(self, word):
        self.asked.append(word)
        return self.names.get(word)

    def known(self, word):
        return word in self.names


TABLE = parse_table('''
[aliases]
"NATO" = ["Nato"]
"Russland" = ["russischen Regierung"]
[block]
words = ["Montag", "DW"]
''')


def test_plain_text_strips_tags_and_decodes_entities():
    assert plain_text("<p>A &lt;b&gt; &amp; <em>C</em></p>").split() == ["A", "<b>", "&", "C"]


def test_tokens_are_capitalised_words_and_acronyms():
    words = [t.text for t in capitalised_tokens("die NATO-Truppen in Russia's Łódź, anti-NATO G7")]
    assert words == ["NATO-Truppen", "Russia", "Łódź", "G7"]
    assert is_acronym("OSZE") and is_acronym("G7") and not is_acronym("Nato") and not is_acronym("A")


def test_table_maps_variants_and_rejects_a_variant_with_two_owners():
    assert TABLE.canonical("nato") == "NATO" and TABLE.canonical("russischen regierung") == "Russland"
    assert TABLE.is_blocked("montag") and not TABLE.is_blocked("NATO")
    with pytest.raises(ValueError):
        parse_table('[aliases]\n"A" = ["X"]\n"B" = ["X"]\n')


def test_extract_weights_fields_merges_case_inflection_and_aliases():
    names = FakeNames({"Russlands": "Russland", "Russland": "Russland", "Nato": "Nato"})
    cands = extract([("Russland und die Nato", 3), ("Die NATO und die russischen Regierung", 2),
                     ("Russlands Nachbarn, Russlands Grenze.", 1)], names, TABLE)
    assert cands["nato"] == [5, {"NATO": 2}]
    assert cands["russland"] == [3 + 2 + 1 + 1, {"Russland": 4}]


def test_extract_keeps_multiword_names_whole_and_folds_lone_surnames_into_them():
    names = FakeNames({"Jens": "Jens", "Stoltenberg": "Stoltenberg"})
    cands = extract([("", 3), ("", 2), ("Jens Stoltenberg kam. Stoltenberg sagte, Jens Stoltenberg.", 1)],
                    names, TagTable())
    assert cands == {"jens stoltenberg": [3, {"Jens Stoltenberg": 3}]}


def test_extract_leaves_out_a_first_name_whose_surname_it_cannot_see():
    names = FakeNames({"Andreas": "Andreas"})
    cands = extract([("Andreas Khol", 3), ("", 2), ("Andreas Khol", 1)], names, TagTable())
    assert "andreas" not in cands


def test_extract_asks_about_rare_words_only_when_they_could_win():
    names = FakeNames({"Wien": "Wien"})
    extract([("", 3), ("", 2), ("Einmal Zamfir und einmal Wien. Wien", 1)], names, TagTable())
    assert "Zamfir" not in names.asked and "Einmal" not in names.asked and "Wien" in names.asked


def test_extract_skips_the_dateline_of_lead_and_body():
    names = FakeNames({"Wien": "Wien"})
    assert extract([("", 3), ("Wien – Die Lage.", 2), ("", 1)], names, TagTable()) == {}


def cands(**weights):
    return {key: [w, {key.title(): 1}] for key, w in weights.items()}


def test_rank_prefers_frequent_in_article_and_rare_on_site():
    entries = [Entry("a", cands(common=5, rare=4)),
               *[Entry(f"c{i}", cands(common=2)) for i in range(8)],
               Entry("r", cands(rare=2))]
    result = rank(entries, TagTable())
    assert result["a"].with_page == ["Rare", "Common"]


def test_rank_caps_tags_blocks_and_needs_min_articles_for_a_page():
    entries = [Entry("a", cands(one=9, two=8, three=7, montag=9, only=9)),
               Entry("b", cands(one=2, two=2, three=2))]
    result = rank(entries, TABLE, Settings(max_tags=2, min_articles=2))
    assert result["a"].with_page == ["One"] and result["a"].without_page == ["Only"]
    result = rank(entries, TABLE, Settings(max_tags=5, min_articles=2))
    assert result["a"].with_page == ["One", "Two", "Three"] and result["a"].without_page == ["Only"]
    result = rank(entries, TABLE, Settings(max_tags=5, min_articles=3))
    assert result["a"].with_page == [] and result["b"].without_page == ["One", "Three", "Two"]


def test_editors_win():
    entries = [Entry("a", cands(nato=9, ukraine=8, krim=4), manual=("Sicherheit", "KRIM")),
               Entry("b", cands(nato=3, ukraine=3), exclude=frozenset({"ukraine"})),
               Entry("c", cands(nato=3, ukraine=3), enabled=False),
               Entry("d", cands(nato=3, dw=5), own_names=frozenset({"dw"}))]
    result = rank(entries, TagTable())
    assert result["a"].with_page == ["Nato"] and result["a"].without_page == ["Ukraine"]
    assert result["b"].with_page == ["Nato"] and result["b"].without_page == []
    assert result["c"].with_page == [] and result["c"].without_page == []
    assert result["d"].with_page == ["Nato"] and result["d"].without_page == []


def test_a_manual_tag_elsewhere_gives_an_automatic_one_its_page():
    entries = [Entry("a", cands(krim=3)), Entry("b", {}, manual=("Krim",))]
    assert rank(entries, TagTable(), Settings(min_articles=5))["a"].with_page == ["Krim"]


def test_lone_surnames_join_the_one_full_name_and_first_names_go():
    entries = [Entry("a", {"wladimir putin": [4, {"Wladimir Putin": 2}]}),
               Entry("b", {"wladimir putin": [4, {"Wladimir Putin": 2}]}),
               Entry("c", {"putin": [3, {"Putin": 1}]}),
               Entry("d", {"andreas": [3, {"Andreas": 1}], "andreas khol": [3, {"Andreas Khol": 1}]})]
    result = rank(entries, TagTable())
    assert result["c"].with_page == ["Wladimir Putin"]
    assert result["d"].without_page == ["Andreas Khol"]


def test_rank_is_deterministic_on_ties():
    entries = [Entry("a", cands(beta=3, alpha=3)), Entry("b", cands(alpha=3, beta=3))]
    assert rank(entries, TagTable())["a"].with_page == ["Alpha", "Beta"]


def test_related_ranks_by_shared_rare_tags_and_breaks_ties_by_order():
    tags = {"a": ["X", "Common"], "b": ["x"], "c": ["Common"], "d": ["Common"], "e": ["Common"], "f": []}
    result = related(tags, limit=3)
    assert result["a"] == ["b", "c", "d"]
    assert result["f"] == []
    assert "a" not in result["a"]
