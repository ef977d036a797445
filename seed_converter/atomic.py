"""The project's one atomic file write (and its forms for caches, `write_hint`,
and for output that may be unchanged, `write_if_changed`),
and the sweep of what a killed writer left.

A file is written to a temporary file beside it, `.<name>.<12 random hex>.tmp`,
then renamed over the target, so a reader sees the old file or the new one,
never half of either. The temporary file is removed on any error and on any
exit Python sees (an exception, Ctrl-C, a SIGTERM turned into SystemExit);
only a SIGKILL or a power cut can leave one, and `sweep_temp_files` removes
those on the next run. The file gets the mode a plain `open()` would give it
(0666 less the umask).
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from typing import Callable

_TEMP_NAME = re.compile(r"\..+\.[0-9a-f]{12}\.tmp", re.DOTALL)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` (text as UTF-8, line ends as they are) to `path` atomically."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = None
    try:
        # The name is known before the file exists, so an exception at any
        # point (a signal turned into one included) finds it to remove.
        while True:
            tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
            try:
                # Mode 0666 less the umask, as a plain open() gives.
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
                break
            except FileExistsError:
                continue
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        raise


def write_if_changed(path: str | Path, data: bytes) -> bool:
    """`write_atomic` unless the file holds exactly these bytes; True if written."""
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                return False
    except OSError:
        pass
    write_atomic(Path(path), data)
    return True


def write_hint(path: Path, data: str | bytes, warn: Callable[..., None] | None, message: str) -> None:
    """`write_atomic` for a cache a later build may use: a folder that cannot
    be written costs `warn(message, path, error)` (nothing without `warn`),
    never the build."""
    try:
        write_atomic(path, data)
    except OSError as error:
        if warn is not None:
            warn(message, path, error)


def is_temp_file(name: str) -> bool:
    """True for the name of a temporary file `write_atomic` makes."""
    return _TEMP_NAME.fullmatch(name) is not None


def sweep_temp_files(folder: Path) -> list[Path]:
    """Remove the temporary files a killed `write_atomic` left in `folder`; return them.

    Call it only while no other writer works in `folder` (the converter holds
    a lock on the folder).
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for entry in entries:
        if is_temp_file(entry.name) and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
            except FileNotFoundError:
                continue
            removed.append(Path(entry.path))
    return sorted(removed)
