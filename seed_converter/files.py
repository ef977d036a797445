"""File-system helpers: atomic writes and the converted files already there."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .article import is_hand_edited, read_metadata


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so readers see the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


@dataclass(frozen=True)
class Converted:
    """A Markdown file in the content folder that came from a seed."""

    path: Path
    meta: dict[str, str]
    hand_edited: bool

    @property
    def seed_name(self) -> str:
        return Path(self.meta["seed"]).name


def scan_content(articles_dir: Path) -> tuple[dict[str, Converted], set[str]]:
    """Converted files by seed file name, and every slug already in use."""
    by_seed: dict[str, Converted] = {}
    slugs: set[str] = set()
    for path in sorted(articles_dir.glob("*.md")) if articles_dir.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        meta = read_metadata(text)
        slugs.add(path.stem)
        if meta.get("slug"):
            slugs.add(meta["slug"])
        if meta.get("seed"):
            converted = Converted(path, meta, is_hand_edited(text, meta))
            by_seed.setdefault(converted.seed_name, converted)
    return by_seed, slugs
