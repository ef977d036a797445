"""Render-once helpers: what is the same on every page of one build is computed once.

An article's digest item (headline, byline, lead, tags) is the same HTML on
the home page, its source, author, tag and archive pages; an article's URL is
the same wherever it is linked. Pelican recomputes both on every use.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, Iterable


class RenderMemo:
    """`memo(key, render, *args)`: `render(*args)` the first time `key` is seen, the stored result after."""

    def __init__(self) -> None:
        self._done: dict[Hashable, Any] = {}

    def __call__(self, key: Hashable, render: Callable[..., Any], *args: Any) -> Any:
        if key not in self._done:
            self._done[key] = render(*args)
        return self._done[key]


def freeze_urls(contents: Iterable[Any]) -> None:
    """Store each content's URL and output path as its `override_url` and
    `override_save_as`, which Pelican's `url` and `save_as` return unrecomputed.

    Only for contents whose slug, date, category and language are final (after
    the generator has read them all); a URL or path set by the editor is left as it is.
    """
    for content in contents:
        for key in ("url", "save_as"):
            if not hasattr(content, f"override_{key}"):
                setattr(content, f"override_{key}", getattr(content, key))
