"""The site's lists without quadratic scans, stable page numbers, and a sitemap index.

- terms.py: Pelican's tag, source, author and period-archive lists built in one pass.
- paging.py: numbered pages counted from the oldest article, so a new article
  changes the first page of a list (and every 20th time one new page), not all.
- sitemap.py: sitemaps of at most SITEMAP_MAX_URLS URLs behind a sitemap index.
"""

from .adapter import register

__all__ = ["register"]
