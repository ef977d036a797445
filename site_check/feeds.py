"""Feeds: every Atom or RSS file in the built site must parse, and its entries must have titles and links."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser

from . import Problem

FEED_ROOTS = {"{http://www.w3.org/2005/Atom}feed", "rss", "{http://purl.org/rss/1.0/}RDF",
              "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"}


def is_feed(root_tag: str) -> bool:
    return root_tag in FEED_ROOTS


def check_feed(path: Path, data: bytes) -> list[Problem]:
    """Problems of one feed document as a feed reader (feedparser) sees it."""
    parsed = feedparser.parse(data)
    if parsed.bozo:
        return [Problem(path, f"feed does not parse: {parsed.bozo_exception}")]
    problems = []
    if not parsed.feed.get("title"):
        problems.append(Problem(path, "feed has no title"))
    for number, entry in enumerate(parsed.entries, start=1):
        if not entry.get("title"):
            problems.append(Problem(path, f"entry {number} has no title"))
        if not any(link.get("href") for link in entry.get("links", [])):
            problems.append(Problem(path, f"entry {number} ({entry.get('title', '')}) has no link"))
    return problems


def _xml_files(site_dir: Path):
    """(path, data, root element or the parse error) for every .xml file in the site."""
    for path in sorted(site_dir.rglob("*.xml")):
        data = path.read_bytes()
        try:
            yield path, data, ET.fromstring(data)
        except ET.ParseError as error:
            yield path, data, error


def feed_files(site_dir: Path) -> list[Path]:
    """The well-formed Atom and RSS files in the site."""
    return [path for path, _, root in _xml_files(site_dir)
            if isinstance(root, ET.Element) and is_feed(root.tag)]


def check_feeds(site_dir: Path) -> list[Problem]:
    """Every .xml file in the site must be well formed, and every feed must parse."""
    problems = []
    for path, data, root in _xml_files(site_dir):
        if isinstance(root, ET.ParseError):
            problems.append(Problem(path, f"not well-formed XML: {root}"))
        elif is_feed(root.tag):
            problems += check_feed(path, data)
    return problems
