"""Small sites built in this process with the project's settings, incrementally or from nothing."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = """Title: {title}
Slug: {slug}
Date: {date}
Lang: de
Source: {source}
Summary: {summary}
{extra}
{body}
"""


def article_text(slug: str, title: str, day: int, source: str, summary: str, body: str,
                 tags: str = "", author: str = "") -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in (("Tags", tags), ("Author", author)) if value)
    return ARTICLE.format(title=title, slug=slug, date=f"2022-01-{day:02d}T{8 + day % 10:02d}:00:00+01:00",
                          source=source, summary=summary, extra=extra, body=body)


def build(content: Path, output: Path, cache: Path, theme: Path, settings: dict | None = None,
          full: bool = False) -> str:
    """Build `content` into `output` in this process; the summary line (stdout's last line)."""
    override = {"PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(cache),
                "THEME": str(theme), **(settings or {})}
    previous = os.environ.get("INCREMENTAL_FULL_BUILD")
    os.environ["INCREMENTAL_FULL_BUILD"] = "1" if full else ""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            Pelican(read_settings(str(ROOT / "pelicanconf.py"), override=override)).run()
    finally:
        os.environ["INCREMENTAL_FULL_BUILD"] = previous or ""
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    return next((line for line in reversed(lines) if " pages written" in line), "")


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_theme(dest: Path) -> Path:
    shutil.copytree(ROOT / "theme", dest)
    return dest
