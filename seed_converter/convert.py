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
from .language import detect_languages
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


@dataclass(frozen=True)
class _Job:
    """A seed whose article must be (re)written."""

    seed_path: Path
    seed: Seed
    seed_hash: str
    existing: Converted | None


def _display_path(path: Path) -> str:
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _plan(seed_dir: Path, by_seed: dict[str, Converted], report: Report, *,
          force: bool, check: bool) -> list[_Job]:
    """Read every seed; record what needs nothing and what fails; return the rest."""
    jobs = []
    for seed_path in sorted(seed_dir.glob("*.txt")):
        data = seed_path.read_bytes()
        seed_hash = content_hash(data)
        existing = by_seed.get(seed_path.name)
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
        jobs.append(_Job(seed_path, seed, seed_hash, existing))
    return jobs


def convert_seeds(seed_dir: Path, articles_dir: Path, *, force: bool = False,
                  check: bool = False, timezone: str = "Europe/Berlin",
                  default_lang: str = "de") -> Report:
    """Bring `articles_dir` up to date with `seed_dir`; with `check`, only report."""
    report = Report()
    by_seed, taken = scan_content(articles_dir)
    jobs = _plan(seed_dir, by_seed, report, force=force, check=check)
    if check:
        for job in jobs:
            if job.existing:
                report.out_of_date.append((job.existing.path, f"out of date: its seed {job.seed_path.name} changed"))
            else:
                report.out_of_date.append((job.seed_path, f"missing: no converted file for {job.seed_path.name}"))
        return report
    tz = ZoneInfo(timezone)
    git_dates = first_commit_dates(seed_dir) if any(not j.existing for j in jobs) else {}
    texts = [" ".join((j.seed.headline, j.seed.lead, *j.seed.paragraphs)) for j in jobs]
    for job, lang in zip(jobs, detect_languages(texts, default=default_lang)):
        if job.existing:
            path = job.existing.path
            slug = job.existing.meta.get("slug") or path.stem
            date = job.existing.meta.get("date") or seed_date(job.seed_path, git_dates, tz)
        else:
            slug = unique_slug(make_slug(job.seed.headline) or make_slug(job.seed_path.stem), taken)
            taken.add(slug)
            path = articles_dir / f"{slug}.md"
            date = seed_date(job.seed_path, git_dates, tz)
        byline = split_byline(job.seed.lead)
        facts = ArticleFacts(slug=slug, date=date, lang=lang, seed_path=_display_path(job.seed_path),
                             seed_hash=job.seed_hash, author=byline.author,
                             dateline=byline.dateline, lead=byline.lead)
        write_atomic(path, render_article(job.seed, facts))
        report.written.append(path)
    return report
