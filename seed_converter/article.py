"""Render an article as Pelican Markdown, and read back what a file records."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .markdown_text import escape_title, markdown_paragraph
from .seed import Seed

_OUTPUT_HASH_LINE = re.compile(r"^Output-Hash:[^\n]*\n", re.MULTILINE)
_META_LINE = re.compile(r"(?P<key>[A-Za-z0-9_-]+):[ \t]*(?P<value>.*)")


def content_hash(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ArticleFacts:
    """What the converter adds to a seed: where it came from and when."""

    slug: str
    date: str
    lang: str
    seed_path: str
    seed_hash: str
    author: str | None = None
    dateline: str | None = None
    lead: str | None = None  # the lead without its byline


def render_article(seed: Seed, facts: ArticleFacts) -> str:
    """The Markdown file for `seed`; its Output-Hash covers every other line."""
    fields = [
        ("Title", escape_title(seed.headline)),
        ("Slug", facts.slug),
        ("Date", facts.date),
        ("Lang", facts.lang),
        ("Source", seed.source),
        ("Author", facts.author),
        ("Dateline", facts.dateline),
        ("Image", seed.image_url),
        ("Image-Alt", seed.image_alt),
        ("Summary", markdown_paragraph(facts.lead or seed.lead)),
        ("Seed", facts.seed_path),
        ("Seed-Hash", facts.seed_hash),
    ]
    header = "".join(f"{key}: {value}\n" for key, value in fields if value)
    body = "\n\n".join(markdown_paragraph(p) for p in seed.paragraphs)
    text = header + "\n" + (body + "\n" if body else "")
    output_hash = content_hash(text.encode("utf-8"))
    return header + f"Output-Hash: {output_hash}\n" + text[len(header):]


def read_metadata(text: str) -> dict[str, str]:
    """The metadata block (up to the first blank line), keys lowercased."""
    meta: dict[str, str] = {}
    for line in text.split("\n"):
        match = _META_LINE.fullmatch(line.strip())
        if not match:
            break
        meta[match["key"].lower()] = match["value"].strip()
    return meta


def is_hand_edited(text: str, meta: dict[str, str]) -> bool:
    """True unless the file is byte for byte what the converter wrote."""
    recorded = meta.get("output-hash")
    if not recorded:
        return True
    without = _OUTPUT_HASH_LINE.sub("", text, count=1)
    return content_hash(without.encode("utf-8")) != recorded
