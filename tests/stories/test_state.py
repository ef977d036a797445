"""The grouping's state between builds: a new article joins a story without regrouping the archive,
and the site is the same as a full build's; a broken state file costs a warning, not the build."""

from __future__ import annotations

import filecmp
import json

from tests.support.site import build

from . import sitefiles, testset

IDS = ["e01-dw", "e01-orf", "e01-spiegel", "d01-stoltenberg-warschau", "u06-wetter"]
NEWEST = "e01-reuters-en"  # after every other: it joins the story e01-dw


def _site(folder, ids, cache):
    items = [i for i in testset.items() if i.id in ids]
    content = sitefiles.write_content(folder / "content", items)
    settings = {"CACHE_PATH": str(cache), "AUTOTAG_CACHE_PATH": str(cache / "autotag"), "STORIES_TOP": 3}
    return content, settings


def _same_tree(a, b):
    comparison = filecmp.dircmp(a, b)
    stack, different = [comparison], []
    while stack:
        c = stack.pop()
        different += c.left_only + c.right_only + filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)[1]
        stack += c.subdirs.values()
    return different


def test_a_new_article_resumes_the_stored_state_and_gives_the_full_builds_site(tmp_path):
    cache = tmp_path / "cache"
    content, settings = _site(tmp_path / "inc", IDS, cache)
    build(content, tmp_path / "inc" / "output", settings)
    state = json.loads((cache / "stories" / "state.json").read_text(encoding="utf-8"))
    assert len(state["keys"]) == len(IDS)
    # The newest article arrives; only it is grouped, against the stored index.
    sitefiles.write_content(content, [i for i in testset.items() if i.id == NEWEST])
    result = build(content, tmp_path / "inc" / "output", settings)
    assert "grouping state" not in result.stdout + result.stderr
    state = json.loads((cache / "stories" / "state.json").read_text(encoding="utf-8"))
    assert len(state["keys"]) == len(IDS) + 1 and state["index"]["story_of"][NEWEST] == "e01-dw"

    full_content, full_settings = _site(tmp_path / "full", IDS + [NEWEST], tmp_path / "full-cache")
    build(full_content, tmp_path / "full" / "output", full_settings)
    assert _same_tree(tmp_path / "inc" / "output", tmp_path / "full" / "output") == []


def test_a_broken_state_file_costs_one_warning_and_a_full_grouping(tmp_path):
    cache = tmp_path / "cache"
    content, settings = _site(tmp_path, IDS, cache)
    (cache / "stories").mkdir(parents=True)
    (cache / "stories" / "state.json").write_text('{"code": 1, "keys": [', encoding="utf-8")
    result = build(content, tmp_path / "output", settings)
    assert "ignoring the grouping state" in result.stdout + result.stderr
    page = (tmp_path / "output" / "articles" / "e01-orf.html").read_text(encoding="utf-8")
    assert 'data-story="e01-dw"' in page
    json.loads((cache / "stories" / "state.json").read_text(encoding="utf-8"))  # written anew, whole
