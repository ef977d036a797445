"""The theme's pure helpers, without Pelican."""

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from digest_theme.dates import day_heading, long_date, period_title
from digest_theme.grouping import group_by_day, neighbours
from digest_theme.strings import STRINGS, strings_for
from digest_theme.urls import direct_template_url, quote_url
from sources.core import credit_missing_authors, has_byline, source_name

TEMPLATES = Path(__file__).resolve().parents[2] / "theme" / "templates"
BERLIN = dt.timezone(dt.timedelta(hours=1))


def test_long_date_in_each_language():
    assert long_date(dt.date(2022, 1, 7), "de") == "7. Januar 2022"
    assert long_date(dt.date(2022, 3, 17), "de") == "17. März 2022"
    assert long_date(dt.date(2022, 1, 7), "en") == "7 January 2022"
    assert long_date(dt.date(2022, 1, 7), "en_GB") == "7 January 2022"
    assert long_date(dt.date(2022, 1, 7), "fr") == "7. Januar 2022"  # unknown: the default, German


def test_day_heading_and_period_titles():
    assert day_heading(dt.date(2022, 1, 7), "de") == "Freitag, 7. Januar 2022"
    assert day_heading(dt.date(2022, 1, 9), "en") == "Sunday, 9 January 2022"
    assert period_title((2022,), "de") == "2022"
    assert period_title((2022, 12), "de") == "Dezember 2022"
    assert period_title((2022, 12, 24), "en") == "24 December 2022"


def _item(iso):
    return SimpleNamespace(date=dt.datetime.fromisoformat(iso))


def test_group_by_day_keeps_order_and_uses_the_local_day():
    items = [_item("2022-01-07T23:30:00+01:00"), _item("2022-01-07T00:10:00+01:00"),
             _item("2022-01-06T23:59:00+01:00"), _item("2022-01-07T08:00:00+01:00")]
    groups = group_by_day(items)
    assert [(day.isoformat(), len(g)) for day, g in groups] == [
        ("2022-01-07", 2), ("2022-01-06", 1), ("2022-01-07", 1)]
    assert groups[0][1] == items[:2]
    assert group_by_day([]) == []


def test_neighbours():
    assert neighbours(["a", "b", "c"]) == [("a", None, "b"), ("b", "a", "c"), ("c", "b", None)]
    assert neighbours(["a"]) == [("a", None, None)]


def test_string_tables_match_and_cover_the_templates():
    assert STRINGS["de"].keys() == STRINGS["en"].keys()
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"\bT\.(\w+)", template.read_text(encoding="utf-8")))
    assert used and used <= STRINGS["de"].keys(), used - STRINGS["de"].keys()
    assert strings_for("en-US")["home"] == "Home" and strings_for("de")["home"] == "Startseite"


@pytest.mark.parametrize("settings, name, url", [
    ({}, "tags", "tags.html"),
    ({"CATEGORIES_SAVE_AS": "sources/index.html"}, "categories", "sources/"),
    ({"CATEGORIES_URL": "sources/", "CATEGORIES_SAVE_AS": "sources/index.html"}, "categories", "sources/"),
    ({"ARCHIVES_SAVE_AS": "archiv.html"}, "archives", "archiv.html"),
])
def test_direct_template_url(settings, name, url):
    assert direct_template_url(settings, name) == url


def test_source_rules():
    assert source_name({"source": "  DW \n"}) == "DW"
    assert source_name({"source": " "}) is None and source_name({}) is None
    assert not has_byline({"source": "DW"}) and not has_byline({"author": ""})
    assert has_byline({"author": "Bernd Riegert"}) and has_byline({"authors": ["A", "B"]})
    items = [{"author_name": "", "categories": ["DW", "NATO"]}, {"author_name": "Bernd Riegert", "categories": ["DW"]},
             {"author_name": None, "categories": None}]
    credit_missing_authors(items)
    assert [i["author_name"] for i in items] == ["DW", "Bernd Riegert", None]


def test_quote_url_makes_a_valid_url_and_keeps_a_valid_one():
    assert quote_url("https://static.dw.com/image/60362196_6.jpg") == "https://static.dw.com/image/60362196_6.jpg"
    assert quote_url("https://example.org/a b.jpg?x=1&y=<2>") == "https://example.org/a%20b.jpg?x=1&y=%3C2%3E"
    assert quote_url("https://example.org/Bär.jpg") == "https://example.org/B%C3%A4r.jpg"


# The calendar archive, whole days for the home page, time stamps: pure, without Pelican.
from zoneinfo import ZoneInfo  # noqa: E402

from digest_theme.archive import build_calendar, local, sitemap_pairs, whole_days  # noqa: E402
from digest_theme.dates import clock, date_time, og_locale  # noqa: E402
from digest_theme.feeds import lead_only  # noqa: E402
from digest_theme.strings import count_articles, number  # noqa: E402

ZONE = ZoneInfo("Europe/Berlin")
PATTERNS = {"year": ("a/{date:%Y}/", "a/{date:%Y}/index.html"),
            "month": ("a/{date:%Y}/{date:%m}/", "a/{date:%Y}/{date:%m}/index.html"),
            "day": ("a/{date:%Y}/{date:%m}/{date:%d}/", "a/{date:%Y}/{date:%m}/{date:%d}/index.html")}


