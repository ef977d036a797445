"""The converter on real folders, through its command line."""

import os
import subprocess
from pathlib import Path

import pytest

from seed_converter.article import read_metadata
from tests.support.site import ROOT, convert

DW = (ROOT / "seeds" / "000_c591847d4ff4d1f0.txt").read_bytes()
ENGLISH = (b"![Ministers at the table](https://example.org/m.jpg)\nNATO renews offer of talks with Moscow\n"
           b"BBC\nNATO foreign ministers warned of a real risk of war in Ukraine on Friday.\n"
           b"The alliance said it was ready to listen to Russia's concerns, but would not give up its "
           b"open-door policy. Russia has massed troops near the border for months.\n")


@pytest.fixture
def dirs(tmp_path):
    seeds, articles = tmp_path / "seeds", tmp_path / "content" / "articles"
    seeds.mkdir()
    return seeds, articles


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_converts_the_dw_seed(dirs):
    seeds, articles = dirs
    (seeds / "000_c591847d4ff4d1f0.txt").write_bytes(DW)
    result = convert(seeds, articles)
    assert result.returncode == 0, result.stderr
    [path] = articles.glob("*.md")
    assert path.name == "nato-wiederholt-angebot-zum-dialog-mit-moskau.md"
    meta = read_metadata(path.read_text())
    assert meta["title"] == "NATO wiederholt Angebot zum Dialog mit Moskau"
    assert meta["lang"] == "de"
    assert meta["source"] == "DW"
    assert meta["author"] == "Bernd Riegert" and meta["dateline"] == "Brüssel"
    assert meta["summary"].endswith("Nächste Woche gibt es eine Reihe direkter Kontakte.")
    assert meta["image"] == "https://static.dw.com/image/60362196_6.jpg"
    assert meta["seed"].endswith("seeds/000_c591847d4ff4d1f0.txt")
    assert meta["seed-hash"].startswith("sha256:")


def test_english_is_detected(dirs):
    seeds, articles = dirs
    (seeds / "en.txt").write_bytes(ENGLISH)
    convert(seeds, articles)
    assert read_metadata(next(articles.glob("*.md")).read_text())["lang"] == "en"


def test_second_run_changes_nothing(dirs):
    seeds, articles = dirs
    (seeds / "a.txt").write_bytes(DW)
    (seeds / "b.txt").write_bytes(ENGLISH)
    convert(seeds, articles)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in articles.iterdir()}
    result = convert(seeds, articles)
    assert result.returncode == 0
    assert "0 written, 2 unchanged" in result.stdout
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in articles.iterdir()} == before


def test_same_headline_gets_its_own_stable_slug(dirs):
    seeds, articles = dirs
    (seeds / "1.txt").write_bytes(DW)
    (seeds / "2.txt").write_bytes(DW.replace(b"Bernd Riegert", b"Anna Muster"))
    convert(seeds, articles)
    names = sorted(p.name for p in articles.glob("*.md"))
    assert names == ["nato-wiederholt-angebot-zum-dialog-mit-moskau-2.md",
                     "nato-wiederholt-angebot-zum-dialog-mit-moskau.md"]
    assert read_metadata((articles / names[0]).read_text())["seed"].endswith("2.txt")
    (seeds / "0.txt").write_bytes(DW.replace(b"Bernd Riegert", b"Neu Hinzu"))  # sorts first
    convert(seeds, articles)
    assert read_metadata((articles / names[0]).read_text())["seed"].endswith("2.txt")
    assert read_metadata((articles / names[1]).read_text())["seed"].endswith("1.txt")
    assert (articles / "nato-wiederholt-angebot-zum-dialog-mit-moskau-3.md").exists()


def test_bad_files_are_reported_one_line_each_and_the_rest_converted(dirs):
    seeds, articles = dirs
    bad = {"empty.txt": b"", "blank.txt": b" \n\n\t", "headline.txt": b"Only a headline",
           "image.txt": b"![x](https://x.org/a.jpg)", "binary.txt": b"\x89PNG\x00\x01\x02"}
    for name, data in bad.items():
        (seeds / name).write_bytes(data)
    (seeds / "good.txt").write_bytes(DW)
    result = convert(seeds, articles)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(bad)
    for name in bad:
        [line] = [l for l in lines if f"{name}:" in l]
        assert len(line.split(": ", 1)[1]) > 10
    assert [p.name for p in articles.iterdir()] == ["nato-wiederholt-angebot-zum-dialog-mit-moskau.md"]


