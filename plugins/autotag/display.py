"""What the theme shows of the tags: the Themen page's groups, type labels, JSON-LD entities. Pure."""

from __future__ import annotations

import unicodedata

GROUP_ORDER = ("person", "organisation", "place", "topic")
SCHEMA_TYPES = {"person": "Person", "organisation": "Organization", "place": "Place", "topic": "Thing"}
# A group longer than this shows its most-covered tags first, then all A–Z with jump links.
LONG_GROUP = 30
TOP_IN_LONG_GROUP = 20
ABOUT = 2  # automatic tags that say what an article is about; the rest it mentions
LABELS = {
    "de": {"group": {"person": "Personen", "organisation": "Organisationen", "place": "Orte", "topic": "Themen"},
           "title": {"person": "Person: {0}", "organisation": "Organisation: {0}", "place": "Ort: {0}",
                     "topic": "Thema: {0}"},
           "most_covered": "Meistgenannt", "a_to_z": "Alle von A bis Z", "groups": "Gruppen",
           "letters": "Anfangsbuchstaben", "unlinked": "ohne eigene Seite"},
    "en": {"group": {"person": "People", "organisation": "Organisations", "place": "Places", "topic": "Topics"},
           "title": {"person": "Person: {0}", "organisation": "Organisation: {0}", "place": "Place: {0}",
                     "topic": "Topic: {0}"},
           "most_covered": "Most covered", "a_to_z": "All from A to Z", "groups": "Groups",
           "letters": "Initials", "unlinked": "no page of its own"},
}


def labels(lang: str) -> dict:
    return LABELS.get((lang or "de")[:2], LABELS["de"])


def initial(name: str) -> str:
    """The A–Z letter a name is filed under (`Österreich` under O); other characters under #."""
    letter = unicodedata.normalize("NFKD", name[:1])[:1].upper()
    return letter if "A" <= letter <= "Z" else "#"


def group_tags(tags: list[tuple[object, list]], kind_of) -> list[dict]:
    """The Themen page: one group per type, most-covered first; long groups also A–Z.

    `tags` are (tag, articles) pairs; `kind_of(tag)` gives a tag's type.
    """
    groups: dict[str, list] = {kind: [] for kind in GROUP_ORDER}
    for tag, articles in tags:
        groups.setdefault(kind_of(tag), []).append((tag, len(articles)))
    result = []
    for kind, members in groups.items():
        if not members:
            continue
        by_count = sorted(members, key=lambda m: (-m[1], str(m[0]).lower(), str(m[0])))
        group = {"kind": kind, "count": len(members), "top": by_count, "letters": []}
        if len(members) > LONG_GROUP:
            group["top"] = by_count[:TOP_IN_LONG_GROUP]
            letters: dict[str, list] = {}
            for tag, n in sorted(members, key=lambda m: (str(m[0]).lower(), str(m[0]))):
                letters.setdefault(initial(str(tag)), []).append((tag, n))
            group["letters"] = sorted(letters.items(), key=lambda kv: (kv[0] == "#", kv[0]))
        result.append(group)
    return result


def entities(linked: list[tuple[str, str, str]], unlinked: list[tuple[str, str]], manual: set[str]) -> dict:
    """An article's tags as schema.org entities: `about` (the editor's tags and the best
    automatic ones) and `mentions` (the rest). `linked` are (name, type, url), `unlinked` (name, type)."""
    about, mentions = [], []
    automatic = 0
    for name, kind, url in linked:
        entity = {"@type": SCHEMA_TYPES.get(kind, "Thing"), "name": name, "url": url}
        if name in manual:
            about.append(entity)
        elif automatic < ABOUT:
            about.append(entity)
            automatic += 1
        else:
            mentions.append(entity)
    for name, kind in unlinked:
        entity = {"@type": SCHEMA_TYPES.get(kind, "Thing"), "name": name}
        (about if automatic < ABOUT else mentions).append(entity)
        automatic += 1
    return {"about": about, "mentions": mentions}
