"""`make doctor`: every missing tool in one message, with the install commands, before anything else runs."""

import os
import sys
import time

import pytest

import doctor
from doctor import find_chromium, problems
from tests.setup.conftest import ROOT, fake_tool, run_make, tool_dir


def test_without_chromium_java_npm_and_rsync_one_message_names_each_with_its_install_commands(tmp_path):
    path = tool_dir(tmp_path / "bin", "python3", "git")
    started = time.monotonic()
    result = run_make("doctor", path=path, env={"CHROMIUM": str(tmp_path / "no-chromium")})
    elapsed = time.monotonic() - started
    assert result.returncode != 0 and elapsed < 5, (result.returncode, elapsed)
    message = result.stderr
    assert message.startswith("make doctor: 4 of the tools it needs are missing or too old:\n"), message
    for line in ("  - Node.js >= 20 with npm, for the pinned checkers and lunr.js (npm ci): node not found on PATH",
                 "  - Java >= 17, for the Nu HTML Checker in make check, publish and test: java not found on PATH",
                 f"  - Chromium or Chrome, for the browser tests: CHROMIUM={tmp_path / 'no-chromium'} "
                 "is not an executable",
                 "  - rsync, for make rsync_upload and its test: rsync not found on PATH",
                 "  Debian/Ubuntu:   sudo apt-get install nodejs npm default-jre-headless chromium rsync",
                 "  macOS (Homebrew): brew install node openjdk rsync && brew install --cask chromium"):
        assert line in message.splitlines(), message
    assert message.count("make doctor:") == 1 and result.stdout == ""


def test_make_test_and_make_check_stop_at_the_check_before_setting_anything_up(tmp_path):
    path = tool_dir(tmp_path / "bin", "python3", "git", "rsync")
    for target, missing in (("test", "Chromium or Chrome"), ("check", "Java >= 17"), ("publish", "Node.js")):
        result = run_make(target, "SITEURL=https://digest.example.net", f"OUTPUTDIR={tmp_path / 'out'}",
                          f"VENV={tmp_path / 'venv'}", path=path, env={"CHROMIUM": ""})
        assert result.returncode != 0
        assert result.stderr.startswith(f"make {target}: ") and missing in result.stderr, result.stderr
        assert result.stdout == "" and not (tmp_path / "venv").exists() and not (tmp_path / "out").exists()


def test_make_html_needs_python_only(tmp_path):
    path = tool_dir(tmp_path / "bin", "python3")
    assert problems(doctor.NEEDS["build"], {"PATH": str(path)}) == []


def test_chromium_is_found_at_CHROMIUM_else_by_its_names_on_PATH(tmp_path):
    for name in ("google-chrome", "chromium-browser"):
        fake_tool(tmp_path, name, "")
    path = str(tmp_path)
    assert find_chromium({"PATH": path}) == str(tmp_path / "chromium-browser")
    assert find_chromium({"PATH": path, "CHROMIUM": "google-chrome"}) == str(tmp_path / "google-chrome")
    assert find_chromium({"PATH": path, "CHROMIUM": str(tmp_path / "google-chrome")}) == str(tmp_path / "google-chrome")
    assert find_chromium({"PATH": path, "CHROMIUM": str(tmp_path / "missing")}) is None
    assert find_chromium({"PATH": str(tmp_path / "empty")}) is None


@pytest.mark.parametrize("tool, output, problem", [
    ("java", 'openjdk version "11.0.22" 2024-01-16', "Java 11.0 found, 17 or newer needed"),
    ("java", 'java version "1.8.0_392"', "Java 1.8 found, 17 or newer needed"),
    ("java", 'openjdk version "21" 2023-09-19', None),
    ("node", "v18.19.1", "Node.js 18 found, 20 or newer needed"),
])
def test_old_java_and_node_are_too_old(tmp_path, tool, output, problem):
    fake_tool(tmp_path, tool, output)
    fake_tool(tmp_path, "npm", "")
    found = problems([tool], {"PATH": str(tmp_path)})
    assert [p for _, p in found] == ([problem] if problem else [])


def test_an_old_python_is_named(monkeypatch):
    monkeypatch.setattr(doctor, "MIN_PYTHON", (sys.version_info[0] + 1, 0))
    [(tool, problem)] = problems(["python"], dict(os.environ))
    assert problem.startswith(f"Python {sys.version_info[0]}.{sys.version_info[1]} found, ") and tool.key == "python"


def test_the_check_itself_parses_on_old_pythons():
    """It runs before the venv, under any python3: no syntax newer than 3.6 (no walrus, no match)."""
    import ast

    for name in ("__init__.py", "__main__.py"):
        source = (ROOT / "doctor" / name).read_text(encoding="utf-8")
        ast.parse(source, feature_version=(3, 6))
