"""The compound splits of earlier builds, kept between builds.

A word's parts depend on the word alone (compounds.py), so the splits of one
build hold for the next: with them, a build splits only the words it has not
seen, and loads CharSplit's model only when there is such a word. The file is
keyed by the code and the package that make the splits, so new code never
reads old splits. It is a hint: an unreadable, malformed or unwritable file
costs one warning, and the build splits anew (the same index either way).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from seed_converter.atomic import write_hint

from .code_digest import code_digest

FILE = "compounds.json"
Warn = Callable[..., None]


def splits_key() -> str:
    """A digest of what decides a word's parts: the splitting and trimming
    code and compound-split's version."""
    return code_digest(files=("compounds.py", "charsplit_model.py", "pipelines.py"), packages=("compound-split",))


def load(folder: Path, key: str, warn: Warn) -> dict[str, tuple[str, str]]:
    """Word -> (its parts, its heads) as stored under `key`; {} when there
    is no file, another key, or a file that is not what `save` writes."""
    path = folder / FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, ValueError) as error:
        warn("lunr_search: ignoring the compound cache %s (%s); compounds are split anew", path, error)
        return {}
    if not (isinstance(data, dict) and isinstance(data.get("words"), dict)):
        warn("lunr_search: ignoring the compound cache %s (not what this plugin writes); "
             "compounds are split anew", path)
        return {}
    if data.get("key") != key:
        return {}
    words = {}
    for word, split in data["words"].items():
        if not (isinstance(split, list) and len(split) == 2 and all(isinstance(s, str) for s in split)):
            warn("lunr_search: ignoring the compound cache %s (a malformed entry); compounds are split anew", path)
            return {}
        words[word] = (split[0], split[1])
    return words


def save(folder: Path, key: str, words: dict[str, tuple[str, str]], warn: Warn) -> None:
    """Write the splits atomically; a folder that cannot be written costs one warning."""
    text = json.dumps({"key": key, "words": {w: list(s) for w, s in words.items()}},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    write_hint(folder / FILE, text, warn,
               "lunr_search: cannot write the compound cache %s (%s); the next build splits compounds anew")


class Kept:
    """The splits of `folder`, loaded when first asked for (a build whose
    articles were all analysed before needs none) and saved when they grew."""

    def __init__(self, folder: Path, warn: Warn):
        self.folder, self.warn, self.key = folder, warn, splits_key()
        self.words: dict[str, tuple[str, str]] | None = None
        self.loaded = 0

    def __call__(self) -> dict[str, tuple[str, str]]:
        if self.words is None:
            self.words = load(self.folder, self.key, self.warn)
            self.loaded = len(self.words)
        return self.words

    def save_if_grown(self) -> None:
        if self.words is not None and len(self.words) > self.loaded:
            save(self.folder, self.key, self.words, self.warn)
