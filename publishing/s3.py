"""`make s3_upload`: mirror the site into an S3-compatible bucket with boto3.

Files are compared by MD5 with the objects' ETags (single-part uploads, so the
ETag is the MD5), not by time: a rebuilt but unchanged site uploads nothing.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from .changes import Changes, compare, local_digests, md5_hex

ENCODED_TYPES = {"gzip": "application/gzip", "br": "application/x-brotli"}


def content_type(path: str) -> str:
    """The Content-Type to store: a precompressed copy is stored as a compressed file."""
    kind, encoding = mimetypes.guess_type(path)
    if encoding:
        return ENCODED_TYPES.get(encoding, "application/octet-stream")
    return kind or "application/octet-stream"


def remote_etags(client, bucket: str, prefix: str = "") -> dict[str, str]:
    """MD5 (the ETag) of every object under `prefix`, by its key without the prefix."""
    etags = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            etags[item["Key"][len(prefix):]] = item["ETag"].strip('"')
    return etags


def sync(site_dir: Path, client, bucket: str, prefix: str = "", dry_run: bool = False) -> Changes:
    """Upload new and changed files, delete objects the site no longer has; return the changes."""
    changes = compare(local_digests(site_dir, md5_hex), remote_etags(client, bucket, prefix))
    if dry_run:
        return changes
    for path in changes.added + changes.changed:
        client.put_object(Bucket=bucket, Key=prefix + path, Body=(site_dir / path).read_bytes(),
                          ContentType=content_type(path))
    for start in range(0, len(changes.deleted), 1000):  # DeleteObjects takes at most 1000 keys
        keys = [{"Key": prefix + p} for p in changes.deleted[start:start + 1000]]
        client.delete_objects(Bucket=bucket, Delete={"Objects": keys, "Quiet": True})
    return changes
