"""Verify an image with Pillow and write its resized variants (WebP, and JPEG for older browsers)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from seed_converter.atomic import write_atomic

WEBP_QUALITY = 78
JPEG_QUALITY = 80
FORMATS = ("webp", "jpg")


class ImageError(Exception):
    """Bytes that are not an image Pillow can read (or one too large to decode safely)."""


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    webp: str  # file names in the variants folder
    jpeg: str


def variant_widths(original_width: int, widths: tuple[int, ...]) -> list[int]:
    """The configured widths not wider than the original; the original's own width when it
    is narrower than all of them (never upscaled)."""
    chosen = sorted(w for w in set(widths) if w <= original_width)
    return chosen or [original_width]


def open_image(data: bytes, max_pixels: int) -> Image.Image:
    """Decode `data` fully (a truncated or fake image fails here, not in the browser)."""
    try:
        probe = Image.open(io.BytesIO(data))
        if probe.width * probe.height > max_pixels:  # refused before Pillow decodes a pixel
            raise ImageError(f"{probe.width}x{probe.height} px is more than {max_pixels} pixels")
        probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except ImageError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ImageError(f"not an image Pillow can read ({error.__class__.__name__})") from None
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        return flat
    return image.convert("RGB")


def write_variants(data: bytes, name: str, folder: Path, widths: tuple[int, ...], max_pixels: int) -> list[Variant]:
    """Variants of the image `data` as `<name>-<width>.webp/.jpg` in `folder`, narrowest first.

    Files already there (from an earlier build; names carry the content hash) are kept,
    so only a new image is decoded and encoded. Output bytes depend only on the input."""
    folder.mkdir(parents=True, exist_ok=True)
    image = None
    variants = []
    size = None
    for width in widths_for(data, widths, max_pixels):
        webp, jpeg = f"{name}-{width}.webp", f"{name}-{width}.jpg"
        if not ((folder / webp).exists() and (folder / jpeg).exists()):
            if image is None:
                image = open_image(data, max_pixels)
            height = max(1, round(image.height * width / image.width))
            resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
            _save(folder / webp, resized, "WEBP", quality=WEBP_QUALITY, method=4)
            _save(folder / jpeg, resized, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        with Image.open(folder / jpeg) as written:
            size = written.size
        variants.append(Variant(size[0], size[1], webp, jpeg))
    return variants


def widths_for(data: bytes, widths: tuple[int, ...], max_pixels: int) -> list[int]:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            width, height = probe.size
            if probe.getexif().get(0x0112) in (5, 6, 7, 8):  # rotated a quarter turn: width is the height
                width = height
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ImageError(f"not an image Pillow can read ({error.__class__.__name__})") from None
    return variant_widths(width, widths)


def _save(path: Path, image: Image.Image, kind: str, **options) -> None:
    """Write atomically, so an interrupted build leaves no half variant behind."""
    encoded = io.BytesIO()
    image.save(encoded, kind, **options)
    write_atomic(path, encoded.getvalue())
