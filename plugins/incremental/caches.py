"""Pelican's content cache made safe to keep: per site, written atomically, never fatal.

Pelican (4.12) pickles its reader cache straight into CACHE_PATH/<name>: an
interrupted build leaves half a file, which the next build fails to load with
an error Pelican does not catch (EOFError); the same file serves every site
built with that CACHE_PATH; entries of deleted files are kept for ever; and it
is rewritten on every build. Here the cache lives in the site's own folder
(INCREMENTAL_CACHE_DIR, set by the adapter), is loaded or dropped whole, is
written to a temporary file and renamed, holds only the files this build
asked for, and is written only when something in it changed.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import cache as pelican_cache

from seed_converter.atomic import write_atomic

logger = logging.getLogger(__name__)

_originals = {}


def _init(self, settings, cache_name, caching_policy, load_policy):
    folder = settings.get("INCREMENTAL_CACHE_DIR") or settings["CACHE_PATH"]
    self.settings = settings
    self._cache_path = os.path.join(folder, cache_name)
    self._cache_data_policy = caching_policy
    self._cache_open = open  # uncompressed: gzip costs more than the disk it saves here
    self._cache = {}
    self._used = set()
    self._dirty = False
    self.misses = 0
    if load_policy:
        try:
            with open(self._cache_path, "rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, dict):
                self._cache = loaded
        except FileNotFoundError:
            pass
        except Exception as error:  # a cache is only a hint: any damage means reading again
            logger.warning("Ignoring the unreadable cache %s (%s); reading every file again.",
                           self._cache_path, type(error).__name__)


def _cache_data(self, filename, data):
    if self._cache_data_policy:
        self._cache[filename] = data
        self._used.add(filename)
        self._dirty = True


def _get_cached_data(self, filename, default=None):
    self._used.add(filename)
    return self._cache.get(filename, default)


def _stamped_get(self, filename, default=None):
    stamp, data = pelican_cache.FileDataCacher.get_cached_data(self, filename, (None, default))
    if stamp != self._get_file_stamp(filename):
        self.misses += 1
        return default
    return data


def _save_cache(self):
    if not self._cache_data_policy:
        return
    stale = self._cache.keys() - self._used
    if not self._dirty and not stale:
        return
    for key in stale:
        del self._cache[key]
    try:
        write_atomic(Path(self._cache_path), pickle.dumps(self._cache, protocol=pickle.HIGHEST_PROTOCOL))
        self._dirty = False
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
        logger.warning("Could not save the cache %s: %s", self._cache_path, error)


def install() -> None:
    data = pelican_cache.FileDataCacher
    stamped = pelican_cache.FileStampDataCacher
    if _originals:
        return
    _originals.update(init=data.__init__, save=data.save_cache)
    data.__init__ = _init
    data.cache_data = _cache_data
    data.get_cached_data = _get_cached_data
    data.save_cache = _save_cache
    stamped.get_cached_data = _stamped_get


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates (keyed by each template's source), written
    with the project's atomic write, so its files get the mode every other file gets."""

    def dump_bytecode(self, bucket) -> None:
        data = io.BytesIO()
        bucket.write_bytecode(data)
        write_atomic(Path(self._get_cache_filename(bucket)), data.getvalue())
