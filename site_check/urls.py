"""Map the URLs a built site uses to the files in its output folder."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit


class SiteURLs:
    """Resolves links inside a site built into `site_dir` and published at `site_url`.

    A site built for previewing links relatively or from the root ("/..."); a
    published one links with absolute URLs that start with `site_url`. Both
    are inside the site; any other absolute URL is external.
    """

    def __init__(self, site_dir: Path, site_url: str = ""):
        self.site_dir = site_dir
        self.site_url = site_url.rstrip("/")
        self.base_path = urlsplit(self.site_url).path.rstrip("/")

    def page_path(self, file: Path) -> str:
        """The site path ("articles/x.html") of a file in the output folder."""
        return file.relative_to(self.site_dir).as_posix()

    def resolve(self, url: str, from_path: str = "") -> tuple[str, str] | None:
        """(site path, fragment) that `url` on page `from_path` points to; None when external.

        The site path is "" for the site root and starts with "../" when the
        link leaves the site.
        """
        if self.site_url and (url == self.site_url or url.startswith(self.site_url + "/")
                              or url.startswith(self.site_url + "#")):
            url = url[len(self.site_url):] or "/"
            if not url.startswith(("/", "#")):
                url = "/" + url
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None
        path = unquote(parts.path)
        if not path:
            target = from_path
        elif path.startswith("/"):
            if self.base_path and (path == self.base_path or path.startswith(self.base_path + "/")):
                path = path[len(self.base_path):] or "/"
            target = _normalise(path.lstrip("/"), path.endswith("/"))
        else:
            base = posixpath.dirname(from_path)
            target = _normalise(posixpath.join(base, path), path.endswith("/"))
        return target, unquote(parts.fragment)

    def file_for(self, site_path: str) -> Path | None:
        """The file serving `site_path` (a folder serves its index.html); None if none does."""
        if site_path.startswith("../") or site_path == "..":
            return None
        candidate = self.site_dir / site_path if site_path else self.site_dir
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None


def _normalise(path: str, is_folder: bool) -> str:
    normal = posixpath.normpath(path) if path else ""
    normal = "" if normal == "." else normal
    return normal + "/" if is_folder and normal else normal
