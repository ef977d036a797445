"""Dates in the site's language, without the process-wide `locale` (which builds must not depend on)."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
WEEKDAYS_SHORT = {
    "de": ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
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


def clock(value: dt.datetime) -> str:
    """`14:32`: the time of day, 24-hour, in both languages (news style under a day heading)."""
    return f"{value.hour:02d}:{value.minute:02d}"


# {0} the long date, {1} the time of day.
DATE_TIME = {"de": "{0}, {1} Uhr", "en": "{0}, {1}"}


def date_time(value: dt.datetime, lang: str) -> str:
    """`7. Januar 2022, 14:51 Uhr`; `7 January 2022, 14:51`: where no day heading stands above."""
    return DATE_TIME[_lang(lang)].format(long_date(value, lang), clock(value))


def weekdays_short(lang: str) -> list[str]:
    return WEEKDAYS_SHORT[_lang(lang)]


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


OG_LOCALES = {"de": "de_DE", "en": "en_US", "fr": "fr_FR", "es": "es_ES", "it": "it_IT", "nl": "nl_NL"}


def og_locale(lang: str) -> str:
    """Open Graph's `language_TERRITORY` for a language code (`de` -> `de_DE`, `en-GB` -> `en_GB`);
    a bare unknown code as it is."""
    parts = (lang or "de").replace("_", "-").split("-")
    if len(parts) > 1 and parts[1]:
        return f"{parts[0].lower()}_{parts[1].upper()}"
    return OG_LOCALES.get(parts[0].lower(), parts[0].lower())