def test_calendar_counts_days_in_the_site_zone_and_orders_each_day_by_time():
    # Newest first, as Pelican hands them over; 23:30 UTC on 31 Dec is 00:30 on 1 Jan in Berlin.
    items = [_item("2022-01-02T08:00:00+01:00"), _item("2022-01-01T09:00:00+01:00"),
             _item("2021-12-31T23:30:00+00:00"), _item("2021-12-31T10:00:00+01:00")]
    cal = build_calendar(items, ZONE, PATTERNS)
    assert [(d.date.isoformat(), d.count) for d in cal.days] == [
        ("2021-12-31", 1), ("2022-01-01", 2), ("2022-01-02", 1)]
    assert cal.days[1].articles == [items[2], items[1]]  # 00:30 before 09:00
    assert [(y.year, y.count) for y in cal.years] == [(2021, 1), (2022, 3)]
    assert [(m.period_num, m.count, m.url) for m in cal.months] == [
        ((2021, 12), 1, "a/2021/12/"), ((2022, 1), 3, "a/2022/01/")]
    assert cal.days[1].save_as == "a/2022/01/01/index.html"
    # Neighbours are small references (key and URL), not the objects: no page holds the whole chain.
    assert cal.days[0].previous is None and cal.days[0].next.date == cal.days[1].date
    assert cal.days[2].previous.url == cal.days[1].url and cal.days[2].next is None
    assert cal.years[1].previous.year == 2021 and cal.months[0].next.period_num == (2022, 1)
    assert cal.latest_months(1) == [cal.months[1]] and cal.latest_months(0) == []
    weeks = cal.months[1].weeks()
    assert weeks[0] == [None, None, None, None, None, cal.days[1], cal.days[2]]  # 1 Jan 2022 was a Saturday
    assert weeks[1][0] == 3 and all(len(w) == 7 for w in weeks)
    # For the sitemap: every year, month and day page, dated by its newest article.
    assert sitemap_pairs(cal) == [("a/2021/", items[3].date), ("a/2022/", items[0].date),
                                  ("a/2021/12/", items[3].date), ("a/2022/01/", items[0].date),
                                  ("a/2021/12/31/", items[3].date), ("a/2022/01/01/", items[1].date),
                                  ("a/2022/01/02/", items[0].date)]


def test_whole_days_never_split_a_day():
    items = [_item(f"2022-01-0{d}T{h:02d}:00:00+01:00") for d, h in
             [(7, 20), (7, 9), (6, 23), (6, 22), (6, 1), (5, 12)]]
    assert whole_days(items, ZONE, 1) == (items[:2], dt.date(2022, 1, 6))
    assert whole_days(items, ZONE, 3) == (items[:5], dt.date(2022, 1, 5))
    assert whole_days(items, ZONE, 100) == (items, None)
    assert whole_days([], ZONE, 5) == ([], None)


def test_time_stamps_in_both_languages():
    when = dt.datetime(2022, 1, 7, 9, 5, tzinfo=ZONE)
    assert clock(when) == "09:05"
    late = dt.datetime(2022, 1, 7, 23, 30, tzinfo=dt.timezone.utc)  # the site's zone decides the day and time
    assert clock(local(late, ZONE)) == "00:30" and long_date(local(late, ZONE), "en") == "8 January 2022"
    assert date_time(when, "de") == "7. Januar 2022, 09:05 Uhr"
    assert date_time(when, "en") == "7 January 2022, 09:05"
    assert og_locale("de") == "de_DE" and og_locale("en-GB") == "en_GB" and og_locale("xx") == "xx"
    assert count_articles(1, STRINGS["en"]) == "1 article" and count_articles(3, STRINGS["en"]) == "3 articles"
    assert count_articles(1, STRINGS["de"]) == "1 Artikel"
    assert count_articles(10280, STRINGS["de"]) == "10.280 Artikel"
    assert count_articles(1028, STRINGS["en"]) == "1,028 articles" and number(999, STRINGS["de"]) == "999"


def test_feeds_carry_the_lead_only():
    items = [{"description": "Lead.", "content": "<p>Body</p>"}, {"description": None, "content": "<p>Only</p>"}]
    lead_only(items)
    assert items == [{"description": "Lead.", "content": None}, {"description": "<p>Only</p>", "content": None}]


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(minutes=st.lists(st.integers(0, 10 * 24 * 60), max_size=40), at_least=st.integers(0, 45))
def test_whole_days_property(minutes, at_least):
    """The home page's articles: a prefix of the newest-first list that ends at a day's end,
    and holds at least `at_least` articles unless the whole list is shorter."""
    start = dt.datetime(2022, 3, 20, tzinfo=dt.timezone.utc)  # the clocks change in Berlin on the 27th
    items = sorted((SimpleNamespace(date=start + dt.timedelta(minutes=m)) for m in minutes),
                   key=lambda i: i.date, reverse=True)
    day = lambda item: item.date.astimezone(ZONE).date()  # noqa: E731
    shown, older = whole_days(items, ZONE, at_least)
    assert shown == items[:len(shown)]
    assert len(shown) >= min(at_least, len(items)) and (shown or not items)
    rest = items[len(shown):]
    if rest:
        assert older == day(rest[0]) and day(rest[0]) != day(shown[-1])
        assert len(shown) >= at_least
        # No more than needed: without its last day, the page would hold too few.
        assert len(shown) - sum(1 for i in shown if day(i) == day(shown[-1])) < max(at_least, 1)
    else:
        assert older is None
