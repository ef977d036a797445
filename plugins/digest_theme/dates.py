"""Dates in the site's language, without the process-wide `locale` (which builds must not depend on)."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
WEEKDAYS = {
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


def _lang(lang: str) -> str:
    base = (lang or "").replace("_", "-").split("-")[0].lower()
    return base if base in MONTHS else "de"


# {0} day, {1} month name, {2} year; the search page fills the same pattern (search.html).
LONG_DATE = {"de": "{0}. {1} {2}", "en": "{0} {1} {2}"}


def long_date_pattern(lang: str) -> str:
    return LONG_DATE[_lang(lang)]


def long_date(value: dt.date, lang: str) -> str:
    """`7. Januar 2022` in German, `7 January 2022` in English."""
    return long_date_pattern(lang).format(value.day, month_name(value.month, lang), value.year)


def day_heading(value: dt.date, lang: str) -> str:
    """`Freitag, 7. Januar 2022`: the heading of one day on the digest."""
    return f"{WEEKDAYS[_lang(lang)][value.weekday()]}, {long_date(value, lang)}"


def month_name(month: int, lang: str) -> str:
    return MONTHS[_lang(lang)][month - 1]


def period_title(period_num: tuple, lang: str) -> str:
    """Title of a year, month or day archive from Pelican's `period_num` (year[, month[, day]])."""
    if len(period_num) == 1:
        return str(period_num[0])
    if len(period_num) == 2:
        return f"{month_name(period_num[1], lang)} {period_num[0]}"
    return long_date(dt.date(*period_num), lang)
