"""Which capitalised words are proper nouns, from HanTa.

HanTa's part-of-speech pass costs about a millisecond per unknown word, so a
build asks it only about word types, once each (memoised), and skips words
that cheap checks already settle: long unknown words and compounds ending in
a known common noun (`Kriegsgefahr`) are German common nouns, not names.
"""

from __future__ import annotations

from functools import lru_cache

MODELS = {"de": ("morphmodel_ger.pgz", "NE"), "en": ("morphmodel_en.pgz", "NP0")}
# Unknown words this long are nearly always compound common nouns.
LONG_UNKNOWN = 10
# Common-noun endings that are also the ends of place and family names.
_NAME_ENDINGS = frozenset({
    "mann", "land", "berg", "dorf", "stadt", "burg", "feld", "bach", "heim", "hausen",
    "stein", "hof", "haus", "kirchen", "brück", "brücke", "see", "tal", "wald", "furt",
})


@lru_cache(maxsize=None)
def _tagger(model: str):
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger(model)


class Lexicon:
    """`proper_noun(word)`: whether HanTa tags `word` first as a proper noun."""

    def __init__(self, lang: str):
        model, self._proper = MODELS.get(lang, MODELS["de"])
        self._tagger = _tagger(model)
        self._german = model == MODELS["de"][0]
        self._memo: dict[str, bool] = {}
        self._noun_heads = self._known_common_nouns() if self._german else frozenset()

    def _known_common_nouns(self) -> frozenset[str]:
        noun = self._tagger.tag2int["NN"]
        return frozenset(w for w, tags in self._tagger.cache.items()
                         if tags and tags[0][0] == noun and len(w) >= 4 and w not in _NAME_ENDINGS)

    def known(self, word: str) -> bool:
        """Whether HanTa's model knows `word` (then asking about it is cheap)."""
        return self._tagger.normalize(word).lower() in self._tagger.cache

    def common_word(self, word: str) -> bool:
        """Whether the model knows `word` in lower case as an ordinary word (`knapp`, `lange`,
        `seine`): an adverb, adjective, verb or function word, not a noun or name."""
        tags = self._tagger.cache.get(word.lower())
        if not tags or word.lower() == word:
            return False
        top = self._tagger.int2tag[tags[0][0]] if hasattr(self._tagger, "int2tag") else None
        return top is not None and not top.startswith(("NN", "NE", "NP", "FM", "XY"))

    def adjective(self, word: str) -> bool:
        """Whether the model knows `word` in lower case, or its stem with `-e`/`-en`, first as
        an attributive adjective (`bayerischen`, `weißes` as `weiße`)."""
        if not self._german:
            return False
        low = word.lower()
        stem = low[:-2] if low.endswith(("en", "em", "er", "es")) else low[:-1] if low.endswith("e") else low
        for form in dict.fromkeys((low, stem + "e", stem + "en")):
            tags = self._tagger.cache.get(form)
            if tags:
                return self._tagger.int2tag[tags[0][0]].startswith("ADJ(A)")
        return False

    def _surely_common(self, word: str) -> bool:
        if self.known(word):
            return False
        if len(word) >= LONG_UNKNOWN:
            return True
        head = word.lower().rsplit("-", 1)[-1]
        return any(head[i:] in self._noun_heads for i in range(1, len(head) - 3))

    def proper_noun(self, word: str) -> bool:
        if word not in self._memo:
            self._memo[word] = self._lookup(word)
        return self._memo[word]

    def _lookup(self, word: str) -> bool:
        if self._german and self._surely_common(word):
            return False
        tags = self._tagger.tag_word(word, cutoff=0)
        return bool(tags) and tags[0][0] == self._proper
