"""Pelican settings for the published site (`make publish`).

SITEURL comes from the environment variable SITEURL; its default is
https://news-digest.example.org. Feeds use it for absolute links.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://news-digest.example.org").rstrip("/")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tag/{slug}.rss.xml"
CATEGORY_FEED_ATOM = "feeds/source/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/source/{slug}.rss.xml"

DELETE_OUTPUT_DIRECTORY = True
