"""Unit tests of the pure core: extraction rules, the tag table, ranking, editors, slugs, related."""

from __future__ import annotations

import time

import pytest

from autotag.cache import valid_entry
from autotag.extract import extract
from autotag.rank import Entry, Settings, rank
from autotag.related import related
from autotag.slugs import tag_slugs
from autotag.table import TagTable, TagTableError, parse_table
from autotag.text import capitalised_tokens, is_acronym, plain_text
from autotag.wordsets import WordSets
from tests.support.scaling import linear_bound, timings


class FakeNames:
    """HanTa as a dictionary: known proper nouns only."""

    def __init__(self, names=()):
        self.names = set(names)

    def proper_noun(self, word):
        return word in self.names

    def known(self, word):
        return word in self.names

    def common_word(self, word):
        return word.lower() in {"knapp", "seine"}

    def adjective(self, word):
        return word.lower() in ADJECTIVES


# lower-case forms the fake model knows as attributive adjectives (`wienen` it does not know)
ADJECTIVES = {f"{stem}{ending}" for stem in ("bayerisch", "rot", "olympisch", "international", "vereinigt",
                                              "arabisch", "mobil") for ending in ("e", "en", "em", "er", "es")} | {"wiener"}


WORDS = WordSets(
    nouns=frozenset({"innenministerin", "chef", "server", "bürgermeister", "regisseurin", "stück",
                     "hochwasser", "truppen", "partei", "wahl", "rundfunk", "rundfunks", "kreuz",
                     "kreuzes", "gerichtshof", "psychologen", "spiele", "spielen", "emirate", "bundes",
                     "präsident", "armee", "militär"}),
    first_names=frozenset({"Johanna", "Alexander", "Werner", "Heinz", "Anna", "Dominic", "Jens", "Lars",
                           "Kurt", "Ursula"}),
    surnames=frozenset({"Fischer"}),
    places=frozenset({"Kongo", "St. Pölten", "Wiener Neustadt", "Rio de Janeiro", "Wien", "Österreich", "Ägypten",
                      "Den Haag"}),
    major_places=frozenset({"Wien", "Österreich", "Ägypten"}),
    iso_codes=frozenset({"AUT", "ESP", "AT"}),
    demonyms={"ägyptisch": "Ägypten"},
    genders={"rundfunk": "m", "kreuz": "n", "gerichtshof": "m", "psychologe": "m", "spiel": "n", "spielen": "n"},
    english_words=frozenset({"awards", "outdoor"}),
)
TABLE = parse_table('''
[aliases]
"NATO" = ["Nato"]
"Russland" = ["russischen Regierung"]
[block]
words = ["Montag", "DW"]
[topics]
"Terrorismus" = ["Terror*", "terroristisch*"]
"Tennis" = ["Tennis*", "ATP"]
"Wahlen" = ["*wahl", "Wahlen"]
''')


def tags_of(body, title="", lead="", names=(), table=TABLE):
    found = extract([(title, 3), (lead, 2), (body, 1)], FakeNames(names), table, WORDS)
    return found["candidates"], found["ambiguous"]


def test_plain_text_strips_tags_and_decodes_entities():
    assert plain_text("<p>A &lt;b&gt; &amp; <em>C</em></p>").split() == ["A", "<b>", "&", "C"]


def test_tokens_are_capitalised_words_and_acronyms():
    words = [t.text for t in capitalised_tokens("die NATO-Truppen in Russia's Łódź, anti-NATO G7")]
    assert words == ["NATO-Truppen", "Russia", "Łódź", "G7"]
    assert is_acronym("OSZE") and is_acronym("G7") and not is_acronym("Nato") and not is_acronym("A")


def test_table_maps_variants_and_rejects_a_variant_with_two_owners():
    assert TABLE.canonical("nato") == "NATO" and TABLE.canonical("russischen regierung") == "Russland"
    assert TABLE.is_blocked("montag") and not TABLE.is_blocked("NATO")
    with pytest.raises(TagTableError, match="also an alias"):
        parse_table('[aliases]\n"A" = ["X"]\n"B" = ["X"]\n')


