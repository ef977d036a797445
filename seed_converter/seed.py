"""Parse a seed's text (see SEED-FORMAT.md) into its parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import SeedError

_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")
# Runs of spaces, tabs, form feeds and vertical tabs fold into one space;
# other characters (no-break spaces among them) are text and stay.
_SPACES = re.compile(r"[\t\f\v][ \t\f\v]*| [ \t\f\v]+")  # single spaces need no change
MAX_SOURCE_LENGTH = 60


@dataclass(frozen=True)
class Seed:
    headline: str
    source: str
    lead: str
    paragraphs: tuple[str, ...]
    image_url: str | None = None
    image_alt: str | None = None
    warnings: tuple[str, ...] = ()


def normalize_line(line: str) -> str:
    """Fold inner whitespace runs and strip the ends, as Markdown would."""
    if "  " in line or "\t" in line or "\f" in line or "\v" in line:  # plain scans: the pattern is slower
        line = _SPACES.sub(" ", line)
    return line.strip()


def _last_space(text: str) -> int:
    match = _LAST_SPACE.search(text)
    return match.start() if match else -1


def split_image_line(line: str) -> tuple[str, str] | None:
    """(alt, url) of `![ALT](URL)` or `![ALT](URL "TITLE")`, in linear time; None if it is neither.

    ALT may hold anything, `](` too: like a greedy pattern, the last `](`
    that leaves a valid URL (and title) ends it.
    """
    if not line.startswith("![") or not line.endswith(")"):
        return None
    inner = line[:-1]
    found = []
    # Without a title: the URL runs to the end and holds no white space.
    at = inner.rfind("](", 2, len(inner) - 1)
    if at != -1 and at + 2 > _last_space(inner):
        found.append((at, inner[at + 2:]))
    # With a title: URL, white space, then a quoted title without quotes in it.
    if inner.endswith('"') and len(inner) >= 2:
        opening = inner.rfind('"', 0, len(inner) - 1)
        url_end = len(inner[:opening].rstrip()) if opening > 0 else 0
        if opening > 0 and url_end < opening:
            at = inner.rfind("](", 2, url_end - 1)
            if at != -1 and at + 2 > _last_space(inner[:url_end]):
                found.append((at, inner[at + 2:url_end]))
    if not found:
        return None
    at, url = max(found)
    return line[2:at], url


def _image(line: str) -> tuple[str | None, str | None, str | None]:
    """(url, alt, warning) of an image line; url is None when it is refused."""
    parts = split_image_line(line)
    if parts is None:
        raise SeedError(f"line 1 starts like an image but is not `![ALT](URL)`: {line[:60]!r}")
    alt, url = normalize_line(parts[0]), parts[1]
    try:
        scheme, netloc = urlsplit(url)[:2]
    except ValueError as error:  # e.g. an unclosed `[` in the host
        return None, None, f"image left out: not a URL ({error})"
    if scheme.lower() not in ("http", "https") or not netloc:
        return None, None, f"image left out: only https URLs are accepted, not {scheme or 'no scheme'!r}"
    if scheme.lower() == "http":
        url = "https" + url[len(scheme):]
        return url, alt, "image URL changed from http: to https:"
    return url, alt, None


def parse_seed(text: str) -> Seed:
    """Split decoded seed text into image, headline, source, lead and body."""
    lines = [normalize_line(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise SeedError("empty file (no text)" if not text else "only whitespace (no text)")
    url = alt = None
    warnings: list[str] = []
    if lines[0].startswith("!["):
        url, alt, warning = _image(lines.pop(0))
        if warning:
            warnings.append(warning)
        if not lines:
            raise SeedError("only an image line: a seed needs a headline, a source and a lead")
    if len(lines) == 1:
        raise SeedError("only a headline: a seed needs a headline, a source and a lead")
    if len(lines) == 2:
        raise SeedError("no lead: a seed needs a headline, a source and a lead")
    headline, source, lead, *paragraphs = lines
    if len(source) > MAX_SOURCE_LENGTH:
        raise SeedError(
            f"the line after the headline should name the source (publisher), "
            f"but it has {len(source)} characters: {source[:40]!r}…")
    if url is not None and not alt:
        alt = headline
    return Seed(headline, source, lead, tuple(paragraphs), url, alt, tuple(warnings))
