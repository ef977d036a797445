"""When a seed arrived: its first commit in git, else its modification time."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo


def first_commit_dates(seed_dir: Path) -> dict[str, datetime]:
    """File name -> author date of the commit that added it, in one git call.

    Empty when `seed_dir` is not in a git work tree or git is missing.
    """
    try:
        result = subprocess.run(
            ["git", "-C", str(seed_dir), "log", "--diff-filter=A", "--relative",
             "--format=%x00%aI", "--name-only", "--", "."],
            capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, datetime] = {}
    # Newest first: the last date seen for a file is the commit that added it.
    for record in result.stdout.split("\x00")[1:]:
        stamp, _, names = record.partition("\n")
        when = datetime.fromisoformat(stamp.strip())
        for name in names.split("\n"):
            if name.strip():
                dates[Path(name.strip()).name] = when
    return dates


def seed_date(path: Path, git_dates: dict[str, datetime], tz: ZoneInfo) -> str:
    """ISO 8601 date (seconds, with offset) in `tz` for the seed at `path`."""
    when = git_dates.get(path.name)
    if when is None:
        when = datetime.fromtimestamp(path.stat().st_mtime, tz=tz)
    return when.astimezone(tz).replace(microsecond=0).isoformat()
