"""Pelican adapter: give each article with an `Image` a `lead_image` served by the site.

Settings (defaults in DEFAULTS):
  LOCAL_IMAGES           True: download and serve the images; False: hotlink the original URL
  LOCAL_IMAGES_DOWNLOAD  False: use the cache only (an image not in it is left out)
  LOCAL_IMAGES_CACHE     the cache folder (default: CACHE_PATH/images)
  LOCAL_IMAGES_WIDTHS    variant widths in px
  LOCAL_IMAGES_TIMEOUT   seconds per download, LOCAL_IMAGES_BUDGET seconds for all of a build's downloads
  LOCAL_IMAGES_MAX_BYTES, LOCAL_IMAGES_MAX_PIXELS  larger images are refused
  LOCAL_IMAGES_OUTPUT    the folder under the output for the variants
"""

from __future__ import annotations

import filecmp
import logging
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pelican import signals

from seed_converter.atomic import write_atomic

from .cache import ImageCache, sha256
from .fetch import FetchError, fetch, host_of
from .lead import LeadImage
from .variants import ImageError, write_variants

log = logging.getLogger(__name__)

DEFAULTS = {
    "LOCAL_IMAGES": True,
    "LOCAL_IMAGES_DOWNLOAD": True,
    "LOCAL_IMAGES_CACHE": None,
    "LOCAL_IMAGES_WIDTHS": (320, 640, 1280),
    "LOCAL_IMAGES_TIMEOUT": 5.0,
    "LOCAL_IMAGES_BUDGET": 60.0,
    "LOCAL_IMAGES_MAX_BYTES": 15 * 1024 * 1024,
    "LOCAL_IMAGES_MAX_PIXELS": 40_000_000,
    "LOCAL_IMAGES_OUTPUT": "images",
    "LOCAL_IMAGES_WORKERS": 4,
}


def setting(settings, name):
    value = settings.get(name, DEFAULTS[name])
    if name == "LOCAL_IMAGES_CACHE" and not value:
        value = os.path.join(settings.get("CACHE_PATH", "cache"), "images")
    return value


def _positive(value, whole: bool = False) -> bool:
    """`value` a finite number above 0 (with `whole`, an int), not a bool."""
    kinds = int if whole else (int, float)
    return not isinstance(value, bool) and isinstance(value, kinds) and 0 < value < float("inf")


def settings_problem(settings) -> str | None:
    """What is wrong with the first LOCAL_IMAGES_* setting of the wrong type or range, if anything."""
    for name in ("LOCAL_IMAGES", "LOCAL_IMAGES_DOWNLOAD"):
        if not isinstance(setting(settings, name), bool):
            return f"{name}: True or False, not {setting(settings, name)!r}"
    if not _positive(setting(settings, "LOCAL_IMAGES_TIMEOUT")):
        return f"LOCAL_IMAGES_TIMEOUT: a positive number of seconds, not {setting(settings, 'LOCAL_IMAGES_TIMEOUT')!r}"
    budget = setting(settings, "LOCAL_IMAGES_BUDGET")
    if not (_positive(budget) or (type(budget) in (int, float) and budget == 0)):
        return f"LOCAL_IMAGES_BUDGET: a number of seconds (0 or more), not {budget!r}"
    for name in ("LOCAL_IMAGES_MAX_BYTES", "LOCAL_IMAGES_MAX_PIXELS", "LOCAL_IMAGES_WORKERS"):
        if not _positive(setting(settings, name), whole=True):
            return f"{name}: a positive whole number, not {setting(settings, name)!r}"
    widths = setting(settings, "LOCAL_IMAGES_WIDTHS")
    if not isinstance(widths, (list, tuple)) or not widths or not all(_positive(w, whole=True) for w in widths):
        return f"LOCAL_IMAGES_WIDTHS: a list of positive whole numbers (widths in px), not {widths!r}"
    for name in ("LOCAL_IMAGES_CACHE", "LOCAL_IMAGES_OUTPUT"):
        if not isinstance(setting(settings, name), (str, os.PathLike)) or not str(setting(settings, name)):
            return f"{name}: a folder, not {setting(settings, name)!r}"
    return None


def check_settings(pelican) -> None:
    """A bad setting stops the build before anything is read, with one line and no traceback."""
    problem = settings_problem(pelican.settings)
    if problem:
        sys.exit(f"local_images: {problem}")


