"""Documents' fields to index terms: what lunr's scores need (per field of
each document its length and term counts) and what the typo table needs (how
often each surface form occurs), from one split of each text.

Words are split as lunr.js splits them (any whitespace or hyphen) but not
lowercased: the display forms need the words as written. A `Vocabulary`
numbers the words as written and their terms, and analyses each distinct
word once (lowercased, then the language's pipeline); it can be kept from
one build to the next (analysis_cache.py). One document's analysis
(`DocumentTerms`) is a few integer arrays over those numbers, so documents
analysed in earlier builds are gathered with their new neighbours by
concatenation.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .pipelines import PIPELINES, fold_invisible, separate_cjk

NO_TERM = -1
INT = np.int32


def split_words(text: str) -> list[str]:
    """`text`'s words as pipelines.tokenize splits them (invisible characters
    removed, any whitespace or hyphen, each CJK character a word), not
    lowercased."""
    return separate_cjk(fold_invisible(text)).replace("-", " ").split()


class Vocabulary:
    """One language's words as written and their index terms, each numbered
    in the order first seen; `word_terms[n]` is word n's term (NO_TERM for a
    stop word or punctuation)."""

    def __init__(self, lang: str, words: Sequence[str] = (), word_terms: Iterable[int] = (),
                 terms: Sequence[str] = ()):
        self.analyse = PIPELINES[lang].analyse
        self.words = list(words)
        self.word_numbers = {word: n for n, word in enumerate(self.words)}
        self.word_terms = array("i", word_terms)
        self.terms = list(terms)
        self.term_numbers = {term: n for n, term in enumerate(self.terms)}
        if len(self.word_terms) != len(self.words) or not all(-1 <= t < len(self.terms) for t in self.word_terms):
            raise ValueError("each word needs a term number or NO_TERM")

    def word(self, word: str) -> int:
        """The number of `word` as written, analysed when it is new."""
        number = self.word_numbers.get(word)
        if number is None:
            number = self.word_numbers[word] = len(self.words)
            self.words.append(word)
            term = self.analyse(word.lower())
            if term is None:
                self.word_terms.append(NO_TERM)
            else:
                term_number = self.term_numbers.setdefault(term, len(self.terms))
                if term_number == len(self.terms):
                    self.terms.append(term)
                self.word_terms.append(term_number)
        return number


@dataclass(frozen=True)
class DocumentTerms:
    """One document's analysis. A run is one field with at least one term:
    `run_field`, `run_length` (its terms, repeats counted) and `run_terms`
    (its distinct terms, whose numbers and counts follow in `term` and `tf`,
    run after run). `words` and `counts`: the words as written that have a
    term, with their occurrences in all fields."""

    run_field: np.ndarray
    run_length: np.ndarray
    run_terms: np.ndarray
    term: np.ndarray
    tf: np.ndarray
    words: np.ndarray
    counts: np.ndarray


def analyse_document(texts: Sequence[str], vocabulary: Vocabulary) -> DocumentTerms:
    """The analysis of one document whose fields hold `texts`."""
    run_field, run_length, run_terms, terms, tfs = [], [], [], [], []
    surfaces: Counter[int] = Counter()
    word_terms = vocabulary.word_terms
    for field_number, text in enumerate(texts):
        counts: dict[int, int] = {}
        length = 0
        for word, count in Counter(split_words(text)).items():
            number = vocabulary.word(word)
            term = word_terms[number]
            if term != NO_TERM:
                counts[term] = counts.get(term, 0) + count
                length += count
                surfaces[number] += count
        if counts:
            run_field.append(field_number)
            run_length.append(length)
            run_terms.append(len(counts))
            terms += counts.keys()
            tfs += counts.values()
    return DocumentTerms(*(np.array(values, dtype=INT) for values in (
        run_field, run_length, run_terms, terms, tfs, list(surfaces.keys()), list(surfaces.values()))))


@dataclass
class TermCounts:
    """What lunr's scores need of one index's documents: their runs (as in
    DocumentTerms) end to end, `run_doc` naming each run's document, terms
    numbered into `terms`. `documents` counts them all (lunr's average field
    lengths divide by it)."""

    terms: list[str]  # term number -> term
    documents: int
    run_doc: np.ndarray
    run_field: np.ndarray
    run_length: np.ndarray
    run_terms: np.ndarray
    term: np.ndarray
    tf: np.ndarray


SurfaceForm = tuple[str, str, int]  # (index term, a word as written that gives it, occurrences)


def gather(analysed: Iterable[tuple[int, DocumentTerms]],
           vocabulary: Vocabulary) -> tuple[TermCounts, list[SurfaceForm]]:
    """The documents' analyses as one index's term counts (only the terms
    they hold, numbered anew) and surface forms; `analysed` gives
    (document number, its analysis), read once."""
    docs, parts = [], []
    for doc, terms in analysed:
        docs.append(doc)
        parts.append(terms)

    def joined(name: str) -> np.ndarray:
        return np.concatenate([getattr(p, name) for p in parts]) if parts else np.zeros(0, dtype=INT)

    run_terms = joined("run_terms")
    term = joined("term")
    used, term = np.unique(term, return_inverse=True)
    words, counts = joined("words"), joined("counts")
    totals = np.bincount(words, weights=counts, minlength=len(vocabulary.words)).astype(np.int64)
    present = np.flatnonzero(totals)
    word_terms = np.frombuffer(vocabulary.word_terms, dtype=INT) if len(vocabulary.word_terms) else np.zeros(0, INT)
    forms = [(vocabulary.terms[t], vocabulary.words[w], c)
             for w, t, c in zip(present.tolist(), word_terms[present].tolist(), totals[present].tolist())]
    result = TermCounts(
        terms=[vocabulary.terms[t] for t in used.tolist()], documents=len(docs),
        run_doc=np.repeat(np.array(docs, dtype=INT), [len(p.run_field) for p in parts]).astype(INT),
        run_field=joined("run_field"), run_length=joined("run_length"), run_terms=run_terms,
        term=term.astype(INT), tf=joined("tf"))
    return result, forms


def analyse_documents(docs: Iterable[tuple[int, Sequence[str]]],
                      lang: str) -> tuple[TermCounts, list[SurfaceForm]]:
    """`docs`: (document number, the text of each field), read once, so a
    generator keeps only one document's texts in memory."""
    vocabulary = Vocabulary(lang)
    return gather(((doc, analyse_document(texts, vocabulary)) for doc, texts in docs), vocabulary)
