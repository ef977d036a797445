"""Plain Pelican for comparison: default theme, no plugins, default settings,
except what is needed to read the same content and the same choices as
pelicanconf.py's local build (no feeds, articles in content/articles)."""

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
