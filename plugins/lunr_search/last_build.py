"""The search files of the last build, reused when nothing they are made from changed.

The files are a pure function of the articles' SearchDocs, the settings and
the code. A build whose digest of those equals the last build's, with every
file of that build still in the output at its size, makes the same bytes:
it keeps the files and makes nothing (a rebuild after a template edit or with
nothing changed). The record is a hint, like the caches beside it: when it
is missing, unreadable or stale, the files are built.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Callable

from seed_converter.atomic import write_hint

from .search_index import SearchDoc, SearchFiles

FILE = "last-build.json"


def inputs_digest(docs: Sequence[SearchDoc], *settings) -> str:
    """A digest of everything the search files are made from (a body through its doc's digest)."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(json.dumps([str(s) for s in settings], ensure_ascii=False).encode())
    for doc in docs:
        fields = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc) if f.name != "body"}
        if not doc.digest:
            return ""  # a body without a digest cannot be compared
        digest.update(json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def reusable(folder: Path, digest: str, output: str) -> dict | None:
    """The last build's record ({"meta", "display", "files": {path: size}}) when it was made
    from `digest` and its files are all in `output` at their sizes."""
    try:
        record = json.loads((folder / FILE).read_text(encoding="utf-8"))
        if not digest or record.get("digest") != digest:
            return None
        for path, size in record["files"].items():
            if os.stat(os.path.join(output, *path.split("/"))).st_size != size:
                return None
        return {"meta": str(record["meta"]), "display": str(record["display"]), "files": dict(record["files"])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save(folder: Path, digest: str, files: SearchFiles, warn: Callable[..., None]) -> None:
    """Record the files this build made or kept."""
    sizes = {**files.kept, **{f.path: len(f.data) for f in files.files}}
    record = {"digest": digest, "meta": files.meta.path, "display": files.display.path, "files": sizes}
    write_hint(folder / FILE, json.dumps(record, sort_keys=True), warn,
               "lunr_search: cannot write %s (%s); the next build makes the search files again")
