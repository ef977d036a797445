"""Serve a built site on 127.0.0.1 and drive Chromium with Playwright.

Chromium is found as `make doctor` finds it: $CHROMIUM, else chromium,
chromium-browser or google-chrome on the PATH.
"""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

from doctor import find_chromium

CHROMIUM = find_chromium()  # None when there is none; the browser fixture says so
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
STRICT_CSP = "default-src 'self'; img-src 'self' https: data:"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def run_axe(page) -> tuple[list, int]:
    """axe-core's WCAG 2.2 AA and best-practice rules on `page`: the violations as
    (rule, its first three targets), and how many rules passed."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'passes']})",
        AXE_TAGS)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    return violations, len(result["passes"])


class _Handler(http.server.SimpleHTTPRequestHandler):
    csp = STRICT_CSP

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):  # keep test output quiet
        pass


@contextmanager
def serve(directory: Path, csp: str | None = STRICT_CSP):
    """Serve `directory` on 127.0.0.1 (a free port); yield the base URL."""
    handler = functools.partial(type("H", (_Handler,), {"csp": csp}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def collect_console_problems(page) -> list[str]:
    """Record console errors (CSP violations among them) and page errors on `page`."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems
