"""Group articles that report the same event into stories: one pass in time order.

Each article, taken oldest first, is compared with the articles of the last
`window` seconds that share at least `min_shared` of its most distinctive
keys (an inverted index over those keys, pruned as the window moves on, finds
them: no article is compared with every other). It joins the story of its best
match when the score reaches the threshold and that story began within the
window; otherwise it starts a story of its own.

- Same language: cosine of TF-IDF vectors over stemmed words and anchors
  (names, numbers, places; weighted up).
- English and German: only anchors are shared; the score is the IDF-weighted
  share of the smaller anchor set found in the other, with at least
  `min_cross_shared` anchors in common.

Document frequencies count the articles added so far, so an article's story
depends only on older articles: appending newer articles never changes an
older article's story, and the state after any prefix can be kept and resumed
(`to_state`, `from_state`).
"""

from __future__ import annotations

import math
from collections import Counter, deque
from dataclasses import asdict, dataclass, field

from .features import Features

ALONE = object()  # editor's `Story: no`


@dataclass(frozen=True)
class Settings:
    window: float = 72 * 3600.0
    same_threshold: float = 0.25
    cross_threshold: float = 0.25
    min_cross_shared: int = 3
    anchor_boost: float = 2.0
    signature: int = 20
    min_shared: int = 3
    max_postings: int = 150
    decay: float = 0.7


@dataclass(frozen=True)
class Doc:
    """One article: `editor` is None (automatic), ALONE, or the editor's story name."""

    id: str
    time: float
    features: Features
    editor: object = None


@dataclass
class _Entry:
    time: float
    lang: str
    story: str
    vector: dict
    norm: float
    anchors: dict
    anchor_total: float


