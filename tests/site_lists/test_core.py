"""The pure cores of site_lists (one-pass lists, stable pages, sitemaps) and the bounded related index."""

from __future__ import annotations

import datetime as dt
import math
from itertools import groupby

from hypothesis import given, settings, strategies as st

from autotag.related import CHOICES, related
from site_lists.lists import in_order, period_groups, positions
from site_lists.paging import page_count, page_slice
from site_lists.sitemap import Entry, sitemap_files


class Item:
    def __init__(self, day: int):
        self.day = day

    def __repr__(self):
        return f"Item({self.day})"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 6), max_size=30), st.data())
def test_one_pass_lists_equal_pelicans_scans(days, data):
    items = [Item(d) for d in days]
    dates = sorted(items, key=lambda i: i.day)
    members = data.draw(st.lists(st.sampled_from(items), max_size=10)) if items else []
    assert in_order(members, positions(dates)) == [a for a in dates if a in members]
    key = lambda i: i.day // 2  # noqa: E731
    naive = [(period, list(group)) for period, group in groupby(dates, key=key)]
    got = period_groups(dates, items, key)
    assert [(p, d) for p, d, _ in got] == naive
    assert [a for _, _, a in got] == [[a for a in items if a in group] for _, group in naive]


@given(st.integers(0, 200), st.integers(1, 25))
def test_pages_hold_every_item_once_in_order(count, per_page):
    pages = page_count(count, per_page)
    slices = [page_slice(count, per_page, position) for position in range(1, pages + 1)]
    assert [i for start, stop in slices for i in range(start, stop)] == list(range(count))
    if count >= per_page:
        assert per_page <= slices[0][1] - slices[0][0] < 2 * per_page
        assert all(stop - start == per_page for start, stop in slices[1:])


@given(st.integers(0, 200), st.integers(1, 25))
def test_a_new_item_leaves_the_numbered_pages_as_they_were(count, per_page):
    """Items are newest first; numbered page c (from the oldest) holds the same items after one more."""
    def numbered(n):
        pages = page_count(n, per_page)
        # item i of n (newest first) is item n-1-i counted from the oldest
        return {pages + 1 - position: {n - 1 - i for i in range(*page_slice(n, per_page, position))}
                for position in range(2, pages + 1)}
    before, after = numbered(count), numbered(count + 1)
    assert all(after[number] == items for number, items in before.items())
    assert len(after) - len(before) in (0, 1)


def test_sitemaps_split_at_the_limit_behind_an_index():
    when = dt.datetime(2022, 1, 7, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    entries = [Entry(f"/a/{i}.html", when + dt.timedelta(days=i)) for i in range(5)]
    assert [path for path, _ in sitemap_files(entries, 5, "sitemap.xml", "sitemap-{number}.xml", "")] \
        == ["sitemap.xml"]
    files = dict(sitemap_files(entries, 2, "sitemap.xml", "sitemap-{number}.xml", "https://x.org"))
    assert list(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    assert files["sitemap-3.xml"].count("<url>") == 1
    index = files["sitemap.xml"]
    assert index.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex ')
    assert "<sitemap><loc>https://x.org/sitemap-2.xml</loc><lastmod>2022-01-10T09:00:00+01:00</lastmod>" \
           "</sitemap>" in index


def test_sitemap_escapes_urls():
    (_, text), = sitemap_files([Entry("/tag/a&b<.html")], 10, "sitemap.xml", "s-{number}.xml", "")
    assert "<loc>/tag/a&amp;b&lt;.html</loc>" in text


def _unbounded(tags, limit):
    return related(tags, limit, window=10**9)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdef"), max_size=4), max_size=12))
def test_related_with_a_window_wider_than_every_tag_is_the_full_index(tag_lists):
    tags = {f"id{i}": names for i, names in enumerate(tag_lists)}
    assert related(tags, 3, window=len(tags)) == _unbounded(tags, 3)


def test_related_looks_only_at_a_tags_nearest_articles():
    tags = {f"id{i}": ["common"] for i in range(10)}  # oldest first
    tags["id9"] = ["common", "rare"]
    tags["id0"] = ["common", "rare"]
    # unbounded, the two rare-tag holders find each other across the whole list
    assert _unbounded(tags, 1)["id0"] == ["id9"]
    assert _unbounded(tags, 1)["id9"] == ["id0"]
    # bounded to the 2 older articles of each tag, `rare`'s two holders still do (the tag is small) ...
    assert related(tags, 1, window=2)["id0"] == ["id9"]
    assert related(tags, 1, window=2)["id9"] == ["id0"]
    # ... while `common` links id5 only to its neighbours: the two before it, the two after it that chose it
    assert set(related(tags, 9, window=2)["id5"]) == {"id3", "id4", "id6", "id7"}
    assert math.isfinite(len(related({}, 3)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdefg"), max_size=4), min_size=1, max_size=40),
       st.lists(st.sampled_from("abcdefg"), max_size=4), st.integers(1, 4))
def test_a_new_article_changes_the_related_lists_of_a_bounded_few(tag_lists, new_tags, limit):
    tags = {f"id{i}": names for i, names in enumerate(tag_lists)}
    before = related(tags, limit, window=5)
    after = related({**tags, "new": new_tags}, limit, window=5)
    changed = {key for key in before if after[key] != before[key]}
    assert len(changed) <= CHOICES * limit
    # only the lists the new article entered, and it entered them
    assert all("new" in after[key] for key in changed)
