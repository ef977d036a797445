"""The converter under faults: killed at random points, a full disk, a read-only disk.

Whatever happens, every article in the content folder is complete (its
Output-Hash matches), the next run finishes the job without duplicates, and
no temporary file outlives that run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seed_converter.article import is_hand_edited, read_metadata
from seed_converter.atomic import is_temp_file
from tests.support.site import ROOT

PARAGRAPH = ("Der Gemeinderat hat am Abend über den Haushalt für das kommende Jahr beraten, "
             "die Opposition kritisierte die geplanten Ausgaben für den Straßenbau. ") * 30


def seed_folder(folder: Path, count: int, paragraphs: int = 2) -> Path:
    """`count` seeds of about `paragraphs` * 5 KB."""
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(
            f"Meldung Nummer {i} aus dem Rathaus\nDW\nDer Gemeinderat tagte zum {i}. Mal.\n"
            + f"{PARAGRAPH}\n" * paragraphs, encoding="utf-8")
    return folder


def converter(seeds: Path, articles: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "seed_converter", "--seeds", str(seeds), "--content",
                             str(articles), "-q"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def run(seeds: Path, articles: Path) -> tuple[int, str]:
    process = converter(seeds, articles)
    _, stderr = process.communicate(timeout=300)
    return process.returncode, stderr


def assert_complete(articles: Path) -> list[Path]:
    """Every article is whole; return the temporary files present."""
    temp = []
    for path in articles.iterdir():
        if is_temp_file(path.name):
            temp.append(path)
            continue
        text = path.read_text(encoding="utf-8")
        assert not is_hand_edited(text, read_metadata(text)), f"{path.name} is incomplete"
    return temp


def kill_when(process: subprocess.Popen, articles: Path, ready, signum=signal.SIGKILL) -> tuple[bool, str]:
    """Send `signum` as soon as `ready(names in articles)` holds; (whether it was sent, stderr)."""
    sent = False
    while process.poll() is None:
        names = os.listdir(articles) if articles.exists() else []
        if ready(names):
            process.send_signal(signum)
            sent = True
            break
        time.sleep(0.0002)
    return sent, process.communicate(timeout=60)[1]


def writing(names: list[str]) -> bool:
    return any(is_temp_file(n) for n in names)


def test_killed_at_random_points_never_leaves_half_an_article(tmp_path):
    seeds = seed_folder(tmp_path / "seeds", 120)
    articles = tmp_path / "articles"
    rng = random.Random(15)
    temp_seen = 0
    for point in range(8):
        process = converter(seeds, articles)
        if point % 2:  # in the middle of a write: a temporary file is there
            kill_when(process, articles, writing)
        else:  # after a random number of articles more
            target = len(os.listdir(articles)) + rng.randint(1, 12) if articles.exists() else rng.randint(1, 12)
            kill_when(process, articles, lambda names, target=target: len(names) >= target)
        if articles.exists():
            temp_seen += len(assert_complete(articles))
    assert temp_seen > 0, "no kill landed in the middle of a write"
    code, stderr = run(seeds, articles)
    assert code == 0, stderr
    assert assert_complete(articles) == []
    names = sorted(p.name for p in articles.iterdir())
    assert len(names) == 120 and not [n for n in names if n.endswith("-2.md")]
    assert {read_metadata(p.read_text())["seed"].rsplit("/", 1)[-1] for p in articles.iterdir()} == \
        {f"{i:03d}.txt" for i in range(120)}


def test_sigterm_and_ctrl_c_in_the_middle_of_a_write_remove_the_temporary_file(tmp_path):
    seeds = seed_folder(tmp_path / "seeds", 120)
    for signum, code in ((signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 130)):
        # A folder of its own for each signal: the run has all 120 articles to write, so the
        # signal lands early in the run, never after its last write.
        articles = tmp_path / f"articles-{signum.name}"
        process = converter(seeds, articles)
        sent, stderr = kill_when(process, articles, writing, signum)
        assert "Traceback" not in stderr
        if sent:
            assert process.returncode == code, stderr
        assert assert_complete(articles) == []


def test_temporary_files_of_a_killed_run_are_swept_and_ignored_by_git(tmp_path):
    seeds = seed_folder(tmp_path / "seeds", 1)
    articles = tmp_path / "articles"
    articles.mkdir()
    stale = articles / ".meldung-nummer-0.md.0123456789ab.tmp"
    stale.write_text("Title: half")
    mine = articles / ".notes.tmp"
    mine.write_text("not the converter's")
    code, stderr = run(seeds, articles)
    assert code == 0 and f"{stale.name}: removed (a temporary file an interrupted run left)" in stderr
    assert not stale.exists() and mine.exists()
    ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", "content/articles/" + stale.name],
                             cwd=ROOT)
    assert ignored.returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    """A 512 KiB tmpfs (needs root and permission to mount); unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k,mode=0755", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_keeps_every_complete_article_and_the_next_run_finishes(tmp_path, small_disk):
    seeds = seed_folder(tmp_path / "seeds", 40, paragraphs=7)  # ~35 KB each: about 14 fit
    articles = small_disk / "articles"
    code, stderr = run(seeds, articles)
    assert code == 1
    lines = stderr.strip().splitlines()
    assert lines and all(line.endswith(": cannot write: No space left on device") for line in lines)
    assert "Traceback" not in stderr
    written = list(articles.iterdir())
    assert assert_complete(articles) == [] and 0 < len(written) < 40
    assert len(written) + len(lines) == 40
    subprocess.run(["mount", "-o", "remount,size=4m", str(small_disk)], check=True)
    code, stderr = run(seeds, articles)
    assert code == 0, stderr
    assert len(list(articles.iterdir())) == 40 and assert_complete(articles) == []


def test_a_read_only_disk_is_one_line_per_article(tmp_path, small_disk):
    seeds = seed_folder(tmp_path / "seeds", 3)
    articles = small_disk / "articles"
    articles.mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    code, stderr = run(seeds, articles)
    assert code == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 3 and all(line.endswith(": cannot write: Read-only file system") for line in lines)
    assert list(articles.iterdir()) == []
