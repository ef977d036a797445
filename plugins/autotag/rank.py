"""Choose each article's automatic tags from everyone's candidates (pure, site-wide).

A candidate scores its weight in the article times how rare it is on the
site (log(1 + N / document frequency)); an article keeps its best few. A name
no other article mentions needs one more point of weight: it cannot link articles. A tag
gets a page of its own when enough articles carry it, or an editor set it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .extract import MAX_TOPICS, PERSON, PLACE, TOPIC
from .table import TYPES, TagTable

Candidates = dict[str, list]  # key -> [weight, forms, type, lower, mid], as extract gives them


@dataclass(frozen=True)
class Entry:
    """One article as the ranking sees it."""

    id: str
    candidates: Candidates
    manual: tuple[str, ...] = ()  # the editor's Tags:, as written
    exclude: frozenset[str] = frozenset()  # Tags-Exclude:, lowercased
    own_names: frozenset[str] = frozenset()  # source and author, lowercased: never its tags
    enabled: bool = True  # False for `Autotag: no`
    ambiguous: tuple[str, ...] = ()  # surnames dropped because two people share them (for the report)


@dataclass(frozen=True)
class Settings:
    max_tags: int = 5
    min_articles: int = 2
    min_weight: int = 2


@dataclass
class Result:
    with_page: list[str] = field(default_factory=list)
    without_page: list[str] = field(default_factory=list)
    types: dict[str, str] = field(default_factory=dict)  # display form -> person, organisation, ...


def rank(entries: list[Entry], table: TagTable, settings: Settings = Settings()) -> dict[str, Result]:
    """Automatic tags per article id, best first, split by whether they get a page."""
    candidates = drop_site_wide(table, merge_genitives({e.id: _allowed(e, table) for e in entries}))
    df = Counter(key for cands in candidates.values() for key in cands)
    display = _display_forms(candidates)
    kinds = _kinds(candidates)
    total = len(entries)

    chosen: dict[str, list[str]] = {}
    for e in entries:
        manual = {t.lower() for t in e.manual}
        scored = sorted(
            (-value[0] * math.log(1 + total / df[key]), key)
            for key, value in candidates[e.id].items()
            if value[0] >= settings.min_weight + (df[key] == 1)
            and key not in manual and key not in e.exclude
            and display[key].lower() not in e.exclude
        )
        keys: list[str] = []
        topics = 0
        for _, key in scored:
            if len(keys) == settings.max_tags:
                break
            if kinds[key] == TOPIC:
                if topics == MAX_TOPICS:
                    continue
                topics += 1
            keys.append(key)
        chosen[e.id] = keys if e.enabled else []

    manual_anywhere = {t.lower() for e in entries for t in e.manual}
    uses = Counter(key for keys in chosen.values() for key in keys)
    for e in entries:
        for key in {t.lower() for t in e.manual}:
            uses[key] += 1
    results = {}
    for e in entries:
        result = Result()
        for key in chosen[e.id]:
            has_page = key in manual_anywhere or uses[key] >= settings.min_articles
            (result.with_page if has_page else result.without_page).append(display[key])
            result.types[display[key]] = kinds[key]
        results[e.id] = result
    return results


def _allowed(entry: Entry, table: TagTable) -> Candidates:
    return {key: value for key, value in entry.candidates.items()
            if not table.is_blocked(key) and key not in entry.own_names}


def merge_genitives(candidates: dict[str, Candidates]) -> dict[str, Candidates]:
    """`Apples` counts for `Apple` when the site has both as one-word candidates (the
    extractor merges them only within an article)."""
    keys = {key for cands in candidates.values() for key in cands if " " not in key}
    base = {key: key[:-1] for key in keys
            if len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is", "os"))
            and key[:-1] in keys}
    if not base:
        return candidates
    merged: dict[str, Candidates] = {}
    for article, cands in candidates.items():
        if not any(key in base for key in cands):
            merged[article] = cands  # nothing of this article merges (its keys come sorted)
            continue
        out: Candidates = {}
        for key in sorted(cands, key=lambda k: (k in base, k)):
            value = cands[key]
            target = base.get(key, key)
            if target in out:
                slot = out[target]
                out[target] = [slot[0] + value[0], slot[1], slot[2], slot[3] + value[3], slot[4] + value[4]]
            else:
                out[target] = [value[0], value[1] if target == key else {}, *value[2:]]
        merged[article] = out
    return merged


def drop_site_wide(table: TagTable, candidates: dict[str, Candidates]) -> dict[str, Candidates]:
    """Drop one-word candidates the whole site shows are no tags.

    A word that opens a person's name anywhere on the site is a first name, a
    word that ends one is a surname: alone, neither is a tag (a lone surname is
    counted for the full name only inside its own article, by the extractor).
    A word the site writes in lower case more often than capitalised inside a
    sentence (`Knapp`, `Lange`) is an ordinary word. Places and the table's
    own tags stay.
    """
    first: set[str] = set()
    last: set[str] = set()
    lower: Counter = Counter()
    mid: Counter = Counter()
    for cands in candidates.values():
        for key, value in cands.items():
            if " " in key:
                if value[2] == PERSON:
                    words = key.split(" ")
                    first.add(words[0])
                    last.add(words[-1])
            else:
                lower[key] += value[3]
                mid[key] += value[4]
    protected = {c.lower() for c in table.aliases.values()}

    def keep(key: str, value: list) -> bool:
        if " " in key or value[2] == TOPIC or key in protected:
            return True
        if lower[key] > mid[key]:
            return False
        acronym = any(form.isupper() for form in value[1])  # `ÖVP` ending a name somewhere is still ÖVP
        return value[2] == PLACE or acronym or (key not in first and key not in last)

    return {article: {key: value for key, value in cands.items() if keep(key, value)}
            for article, cands in candidates.items()}


def _kinds(candidates: dict[str, Candidates]) -> dict[str, str]:
    """Each tag's type: the one most articles give it (ties: person, organisation, place, topic)."""
    votes: dict[str, dict[str, int]] = {}
    for cands in candidates.values():
        for key, value in cands.items():
            vote = votes.get(key)
            if vote is None:
                vote = votes[key] = {}
            vote[value[2]] = vote.get(value[2], 0) + 1
    order = {kind: i for i, kind in enumerate(TYPES)}
    return {key: min(v, key=lambda kind: (-v[kind], order.get(kind, 9))) for key, v in votes.items()}


def _display_forms(candidates: dict[str, Candidates]) -> dict[str, str]:
    """The most frequent spelling of each tag over the site (ties: alphabetical)."""
    counts: dict[str, dict[str, int]] = {}
    for cands in candidates.values():
        for key, value in cands.items():
            forms = counts.get(key)
            if forms is None:
                forms = counts[key] = {}
            for form, n in value[1].items():
                forms[form] = forms.get(form, 0) + n
    return {key: min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0] if forms else key
            for key, forms in counts.items()}
