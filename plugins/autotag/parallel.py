"""Extract the articles a build has to tag in forked worker processes.

Extraction is pure and per article, so workers give the same candidates as
extracting in place, in the same order: the site is the same. The process
that forks the workers builds each language's Extractor (HanTa, the word
sets, the phrase index) first, so the workers share it instead of loading it
again. `Preloaded` is such a process started before Pelican reads the
articles: the loading then overlaps the reading.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
from contextlib import contextmanager
from typing import Callable, Iterator

from .extract import Extractor, extract
from .text import plain_text

Job = tuple[str, list[tuple[str, int]]]  # (language, [(HTML, weight), ...])
_worker_state: tuple[dict[str, Extractor], int] | None = None


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


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
    with _collector_skips_what_exists():
        if workers < 2 or len(jobs) < parallel_min or not can_fork():
            return [extract_one(extractors, min_weight, job) for job in jobs]
        global _worker_state
        _worker_state = (extractors, min_weight)
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                return pool.map(_extract_in_worker, jobs, chunksize=max(1, min(32, len(jobs) // (4 * workers))))
        finally:
            _worker_state = None


@contextmanager
def _collector_skips_what_exists() -> Iterator[None]:
    """Python's cyclic collector leaves the objects that exist now (HanTa's model, the word
    sets, the build's own) alone until the block ends: extraction makes many short-lived
    objects, and each full collection would walk all of those again (in a forked worker
    it would also write to the memory pages it shares with its parent)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class Preloaded:
    """`extract_all` in a forked process that builds the extractors of `langs` as soon as it
    starts, then waits for its one request. `close` ends it (also at exit, if never asked)."""

    def __init__(self, extractor: Callable[[str], Extractor], langs: list[str]):
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self._conn, extractor, langs))
        self._process.start()
        child.close()
        self._answered = False
        atexit.register(self.close)

    def extract_all(self, jobs: list[Job], min_weight: int, workers: int | None = None,
                    parallel_min: int = 200) -> list[dict]:
        """What `extract_all(jobs, extractor, ...)` returns, from the preloaded process."""
        try:
            self._conn.send((jobs, min_weight, workers, parallel_min))
            done, value = self._conn.recv()
            self._answered = True
        finally:
            self.close()
        if not done:
            raise value
        return value

    def close(self) -> None:
        atexit.unregister(self.close)
        self._conn.close()
        if not self._answered:  # still loading, or waiting for a request that will not come
            self._process.terminate()
        self._process.join()


def _serve(conn, parent_end, extractor: Callable[[str], Extractor], langs: list[str]) -> None:
    parent_end.close()  # so that the parent's end closing ends the wait below
    loaded = failed = None
    try:
        loaded = {lang: extractor(lang) for lang in langs}
    except Exception as error:  # reported to the request, as extracting in place would raise it
        failed = error
    try:
        jobs, min_weight, workers, parallel_min = conn.recv()
    except EOFError:  # closed unasked: nothing to extract
        return
    try:
        if failed:
            raise failed
        result = (True, extract_all(jobs, lambda lang: loaded.get(lang) or extractor(lang), min_weight,
                                    workers, parallel_min))
    except Exception as error:
        result = (False, error)
    try:
        conn.send(result)
    except Exception:  # an error that cannot be pickled
        conn.send((False, RuntimeError(f"autotag: extraction failed: {result[1]!r}")))
