"""What an article says, as plain data: weighted words and language-neutral anchors.

Two reports of one event share rare words (same language) and anchors: names,
numbers and places, which English and German reports share too. Words are
lowercased and stemmed with Snowball (German or English); anchors are folded
to ASCII lowercase and places map to one key per language pair (`Brüssel`,
`Brussels` -> `brussel`), from the exonym table beside this file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
from slugify import slugify

from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS

EXONYMS_FILE = Path(__file__).with_name("exonyms.toml")
# The search's German stop words (plugins/lunr_search), one per line.
STOP_WORDS_DE_FILE = Path(__file__).resolve().parents[1] / "lunr_search" / "stopwords-de.txt"

# One of: a sentence's end (the next capital opens a sentence), a word of 2+
# letters (hyphens and apostrophes end it), a number with its separators
# (`1.000`, `1,5` stay one token).
_TOKEN = re.compile(r"([.!?:]|[\"„“”«»](?=\s))|([^\W\d_]{2,})|(\d+(?:[.,]\d+)*)")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")

# Extra words that say nothing about which event an article reports.
_EXTRA_STOP = {
    "de": {"sagte", "sagt", "teilte", "mitteilte", "hieß", "heißt", "laut", "zufolge", "sei", "seien",
           "wurde", "wurden", "worden", "habe", "hatten", "hätten", "soll", "sollen", "sollte",
           "mehr", "neue", "neuen", "ersten", "erste", "zwei", "drei", "vier", "fünf",
           "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
           "heute", "gestern", "morgen", "jahr", "jahren", "jahre", "prozent", "uhr", "sowie",
           "bereits", "etwa", "rund", "schon", "erst", "immer", "wieder", "dabei", "damit"},
    "en": {"said", "says", "told", "according", "would", "could", "also", "more", "new", "two",
           "three", "four", "five", "first", "year", "years", "percent", "per", "cent", "monday",
           "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
           "yesterday", "tomorrow", "last", "week", "weeks", "one", "about", "after", "over"},
}
# Capitalised words that are not names (sentence openers, titles, months).
_NOT_NAMES = {
    "der", "die", "das", "ein", "eine", "the", "an", "in", "im", "am", "auf", "mit",
    "nach", "bei", "vor", "für", "von", "zum", "zur", "und", "oder", "aber", "auch", "es", "er",
    "sie", "wir", "ich", "man", "this", "that", "these", "those", "it", "he", "she", "they", "we",
    "on", "at", "for", "with", "by", "from", "of", "to", "and", "but", "mr", "mrs", "ms", "dr",
    "herr", "frau", "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli",
    "august", "september", "oktober", "november", "dezember", "january", "february", "march",
    "may", "june", "july", "october", "december", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}
LANGUAGES = ("de", "en")


@dataclass(frozen=True)
class Features:
    """An article's evidence.

    `words`: language-tagged stems. `anchors`: strong, language-neutral keys
    (numbers, acronyms, places and, in English, capitalised words). `names`:
    the anchors, every capitalised word and the words of the article's tags,
    folded (German capitalises nouns too, so these count only where two
    languages meet)."""

    lang: str
    words: dict
    anchors: dict
    names: dict


class Extractor:
    """Turns text into Features; holds the stemmers, stop words and exonyms for one build."""

    def __init__(self):
        self._stemmers = {"de": snowballstemmer.stemmer("german"), "en": snowballstemmer.stemmer("english")}
        for stemmer in self._stemmers.values():
            stemmer.maxCacheSize = 0  # each distinct word is stemmed once, below
        german = STOP_WORDS_DE_FILE.read_text(encoding="utf-8").split()
        self._stop = {"de": frozenset(german) | _EXTRA_STOP["de"],
                      "en": frozenset(ENGLISH_STOP_WORDS) | _EXTRA_STOP["en"]}
        self._exonyms = load_exonyms()
        self._places = frozenset(self._exonyms.values())
        self._stems: dict[tuple[str, str], str | None] = {}
        self._folded: dict[str, str] = {}
        self._kinds: dict[tuple[str, str], tuple] = {}

    def _stem(self, lang: str, lowered: str) -> str | None:
        key = (lang, lowered)
        stem = self._stems.get(key, "")
        if stem == "":
            if lowered in self._stop[lang] or len(lowered) < 3:
                stem = None
            else:
                stem = lang + ":" + self._stemmers[lang].stemWord(lowered)
            self._stems[key] = stem
        return stem

    def _anchor(self, word: str) -> str | None:
        """The language-neutral key of a capitalised word, or None for a word that is no name."""
        key = self._folded.get(word)
        if key is None:
            lowered = word.lower()
            if lowered in _NOT_NAMES or len(word) < 2:
                key = ""
            else:
                folded = slugify(word, separator="")
                key = "a:" + self._exonyms.get(folded, folded) if folded else ""
            self._folded[word] = key
        return key or None

    def _kind(self, lang: str, token: str) -> tuple:
        """(stem or None, anchor key or None, whether the anchor is strong) of one word,
        worked out once per build."""
        key = (lang, token)
        kind = self._kinds.get(key)
        if kind is None:
            stem = self._stem(lang, token.lower())
            anchor = self._anchor(token) if token[0].isupper() else None
            strong = bool(anchor) and (lang == "en" or token.isupper() or anchor[2:] in self._places)
            kind = self._kinds[key] = (stem, anchor, strong)
        return kind

    def features(self, lang: str, title: str, text: str, entities: tuple[str, ...] = (),
                 title_weight: int = 2, max_words: int = 120) -> Features:
        """Features of one article: `title`, `text` (lead and body as plain text; its first
        `max_words` words, where a report says what happened), `entities` (tag names)."""
        lang = lang if lang in LANGUAGES else "de"
        words: dict = {}
        anchors: dict = {}
        names: dict = {}
        kind_of = self._kind
        kinds = self._kinds
        for part, weight, is_title in ((title, title_weight, True), (text[:max_words * 12], 1, False)):
            sentence_start = True
            seen = 0
            for end, token, digits in _TOKEN.findall(part):
                if not token:
                    if end:
                        sentence_start = True
                    else:
                        number = _number(digits)
                        if number:
                            key = "n:" + number
                            anchors[key] = anchors.get(key, 0) + weight
                            names[key] = names.get(key, 0) + weight
                        sentence_start = False
                    continue
                seen += 1
                if seen > max_words:
                    break
                stem, anchor, strong = kinds.get((lang, token)) or kind_of(lang, token)
                # A capital at the start of a sentence says nothing; neither does an
                # English headline's title case.
                if anchor and not sentence_start and not (is_title and lang == "en"):
                    names[anchor] = names.get(anchor, 0) + weight
                    if strong:
                        anchors[anchor] = anchors.get(anchor, 0) + weight
                sentence_start = False
                if stem:
                    words[stem] = words.get(stem, 0) + weight
        for name in entities:
            for part in name.split():
                anchor = self._anchor(part)
                if anchor:
                    names[anchor] = names.get(anchor, 0) + 1
        return Features(lang, words, anchors, names)


def _number(token: str) -> str | None:
    """A number in one spelling for both languages (`1.500`, `1,500` -> `1500`; `1,5` -> `1.5`);
    None for a single digit, which says little."""
    if _THOUSANDS.match(token):
        value = token.replace(".", "").replace(",", "")
    else:
        value = token.replace(",", ".")
    return value if len(value) >= 2 else None


def load_exonyms(path: Path = EXONYMS_FILE) -> dict[str, str]:
    """{folded spelling: key}: every spelling of a place (German, English) maps to the first."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    mapping: dict[str, str] = {}
    for spellings in table.get("places", {}).values():
        folded = [slugify(s, separator="") for s in spellings]
        for spelling in folded:
            mapping[spelling] = folded[0]
    return mapping
