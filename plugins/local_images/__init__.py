"""Lead images served by the site: downloaded once into a content-addressed cache, verified
with Pillow, written as resized WebP and JPEG variants into the output (see README "Images")."""

from .adapter import register

__all__ = ["register"]
