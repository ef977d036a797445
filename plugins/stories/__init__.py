"""Stories: articles from any sources that report the same event, grouped (docs/stories.md)."""

from .adapter import register

__all__ = ["register"]
