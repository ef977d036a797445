"""Incremental builds on a small site: what they reuse, what forces a full build, what they say."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from site_check.sitemap import check_sitemap
from tests.incremental.site import ROOT, article_text, build, copy_theme, files_of

SETTINGS = {"DEFAULT_PAGINATION": 1, "SITEMAP_MAX_URLS": 5, "PLUGINS": [
    "incremental", "site_lists", "fast_markdown", "sources", "digest_theme", "lunr_search"]}


def write_site(content: Path, count: int = 8) -> None:
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    for i in range(count):
        # tags S and S6: Pelican's default pattern wrote page 6 of S and the page of S6 to tag/s6.html
        tags = "S" if i < 7 else "S6"
        (content / "articles" / f"a{i}.md").write_text(article_text(
            f"a{i}", f"Meldung {i}", 1 + i, "DW", f"Zusammenfassung {i}.", f"Text {i}.", tags=tags),
            encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    write_site(content)
    theme = copy_theme(tmp_path / "theme")

    def run(full=False, output="output", settings=None):
        return build(content, tmp_path / output, tmp_path / f"cache-{output}", theme,
                     {**SETTINGS, **(settings or {})}, full=full)
    run.content, run.theme, run.root = content, theme, tmp_path
    return run


def test_pages_of_colliding_tags_and_the_sitemap_index(site):
    site()
    out = site.root / "output"
    assert (out / "tag/s.html").is_file() and (out / "tag/s6.html").is_file()
    assert sorted(p.parent.name for p in (out / "tag/s").glob("*/index.html")) == ["1", "2", "3", "4", "5", "6"]
    assert "Meldung 0" in (out / "tag/s/1/index.html").read_text(encoding="utf-8")  # page 1: the oldest
    assert (out / "sitemap.xml").read_text(encoding="utf-8").count("<sitemap>") >= 2
    assert check_sitemap(out) == []


def test_nothing_changed_renders_nothing_and_an_edit_renders_its_pages(site):
    site()
    assert site().startswith("0 files read, 0 pages written,")
    before = files_of(site.root / "output")
    article = site.content / "articles" / "a3.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Text 3.", "Text 3, länger."), encoding="utf-8")
    summary = site()
    after = files_of(site.root / "output")
    # the body shows on its own page only; the search page names the new search files
    assert summary.startswith("1 file read, 2 pages written,"), summary
    assert [name for name in after if after[name] != before.get(name) and not name.startswith("search/")] \
        == ["articles/a3.html", "search.html"]


def mtimes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_search_files_are_left_alone_unless_their_bytes_change(site, monkeypatch):
    site()
    search = site.root / "output" / "search"
    first = mtimes(search)
    assert "search: 0 files written" in site()
    assert mtimes(search) == first  # none rewritten, none removed as stale
    template = site.theme / "templates" / "base.html"
    template.write_text(template.read_text(encoding="utf-8") + "{# edited #}\n", encoding="utf-8")
    import lunr_search
    made, build_files = [], lunr_search.build_search_files
    monkeypatch.setattr(lunr_search, "build_search_files", lambda *a, **k: made.append(1) or build_files(*a, **k))
    assert "search: 0 files written" in site()  # the last build's files are kept, not made again
    assert made == [] and mtimes(search) == first
    monkeypatch.undo()
    article = site.content / "articles" / "a3.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Text 3.", "Text 3, länger."), encoding="utf-8")
    summary = site()
    after = mtimes(search)
    texts = [n for n in after if n.startswith("text/")]
    rewritten = sorted(n for n in after if after[n] != first.get(n))
    # the edited article's text file is new, the other articles' are not even compared
    assert [n for n in rewritten if n.startswith("text/")] == [n for n in texts if n not in first]
    assert len([n for n in texts if n not in first]) == 1
    assert f"search: {len(rewritten)} files written" in summary
    site(output="check", full=True)
    assert files_of(site.root / "output") == files_of(site.root / "check")


def test_a_rebuild_does_not_compile_the_theme_again(site, monkeypatch):
    import jinja2
    site()
    compiled = []
    compile_ = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *args, **kwargs: compiled.append(args) or compile_(self, *args, **kwargs))
    site()
    assert compiled == [] and any((site.root / "cache-output" / "jinja").iterdir())
    template = site.theme / "templates" / "article.html"
    template.write_text(template.read_text(encoding="utf-8") + "{# edited #}\n", encoding="utf-8")
    site()
    assert len(compiled) == 1  # the edited template only


def test_a_new_article_changes_a_constant_number_of_list_pages(site):
    site()
    before = files_of(site.root / "output")
    (site.content / "articles" / "new.md").write_text(article_text(
        "new", "Neu", 20, "DW", "Neu.", "Neu.", tags="S"), encoding="utf-8")
    site()
    after = files_of(site.root / "output")
    changed_tag_pages = sorted(n for n in after if n.startswith("tag/s/") and after[n] != before.get(n))
    # one new numbered page (the first page had 2 and splits) and the old newest's link to newer ones
    assert changed_tag_pages == ["tag/s/6/index.html", "tag/s/7/index.html"]
    assert all(after[f"tag/s/{n}/index.html"] == before[f"tag/s/{n}/index.html"] for n in range(1, 6))


def test_what_forces_a_full_build_is_said(site, capsys):
    site()
    template = site.theme / "templates" / "base.html"
    template.write_text(template.read_text(encoding="utf-8") + "{# changed #}\n", encoding="utf-8")
    summary = site()
    assert "(full build)" in summary and summary.startswith("0 files read")  # reading is kept
    summary = site(settings={"SITESUBTITLE": "Anders"})
    assert "(full build)" in summary and not summary.startswith("0 files read")
    assert "(full build)" in site(settings={"SITESUBTITLE": "Anders"}, full=True)
    assert "(full build)" not in site(settings={"SITESUBTITLE": "Anders"})


def test_a_damaged_cache_and_record_only_cost_a_full_build(site):
    site()
    folder = next((site.root / "cache-output" / "incremental").iterdir())
    for name in ("ArticlesGenerator-Readers", "manifest.json"):
        data = (folder / name).read_bytes()
        (folder / name).write_bytes(data[: len(data) // 2])
    summary = site()
    assert "(full build)" in summary
    site(output="full", full=True)
    assert files_of(site.root / "output") == files_of(site.root / "full")


def test_stale_files_are_removed_and_retention_kept(site):
    site()
    out = site.root / "output"
    (out / "leftover.html").write_text("old", encoding="utf-8")
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    (site.content / "articles" / "a7.md").unlink()
    site(settings={"OUTPUT_RETENTION": [".git"]})
    assert not (out / "leftover.html").exists() and not (out / "articles/a7.html").exists()
    assert (out / ".git" / "HEAD").exists()


def test_make_html_builds_incrementally_and_full_on_request():
    plan = subprocess.run(["make", "-n", "html", "FULL=1"], cwd=ROOT, capture_output=True, text=True, check=True)
    line = next(l for l in plan.stdout.splitlines() if "pelican" in l and "-s" in l)
    assert "--delete-output-directory" not in line and 'INCREMENTAL_FULL_BUILD="1"' in line


@pytest.mark.parametrize("delay", [0.8, 1.6, 2.4])
def test_a_build_killed_midway_leaves_the_next_one_correct(site, delay):
    site()
    for i in range(8, 14):
        (site.content / "articles" / f"a{i}.md").write_text(article_text(
            f"a{i}", f"Meldung {i}", 10 + i, "ORF", f"Z {i}.", f"T {i}.", tags="S"), encoding="utf-8")
    (site.content / "articles" / "a2.md").unlink()
    cache, out = site.root / "cache-output", site.root / "output"
    cmd = [sys.executable, "-m", "pelican", str(site.content), "-o", str(out), "-s", str(ROOT / "pelicanconf.py"),
           "--extra-settings", f'CACHE_PATH="{cache}"', f'THEME="{site.theme}"',
           *[f"{k}={v!r}".replace("'", '"') for k, v in SETTINGS.items()]]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "INCREMENTAL_FULL_BUILD": ""})
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    site()
    site(output="full", full=True)
    assert files_of(out) == files_of(site.root / "full")


def test_reading_in_worker_processes_gives_the_same_site(site):
    site(output="serial", full=True, settings={"INCREMENTAL_WORKERS": 1})
    site(output="parallel", full=True, settings={"INCREMENTAL_WORKERS": 2, "INCREMENTAL_PARALLEL_MIN": 1})
    assert files_of(site.root / "serial") == files_of(site.root / "parallel")


RENDER_IN_WORKERS = {"INCREMENTAL_WORKERS": 3, "INCREMENTAL_RENDER_MIN": 0}


def test_pages_decided_in_worker_processes_give_the_same_site_and_summary(site):
    serial = site(output="serial", full=True, settings={"INCREMENTAL_WORKERS": 1})
    parallel = site(output="parallel", full=True, settings=RENDER_IN_WORKERS)
    assert files_of(site.root / "serial") == files_of(site.root / "parallel")
    assert parallel.split(", search:")[0] == serial.split(", search:")[0]  # every worker's pages counted
    again = site(output="parallel", settings=RENDER_IN_WORKERS)
    assert again.startswith("0 files read, 0 pages written,")  # the workers' records were kept
    article = site.content / "articles" / "a3.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Text 3.", "Text 3, länger."), encoding="utf-8")
    assert site(output="parallel", settings=RENDER_IN_WORKERS).startswith("1 file read, 2 pages written,")
    site(output="serial", full=True, settings={"INCREMENTAL_WORKERS": 1})
    assert files_of(site.root / "serial") == files_of(site.root / "parallel")


@pytest.mark.parametrize("slug", ["a1", "a2", "a3"])
def test_a_page_that_fails_in_any_process_fails_the_build_and_leaves_no_worker(site, slug):
    template = site.theme / "templates" / "article.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block content %}", f"{{% block content %}}{{% if article.slug == '{slug}' %}}{{{{ 1 // 0 }}}}{{% endif %}}",
        1), encoding="utf-8")
    out = site.root / "out"
    script = (f"import sys; sys.path[:0] = [{str(ROOT)!r}]\n"
              "from pathlib import Path\n"
              "from tests.incremental.site import build\n"
              f"build(Path({str(site.content)!r}), Path({str(out)!r}), Path({str(site.root / 'c')!r}), "
              f"Path({str(site.theme)!r}), {{**{SETTINGS!r}, **{RENDER_IN_WORKERS!r}}})\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    said = result.stdout + result.stderr
    assert result.returncode != 0 and "ZeroDivisionError" in said, said
    assert subprocess.run(["pgrep", "-f", str(out)], capture_output=True, text=True).stdout == ""


def _rendered(summary: str) -> int:
    """Pages rendered by a build: those written and those rendered again to the same bytes."""
    written = int(summary.split(" pages written")[0].rsplit(", ", 1)[-1].replace(",", ""))
    again = summary.split(" of them rendered again")[0].rsplit("(", 1)[-1] if "rendered again" in summary else "0"
    return written + int(again.replace(",", ""))


PLACES = ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Bregenz", "Klagenfurt"]


def _news_site(root: Path, count: int):
    """`count` articles over a month, each with two of a few tags (every article related to many)."""
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "tags.toml", content / "tags.toml")
    for i in range(count):
        first, second = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
        (content / "articles" / f"m{i:03d}.md").write_text(article_text(
            f"m{i:03d}", f"Meldung {i} aus {first}", 1 + i * 27 // count, ["DW", "ORF"][i % 2],
            f"Bericht {i} über {first}.", f"Text {i} über {first} und {second}.", tags=f"{first}, {second}"),
            encoding="utf-8")
    theme = root / "theme"
    if not theme.exists():
        copy_theme(theme)
    settings = {"DEFAULT_PAGINATION": 5, "AUTOTAG_MIN_ARTICLES": 2, "LOCAL_IMAGES": False}

    def run():
        return build(content, root / "output", root / "cache", theme, settings)
    return content, run


def test_a_new_article_renders_as_many_pages_on_a_site_twice_as_big(tmp_path):
    rendered = []
    for count in (30, 60):
        content, run = _news_site(tmp_path / str(count), count)
        run()
        (content / "articles" / "neu.md").write_text(article_text(
            "neu", "Neue Meldung aus Wien", 28, "DW", "Neu aus Wien.", "Neues über Wien und Graz.",
            tags="Wien, Graz"), encoding="utf-8")
        summary = run()
        assert summary.startswith("1 file read,"), summary
        rendered.append(_rendered(summary))
    # the new page, its neighbour, the articles whose related lists it entered, its tags' and
    # source's first pages, its day, month and year, the home page and the site-wide lists
    assert rendered[1] <= rendered[0] + 2 and rendered[1] <= 30, rendered
