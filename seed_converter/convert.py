"""Convert a folder of seeds into a folder of Markdown articles.

Never clobbers: a converted file an editor changed is kept (unless forced),
an unchanged seed is not touched, and every write is atomic.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from .article import ArticleFacts, content_hash, render_article
from .byline import split_byline
from .dates import first_commit_dates, seed_date
from .decode import decode_seed
from .errors import SeedError
from .files import Converted, scan_content, write_atomic
from .language import detect_language
from .seed import Seed, parse_seed
from .slug import make_slug, unique_slug


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    kept: list[tuple[Path, bool]] = field(default_factory=list)  # (file, seed changed since)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    warnings: list[tuple[Path, str]] = field(default_factory=list)
    out_of_date: list[tuple[Path, str]] = field(default_factory=list)  # --check findings

    @property
    def ok(self) -> bool:
        return not self.failed and not self.out_of_date


def _display_path(path: Path) -> str:
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _facts(seed: Seed, seed_path: Path, seed_hash: str, slug: str, date: str,
           default_lang: str) -> ArticleFacts:
    byline = split_byline(seed.lead)
    text = " ".join((seed.headline, seed.lead, *seed.paragraphs))
    return ArticleFacts(
        slug=slug, date=date, lang=detect_language(text, default=default_lang),
        seed_path=_display_path(seed_path), seed_hash=seed_hash,
        author=byline.author, dateline=byline.dateline, lead=byline.lead)


def convert_seeds(seed_dir: Path, articles_dir: Path, *, force: bool = False,
                  check: bool = False, timezone: str = "Europe/Berlin",
                  default_lang: str = "de") -> Report:
    """Bring `articles_dir` up to date with `seed_dir`; with `check`, only report."""
    report = Report()
    by_seed, taken = scan_content(articles_dir)
    tz = ZoneInfo(timezone)
    git_dates: dict | None = None
    for seed_path in sorted(seed_dir.glob("*.txt")):
        data = seed_path.read_bytes()
        seed_hash = content_hash(data)
        existing: Converted | None = by_seed.get(seed_path.name)
        if existing and existing.meta.get("seed-hash") == seed_hash and not force:
            if existing.hand_edited:
                report.kept.append((existing.path, False))
            else:
                report.unchanged += 1
            continue
        if existing and existing.hand_edited and not force and not check:
            report.kept.append((existing.path, True))
            continue
        try:
            seed = parse_seed(decode_seed(data))
        except SeedError as problem:
            report.failed.append((seed_path, str(problem)))
            continue
        report.warnings.extend((seed_path, w) for w in seed.warnings)
        if check:
            why = (f"out of date: its seed {seed_path.name} changed" if existing
                   else f"missing: no converted file for {seed_path.name}")
            report.out_of_date.append((existing.path if existing else seed_path, why))
            continue
        if existing:
            slug, path = existing.meta.get("slug") or existing.path.stem, existing.path
            date = existing.meta.get("date")
        else:
            base = make_slug(seed.headline) or make_slug(seed_path.stem)
            slug = unique_slug(base, taken)
            taken.add(slug)
            path, date = articles_dir / f"{slug}.md", None
        if not date:
            if git_dates is None:
                git_dates = first_commit_dates(seed_dir)
            date = seed_date(seed_path, git_dates, tz)
        facts = _facts(seed, seed_path, seed_hash, slug, date, default_lang)
        write_atomic(path, render_article(seed, facts))
        report.written.append(path)
    return report
