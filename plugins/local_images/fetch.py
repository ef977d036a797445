"""Download one image, bounded in time and size: a slow, huge or failing server costs seconds, never a hang."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

CHUNK = 64 * 1024
USER_AGENT = "news-digest-image-fetcher/1"


class FetchError(Exception):
    """A download that did not give an image's bytes; `unreachable` when the host itself failed."""

    def __init__(self, reason: str, unreachable: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.unreachable = unreachable


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


def fetch(url: str, timeout: float, max_bytes: int, opener=urllib.request.urlopen) -> bytes:
    """The body of `url` (http or https), at most `max_bytes`, within about `timeout` seconds in all."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError("not an http(s) URL")
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "image/*"})
    try:
        with opener(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"larger than {max_bytes} bytes ({length})")
            parts, size = [], 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"slower than {timeout:g} s")
                chunk = response.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"larger than {max_bytes} bytes")
                parts.append(chunk)
            return b"".join(parts)
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"unreachable ({error.reason})", unreachable=True) from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"no answer within {timeout:g} s", unreachable=True) from None
    except (OSError, ValueError) as error:  # reset connections, malformed URLs or responses
        raise FetchError(f"download failed ({error.__class__.__name__})") from None
