"""Pelican adapter: decide what this build may reuse, hand Pelican the incremental writer,
remove what no longer belongs in the output, keep the record, say what happened.

Settings: CACHE_PATH (the site's records live in CACHE_PATH/incremental/<site>/),
OUTPUT_RETENTION (never removed). A plugin that leaves an output file as it is,
because its bytes would not change, lists it (relative to the output folder, with
"/") in its generator's `kept_outputs`, so it is not removed as stale. The environment variable
INCREMENTAL_FULL_BUILD=1 (`make html FULL=1`) forces a full build.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import shutil
import sys
import time
from pathlib import Path

from pelican import signals

from . import caches, inputs, manifest, parallel, rendering
from .canonical import Digests
from .tracking import TrackingContext
from .writer import IncrementalWriter, file_state

logger = logging.getLogger(__name__)
PROJECT = Path(__file__).resolve().parents[2]
_BIG = 64  # lists at least this long are digested once per build


class Build:
    """One run of Pelican: what the last one left, what this one produced."""

    def __init__(self, pelican) -> None:
        settings = pelican.settings
        self.started = time.monotonic()
        self.settings = settings
        self.output = Path(settings["OUTPUT_PATH"])
        place = "\n".join([os.path.abspath(settings["PATH"]), os.path.abspath(settings["OUTPUT_PATH"]),
                           settings.get("SITEURL", "")])
        self.folder = Path(settings["CACHE_PATH"]) / "incremental" / hashlib.sha256(place.encode()).hexdigest()[:16]
        settings["INCREMENTAL_CACHE_DIR"] = str(self.folder)
        self.manifest_path = self.folder / "manifest.json"
        previous = manifest.load(self.manifest_path)
        if not previous:
            forget_gone_sites(self.folder.parent)

        self.code_files = previous.get("code_files", [])
        read_inputs = {**inputs.settings_digests(settings), **inputs.plugin_digests(settings),
                       **inputs.module_digests(PROJECT, self.code_files), **inputs.package_digest()}
        theme_inputs = inputs.file_digests(Path(settings["THEME"]), "theme")
        self.inputs = {**read_inputs, **theme_inputs}
        self.read_key = inputs.combined(read_inputs)
        self.render_key = inputs.combined(self.inputs)
        old_inputs = previous.get("inputs", {})
        self.reason = None
        if os.environ.get("INCREMENTAL_FULL_BUILD", "") not in ("", "0"):
            self.reason = "asked for (FULL=1)"
        elif not previous:
            self.reason = "no record of an earlier build here"
        elif previous.get("read_key") != self.read_key:
            self.reason = inputs.changed({k: v for k, v in old_inputs.items() if not k.startswith("theme/")},
                                         read_inputs)
        elif previous.get("render_key") != self.render_key:
            self.reason = inputs.changed(old_inputs, self.inputs)
        elif settings.get("DELETE_OUTPUT_DIRECTORY"):
            self.reason = "the output folder is emptied first (DELETE_OUTPUT_DIRECTORY)"
        self.load_cache_setting = settings.get("LOAD_CONTENT_CACHE")
        if self.reason and (self.reason == "asked for (FULL=1)" or previous.get("read_key") != self.read_key):
            settings["LOAD_CONTENT_CACHE"] = False  # what was read may have been read differently
        self.previous_pages = {} if self.reason else previous.get("pages", {})
        self.previous_reads = previous.get("reads", [])
        self.pages: dict[str, dict] = {}
        self.produced: set[str] = set()
        self.digests = Digests(settings)
        self._big: dict[int, tuple[object, str]] = {}
        self.rendered = self.written = self.kept = 0
        self.generators = []
        self.share = rendering.Share()  # the writer's, once it is made
        self.output.mkdir(parents=True, exist_ok=True)
        marker = self.output / ".incremental-build-start"
        marker.write_bytes(b"")
        self.marker_ns = marker.stat().st_mtime_ns
        marker.unlink()
        if self.reason:
            print(f"Full build: {self.reason}.", flush=True)

    # the writer's side
    def key_of(self, *parts) -> str:
        """Digest of a page's place and template (records are dropped whenever any input changed)."""
        text = "\x1e".join(str(p) for p in parts)
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def previous_page(self, rel: str):
        record = self.previous_pages.get(rel)
        if record is not None and isinstance(record["d"], int):  # an index into the shared read lists
            record = {**record, "d": self.previous_reads[record["d"]]}
        return record

    def keep_page(self, rel: str, record: dict) -> None:
        self.pages[rel] = record
        self.kept += 1

    def rendered_page(self, rel: str, record: dict, written: bool) -> None:
        self.pages[rel] = record
        self.rendered += 1
        self.written += written
        if self.reason and self.rendered % 5000 == 0:
            print(f"  … {self.rendered:,} pages rendered", flush=True)

    def shared_digest(self, value) -> str:
        """Digest of a value of the shared context (a site-wide list, a calendar), once per build:
        the context is complete before the first page is written, and pages do not change it."""
        held = self._big.get(id(value))
        if held is None or held[0] is not value:
            held = (value, self.digests.of(value))
            self._big[id(value)] = held
        return held[1]

    def value_digest(self, value) -> str:
        if isinstance(value, (list, tuple, dict)) and len(value) >= _BIG:
            return self.shared_digest(value)
        return self.digests.of(value)

    # the end of the build
    def finish(self) -> str:
        rendering.collect(self, self.share)
        self.settings["LOAD_CONTENT_CACHE"] = self.load_cache_setting
        for static in self.generators_staticfiles():
            self.produced.add(static)
        for generator in self.generators:
            self.produced.update(getattr(generator, "kept_outputs", ()))
        removed = self.remove_stale()
        skip = [PROJECT / "tests", PROJECT / "bench",
                *(Path(p).resolve() for p in self.settings.get("PLUGIN_PATHS", []))]
        code_files = inputs.project_modules(PROJECT, skip)
        if code_files != self.code_files:  # known only once the plugins have run
            self.inputs = {k: v for k, v in self.inputs.items() if not k.startswith("code ")}
            self.inputs.update(inputs.module_digests(PROJECT, code_files))
            self.read_key = inputs.combined({k: v for k, v in self.inputs.items() if not k.startswith("theme/")})
            self.render_key = inputs.combined(self.inputs)
        manifest.save(self.manifest_path, {"read_key": self.read_key, "render_key": self.render_key,
                                           "inputs": self.inputs, **shared_reads(self.pages),
                                           "code_files": code_files, "output": str(self.output.resolve())})
        read = sum(getattr(g.readers, "misses", 0) for g in self.generators if hasattr(g, "readers"))
        search_dir = self.settings.get("LUNR_SEARCH_OUTPUT_DIR", "search").strip("/")
        search = self.count_new(self.output / search_dir)
        parts = [f"{read:,} {'file' if read == 1 else 'files'} read",
                 f"{self.written:,} pages written",
                 f"{self.kept + self.rendered - self.written:,} unchanged"
                 + (f" ({self.rendered - self.written:,} of them rendered again)"
                    if self.rendered > self.written and not self.reason else ""),
                 f"{removed:,} removed",
                 f"search: {search:,} {'file' if search == 1 else 'files'} written",
                 f"{time.monotonic() - self.started:.1f} s"]
        return ", ".join(parts) + (" (full build)" if self.reason else "")

    def generators_staticfiles(self):
        for generator in self.generators:
            for static in getattr(generator, "staticfiles", []) or []:
                yield static.save_as.replace(os.sep, "/")

    def count_new(self, folder: Path) -> int:
        count = 0
        for root, _, files in os.walk(folder):
            for name in files:
                try:
                    count += os.stat(os.path.join(root, name)).st_mtime_ns >= self.marker_ns
                except OSError:
                    pass
        return count

    def remove_stale(self) -> int:
        """Remove files this build did not produce (what emptying the folder first would have
        removed), keeping OUTPUT_RETENTION; files written during this build are kept."""
        retention = set(self.settings.get("OUTPUT_RETENTION", []))
        removed = 0
        for root, dirs, files in os.walk(self.output, topdown=True):
            rel_root = os.path.relpath(root, self.output)
            if rel_root == ".":
                dirs[:] = [d for d in dirs if d not in retention]
                files = [f for f in files if f not in retention]
            for name in files:
                path = os.path.join(root, name)
                rel = name if rel_root == "." else f"{rel_root}/{name}".replace(os.sep, "/")
                if rel in self.produced:
                    continue
                state = file_state(path)
                if state is not None and state[1] >= self.marker_ns:
                    continue
                os.unlink(path)
                removed += 1
        for root, dirs, files in os.walk(self.output, topdown=False):
            if root != str(self.output) and not os.listdir(root):
                os.rmdir(root)
        return removed


