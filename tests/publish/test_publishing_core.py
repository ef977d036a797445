import gzip
import subprocess
from datetime import datetime, timezone

import brotli
import pytest

from publishing.changes import compare, git_blob_id, local_digests, md5_hex
from publishing.precompress import MIN_SIZE, precompress
from publishing.s3 import LONG_CACHE, SHORT_CACHE, cache_control, content_type, folder_prefix
from scaffold.article import new_slug, render
from site_check.content import check_content


def test_precompress_writes_deterministic_gz_and_br_beside_text_files(tmp_path):
    page = ("<p>Nachrichten</p>" * 40).encode()
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_bytes(page)
    (tmp_path / "tiny.css").write_bytes(b"p{}")
    (tmp_path / "photo.jpg").write_bytes(b"x" * (MIN_SIZE * 2))
    written = precompress(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["a/index.html.gz", "a/index.html.br"]
    assert gzip.decompress((tmp_path / "a/index.html.gz").read_bytes()) == page
    assert brotli.decompress((tmp_path / "a/index.html.br").read_bytes()) == page
    first = local_digests(tmp_path, md5_hex)
    precompress(tmp_path)
    assert local_digests(tmp_path, md5_hex) == first


def test_compare_lists_added_changed_and_deleted_paths():
    changes = compare({"a": "1", "b": "2", "c": "3"}, {"b": "2", "c": "x", "d": "4"})
    assert (changes.added, changes.changed, changes.deleted) == (["a"], ["c"], ["d"])
    assert changes.lines() == ["add     a", "update  c", "delete  d"]
    assert changes.summary() == "1 to add, 1 to update, 1 to delete"


def test_git_blob_id_is_what_git_computes(tmp_path):
    data = "Grüße\n".encode()
    (tmp_path / "f").write_bytes(data)
    expected = subprocess.run(["git", "hash-object", str(tmp_path / "f")], capture_output=True,
                              text=True, check=True).stdout.strip()
    assert git_blob_id(data) == expected


@pytest.mark.parametrize("path, kind", [
    ("index.html", "text/html; charset=utf-8"), ("feeds/all.atom.xml", "application/atom+xml"),
    ("feeds/tag/wien.rss.xml", "application/rss+xml"), ("sitemap.xml", "application/xml"),
    ("theme/css/digest.css", "text/css; charset=utf-8"),
    ("search/search-page.0123456789ab.js", "text/javascript; charset=utf-8"),
    ("search/de/store.0123456789ab.json", "application/json"), ("robots.txt", "text/plain; charset=utf-8"),
    ("images/a.JPG", "image/jpeg"), ("images/a.webp", "image/webp"), ("fonts/a.woff2", "font/woff2"),
    ("favicon.svg", "image/svg+xml"), ("noextension", "application/octet-stream"),
])
def test_content_types(path, kind):
    assert content_type(path) == kind


@pytest.mark.parametrize("path, policy", [
    ("search/search-page.0123456789ab.js", LONG_CACHE), ("search/de/0.abcdef012345.json", LONG_CACHE),
    ("index.html", SHORT_CACHE), ("feeds/all.atom.xml", SHORT_CACHE), ("theme/css/digest.css", SHORT_CACHE),
    ("archives/20221231.html", SHORT_CACHE), ("a.0123456789ab.html", SHORT_CACHE),
])
def test_cache_control(path, policy):
    assert cache_control(path) == policy


@pytest.mark.parametrize("given, folder", [("", ""), ("/", ""), ("blog", "blog/"), ("blog/", "blog/"),
                                           ("/a/b/", "a/b/")])
def test_the_s3_prefix_is_a_folder(given, folder):
    assert folder_prefix(given) == folder


@pytest.mark.parametrize("given", ["a//b", "../x", "a/./b"])
def test_odd_s3_prefixes_are_refused(given):
    with pytest.raises(ValueError, match="folder names"):
        folder_prefix(given)


def test_scaffolded_article_has_the_required_metadata(tmp_path):
    slug = new_slug("Gespräche über Öl", {"gespraeche-ueber-oel"})
    assert slug == "gespraeche-ueber-oel-2"
    date = datetime(2026, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
    text = render("Gespräche # über Öl", slug, date, "de", "DW", "Ein *Vorspann*.")
    (tmp_path / f"{slug}.md").write_text(text)
    assert check_content(tmp_path) == []
    assert "Date: 2026-03-04T05:06:07+00:00\n" in text
    with pytest.raises(ValueError):
        new_slug("!!!", set())


def test_a_scaffold_without_source_and_summary_fails_the_check_until_filled_in(tmp_path):
    date = datetime(2026, 3, 4, tzinfo=timezone.utc)
    (tmp_path / "t.md").write_text(render("T", "t", date, "de", "", ""))
    assert [p.message for p in check_content(tmp_path)] == [
        "missing metadata: Source", "missing metadata: Summary"]
