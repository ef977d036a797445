"""The hand-written test set (events_*.toml) as documents, and pairwise scores of a grouping."""

from __future__ import annotations

import datetime as dt
import itertools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from stories.cluster import Doc
from stories.features import Extractor

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Item:
    id: str
    event: str
    source: str
    lang: str
    time: float
    title: str
    text: str


def items() -> list[Item]:
    found = []
    for path in sorted(HERE.glob("events_*.toml")):
        for a in tomllib.loads(path.read_text(encoding="utf-8"))["article"]:
            found.append(Item(a["id"], a["event"], a["source"], a["lang"],
                              dt.datetime.fromisoformat(a["time"]).timestamp(), a["title"], a["text"]))
    return found


def docs(extractor: Extractor | None = None, chosen=None) -> list[Doc]:
    extractor = extractor or Extractor()
    return [Doc(i.id, i.time, extractor.features(i.lang, i.title, i.text))
            for i in (chosen if chosen is not None else items())]


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    cross_recall: float
    false_pairs: list
    missed_pairs: list


def pairwise(chosen: list[Item], story_of: dict[str, str]) -> Scores:
    """Precision and recall over pairs of articles: a pair is positive when both share an event."""
    tp = fp = fn = cross_tp = cross_all = 0
    false_pairs, missed = [], []
    for a, b in itertools.combinations(chosen, 2):
        gold = a.event == b.event
        got = story_of[a.id] == story_of[b.id]
        if gold and a.lang != b.lang:
            cross_all += 1
            cross_tp += got
        if gold and got:
            tp += 1
        elif got:
            fp += 1
            false_pairs.append((a.id, b.id))
        elif gold:
            fn += 1
            missed.append((a.id, b.id))
    return Scores(tp / ((tp + fp) or 1), tp / ((tp + fn) or 1), cross_tp / (cross_all or 1), false_pairs, missed)
