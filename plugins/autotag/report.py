"""The editors' report of the last build (`make tags-report`).

The plugin stores what the report needs beside its cache (report.json);
`python plugins/autotag/report.py [CACHE_FOLDER]` (`make tags-report`) prints it: the tags by type with
how many articles carry them, the surnames dropped because two people in one
article share them, and likely aliases (tags that may name one entity), so
a maintainer can curate content/tags.toml.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from seed_converter.atomic import write_atomic
from seed_converter.slug import make_slug

FILE = "report.json"
GROUPS = [("person", "Personen"), ("organisation", "Organisationen"), ("place", "Orte"), ("topic", "Themen")]


def save(folder: Path, entries, results, types: dict[str, str]) -> None:
    uses: Counter = Counter()
    for result in results.values():
        uses.update(result.with_page + result.without_page)
    ambiguous: Counter = Counter(s for e in entries for s in e.ambiguous)
    data = {
        "articles": len(entries),
        "tags": {name: [n, types.get(name.lower(), "topic")] for name, n in sorted(uses.items())},
        "ambiguous": dict(sorted(ambiguous.items())),
    }
    try:
        write_atomic(folder / FILE, json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0))
    except OSError:
        pass  # the cache's own warning says the folder cannot be written


def likely_aliases(names: list[str]) -> list[list[str]]:
    """Groups of tags that may be one entity: the same slug, or one ends with the other's
    last word and starts with its first (`Recep Tayyip Erdoğan`, `Recep Erdoğan`), or one is
    the other with a genitive s."""
    groups: dict[str, set[str]] = {}
    slugs = {name: make_slug(name.replace("ğ", "g").replace("ž", "z")) for name in names}
    taken = set(slugs.values())
    for name in names:
        key = slugs[name]
        if key.endswith("s") and key[:-1] in taken:
            key = key[:-1]
        groups.setdefault(key, set()).add(name)
        words = name.split()
        if len(words) > 2:
            groups.setdefault(make_slug(f"{words[0]} {words[-1]}"), set()).add(name)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def render(data: dict, top: int = 40) -> str:
    lines = [f"Tags of the last build: {data['articles']} articles, {len(data['tags'])} tags."]
    for kind, title in GROUPS:
        tags = sorted(((n, name) for name, (n, k) in data["tags"].items() if k == kind), key=lambda t: (-t[0], t[1]))
        lines.append(f"\n{title} ({len(tags)}):")
        lines += [f"  {n:5d}  {name}" for n, name in tags[:top]]
        if len(tags) > top:
            lines.append(f"  … and {len(tags) - top} more")
    lines.append("\nSurnames dropped because two people in one article share them (articles):")
    lines += [f"  {n:5d}  {name}" for name, n in sorted(data["ambiguous"].items(), key=lambda t: (-t[1], t[0]))[:top]] \
        or ["  none"]
    lines.append("\nLikely aliases (one entity, several tags? list them in [aliases] of content/tags.toml):")
    lines += ["  " + " | ".join(group) for group in likely_aliases(sorted(data["tags"]))] or ["  none"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "cache/autotag")
    try:
        data = json.loads((folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        print(f"no tagging report in {folder}: run `make html` first", file=sys.stderr)
        return 1
    print(render(data, top=int(argv[1]) if len(argv) > 1 else 40))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
