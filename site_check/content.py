"""Content checks: required metadata, unique slugs, https images, usable dates, no bidi controls,
fresh conversions."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import markdown

from seed_converter.convert import convert_seeds
from seed_converter.seed_files import MAX_SEED_BYTES
from seed_converter.slug import pelican_slug

from . import Problem
from .dates import DATE_FIELDS, read_date

REQUIRED = ("title", "date", "lang", "source", "summary")
# Neither pattern can run past the next `![` or `<`, so the attempts from
# different starts never overlap: linear time on any text.
_MARKDOWN_IMAGE = re.compile(r"!\[(?:[^\]!]|!(?!\[))*\]\(\s*<?([^)\s>]+)")
_HTML_IMAGE = re.compile(r"<img\b[^<>]*\bsrc\s*=\s*[\"']?([^\"'\s<>]+)", re.IGNORECASE)
# Embeddings, overrides and isolates: they reverse or reorder the text after them.
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_META_KEY = re.compile(r"[ ]{0,3}([A-Za-z0-9_-]+):")


def read_metadata(text: str) -> dict[str, str]:
    """Metadata as Pelican's Markdown reader sees it (the `meta` extension), keys lowercased.

    The extension reads only the lines before the first blank one, so only
    those are converted (a multi-megabyte body costs nothing).
    """
    header = []
    for line in text.split("\n", 1000):
        if not line.strip():
            break
        header.append(line)
    md = markdown.Markdown(extensions=["markdown.extensions.meta"])
    md.convert("\n".join(header[:1000]))
    return {key.lower(): "\n".join(values).strip() for key, values in md.Meta.items()}


def article_slug(meta: dict[str, str]) -> str | None:
    """The slug Pelican gives the article: its `Slug`, else its slugified title."""
    if meta.get("slug"):
        return meta["slug"]
    if meta.get("title"):
        return pelican_slug(meta["title"])
    return None


def metadata_line(text: str, key: str) -> int | None:
    """The line number of metadata `key` (any case) in the header, if it is there."""
    for number, line in enumerate(text.split("\n", 200)[:200], start=1):
        if not line.strip():
            return None
        match = _META_KEY.match(line)
        if match and match[1].lower() == key:
            return number
    return None


def check_article(path: Path, text: str, meta: dict[str, str]) -> list[Problem]:
    """Problems of one article apart from slug clashes."""
    problems = [Problem(path, f"missing metadata: {name.capitalize()}")
                for name in REQUIRED if not meta.get(name)]
    for name in DATE_FIELDS:
        if meta.get(name):
            try:
                read_date(meta[name], name)
            except ValueError as error:
                problems.append(Problem(path, str(error), metadata_line(text, name)))
    bidi = _BIDI_CONTROL.search(text)
    if bidi:
        problems.append(Problem(path, f"bidi control U+{ord(bidi.group()):04X}: it reverses or reorders "
                                      "the text after it on every page that shows it; remove it",
                                text.count("\n", 0, bidi.start()) + 1))
    images = ([meta["image"]] if meta.get("image") else []) + _MARKDOWN_IMAGE.findall(text) \
        + _HTML_IMAGE.findall(text)
    for url in images:
        parsed = urlparse(url)
        if parsed.scheme != "https" or not parsed.netloc:
            problems.append(Problem(path, f"image URL is not https: {url}"))
    return problems


def check_articles(articles_dir: Path) -> list[Problem]:
    """Every Markdown article under `articles_dir`: metadata, dates, images, unique slugs."""
    problems: list[Problem] = []
    owners: dict[str, Path] = {}
    for path in sorted(articles_dir.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(path, "not UTF-8 text"))
            continue
        meta = read_metadata(text)
        problems += check_article(path, text, meta)
        slug = article_slug(meta)
        if slug in owners:
            problems.append(Problem(path, f"slug {slug!r} is already used by {owners[slug]}"))
        elif slug:
            owners[slug] = path
    return problems


def check_conversions(seed_dir: Path, articles_dir: Path, max_seed_bytes: int = MAX_SEED_BYTES) -> list[Problem]:
    """The converter's --check: bad seeds, and articles missing or older than their seed."""
    report = convert_seeds(seed_dir, articles_dir, check=True, max_seed_bytes=max_seed_bytes)
    return [Problem(path, message) for path, message in [*report.failed, *report.out_of_date]]


def check_content(articles_dir: Path, seed_dir: Path | None = None,
                  max_seed_bytes: int = MAX_SEED_BYTES) -> list[Problem]:
    """All content checks; the seed checks only when a seed folder is given."""
    if not articles_dir.is_dir():
        return [Problem(articles_dir, "no such content folder")]
    problems = check_articles(articles_dir)
    if seed_dir is not None:
        problems += (check_conversions(seed_dir, articles_dir, max_seed_bytes) if seed_dir.is_dir()
                     else [Problem(seed_dir, "no such seed folder")])
    return problems
