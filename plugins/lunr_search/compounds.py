"""German compounds split into their parts, so `Arrest` finds `Hausarrest`.

The split points come from compound-split's CharSplit (Tuggener's n-gram
model of where German words join; GPL-3.0, as is this AGPL project). A split
is taken when the model is confident (score >= CONFIDENT), or when it is
likely and both parts are words of the package's Hunspell-derived word list;
each part has at least MIN_PART letters. The first part is split again
(CharSplit cuts a compound into its modifier and its head), so
`Lebensmittelverschwendung` gives `Lebensmittel`, `Lebens`, `Mittel`,
`Verschwendung`.

The parts of a word depend on the word alone (not on the other articles).
Only capitalised words of MIN_WORD to MAX_WORD letters are split (nouns; the
model's cost grows with the square of a word's length, so the cap keeps the
analysis linear in the text).
"""

from __future__ import annotations

import pkgutil
from pathlib import Path

from . import charsplit_model
from .analysis import split_words
from .pipelines import trim

MIN_WORD = 8
MAX_WORD = 40
MIN_PART = 4
CONFIDENT = 0.5
LIKELY = 0.0
_FUGEN = ("s", "es", "n", "en", "e")


class CompoundSplitter:
    """`parts(word)`: the parts of a German compound, [] for any other word;
    loads the model on first use: from `model_copy` (charsplit_model.py)
    when that file exists, until more than LOOKUP_WORDS words were split
    (then lookups would cost more than the import), else by importing it."""

    LOOKUP_WORDS = 3000

    def __init__(self, model_copy: Path | None = None):
        self._model_copy = model_copy
        self._split = None
        self._lookups_left: int | None = None  # None: the imported model
        self._known: frozenset[str] = frozenset()

    def _load(self) -> None:
        lookup = charsplit_model.Lookup.open(self._model_copy) if self._model_copy else None
        self._lookups_left = self.LOOKUP_WORDS if lookup else None
        self._split = charsplit_model.split_function(lookup or charsplit_model.imported())
        data = pkgutil.get_data("compound_split", "dicts/de-mixed.dic").decode("utf-8")
        self._known = frozenset(line.strip().lower() for line in data.splitlines()
                                if line.strip() and not line.startswith("#"))

    def _is_word(self, part: str) -> bool:
        part = part.lower()
        return part in self._known or any(part.endswith(f) and part[:-len(f)] in self._known for f in _FUGEN)

    def split(self, word: str) -> tuple[str, str] | None:
        """(modifier, head) of a compound, or None."""
        if not (MIN_WORD <= len(word) <= MAX_WORD and word[0].isupper() and word.isalpha()):
            return None
        if self._split is None:
            self._load()
        if self._lookups_left == 0:
            self._split, self._lookups_left = charsplit_model.split_function(charsplit_model.imported()), None
        elif self._lookups_left is not None:
            self._lookups_left -= 1
        score, head, tail = self._split(word)[0]
        if len(head) < MIN_PART or len(tail) < MIN_PART or score <= LIKELY:
            return None
        if score < CONFIDENT and not (self._is_word(head) and self._is_word(tail)):
            return None
        return head, tail

    def parts(self, word: str) -> list[str]:
        """All parts: each modifier, its own parts, and the head."""
        split = self.split(word)
        return [split[0], *self.parts(split[0]), split[1]] if split else []

    def heads(self, word: str) -> list[str]:
        """The heads only: the last part and the heads within the modifier
        (`Mittel`, `Verschwendung` of `Lebensmittelverschwendung`)."""
        split = self.split(word)
        return [*self.heads(split[0]), split[1]] if split else []


def parts_text(texts, splitter: CompoundSplitter, memo: dict[str, tuple[str, str]], heads_only=()) -> str:
    """The parts of the compounds in `texts` (one article's fields), as one
    text for the index's `parts` field: all parts, or only the heads for the
    texts at the positions in `heads_only` (the body: a modifier there is
    mostly found as a prefix, and all its parts would cost a twentieth more
    index); `memo` holds each word's parts for the build (a word is split once)."""
    found = []
    for n, text in enumerate(texts):
        for word in split_words(text):
            if len(word) < MIN_WORD:
                continue
            known = memo.get(word)
            if known is None:
                trimmed = trim(word)
                known = memo[word] = (" ".join(splitter.parts(trimmed)), " ".join(splitter.heads(trimmed)))
            part = known[1] if n in heads_only else known[0]
            if part:
                found.append(part)
    return " ".join(found)
