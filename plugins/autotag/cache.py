"""Per-article tagging results on disk, keyed by a hash of what they depend on.

The cache is a hint: a file that cannot be read, is not the JSON expected,
or a folder that cannot be written costs one warning and a recomputation,
never the build.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Callable

from seed_converter.atomic import write_hint

FILE = "candidates.json"
RANKED = "ranked.json"  # the site-wide ranking and related articles of the last build, with their inputs' digest
Warn = Callable[..., None]


def cache_key(*parts: object) -> str:
    """A stable hash of `parts` (strings, numbers, lists of them)."""
    data = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def load(folder: Path, warn: Warn | None = None) -> dict:
    """The stored results; nothing (and one warning) when the file is unreadable or not a JSON object."""
    path = folder / FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        if warn:
            warn("autotag: ignoring the tagging cache %s (%s); every article is tagged anew", path, error)
        return {}
    if not isinstance(data, dict):
        if warn:
            warn("autotag: ignoring the tagging cache %s (not a JSON object); every article is tagged anew", path)
        return {}
    good = {key: entry for key, entry in data.items() if valid_entry(entry)}
    if len(good) < len(data) and warn:
        warn("autotag: ignoring %d malformed entries of the tagging cache %s; those articles are tagged anew",
             len(data) - len(good), path)
    return good


def valid_entry(entry: object) -> bool:
    """Whether a stored entry has the shape `extract` gives (else it is recomputed)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("ambiguous"), list):
        return False
    candidates = entry.get("candidates")
    if not isinstance(candidates, dict):
        return False
    for key, value in candidates.items():
        if not (isinstance(value, list) and len(value) == 5 and isinstance(value[0], int)
                and isinstance(value[1], dict) and isinstance(value[2], str)
                and isinstance(value[3], int) and isinstance(value[4], int)
                and all(isinstance(f, str) and isinstance(n, int) for f, n in value[1].items())):
            return False
    return all(isinstance(s, str) for s in entry["ambiguous"])


def save(folder: Path, entries: dict, warn: Warn | None = None) -> None:
    """Write `entries` atomically (a reader sees the old file or the new, never half).

    A folder that cannot be written is warned about once; the build goes on.
    """
    text = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    write_hint(folder / FILE, text, warn,
               "autotag: cannot write the tagging cache %s (%s); the next build tags every article anew")


def load_ranked(folder: Path, digest: str, ids: list[str], warn: Warn | None = None) -> dict | None:
    """The last build's ranking if it was made from the same inputs (`digest`) for these
    article ids, else None; a damaged file costs one warning."""
    path = folder / RANKED
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        if warn:
            warn("autotag: ignoring the ranking cache %s (%s); the site is ranked anew", path, error)
        return None
    if not isinstance(data, dict) or data.get("digest") != digest:
        return None
    if not _valid_ranked(data, ids):
        if warn:
            warn("autotag: ignoring the ranking cache %s (not the shape expected); the site is ranked anew", path)
        return None
    return data


def _valid_ranked(data: dict, ids: list[str]) -> bool:
    results, related = data.get("results"), data.get("related")
    if not isinstance(results, dict) or not isinstance(related, dict) or set(results) != set(ids) \
            or set(related) != set(ids):
        return False
    known = set(ids)

    def names(value) -> bool:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    for value in results.values():
        if not (isinstance(value, list) and len(value) == 3 and names(value[0]) and names(value[1])
                and isinstance(value[2], dict) and all(isinstance(k, str) and isinstance(v, str)
                                                       for k, v in value[2].items())):
            return False
    return all(names(others) and set(others) <= known for others in related.values())


def save_ranked(folder: Path, data: dict, warn: Warn | None = None) -> None:
    write_hint(folder / RANKED, json.dumps(data, ensure_ascii=False, separators=(",", ":")), warn,
               "autotag: cannot write the ranking cache %s (%s); the next build ranks the site anew")
