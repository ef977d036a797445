"""make check says what it checks as it goes, then ends with its summary."""

import subprocess
import sys

from tests.setup.conftest import ROOT

ARTICLE = "Title: A\nSlug: a\nDate: 2026-01-02\nLang: de\nSource: DW\nSummary: Vorspann.\n\nText.\n"


def test_each_check_has_a_progress_line_and_the_summary_comes_last(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles/a.md").write_text(ARTICLE)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<!doctype html><html lang="de"><title>x</title><a href="b.html">b</a>')
    done = subprocess.run([sys.executable, "-m", "site_check", "--content", str(tmp_path / "articles"),
                           "--site", str(site), "--vnu", str(tmp_path / "no-vnu.jar")],
                          cwd=ROOT, capture_output=True, text=True)
    lines = done.stdout.splitlines()
    assert [line.split(" ...")[0] for line in lines[:-1]] == [
        "site_check: content: 1 article", "site_check: HTML of 1 page (Nu HTML Checker)",
        "site_check: links and #fragments in 1 page", "site_check: 0 feeds", "site_check: the sitemap"]
    assert lines[1].split(" ... ")[1].startswith("1 problem (") and lines[2].split(" ... ")[1].startswith("1 problem")
    assert lines[-1].startswith("site_check: checked 1 articles; 1 pages, 0 feeds: ") and done.returncode == 1