def test_unsafe_image_is_left_out_with_a_warning(dirs):
    seeds, articles = dirs
    (seeds / "js.txt").write_bytes(b"![x](javascript:alert(1))\nHeadline\nDW\nLead text.\nBody.")
    result = convert(seeds, articles)
    assert result.returncode == 0
    assert "js.txt: warning: image left out" in result.stderr
    meta = read_metadata(next(articles.glob("*.md")).read_text())
    assert "image" not in meta and "javascript" not in next(articles.glob("*.md")).read_text()


def test_hand_edits_are_kept_and_seed_changes_regenerate(dirs):
    seeds, articles = dirs
    (seeds / "a.txt").write_bytes(DW)
    (seeds / "b.txt").write_bytes(ENGLISH)
    convert(seeds, articles)
    a = articles / "nato-wiederholt-angebot-zum-dialog-mit-moskau.md"
    b = articles / "nato-renews-offer-of-talks-with-moscow.md"
    meta_b = read_metadata(b.read_text())

    edited = a.read_text().replace("Title: NATO wiederholt", "Tags: NATO\nTitle: NATO wiederholt")
    a.write_text(edited)
    (seeds / "a.txt").write_bytes(DW + b"\nEin neuer Absatz.")
    (seeds / "b.txt").write_bytes(ENGLISH.replace(b"NATO renews", b"NATO repeats") + b"A new paragraph.\n")
    result = convert(seeds, articles)
    assert result.returncode == 0
    assert f"{a}: kept the hand-edited version; its seed changed since" in result.stdout
    assert a.read_text() == edited
    new_b = read_metadata(b.read_text())
    assert new_b["title"] == "NATO repeats offer of talks with Moscow"
    assert (new_b["slug"], new_b["date"]) == (meta_b["slug"], meta_b["date"])
    assert "A new paragraph." in b.read_text()

    check = convert(seeds, articles, "--check")
    assert check.returncode == 1 and f"{a}: out of date" in check.stderr

    forced = convert(seeds, articles, "--force")
    assert forced.returncode == 0
    assert "Tags: NATO" not in a.read_text() and "Ein neuer Absatz." in a.read_text()
    assert read_metadata(a.read_text())["date"] == read_metadata(edited)["date"]
    assert convert(seeds, articles, "--check").returncode == 0


def test_check_changes_nothing_and_finds_missing_files(dirs):
    seeds, articles = dirs
    (seeds / "a.txt").write_bytes(DW)
    result = convert(seeds, articles, "--check")
    assert result.returncode == 1
    assert "a.txt: missing" in result.stderr
    assert not articles.exists() or not any(articles.iterdir())


def test_no_partial_files_are_left_behind(dirs):
    seeds, articles = dirs
    for i in range(5):
        (seeds / f"{i}.txt").write_bytes(DW.replace(b"NATO wiederholt", f"Artikel {i}".encode()))
    convert(seeds, articles)
    assert sorted(p.suffix for p in articles.iterdir()) == [".md"] * 5
    assert not [p for p in articles.iterdir() if p.name.startswith(".")]


def test_date_is_the_first_commit_in_git_and_kept_later(dirs):
    seeds, articles = dirs
    env = {**os.environ, "GIT_AUTHOR_DATE": "2022-01-07T10:30:00+01:00",
           "GIT_COMMITTER_DATE": "2022-01-07T10:30:00+01:00"}
    git = ["git", "-C", str(seeds), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    (seeds / "a.txt").write_bytes(DW)
    subprocess.run([*git, "add", "a.txt"], check=True)
    subprocess.run([*git, "commit", "-qm", "seed"], check=True, env=env)
    (seeds / "b.txt").write_bytes(ENGLISH)  # not committed: modification time
    os.utime(seeds / "b.txt", (1_600_000_000, 1_600_000_000))
    convert(seeds, articles)
    a = articles / "nato-wiederholt-angebot-zum-dialog-mit-moskau.md"
    assert read_metadata(a.read_text())["date"] == "2022-01-07T10:30:00+01:00"
    b = articles / "nato-renews-offer-of-talks-with-moscow.md"
    assert read_metadata(b.read_text())["date"] == "2020-09-13T14:26:40+02:00"
    os.utime(seeds / "b.txt", None)
    (seeds / "b.txt").write_bytes(ENGLISH + b"More.\n")
    convert(seeds, articles)
    assert read_metadata(b.read_text())["date"] == "2020-09-13T14:26:40+02:00"


def test_missing_seed_folder_is_an_error(tmp_path):
    result = convert(tmp_path / "nope", tmp_path / "out")
    assert result.returncode == 2 and "no such seed folder" in result.stderr
