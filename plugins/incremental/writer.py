"""A Pelican Writer that renders a page only when what it was rendered from changed.

Each page's record (in the build's manifest) holds a digest of its template's
name and place, and the values of everything its last rendering read (see
tracking.py). A page whose record matches and whose file is as the last build
left it is not rendered again. A rendered page is written only when its bytes
differ from the file's, through a temporary file and a rename.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import is_dataclass
from pathlib import Path

from pelican import signals
from pelican import writers as pelican_writers
from pelican.paginator import Page, Paginator
from pelican.utils import get_relative_path, path_to_url, sanitised_join

from seed_converter.atomic import write_if_changed

from . import rendering
from .tracking import Recorded, evaluate, recording

logger = logging.getLogger(__name__)
_MISSING = "<missing>"


def _is_tracked(value) -> bool:
    """Objects whose reads are recorded one by one: the pagination's, and a page's own records
    (dataclass instances: a day archive's page, a story), of which a page shows a part."""
    return isinstance(value, (Page, Paginator)) or (is_dataclass(value) and not isinstance(value, type))


def file_state(path: str):
    """(size, mtime in ns) of a file, or None when it is missing."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


class IncrementalWriter(pelican_writers.Writer):
    session = None  # the adapter's Build, set before Pelican makes the writer

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.share = self.session.share = rendering.start(self.session)

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        """Pelican's Writer.write_file (4.12), with each page through `_page`."""
        if not name:
            return
        if paginated is None:
            paginated = {key: val for key, val in kwargs.items() if key in {"articles", "dates"}}
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            per_page = self.settings["PAGINATED_TEMPLATES"][template_name] or self.settings["DEFAULT_PAGINATION"]
            paginators = {key: pelican_writers.Paginator(name, url, val, self.settings, per_page)
                          for key, val in paginated.items()}
            pages = next(iter(paginators.values())).num_pages
            for page_num in range(pages):
                paginated_kwargs = kwargs.copy()
                for key, paginator in paginators.items():
                    page = paginator.page(page_num + 1)
                    paginated_kwargs.update({
                        f"{key}_paginator": paginator,
                        f"{key}_page": page,
                        f"{key}_previous_page": paginator.page(page_num) if page_num > 0 else None,
                        f"{key}_next_page": paginator.page(page_num + 2) if page_num + 1 < pages else None,
                    })
                self._page(template, context, page.save_as, paginated_kwargs, relative_urls, override_output)
        else:
            self._page(template, context, name, kwargs, relative_urls, override_output)

    def _claim(self, filename: str, override: bool) -> bool:
        """Pelican's overwrite rules (_open_w): False when this file is to be left as it is."""
        if filename in self._overridden_files:
            if override:
                raise pelican_writers.FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)')
            return False
        if filename in self._written_files and not override:
            raise pelican_writers.FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it previously '
                "(set `override=True` if intended)")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return True

    def _page(self, template, context, name, kwargs, relative_urls, override):
        build = self.session
        path = sanitised_join(self.output_path, name)
        if not self._claim(path, override):
            return
        local = context.copy()
        local["localsiteurl"] = local.get("localsiteurl", None)
        if relative_urls:
            relative_url = path_to_url(get_relative_path(name))
            local["SITEURL"] = relative_url
            local["localsiteurl"] = relative_url
        local["output_file"] = name
        local.update(kwargs)
        rel = os.path.relpath(path, self.output_path).replace(os.sep, "/")
        build.produced.add(rel)
        if local["localsiteurl"]:  # as Pelican's writer does for every page it writes
            context["localsiteurl"] = local["localsiteurl"]
        if not self.share.mine():
            return
        base = build.key_of(template.name, name, local.get("SITEURL"), local["localsiteurl"])
        record = build.previous_page(rel)
        if (record and record["b"] == base and record["s"] == file_state(path)
                and self._reads_digest(record["d"], local, kwargs, context) == record["f"]):
            build.keep_page(rel, record)
            return
        # the page's own objects (not the shared context's, which are digested once per build)
        tracked = {key for key, value in local.items()
                   if isinstance(value, (Page, Paginator)) or (key in kwargs and _is_tracked(value))}
        shown = {key: Recorded(value, (key,), _is_tracked) if key in tracked else value
                 for key, value in local.items()}
        with recording() as reads:
            output = template.render(shown)
        deps = self._dependencies(reads, local, kwargs, template.environment.globals, tracked)
        written = write_if_changed(path, output.encode("utf-8"))
        build.rendered_page(rel, {"b": base, "d": deps, "f": self._reads_digest(deps, local, kwargs, context),
                                  "s": file_state(path)}, written)
        signals.content_written.send(path, context=local)

    def _dependencies(self, reads, local, kwargs, globals_, tracked) -> list[list[str]]:
        """What the rendering read that is not covered by the build's key (settings, code, theme)."""
        settings = self.settings
        deps = []
        for name in sorted(reads.names):
            if name in ("SITEURL", "localsiteurl", "output_file"):
                continue  # in the page's base digest
            if name in local:
                value = local[name]
                if name in tracked:
                    continue  # its reads are recorded as paths
                if name not in kwargs and name in settings and settings[name] is value:
                    continue
            elif name in globals_:
                continue
            deps.append([name])
        deps.extend(list(path) for path in sorted(reads.paths))
        return deps

    def _reads_digest(self, deps, local, kwargs, context) -> str:
        parts = []
        for dep in deps:
            try:
                value = evaluate(tuple(dep), local) if len(dep) > 1 else local.get(dep[0], _MISSING)
            except Exception:  # the path no longer exists (or was a call with arguments)
                return "changed"
            shared = len(dep) == 1 and dep[0] not in kwargs and context.get(dep[0], _MISSING) is value
            digest = self.session.shared_digest(value) if shared else self.session.value_digest(value)
            parts.append("/".join(dep) + "=" + digest)
        return hashlib.blake2b("\n".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                   override_output=False, feed_title=None):
        if not path:
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        build = self.session
        complete = sanitised_join(self.output_path, path)
        rel = os.path.relpath(complete, self.output_path).replace(os.sep, "/")
        build.produced.add(rel)
        if not self.share.mine():
            self._claim(complete, override_output)
            return None
        items = elements[: self.settings["FEED_MAX_ITEMS"]]
        digest = build.key_of("feed", path, url, feed_type, feed_title, build.value_digest(list(items)))
        record = build.previous_page(rel)
        if record and record["b"] == digest and record["s"] == file_state(complete) \
                and complete not in self._written_files:
            self._written_files.add(complete)
            build.keep_page(rel, record)
            return None
        feed = super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        build.rendered_page(rel, {"b": digest, "d": [], "f": "", "s": file_state(complete)}, True)
        return feed
