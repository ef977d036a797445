"""Pelican adapter: expose the theme's strings and filters to Jinja, link each article to its
neighbours, write the calendar archives (year, month, day pages), shape the feeds."""

from __future__ import annotations

from pelican import signals

from .archive import archive_url, build_calendar, day_pages, local, site_zone, sitemap_pairs, whole_days
from .dates import og_locale, clock, date_time, day_heading, long_date, long_date_pattern, month_name, period_title, weekdays_short
from .feeds import summary_only
from .grouping import group_by_day, neighbours
from .memo import RenderMemo, freeze_urls
from .strings import count_articles, number, strings_for
from .urls import direct_template_url, quote_url

ARCHIVE_KINDS = ("YEAR", "MONTH", "DAY")
# Direct templates that are no page to find in a sitemap: the home page (site_lists lists it
# first), the error page, robots.txt and search results.
NOT_IN_SITEMAP = {"index", "404", "robots", "sitemap", "search"}
# Articles per day page; a day page stays under its size budget however busy the day.
DEFAULT_DAY_PAGINATION = 40
# The home page shows the newest whole days holding at least this many articles.
DEFAULT_HOME_ARTICLES = 20
# Settings the theme reads, with their defaults (documented in README "Theme settings").
DEFAULTS = {
    "HOME_ARTICLES": DEFAULT_HOME_ARTICLES,
    "DAY_PAGINATION": DEFAULT_DAY_PAGINATION,
    "MONTH_HEADLINES": 5,         # headlines per day on a month page
    "ARCHIVE_INDEX_MONTHS": 3,    # months shown as calendars on the archive index
    "SITE_LOGO": "theme/logo.png",
    "FEED_FULL_TEXT": False,
    "LEGAL_PAGES": ("impressum", "datenschutz"),
    "LEGAL": {},
    "ABOUT_TEXT": {},
    "LOCAL_IMAGES": True,
}


def take_over_archives(pelican):
    """The calendar archives replace Pelican's period archives (which put every
    article of a year on one page): keep their URL settings, switch Pelican's off."""
    settings = pelican.settings
    if "DIGEST_ARCHIVES" in settings:
        return
    settings["DIGEST_ARCHIVES"] = {
        kind.lower(): (settings.get(f"{kind}_ARCHIVE_URL", ""), settings.get(f"{kind}_ARCHIVE_SAVE_AS", ""))
        for kind in ARCHIVE_KINDS
    }
    for kind in ARCHIVE_KINDS:
        settings[f"{kind}_ARCHIVE_SAVE_AS"] = ""
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    settings["RSS_FEED_SUMMARY_ONLY"] = not settings.get("FEED_FULL_TEXT", False)


def add_to_jinja(generator):
    """Every generator has its own Jinja environment; give each the same strings and filters."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    settings = generator.settings
    lang = settings.get("DEFAULT_LANG", "de")
    zone = site_zone(settings.get("TIMEZONE"))
    strings = env.globals["T"] = strings_for(lang)
    env.filters["n_articles"] = lambda n: count_articles(n, strings)
    env.filters["number"] = lambda n: number(n, strings)
    env.filters["og_locale"] = og_locale
    env.filters["long_date"] = lambda value: long_date(local(value, zone), lang)
    env.filters["date_time"] = lambda value: date_time(local(value, zone), lang)
    env.filters["clock"] = lambda value: clock(local(value, zone))
    env.filters["local_iso"] = lambda value: local(value, zone).isoformat()
    env.globals["long_date_pattern"] = long_date_pattern(lang)
    env.globals["weekdays_short"] = weekdays_short(lang)
    env.filters["day_heading"] = lambda value: day_heading(value, lang)
    env.filters["month_name"] = lambda month: month_name(month, lang)
    env.filters["period_title"] = lambda period_num: period_title(tuple(period_num), lang)
    env.filters["group_by_day"] = lambda items: group_by_day(items, zone)
    env.filters["whole_days"] = lambda items: whole_days(items, zone, settings.get("HOME_ARTICLES", DEFAULT_HOME_ARTICLES))
    # From the URL settings alone: a page linking a day reads no archive data (which the
    # incremental build would take as what the page depends on).
    env.filters["archive_url"] = lambda date, kind="day": archive_url(settings.get("DIGEST_ARCHIVES"), kind, date)
    env.filters["quote_url"] = quote_url
    env.globals["direct_url"] = lambda name: direct_template_url(generator.settings, name)
    env.globals["render_once"] = RenderMemo()  # one per generator, so one per build


def finalize_articles(generator):
    """Articles are newest first: the previous article is the newer one, the next the older one."""
    freeze_urls(generator.articles)
    for article, newer, older in neighbours(generator.articles):
        article.newer_article = newer
        article.older_article = older
    patterns = generator.settings.get("DIGEST_ARCHIVES")
    if patterns:
        calendar = build_calendar(generator.articles, site_zone(generator.settings.get("TIMEZONE")), patterns)
        generator.context["archive_calendar"] = calendar
        add_to_sitemap(generator, sitemap_pairs(calendar))


def add_to_sitemap(generator, archives):
    """The lists, about and legal pages (Pelican's direct templates) and the calendar archives,
    for site_lists' sitemap (the context's `sitemap_extra`)."""
    settings = generator.settings
    direct = [(direct_template_url(settings, name), None) for name in settings.get("DIRECT_TEMPLATES", [])
              if name not in NOT_IN_SITEMAP and settings.get(f"{name.upper()}_SAVE_AS") != ""]  # "": not written
    generator.context.setdefault("sitemap_extra", []).extend([*direct, *archives])


def write_archives(generator, writer):
    """One page per year and month (bounded: calendars and a few headlines), day pages paginated."""
    calendar = generator.context.get("archive_calendar")
    if calendar is None:
        return
    settings = generator.settings
    relative = settings.get("RELATIVE_URLS", False)
    per_page = settings["DAY_PAGINATION"]
    pages = [page for day in calendar.days for page in day_pages(day, per_page)]
    for template_name, periods, key in (("archive_year", calendar.years, "year"),
                                         ("archive_month", calendar.months, "month"),
                                         ("archive_day", pages, "day_page")):
        if not (periods and periods[0].save_as):
            continue
        template = generator.get_template(template_name)
        for period in periods:
            writer.write_file(period.save_as, template, generator.context, relative_urls=relative,
                              template_name=template_name, url=period.url, blog=True, **{key: period})


def finalize_pages(generator):
    freeze_urls(generator.pages)


def register():
    signals.initialized.connect(take_over_archives)
    signals.generator_init.connect(add_to_jinja)
    signals.article_generator_finalized.connect(finalize_articles)
    signals.article_writer_finalized.connect(write_archives)
    signals.page_generator_finalized.connect(finalize_pages)
    signals.feed_generated.connect(summary_only)
