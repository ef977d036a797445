"""Render-once helpers: one render per key, URLs frozen to what Pelican computes."""

import datetime as dt

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from digest_theme.memo import RenderMemo, freeze_urls


def test_render_memo_renders_each_key_once():
    calls = []

    def render(name, level):
        calls.append((name, level))
        return f"<h{level}>{name}</h{level}>"

    memo = RenderMemo()
    assert memo(("a", 3), render, "a", 3) == "<h3>a</h3>"
    assert memo(("a", 3), render, "a", 3) == "<h3>a</h3>"
    assert memo(("a", 4), render, "a", 4) == "<h4>a</h4>"
    assert calls == [("a", 3), ("a", 4)]


def _article(**metadata):
    settings = {**DEFAULT_CONFIG, "ARTICLE_URL": "articles/{slug}.html", "ARTICLE_SAVE_AS": "articles/{slug}.html"}
    return Article("<p>x</p>", metadata={"title": "T", "slug": "t", "date": dt.datetime(2022, 1, 7), **metadata},
                   settings=settings)


def test_freeze_urls_keeps_the_url_and_path_and_stops_recomputing_them(monkeypatch):
    article, edited = _article(), _article(url="hand/made.html", save_as="hand/made.html")
    freeze_urls([article, edited])
    assert article.url == "articles/t.html" and edited.url == "hand/made.html"
    assert article.save_as == "articles/t.html" and edited.save_as == "hand/made.html"
    monkeypatch.setattr(Article, "url_format", property(lambda self: 1 / 0))
    assert article.url == "articles/t.html" and article.save_as == "articles/t.html"