@pytest.mark.parametrize("text, message", [
    ('[aliasse]\n"A" = ["B"]\n', r"t\.toml:1: \[aliasse\]: unknown table"),
    ('[block]\nwords = "Montag"\n', r"t\.toml:2: \[block\] 'words': must be a list"),
    ('[aliases]\n"A" = ["B"]\n"C" = [1, 2]\n', r"t\.toml:3: \[aliases\] 'C': must be a list"),
    ('aliases = [1]\n', r"t\.toml:1: \[aliases\]: must be a table"),
    ('[block]\nword = ["x"]\n', r"\[block\] 'word': unknown key"),
    ('[types]\n"X" = "thing"\n', r"t\.toml:2: \[types\] 'X': must be one of"),
    ('[topics]\n"T" = ["*x*"]\n', r"\[topics\] 'T'"),
    ('[aliases\n', r"t\.toml: not valid TOML: .*line 1"),
])
def test_table_errors_name_file_line_and_key(text, message):
    with pytest.raises(TagTableError, match=message):
        parse_table(text, "t.toml")


def test_names_keep_their_particles_and_saints():
    cands, _ = tags_of("Bundespräsident Alexander Van der Bellen kam nach St. Pölten. "
                       "Van der Bellen lobte Lars von Trier. Alexander Van der Bellen blieb in St. Pölten.")
    assert "alexander van der bellen" in cands and "van der bellen" not in cands
    assert cands["alexander van der bellen"][0] == 3 and cands["alexander van der bellen"][2] == "person"
    assert "st. pölten" in cands and cands["st. pölten"][2] == "place" and "pölten" not in cands
    assert "lars von trier" in cands
    assert not {"alexander van", "van", "bellen"} & set(cands)


def test_role_words_are_cut_and_hyphenated_names_stay_whole():
    cands, _ = tags_of("Innenministerin Johanna Mikl-Leitner sprach. Johanna Mikl-Leitner sagte das.")
    assert set(cands) == {"johanna mikl-leitner"}


def test_genitives_are_lemmatised():
    cands, _ = tags_of("Werner Schwabs Stück spielt in Wiener Neustadt. Das Stück von Werner Schwab.")
    assert cands["werner schwab"][0] == 2 and "werner schwabs" not in cands
    assert "wiener neustadt" in cands and "neustadt" not in cands


def test_a_lone_surname_counts_for_the_full_name_in_the_same_article_only():
    cands, ambiguous = tags_of("Dominic Thiem gewann. Thiem sagte, Thiem sei müde.", names={"Thiem"})
    assert cands == {"dominic thiem": [3, {"Dominic Thiem": 1}, "person", 0, 0]} and ambiguous == []
    alone, _ = tags_of("Thiem gewann. Thiem sagte, Thiem sei müde.", names={"Thiem"})
    assert "dominic thiem" not in alone  # never merged into a name from another article


def test_two_people_with_one_surname_stay_apart_and_the_bare_surname_goes():
    cands, ambiguous = tags_of("Heinz Fischer kam. Anna Fischer inszenierte. Fischer sagte, Heinz Fischer "
                               "lachte mit Anna Fischer.")
    assert cands["heinz fischer"][0] == 2 and cands["anna fischer"][0] == 2
    assert "fischer" not in cands and ambiguous == ["Fischer"]


def test_a_first_name_alone_is_never_a_tag():
    cands, _ = tags_of("Heute kam Johanna. Johanna sagte nichts. Johanna Mikl-Leitner fehlte.")
    assert "johanna" not in cands


def test_junk_is_not_a_candidate():
    cands, _ = tags_of("Das Handy hat 16 GB und 16 GB. Ergebnis: 1. Dominic Thiem (AUT), "
                       "2. Rafa Nadal (ESP). Thiem (AUT) gewann.", names={"Thiem", "Nadal", "Rafa"})
    assert not {"gb", "aut", "esp"} & set(cands)
    dateline, _ = tags_of("Bujumbura/Wien – Die Lage.", lead="Wien –Die Lage ist ruhig.")
    assert "wien" not in dateline
    one_letter, _ = tags_of("Plan A und Plan A.", names={"A"})
    assert "a" not in one_letter


