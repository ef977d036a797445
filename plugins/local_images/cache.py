"""The content-addressed image cache: each URL is downloaded once; its bytes are kept under their hash.

    <cache>/urls/<sha256 of the URL>   the sha256 of the bytes that URL gave
    <cache>/blobs/<sha256 of the bytes> the bytes
    <cache>/variants/<hash>-<width>.webp|.jpg
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from seed_converter.atomic import write_atomic


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ImageCache:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.variants = self.root / "variants"

    def _url_file(self, url: str) -> Path:
        return self.root / "urls" / sha256(url.encode("utf-8"))

    def get(self, url: str) -> tuple[str, bytes] | None:
        """(content hash, bytes) for a URL downloaded before; None when it was not (or the entry is damaged)."""
        try:
            digest = self._url_file(url).read_text(encoding="ascii").strip()
            data = (self.root / "blobs" / digest).read_bytes()
        except (OSError, UnicodeDecodeError):
            return None
        return (digest, data) if sha256(data) == digest else None

    def put(self, url: str, data: bytes) -> str:
        digest = sha256(data)
        for folder in ("urls", "blobs"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        blob = self.root / "blobs" / digest
        if not blob.exists():
            write_atomic(blob, data)
        write_atomic(self._url_file(url), digest + "\n")
        return digest
