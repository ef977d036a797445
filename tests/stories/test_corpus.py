"""The 1,028-article corpus (one source, so few true stories): at most 3 % of articles grouped.

Its rows get times as bench/stories_bench.py gives them (a week of news, one
row every ~10 minutes); docs/benchmarks.md lists and judges every group found.
"""

from __future__ import annotations

import sys
from collections import Counter

import pytest

from stories.cluster import Doc, StoryIndex
from stories.features import Extractor
from tests.support import corpus
from tests.support.site import ROOT

GROUPED_CEILING = 0.03


@pytest.mark.corpus
def test_at_most_three_percent_of_the_corpus_is_grouped():
    sys.path.insert(0, str(ROOT / "bench"))
    from stories_bench import corpus_articles

    extractor, index = Extractor(), StoryIndex()
    articles = list(corpus_articles(corpus.CORPUS, copies=1, spread_hours=168 / 1028, gap_days=4, same_time=False))
    for article_id, when, title, text in articles:
        index.add(Doc(article_id, when, extractor.features("de", title, text)))
    sizes = Counter(index.story_of.values())
    grouped = sum(n for n in sizes.values() if n > 1)
    assert len(articles) == 1028
    assert grouped / len(articles) <= GROUPED_CEILING
