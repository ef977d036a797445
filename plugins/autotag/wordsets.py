"""The word sets derived from offline lexicons (lexicon.json.gz, made by derive_lexicon.py).

Loaded once per process, and only when an article has to be tagged (a warm
build with every article cached never opens the file).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("lexicon.json.gz")


@dataclass(frozen=True)
class WordSets:
    nouns: frozenset[str] = frozenset()  # German common nouns, every case form, lowercased
    first_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # countries, regions, subdivisions, cities, as written
    major_places: frozenset[str] = frozenset()  # countries, subdivisions, cities of a million
    iso_codes: frozenset[str] = frozenset()  # ISO 3166 alpha-2 and alpha-3
    demonyms: dict[str, str] | None = None  # `ägyptisch` -> `Ägypten`
    genders: dict[str, str] | None = None  # a common noun's lowercased lemma -> m, f or n
    english_words: frozenset[str] = frozenset()  # English common words, lowercased, unknown in German

    def gender(self, noun: str) -> str | None:
        """`m`, `f` or `n` of a noun or of the longest known last part of a compound
        (`Strafgerichtshof` as `Gerichtshof`), else None."""
        low = noun.lower()
        genders = self.genders or {}
        for i in range(0, max(1, len(low) - 3)):
            found = genders.get(low[i:])
            if found:
                return found
        return None

    def is_noun(self, word: str) -> bool:
        return word.lower() in self.nouns

    def ends_in_noun(self, word: str) -> bool:
        """`Chefdiplomat`, `Stillstandspolitik`: a noun, or a compound whose last part is one."""
        low = word.lower()[-30:]
        stems = (low, low[:-1], low[:-2]) if len(low) > 6 else (low,)
        for stem in stems:  # `Abgeordneten`, `Vorsitzenden`: adjectival nouns
            # the whole word, or a last part of five letters or more (`Witz` does not end `Nowitzki`)
            if stem in self.nouns or any(stem[i:] in self.nouns for i in range(3, len(stem) - 4)):
                return True
        return False

    def is_place(self, name: str) -> bool:
        return name in self.places


@lru_cache(maxsize=2)
def load(path: Path = DATA) -> WordSets:
    data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    return WordSets(
        nouns=frozenset(data["nouns"]),
        first_names=frozenset(data["first_names"]),
        surnames=frozenset(data["surnames"]),
        places=frozenset(data["places"]) | frozenset(data["countries"]),
        major_places=frozenset(data["major_places"]),
        iso_codes=frozenset(data["iso_codes"]),
        demonyms=data["demonyms"],
        english_words=frozenset(data.get("english_words", ())),
        genders={line[1:]: line[0] for line in data.get("genders", "").split("\n") if line},
    )
