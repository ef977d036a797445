"""Stable pagination: numbered pages are counted from the oldest article.

Pelican numbers pages from the newest, so one new article moves every article
of a list one place on and changes every one of its pages. Here a list of n
items (newest first) with p per page has k = max(1, n // p) pages:

- pages 1 .. k-1 hold exactly p items each, counted from the oldest (page 1
  the oldest p); their URLs come from the pagination pattern for page 2 and
  up (`tag/wien/3/`), and they never change while older items stay;
- the first page, at the list's own URL (`tag/wien.html`), holds the newest
  n - (k-1)·p items (p to 2p-1 of them once the list has p), and is number k.

A new article changes the first page only, until the first page has 2p items
and splits into a new numbered page k and a first page of p: then page k-1's
link to newer items changes too. The writer renders pages newest first, as
with Pelican's paginator, so `previous` is newer and `next` older.
"""

from __future__ import annotations

import functools

from pelican import paginator as pelican_paginator


def page_count(count: int, per_page: int) -> int:
    return max(1, count // per_page) if per_page else 1


def page_slice(count: int, per_page: int, position: int) -> tuple[int, int]:
    """[start, stop) in the newest-first list of the page rendered at `position` (1 = first page)."""
    pages = page_count(count, per_page)
    if pages == 1:
        return 0, count
    newest = count - (pages - 1) * per_page  # items on the first page
    if position == 1:
        return 0, newest
    start = newest + (position - 2) * per_page
    return start, start + per_page


class StablePaginator(pelican_paginator.Paginator):
    """Pelican's Paginator with pages counted from the oldest (see the module docstring).

    `page(position)` takes the writer's position (1 = the list's first page,
    newest items) and gives a page whose `number` is its stable number."""

    def page(self, number):
        position = number
        start, stop = page_slice(self.count, self.per_page, position)
        return StablePage(self.name, self.url, self.object_list[start:stop], position, self, self.settings)

    def _get_num_pages(self):
        if self._num_pages is None:
            self._num_pages = page_count(self.count, self.per_page)
        return self._num_pages

    num_pages = property(_get_num_pages)


class StablePage(pelican_paginator.Page):
    """A page whose `number` counts from the oldest page (1); the first page is number `num_pages`.
    `position` is its place in the writer's order, newest first."""

    def __init__(self, name, url, object_list, position, paginator, settings):
        pages = paginator.num_pages
        super().__init__(name, url, object_list, pages + 1 - position if position > 1 else pages,
                         paginator, settings)
        self.position = position
        self.is_first = position == 1

    def __repr__(self):
        return f"<StablePage {self.number} at position {self.position} of {self.paginator.num_pages}>"

    def has_previous(self):  # a newer page
        return self.position > 1

    def has_next(self):  # an older page
        return self.position < self.paginator.num_pages

    def previous_page_number(self):
        return self.paginator.num_pages if self.position == 2 else self.number + 1

    def next_page_number(self):
        return self.number - 1

    def start_index(self):
        if self.paginator.count == 0:
            return 0
        return page_slice(self.paginator.count, self.paginator.per_page, self.position)[0] + 1

    def end_index(self):
        return page_slice(self.paginator.count, self.paginator.per_page, self.position)[1]

    def _from_settings(self, key):
        """The first page takes the pattern for page 1; a numbered page, page 1 included,
        the pattern it would take as page max(2, number), formatted with its own number."""
        return _format_rule(self, key, 1 if self.is_first else max(2, self.number))

    url = property(functools.partial(_from_settings, key="URL"))
    save_as = property(functools.partial(_from_settings, key="SAVE_AS"))


def _format_rule(page: StablePage, key: str, rule_number: int) -> str:
    """Pelican's Page._from_settings with the rule chosen for `rule_number`."""
    rule = None
    for pattern in page.settings["PAGINATION_PATTERNS"]:
        if pattern.min_page == -1:
            if not page.has_next():
                rule = pattern
                break
        elif pattern.min_page <= rule_number:
            rule = pattern
    if rule is None:
        return ""
    value = getattr(rule, key)
    context = {"save_as": page.full_name, "url": page.base_url, "name": page.name,
               "base_name": page.base_name, "extension": page.extension, "number": page.number}
    text = value.format(**context)
    return text[1:] if text.startswith("/") else text