@dataclass
class StoryIndex:
    settings: Settings = field(default_factory=Settings)
    count: int = 0
    df: dict = field(default_factory=dict)
    story_of: dict = field(default_factory=dict)
    story_start: dict = field(default_factory=dict)
    _recent: deque = field(default_factory=deque)
    _entries: dict = field(default_factory=dict)
    _postings: dict = field(default_factory=dict)

    def add(self, doc: Doc) -> str:
        """Put `doc` (no older than any added before) into a story; return the story's key."""
        s = self.settings
        features = doc.features
        keys = set(features.words) | set(features.names) | set(features.anchors)
        self.count += 1
        df = self.df
        for key in keys:
            df[key] = df.get(key, 0) + 1
        self._forget(doc.time - s.window)
        if doc.editor is ALONE:
            return self._place(doc.id, doc.id, doc.time)
        entry, signature = self._entry(doc)
        if doc.editor is not None:
            story = "editor:" + str(doc.editor)
        else:
            story = self._best_story(entry, signature, doc.time) or doc.id
        self._place(doc.id, story, doc.time)
        entry.story = story
        self._entries[doc.id] = entry
        self._recent.append((doc.time, doc.id))
        postings = self._postings
        for key in signature:
            posting = postings.get(key)
            if posting is None:
                postings[key] = deque((doc.id,))
            else:
                posting.append(doc.id)
        return story

    def to_state(self) -> dict:
        """The index as plain JSON-able data (`from_state` reads it back)."""
        return {
            "settings": asdict(self.settings), "count": self.count, "df": self.df,
            "story_of": self.story_of, "story_start": self.story_start,
            "recent": [list(pair) for pair in self._recent],
            "entries": {k: [e.time, e.lang, e.story, e.vector, e.norm, e.anchors, e.anchor_total]
                        for k, e in self._entries.items()},
            "postings": {k: list(v) for k, v in self._postings.items()},
        }

    @classmethod
    def from_state(cls, state: dict) -> "StoryIndex":
        """The index `to_state` gave; KeyError, TypeError or ValueError for anything else."""
        index = cls(Settings(**state["settings"]), int(state["count"]), dict(state["df"]),
                    dict(state["story_of"]), dict(state["story_start"]))
        index._recent = deque((float(t), str(i)) for t, i in state["recent"])
        index._entries = {k: _Entry(*e) for k, e in state["entries"].items()}
        index._postings = {k: deque(v) for k, v in state["postings"].items()}
        return index

    def _place(self, doc_id: str, story: str, time: float) -> str:
        self.story_of[doc_id] = story
        self.story_start.setdefault(story, time)
        return story

    def _entry(self, doc: Doc) -> tuple[_Entry, list[str]]:
        s = self.settings
        df = self.df
        # TF-IDF: (1 + ln tf) * (ln((N + 1) / (df + 1)) + 1); ln from a table of counts.
        ln = _ln_table(self.count + 2)
        top = ln[self.count + 1] + 1.0
        vector = {}
        for key, n in doc.features.words.items():
            vector[key] = (1.0 + ln[n]) * (top - ln[df[key] + 1])
        boost = s.anchor_boost
        for key, n in doc.features.anchors.items():
            vector[key] = (1.0 + ln[n]) * (top - ln[df[key] + 1]) * boost
        anchors = {key: top - ln[df[key] + 1] for key in doc.features.names}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        # The strongest keys index the article; its anchors always do, so that
        # reports in the other language find it.
        signature = [k for _, k in sorted((-w, k) for k, w in vector.items())[:s.signature]]
        strongest = set(signature)
        signature += [k for _, k in sorted((-w, k) for k, w in anchors.items())[:s.signature]
                      if k not in strongest]
        entry = _Entry(doc.time, doc.features.lang, "", vector, norm, anchors, sum(anchors.values()))
        return entry, signature

    def _forget(self, before: float) -> None:
        """Drop articles older than the window: they can take no new members."""
        while self._recent and self._recent[0][0] < before:
            _, old = self._recent.popleft()
            self._entries.pop(old, None)

    def _best_story(self, entry: _Entry, signature: list[str], time: float) -> str | None:
        s = self.settings
        before = time - s.window
        entries = self._entries
        found: list[str] = []
        for key in signature:
            posting = self._postings.get(key)
            if not posting:
                continue
            while posting and posting[0] not in entries:  # older than the window
                posting.popleft()
            if len(posting) > s.max_postings:
                continue  # a key of many articles in the window picks out none
            found.extend(posting)
        shared = Counter(found)
        best, best_score = None, 0.0
        for other, n in sorted(shared.items()):
            if n < s.min_shared:
                continue
            candidate = entries.get(other)
            if candidate is None or self.story_start[candidate.story] < before:
                continue
            if candidate.lang == entry.lang:
                score = _cosine(entry, candidate)
                threshold = s.same_threshold
            else:
                score = _cross(entry, candidate, s.min_cross_shared)
                threshold = s.cross_threshold
            score *= 1.0 - s.decay * (time - candidate.time) / s.window
            if score >= threshold and score > best_score:
                best, best_score = candidate.story, score
        return best


_LN = [0.0]


def _ln_table(size: int) -> list[float]:
    """ln(n) for every count n < size (n = 0 gives 0)."""
    if len(_LN) < size:
        _LN.extend(math.log(n) for n in range(len(_LN), size + 4096))
    return _LN


def _cosine(a: _Entry, b: _Entry) -> float:
    small, large = (a.vector, b.vector) if len(a.vector) <= len(b.vector) else (b.vector, a.vector)
    dot = sum(w * large[k] for k, w in small.items() if k in large)
    return dot / (a.norm * b.norm)


def _cross(a: _Entry, b: _Entry, min_shared: int) -> float:
    shared = a.anchors.keys() & b.anchors.keys()
    if len(shared) < min_shared:
        return 0.0
    weight = sum(a.anchors[k] for k in shared)
    return weight / (min(a.anchor_total, b.anchor_total) or 1.0)


def group(docs: list[Doc], settings: Settings | None = None) -> dict[str, str]:
    """{doc id: story key} for `docs` in any order; a story's key is its first article's id
    (`editor:<name>` for an editor's story)."""
    index = StoryIndex(settings or Settings())
    for doc in sorted(docs, key=lambda d: (d.time, d.id)):
        index.add(doc)
    return dict(index.story_of)
