"""The archive as a calendar: years, months and days with their article counts, in one pass.

Every archive page is bounded whatever the archive's size: a year page shows
its months as calendars (one cell per day, with its count), a month page its
days with a few headlines each, and a day page its articles in time order,
paginated. Days are calendar days in the site's time zone.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Sequence
from zoneinfo import ZoneInfo


@dataclass
class Day:
    date: dt.date
    url: str
    save_as: str
    articles: list[Any] = field(default_factory=list)  # oldest first
    previous: SimpleNamespace | None = None  # the previous day with articles: its date and URL
    next: SimpleNamespace | None = None

    @property
    def count(self) -> int:
        return len(self.articles)


@dataclass
class DayPage:
    """One page of a day archive: pages are numbered 1, 2, ... in time order, so a day's
    new articles only ever change its last page."""
    day: Day
    number: int
    url: str
    save_as: str
    articles: list[Any]
    previous: SimpleNamespace | None = None  # number and URL
    next: SimpleNamespace | None = None


def day_pages(day: Day, per_page: int) -> list[DayPage]:
    """`day`'s articles in pages of `per_page` (all on one page when `per_page` is 0):
    page 1 at the day's own URL, page n at `<day folder>/n/`."""
    per_page = per_page or max(1, day.count)
    if day.url.endswith("/"):  # archives/2022/01/07/ saved as archives/2022/01/07/index.html
        folder_url, folder = day.url, day.save_as.rsplit("/", 1)[0] + "/"
    else:  # archives/2022-01-07.html
        folder_url, folder = day.url.rsplit(".", 1)[0] + "/", day.save_as.rsplit(".", 1)[0] + "/"
    pages = []
    for number, start in enumerate(range(0, max(1, day.count), per_page), start=1):
        url, save_as = (day.url, day.save_as) if number == 1 else (f"{folder_url}{number}/", f"{folder}{number}/index.html")
        pages.append(DayPage(day, number, url, save_as, day.articles[start:start + per_page]))
    _chain(pages, "number")
    return pages


@dataclass
class Month:
    year: int
    month: int
    url: str
    save_as: str
    days: list[Day] = field(default_factory=list)  # oldest first
    previous: SimpleNamespace | None = None  # period_num and URL
    next: SimpleNamespace | None = None

    @property
    def count(self) -> int:
        return sum(day.count for day in self.days)

    @property
    def period_num(self) -> tuple[int, int]:
        return (self.year, self.month)

    def weeks(self) -> list[list[Day | int | None]]:
        """Monday-first weeks: a Day where the day has articles, its number where not, None outside the month."""
        by_number = {day.date.day: day for day in self.days}
        return [[by_number.get(n, n) if n else None for n in week]
                for week in calendar.Calendar(firstweekday=0).monthdayscalendar(self.year, self.month)]


@dataclass
class Year:
    year: int
    url: str
    save_as: str
    months: list[Month] = field(default_factory=list)  # oldest first
    previous: SimpleNamespace | None = None  # year and URL
    next: SimpleNamespace | None = None

    @property
    def count(self) -> int:
        return sum(month.count for month in self.months)

    @property
    def period_num(self) -> tuple[int]:
        return (self.year,)


@dataclass
class Calendar:
    years: list[Year]  # oldest first
    months: list[Month]
    days: list[Day]

    def latest_months(self, n: int) -> list[Month]:
        return self.months[-n:] if n > 0 else []


def site_zone(name: str | None) -> dt.tzinfo:
    return ZoneInfo(name) if name else dt.timezone.utc


def local(value: dt.date, zone: dt.tzinfo) -> dt.date:
    """A datetime in the site's zone (a naive one is taken as already local); a date as it is."""
    return value.astimezone(zone) if isinstance(value, dt.datetime) and value.tzinfo else value


def _link(patterns: dict[str, tuple[str, str]], kind: str, date: dt.date) -> tuple[str, str]:
    url, save_as = patterns[kind]
    return url.format(date=date), save_as.format(date=date)


def _chain(items: Sequence[Any], key: str) -> None:
    """Link neighbours by a small reference (their `key` and URL), not the object itself: a page
    that shows its neighbour's name then holds only that, never the whole chain of periods."""
    for older, newer in zip(items, items[1:]):
        older.next = SimpleNamespace(url=newer.url, **{key: getattr(newer, key)})
        newer.previous = SimpleNamespace(url=older.url, **{key: getattr(older, key)})


def build_calendar(articles: Sequence[Any], zone: dt.tzinfo,
                   patterns: dict[str, tuple[str, str]]) -> Calendar:
    """Group `articles` (any objects with a `.date`) by local year, month and day.

    `patterns` maps "year", "month" and "day" to (URL, save_as) format strings
    taking `date`. Each day's articles are in time order, oldest first (articles
    of the same second in the input's order). Linear in the articles, plus the sort.
    """
    by_day: dict[dt.date, list[tuple[dt.datetime, int, Any]]] = {}
    for position, article in enumerate(articles):
        when = local(article.date, zone)
        by_day.setdefault(when.date(), []).append((when, position, article))
    days: list[Day] = []
    months: list[Month] = []
    years: list[Year] = []
    for date in sorted(by_day):
        entries = sorted(by_day[date], key=lambda e: (e[0], e[1]))
        day = Day(date, *_link(patterns, "day", date), articles=[e[2] for e in entries])
        if not years or years[-1].year != date.year:
            years.append(Year(date.year, *_link(patterns, "year", date)))
        if not months or (months[-1].year, months[-1].month) != (date.year, date.month):
            months.append(Month(date.year, date.month, *_link(patterns, "month", date)))
            years[-1].months.append(months[-1])
        months[-1].days.append(day)
        days.append(day)
    _chain(days, "date")
    _chain(months, "period_num")
    _chain(years, "year")
    return Calendar(years, months, days)


def sitemap_pairs(calendar: Calendar) -> list[tuple[str, dt.datetime]]:
    """(URL, newest article's date) of each written year, month and day page (a day's page 1)."""
    periods = [*((y, y.months[-1].days[-1]) for y in calendar.years),
               *((m, m.days[-1]) for m in calendar.months), *((d, d) for d in calendar.days)]
    return [(period.url, last_day.articles[-1].date) for period, last_day in periods if period.save_as]


def archive_url(patterns: dict[str, tuple[str, str]] | None, kind: str, date: dt.date) -> str:
    """The URL of the year, month or day archive holding `date` ("" without that archive)."""
    if not patterns or not patterns.get(kind, ("", ""))[1]:
        return ""
    return patterns[kind][0].format(date=date)


def whole_days(articles: Sequence[Any], zone: dt.tzinfo, at_least: int) -> tuple[list[Any], dt.date | None]:
    """The newest whole days of `articles` (newest first) holding at least `at_least` articles
    (at least one day, never part of one), and the local date of the next older day (None at the end)."""
    shown: list[Any] = []
    current: dt.date | None = None
    for article in articles:
        day = local(article.date, zone).date()
        if day != current:
            if current is not None and len(shown) >= at_least:
                return shown, day
            current = day
        shown.append(article)
    return shown, None
