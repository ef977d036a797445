"""What an upload would change: compare the local files' digests with the remote's."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Changes:
    added: list[str]
    changed: list[str]
    deleted: list[str]

    def lines(self) -> list[str]:
        """One line per changed path, like `rsync --itemize-changes` but readable."""
        return ([f"add     {p}" for p in self.added] + [f"update  {p}" for p in self.changed]
                + [f"delete  {p}" for p in self.deleted])

    def summary(self) -> str:
        return f"{len(self.added)} to add, {len(self.changed)} to update, {len(self.deleted)} to delete"


def compare(local: Mapping[str, str], remote: Mapping[str, str]) -> Changes:
    """Paths only local, with a different digest, and only remote."""
    return Changes(
        added=sorted(set(local) - set(remote)),
        changed=sorted(p for p in local.keys() & remote.keys() if local[p] != remote[p]),
        deleted=sorted(set(remote) - set(local)),
    )


def md5_hex(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def git_blob_id(data: bytes) -> str:
    """The id git gives a file with these bytes (`git hash-object`)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def local_digests(folder: Path, digest: Callable[[bytes], str]) -> dict[str, str]:
    """Digest of every file under `folder`, by its path relative to it ("a/b.html")."""
    return {p.relative_to(folder).as_posix(): digest(p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}
