"""When a seed arrived: its first commit in git, else its modification time."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

from .seed_files import SeedFile


def first_commit_dates(seed_dir) -> dict[str, datetime]:
    """File name -> author date of the commit that added it, in one git call.

    Names come NUL-separated and as bytes (`-z`), so any file name, newlines
    and bytes that are not UTF-8 included, matches the name the folder lists.
    Empty when `seed_dir` is not in a git work tree or git is missing.
    """
    try:
        result = subprocess.run(
            ["git", "-C", str(seed_dir), "log", "-z", "--diff-filter=A", "--relative",
             "--format=%x01%aI", "--name-only", "--", "."],
            capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, datetime] = {}
    # Newest first: the last date seen for a file is the commit that added it.
    # Each commit: \x01, its date, NUL, newline, then its file names, each ending in NUL.
    for record in result.stdout.split(b"\x01")[1:]:
        stamp, *names = record.split(b"\x00")
        when = datetime.fromisoformat(stamp.decode("ascii").strip())
        for name in names:
            name = name.removeprefix(b"\n")
            if name and b"/" not in name:  # only seeds directly in the folder
                dates[os.fsdecode(name)] = when
    return dates


def seed_date(seed_file: SeedFile, git_dates: dict[str, datetime], tz: ZoneInfo) -> str:
    """ISO 8601 date (seconds, with offset) in `tz` for the seed."""
    when = git_dates.get(seed_file.name)
    if when is None:
        when = datetime.fromtimestamp(seed_file.mtime, tz=tz)
    return when.astimezone(tz).replace(microsecond=0).isoformat()
