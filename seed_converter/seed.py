"""Parse a seed's text (see SEED-FORMAT.md) into its parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import SeedError

_IMAGE_LINE = re.compile(r'!\[(?P<alt>.*)\]\((?P<url>\S+?)(?:\s+"[^"]*")?\)')
# Runs of spaces, tabs, form feeds and vertical tabs fold into one space;
# other characters (no-break spaces among them) are text and stay.
_SPACES = re.compile(r"[ \t\f\v]+")
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
    return _SPACES.sub(" ", line).strip()


def _image(line: str) -> tuple[str | None, str | None, str | None]:
    """(url, alt, warning) of an image line; url is None when it is refused."""
    match = _IMAGE_LINE.fullmatch(line)
    if not match:
        raise SeedError(f"line 1 starts like an image but is not `![ALT](URL)`: {line[:60]!r}")
    url, alt = match["url"], normalize_line(match["alt"])
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        scheme = parts.scheme or "no scheme"
        return None, None, f"image left out: only http(s) URLs are accepted, not {scheme!r}"
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
