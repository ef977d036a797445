"""Split a byline such as `Aus Brüssel Bernd Riegert.` off the end of a lead."""

from __future__ import annotations

from typing import NamedTuple

_SENTENCE_ENDS = ".!?…"
# What may stand, with one space, before the byline's `Aus`: a sentence end or a closing quote.
_BEFORE_BYLINE = '.!?…“”"»«)'
_MAX_BYLINE = 200  # characters of `<place> <author>`: a longer last sentence is no byline
_PARTICLES = {"von", "van", "de", "der", "den", "da", "di", "zu", "al", "el", "bin", "ibn", "le", "la"}


class Byline(NamedTuple):
    lead: str
    author: str | None
    dateline: str | None


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or word in _PARTICLES


def find_byline(lead: str) -> tuple[int, str] | None:
    """(where the byline starts, its words) of a lead ending in `Aus <words>.`, in linear time.

    The byline is the lead's last sentence: `Aus` at the start of the lead or
    after a sentence end or closing quote and a space, then no sentence end
    up to the final full stop.
    """
    if not lead.endswith("."):
        return None
    end = len(lead) - 1
    start = max(lead.rfind(mark, 0, end) for mark in _SENTENCE_ENDS) + 1
    at = lead.find("Aus ", start, end - 1)  # at least one word character after it
    while at != -1:
        if at == 0:
            return 0, lead[4:end]
        if at >= 2 and lead[at - 1] == " " and lead[at - 2] in _BEFORE_BYLINE:
            return at - 1, lead[at + 4:end]
        at = lead.find("Aus ", at + 1, end - 1)
    return None


def split_byline(lead: str) -> Byline:
    """Return the lead without its byline, and the author and dateline.

    The author is the last two name words (with any particles before the
    surname, `Ines von Pohl`); the place is what stands before. A lead that
    is nothing but a byline, or whose words are not all capitalised names,
    is left alone.
    """
    found = find_byline(lead)
    if not found or len(found[1]) > _MAX_BYLINE:
        return Byline(lead, None, None)
    words = found[1].split()
    rest = lead[: found[0]].rstrip()
    if len(words) < 3 or not rest or not all(_is_name_word(w) for w in words):
        return Byline(lead, None, None)
    start = len(words) - 1  # the surname, then its particles, then one given name
    while start > 0 and words[start - 1] in _PARTICLES:
        start -= 1
    start -= 1
    if start < 1 or words[start] in _PARTICLES:
        return Byline(lead, None, None)
    return Byline(rest, " ".join(words[start:]), " ".join(words[:start]))
