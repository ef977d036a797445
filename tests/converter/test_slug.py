from hypothesis import given, strategies as st

from seed_converter.slug import make_slug, unique_slug


def test_german_letters_are_transliterated():
    assert make_slug("Gespräche über Öl und Straßen in Ägypten") == "gespraeche-ueber-oel-und-strassen-in-aegypten"


def test_paths_become_plain_names():
    assert make_slug("../../etc/passwd") == "etc-passwd"
    assert make_slug("Krieg/Frieden: \"Zitat\" 🎉") == "krieg-frieden-zitat"


def test_long_headlines_are_cut_at_a_word_boundary():
    headline = "Außenminister der NATO beraten in einer Sondersitzung über die Lage an der Grenze zur Ukraine und Russland"
    slug = make_slug(headline)
    assert len(slug) <= 80
    assert headline.lower().replace("ß", "ss").replace(" ", "-").startswith(slug[:20])
    assert make_slug(headline.replace("ß", "ss")).startswith(slug.rsplit("-", 1)[0])
    assert not slug.endswith("-")
    words = make_slug(headline, max_length=1000).split("-")
    assert slug.split("-") == words[: len(slug.split("-"))]


def test_unique_slugs():
    taken = {"nato", "nato-2"}
    assert unique_slug("nato", taken) == "nato-3"
    assert unique_slug("ukraine", taken) == "ukraine"


def test_unique_slug_stays_within_the_limit():
    base = make_slug("wort " * 30)
    assert len(base) <= 80
    second = unique_slug(base, {base})
    assert second.endswith("-2") and len(second) <= 80 and second != base


@given(st.text())
def test_any_text_gives_a_safe_slug(text):
    slug = make_slug(text)
    assert len(slug) <= 80
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug)
    assert "/" not in slug and ".." not in slug
