"""The one rule for article dates, shared by `make check` and the build (plugins/fast_markdown).

Pelican's reader takes nearly any string dateutil can parse, but the build
then needs an offset within ±24 hours and a date that converts to UTC and to
a timestamp (sorting, feeds); `+25:00` or year 9999 just before midnight pass
the reader and stop the whole build later. `usable_date` refuses those while
the file is being read, so the build names the file, and `make check` reports
the same dates by file and line.
"""

from __future__ import annotations

from datetime import datetime, timezone

DATE_FIELDS = ("date", "modified")


def usable_date(date: datetime, value: str, name: str = "date") -> datetime:
    """`date` (read from `value`) when the build can use it, else a ValueError saying why."""
    try:
        if date.tzinfo is not None:
            date.utcoffset()
            date.astimezone(timezone.utc)
        date.timestamp()
    except (ValueError, OverflowError) as error:
        raise ValueError(f"{name.capitalize()} {value!r} cannot be used: {error}") from None
    return date


def read_date(value: str, name: str = "date") -> datetime:
    """The date Pelican reads from `value`, checked as the build checks it; ValueError if unusable."""
    from pelican.utils import get_date

    try:
        date = get_date(value)
    except (ValueError, OverflowError):
        raise ValueError(f"{name.capitalize()} is not a date: {value!r}") from None
    return usable_date(date, value, name)
