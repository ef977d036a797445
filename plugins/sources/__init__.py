"""Make each article's `Source` metadata its Pelican category (one page and feed per publisher)."""

from .adapter import register

__all__ = ["register"]
