"""A typo set for the search's fuzzy fallback (issue 8), made with a fixed seed.

Rare words of the corpus (8+ letters, in at most MAX_DOCS articles) get one
typo each: a swap of two neighbouring letters, a dropped letter, a doubled
letter or a substituted one, in equal numbers. A typo whose index term exists
(a real word, or one stemming to a known term) is skipped, so every query
exercises the fallback. Each entry names the articles holding the word; a
query succeeds when one of them is among its first five hits.

    python bench/fuzzy_typos.py [--count 48] [--seed 8]   # prints the set
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1] / "plugins")]

from lunr_search.pipelines import PIPELINES, SEPARATOR, trim  # noqa: E402
from lunr_search.search_index import SearchDoc  # noqa: E402
from make_seeds import CORPUS as CORPUS_FILE, read_corpus, split_sentences  # noqa: E402

KINDS = ("swap", "drop", "double", "substitute")
MIN_LETTERS = 8
MAX_DOCS = 3
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"
FIELDS = ["title", "tags", "lead", "body", "source", "author"]


@dataclass(frozen=True)
class Typo:
    query: str
    word: str
    kind: str
    urls: tuple[str, ...]  # the articles holding the word


def _doc_words(doc: SearchDoc, fields: Sequence[str]) -> set[str]:
    return {trim(w) for name in fields for w in SEPARATOR.split(doc.field(name)) if w}


def typo_of(word: str, kind: str, rng: random.Random) -> str:
    """`word` with one typo of `kind`, not in its first letter."""
    i = rng.randrange(1, len(word) - 1)
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    letter = rng.choice([c for c in LETTERS if c != word[i].lower()])
    return word[:i] + letter + word[i + 1:]


def make_typos(docs: Sequence[SearchDoc], fields: Sequence[str], count: int = 48,
               seed: int = 8) -> list[Typo]:
    """`count` typos of rare words in `docs` (German), spread evenly over KINDS."""
    analyse = PIPELINES["de"].analyse
    holders: dict[str, set[int]] = {}
    by_term: dict[str, set[int]] = {}
    for n, doc in enumerate(docs):
        for word in _doc_words(doc, fields):
            term = analyse(word.lower())
            if term is None:
                continue
            by_term.setdefault(term, set()).add(n)
            if WORD.fullmatch(word) and len(word) >= MIN_LETTERS:
                holders.setdefault(word, set()).add(n)
    rare = sorted(w for w in holders if len(by_term[analyse(w.lower())]) <= MAX_DOCS)
    rng = random.Random(seed)
    rng.shuffle(rare)
    typos: list[Typo] = []
    used_terms: set[str] = set()
    for word in rare:
        if len(typos) == count:
            break
        kind = KINDS[len(typos) % len(KINDS)]
        query = typo_of(word, kind, rng)
        term = analyse(word.lower())
        if query == word or analyse(query.lower()) in by_term or term in used_terms:
            continue
        used_terms.add(term)
        typos.append(Typo(query, word, kind, tuple(sorted(docs[n].url for n in by_term[term]))))
    return typos


def corpus_docs() -> list[SearchDoc]:
    """The corpus articles as bench/make_seeds.py splits them (headline, lead, body)."""
    docs = []
    for n, (label, text) in enumerate(read_corpus()):
        sentences = split_sentences(text)
        docs.append(SearchDoc(url=f"articles/{n}.html", title=sentences[0], date=f"2026-01-{n % 28 + 1:02d}",
                              lang="de", source="derStandard", lead=(sentences[1:2] or sentences[:1])[0],
                              body=" ".join(sentences[2:]), tags=(label,)))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    for typo in make_typos(corpus_docs(), FIELDS, args.count, args.seed):
        print(f"{typo.kind:10} {typo.query:30} {typo.word:30} {' '.join(typo.urls)}")


if __name__ == "__main__":
    main()