def test_a_compound_counts_for_its_name_only_where_the_name_stands_alone():
    only_compound, _ = tags_of("Der Apple-Server war weg, der Apple-Server kam.", names={"Apple"})
    assert "apple" not in only_compound and "apple-server" not in only_compound
    with_alone, _ = tags_of("Apple sagt, der Apple-Server kam. Apple lachte.", names={"Apple"})
    assert with_alone["apple"][0] == 3


def test_recurring_compounds_of_a_table_acronym_count_for_its_tag():
    table = parse_table('[aliases]\n"USA" = ["US"]\n')
    cands, _ = tags_of("Die US-Wahl und der US-Präsident, die US-Armee und das US-Militär.", table=table)
    assert cands["usa"][0] == 4 and "us" not in cands
    few, _ = tags_of("Die US-Wahl und der US-Präsident.", table=table)
    assert "usa" not in few  # two compounds: not what the article is about
    other, _ = tags_of("Die ZTE-Wahl und der ZTE-Präsident, die ZTE-Armee und das ZTE-Militär.", table=table)
    assert "zte" not in other  # an acronym the table does not name: only where it also stands alone


def test_an_acronym_defined_after_a_name_counts_for_the_name():
    cands, _ = tags_of("Die Vienna Insurance Group (VIG) meldet Gewinne, die Vienna Insurance Group zahlt. "
                       "Anna Fischer (SPÖ) lobt die VIG, Anna Fischer und die SPÖ.",
                       names={"Vienna", "Insurance", "Group"})
    assert cands["vienna insurance group"][0] == 4 and "vig" not in cands
    assert "spö" in cands  # a party after a person's name is no definition


def test_a_capitalised_adjective_before_a_noun_is_a_name_in_the_nominative():
    cands, _ = tags_of("Der Chef des Bayerischen Rundfunks sprach. Der Bayerische Rundfunk sendet. "
                       "Beim Roten Kreuz halfen sie, das Rote Kreuz lobte den Internationalen Gerichtshof.")
    assert cands["bayerischer rundfunk"][0] == 2 and cands["bayerischer rundfunk"][1] == {"Bayerischer Rundfunk": 2}
    assert cands["rotes kreuz"][0] == 2 and "internationaler gerichtshof" in cands
    assert not {"rundfunk", "kreuz", "bayerischen rundfunks", "roten kreuz"} & set(cands)
    plural, _ = tags_of("Bei den Olympischen Spielen und den Olympischen Spielen, in den Vereinigten "
                        "Arabischen Emiraten nicht.")
    assert plural["olympische spiele"][0] == 2
    assert plural["vereinigte arabische emirate"][1] == {"Vereinigte Arabische Emirate": 1}  # two adjectives


def test_an_adjective_name_keeps_the_place_after_it_and_needs_a_whole_noun():
    cands, _ = tags_of("Im Internationalen Gerichtshof Kongo. Die Rote Bundes- und Landesliste.")
    assert "internationaler gerichtshof kongo" in cands and not any(k.startswith("rote") for k in cands)


def test_a_place_adjective_or_a_sentence_opening_adjective_names_nothing():
    cands, _ = tags_of("Die Wiener Psychologen sagen es, die Wiener Psychologen. Rote Kreuze sind rot. "
                       "Rote Kreuze.")
    assert not {"wiener psychologen", "rotes kreuze", "rote kreuze"} & set(cands)


def test_a_capitalised_adjective_inside_a_sentence_opens_the_name_after_it():
    cands, _ = tags_of("LG kam zum Mobile World Congress. Auf dem Mobile World Congress zeigte es "
                       "ein Handy, und der Wiener Dominic Thiem sah es an.", names={"World", "Congress", "LG", "Thiem"})
    assert cands["mobile world congress"][0] == 2 and "world congress" not in cands
    assert "dominic thiem" in cands and not any(k.startswith("wiener") for k in cands)


def test_english_common_words_in_german_text_are_no_tags():
    cands, _ = tags_of("Frankreich holt 71 Awards, Outdoor und Awards. Outdoor gewann. Dazu Awards.",
                       names={"Awards", "Outdoor"})
    assert not {"awards", "outdoor"} & set(cands)
    english = extract([("", 3), ("", 2), ("France won Awards. Awards and more Awards.", 1)],
                      FakeNames({"Awards"}), TABLE, WORDS, lang="en")["candidates"]
    assert "awards" in english  # the rule is for German text only


