"""The record of the last build: its keys and, per output page, what it was rendered from."""

from __future__ import annotations

import json
from pathlib import Path

from seed_converter.atomic import write_atomic

VERSION = 2


def load(path: Path) -> dict:
    """The stored manifest, or an empty one when it is missing, unreadable or of another version."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    return data


def save(path: Path, data: dict) -> None:
    """Write atomically: an interrupted build leaves the previous manifest."""
    write_atomic(path, json.dumps({**data, "version": VERSION}, separators=(",", ":"), sort_keys=True))


def remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
