"""Split a byline such as `Aus Brüssel Bernd Riegert.` off the end of a lead."""

from __future__ import annotations

import re
from typing import NamedTuple

# The byline is the lead's last sentence: "Aus <place> <author>."
_BYLINE = re.compile(r"(?:^|(?<=[.!?…“”\"»«)]) )Aus (?P<words>[^.!?…]+)\.$")
_PARTICLES = {"von", "van", "de", "der", "den", "da", "di", "zu", "al", "el", "bin", "ibn", "le", "la"}


class Byline(NamedTuple):
    lead: str
    author: str | None
    dateline: str | None


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or word in _PARTICLES


def split_byline(lead: str) -> Byline:
    """Return the lead without its byline, and the author and dateline.

    The author is the last two name words (with any particles before the
    surname, `Ines von Pohl`); the place is what stands before. A lead that
    is nothing but a byline, or whose words are not all capitalised names,
    is left alone.
    """
    match = _BYLINE.search(lead)
    if not match:
        return Byline(lead, None, None)
    words = match["words"].split()
    rest = lead[: match.start()].rstrip()
    if len(words) < 3 or not rest or not all(_is_name_word(w) for w in words):
        return Byline(lead, None, None)
    start = len(words) - 1  # the surname, then its particles, then one given name
    while start > 0 and words[start - 1] in _PARTICLES:
        start -= 1
    start -= 1
    if start < 1 or words[start] in _PARTICLES:
        return Byline(lead, None, None)
    return Byline(rest, " ".join(words[start:]), " ".join(words[:start]))
