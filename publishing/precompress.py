"""Precompressed copies (.gz, .br) beside text files, for servers that serve them as they are.

Deterministic: the same file always gives the same bytes (gzip with mtime 0 and
no file name), so rebuilding an unchanged site uploads nothing new.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
MIN_SIZE = 256  # smaller files gain nothing once headers are counted


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes) -> bytes:
    return brotli.compress(data, quality=11)


def precompress(site_dir: Path) -> list[Path]:
    """Write `x.gz` and `x.br` beside each text file `x` of `site_dir`; return the files written."""
    written = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file() and p.suffix in SUFFIXES):
        data = path.read_bytes()
        if len(data) < MIN_SIZE:
            continue
        for suffix, compress in ((".gz", gzip_bytes), (".br", brotli_bytes)):
            target = path.with_name(path.name + suffix)
            target.write_bytes(compress(data))
            written.append(target)
    return written
