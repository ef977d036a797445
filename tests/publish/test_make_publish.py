"""`make publish` and `make check` on a real build of a small site in a temporary folder."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.site import copy_project_seeds

ROOT = Path(__file__).resolve().parents[2]
SITEURL = "https://digest.example.net"
pytestmark = pytest.mark.slow

NO_TITLE = "Slug: ohne-titel\nDate: 2026-01-02\nLang: de\nSource: DW\nSummary: Vorspann.\n\nText.\n"


def make(target: str, project: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", target, f"SEEDDIR={project / 'seeds'}",
         f"INPUTDIR={project / 'content'}", f"OUTPUTDIR={project / 'output'}", f"SITEURL={SITEURL}",
         *extra],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "SITEURL": ""})


def new_project(root: Path) -> Path:
    (root / "seeds").mkdir(parents=True)
    (root / "content/articles").mkdir(parents=True)
    copy_project_seeds(root / "seeds")
    return root


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    project = new_project(tmp_path_factory.mktemp("published"))
    return project, make("publish", project)


def test_publish_builds_with_absolute_urls_checks_and_precompresses(published):
    project, result = published
    assert result.returncode == 0, result.stdout + result.stderr
    assert "site_check: checked" in result.stdout and "no problems" in result.stdout
    output = project / "output"
    feed = (output / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert f'href="{SITEURL}/articles/' in feed
    assert (output / "index.html.gz").is_file() and (output / "index.html.br").is_file()
    # LEGAL is empty in pelicanconf.py: a warning (not a problem) from check, repeated as publish's last words.
    warnings = [line for line in result.stderr.splitlines() if "placeholders remain in this legal page" in line]
    assert len(warnings) == 4 and {"impressum.html" in w for w in warnings} == {True, False}, result.stderr
    assert result.stderr.rstrip().splitlines()[-2:] == warnings[-2:]


def test_a_pull_request_with_a_bad_seed_and_an_untitled_article_fails_check(published, tmp_path):
    project, _ = published
    pr = new_project(tmp_path)
    shutil.copytree(project / "content", pr / "content", dirs_exist_ok=True)
    (pr / "seeds/leer.txt").write_text("   \n")
    (pr / "content/articles/ohne-titel.md").write_text(NO_TITLE)
    result = make("check", pr, f"OUTPUTDIR={project / 'output'}")
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{pr / 'seeds/leer.txt'}: ") for line in lines), result.stderr
    assert f"{pr / 'content/articles/ohne-titel.md'}: missing metadata: Title" in lines
    assert "(content 2," in result.stdout


def test_publish_refuses_a_site_that_fails_the_check(tmp_path):
    project = new_project(tmp_path)
    (project / "content/articles/http-bild.md").write_text(
        NO_TITLE.replace("Slug: ohne-titel", "Title: Bild\nSlug: bild\nImage: http://example.org/x.jpg"))
    result = make("publish", project)
    assert result.returncode != 0
    assert f"{project / 'content/articles/http-bild.md'}: image URL is not https: http://example.org/x.jpg" \
        in result.stderr.splitlines()
    assert not (project / "output/index.html.gz").exists()
