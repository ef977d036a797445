"""Decide and render a big site's pages in forked worker processes.

Pelican renders pages one after the other. Here the writer forks workers as
Pelican makes it, after every generator has its context: each process runs
Pelican's output loop over the same state, so all of them meet the same
pages in the same order, and page (or feed) number n is decided, rendered
and written by process n mod N only; the others just claim its file name,
as Pelican's overwrite checks need. Before the workers are forked, every
article is digested (canonical.py), a share in each process, so no worker
digests again the articles its list pages show. A worker skips the static files (the
parent copies them) and, after the last generator, sends its pages' records
to the parent and exits; the parent adds them to its own before it removes
stale files and saves the record. Every page is rendered from the same state
as in one process, so the site is the same bytes (tested). Pelican's
`content_written` signal is sent by the process that wrote the page, so a
plugin that collects written paths through it would see one share only (none
of this site's plugins does); a worker's warnings are its own, not counted by
the parent's `--fatal`.

Settings: INCREMENTAL_WORKERS (None: one per CPU; 1: no workers, as for
reading), INCREMENTAL_RENDER_MIN articles before workers pay (default 400).
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import sys
from dataclasses import dataclass, field

from pelican.generators import StaticGenerator

from .parallel import worker_count

logger = logging.getLogger(__name__)


@dataclass
class Share:
    """Which pages this process handles: number n where n % count == index."""

    index: int = 0
    count: int = 1
    workers: list[tuple[int, int]] = field(default_factory=list)  # the parent's: (pid, pipe to read)
    seen: int = 0

    def mine(self) -> bool:
        """Whether the next page (or feed) is this process's; counts it."""
        number, self.seen = self.seen, self.seen + 1
        return number % self.count == self.index


def start(build) -> Share:
    """Fork the workers when the site is big enough; this process's share."""
    settings = build.settings
    workers = worker_count(settings)
    articles = sum(len(getattr(g, "articles", None) or ()) for g in build.generators)
    if workers < 2 or articles < settings.get("INCREMENTAL_RENDER_MIN", 400):
        return Share()
    share = Share(count=workers)
    sys.stdout.flush()
    sys.stderr.flush()
    digest_ahead(build, workers)
    for index in range(1, workers):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            for _pid, other in share.workers:
                os.close(other)
            _become_worker(build, write)
            return Share(index=index, count=workers)
        os.close(write)
        share.workers.append((pid, read))
    return share


def digest_ahead(build, workers: int) -> None:
    """Digest every article before the workers are forked, in `workers` processes, so that
    each worker inherits the digests instead of making again those of the articles its pages
    show (nearly all of them, on the list pages)."""
    items = [item for g in build.generators for name in ("articles", "translations", "pages")
             for item in getattr(g, name, None) or ()]
    children = []
    for index in range(1, workers):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            try:
                data = pickle.dumps(build.digests.contents_of(items[index::workers]))
                with os.fdopen(write, "wb") as out:
                    out.write(data)
            finally:
                os._exit(0)
        os.close(write)
        children.append((pid, read, items[index::workers]))
    build.digests.contents_of(items[0::workers])
    for pid, read, part in children:
        digests = _receive(pid, read)
        if digests is not None:  # else the pages' owners digest them as they go
            build.digests.add_contents(part, digests)


def _receive(pid: int, pipe: int):
    """What the forked process `pid` pickled into `pipe`, once it has ended; None if it failed."""
    with os.fdopen(pipe, "rb") as source:
        data = source.read()
    _pid, status = os.waitpid(pid, 0)
    return pickle.loads(data) if data and not status else None


def _become_worker(build, pipe: int) -> None:
    """Make this forked process a worker: it never returns from the last
    generator's output, and an error ends it (it must not go on as the
    program that ran Pelican)."""
    generators = [g for g in build.generators if hasattr(g, "generate_output")]
    for generator in generators:
        generate = (lambda writer: None) if isinstance(generator, StaticGenerator) else generator.generate_output
        generator.generate_output = _guarded(generate, build, pipe, last=generator is generators[-1])


def _guarded(generate, build, pipe: int, last: bool):
    def run(writer):
        try:
            generate(writer)
            if last:
                data = pickle.dumps({"pages": build.pages, "rendered": build.rendered, "written": build.written,
                                     "kept": build.kept}, protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(pipe, "wb") as out:
                    out.write(data)
        except BaseException:  # noqa: BLE001 - reported here, the parent fails the build
            logger.exception("incremental: rendering pages in a worker process failed")
            _exit(1)
        if last:
            _exit(0)
    return run


def _exit(status: int) -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def collect(build, share: Share) -> None:
    """Add the workers' records to `build`'s; a worker that failed fails the build."""
    failed = []
    for pid, pipe in share.workers:
        part = _receive(pid, pipe)
        if part is None:
            failed.append(pid)
            continue
        build.pages.update(part["pages"])
        build.rendered += part["rendered"]
        build.written += part["written"]
        build.kept += part["kept"]
    share.workers.clear()
    if failed:
        raise SystemExit("incremental: a process rendering pages failed (its messages are above); "
                         "the next build renders its pages again")


def stop(share: Share) -> None:
    """End workers still running (the parent failed before collecting them)."""
    for pid, pipe in share.workers:
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except OSError:
            pass
        os.close(pipe)
    share.workers.clear()
