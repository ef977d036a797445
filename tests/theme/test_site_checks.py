"""The built site passes the Nu HTML Checker and has no broken internal link or fragment."""

import json
import subprocess
from pathlib import Path

import pelicanconf
from tests.theme.linkcheck import broken_links

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The header's search form targets /search.html: checked once the search page is a direct template.
NOT_YET = () if "search" in pelicanconf.DIRECT_TEMPLATES else ("/search.html",)


def test_nu_html_checker_reports_no_errors(site):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert [(m.get("url", "").rsplit("/output/", 1)[-1], m["message"]) for m in messages] == []
    assert result.returncode == 0


def test_no_broken_internal_links(site):
    assert broken_links(site, ignore=NOT_YET) == []


def test_link_checker_finds_missing_files_and_fragments(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="sub/">ok</a><a href="#top">ok</a><p id="top"></p>'
        '<a href="/missing.html">x</a><a href="sub/index.html#nowhere">y</a>'
        '<a href="https://example.org/">external</a><img src="/gone.png" alt="">', encoding="utf-8")
    (tmp_path / "sub" / "index.html").write_text('<a href="../index.html#top">back</a>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "index.html -> /missing.html",
        "index.html -> sub/index.html#nowhere (no #nowhere)",
        "index.html -> /gone.png",
    ]
