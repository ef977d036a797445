import gzip
import subprocess
from datetime import datetime, timezone

import brotli
import pytest

from publishing.changes import compare, git_blob_id, local_digests, md5_hex
from publishing.precompress import MIN_SIZE, precompress
from publishing.s3 import content_type
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
    ("index.html", "text/html"), ("feeds/all.atom.xml", "application/xml"),
    ("index.html.gz", "application/gzip"), ("index.html.br", "application/x-brotli"),
    ("noextension", "application/octet-stream"),
])
def test_content_types(path, kind):
    assert content_type(path) == kind


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
