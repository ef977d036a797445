"""A digest of this plugin's code and of the packages it runs: what names the
code a cache was made by, so new code never reads an old cache."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).parent


def code_digest(*parts: str, files: Sequence[str] | None = None, packages: Sequence[str] = ()) -> str:
    """The digest of `files` of this folder (None: every module and data file), the installed
    versions of `packages` and `parts` (settings, a format's version)."""
    names = files if files is not None else sorted(
        path.name for path in HERE.iterdir() if path.is_file() and path.suffix in (".py", ".txt"))
    digest = hashlib.sha256()
    for package in packages:
        digest.update(f"{package} {metadata.version(package)}\n".encode())
    for name in names:
        digest.update(name.encode() + b"\0" + (HERE / name).read_bytes())
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()
