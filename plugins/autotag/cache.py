"""Per-article tagging results on disk, keyed by a hash of what they depend on."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from seed_converter.atomic import write_atomic

FILE = "candidates.json"


def cache_key(*parts: object) -> str:
    """A stable hash of `parts` (strings, numbers, lists of them)."""
    data = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def load(folder: Path) -> dict:
    """The stored results, or nothing when the file is missing or unreadable."""
    try:
        data = json.loads((folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(folder: Path, entries: dict) -> None:
    """Write `entries` atomically (a reader sees the old file or the new, never half)."""
    text = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    write_atomic(folder / FILE, text)
