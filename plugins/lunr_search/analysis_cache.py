"""Each article's analysis, kept between builds.

An article's analysis (analysis.DocumentTerms: its runs of term numbers and
counts, its surface words) and the name of its text file depend on its
fields alone, through the code and settings `cache_key` digests; the
vocabularies that number the words and terms are kept with them. With this,
a build analyses only the articles it has not seen (and their new words),
and gathers the rest by concatenation.

Entries are found by the adapter's digest of an article's fields
(SearchDoc.digest). The file holds the entries this build used, so deleted
articles leave it; the vocabularies only grow. Like the compound cache it is
a hint: an unreadable, malformed or unwritable file costs one warning, and
the articles are analysed anew (the same index either way). It is a NumPy
archive without pickles, so reading it runs no code.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Callable

import numpy as np

from seed_converter.atomic import write_hint

from .analysis import INT, DocumentTerms, Vocabulary
from .code_digest import code_digest

FILE = "analysis.npz"
FORMAT = "1"
Warn = Callable[..., None]
_ARRAYS = [f.name for f in fields(DocumentTerms)]
_RUNS, _POSTINGS, _SURFACE = ("run_field", "run_length", "run_terms"), ("term", "tf"), ("words", "counts")


@dataclass(frozen=True)
class Entry:
    lang: str  # the index it was analysed for (its term numbers are that vocabulary's)
    text_name: str  # its text file (search_index.text_name)
    text_size: int  # the text file's bytes
    terms: DocumentTerms


class AnalysisCache:
    """The vocabularies and the entries by article digest; `used` collects
    the entries this build found or added (what `save` keeps), `added`
    counts the articles analysed."""

    def __init__(self, vocabularies: dict[str, Vocabulary] | None = None,
                 entries: dict[str, Entry] | None = None):
        self.vocabularies = vocabularies or {}
        self.entries = entries or {}
        self.used: dict[str, Entry] = {}
        self.added = 0

    def vocabulary(self, lang: str) -> Vocabulary:
        if lang not in self.vocabularies:
            self.vocabularies[lang] = Vocabulary(lang)
        return self.vocabularies[lang]

    def get(self, digest: str, lang: str) -> Entry | None:
        entry = self.entries.get(digest) if digest else None
        if entry is None or entry.lang != lang:
            return None
        self.used[digest] = entry
        return entry

    def put(self, digest: str, entry: Entry) -> None:
        if digest:
            self.entries[digest] = self.used[digest] = entry
            self.added += 1


def cache_key(fields_setting: Sequence[str], languages: Sequence[str], fallback: str) -> str:
    """A digest of what decides an analysis: the analysing code, the packages
    it runs (stemmers, compound splitter), the fields in their order and the
    index languages."""
    return code_digest(FORMAT, "fields", *fields_setting, "languages", *languages, "fallback", fallback,
                       files=("analysis.py", "compounds.py", "charsplit_model.py", "pipelines.py", "search_index.py",
                              "stopwords-de.txt"),
                       packages=("compound-split", "snowballstemmer", "pystemmer", "lunr"))


def _lines(array: np.ndarray) -> list[str]:
    text = array.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def _text(lines: Sequence[str]) -> np.ndarray:
    return np.frombuffer("\n".join(lines).encode("utf-8"), dtype=np.uint8)


def load(folder: Path, key: str, warn: Warn) -> AnalysisCache:
    """The cache stored under `key`; an empty one when there is no file, it
    has another key, or it is not what `save` writes."""
    path = folder / FILE
    try:
        with np.load(path, allow_pickle=False) as archive:
            if _lines(archive["key"]) != [key]:
                return AnalysisCache()
            return _read(archive)
    except FileNotFoundError:
        return AnalysisCache()
    except (OSError, KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile, EOFError) as error:
        warn("lunr_search: ignoring the analysis cache %s (%s); articles are analysed anew", path, error)
        return AnalysisCache()


def _read(archive: Mapping[str, np.ndarray]) -> AnalysisCache:
    vocabularies = {}
    for lang in _lines(archive["langs"]):
        vocabularies[lang] = Vocabulary(lang, _lines(archive[f"{lang}.words"]), archive[f"{lang}.word_terms"].tolist(),
                                        _lines(archive[f"{lang}.terms"]))
    digests, entry_langs, names = (_lines(archive[k]) for k in ("digests", "entry_langs", "text_names"))
    sizes = archive["text_sizes"].tolist()
    offsets = {group: archive[f"{group[0]}.at"].tolist() for group in (_RUNS, _POSTINGS, _SURFACE)}
    columns = {name: archive[name].astype(INT, copy=False) for name in _ARRAYS}
    if not (len(digests) == len(entry_langs) == len(names) == len(sizes)
            and all(len(at) == len(digests) + 1 for at in offsets.values())
            and set(entry_langs) <= set(vocabularies)):
        raise ValueError("inconsistent lengths")
    entries = {}
    for n, digest in enumerate(digests):
        parts = {}
        for group, at in offsets.items():
            for name in group:
                parts[name] = columns[name][at[n]:at[n + 1]]
        vocabulary = vocabularies[entry_langs[n]]
        terms = DocumentTerms(**parts)
        if (len(terms.run_terms) and terms.run_terms.sum() != len(terms.term)) or \
                (len(terms.term) and not 0 <= terms.term.min() <= terms.term.max() < len(vocabulary.terms)) or \
                (len(terms.words) and not 0 <= terms.words.min() <= terms.words.max() < len(vocabulary.words)):
            raise ValueError(f"a malformed entry ({digest})")
        entries[digest] = Entry(entry_langs[n], names[n], sizes[n], terms)
    return AnalysisCache(vocabularies, entries)


def save(folder: Path, key: str, cache: AnalysisCache, warn: Warn) -> None:
    """Write the vocabularies and the entries this build used, atomically; a
    folder that cannot be written costs one warning."""
    used = [(digest, cache.used[digest]) for digest in sorted(cache.used)]
    arrays = {"key": _text([key]), "langs": _text(sorted(cache.vocabularies)),
              "digests": _text([d for d, _ in used]), "entry_langs": _text([e.lang for _, e in used]),
              "text_names": _text([e.text_name for _, e in used]),
              "text_sizes": np.array([e.text_size for _, e in used], dtype=np.int64)}
    for lang, vocabulary in cache.vocabularies.items():
        arrays[f"{lang}.words"] = _text(vocabulary.words)
        arrays[f"{lang}.word_terms"] = np.frombuffer(vocabulary.word_terms, dtype=INT).copy() \
            if len(vocabulary.word_terms) else np.zeros(0, dtype=INT)
        arrays[f"{lang}.terms"] = _text(vocabulary.terms)
    for group in (_RUNS, _POSTINGS, _SURFACE):
        lengths = [len(getattr(e.terms, group[0])) for _, e in used]
        arrays[f"{group[0]}.at"] = np.concatenate(([0], np.cumsum(lengths, dtype=np.int64)))
        for name in group:
            arrays[name] = np.concatenate([getattr(e.terms, name) for _, e in used]).astype(INT) \
                if used else np.zeros(0, dtype=INT)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    write_hint(folder / FILE, buffer.getvalue(), warn,
               "lunr_search: cannot write the analysis cache %s (%s); the next build analyses every article")
