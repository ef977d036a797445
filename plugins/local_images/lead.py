"""What the templates need to show a lead image: its variants, its size, the files to copy."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    width: int
    webp: str  # paths under the site root
    jpeg: str


@dataclass(frozen=True)
class LeadImage:
    src: str                      # the fallback <img src>: a middle JPEG variant, or the remote URL
    width: int | None = None      # of the widest variant
    height: int | None = None
    sources: tuple[Source, ...] = ()   # narrowest first
    files: tuple[str, ...] = field(default_factory=tuple)
    is_local: bool = False

    @property
    def largest(self) -> str:
        """The widest JPEG (for Open Graph and JSON-LD)."""
        return self.sources[-1].jpeg if self.sources else self.src

    @classmethod
    def remote(cls, url: str) -> "LeadImage":
        return cls(src=url)

    @classmethod
    def local(cls, variants, folder: str) -> "LeadImage":
        """From variants narrowest first; paths relative to the site root (templates prefix SITEURL)."""
        sources = tuple(Source(v.width, f"{folder}/{v.webp}", f"{folder}/{v.jpeg}") for v in variants)
        widest = variants[-1]
        return cls(src=sources[min(1, len(sources) - 1)].jpeg, width=widest.width, height=widest.height,
                   sources=sources, files=tuple(n for v in variants for n in (v.webp, v.jpeg)), is_local=True)
