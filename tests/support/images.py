"""A stand-in image host on 127.0.0.1: real JPEG and PNG files, a non-image, a 404, a slow answer
and an oversized image, with a count of requests per path (tests never touch the network)."""

from __future__ import annotations

import collections
import http.server
import io
import threading
import time
from contextlib import contextmanager

from PIL import Image, ImageDraw

SLOW_SECONDS = 3.0


def picture(width: int, height: int, kind: str = "JPEG", alpha: bool = False) -> bytes:
    """A deterministic test picture (bands and a circle, so resizing has something to keep)."""
    image = Image.new("RGBA" if alpha else "RGB", (width, height), (30, 60, 120, 0 if alpha else 255))
    draw = ImageDraw.Draw(image)
    for x in range(0, width, max(1, width // 12)):
        draw.rectangle([x, 0, x + width // 24, height], fill=(200, 120 + x % 100, 40, 255))
    draw.ellipse([width // 4, height // 4, 3 * width // 4, 3 * height // 4], fill=(240, 240, 240, 255))
    out = io.BytesIO()
    image.save(out, kind, **({"quality": 90} if kind == "JPEG" else {}))
    return out.getvalue()


def files() -> dict[str, tuple[str, bytes]]:
    """path -> (content type, body)."""
    return {
        "/photo.jpg": ("image/jpeg", picture(1600, 900)),
        "/other.jpg": ("image/jpeg", picture(1400, 788)),
        "/wien.jpg": ("image/jpeg", picture(1200, 675)),
        "/small.png": ("image/png", picture(200, 100, "PNG", alpha=True)),
        "/not-an-image.jpg": ("image/jpeg", b"<html>this is no image</html>"),
        "/huge.jpg": ("image/jpeg", picture(5000, 3000)),
    }


class _Handler(http.server.BaseHTTPRequestHandler):
    served: dict = {}
    hits: collections.Counter = collections.Counter()

    def do_GET(self):  # noqa: N802 (http.server's name)
        path = self.path.split("?", 1)[0]
        self.hits[path] += 1
        if path == "/slow.jpg":
            time.sleep(SLOW_SECONDS)
        if path not in self.served:
            self.send_error(404)
            return
        kind, body = self.served[path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def image_host():
    """Serve the test images on 127.0.0.1; yield (base URL, hit counter)."""
    hits: collections.Counter = collections.Counter()
    served = files()
    served["/slow.jpg"] = served["/photo.jpg"]
    handler = type("H", (_Handler,), {"served": served, "hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
