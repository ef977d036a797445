"""Pelican settings for local builds (`make html`, `make serve`).

publishconf.py imports this file and adds what only the published site needs.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
# The converter package sits beside this file; plugins may import its helpers.
sys.path.insert(0, _HERE)

AUTHOR = "News Digest"
SITENAME = "News Digest"
SITESUBTITLE = "Nachrichten im Überblick"
SITEURL = ""

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
OUTPUT_PATH = "output"

TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
DEFAULT_DATE_FORMAT = "%d.%m.%Y"

THEME = os.path.join(_HERE, "theme")
PLUGIN_PATHS = [os.path.join(_HERE, "plugins")]
# Order is the data's path: incremental builds (first: the writer and caches
# everything else goes through), the site's lists (one-pass term and archive lists,
# stable page numbers, the sitemap), reading (one Markdown instance per build,
# not per file), sources (Source -> category), the lead images served by the
# site, the theme's helpers, automatic tags, stories (one event, several
# sources; reads the tags), then the search index (which indexes the tags and
# shows a story's sources).
PLUGINS = ["incremental", "site_lists", "fast_markdown", "sources", "local_images", "digest_theme", "autotag",
           "stories", "lunr_search"]

# Seed text is plain text: every template escapes what it prints. Fields that
# Pelican renders to HTML (content, summary, title) are marked safe in the theme.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# The converter escapes seed text for exactly these Markdown extensions.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

# Every article has its own unique slug, whatever its language, so no
# translation grouping and one URL scheme for all languages.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
ARTICLE_URL = "articles/{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_URL
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_URL
PAGE_URL = "pages/{slug}.html"
PAGE_SAVE_AS = PAGE_URL
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_URL

# An article's Summary (the converter writes the lead there) is shown whole;
# an article without one (hand-written) is summed up by its first paragraph,
# cut at 60 words, so list pages never carry a whole body.
SUMMARY_MAX_PARAGRAPHS = 1
SUMMARY_MAX_LENGTH = 60
DEFAULT_PAGINATION = 20
# A list's first page at its own URL (tag/wien.html); its numbered pages, which
# site_lists counts from the oldest, in a folder of their own (tag/wien/3/), so
# page 3 of tag `s` is never the page of tag `s3`.
PAGINATION_PATTERNS = [
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/{number}/", "{base_name}/{number}/index.html"),
]
# The home page shows the newest whole days (HOME_ARTICLES, see the theme's
# settings) and links on to the day archives, so it is not paginated.
PAGINATED_TEMPLATES = {"tag": None, "category": None, "author": None}

# Sources are Pelican categories: one page (and, published, one feed) per publisher.
CATEGORY_URL = "sources/{slug}.html"
CATEGORY_SAVE_AS = CATEGORY_URL
CATEGORIES_URL = "sources/"
CATEGORIES_SAVE_AS = "sources/index.html"
# digest_theme writes these archives itself: a year as month calendars, a month
# as its days with counts and headlines, a day's articles in time order, paginated.
YEAR_ARCHIVE_URL = "archives/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
DAY_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/{date:%d}/"
DAY_ARCHIVE_SAVE_AS = DAY_ARCHIVE_URL + "index.html"
# lunr_search adds its own "search" page when it is enabled.
# site_lists writes sitemap.xml (an index of sitemap-1.xml, ... past 50,000 URLs).
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "404", "robots",
                    "about", "impressum", "datenschutz"]
ABOUT_SAVE_AS = "about.html"
IMPRESSUM_SAVE_AS = "impressum.html"
DATENSCHUTZ_SAVE_AS = "datenschutz.html"

# The about page (about.html) says from these settings what the site shows;
# ABOUT_TEXT adds your own first paragraph per language.
ABOUT_TEXT = {"de": "", "en": ""}
# The Impressum and the privacy page (impressum.html, datenschutz.html) are
# filled from LEGAL. Fill it in before publishing: `make check` and `make
# publish` warn while a field the pages need is empty.
LEGAL = {
    "operator": "",     # the person or organisation running the site
    "address": "",      # postal address: street, postcode and town, country
    "email": "",
    "phone": "",        # optional
    "responsible": "",  # responsible for the content (§ 18 Abs. 2 MStV), if not the operator
    "hosting": "",      # the host serving the site: name and address
}
# Feeds carry each article's lead; True puts the full text in them too.
FEED_FULL_TEXT = False
# Lead images are downloaded once and served by the site (plugins/local_images);
# False hotlinks them from the sources' servers. LOCAL_IMAGES_DOWNLOAD=0 in the
# environment builds offline: images come from the cache only (the test suite
# sets it, so no test reaches past 127.0.0.1).
LOCAL_IMAGES = True
LOCAL_IMAGES_DOWNLOAD = os.environ.get("LOCAL_IMAGES_DOWNLOAD", "1") != "0"
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"

# Feeds are for the published site (publishconf.py); none while previewing.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None



def newest_first(article):
    """Newest first; articles of the same second (a batch of seeds committed
    together) by slug, so the order never depends on the file system's."""
    return (-article.date.timestamp(), article.slug)


# Incremental builds (plugins/incremental, README "Incremental builds"): Pelican's
# reader cache keeps what each file read as; a file is read again when its
# content (its SHA-1, not its time) changes, and the whole cache is dropped when
# the settings, the code or the installed packages change. Output is the same
# bytes as a build from nothing.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "sha1"
# Stable order: articles of the same second by slug.
ARTICLE_ORDER_BY = newest_first
