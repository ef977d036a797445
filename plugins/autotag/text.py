"""Plain text out of Pelican's HTML fields, and word tokens with their positions."""

from __future__ import annotations

import html
import re
from typing import NamedTuple

_TAG = re.compile(r"<[^>]+>")
# A word: letters and digits, with inner hyphens (`NATO-Russland-Rat`, `G7`,
# `al-Hussein`); apostrophes end it, so `Russia's` gives `Russia`.
_WORD = re.compile(r"[^\W_]+(?:[-‑][^\W_]+)*")
# Characters after which a capital opens a sentence, not a name.
_OPENERS = frozenset(".!?:;–—\"„“”«»'‚‘(")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def plain_text(markup: str) -> str:
    """`markup` without tags, entities decoded (`&lt;` becomes `<`)."""
    return html.unescape(_TAG.sub(" ", markup or ""))


def tokens(text: str) -> list[Token]:
    """Every word of `text`, in order."""
    make = Token._make
    return [make((m[0], m.start(), m.end())) for m in _WORD.finditer(text)]


def capitalised_tokens(text: str) -> list[Token]:
    """Words that start with a capital."""
    return [t for t in tokens(text) if t.text[0].isupper()]


def adjacent(text: str, left: Token, right: Token) -> bool:
    """True when only one space separates two tokens (no word, punctuation or line break)."""
    return text[left.end:right.start] == " "


def opens_sentence(text: str, tok: Token) -> bool:
    """Whether `tok` is the first word of a sentence (or of the field)."""
    index = tok.start - 1
    while index >= 0 and index > tok.start - 4 and text[index] == " ":
        index -= 1
    return index < 0 or text[index] in _OPENERS or text[index] == "\n"


def is_acronym(word: str) -> bool:
    """`NATO`, `OSZE`, `G7`, `SPÖ`: two or more characters, starts with a letter, all capitals."""
    return len(word) >= 2 and word.isupper() and word[0].isalpha() and "-" not in word
