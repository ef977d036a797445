"""make help, make new and make serve as a newcomer meets them."""

import html
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import markdown
import pytest

from tests.setup.conftest import ROOT, run_make


def test_help_lists_every_documented_target_aligned_with_variables_filled_in():
    out = run_make("help", "PORT=8123").stdout.splitlines()
    documented = re.findall(r"^([a-z0-9_-]+):.*## ", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert [line.split()[1] for line in out] == documented
    assert len({len(re.match(r"  make \S+\s+", line).group(0)) for line in out}) == 1, out
    assert "$(" not in "\n".join(out) and "http://127.0.0.1:8123" in "\n".join(out)


@pytest.mark.parametrize("title", ['Über "Zitate" & $HOME', "It's $(whoami) `id` \\n $$ 100%"])
def test_new_writes_the_title_source_and_summary_as_typed(tmp_path, title):
    result = run_make("new", f"TITLE={title}", "SOURCE=Der $SOURCE", f"SUMMARY={title}.",
                      f"INPUTDIR={tmp_path}")
    assert result.returncode == 0, result.stderr
    [article] = (tmp_path / "articles").glob("*.md")
    meta = dict(line.split(": ", 1) for line in article.read_text(encoding="utf-8").splitlines() if ": " in line)
    assert html.unescape(meta["Title"]) == title and meta["Source"] == "Der $SOURCE"
    rendered = markdown.markdown(meta["Summary"])  # as Pelican renders a summary
    assert html.unescape(re.sub(r"</?p>", "", rendered)) == title + "."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_a_missing_page_with_the_sites_404_page(tmp_path):
    site = tmp_path / "output"
    (site / "articles").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Start</h1>")
    (site / "articles/a.html").write_text("<h1>A</h1>")
    (site / "404.html").write_text("<h1>Seite nicht gefunden</h1>")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "preview", str(site), "--port", str(port)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.05)
        assert urllib.request.urlopen(base + "/articles/a", timeout=2).read() == b"<h1>A</h1>"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/articles/nope.html", timeout=2)
        assert missing.value.code == 404 and missing.value.read() == b"<h1>Seite nicht gefunden</h1>"
        assert missing.value.headers["Content-Type"] == "text/html; charset=utf-8"
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
        server.stderr.close()


def test_serve_without_a_built_site_says_so(tmp_path):
    done = subprocess.run([sys.executable, "-m", "preview", str(tmp_path), "--port", "0"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr == f"make serve: no built site in {tmp_path} (run make html)\n"


def test_make_serve_uses_the_preview_server():
    plan = subprocess.run(["make", "-n", "-o", "html", "serve", "PORT=8124"], capture_output=True, text=True,
                          cwd=ROOT)
    assert "-m preview \"output\" --port 8124" in plan.stdout, plan.stdout


def test_new_takes_the_language_from_ARTICLE_LANG(tmp_path):
    result = run_make("new", "TITLE=Talks resume", "ARTICLE_LANG=en", f"INPUTDIR={tmp_path}")
    assert result.returncode == 0, result.stderr
    assert "Lang: en\n" in (tmp_path / "articles/talks-resume.md").read_text(encoding="utf-8")
