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

from .extract import Candidates
from .table import TagTable


@dataclass(frozen=True)
class Entry:
    """One article as the ranking sees it."""

    id: str
    candidates: Candidates
    manual: tuple[str, ...] = ()  # the editor's Tags:, as written
    exclude: frozenset[str] = frozenset()  # Tags-Exclude:, lowercased
    own_names: frozenset[str] = frozenset()  # source and author, lowercased: never its tags
    enabled: bool = True  # False for `Autotag: no`


@dataclass(frozen=True)
class Settings:
    max_tags: int = 5
    min_articles: int = 2
    min_weight: int = 2


@dataclass
class Result:
    with_page: list[str] = field(default_factory=list)
    without_page: list[str] = field(default_factory=list)


def rank(entries: list[Entry], table: TagTable, settings: Settings = Settings()) -> dict[str, Result]:
    """Automatic tags per article id, best first, split by whether they get a page."""
    candidates = {e.id: _allowed(e, table) for e in entries}
    candidates = drop_first_names(merge_surnames(candidates))
    df = Counter(key for cands in candidates.values() for key in cands)
    display = _display_forms(candidates)
    total = len(entries)

    chosen: dict[str, list[str]] = {}
    for e in entries:
        manual = {t.lower() for t in e.manual}
        scored = [
            (-weight * math.log(1 + total / df[key]), key)
            for key, (weight, _) in candidates[e.id].items()
            if weight >= settings.min_weight + (df[key] == 1)
            and key not in manual and key not in e.exclude
            and display[key].lower() not in e.exclude
        ]
        chosen[e.id] = [key for _, key in sorted(scored)[:settings.max_tags]] if e.enabled else []

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
        results[e.id] = result
    return results


def _allowed(entry: Entry, table: TagTable) -> Candidates:
    return {key: value for key, value in entry.candidates.items()
            if not table.is_blocked(key) and key not in entry.own_names}


def merge_surnames(candidates: dict[str, Candidates]) -> dict[str, Candidates]:
    """Fold a lone surname into the one full name the site knows: `Putin` -> `Wladimir Putin`.

    Only when exactly one multi-word name ends with the word, that name's first
    word never stands alone (it is a first name, as in `Rapid Wien` it is not),
    and the full name is at least as common as the lone word (`Wien` is not
    short for a rare `Tilo Wien`).
    """
    df = Counter(key for cands in candidates.values() for key in cands)
    keys = set(df)
    endings: dict[str, set[str]] = {}
    for key in keys:
        words = key.split(" ")
        if len(words) > 1 and words[0] not in keys:
            endings.setdefault(words[-1], set()).add(key)
    target = {word: next(iter(names)) for word, names in endings.items()
              if len(names) == 1 and word in keys and df[next(iter(names))] >= df[word]}
    if not target:
        return candidates
    merged: dict[str, Candidates] = {}
    for article, cands in candidates.items():
        out: Candidates = {}
        for key, (weight, forms) in sorted(cands.items()):
            name = target.get(key, key)
            if name != key:  # the display form of the full name wins
                forms = {}
            slot = out.setdefault(name, [0, {}])
            slot[0] += weight
            for form, count in forms.items():
                slot[1][form] = slot[1].get(form, 0) + count
        merged[article] = out
    return merged


def drop_first_names(candidates: dict[str, Candidates]) -> dict[str, Candidates]:
    """Drop lone words that often open a longer name on the site (`Andreas`)."""
    alone = Counter(key for cands in candidates.values() for key in cands if " " not in key)
    opening = Counter(word for cands in candidates.values()
                      for word in {key.split(" ", 1)[0] for key in cands if " " in key})
    first_names = {word for word, n in opening.items() if word in alone and 2 * n >= alone[word]}
    if not first_names:
        return candidates
    return {article: {key: value for key, value in cands.items() if key not in first_names}
            for article, cands in candidates.items()}


def _display_forms(candidates: dict[str, Candidates]) -> dict[str, str]:
    """The most frequent spelling of each tag over the site (ties: alphabetical)."""
    counts: dict[str, Counter] = {}
    for cands in candidates.values():
        for key, (_, forms) in cands.items():
            counts.setdefault(key, Counter()).update(forms)
    return {key: min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0] if forms else key
            for key, forms in counts.items()}
