"""A bad plugin setting stops the build before anything is read: one line naming it, no traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.site import ROOT

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.slow

BAD = [  # (setting, value, the start of the one line)
    ("AUTOTAG_RELATED", "x", "autotag: AUTOTAG_RELATED must be a whole number"),
    ("STORIES_TOP", -1, "stories: STORIES_TOP: a whole number"),
    ("LUNR_SEARCH_FIELDS", ["nope"], "lunr_search: LUNR_SEARCH_FIELDS: unknown fields ['nope']"),
    ("LUNR_SEARCH_SHARD_BYTES", 0, "lunr_search: LUNR_SEARCH_SHARD_BYTES: a positive whole number"),
    ("SITEMAP_MAX_URLS", 0, "site_lists: SITEMAP_MAX_URLS: a positive whole number"),
    ("INCREMENTAL_WORKERS", "many", "incremental: INCREMENTAL_WORKERS: a positive whole number or None"),
    ("INCREMENTAL_PARALLEL_MIN", -1, "incremental: INCREMENTAL_PARALLEL_MIN: a whole number"),
    ("INCREMENTAL_RENDER_MIN", "all", "incremental: INCREMENTAL_RENDER_MIN: a whole number of articles"),
    ("LOCAL_IMAGES_TIMEOUT", "abc", "local_images: LOCAL_IMAGES_TIMEOUT: a positive number of seconds"),
    ("LOCAL_IMAGES_WIDTHS", 5, "local_images: LOCAL_IMAGES_WIDTHS: a list of positive whole numbers"),
    ("LOCAL_IMAGES_WORKERS", 0, "local_images: LOCAL_IMAGES_WORKERS: a positive whole number"),
    ("LOCAL_IMAGES_DOWNLOAD", "yes", "local_images: LOCAL_IMAGES_DOWNLOAD: True or False"),
]


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    content = tmp_path_factory.mktemp("settings") / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    shutil.copyfile(HERE / "content" / "hand-written-with-slug.md", content / "articles" / "a.md")
    return content


@pytest.mark.parametrize("name, value, line", BAD, ids=[name for name, _, _ in BAD])
def test_a_bad_plugin_setting_is_one_line_naming_it(content, tmp_path, name, value, line):
    output = tmp_path / "output"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"),
         "--extra-settings", f"{name}={json.dumps(value)}", f"CACHE_PATH={json.dumps(str(tmp_path / 'cache'))}"],
        cwd=ROOT, capture_output=True, text=True, env={"COLUMNS": "400", "PATH": "/usr/bin:/bin"})
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    [problem] = [text for text in result.stderr.splitlines() if text.strip()]
    assert problem.startswith(line), log
    assert not (output / "index.html").exists()
