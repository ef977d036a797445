"""Documents' fields to index terms, in one pass: what lunr's scores need (per
field of each document its length and term counts) and what the typo table
needs (how often each surface form occurs), from one split of each text.

Words are split as lunr.js splits them (any whitespace or hyphen) but not
lowercased: the display forms need the words as written. Each distinct word
is analysed once (lowercased, then the language's pipeline), and terms are
numbered, so what is kept per (field, document, term) is two C integers.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .pipelines import PIPELINES, fold_invisible, separate_cjk

NO_TERM = -1


def split_words(text: str) -> list[str]:
    """`text`'s words as pipelines.tokenize splits them (invisible characters
    removed, any whitespace or hyphen, each CJK character a word), not
    lowercased."""
    return separate_cjk(fold_invisible(text)).replace("-", " ").split()


class TermNumbers(dict):
    """Word as written -> the number of its index term (NO_TERM for a stop
    word or punctuation); a new word is analysed on first lookup."""

    def __init__(self, lang: str):
        super().__init__()
        self.analyse = PIPELINES[lang].analyse
        self.numbers: dict[str, int] = {}  # term -> number, in number order

    def __missing__(self, word: str) -> int:
        term = self.analyse(word.lower())
        number = NO_TERM if term is None else self.numbers.setdefault(term, len(self.numbers))
        self[word] = number
        return number


@dataclass
class TermCounts:
    """What lunr's scores need of one index's documents.

    `documents` counts them all (lunr's average field lengths divide by it).
    A run is one (document, field) with at least one term: `run_doc`,
    `run_field`, `run_length` (its terms, repeats counted) and `run_terms`
    (its distinct terms, whose numbers and counts follow in `term` and `tf`,
    run after run).
    """

    terms: list[str]  # term number -> term
    documents: int = 0
    run_doc: array = field(default_factory=lambda: array("i"))
    run_field: array = field(default_factory=lambda: array("i"))
    run_length: array = field(default_factory=lambda: array("i"))
    run_terms: array = field(default_factory=lambda: array("i"))
    term: array = field(default_factory=lambda: array("i"))
    tf: array = field(default_factory=lambda: array("i"))


SurfaceForm = tuple[str, str, int]  # (index term, a word as written that gives it, occurrences)


def analyse_documents(docs: Iterable[tuple[int, Sequence[str]]],
                      lang: str) -> tuple[TermCounts, list[SurfaceForm]]:
    """`docs`: (document number, the text of each field), read once, so a
    generator keeps only one document's texts in memory."""
    numbers = TermNumbers(lang)
    surfaces: Counter[str] = Counter()
    result = TermCounts(terms=[])
    for doc, texts in docs:
        result.documents += 1
        for f, text in enumerate(texts):
            words = split_words(text)
            surfaces.update(words)
            counts = Counter(map(numbers.__getitem__, words))
            without_term = counts.pop(NO_TERM, 0)
            if counts:
                result.run_doc.append(doc)
                result.run_field.append(f)
                result.run_length.append(len(words) - without_term)
                result.run_terms.append(len(counts))
                result.term.extend(counts.keys())
                result.tf.extend(counts.values())
    result.terms = list(numbers.numbers)
    forms = [(result.terms[numbers[word]], word, count) for word, count in surfaces.items()
             if numbers[word] != NO_TERM]
    return result, forms