def shared_reads(pages: dict[str, dict]) -> dict:
    """The records with each distinct list of reads stored once (most pages of a kind read the same)."""
    reads: list[list] = []
    index: dict[str, int] = {}
    stored = {}
    for rel, record in pages.items():
        key = repr(record["d"])
        if key not in index:
            index[key] = len(reads)
            reads.append(record["d"])
        stored[rel] = {**record, "d": index[key]}
    return {"pages": stored, "reads": reads}


def forget_gone_sites(folder: Path) -> None:
    """Remove the records of sites whose output folder no longer exists (temporary test sites)."""
    if not folder.is_dir():
        return
    for site in folder.iterdir():
        output = manifest.load(site / "manifest.json").get("output")
        if output and not os.path.isdir(output):
            shutil.rmtree(site, ignore_errors=True)


_state = {"build": None, "summaries": []}


def start(pelican):
    build = Build(pelican)
    _state["build"] = build
    IncrementalWriter.session = build
    return None  # no generator of our own


def use_writer(pelican):
    return IncrementalWriter


def track_templates(generator):
    """Record what templates read; keep their compiled code in CACHE_PATH/jinja/ (Jinja's own
    cache, keyed by each template's source), so a build does not compile the theme again."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    env.context_class = TrackingContext
    folder = os.path.join(generator.settings["CACHE_PATH"], "jinja")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return
    if os.access(folder, os.W_OK):
        env.bytecode_cache = caches.TemplateCache(folder)


def read_in_parallel(generator):
    parallel.read_ahead(generator)


def keep_generators(generators):
    _state["build"].generators = list(generators)


def finish(pelican):
    build = _state["build"]
    if build is None:
        return
    summary = build.finish()
    _state["build"] = None
    if _state["summaries"]:  # a second build in this process (autoreload): say it now
        print(summary, flush=True)
    _state["summaries"].append(summary)


def _end():
    build = _state["build"]
    if build is not None:  # the build failed: no worker may go on writing
        rendering.stop(build.share)
    if len(_state["summaries"]) == 1:
        print(_state["summaries"][0], flush=True)


def check_settings(pelican) -> None:
    """A bad setting stops the build before anything is read, with one line and no traceback."""
    problem = parallel.settings_problem(pelican.settings)
    if problem:
        sys.exit(f"incremental: {problem}")


def register():
    signals.initialized.connect(check_settings)
    caches.install()
    signals.get_generators.connect(start)
    signals.get_writer.connect(use_writer)
    signals.generator_init.connect(track_templates)
    signals.article_generator_init.connect(read_in_parallel)
    signals.all_generators_finalized.connect(keep_generators)
    signals.finalized.connect(finish)
    atexit.register(_end)
