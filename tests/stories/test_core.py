"""The pure core: features, the online grouping, editors' choices, the stories' shape."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from hypothesis import given, settings, strategies as st

from stories.cluster import ALONE, Doc, Settings, StoryIndex, group
from stories.features import Extractor, _number
from stories.model import build_stories, lead_of, one_per_story, top_stories

from . import testset

EXTRACTOR = Extractor()
HOUR = 3600.0


def doc(id, hours, title, text, lang="de", editor=None):
    return Doc(id, hours * HOUR, EXTRACTOR.features(lang, title, text), editor)


STRIKE = ("Warnstreik legt Flughafen München lahm",
          "Verdi hat das Bodenpersonal am Flughafen München zu einem Warnstreik aufgerufen. "
          "Rund 700 Flüge fallen aus, 80.000 Passagiere sind betroffen.")
STRIKE_2 = ("Verdi-Streik: Hunderte Flüge in München gestrichen",
            "Wegen des Warnstreiks von Verdi fallen am Flughafen München rund 700 Flüge aus; "
            "80.000 Reisende sind betroffen.")


@pytest.mark.parametrize("token, value", [
    ("1.500", "1500"), ("1,500", "1500"), ("2.500.000", "2500000"), ("1,5", "1.5"), ("1.5", "1.5"),
    ("3,5", "3.5"), ("700", "700"), ("7", None),
])
def test_numbers_get_one_spelling_in_both_languages(token, value):
    assert _number(token) == value


def test_places_and_names_are_shared_across_languages():
    de = EXTRACTOR.features("de", "Treffen in Brüssel", "Die Minister trafen sich in Brüssel mit Stoltenberg.")
    en = EXTRACTOR.features("en", "Meeting in Brussels", "The ministers met Stoltenberg in Brussels.")
    assert {"a:brussel", "a:stoltenberg"} <= de.names.keys() & en.names.keys()
    assert "a:brussel" in de.anchors and "a:brussel" in en.anchors  # a place is strong evidence


def test_a_capital_at_a_sentence_start_is_no_name():
    f = EXTRACTOR.features("en", "x", "Officials met. Later they left. Merkel stayed.")
    assert "a:later" not in f.names and "a:officials" not in f.names
    f = EXTRACTOR.features("en", "x", "They said Merkel stayed.")
    assert "a:merkel" in f.anchors


def test_only_the_first_words_of_a_long_text_count():
    text = "Anfang " * 10 + "Schluss " * 500
    f = EXTRACTOR.features("de", "Titel", text, max_words=20)
    assert "de:anfang" in f.words and sum(f.words.values()) <= 2 + 20


def test_two_reports_of_one_event_share_a_story_and_a_third_topic_stays_apart():
    docs = [doc("a", 0, *STRIKE), doc("b", 2, *STRIKE_2),
            doc("c", 1, "Erster Schnee im Schwarzwald", "Auf dem Feldberg fielen zehn Zentimeter Schnee.")]
    story_of = group(docs)
    assert story_of["a"] == story_of["b"] == "a"
    assert story_of["c"] == "c"


def test_reports_further_apart_than_the_window_stay_apart():
    docs = [doc("a", 0, *STRIKE), doc("b", 80, *STRIKE_2)]
    assert group(docs)["b"] == "b"
    assert group(docs, Settings(window=100 * HOUR))["b"] == "a"


def test_editors_win():
    docs = [doc("a", 0, *STRIKE), doc("b", 1, *STRIKE_2, editor=ALONE),
            doc("c", 2, "Schnee", "Auf dem Feldberg fiel Schnee.", editor="Flughafenstreik"),
            doc("d", 30, "Pandas", "Die Pandas sind zu sehen.", editor="Flughafenstreik")]
    story_of = group(docs)
    assert story_of["b"] == "b"  # `Story: no`: alone, though it matches
    assert story_of["c"] == story_of["d"] == "editor:Flughafenstreik"  # any text, any time
    assert story_of["a"] == "a"


def test_an_article_alone_is_not_a_candidate_for_others():
    docs = [doc("a", 0, *STRIKE, editor=ALONE), doc("b", 1, *STRIKE_2)]
    assert group(docs) == {"a": "a", "b": "b"}


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_newer_articles_never_change_an_older_articles_story(data):
    """The incremental guarantee: the stories of a prefix (in time order) stay as they are when
    newer articles are added, so a new article joins a story without regrouping the archive."""
    items = sorted(testset.items(), key=lambda i: (i.time, i.id))
    docs = testset.docs(EXTRACTOR, items)
    cut = data.draw(st.integers(min_value=0, max_value=len(docs)))
    index = StoryIndex()
    for d in docs[:cut]:
        index.add(d)
    before = dict(index.story_of)
    for d in docs[cut:]:
        index.add(d)
    assert {k: index.story_of[k] for k in before} == before
    assert index.story_of == group(docs)


def test_the_state_can_be_stored_as_json_and_resumed():
    import json

    items = sorted(testset.items(), key=lambda i: (i.time, i.id))
    docs = testset.docs(EXTRACTOR, items)
    index = StoryIndex()
    for d in docs[:30]:
        index.add(d)
    resumed = StoryIndex.from_state(json.loads(json.dumps(index.to_state())))
    assert resumed.to_state() == index.to_state()
    for d in docs[30:]:
        resumed.add(d)
    assert resumed.story_of == group(docs)


@dataclass
class A:
    slug: str
    date: dt.datetime
    source: str
    image: str = ""
    story: object = None


T0 = dt.datetime(2026, 11, 9, 8, tzinfo=dt.timezone.utc)


def at(hours):
    return T0 + dt.timedelta(hours=hours)


def test_the_lead_is_the_first_report_with_an_image_else_the_first():
    a, b, c = A("a", at(0), "DW"), A("b", at(1), "ORF", image="x.jpg"), A("c", at(2), "Spiegel", image="y.jpg")
    assert lead_of([a, b, c]) is b
    assert lead_of([a, A("d", at(1), "ORF")]) is a


def test_stories_list_members_oldest_first_and_sources_once():
    arts = [A("c", at(2), "DW"), A("a", at(0), "DW"), A("b", at(1), "ORF"), A("z", at(3), "ORF")]
    story_of = {"a": "a", "b": "a", "c": "a", "z": "z"}
    stories = build_stories(arts, story_of, {"a": "a", "z": "z"}, lambda x: x.source)
    assert len(stories) == 1  # an article alone is no story
    assert [x.slug for x in stories[0].articles] == ["a", "b", "c"]
    assert stories[0].sources == ["DW", "ORF"]


def test_one_per_story_shows_the_lead_once_in_its_place():
    arts = [A("new", at(5), "Spiegel"), A("alone", at(4), "SZ"), A("lead", at(1), "ORF", image="x")]
    story = build_stories(arts, {"new": "s", "lead": "s", "alone": "alone"}, {"s": "s"}, lambda x: x.source)[0]
    for a in story.articles:
        a.story = story
    assert [a.slug for a in one_per_story(arts)] == ["alone", "lead"]
    assert [a.slug for a in one_per_story(arts[:2])] == ["new", "alone"]  # lead not listed: first member


def test_top_stories_are_the_days_with_the_most_sources():
    arts = {n: A(n, at(h), src) for n, h, src in [
        ("a1", 0, "DW"), ("a2", 1, "ORF"), ("b1", 20, "DW"), ("b2", 21, "ORF"), ("b3", 22, "SZ"),
        ("c1", 30, "DW"), ("c2", 31, "DW")]}
    story_of = {"a1": "a", "a2": "a", "b1": "b", "b2": "b", "b3": "b", "c1": "c", "c2": "c"}
    stories = build_stories(arts.values(), story_of, {"a": "a", "b": "b", "c": "c"}, lambda x: x.source)
    # a is older than 24 h, c has one source
    assert [s.id for s in top_stories(stories, at(31), 5)] == ["b"]
    assert [s.id for s in top_stories(stories, at(21), 5)] == ["b", "a"]
    assert [s.id for s in top_stories(stories, at(31), 1)] == ["b"]
    assert top_stories(stories, at(31), 0) == [] and top_stories(stories, None, 5) == []


@pytest.mark.parametrize("setting, value", [
    ("STORIES_WINDOW_HOURS", 0), ("STORIES_WINDOW_HOURS", "72"), ("STORIES_TOP", -1), ("STORIES_TOP", 2.5),
    ("STORIES_URL", "story.html"), ("STORIES_FEED_ATOM", 3),
])
def test_a_bad_setting_is_named(setting, value):
    from stories.adapter import config

    with pytest.raises(ValueError, match=setting):
        config({setting: value})


def test_story_ids_are_unique():
    from stories.adapter import story_ids

    ids = story_ids({"a": "gipfel", "gipfel": "gipfel", "b": "editor:Gipfel", "c": "editor:Gipfel!"})
    assert ids == {"gipfel": "gipfel", "editor:Gipfel": "gipfel-2", "editor:Gipfel!": "gipfel-3"}


def test_the_words_on_the_pages_follow_the_sites_language():
    from stories.strings import strings_for

    assert strings_for("en")["more"] == "More on this story"
    assert strings_for("de")["more"] == "Mehr zu dieser Meldung"
    assert strings_for("fr") == strings_for("de")  # the theme's fallback language
    assert strings_for("en").keys() == strings_for("de").keys()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=60), st.text(max_size=400), st.sampled_from(["de", "en", "fr"]),
                          st.integers(min_value=0, max_value=200)), max_size=12))
def test_any_text_groups_and_the_order_of_arrival_does_not_matter(rows):
    docs = [Doc(f"d{n}", hours * HOUR, EXTRACTOR.features(lang, title, text))
            for n, (title, text, lang, hours) in enumerate(rows)]
    story_of = group(docs)
    assert story_of == group(list(reversed(docs)))
    assert set(story_of) == {d.id for d in docs}
    for doc_id, story in story_of.items():
        assert story in story_of and story_of[story] == story  # a story's key is its first article
