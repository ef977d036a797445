"""Where Pelican writes a direct template (index, tags, archives, ...), from the settings alone."""

from __future__ import annotations

from urllib.parse import quote


def direct_template_url(settings: dict, name: str) -> str:
    """The URL Pelican gives direct template `name`: `<NAME>_URL`, else `<NAME>_SAVE_AS`, else `<name>.html`.

    Pelican has no defaults for these settings, so templates cannot read them directly.
    """
    key = name.upper()
    url = settings.get(f"{key}_URL") or settings.get(f"{key}_SAVE_AS") or f"{name}.html"
    return url.removesuffix("index.html")


def quote_url(url: str) -> str:
    """Percent-encode what a URL may not contain (spaces, `<`, `"`, non-ASCII), keeping its structure."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")
