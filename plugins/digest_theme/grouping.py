"""Pure helpers over lists of dated items (Pelican articles or any object with `.date`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Sequence


def group_by_day(items: Sequence[Any], zone: dt.tzinfo | None = None) -> list[tuple[dt.date, list[Any]]]:
    """Consecutive runs of items sharing a calendar day (in `zone`, else the items' own zone), order kept."""
    groups: list[tuple[dt.date, list[Any]]] = []
    for item in items:
        when = item.date.astimezone(zone) if zone and item.date.tzinfo else item.date
        day = when.date()
        if groups and groups[-1][0] == day:
            groups[-1][1].append(item)
        else:
            groups.append((day, [item]))
    return groups


def neighbours(items: Sequence[Any]) -> list[tuple[Any, Any, Any]]:
    """(item, previous, next) for each item of a list; ends get None."""
    return [
        (item, items[i - 1] if i > 0 else None, items[i + 1] if i + 1 < len(items) else None)
        for i, item in enumerate(items)
    ]
