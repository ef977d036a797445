"""Stories as the templates see them: members in time order, the lead, the sources, the day's top stories.

Works on any objects with `date`, `slug`, `source` and `image` attributes
(Pelican articles in the build, plain records in the tests).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence


@dataclass
class Story:
    """`articles` oldest first; `lead` is the one the digest shows (see `lead_of`)."""

    id: str
    articles: list[Any]
    lead: Any = None
    url: str = ""
    save_as: str = ""
    feed: str = ""
    sources: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.articles)

    @property
    def newest(self) -> Any:
        return self.articles[-1]

    def others(self, article: Any) -> list[Any]:
        return [a for a in self.articles if a is not article]


def lead_of(articles: Sequence[Any]) -> Any:
    """The first report that has an image; without any image, the first report."""
    return next((a for a in articles if getattr(a, "image", None)), articles[0])


def build_stories(articles: Iterable[Any], story_of: dict[str, str], id_of: dict[str, str],
                  source_of) -> list[Story]:
    """Stories of two or more articles. `story_of` maps an article's key (its slug)
    to its story key, `id_of` a story key to the story's id in URLs."""
    members: dict[str, list[Any]] = {}
    for article in articles:
        members.setdefault(story_of[article.slug], []).append(article)
    stories = []
    for key, group in members.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda a: (a.date, a.slug))
        sources = list(dict.fromkeys(source_of(a) for a in group))
        stories.append(Story(id_of[key], group, lead_of(group), sources=sources))
    stories.sort(key=lambda s: (s.articles[0].date, s.id))
    return stories


def one_per_story(articles: Iterable[Any]) -> list[Any]:
    """`articles` with each story once: at its lead, or, when the lead is not in
    the list, at the story's first article in it; order kept."""
    articles = list(articles)
    present = {id(a) for a in articles}
    shown: set[str] = set()
    kept = []
    for article in articles:
        story = getattr(article, "story", None)
        if story is None:
            kept.append(article)
            continue
        if story.id in shown:
            continue
        if article is story.lead or id(story.lead) not in present:
            shown.add(story.id)
            kept.append(story.lead if id(story.lead) in present else article)
        # else: a member before its lead in the list; the lead comes later
    return kept


def top_stories(stories: Sequence[Story], newest: dt.datetime | None, count: int) -> list[Story]:
    """The day's stories: those reported by two or more sources with an article
    in the 24 hours up to `newest` (the site's newest article), most sources
    first, then most articles, then the most recent; at most `count`."""
    if newest is None or count <= 0:
        return []
    since = newest - dt.timedelta(hours=24)
    todays = [s for s in stories if s.newest.date >= since and len(s.sources) > 1]
    todays.sort(key=lambda s: (-len(s.sources), -s.size, -s.newest.date.timestamp(), s.id))
    return todays[:count]