def test_demonyms_count_for_a_country_the_article_names():
    cands, _ = tags_of("Ägypten wählt. Der ägyptische Präsident und die ägyptischen Truppen.")
    assert cands["ägypten"][0] == 3
    none, _ = tags_of("Der ägyptische Präsident und die ägyptischen Truppen.")
    assert "ägypten" not in none


def test_topics_need_the_headline_or_lead_or_repetition_and_come_at_most_two():
    cands, _ = tags_of("Der Terroranschlag in Paris. Die Terrorgefahr steigt.", title="Terror in Paris")
    assert cands["terrorismus"][2] == "topic"
    once, _ = tags_of("Ein Satz über Tennis, sonst nichts.")
    assert "tennis" not in once
    many, _ = tags_of("Terror, Terror, Terror. Tennis, Tennis, ATP. Bundespräsidentenwahl, Wahlen, Wahlen.",
                      title="Terror, Tennis und Wahlen")
    assert sum(1 for v in many.values() if v[2] == "topic") == 2


def test_aliases_are_matched_in_linear_time():
    table = parse_table('[aliases]\n' + "".join(f'"T{i}" = ["Wort{i} Zwei", "Ding{i}"]\n' for i in range(300)))
    unit = "Ding1 und Wort2 Zwei in Wien, dann Ding3. "

    def run(repeat):
        found = extract([("", 3), ("", 2), (unit * repeat, 1)], FakeNames(), table, WORDS)
        assert found["candidates"]["t1"][0] == repeat

    # about 100 KB and 1 MB in one paragraph
    small, large = timings(run, 2_500, 25_000)
    assert large < linear_bound(2_500, 25_000) * small, (small, large)


def cands(**weights):
    return {key: [w, {key.title(): 1}, "organisation", 0, 0] for key, w in weights.items()}


def test_rank_prefers_frequent_in_article_and_rare_on_site():
    entries = [Entry("a", cands(common=5, rare=4)),
               *[Entry(f"c{i}", cands(common=2)) for i in range(8)],
               Entry("r", cands(rare=2))]
    result = rank(entries, TagTable())
    assert result["a"].with_page == ["Rare", "Common"]
    assert result["a"].types == {"Rare": "organisation", "Common": "organisation"}


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


def test_surnames_and_first_names_of_the_site_are_no_tags_alone_and_never_merged():
    person = {"dominic thiem": [4, {"Dominic Thiem": 2}, "person", 0, 0]}
    entries = [Entry("a", dict(person)), Entry("b", dict(person)),
               Entry("c", {"thiem": [3, {"Thiem": 1}, "organisation", 0, 3]}),
               Entry("d", {"dominic": [3, {"Dominic": 1}, "organisation", 0, 3],
                           "wien": [3, {"Wien": 1}, "place", 0, 3]})]
    result = rank(entries, TagTable())
    assert result["c"].with_page == result["c"].without_page == []
    assert result["d"].without_page == ["Wien"]


def test_words_the_site_writes_in_lower_case_are_no_tags():
    entries = [Entry("a", {"knapp": [3, {"Knapp": 2}, "organisation", 4, 1]}),
               Entry("b", {"knapp": [3, {"Knapp": 2}, "organisation", 3, 0]})]
    assert all(not r.with_page and not r.without_page for r in rank(entries, TagTable()).values())


def test_at_most_two_topics_per_article():
    topics = {k: [5, {}, "topic", 0, 0] for k in ("a", "b", "c")}
    result = rank([Entry("x", topics), Entry("y", dict(topics))], TagTable())
    assert len(result["x"].with_page) == 2


def test_rank_is_deterministic_on_ties():
    entries = [Entry("a", cands(beta=3, alpha=3)), Entry("b", cands(alpha=3, beta=3))]
    assert rank(entries, TagTable())["a"].with_page == ["Alpha", "Beta"]


def test_tag_slugs_are_transliterated_and_unique():
    slugs = tag_slugs(["Türkei", "türkei", "S6", "S-6", "Straße", "!!!"])
    assert slugs["Türkei"] == slugs["türkei"] == "tuerkei"
    assert {slugs["S6"], slugs["S-6"]} == {"s6", "s-6"}
    assert slugs["Straße"] == "strasse"
    assert slugs["!!!"].startswith("tag-")
    clash = tag_slugs(["A B", "A-B"])
    assert sorted(clash.values()) == ["a-b", "a-b-2"]


