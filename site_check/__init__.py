"""Checks for the content folder and a built site; each returns a list of Problems."""

from typing import NamedTuple
from pathlib import Path


class Problem(NamedTuple):
    """One finding: the file it is about and what is wrong, printed as one line."""

    file: Path
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        return f"{where}: {self.message}"
