"""The shared 10kGNAD corpus: where it lies, and how a test that needs it skips when it is absent.

The corpus lies beside the checkout in ../shared/corpora and is never copied
into the project. Mark a test `@pytest.mark.corpus` (or call `need_corpus()`
in a fixture): without the corpus it is skipped with CORPUS_MISSING as its one
line in pytest's summary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "10kgnad-test.csv"
CORPUS_MISSING = (f"needs the 10kGNAD corpus at {CORPUS}, which is absent "
                  "(it lies beside the checkout in ../shared/corpora; see README, Prerequisites)")


def need_corpus() -> Path:
    """The corpus's path; skips the calling test when it is absent."""
    if not CORPUS.is_file():
        pytest.skip(CORPUS_MISSING)
    return CORPUS
