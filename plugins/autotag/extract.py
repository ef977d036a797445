"""Candidate tags of one article: names, acronyms and the tag table's terms, weighted.

Pure: plain strings in, plain data out (JSON-friendly, so it can be cached).
A candidate is `key -> [weight, {form: count}]`: `key` is the lowercased tag,
`weight` sums the weights of the fields it occurs in (headline and lead weigh
more than the body), `forms` counts how it was written, to pick a display form.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Protocol

from .table import TagTable
from .text import Token, adjacent, capitalised_tokens, is_acronym

MAX_NAME_WORDS = 4
# `Wien – ` or `Washington/Kairo – ` opening a lead or body says where the
# reporter was, not what the article is about.
DATELINE = re.compile(r"^\s*[^\W\d_][\w./ -]{0,40}? [–—] ")

Candidates = dict[str, list]


class Names(Protocol):
    def lemma(self, word: str) -> str | None: ...  # base form of a proper noun, else None
    def known(self, word: str) -> bool: ...  # cheap to ask about


@lru_cache(maxsize=8)
def _alias_pattern(variants: tuple[str, ...]) -> re.Pattern | None:
    if not variants:
        return None
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=lambda v: (-len(v), v)))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def extract(fields: list[tuple[str, int]], names: Names, table: TagTable,
            min_weight: int = 2) -> Candidates:
    """Candidates from `fields`, a list of (plain text, weight), headline first.

    Only capitalised words that reach `min_weight` over all fields are looked
    up in `names`, words it does not know only from `min_weight + 1` (that
    keeps the slow tagger off words that cannot win).
    """
    found: dict[str, Counter] = {}
    weights: Counter = Counter()

    def add(form: str, weight: int) -> None:
        key = form.lower()
        canonical = table.canonical(key)
        if canonical is not None:
            form, key = canonical, canonical.lower()
        found.setdefault(key, Counter())[form] += 1
        weights[key] += weight

    pattern = _alias_pattern(tuple(table.aliases))
    field_tokens: list[tuple[str, int, list[Token]]] = []
    surface: Counter = Counter()
    for index, (text, weight) in enumerate(fields):
        if index:
            text = DATELINE.sub("", text, count=1)
        covered: list[tuple[int, int]] = []
        for match in pattern.finditer(text) if pattern else ():
            add(match.group(), weight)
            covered.append(match.span())
        toks = capitalised_tokens(text)
        if covered:
            toks = [t for t in toks if not any(a <= t.start < b for a, b in covered)]
        field_tokens.append((text, weight, toks))
        for tok in toks:
            surface[tok.text] += weight

    def lemma(word: str) -> str | None:
        if is_acronym(word):
            return word
        if surface[word] < min_weight or (surface[word] == min_weight and not names.known(word)):
            return None
        return names.lemma(word)

    singles: list[tuple[str, int]] = []
    runs: list[tuple[list[str], int]] = []
    for text, weight, toks in field_tokens:
        for run in _name_runs(text, toks, lemma):
            if len(run) == 1:
                singles.append((run[0], weight))
            else:
                runs.append((run, weight))
        for tok in toks:  # acronyms inside compounds: `NATO-Truppen`
            if "-" in tok.text and lemma(tok.text) is None:
                for part in tok.text.split("-"):
                    if is_acronym(part):
                        singles.append((part, weight))

    for run, weight in runs:
        add(" ".join(run), weight)
    owners = _run_owners([run for run, _ in runs])
    for word, weight in singles:
        owner = owners.get(word)
        add(" ".join(owner) if owner else word, weight)
    _merge_genitives(found, weights)
    return {key: [weights[key], dict(sorted(forms.items()))] for key, forms in sorted(found.items())}


def _merge_genitives(found: dict[str, Counter], weights: Counter) -> None:
    """`Stoltenbergs` counts for `Stoltenberg` when the article has both (names HanTa does not know)."""
    for key in sorted(found):
        if key.endswith("s") and key[:-1] in found:
            found[key[:-1]].update({form[:-1]: n for form, n in found.pop(key).items()})
            weights[key[:-1]] += weights.pop(key)


def _name_runs(text: str, toks: list[Token], lemma) -> list[list[str]]:
    """Maximal runs of adjacent name tokens, as lemmas (`Jens Stoltenberg`).

    A lone uninflected name followed by a capitalised word that is not one
    (`Andreas Khol`, with `Khol` too rare to look up) opens a name we cannot
    see whole: it is left out rather than kept as a bare first name. A
    genitive (`Russlands Präsident`) stays.
    """
    runs: list[list[str]] = []
    current: list[str] = []
    previous: Token | None = None
    for tok in toks:
        base = lemma(tok.text)
        joined = previous is not None and adjacent(text, previous, tok)
        if base is None:
            if joined and current == [previous.text] and not is_acronym(previous.text):
                runs.pop()
            current, previous = [], None
            continue
        if joined and len(current) < MAX_NAME_WORDS:
            current.append(base)
        else:
            current = [base]
            runs.append(current)
        previous = tok
    return runs


def _run_owners(runs: list[list[str]]) -> dict[str, list[str]]:
    """Words that stand for one longer name of the article: `Stoltenberg` -> `Jens Stoltenberg`.

    Only a name's first or last word, not an acronym, and only when exactly one
    name of the article has it, so a bare first name never becomes a tag.
    """
    holders: dict[str, set[tuple[str, ...]]] = {}
    for run in runs:
        for word in {run[0], run[-1]}:
            if not is_acronym(word):
                holders.setdefault(word, set()).add(tuple(run))
    return {word: list(next(iter(names))) for word, names in holders.items() if len(names) == 1}
