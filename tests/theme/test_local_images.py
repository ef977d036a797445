"""The image pipeline against a stand-in image host on 127.0.0.1: real JPEG and PNG files,
a non-image, a 404, a slow answer, an oversized image, an unreachable host."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from local_images.adapter import Downloader, resolve
from local_images.cache import ImageCache
from local_images.fetch import FetchError, fetch
from local_images.variants import ImageError, variant_widths
from tests.support.site import build
from tests.theme.sitefixture import ARTICLES, write_content

SETTINGS = {"LOCAL_IMAGES_TIMEOUT": 1.0, "LOCAL_IMAGES_BUDGET": 30.0, "LOCAL_IMAGES_MAX_BYTES": 4_000_000,
            "LOCAL_IMAGES_MAX_PIXELS": 10_000_000, "LOCAL_IMAGES_WIDTHS": (320, 640, 1280)}


def test_variant_widths_never_upscale():
    assert variant_widths(1600, (320, 640, 1280)) == [320, 640, 1280]
    assert variant_widths(700, (1280, 320, 640)) == [320, 640]
    assert variant_widths(200, (320, 640, 1280)) == [200]


def test_variants_of_a_jpeg_and_a_transparent_png(image_host, tmp_path):
    base, _ = image_host
    cache = ImageCache(tmp_path)
    photo = resolve(f"{base}/photo.jpg", cache, Downloader(SETTINGS), SETTINGS)
    assert [s.width for s in photo.sources] == [320, 640, 1280]
    assert (photo.width, photo.height) == (1280, 720)
    for source in photo.sources:
        with Image.open(tmp_path / "variants" / Path(source.webp).name) as webp:
            assert webp.format == "WEBP" and webp.width == source.width
        with Image.open(tmp_path / "variants" / Path(source.jpeg).name) as jpeg:
            assert jpeg.format == "JPEG" and jpeg.size == (source.width, round(900 * source.width / 1600))
    png = resolve(f"{base}/small.png", cache, Downloader(SETTINGS), SETTINGS)
    assert [s.width for s in png.sources] == [200]  # narrower than every width: its own, not upscaled
    with Image.open(tmp_path / "variants" / Path(png.sources[0].jpeg).name) as jpeg:
        assert jpeg.mode == "RGB" and jpeg.getpixel((12, 1)) == pytest.approx((255, 255, 255), abs=8)  # alpha on white


@pytest.mark.parametrize("path, error, reason", [
    ("/missing.jpg", FetchError, "HTTP 404"),
    ("/not-an-image.jpg", ImageError, "not an image"),
    ("/huge.jpg", ImageError, "more than 10000000 pixels"),
])
def test_what_is_not_an_image_is_refused_and_not_cached(image_host, tmp_path, path, error, reason):
    base, _ = image_host
    cache = ImageCache(tmp_path)
    with pytest.raises(error, match=reason):
        resolve(base + path, cache, Downloader(SETTINGS), SETTINGS)
    assert cache.get(base + path) is None


def test_slow_and_oversized_downloads_fail_fast(image_host):
    base, _ = image_host
    start = time.monotonic()
    with pytest.raises(FetchError, match="within 1 s|slower than 1 s"):
        fetch(f"{base}/slow.jpg", timeout=1.0, max_bytes=10_000_000)
    assert time.monotonic() - start < 2.5
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch(f"{base}/photo.jpg", timeout=1.0, max_bytes=1000)
    with pytest.raises(FetchError, match="not an http"):
        fetch("file:///etc/passwd", timeout=1.0, max_bytes=1000)


def test_an_unreachable_host_is_asked_once_per_build():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    download = Downloader(SETTINGS)
    with pytest.raises(FetchError, match="unreachable") as first:
        download(f"http://127.0.0.1:{port}/a.jpg")
    assert first.value.unreachable
    with pytest.raises(FetchError, match="earlier in this build"):
        download(f"http://127.0.0.1:{port}/b.jpg")
    spent = Downloader({**SETTINGS, "LOCAL_IMAGES_BUDGET": 0.0})
    time.sleep(0.01)
    with pytest.raises(FetchError, match="LOCAL_IMAGES_BUDGET"):
        spent(f"http://127.0.0.1:{port}/c.jpg")


def _site(tmp_path: Path, base: str, cache: Path, name: str, **settings):
    articles = [dict(a) for a in ARTICLES]
    articles[0]["Image"] = "{images}/photo.jpg"
    articles[1]["Image"] = "{images}/not-an-image.jpg"
    articles[3]["Image"] = "{images}/missing.jpg"
    content = write_content(tmp_path / name / "content", articles, images=base)
    output = tmp_path / name / "output"
    result = build(content, output, {"LOCAL_IMAGES": True, "LOCAL_IMAGES_DOWNLOAD": True, "LOCAL_IMAGES_CACHE": str(cache),
                                     **SETTINGS, **settings})
    return output, result.stdout + result.stderr


def _page(site, slug):
    return BeautifulSoup((site / f"articles/{slug}.html").read_text(encoding="utf-8"), "html.parser")


def test_site_build_downloads_once_keeps_failures_out_and_is_deterministic(image_host, tmp_path):
    base, hits = image_host
    cache = tmp_path / "cache"
    before = dict(hits)
    first, log = _site(tmp_path, base, cache, "one")
    assert hits["/photo.jpg"] - before.get("/photo.jpg", 0) == 1
    good = _page(first, "nato-wiederholt-angebot-zum-dialog-mit-moskau")
    assert good.select_one("figure.lead-image picture source[type='image/webp']")
    # A failed image: the article is kept, without an image (never a broken one), and the build says so.
    for slug, reason in (("script-angriff-abwehr", "not an image"), ("wahlkampf-in-wien-beginnt", "HTTP 404")):
        assert not _page(first, slug).select("main img"), slug
        assert f"{slug}.md" in log and reason in log, log
    home = BeautifulSoup((first / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(home.select("main img")) == 1 and home.select_one("main img")["alt"] == ""
    # The second build takes every image from the cache: no request reaches the host.
    seen = dict(hits)
    second, _ = _site(tmp_path, base, cache, "two")
    assert hits["/photo.jpg"] == seen["/photo.jpg"]
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert any(str(f).startswith("images/") for f in files)
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
    # Offline with an empty cache: no downloads, the articles shown without images.
    offline, log = _site(tmp_path, base, tmp_path / "empty", "three", LOCAL_IMAGES_DOWNLOAD=False)
    assert not _page(offline, "nato-wiederholt-angebot-zum-dialog-mit-moskau").select("main img")
    assert "LOCAL_IMAGES_DOWNLOAD is off" in log


def test_hotlinking_stays_possible(tmp_path):
    content = write_content(tmp_path / "content", images="https://images.example.org")
    build(content, tmp_path / "output", {"LOCAL_IMAGES": False})
    img = _page(tmp_path / "output", "nato-wiederholt-angebot-zum-dialog-mit-moskau").select_one("figure img")
    assert img["src"] == "https://images.example.org/photo.jpg" and not img.has_attr("srcset")
