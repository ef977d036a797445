"""Real articles for search tests: the first rows of the 10kGNAD test corpus."""

from __future__ import annotations

import csv
import re

import pytest
from lunr.builder import Builder
from lunr.index import Index

from lunr_search.pipelines import PIPELINES, tokenize
from lunr_search.search_index import SearchDoc
from tests.support.site import ROOT

CORPUS = ROOT.parent / "shared" / "corpora" / "10kgnad-test.csv"
FIELDS = {"title": 10, "tags": 5, "lead": 3, "body": 1, "source": 2, "author": 2}


def corpus_docs(count: int) -> list[SearchDoc]:
    """`count` German articles (headline, lead, body, section as tag) and one English one."""
    if not CORPUS.exists():
        pytest.skip(f"corpus missing: {CORPUS}")
    docs = []
    with CORPUS.open(encoding="utf-8") as f:
        for n, (label, text) in zip(range(count), csv.reader(f, delimiter=";", quotechar="'")):
            sentences = re.split(r"(?<=[.!?])\s+", text.strip())
            docs.append(SearchDoc(url=f"articles/{n}.html", title=sentences[0], date=f"2026-01-{n % 28 + 1:02d}",
                                  lang="de", source="derStandard", lead=" ".join(sentences[1:2]),
                                  body=" ".join(sentences[2:]), tags=(label,)))
    docs.append(SearchDoc(url="articles/en.html", title="Vienna police and politics", date="2026-02-01",
                          lang="en", lead="The police in Vienna talk politics.", body="Austria votes."))
    return docs


def lunr_py_index(docs: list[tuple[int, SearchDoc]], lang: str, fields=FIELDS) -> Index:
    """The reference: lunr.py's own Builder over `docs` (store position, doc)."""
    builder = Builder()
    builder.pipeline.add(*PIPELINES[lang].search)
    builder.search_pipeline.add(*PIPELINES[lang].search)
    builder.ref("id")
    for name, boost in fields.items():
        builder.field(name, boost=boost)
    for position, doc in docs:
        builder.add({"id": str(position), **{name: tokenize(doc.field(name)) for name in fields}})
    return builder.build()
