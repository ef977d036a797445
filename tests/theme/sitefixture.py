"""A small site in the converter's Markdown format, built with the project's settings.

The articles are written as the seed converter writes them (see the data
contract), so these tests do not depend on the converter's progress.
"""

from __future__ import annotations

import html
from pathlib import Path

from tests.support.site import build

SITE_SETTINGS = {"DEFAULT_PAGINATION": 1, "DAY_PAGINATION": 1, "HOME_ARTICLES": 1}
XSS_HEADLINE = '<script>alert("x")</script> Angriff & Abwehr'

ARTICLES = [
    {
        "Title": "NATO wiederholt Angebot zum Dialog mit Moskau",
        "Slug": "nato-wiederholt-angebot-zum-dialog-mit-moskau",
        "Date": "2022-01-07T14:51:06+01:00",
        "Lang": "de",
        "Source": "DW",
        "Author": "Bernd Riegert",
        "Dateline": "Brüssel",
        "Image": "{images}/photo.jpg",
        "Image-Alt": "NATO wiederholt Angebot zum Dialog mit Moskau",
        "Tags": "NATO, Ukraine",
        "Summary": "Die NATO warnt vor einer realen Kriegsgefahr in der Ukraine.",
        "body": ["Mit einer Sondersitzung per Videocall haben die Außenminister beraten.",
                 "Jens Stoltenberg leitete die Sitzung."],
    },
    {
        "Title": XSS_HEADLINE,
        "Slug": "script-angriff-abwehr",
        "Date": "2022-01-07T09:00:00+01:00",
        "Lang": "de",
        "Source": "Der <Standard>",
        "Author": "Anna \"Nina\" O'Brien",
        "Image": "{images}/small.png?x=1&y=<2>",
        "Image-Alt": 'Ein "Bild" mit <Zeichen>',
        "Tags": "Ukraine",
        "Summary": "Ein <b>Lead</b> mit </script> & Zeichen.",
        "body": ["Text mit <img src=x onerror=alert(1)> als Text."],
    },
    {
        "Title": "Markets rally after central bank decision",
        "Slug": "markets-rally",
        "Date": "2022-01-06T18:30:00+01:00",
        "Lang": "en",
        "Source": "DW",
        "Summary": "Shares rose across Europe.",
        "body": ["Investors welcomed the decision."],
    },
    {
        "Title": "Wahlkampf in Wien beginnt",
        "Slug": "wahlkampf-in-wien-beginnt",
        "Date": "2021-12-31T10:00:00+01:00",
        "Lang": "de",
        "Source": "Der <Standard>",
        "Author": "Maria Huber",
        "Dateline": "Wien",
        "Image": "{images}/wien.jpg",
        "Image-Alt": "Das Wiener Rathaus",
        "Summary": "Die Parteien stellen ihre Kandidaten vor.",
        "body": ["Erster Absatz.", "Zweiter Absatz."],
    },
]

NOTES_PAGE = """Title: Hinweise zur Seite
Slug: hinweise

Eine von Hand geschriebene Seite.
"""


def _escape_md(text: str) -> str:
    return html.escape(text, quote=False)


REMOTE_IMAGES = "https://images.example.org"


def article_markdown(fields: dict, images: str = REMOTE_IMAGES) -> str:
    """One article file as the converter writes it: Title HTML-escaped, text fields Markdown-escaped."""
    lines = []
    for key, value in fields.items():
        if key == "body":
            continue
        if key in ("Title", "Summary"):
            value = _escape_md(value)
        if key == "Image":
            value = value.format(images=images)
        lines.append(f"{key}: {value}")
    body = "\n\n".join(_escape_md(p) for p in fields["body"])
    return "\n".join(lines) + "\n\n" + body + "\n"


def write_content(content: Path, articles=ARTICLES, images: str = REMOTE_IMAGES) -> Path:
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    for fields in articles:
        (content / "articles" / f"{fields['Slug']}.md").write_text(article_markdown(fields, images), encoding="utf-8")
    (content / "pages" / "hinweise.md").write_text(NOTES_PAGE, encoding="utf-8")
    return content


def build_site(tmp: Path, settings: dict | None = None, conf: str = "pelicanconf.py",
               images: str | None = None, image_cache: Path | None = None) -> Path:
    """Build the site into `tmp/output`. With `images` (the base URL of a test image host on
    127.0.0.1), the lead images are downloaded and served by the site, cached in `image_cache`."""
    content = write_content(tmp / "content", images=images or REMOTE_IMAGES)
    output = tmp / "output"
    if images:
        settings = {"LOCAL_IMAGES": True, "LOCAL_IMAGES_DOWNLOAD": True,
                    "LOCAL_IMAGES_CACHE": str(image_cache or tmp / "image-cache"),
                    **(settings or {})}
    build(content, output, settings, conf=conf)
    return output