class Downloader:
    """Downloads within one build's time budget; a host that could not be reached is not asked again."""

    def __init__(self, settings):
        self.timeout = float(setting(settings, "LOCAL_IMAGES_TIMEOUT"))
        self.max_bytes = int(setting(settings, "LOCAL_IMAGES_MAX_BYTES"))
        self.deadline = time.monotonic() + float(setting(settings, "LOCAL_IMAGES_BUDGET"))
        self.down_hosts: set[str] = set()
        self.count = 0
        self.lock = threading.Lock()  # downloads run in worker threads

    def __call__(self, url: str) -> bytes:
        host = host_of(url)
        if host in self.down_hosts:
            raise FetchError(f"{host} could not be reached earlier in this build")
        if time.monotonic() > self.deadline:
            raise FetchError("the build's download time (LOCAL_IMAGES_BUDGET) is used up")
        try:
            data = fetch(url, self.timeout, self.max_bytes)
        except FetchError as error:
            if error.unreachable:
                with self.lock:
                    self.down_hosts.add(host)
            raise
        with self.lock:
            self.count += 1
        return data


def resolve(url: str, cache: ImageCache, download, settings) -> LeadImage:
    """The lead image for `url`: from the cache, or downloaded (when `download` is given), then
    its variants. Raises FetchError or ImageError with the reason."""
    cached = cache.get(url)
    if cached is None:
        if download is None:
            raise FetchError("not in the image cache and LOCAL_IMAGES_DOWNLOAD is off")
        data = download(url)
        digest = sha256(data)
    else:
        digest, data = cached
    widths = tuple(setting(settings, "LOCAL_IMAGES_WIDTHS"))
    max_pixels = int(setting(settings, "LOCAL_IMAGES_MAX_PIXELS"))
    variants = write_variants(data, digest[:20], cache.variants, widths, max_pixels)
    if cached is None:
        cache.put(url, data)  # only verified images are cached
    return LeadImage.local(variants, setting(settings, "LOCAL_IMAGES_OUTPUT"))


def attach_images(generator):
    settings = generator.settings
    articles = [a for a in generator.articles if getattr(a, "image", None)]
    if not setting(settings, "LOCAL_IMAGES"):
        for article in articles:
            article.lead_image = LeadImage.remote(article.image)
        return
    cache = ImageCache(Path(setting(settings, "LOCAL_IMAGES_CACHE")))
    download = Downloader(settings) if setting(settings, "LOCAL_IMAGES_DOWNLOAD") else None
    urls = sorted({a.image for a in articles})

    def one(url):
        try:
            return url, resolve(url, cache, download, settings), None
        except (FetchError, ImageError) as error:
            return url, None, str(error)
        except OSError as error:  # the cache folder is full or not writable
            return url, None, f"the image cache could not be written ({error.strerror or error})"

    with ThreadPoolExecutor(max_workers=int(setting(settings, "LOCAL_IMAGES_WORKERS"))) as pool:
        results = {url: (image, reason) for url, image, reason in pool.map(one, urls)}
    failed = 0
    for article in articles:
        image, reason = results[article.image]
        if image is None:
            failed += 1
            log.warning("local_images: %s: lead image %s left out (%s); the article is shown without an image",
                        article.relative_source_path, article.image, reason)
        article.lead_image = image
    used = {f for image, _ in results.values() if image for f in image.files}
    generator.context["local_image_files"] = sorted(used)
    log.info("local_images: %d images (%d downloaded), %d articles without their image",
             len(urls), download.count if download else 0, failed)


def copy_images(generator, writer):
    """Copy the variants the pages use into the output (after Pelican has emptied it)."""
    files = generator.context.get("local_image_files")
    if not files:
        return
    settings = generator.settings
    source = ImageCache(Path(setting(settings, "LOCAL_IMAGES_CACHE"))).variants
    target = Path(generator.output_path) / setting(settings, "LOCAL_IMAGES_OUTPUT")
    target.mkdir(parents=True, exist_ok=True)
    for name in files:
        place(source / name, target / name)


def place(source: Path, destination: Path) -> None:
    """Copy `source` to `destination` unless the same bytes are there already; either way the
    file counts as written by this build (an incremental build removes what a build left alone)."""
    if destination.exists() and filecmp.cmp(source, destination, shallow=False):
        os.utime(destination)
        return
    write_atomic(destination, source.read_bytes())


def register():
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(attach_images)
    signals.article_writer_finalized.connect(copy_images)
