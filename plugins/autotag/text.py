"""Plain text out of Pelican's HTML fields, and word tokens with their positions."""

from __future__ import annotations

import html
import re
from typing import NamedTuple

_TAG = re.compile(r"<[^>]+>")
# A capitalised word: may go on with letters, digits and inner hyphens
# (`NATO-Russland-Rat`, `G7`); apostrophes end it, so `Russia's` gives `Russia`.
# The class finds capitals cheaply (Latin-1 and Latin Extended-A, which mixes
# cases; `tokens` drops the lowercase ones); lowercase words are skipped.
_WORD = re.compile(r"(?<![^\W_])(?<!-)[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-Я][^\W_]*(?:-[^\W_]+)*")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def plain_text(markup: str) -> str:
    """`markup` without tags, entities decoded (`&lt;` becomes `<`)."""
    return html.unescape(_TAG.sub(" ", markup or ""))


def capitalised_tokens(text: str) -> list[Token]:
    """Words that start with a capital; only a space between two means they are adjacent."""
    return [Token(word, m.start(), m.end()) for m in _WORD.finditer(text) if (word := m.group())[0].isupper()]


def adjacent(text: str, left: Token, right: Token) -> bool:
    """True when only one space separates two tokens (no word, punctuation or line break)."""
    return text[left.end:right.start] == " "


def is_acronym(word: str) -> bool:
    """`NATO`, `OSZE`, `G7`, `SPÖ`: two or more characters, starts with a letter, all capitals."""
    return len(word) >= 2 and word.isupper() and word[0].isalpha() and "-" not in word
