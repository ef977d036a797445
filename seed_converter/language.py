"""Detect an article's language with Lingua (deterministic, offline models).

Low-accuracy mode loads in ~50 ms instead of ~1 s and is reliable on texts of
a paragraph or more, which every article is; the detector is only built when
a seed actually needs converting, so a no-change run never pays for it.
"""

from __future__ import annotations

from functools import lru_cache

LANGUAGES = ("de", "en", "fr", "es", "it", "nl")
_SAMPLE_CHARS = 600  # headline, lead and some body: plenty, and 3x faster than 2000


@lru_cache(maxsize=None)
def _detector(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_languages(texts: list[str], default: str = "de",
                     codes: tuple[str, ...] = LANGUAGES) -> list[str]:
    """ISO 639-1 code of each text's language (`default` when undecidable).

    One batch call: Lingua spreads it over the machine's cores.
    """
    if not texts:
        return []
    found = _detector(codes).detect_languages_in_parallel_of([t[:_SAMPLE_CHARS] for t in texts])
    return [language.iso_code_639_1.name.lower() if language else default for language in found]