def test_cache_entries_are_checked_before_use():
    assert valid_entry({"candidates": {"x": [3, {"X": 1}, "place", 0, 1]}, "ambiguous": []})
    for bad in (1, [], {"candidates": 1, "ambiguous": []}, {"candidates": {"x": 1}, "ambiguous": []},
                {"candidates": {"x": [3, {"X": "1"}, "place", 0, 1]}, "ambiguous": []},
                {"candidates": {}, "ambiguous": [1]}):
        assert not valid_entry(bad)


def test_related_ranks_by_shared_rare_tags_and_breaks_ties_to_the_newer():
    tags = {"f": [], "e": ["Common"], "d": ["Common"], "c": ["Common"], "b": ["x"], "a": ["X", "Common"]}
    result = related(tags, limit=3)
    assert result["a"] == ["b", "c", "d"]
    assert result["f"] == []
    assert "a" not in result["a"]


def test_themen_page_groups_by_type_most_covered_first_and_long_groups_a_to_z():
    from autotag.display import LONG_GROUP, TOP_IN_LONG_GROUP, entities, group_tags

    kinds = {"Wien": "place", "Graz": "place", "NATO": "organisation", "Tennis": "topic"}
    tags = [("Graz", [1]), ("NATO", [1, 2]), ("Tennis", [1]), ("Wien", [1, 2, 3])]
    groups = group_tags(tags, kinds.get)
    assert [g["kind"] for g in groups] == ["organisation", "place", "topic"]
    assert groups[1]["top"] == [("Wien", 3), ("Graz", 1)] and groups[1]["letters"] == []
    people = [(f"{chr(65 + i % 26)}{i} Name", list(range(i % 7))) for i in range(LONG_GROUP + 5)] + [("Österreich X", [1])]
    long_group = group_tags(people, lambda t: "person")[0]
    assert len(long_group["top"]) == TOP_IN_LONG_GROUP
    assert [n for _, n in long_group["top"]] == sorted((n for _, n in long_group["top"]), reverse=True)
    letters = dict(long_group["letters"])
    assert "Österreich X" in [t for t, _ in letters["O"]]
    assert sum(len(v) for v in letters.values()) == len(people)
    ld = entities([("Sicherheit", "topic", "/tag/s.html"), ("NATO", "organisation", "/tag/nato.html"),
                   ("Wien", "place", "/tag/wien.html"), ("Jens Stoltenberg", "person", "/tag/j.html")],
                  [("Kiew", "place")], {"Sicherheit"})
    assert [e["name"] for e in ld["about"]] == ["Sicherheit", "NATO", "Wien"]
    assert [e["@type"] for e in ld["mentions"]] == ["Person", "Place"] and "url" not in ld["mentions"][1]


def test_genitives_merge_site_wide_into_their_base_form():
    entries = [Entry("a", {"apple": [3, {"Apple": 2}, "organisation", 0, 2]}),
               Entry("b", {"apples": [3, {"Apples": 2}, "organisation", 0, 2]}),
               Entry("c", {"paris": [3, {"Paris": 2}, "place", 0, 2]})]
    result = rank(entries, TagTable())
    assert result["b"].with_page == ["Apple"] and result["c"].without_page == ["Paris"]


def test_a_place_phrase_is_the_place_as_written_whatever_the_process():
    from autotag.extract import Extractor

    words = WordSets(places=frozenset({"St Petersburg", "St. Petersburg"}))
    ex = Extractor(FakeNames(), TABLE, words)

    def keys(text):
        return set(extract([("", 3), ("", 2), (text, 1)], ex.names, TABLE, words, 1, "de", ex)["candidates"])
    assert keys("Sie flog nach St. Petersburg, ja St. Petersburg.") == {"st. petersburg"}
    assert keys("Sie flog nach St Petersburg, ja St Petersburg.") == {"st petersburg"}


