"""autotag: automatic tags (names, places, organisations, topics) and related articles."""

from .plugin import register

__all__ = ["register"]
