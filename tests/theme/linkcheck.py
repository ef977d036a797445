"""Find internal links in a built site that point at no file, or at no element with that id."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "form": "action"}


def _target(site: Path, page_url: str, ref: str) -> tuple[Path, str] | None:
    """The file and fragment an internal reference resolves to; None for external ones."""
    url = urlsplit(urljoin(page_url, ref))
    if url.scheme not in ("", "http") or (url.netloc and url.netloc != "site"):
        return None
    path = unquote(url.path)
    if path.endswith("/"):
        path += "index.html"
    return site / path.lstrip("/"), url.fragment


def broken_links(site: Path, ignore: tuple[str, ...] = ()) -> list[str]:
    """`page -> reference` for every internal reference without its file or `#fragment`.

    `ignore` lists root-relative paths allowed to be missing (files other engineers own).
    """
    pages = {p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in site.rglob("*.html")}
    ids = {p: {e["id"] for e in s.find_all(id=True)} for p, s in pages.items()}
    problems = []
    for page, soup in sorted(pages.items()):
        page_url = "http://site/" + page.relative_to(site).as_posix()
        for tag, attr in LINK_ATTRS.items():
            for element in soup.find_all(tag, attrs={attr: True}):
                target = _target(site, page_url, element[attr])
                if target is None:
                    continue
                file, fragment = target
                if "/" + file.relative_to(site).as_posix() in ignore:
                    continue
                if not file.is_file():
                    problems.append(f"{page.relative_to(site)} -> {element[attr]}")
                elif fragment and fragment not in ids.get(file, set()):
                    problems.append(f"{page.relative_to(site)} -> {element[attr]} (no #{fragment})")
    return problems
