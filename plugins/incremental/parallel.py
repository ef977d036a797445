"""Read the files a build has to read in worker processes, before Pelican's own (serial) loop.

Pelican reads articles one after the other. When many files miss the reader
cache (a full build, a first build), this reads them in forked workers with
the same readers and puts the results in the reader cache, where Pelican's
loop then finds them: the same (content, metadata) as reading in place, so
the same site. Reading errors are left to Pelican (the file is read again
there and reported as usual).

Settings: INCREMENTAL_WORKERS (None: one per CPU; 1: no workers),
INCREMENTAL_PARALLEL_MIN files to read before workers pay (default 400).
"""

from __future__ import annotations

import logging
import multiprocessing
import os

from pelican import readers as pelican_readers
from pelican.utils import file_suffix

logger = logging.getLogger(__name__)
_worker_readers = None


def _read(path: str):
    try:
        reader = _worker_readers.readers[file_suffix(path)]
        content, metadata = reader.read(path)
        return path, content, pelican_readers._filter_discardable_metadata(metadata)
    except Exception:  # noqa: BLE001 - Pelican reads it again and says what is wrong
        return path, None, None


def settings_problem(settings: dict) -> str | None:
    """What is wrong with INCREMENTAL_WORKERS, INCREMENTAL_PARALLEL_MIN or
    INCREMENTAL_RENDER_MIN (rendering.py's), if anything."""
    workers = settings.get("INCREMENTAL_WORKERS")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        return f"INCREMENTAL_WORKERS: a positive whole number or None (one per core), not {workers!r}"
    for key, what in (("INCREMENTAL_PARALLEL_MIN", "files"), ("INCREMENTAL_RENDER_MIN", "articles")):
        least = settings.get(key, 400)
        if isinstance(least, bool) or not isinstance(least, int) or least < 0:
            return f"{key}: a whole number of {what} (0 or more), not {least!r}"
    return None


def worker_count(settings: dict) -> int:
    """The processes INCREMENTAL_WORKERS asks for (one per CPU by default); 1 where Python cannot fork."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return settings.get("INCREMENTAL_WORKERS") or os.cpu_count() or 1


def read_ahead(generator) -> int:
    """Fill `generator.readers`' cache for the articles that miss it; the number read ahead."""
    settings = generator.settings
    readers = generator.readers
    if not getattr(readers, "_cache_data_policy", False):
        return 0
    workers = worker_count(settings)
    if workers < 2:
        return 0
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    missing = []
    for name in sorted(files):
        path = os.path.abspath(os.path.join(generator.path, name))
        if file_suffix(path) in readers.readers and readers.get_cached_data(path, None) is None:
            missing.append(path)
    readers.misses = 0  # Pelican's own loop counts what is still missing
    if len(missing) < settings.get("INCREMENTAL_PARALLEL_MIN", 400):
        return 0
    print(f"Reading {len(missing):,} files in {workers} processes …", flush=True)
    global _worker_readers
    _worker_readers = readers
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            read = 0
            for path, content, metadata in pool.imap_unordered(_read, missing, chunksize=32):
                if metadata is not None:
                    readers.cache_data(path, (content, metadata))
                    read += 1
    finally:
        _worker_readers = None
    readers.misses = read
    return read
