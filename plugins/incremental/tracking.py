"""What a page's rendering reads: the names it looks up, and what it asks the pagination objects.

The writer renders each page with a `Recorder` active. A Jinja context class
records every variable the templates resolve; pages and paginators reach the
templates wrapped in a `Recorded` proxy that records each attribute read and
method call as a path (`articles_page.paginator.num_pages`). The next build
evaluates the same paths on the new objects: when every value is the same
(and the templates, code and settings are), so is the page.
"""

from __future__ import annotations

from typing import Any

from jinja2.runtime import Context


class Recorder:
    """Reads of one rendering: resolved names and attribute paths."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.paths: set[tuple[str, ...]] = set()


_current: list[Recorder] = []


def current() -> Recorder | None:
    return _current[-1] if _current else None


class recording:
    """`with recording() as reads:` activates a Recorder for one rendering."""

    def __enter__(self) -> Recorder:
        recorder = Recorder()
        _current.append(recorder)
        return recorder

    def __exit__(self, *exc) -> None:
        _current.pop()


class TrackingContext(Context):
    """Jinja's Context, noting each name a template resolves."""

    def resolve_or_missing(self, key: str) -> Any:
        recorder = current()
        if recorder is not None:
            recorder.names.add(key)
        return super().resolve_or_missing(key)


class Recorded:
    """A proxy that records the attribute reads and calls made on `target` under `path`."""

    __slots__ = ("_target", "_path", "_wrap")

    def __init__(self, target: Any, path: tuple[str, ...], wrap) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_wrap", wrap)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        path = self._path + (name,)
        if callable(value) and not isinstance(value, type):
            def call(*args, **kwargs):
                step = f"{name}()" if not args and not kwargs else f"{name}{args!r}{sorted(kwargs.items())!r}"
                result = value(*args, **kwargs)
                return self._record(self._path + (step,), result)
            return call
        return self._record(path, value)

    def _record(self, path: tuple[str, ...], value: Any) -> Any:
        if self._wrap(value):
            return Recorded(value, path, self._wrap)
        recorder = current()
        if recorder is not None:
            recorder.paths.add(path)
        return value

    def _whole(self) -> Any:
        """The target itself, recorded as read whole (what a comparison or a length depends on)."""
        recorder = current()
        if recorder is not None:
            recorder.paths.add(self._path)
        return self._target

    def __eq__(self, other: Any) -> bool:
        return self._whole() == (other._whole() if isinstance(other, Recorded) else other)

    def __hash__(self) -> int:
        return hash(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def __bool__(self) -> bool:
        return bool(self._target)

    def __str__(self) -> str:
        return str(self._target)

    def __iter__(self):
        recorder = current()
        if recorder is not None:
            recorder.paths.add(self._path + ("__iter__",))
        return iter(self._target)


def evaluate(path: tuple[str, ...], values: dict) -> Any:
    """The value at `path` (as Recorded wrote it) among `values`; raises when it no longer exists."""
    value = values[path[0]]
    for step in path[1:]:
        if step == "__iter__":
            value = list(value)
        elif step.endswith("()"):
            value = getattr(value, step[:-2])()
        elif "(" in step:
            raise LookupError(f"call with arguments: {step}")  # not evaluated again: rendered every time
        else:
            value = getattr(value, step)
    return value
