"""HTML validity: the Nu HTML Checker (vnu.jar) over the whole site in one Java process."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import Problem

ERROR_TYPES = {"error", "non-document-error"}


def parse_report(report: str, site_dir: Path) -> list[Problem]:
    """Problems from vnu's JSON report: one per error, naming the file and line."""
    problems = []
    for message in json.loads(report).get("messages", []):
        if message.get("type") not in ERROR_TYPES:
            continue
        url = message.get("url", "")
        file = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else site_dir
        line = message.get("lastLine") or message.get("firstLine")
        where = f"line {line}: " if line else ""
        problems.append(Problem(file, f"{where}{message.get('message', 'invalid HTML')}"))
    return problems


def validate_html(site_dir: Path, vnu_jar: Path, java: str = "java",
                  progress: Callable[[int], None] | None = None) -> list[Problem]:
    """Run vnu on every .html file under `site_dir`; its errors as problems.

    `progress` is called with the number of pages checked so far as vnu names
    each one (its --verbose output); the JSON report comes at the end.
    """
    if shutil.which(java) is None:
        return [Problem(site_dir, f"cannot check HTML: {java} not found (install a Java 17 runtime)")]
    if not vnu_jar.is_file():
        return [Problem(site_dir, f"cannot check HTML: {vnu_jar} not found (run npm ci)")]
    if not any(site_dir.rglob("*.html")):
        return []
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as report:
        # The report goes to a file, not a pipe: read while vnu names pages, a full pipe would stall it.
        with subprocess.Popen(
                [java, "-jar", str(vnu_jar), "--errors-only", "--format", "json", "--skip-non-html",
                 "--exit-zero-always", "--verbose", str(site_dir.resolve())],
                stdout=subprocess.PIPE, stderr=report, text=True) as vnu:
            for checked, _ in enumerate(vnu.stdout, start=1):
                if progress:
                    progress(checked)
        report.seek(0)
        text = report.read()
    try:
        problems = parse_report(text, site_dir.resolve())
    except json.JSONDecodeError:
        return [Problem(site_dir, f"vnu failed: {text.strip()[:500]}")]
    return [Problem(_relative(p.file, site_dir), p.message) for p in problems]


def _relative(file: Path, site_dir: Path) -> Path:
    """`file` named as the caller named the site (output/x.html, not an absolute path)."""
    try:
        return site_dir / file.relative_to(site_dir.resolve())
    except ValueError:
        return file
