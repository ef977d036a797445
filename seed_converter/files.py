"""The content folder: the converted files already there and every slug in use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .article import is_hand_edited, read_metadata
from .slug import pelican_slug


@dataclass(frozen=True)
class Converted:
    """A Markdown file in the content folder that came from a seed."""

    path: Path
    meta: dict[str, str]
    hand_edited: bool

    @property
    def seed_name(self) -> str:
        """The seed's file name as the `Seed:` line records it (see seed_files.printable)."""
        return self.meta["seed"].rsplit("/", 1)[-1]


@dataclass
class Content:
    by_seed: dict[str, Converted] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)  # slugs and file names in use
    clashes: list[tuple[Path, str]] = field(default_factory=list)


def scan_content(articles_dir: Path) -> Content:
    """Converted files by seed name, every slug in use, and slugs two articles claim.

    An article's slug is its `Slug:`, else the slug Pelican makes of its
    title; its file name is taken too, since the converter writes `<slug>.md`.
    """
    content = Content()
    owners: dict[str, Path] = {}
    for path in sorted(articles_dir.rglob("*.md")) if articles_dir.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        meta = read_metadata(text)
        slug = meta.get("slug") or (pelican_slug(meta["title"]) if meta.get("title") else None)
        if slug and slug in owners:
            content.clashes.append((path, f"its slug {slug!r} is also the slug of {owners[slug]}: "
                                          "Pelican cannot build both; give one of them its own `Slug:`"))
        elif slug:
            owners[slug] = path
        content.taken.update(filter(None, (path.stem, slug)))
        if meta.get("seed"):
            converted = Converted(path, meta, is_hand_edited(text, meta))
            content.by_seed.setdefault(converted.seed_name, converted)
    return content
