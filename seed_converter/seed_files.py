"""Read the seed folder safely: regular `*.txt` files directly inside it, nothing else.

Each file is opened relative to the folder with O_NOFOLLOW and O_NONBLOCK and
checked with fstat on the open descriptor, so a symlink (to /etc/passwd, or
swapped in after the listing) is never followed, a FIFO never blocks, and a
directory, socket or device is never read. Anything else named `*.txt` is
reported by name: editors' lock files and hidden files as skipped, the rest
as failures the user should fix.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

# A news article is a few KB (the corpus's largest of 1,028 is 33 KB); 1 MiB is
# some 150,000 words. A larger seed is refused from its size before it is
# read, so a stray dump or an attack costs nothing, and a seed at the limit
# still converts in a small fraction of a second. --max-seed-mib raises it.
MAX_SEED_BYTES = 1024 * 1024
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def printable(text: str) -> str:
    """`text` on one printable line, with `\\xNN`/`\\uNNNN` escapes; one-to-one.

    File names may hold newlines, control and invisible characters, or bytes
    that are not UTF-8 (Python keeps them as lone surrogates); messages and
    the `Seed:` metadata line use this form.
    """
    if text.isprintable() and "\\" not in text:
        return text
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name
            out.append(f"\\x{code - 0xDC00:02x}")
        elif char == "\\":
            out.append("\\\\")
        elif char == " " or char.isprintable():
            out.append(char)
        else:
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF
                       else f"\\U{code:08x}")
    return "".join(out)


@dataclass(frozen=True)
class SeedFile:
    """A seed file that was read: its name as the OS gives it, its bytes and modification time."""

    path: Path
    data: bytes
    mtime: float

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class SeedFolder:
    seeds: list[SeedFile] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def _link_problem(dir_fd: int, name: str) -> str:
    target = os.readlink(name, dir_fd=dir_fd)
    try:
        os.stat(name, dir_fd=dir_fd)
    except OSError:
        return f"a broken symbolic link (to {printable(target)}): not read"
    return (f"a symbolic link (to {printable(target)}): seeds are read only from regular files "
            "in the seed folder, never through a link")


def _read(dir_fd: int, name: str, max_bytes: int) -> tuple[bytes, float] | str:
    """(bytes, mtime) of a regular file, or the problem."""
    try:
        fd = os.open(name, _READ_FLAGS, dir_fd=dir_fd)
    except OSError as error:
        try:
            kind = stat.S_IFMT(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
        except OSError:
            kind = None
        if kind == stat.S_IFLNK:  # O_NOFOLLOW met a symbolic link
            return _link_problem(dir_fd, name)
        if kind in _KINDS:  # a socket cannot be opened at all
            return f"{_KINDS[kind]}, not a seed file: not read"
        return f"cannot read: {error.strerror}"
    try:
        info = os.fstat(fd)
        kind = stat.S_IFMT(info.st_mode)
        if kind != stat.S_IFREG:
            return f"{_KINDS.get(kind, 'not a regular file')}, not a seed file: not read"
        if info.st_size > max_bytes:
            return _too_large(info.st_size, max_bytes)
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(max_bytes + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as error:
        return f"cannot read: {error.strerror}"
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        return _too_large(len(data), max_bytes)
    return data, info.st_mtime


def _too_large(size: int, max_bytes: int) -> str:
    return (f"too large: {size / 2**20:.1f} MiB, the limit is {max_bytes / 2**20:g} MiB per seed "
            "(--max-seed-mib N raises it; make: MAX_SEED_MIB=N)")


def read_seed_folder(seed_dir: Path, max_bytes: int = MAX_SEED_BYTES) -> SeedFolder:
    """Every `*.txt` entry of `seed_dir`, in name order: read, skipped or failed."""
    folder = SeedFolder()
    dir_fd = os.open(seed_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        names = sorted(name for name in os.listdir(dir_fd) if name.endswith(".txt"))
        for name in names:
            path = seed_dir / name
            if name.startswith(".#"):
                folder.skipped.append((path, "skipped: an editor's lock file"))
                continue
            if name.startswith("."):
                folder.skipped.append((path, "skipped: a hidden file (seed names do not start with a dot)"))
                continue
            result = _read(dir_fd, name, max_bytes)
            if isinstance(result, str):
                folder.failed.append((path, result))
            else:
                folder.seeds.append(SeedFile(path, *result))
    finally:
        os.close(dir_fd)
    return folder
