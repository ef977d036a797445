"""What the news-digest theme needs from Python: UI strings, localised dates, day groups, neighbours."""

from .adapter import register

__all__ = ["register"]
