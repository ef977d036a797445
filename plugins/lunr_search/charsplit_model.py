"""CharSplit's German n-gram probabilities, imported or looked up in SQLite.

compound-split ships its model as a 39 MB Python module of three dicts
(prefix, infix and suffix probabilities of 1.9 million n-grams): importing it
takes about two seconds and 250 MB, whether a build splits 60,000 new words
or five. So a big site keeps a copy of the three dicts in an SQLite file in
its cache, and a build with few new words looks the n-grams up there (a few
dozen lookups per word) instead of importing the module. Both give the same
probabilities (SQLite stores the doubles exactly), so the same splits.
"""

from __future__ import annotations

import importlib
import sqlite3
import sys
import types
from importlib import metadata
from pathlib import Path
from typing import Callable

from seed_converter.atomic import write_hint

TABLES = ("prefix", "infix", "suffix")
_MODEL = "compound_split.de_ngram_probs"


def lookup_file(folder: Path) -> Path:
    """Where a cache folder keeps the copy (named by compound-split's version)."""
    return folder / f"charsplit-de-{metadata.version('compound-split')}.sqlite"


def _without_dutch() -> None:
    # char_split imports the Dutch model too (a third of its import time);
    # German needs only de_ngram_probs, so an empty Dutch module stands in.
    dutch = "compound_split.nl_ngram_probs"
    if dutch not in sys.modules:
        sys.modules[dutch] = types.ModuleType(dutch)


def imported():
    """The package's own model module (imported on first use)."""
    _without_dutch()
    return importlib.import_module(_MODEL)


def is_imported() -> bool:
    return _MODEL in sys.modules


def split_function(model):
    """compound-split's `split_compound` reading `model`'s prefix, infix and
    suffix (the imported module or a `Lookup`)."""
    _without_dutch()
    placeholder = _MODEL not in sys.modules
    if placeholder:  # import char_split without importing the model
        sys.modules[_MODEL] = types.ModuleType(_MODEL)
    try:
        from compound_split import char_split
    finally:
        if placeholder:
            del sys.modules[_MODEL]
    function = char_split.split_compound
    return types.FunctionType(function.__code__, {**char_split.__dict__, "de_ngram_probs": model},
                              function.__name__, function.__defaults__, function.__closure__)


class _Table:
    """One of the model's dicts, read by `get` as split_compound reads it."""

    def __init__(self, connection: sqlite3.Connection, name: str):
        self._query = f"SELECT v FROM {name} WHERE k = ?"
        self._connection = connection
        self._seen: dict[str, float | None] = {}

    def get(self, key: str, default=None):
        value = self._seen.get(key, self)
        if value is self:
            row = self._connection.execute(self._query, (key,)).fetchone()
            value = self._seen[key] = None if row is None else row[0]
        return default if value is None else value


class Lookup:
    """The model read from the SQLite copy; None from `open` when there is none."""

    def __init__(self, connection: sqlite3.Connection):
        for name in TABLES:
            setattr(self, name, _Table(connection, name))

    @classmethod
    def open(cls, path: Path) -> Lookup | None:
        if not path.is_file():
            return None
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            for name in TABLES:
                connection.execute(f"SELECT v FROM {name} WHERE k = ''").fetchone()
        except sqlite3.Error:
            return None
        return cls(connection)


def write_copy(path: Path, model, warn: Callable[..., None]) -> None:
    """Write the SQLite copy of `model` (the imported module) atomically; a
    folder that cannot be written costs one warning."""
    connection = sqlite3.connect(":memory:")
    for name in TABLES:
        connection.execute(f"CREATE TABLE {name} (k TEXT PRIMARY KEY, v REAL NOT NULL) WITHOUT ROWID")
        connection.executemany(f"INSERT INTO {name} VALUES (?, ?)", sorted(getattr(model, name).items()))
    connection.commit()
    data = connection.serialize()
    connection.close()
    write_hint(path, data, warn, "lunr_search: cannot write the compound model's copy %s (%s); "
               "builds import the model instead")
