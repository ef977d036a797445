"""The editors' tag table (content/tags.toml), validated against its schema.

    [aliases]            # canonical tag = [variants as written in articles]
    "NATO" = ["Nato", "Nordatlantikpakt"]
    [block]              # never automatic tags
    words = ["Montag", "Prozent"]
    [topics]             # topic = [triggers: words, `Terror*` a prefix, `*wahl` a suffix, phrases]
    "Terrorismus" = ["Terrorismus", "Terror*", "terroristisch*"]
    [types]              # a tag's type where the lexicons guess wrong
    "Islamischer Staat" = "organisation"

Any other table or key, or a value of the wrong type, is an error naming the
file, the line and the key.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

TYPES = ("person", "organisation", "place", "topic")
_SECTIONS = ("aliases", "block", "topics", "types")
_HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")


class TagTableError(ValueError):
    """A tag table that does not fit the schema; the message names file, line and key."""


@dataclass(frozen=True)
class TagTable:
    # variant (as written in text) -> canonical tag; canonicals map to themselves
    aliases: dict[str, str] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)  # the same, variants lowercased
    # lowercased tags and words that are never automatic tags
    blocked: frozenset[str] = frozenset()
    blocked_forms: frozenset[str] = frozenset()  # the block list as written
    topics: frozenset[str] = frozenset()
    topic_words: dict[str, str] = field(default_factory=dict)  # lowercased word -> topic
    topic_prefixes: dict[str, str] = field(default_factory=dict)
    topic_suffixes: dict[str, str] = field(default_factory=dict)
    topic_affix_max: int = 0
    topic_phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    digest: str = ""

    def canonical(self, key: str) -> str | None:
        """The canonical tag for a lowercased variant, if the table names one."""
        return self.by_key.get(key)

    def is_blocked(self, tag: str) -> bool:
        return tag.lower() in self.blocked


def parse_table(text: str, name: str = "tags.toml") -> TagTable:
    """The table in `text`; `name` is the file named in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TagTableError(f"{name}: not valid TOML: {error}") from None

    def fail(section: str, key: str | None, problem: str):
        line = _line_of(text, section, key)
        where = f"[{section}] {key!r}" if key is not None else f"[{section}]"
        raise TagTableError(f"{name}:{line}: {where}: {problem}")

    for section in data:
        if section not in _SECTIONS:
            fail(section, None, f"unknown table (known: {', '.join(_SECTIONS)})")
        if not isinstance(data[section], dict):
            fail(section, None, "must be a table")

    def string_lists(section: str) -> dict[str, list[str]]:
        out = {}
        for key, value in data.get(section, {}).items():
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                fail(section, key, "must be a list of non-empty strings")
            out[key] = value
        return out

    aliases: dict[str, str] = {}
    for canonical, variants in sorted(string_lists("aliases").items()):
        for variant in [canonical, *variants]:
            if aliases.get(variant, canonical) != canonical:
                fail("aliases", canonical, f"{variant!r} is also an alias of {aliases[variant]!r}")
            aliases[variant] = canonical

    block = data.get("block", {})
    for key in block:
        if key != "words":
            fail("block", key, "unknown key (known: words)")
    words = block.get("words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        fail("block", "words", "must be a list of non-empty strings")

    topic_words: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    prefixes: dict[str, str] = {}
    suffixes: dict[str, str] = {}
    for topic, triggers in sorted(string_lists("topics").items()):
        for trigger in [topic, *triggers]:
            low = trigger.lower()
            if " " in low.strip():
                phrase = tuple(low.split())
                if "*" in low:
                    fail("topics", topic, f"trigger {trigger!r}: a phrase takes no *")
                phrases.setdefault(phrase[0], []).append((phrase, topic))
                continue
            if low.startswith("*") and low.endswith("*"):
                fail("topics", topic, f"trigger {trigger!r}: a * at one end only")
            core = low.strip("*")
            if len(core) < (3 if "*" in low else 2):
                fail("topics", topic, f"trigger {trigger!r} is too short")
            target = suffixes if low.startswith("*") else prefixes if low.endswith("*") else topic_words
            target.setdefault(core, topic)

    types: dict[str, str] = {}
    for key, value in data.get("types", {}).items():
        if value not in TYPES:
            fail("types", key, f"must be one of {', '.join(TYPES)}")
        types[key] = value

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    by_key = {variant.lower(): canonical for variant, canonical in aliases.items()}
    return TagTable(aliases=aliases, by_key=by_key, blocked=frozenset(w.lower() for w in words),
                    blocked_forms=frozenset(words),
                    topics=frozenset(data.get("topics", {})), topic_words=topic_words,
                    topic_prefixes=prefixes, topic_suffixes=suffixes, topic_phrases=phrases,
                    topic_affix_max=max(map(len, [*prefixes, *suffixes]), default=0),
                    types=types, digest=digest)


def _line_of(text: str, section: str, key: str | None) -> int:
    """The line that defines `key` in `[section]` (or the section's header)."""
    current = None
    header_line = 1
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1).strip().strip('"')
            if current == section:
                header_line = number
            continue
        if current == section and key is not None:
            stripped = line.lstrip()
            if stripped.startswith((f'"{key}"', f"'{key}'", f"{key} ", f"{key}=")):
                return number
    return header_line


def load_table(path: Path) -> TagTable:
    """The table at `path`, or an empty one when there is no such file."""
    if not path.is_file():
        return TagTable()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TagTableError(f"{path}: cannot be read: {error}") from None
    return parse_table(text, str(path))
