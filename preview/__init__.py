"""`make serve`: the built site on 127.0.0.1, as a web server would show it.

Pelican's own server (`pelican --listen`) drops the connection on a missing
URL; here such a request gets the site's 404.html with status 404, so the
page a reader meets on the published site can be seen while previewing.
"""

from __future__ import annotations

import http.server
from pathlib import Path

from pelican.server import ComplexHTTPRequestHandler


class PreviewHandler(ComplexHTTPRequestHandler):
    """Pelican's handler (`x` finds `x.html` and `x/index.html`) with the site's 404 page."""

    not_found_page = "404.html"

    def do_GET(self):
        self._serve(head=False)

    def do_HEAD(self):
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        original = self.path.split("?", 1)[0]
        found = self.get_path_that_exists(original)
        if found is None:
            self._not_found(head)
            return
        self.path = found
        if head:
            http.server.SimpleHTTPRequestHandler.do_HEAD(self)
        else:
            http.server.SimpleHTTPRequestHandler.do_GET(self)

    def _not_found(self, head: bool) -> None:
        page = Path(self.base_path) / self.not_found_page
        body = page.read_bytes() if page.is_file() else b"<!doctype html><title>404</title><p>Not found.</p>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


def make_server(directory: Path, port: int, bind: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """A server for `directory` on `bind`:`port` (0: a free port); call serve_forever() on it."""
    handler = type("Handler", (PreviewHandler,), {"base_path": str(Path(directory).resolve())})
    return http.server.ThreadingHTTPServer((bind, port), handler)
