"""Incremental builds: read, render and write only what changed; remove what no longer belongs.

- caches.py: Pelican's reader cache per site, atomic, pruned, never fatal.
- inputs.py: the digests of settings, code, theme and packages a build depends on.
- canonical.py: digests of the data a page is rendered from.
- tracking.py: what a rendering reads (names, pagination attributes).
- writer.py: the Writer that skips pages whose inputs are unchanged.
- adapter.py: the build's decisions, stale files, the record, the summary line.
"""

from .adapter import register

__all__ = ["register"]
