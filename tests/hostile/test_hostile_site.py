"""The hostile seed folder through the whole pipeline: the site builds and shows nothing it must not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from site_check.content import check_content
from tests.hostile.make_hostile import make_folder
from tests.support.site import ROOT, build, convert

HERE = Path(__file__).resolve().parent
BIDI_CONTROLS = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-site")
    seeds = make_folder(root / "seeds", large=False)
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    for hand_written in (HERE / "content").glob("*.md"):
        (content / "articles" / hand_written.name).write_bytes(hand_written.read_bytes())
    assert convert(seeds, content / "articles").returncode == 1  # the failed seeds
    output = root / "output"
    build(content, output)  # --fatal errors: no slug clash, no unreadable date
    return content, output


def test_the_site_shows_no_bidi_control_no_secret_no_http_image_and_no_markup(site):
    _, output = site
    passwd = Path("/etc/passwd").read_text().splitlines()[0]
    pages = [p for p in output.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json", ".js")]
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        assert not [c for c in BIDI_CONTROLS if c in text], page
        assert passwd not in text and "http://example.org/rathaus.jpg" not in text, page
        if page.suffix in (".html", ".xml"):  # the search store is JSON data, shown as text
            assert "<script>alert" not in text and "javascript:alert" not in text, page


def test_both_articles_of_a_shared_title_are_published(site):
    _, output = site
    assert (output / "articles" / "stadtrat-beschliesst-neuen-radweg.html").is_file()
    assert (output / "articles" / "stadtrat-beschliesst-neuen-radweg-2.html").is_file()
    assert (output / "articles" / "ein-tag-im-zoo.html").is_file()
    assert (output / "articles" / "ein-tag-im-zoo-2.html").is_file()


def test_make_check_finds_nothing_wrong_with_what_the_converter_wrote(site):
    content, _ = site
    assert check_content(content / "articles") == []


def test_an_unusable_date_is_named_by_check_and_build_and_the_rest_builds(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    good = (HERE / "content" / "hand-written-with-slug.md").read_text(encoding="utf-8")
    (content / "articles" / "good.md").write_text(good, encoding="utf-8")
    bad = good.replace("Slug: ein-tag-im-zoo", "Slug: kaputt").replace("+01:00", "+25:00")
    (content / "articles" / "bad.md").write_text(bad, encoding="utf-8")
    [problem] = check_content(content / "articles")
    assert (problem.file.name, problem.line) == ("bad.md", 3)
    assert problem.message.startswith("Date '2022-01-06T09:00:00+25:00' cannot be used: offset must be")
    result = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "out"),
                             "-s", str(ROOT / "pelicanconf.py")], cwd=ROOT, capture_output=True, text=True,
                            env={"COLUMNS": "400", "PATH": "/usr/bin:/bin"})
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "bad.md: Date '2022-01-06T09:00:00+25:00' cannot be used" in log
    assert (tmp_path / "out" / "articles" / "ein-tag-im-zoo.html").is_file()
    assert not (tmp_path / "out" / "articles" / "kaputt.html").exists()


@pytest.mark.browser
def test_a_right_to_left_headline_is_isolated_and_nothing_else_turns(site, browser, tmp_path):
    from tests.support.browser import serve

    _, output = site
    with serve(output) as url:
        context = browser.new_context(viewport={"width": 390, "height": 900})
        page = context.new_page()
        for path, selector in (("articles/shalom-olam.html", "h1"),
                               ("index.html", "a[href$='shalom-olam.html']")):
            page.goto(f"{url}/{path}")
            headline = page.locator(selector).first
            assert headline.evaluate("e => getComputedStyle(e).direction") == "rtl"
            assert headline.evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate"
            assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
        page.goto(f"{url}/articles/stadtrat-beschliesst-neuen-radweg.html")
        assert page.locator("h1").evaluate("e => getComputedStyle(e).direction") == "ltr"
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{url}/articles/shalom-olam.html")
            page.screenshot(path=str(tmp_path / f"rtl-{width}.png"))
        context.close()


def test_make_check_names_a_bidi_control_in_a_hand_written_article_by_line(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    good = (HERE / "content" / "hand-written-with-slug.md").read_text(encoding="utf-8")
    (articles / "ok.md").write_text(good, encoding="utf-8")
    (articles / "rlo.md").write_text(good.replace("Slug: ein-tag-im-zoo", "Slug: rlo")
                                     .replace("Text.", "Erste Zeile.\n\nDann \u202eumgedreht."), encoding="utf-8")
    [problem] = check_content(articles)
    assert (problem.file.name, problem.line) == ("rlo.md", 10)
    assert problem.message.startswith("bidi control U+202E: it reverses or reorders the text after it")


def test_two_hand_written_articles_with_one_slug_are_named_before_pelican_runs(tmp_path):
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    no_slug = (HERE / "content" / "hand-written-no-slug.md").read_text(encoding="utf-8")
    (articles / "a.md").write_text(no_slug, encoding="utf-8")
    (articles / "b.md").write_text(no_slug.replace("Date:", "Slug: stadtrat-beschliesst-neuen-radweg\nDate:"),
                                   encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "x.txt").write_bytes((HERE / "seeds" / "same-title-as-hand-written.txt").read_bytes())
    result = convert(seeds, articles)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.endswith("b.md: its slug 'stadtrat-beschliesst-neuen-radweg' is also the slug of "
                         f"{articles / 'a.md'}: Pelican cannot build both; give one of them its own `Slug:`")
    assert (articles / "stadtrat-beschliesst-neuen-radweg-2.md").is_file()  # the seed still converts
    assert [p.message for p in check_content(articles)] == [f"slug 'stadtrat-beschliesst-neuen-radweg' is "
                                                            f"already used by {articles / 'a.md'}"]
