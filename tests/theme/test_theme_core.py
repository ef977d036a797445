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
from sources.core import needs_fallback_author, source_name

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
    assert needs_fallback_author({"source": "DW"})
    assert not needs_fallback_author({"author": "Bernd Riegert"})


def test_quote_url_makes_a_valid_url_and_keeps_a_valid_one():
    assert quote_url("https://static.dw.com/image/60362196_6.jpg") == "https://static.dw.com/image/60362196_6.jpg"
    assert quote_url("https://example.org/a b.jpg?x=1&y=<2>") == "https://example.org/a%20b.jpg?x=1&y=%3C2%3E"
    assert quote_url("https://example.org/Bär.jpg") == "https://example.org/B%C3%A4r.jpg"
