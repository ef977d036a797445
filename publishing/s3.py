"""`make s3_upload`: mirror the site into an S3-compatible bucket with boto3.

Files are compared by MD5 with the objects' ETags (single-part uploads, so the
ETag is the MD5), not by time: a rebuilt but unchanged site uploads nothing.

- The prefix is a folder: `blog` and `blog/` both mean the keys under `blog/`.
  Only keys under it are listed, compared or deleted, so `blog-archive/` or
  `blogindex.html` beside it are never touched.
- Every object gets its Content-Type (text with `charset=utf-8`) and a
  Cache-Control: a year and `immutable` for content-hashed files
  (`name.<12+ hex digits>.ext`, which change name when they change), five
  minutes for pages, feeds, the sitemap and plain-named assets.
- Precompressed copies (`x.gz`, `x.br` beside `x`) are left out: S3 serves one
  body per key whatever the browser accepts, so a CDN in front compresses
  instead. Copies an earlier upload stored are deleted like any other stale key.
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path, PurePosixPath

from .changes import Changes, compare, local_digests, md5_hex

LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=300"
PRECOMPRESSED = (".gz", ".br")
_HASHED_NAME = re.compile(r"[^/]*\.[0-9a-f]{12,64}\.[A-Za-z0-9]+")
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/vnd.microsoft.icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".webmanifest": "application/manifest+json",
    ".pdf": "application/pdf",
}
_FEEDS = {".atom.xml": "application/atom+xml", ".rss.xml": "application/rss+xml"}
# Python's built-in table only (never the machine's /etc/mime.types), so every machine uploads alike.
_BUILT_IN = mimetypes.MimeTypes()


def folder_prefix(prefix: str) -> str:
    """`prefix` as a folder of keys: "" (the whole bucket) or "a/b/"; ValueError for `..` and the like."""
    stripped = prefix.strip("/")
    if not stripped:
        return ""
    parts = stripped.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise ValueError(f"S3 prefix {prefix!r}: use folder names separated by single slashes, "
                         "without . or ..")
    return stripped + "/"


def content_type(path: str) -> str:
    """The Content-Type to store for a site file."""
    name = PurePosixPath(path).name.lower()
    for ending, kind in _FEEDS.items():
        if name.endswith(ending):
            return kind
    suffix = PurePosixPath(name).suffix
    if suffix in _TYPES:
        return _TYPES[suffix]
    kind, encoding = _BUILT_IN.guess_type(name, strict=False)
    if kind and not encoding:
        return kind + ("; charset=utf-8" if kind.startswith("text/") else "")
    return "application/octet-stream"


def cache_control(path: str) -> str:
    """Long and immutable for content-hashed files, short for pages, feeds and everything else."""
    name = PurePosixPath(path).name
    if name.endswith((".html", ".xml")) or not _HASHED_NAME.fullmatch(name):
        return SHORT_CACHE
    return LONG_CACHE


def upload_digests(site_dir: Path) -> dict[str, str]:
    """MD5 of every file to upload, by its path in the site; precompressed copies left out."""
    digests = local_digests(site_dir, md5_hex)
    return {path: digest for path, digest in digests.items()
            if not (path.endswith(PRECOMPRESSED) and path[:-3] in digests)}


def remote_etags(client, bucket: str, prefix: str = "") -> dict[str, str]:
    """MD5 (the ETag) of every object under the folder `prefix`, by its key without the prefix."""
    etags = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            if item["Key"].startswith(prefix):
                etags[item["Key"][len(prefix):]] = item["ETag"].strip('"')
    return etags


def sync(site_dir: Path, client, bucket: str, prefix: str = "", dry_run: bool = False) -> Changes:
    """Upload new and changed files, delete objects the site no longer has; return the changes."""
    prefix = folder_prefix(prefix)
    changes = compare(upload_digests(site_dir), remote_etags(client, bucket, prefix))
    if dry_run:
        return changes
    for path in changes.added + changes.changed:
        client.put_object(Bucket=bucket, Key=prefix + path, Body=(site_dir / path).read_bytes(),
                          ContentType=content_type(path), CacheControl=cache_control(path))
    for start in range(0, len(changes.deleted), 1000):  # DeleteObjects takes at most 1000 keys
        keys = [{"Key": prefix + p} for p in changes.deleted[start:start + 1000]]
        client.delete_objects(Bucket=bucket, Delete={"Objects": keys, "Quiet": True})
    return changes