def test_extraction_in_worker_processes_gives_what_extraction_in_place_gives():
    from autotag.extract import Extractor
    from autotag.parallel import extract_all

    def extractor(lang):
        return Extractor(FakeNames({"Thiem"}), TABLE, WORDS, lang)
    texts = ["Dominic Thiem gewann in Wien. Thiem sagte, Thiem sei müde.",
             "Heinz Fischer kam. Anna Fischer inszenierte in St. Pölten.",
             "Der Bayerische Rundfunk sendet aus Ägypten, dem ägyptischen Land."] * 20
    jobs = [("de", [("<b>Terror</b> &amp; mehr", 3), ("", 2), (f"<p>{t}</p>", 1)]) for t in texts]
    import gc

    serial = extract_all(jobs, extractor, 2, workers=1)
    assert extract_all(jobs, extractor, 2, workers=2, parallel_min=10) == serial
    assert serial[0]["candidates"]["dominic thiem"][0] == 3 and "terrorismus" in serial[0]["candidates"]
    assert gc.get_freeze_count() == 0  # the collector sees every object again after extracting


def test_a_preloaded_process_extracts_what_extraction_in_place_gives_and_raises_its_errors():
    from autotag.extract import Extractor
    from autotag.parallel import Preloaded, extract_all

    built = []

    def extractor(lang):
        built.append(lang)
        return Extractor(FakeNames({"Thiem"}), TABLE, WORDS, lang)
    jobs = [("de", [("Tennis", 3), ("", 2), (f"<p>Dominic Thiem gewann {n}. Thiem jubelte.</p>", 1)])
            for n in range(30)] + [("en", [("", 3), ("", 2), ("Dominic Thiem won. Thiem", 1)])]
    serial = extract_all(jobs, extractor, 2, workers=1)
    for workers in (1, 2):
        assert Preloaded(extractor, ["de"]).extract_all(jobs, 2, workers, parallel_min=10) == serial
    assert built == ["de", "en"]  # the preloaded process built its extractors in its own memory

    def broken(lang):
        raise ValueError(f"no model for {lang}")
    with pytest.raises(ValueError, match="no model for de"):
        Preloaded(broken, ["de"]).extract_all(jobs, 2)


def test_a_preloaded_process_never_asked_is_ended():
    import multiprocessing

    from autotag.parallel import Preloaded

    preloaded = Preloaded(lambda lang: time.sleep(30), ["de"])
    assert len(multiprocessing.active_children()) == 1
    start = time.perf_counter()
    preloaded.close()
    assert multiprocessing.active_children() == [] and time.perf_counter() - start < 5


def test_likely_aliases_group_variants_in_linear_time():
    from autotag.report import likely_aliases

    assert likely_aliases(["Recep Tayyip Erdoğan", "Recep Erdoğan", "Apple", "Apples", "Wien"]) == [
        ["Apple", "Apples"], ["Recep Erdoğan", "Recep Tayyip Erdoğan"]]

    def run(n):
        likely_aliases([f"Name{i} Mitte Ende{i % 97}" for i in range(n)] + [f"Name{i}s" for i in range(0, n, 7)])

    small, large = timings(run, 2_000, 20_000)
    assert large < linear_bound(2_000, 20_000) * small, (small, large)


@pytest.mark.parametrize("value, ok", [(None, True), (1, True), (2, True), (0, False), ("2", False), (True, False)])
def test_the_workers_setting_is_none_or_a_positive_whole_number(value, ok):
    from autotag.plugin import AutotagSettingError, check_settings

    if ok:
        check_settings({"AUTOTAG_WORKERS": value})
    else:
        with pytest.raises(AutotagSettingError, match="AUTOTAG_WORKERS"):
            check_settings({"AUTOTAG_WORKERS": value})


def test_many_distinct_names_with_short_forms_and_acronyms_take_linear_time():
    import string

    def surname(i):
        return "B" + "".join(string.ascii_lowercase[(i // 26 ** k) % 26] for k in range(4))

    def run(n):
        text = " ".join(f"Dann sprach Anna {surname(i)} (AB) mit Alexander Van der {surname(i)} und "
                        f"Van der {surname(i)}." for i in range(n))
        found = extract([("", 3), ("", 2), (text, 1)], FakeNames(), TABLE, WORDS)["candidates"]
        assert f"alexander van der {surname(n - 1).lower()}" in found

    small, large = timings(run, 500, 4_000)
    assert large < linear_bound(500, 4_000) * small, (small, large)
