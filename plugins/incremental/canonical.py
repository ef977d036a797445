"""Stable digests of what a page is rendered from. Pure (duck-typed over Pelican's objects).

A page's fingerprint must change whenever its output could: the digest of an
article covers every attribute it carries (title, HTML, metadata, tags, URLs,
whatever a plugin added), the articles it points to (related articles,
neighbours, a story's reports) by source path, and their own attributes, one
level deep: what they point to in turn is not part of it. Templates read one
reference deep (a related article's title, a neighbour's URL), never two (a
neighbour's neighbour), so a new article changes the digests of the articles
that point to it, not of every article that points to those. Tags, sources
and authors count by name and slug.
Settings are left out (the build's key covers them), and so is the shared
build context. The bytes hashed are a pickle of the data with those
substitutions: fast, and equal for equal data within one Python and one set of
packages (which the build's key also covers).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import pickle
from typing import Any

# Attributes of a Pelican content object that are not its data: the shared
# context (every page's data at once) and the settings (in the build's key).
SKIPPED_ATTRIBUTES = frozenset({"_context", "settings"})
_CONTENT, _WRAPPER, _OTHER = 1, 2, 0
_OWN = 3  # depth at which a content object is only a mark
_ATOMIC = frozenset({str, int, float, bool, type(None), bytes, dt.datetime, dt.date, dt.time, dt.timedelta})
# Subclasses of these hold no references (markupsafe.Markup, Pelican's SafeDatetime).
_ATOMIC_BASES = frozenset({str, dt.datetime, dt.date})


def _kind(cls: type) -> int:
    if all(hasattr(cls, name) for name in ("get_relative_source_path", "get_content", "url")):
        return _CONTENT  # pelican.contents.Content and its subclasses
    if all(hasattr(cls, name) for name in ("_from_settings", "slug", "as_dict")):
        return _WRAPPER  # Tag, Category, Author
    return _OTHER


class _Pickler(pickle.Pickler):
    def __init__(self, file, digests: "Digests", depth: int):
        super().__init__(file, protocol=4)
        self.fast = True  # no memo: equal values give equal bytes whether or not they are one object
        self.digests = digests
        self.depth = depth  # 0: contents by full digest, 2: by source path (and collected), 3: as one mark

    def persistent_id(self, obj):
        kind = self.digests.kind(type(obj))
        if kind == _CONTENT:
            if self.depth == 0:
                return ("C", self.digests.content(obj))
            if self.depth == _OWN:
                return "r"
            if self.digests._collect is not None:
                self.digests._collect.append(obj)
            return ("r", obj.source_path)
        if kind == _WRAPPER:
            return ("U", type(obj).__name__, obj.name, obj.slug)
        if obj is self.digests.settings:
            return "settings"
        return None


class Digests:
    """Digests of values for one build; a content object's digest is computed once."""

    def __init__(self, settings: dict | None = None) -> None:
        self.settings = settings
        self._kinds: dict[type, int] = {}
        self._contents: dict[int, str] = {}
        self._shallow: dict[int, str] = {}
        self._own: dict[int, str] = {}
        self._refs: dict[int, list[Any]] = {}
        self._collect: list[Any] | None = None
        self._keep: list[Any] = []  # ids stay unique while the objects live

    def kind(self, cls: type) -> int:
        kind = self._kinds.get(cls)
        if kind is None:
            kind = self._kinds[cls] = _kind(cls)
        return kind

    def content(self, item: Any) -> str:
        """Digest of a content object: its attributes, the contents it points to by their own attributes."""
        key = id(item)
        if key not in self._contents:
            shallow = self.shallow(item)
            refs = self._refs[key]
            text = shallow + ":" + ",".join(self.own(ref) for ref in refs)
            self._contents[key] = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
        return self._contents[key]

    def contents_of(self, items: list[Any]) -> dict[int, str]:
        """id -> digest of each of `items` (content objects), for `add_contents` in a process
        forked from this one (where the ids name the same objects)."""
        return {id(item): self.content(item) for item in items}

    def add_contents(self, items: list[Any], digests: dict[int, str]) -> None:
        """Take the digests `contents_of` gave for `items` in a forked process."""
        for item in items:
            digest = digests.get(id(item))
            if digest is not None:
                self._keep.append(item)
                self._contents[id(item)] = digest

    def shallow(self, item: Any) -> str:
        """Digest of a content object's attributes with the contents it points to named by source path."""
        key = id(item)
        if key not in self._shallow:
            self._keep.append(item)
            refs: list[Any] = []
            self._collect = refs
            try:
                self._shallow[key] = self._hash(_state(item), 2)
            finally:
                self._collect = None
            self._refs[key] = refs
        return self._shallow[key]

    def own(self, item: Any) -> str:
        """Digest of a content object's attributes, each content object it points to as the same mark."""
        key = id(item)
        if key not in self._own:
            self._keep.append(item)
            self._own[key] = self._hash(_state(item), _OWN)
        return self._own[key]

    def of(self, value: Any) -> str:
        """Digest of any value (a list of articles, a tag, one page of a list, ...)."""
        return self._hash(value, 0)

    def _hash(self, value: Any, depth: int) -> str:
        plain = self._substitute(value, depth)
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=4)
        pickler.fast = True  # as in _Pickler
        try:
            pickler.dump(plain)
        except Exception:  # noqa: BLE001 - cannot be pickled: never equal, so always rendered
            return "unpicklable-" + os.urandom(8).hex()
        return hashlib.blake2b(buffer.getvalue(), digest_size=16).hexdigest()

    def _substitute(self, value: Any, depth: int) -> Any:
        """`value` with contents and tags replaced by their digests and names (containers walked)."""
        cls = type(value)
        if cls in _ATOMIC or cls.__mro__[1] in _ATOMIC_BASES:
            return value
        if cls is list or cls is tuple:
            return (cls.__name__, [self._substitute(v, depth) for v in value])
        if cls is dict:
            return ("dict", [(self._substitute(k, depth), self._substitute(v, depth)) for k, v in value.items()])
        kind = self.kind(cls)
        if kind == _CONTENT:
            if depth == 0:
                return ("C", self.content(value))
            if depth == _OWN:
                return "r"
            if self._collect is not None:
                self._collect.append(value)
            return ("r", value.source_path)
        if kind == _WRAPPER:
            return ("U", cls.__name__, value.name, value.slug)
        if value is self.settings:
            return "settings"
        if isinstance(value, (set, frozenset)):
            return ("set", sorted(repr(self._substitute(v, depth)) for v in value))
        buffer = io.BytesIO()  # anything else: pickled, with what it points to substituted
        try:
            _Pickler(buffer, self, depth).dump(value)
        except Exception:  # noqa: BLE001
            return ("unpicklable", os.urandom(8).hex())
        return ("P", cls.__module__, cls.__qualname__, buffer.getvalue())


def _state(item: Any) -> tuple:
    return (type(item).__name__, sorted((k, v) for k, v in vars(item).items() if k not in SKIPPED_ATTRIBUTES))
