"""Convert a folder of seeds into a folder of Markdown articles.

Never clobbers: a converted file an editor changed is kept (unless forced),
an unchanged seed is not touched, and every write is atomic. One run at a
time works on a content folder (a lock on the folder), and each run first
removes the temporary files a killed run left there.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from .article import ArticleFacts, content_hash, render_article
from .atomic import sweep_temp_files, write_atomic
from .byline import split_byline
from .dates import first_commit_dates, seed_date
from .decode import decode_seed
from .errors import SeedError
from .files import Converted, scan_content
from .invisible import remove_invisible
from .language import detect_languages
from .seed import Seed, parse_seed
from .seed_files import MAX_SEED_BYTES, SeedFile, printable, read_seed_folder
from .slug import seed_slug, unique_slug


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    kept: list[tuple[Path, bool]] = field(default_factory=list)  # (file, seed changed since)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    warnings: list[tuple[Path, str]] = field(default_factory=list)
    out_of_date: list[tuple[Path, str]] = field(default_factory=list)  # --check findings
    swept: list[Path] = field(default_factory=list)  # temporary files a killed run left

    @property
    def ok(self) -> bool:
        return not self.failed and not self.out_of_date


@dataclass(frozen=True)
class _Job:
    """A seed whose article must be (re)written."""

    seed_file: SeedFile
    seed: Seed
    seed_hash: str
    existing: Converted | None


def display_path(path: Path) -> str:
    """`path` relative to the working folder when inside it, on one printable line."""
    relative = os.path.relpath(path)
    return printable(path.as_posix() if relative.startswith("..") else Path(relative).as_posix())


def _parse(data: bytes) -> tuple[Seed, list[str]]:
    decoded = decode_seed(data)
    text, invisible = remove_invisible(decoded.text)
    seed = parse_seed(text)
    return seed, [*decoded.warnings, *filter(None, [invisible]), *seed.warnings]


def _plan(seed_files: list[SeedFile], by_seed: dict[str, Converted], report: Report, *,
          force: bool, check: bool) -> list[_Job]:
    """Every seed: record what needs nothing and what fails; return the rest."""
    jobs = []
    for seed_file in seed_files:
        seed_hash = content_hash(seed_file.data)
        existing = by_seed.get(printable(seed_file.name))
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
            seed, warnings = _parse(seed_file.data)
        except SeedError as problem:
            report.failed.append((seed_file.path, str(problem)))
            continue
        report.warnings.extend((seed_file.path, w) for w in warnings)
        jobs.append(_Job(seed_file, seed, seed_hash, existing))
    return jobs


@contextmanager
def _folder_lock(folder: Path):
    """Hold an exclusive lock on `folder` (waits for another converter run to finish)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def convert_seeds(seed_dir: Path, articles_dir: Path, *, force: bool = False,
                  check: bool = False, timezone: str = "Europe/Berlin",
                  default_lang: str = "de", max_seed_bytes: int = MAX_SEED_BYTES) -> Report:
    """Bring `articles_dir` up to date with `seed_dir`; with `check`, only report."""
    if check:
        return _convert(seed_dir, articles_dir, Report(), force=force, check=True,
                        timezone=timezone, default_lang=default_lang, max_seed_bytes=max_seed_bytes)
    articles_dir.mkdir(parents=True, exist_ok=True)
    with _folder_lock(articles_dir):
        report = Report(swept=sweep_temp_files(articles_dir))
        return _convert(seed_dir, articles_dir, report, force=force, check=False,
                        timezone=timezone, default_lang=default_lang, max_seed_bytes=max_seed_bytes)


def _convert(seed_dir: Path, articles_dir: Path, report: Report, *, force: bool, check: bool,
             timezone: str, default_lang: str, max_seed_bytes: int) -> Report:
    content = scan_content(articles_dir)
    folder = read_seed_folder(seed_dir, max_seed_bytes)
    report.failed += folder.failed
    report.warnings += folder.skipped
    if not check:
        report.failed += content.clashes
    jobs = _plan(folder.seeds, content.by_seed, report, force=force, check=check)
    if check:
        for job in jobs:
            name = printable(job.seed_file.name)
            if job.existing:
                report.out_of_date.append((job.existing.path, f"out of date: its seed {name} changed"))
            else:
                report.out_of_date.append((job.seed_file.path, f"missing: no converted file for {name}"))
        return report
    tz = ZoneInfo(timezone)
    git_dates = first_commit_dates(seed_dir) if any(not j.existing for j in jobs) else {}
    texts = [" ".join((j.seed.headline, j.seed.lead, *j.seed.paragraphs)) for j in jobs]
    for job, lang in zip(jobs, detect_languages(texts, default=default_lang)):
        seed_file = job.seed_file
        if job.existing:
            path = job.existing.path
            slug = job.existing.meta.get("slug") or path.stem
            date = job.existing.meta.get("date") or seed_date(seed_file, git_dates, tz)
        else:
            slug = unique_slug(seed_slug(job.seed.headline, seed_file.name), content.taken)
            content.taken.add(slug)
            path = articles_dir / f"{slug}.md"
            date = seed_date(seed_file, git_dates, tz)
        byline = split_byline(job.seed.lead)
        facts = ArticleFacts(slug=slug, date=date, lang=lang, seed_path=display_path(seed_file.path),
                             seed_hash=job.seed_hash, author=byline.author,
                             dateline=byline.dateline, lead=byline.lead)
        try:
            write_atomic(path, render_article(job.seed, facts))
        except OSError as error:
            report.failed.append((path, f"cannot write: {error.strerror}"))
            continue
        report.written.append(path)
    return report
