"""The grouping between builds: the articles grouped so far and the index after them.

A build whose articles (in time order) begin with exactly the stored ones,
unchanged, resumes from the stored index and groups only the rest; the result
is the one a full grouping gives, because an article's story depends only on
older articles. Anything else (an edited, removed or back-dated article, other
settings, other code) groups everything anew.

The file is a hint: one that cannot be read or is not what `save` writes
costs one warning and a full grouping, never the build.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Callable

from seed_converter.atomic import write_hint

from .cluster import Settings, StoryIndex
from .features import EXONYMS_FILE, STOP_WORDS_DE_FILE

FILE = "state.json"
_HERE = Path(__file__).parent
Warn = Callable[..., None]


def _code_digest() -> str:
    """What the grouping's result depends on besides the articles and the settings."""
    digest = hashlib.sha256()
    for path in (_HERE / "adapter.py", _HERE / "cluster.py", _HERE / "features.py", EXONYMS_FILE,
                 STOP_WORDS_DE_FILE):
        digest.update(path.read_bytes())
    return digest.hexdigest()


CODE = _code_digest()


def article_key(*parts: object) -> str:
    """A stable hash of what an article's evidence is made from (strings, numbers, lists)."""
    data = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def load(folder: Path, settings: Settings, warn: Warn) -> tuple[list[str], StoryIndex] | None:
    """(keys of the articles grouped, the index after them), or None."""
    path = folder / FILE
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["code"] != CODE or Settings(**data["index"]["settings"]) != settings:
            return None  # other code or settings: not an error, just not reusable
        keys = data["keys"]
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise ValueError("keys are not a list of strings")
        index = StoryIndex.from_state(data["index"])
        if len(index.story_of) != len(keys):
            raise ValueError("keys and index disagree")
        return keys, index
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        warn("stories: ignoring the grouping state %s (%s); every article is grouped anew", path, error)
        return None


def save(folder: Path, keys: list[str], index: StoryIndex, warn: Warn) -> None:
    """Write the state atomically; a folder that cannot be written costs one warning."""
    text = json.dumps({"code": CODE, "keys": keys, "index": index.to_state()},
                      ensure_ascii=False, separators=(",", ":"))
    write_hint(folder / FILE, text, warn,
               "stories: cannot write the grouping state %s (%s); the next build groups every article anew")
