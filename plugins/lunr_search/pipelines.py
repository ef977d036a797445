"""lunr.py text pipelines for German and English, mirrored by lunr.js in the browser.

Every function is registered under the label the browser registers it under
(lunr-languages' `stopWordFilter-de`, `stemmer-de`; lunr.js' `stopWordFilter`
and `stemmer`; and `transliterate-de`, `trimmer-any-de` and `trimmer-any-en`
from theme/static/search/search-pipeline.js), because the meta file names
each index's pipeline and the browser loads it by those names.

Why not lunr.py's own `languages="de"`: it calls `nltk.download()` at every
build, and its trimmer keeps only the letters of the German stop-word list, so
`p`, `q`, `x`, `y` are cut from word edges (`Politik` becomes `olitik`).

The German stemmer is Snowball's, from `snowballstemmer`. Its version must
compute the same stems as lunr-languages' JavaScript port: snowballstemmer
2.2.0 does, on every word of the 10kGNAD test corpus; 3.x stems differently
(`abgebildet` → `abgebild`), which a browser query would then miss.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.token import Token
from lunr.stemmer import stemmer as english_stemmer
from lunr.stop_word_filter import stop_word_filter as english_stop_word_filter

# Characters that change how text looks or runs but are no part of a word:
# soft hyphen, zero-width spaces and joiners, bidi marks, embeddings,
# overrides and isolates, word joiner and invisible operators, the BOM. They
# are removed before text is split, so `Bundes\u200btag` is `Bundestag`;
# search-core.js removes the same from queries.
INVISIBLE = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_INVISIBLE_TABLE = dict.fromkeys(
    [0x00AD, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065),
     *range(0x2066, 0x2070), 0xFEFF])
_HAS_INVISIBLE = re.compile(f"[{INVISIBLE}]")

# Scripts written without spaces: each character is a word of its own (CJK
# ideographs, kana, Hangul syllables); search-core.js splits queries alike.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_CHARACTER = re.compile(f"([{CJK}])")
_HAS_CJK = re.compile(f"[{CJK}]")


def fold_invisible(text: str) -> str:
    """`text` without invisible format characters (INVISIBLE)."""
    # Searching is much cheaper than translating, and most text has none.
    return text.translate(_INVISIBLE_TABLE) if not text.isascii() and _HAS_INVISIBLE.search(text) else text


def separate_cjk(text: str) -> str:
    """Spaces around every CJK character, so each is split off as a word."""
    return _CJK_CHARACTER.sub(r" \1 ", text) if not text.isascii() and _HAS_CJK.search(text) else text


def _is_word_character(c: str) -> bool:
    # Letters, marks and digits of every script: the browser's trimmer keeps
    # \p{L}, \p{M} and \p{N} (search-pipeline.js).
    return unicodedata.category(c)[0] in "LMN"


# Snowball's german2 prelude: ae/oe/ue stand for ä/ö/ü, except `ue` after a
# vowel (neue, Bauer: there `u` is a consonant) or after `q` (Quelle).
_DIGRAPH = re.compile(r"ae|oe|(?<![aeiouyäöüq])ue")
_UMLAUT = {"ae": "ä", "oe": "ö", "ue": "ü"}

STOP_WORDS_DE_FILE = Path(__file__).with_name("stopwords-de.txt")


def trim(word: str) -> str:
    """Cut everything but letters, marks and digits (of any script) from both
    ends of `word`; linear in its length whatever it holds."""
    if word.isascii() and word.isalnum():
        return word  # only A-Z, a-z, 0-9: nothing to cut (most words; the test is cheaper)
    start, end = 0, len(word)
    while start < end and not _is_word_character(word[start]):
        start += 1
    while end > start and not _is_word_character(word[end - 1]):
        end -= 1
    return word[start:end]


def transliterate(word: str) -> str:
    """Spell ae/oe/ue as ä/ö/ü so `Oesterreich` and `Österreich` stem alike."""
    if "ae" not in word and "oe" not in word and "ue" not in word:
        return word  # most words; three substring tests are cheaper than the pattern
    return _DIGRAPH.sub(lambda m: _UMLAUT[m.group(0)], word)


def load_stop_words(path: Path = STOP_WORDS_DE_FILE) -> frozenset[str]:
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip())


_german = snowballstemmer.stemmer("german")
# PyStemmer remembers 10,000 words by default; the build stems each distinct
# word once, so its cache only costs (a third of the stemming time, and memory).
_german.maxCacheSize = 0


def stem_de(word: str) -> str:
    return _german.stemWord(word)


def _make_trimmer():
    def trimmer(token, i=None, tokens=None):
        token.update(lambda s, _m: trim(s))
        return token if str(token) else None
    return trimmer


def transliterate_de(token, i=None, tokens=None):
    return token.update(lambda s, _m: transliterate(s))


def _make_stop_word_filter(stop_words: frozenset[str]):
    def stop_word_filter(token, i=None, tokens=None):
        return None if str(token) in stop_words else token
    return stop_word_filter


def stemmer_de(token, i=None, tokens=None):
    return token.update(lambda s, _m: stem_de(s))


# One function object per label: registering sets `fn.label`.
trimmer_de = _make_trimmer()
trimmer_en = _make_trimmer()
STOP_WORDS_DE = load_stop_words()
stop_word_filter_de = _make_stop_word_filter(STOP_WORDS_DE)

Pipeline.register_function(trimmer_de, "trimmer-any-de")
Pipeline.register_function(trimmer_en, "trimmer-any-en")
Pipeline.register_function(transliterate_de, "transliterate-de")
Pipeline.register_function(stop_word_filter_de, "stopWordFilter-de")
Pipeline.register_function(stemmer_de, "stemmer-de")


def _make_analyser(functions: tuple):
    """A word's index term (or None), all of `functions` in one step.

    Not remembered here: the build analyses each distinct word once
    (analysis.py) and keeps nothing after it.
    """
    def analyse(word: str) -> str | None:
        tokens = [Token(word)]
        for fn in functions:
            tokens = [t for t in (fn(tok) for tok in tokens) if t]
        return str(tokens[0]) if tokens else None

    return analyse


@dataclass(frozen=True)
class LanguagePipeline:
    """`search`: what a query goes through, in order (the index names their
    labels); `analyse`: the same for one lowercased word while indexing."""

    search: tuple
    analyse: object

    @property
    def labels(self) -> list[str]:
        return [fn.label for fn in self.search]


def _language(functions: tuple, on_strings=None) -> LanguagePipeline:
    """`on_strings`: the same steps as plain string functions, which skip
    lunr.py's Token objects (a third of the time for a corpus's 65,000
    distinct words); tests/search/test_pipelines.py checks both agree."""
    analyse = on_strings or _make_analyser(functions)
    return LanguagePipeline(search=functions, analyse=analyse)


def analyse_de(word: str) -> str | None:
    """trimmer-de, transliterate-de, stopWordFilter-de and stemmer-de on a string."""
    word = trim(word)
    if not word:
        return None
    word = transliterate(word)
    return None if word in STOP_WORDS_DE else stem_de(word)


# The search pipeline is the indexing one: the trimmer so `Politik?` matches,
# the stop-word filter so a required stop word does not empty a query.
PIPELINES = {
    "de": _language((trimmer_de, transliterate_de, stop_word_filter_de, stemmer_de), analyse_de),
    "en": _language((trimmer_en, english_stop_word_filter, english_stemmer)),
}
SEPARATOR = re.compile(r"[\s\-]+")


def tokenize(text: str) -> list[str]:
    """Split as search-core.js splits queries (invisible characters removed,
    then any whitespace or hyphen, each CJK character a word), lowercased."""
    return [w for w in SEPARATOR.split(separate_cjk(fold_invisible(text)).lower()) if w]


def run(lang: str, text: str) -> list[str]:
    """The terms `text` becomes in the index of language `lang`."""
    pipeline = Pipeline()
    pipeline.add(*PIPELINES[lang].search)
    return [str(t) for t in pipeline.run([Token(w) for w in tokenize(text)])]
