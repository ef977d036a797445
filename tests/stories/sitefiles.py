"""Write the test set (events_*.toml) as Pelican articles, as the converter would (plain text escaped)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from seed_converter.markdown_text import escape_markdown, escape_title

from . import testset


def article_file(item: testset.Item, extra: dict[str, str] | None = None) -> str:
    lead, _, body = item.text.partition("\n")
    when = dt.datetime.fromtimestamp(item.time, dt.timezone(dt.timedelta(hours=1))).isoformat()
    meta = {"Title": escape_title(item.title), "Slug": item.id, "Date": when, "Lang": item.lang,
            "Source": item.source, "Summary": escape_markdown(lead), **(extra or {})}
    head = "".join(f"{key}: {value}\n" for key, value in meta.items())
    return head + "\n" + "\n\n".join(escape_markdown(p) for p in body.split("\n") if p) + "\n"


def write_content(folder: Path, items: list[testset.Item], extra: dict[str, dict[str, str]] | None = None,
                  pages: dict[str, str] | None = None) -> Path:
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    (folder / "pages").mkdir(exist_ok=True)
    for item in items:
        (articles / f"{item.id}.md").write_text(article_file(item, (extra or {}).get(item.id)), encoding="utf-8")
    for name, text in (pages or {}).items():
        (folder / "pages" / name).write_text(text, encoding="utf-8")
    return folder
