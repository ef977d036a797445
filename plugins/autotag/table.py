"""The editors' tag table (content/tags.toml): aliases to one display form, and a block list.

    [aliases]
    "NATO" = ["Nato", "Nordatlantikpakt"]
    "Russland" = ["russischen Regierung", "Kreml"]

    [block]
    words = ["Montag", "Prozent"]
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class TagTable:
    # variant (as written in text) -> canonical tag; canonicals map to themselves
    aliases: dict[str, str] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)  # the same, variants lowercased
    # lowercased tags and words that are never automatic tags
    blocked: frozenset[str] = frozenset()
    digest: str = ""

    def canonical(self, key: str) -> str | None:
        """The canonical tag for a lowercased variant, if the table names one."""
        return self.by_key.get(key)

    def is_blocked(self, tag: str) -> bool:
        return tag.lower() in self.blocked


def parse_table(text: str) -> TagTable:
    data = tomllib.loads(text)
    aliases: dict[str, str] = {}
    for canonical, variants in sorted(data.get("aliases", {}).items()):
        for variant in [canonical, *variants]:
            if aliases.get(variant, canonical) != canonical:
                raise ValueError(f"tag table: {variant!r} is an alias of both "
                                 f"{aliases[variant]!r} and {canonical!r}")
            aliases[variant] = canonical
    blocked = frozenset(w.lower() for w in data.get("block", {}).get("words", []))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    by_key = {variant.lower(): canonical for variant, canonical in aliases.items()}
    return TagTable(aliases=aliases, by_key=by_key, blocked=blocked, digest=digest)


def load_table(path: Path) -> TagTable:
    """The table at `path`, or an empty one when there is no such file."""
    if not path.is_file():
        return TagTable()
    return parse_table(path.read_text(encoding="utf-8"))
