import json
from pathlib import Path

import pytest

from site_check.html_validator import parse_report, validate_html

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def test_report_errors_become_problems_with_file_and_line(tmp_path):
    report = json.dumps({"messages": [
        {"type": "error", "url": f"file:{tmp_path}/a%20b.html", "lastLine": 3, "message": "Stray end tag."},
        {"type": "info", "subType": "warning", "url": f"file:{tmp_path}/a.html", "message": "ignored"},
        {"type": "non-document-error", "message": "IO error"},
    ]})
    assert [(p.file, p.message) for p in parse_report(report, tmp_path)] == [
        (tmp_path / "a b.html", "line 3: Stray end tag."), (tmp_path, "IO error")]


@pytest.mark.slow
def test_vnu_finds_the_invalid_page_only(tmp_path):
    page = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>{}</body></html>'
    (tmp_path / "good.html").write_text(page.format("<p>fine</p>"))
    (tmp_path / "bad.html").write_text(page.format("<p>open</div>"))
    problems = validate_html(tmp_path, VNU)
    assert {p.file for p in problems} == {tmp_path / "bad.html"}
    assert all(p.message.startswith("line 1: ") for p in problems)


def test_missing_tools_are_reported_not_raised(tmp_path):
    (tmp_path / "a.html").write_text("<p>")
    assert "not found" in validate_html(tmp_path, tmp_path / "no.jar")[0].message
    assert "not found" in validate_html(tmp_path, VNU, java="no-such-java")[0].message
