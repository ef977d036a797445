from pathlib import Path

from site_check.content import check_content

GOOD = """Title: Ein Titel
Slug: ein-titel
Date: 2026-01-02T10:00:00+01:00
Lang: de
Source: DW
Summary: Ein Vorspann.
Image: https://example.org/a.jpg

Text.
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(problems):
    return [(p.file.name, p.message) for p in problems]


def test_a_complete_article_has_no_problems(tmp_path):
    write(tmp_path, "ein-titel.md", GOOD)
    assert check_content(tmp_path) == []


def test_each_missing_field_is_one_line_naming_the_file(tmp_path):
    write(tmp_path, "a.md", "Slug: a\nDate: 2026-01-02\nLang: de\n\nText.\n")
    assert messages(check_content(tmp_path)) == [
        ("a.md", "missing metadata: Title"), ("a.md", "missing metadata: Source"),
        ("a.md", "missing metadata: Summary")]


def test_bad_date_http_image_and_duplicate_slug(tmp_path):
    write(tmp_path, "a.md", GOOD)
    write(tmp_path, "b.md", GOOD.replace("2026-01-02T10:00:00+01:00", "gestern")
          .replace("https://example.org/a.jpg", "http://example.org/a.jpg")
          + "\n![x](http://example.org/b.png)\n")
    assert messages(check_content(tmp_path)) == [
        ("b.md", "Date is not a date: 'gestern'"),
        ("b.md", "image URL is not https: http://example.org/a.jpg"),
        ("b.md", "image URL is not https: http://example.org/b.png"),
        ("b.md", f"slug 'ein-titel' is already used by {tmp_path / 'a.md'}")]


def test_slug_defaults_to_the_slugified_title(tmp_path):
    write(tmp_path, "a.md", GOOD.replace("Slug: ein-titel\n", ""))
    write(tmp_path, "b.md", GOOD)
    assert [m for _, m in messages(check_content(tmp_path))] == [
        f"slug 'ein-titel' is already used by {tmp_path / 'a.md'}"]


def test_non_utf8_file_is_reported(tmp_path):
    (tmp_path / "x.md").write_bytes(b"Title: \xff\xfe\n")
    assert messages(check_content(tmp_path)) == [("x.md", "not UTF-8 text")]


def test_stale_and_bad_seeds_come_from_the_converter_check(tmp_path):
    seeds, articles = tmp_path / "seeds", tmp_path / "articles"
    write(seeds, "bad.txt", "   \n")
    write(seeds, "new.txt", "Schlagzeile\nDW\nEin Vorspann mit genug Text.\nAbsatz eins.\n")
    articles.mkdir()
    problems = check_content(articles, seeds)
    named = {p.file.name for p in problems}
    assert named == {"bad.txt", "new.txt"}
    assert any("missing" in p.message for p in problems if p.file.name == "new.txt")


def test_missing_folders_are_problems(tmp_path):
    assert messages(check_content(tmp_path / "nope")) == [("nope", "no such content folder")]
    assert messages(check_content(tmp_path, tmp_path / "seeds")) == [("seeds", "no such seed folder")]
