"""S3 uploads against moto: the prefix is a folder, and every object gets its type and caching."""

from __future__ import annotations

import boto3
import pytest
from moto import mock_aws

from publishing.precompress import precompress
from publishing.s3 import LONG_CACHE, SHORT_CACHE, sync

NEIGHBOURS = {"blog-archive/index.html": b"another site", "blogindex.html": b"another page",
              "blog-archive/old.html": b"old"}


@pytest.fixture
def client(monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "test")
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="site-bucket")
        for key, body in NEIGHBOURS.items():
            s3.put_object(Bucket="site-bucket", Key=key, Body=body)
        yield s3


@pytest.fixture
def site(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "feeds").mkdir()
    (tmp_path / "index.html").write_text("<p>Übersicht</p>" * 40, encoding="utf-8")
    (tmp_path / "feeds" / "all.atom.xml").write_text("<feed/>" * 60)
    (tmp_path / "search" / "search-page.0123456789ab.js").write_text("var a;" * 60)
    (tmp_path / "robots.txt").write_text("User-agent: *\n")
    precompress(tmp_path)
    return tmp_path


def keys(client) -> dict[str, bytes]:
    listing = client.list_objects_v2(Bucket="site-bucket").get("Contents", [])
    return {o["Key"]: client.get_object(Bucket="site-bucket", Key=o["Key"])["Body"].read() for o in listing}


@pytest.mark.parametrize("prefix", ["blog", "blog/", "/blog/"])
def test_a_prefix_is_a_folder_and_nothing_beside_it_is_touched(client, site, prefix):
    client.put_object(Bucket="site-bucket", Key="blog/stale.html", Body=b"stale")
    client.put_object(Bucket="site-bucket", Key="blog/index.html.gz", Body=b"an earlier upload's copy")
    changes = sync(site, client, "site-bucket", prefix)
    assert changes.deleted == ["index.html.gz", "stale.html"]
    stored = keys(client)
    assert {k: v for k, v in stored.items() if not k.startswith("blog/")} == NEIGHBOURS
    assert sorted(k for k in stored if k.startswith("blog/")) == [
        "blog/feeds/all.atom.xml", "blog/index.html", "blog/robots.txt", "blog/search/search-page.0123456789ab.js"]
    assert sync(site, client, "site-bucket", prefix).lines() == []


def test_objects_get_their_type_and_cache_policy_and_no_compressed_twins(client, site):
    sync(site, client, "site-bucket", "site")
    expected = {
        "site/index.html": ("text/html; charset=utf-8", SHORT_CACHE),
        "site/feeds/all.atom.xml": ("application/atom+xml", SHORT_CACHE),
        "site/robots.txt": ("text/plain; charset=utf-8", SHORT_CACHE),
        "site/search/search-page.0123456789ab.js": ("text/javascript; charset=utf-8", LONG_CACHE),
    }
    for key, (kind, cache) in expected.items():
        head = client.head_object(Bucket="site-bucket", Key=key)
        assert (head["ContentType"], head["CacheControl"]) == (kind, cache)
        assert "ContentEncoding" not in head
    assert not [k for k in keys(client) if k.endswith((".gz", ".br"))]
