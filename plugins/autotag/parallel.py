"""Extract the articles a build has to tag in forked worker processes.

Extraction is pure and per article, so workers give the same candidates as
extracting in place, in the same order: the site is the same. The parent
builds each language's Extractor (HanTa, the word sets, the phrase index)
before forking, so the workers share it instead of loading it again.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable

from .extract import Extractor, extract
from .text import plain_text

Job = tuple[str, list[tuple[str, int]]]  # (language, [(HTML, weight), ...])
_worker_state: tuple[dict[str, Extractor], int] | None = None


def extract_one(extractors: dict[str, Extractor], min_weight: int, job: Job) -> dict:
    lang, fields = job
    ex = extractors[lang]
    return extract([(plain_text(html), weight) for html, weight in fields], ex.names, ex.table, ex.words,
                   min_weight, lang, ex)


def _extract_in_worker(job: Job) -> dict:
    extractors, min_weight = _worker_state
    return extract_one(extractors, min_weight, job)


def extract_all(jobs: list[Job], extractor: Callable[[str], Extractor], min_weight: int,
                workers: int | None = None, parallel_min: int = 200) -> list[dict]:
    """Each job's candidates, in order; in `workers` processes (None: one per CPU) when there
    are at least `parallel_min` jobs and the platform can fork, else in this process."""
    extractors = {lang: extractor(lang) for lang in sorted({lang for lang, _ in jobs})}
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    if workers < 2 or len(jobs) < parallel_min or "fork" not in multiprocessing.get_all_start_methods():
        return [extract_one(extractors, min_weight, job) for job in jobs]
    global _worker_state
    _worker_state = (extractors, min_weight)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_extract_in_worker, jobs, chunksize=max(1, min(32, len(jobs) // (4 * workers))))
    finally:
        _worker_state = None
