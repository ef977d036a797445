import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def tool_dir(folder: Path, *tools: str) -> Path:
    """A folder to use as PATH with only `tools` (links to the real ones), so the rest is hidden."""
    folder.mkdir(exist_ok=True)
    for tool in tools:
        # python3 is the interpreter under the test's venv (a pyenv shim needs bash, hidden here).
        real = os.path.realpath(sys.executable) if tool == "python3" else shutil.which(tool)
        if real is None:
            pytest.fail(f"{tool} is needed to set up this test")
        (folder / tool).symlink_to(real)
    return folder


def fake_tool(folder: Path, name: str, output: str) -> None:
    """An executable `name` in `folder` that prints `output` (as `java -version` and the like do)."""
    script = folder / name
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' {shlex.quote(output)} >&2\n")
    script.chmod(0o755)


def run_make(*args: str, path: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """`make ARGS` in the project (make found by its absolute path, so PATH may hide everything else)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("SITEURL", "CHROMIUM", "MAKEFLAGS", "MAKELEVEL")}
    if path is not None:
        full_env["PATH"] = str(path)
    full_env.update(env or {})
    return subprocess.run([shutil.which("make"), "--no-print-directory", *args], cwd=ROOT,
                          capture_output=True, text=True, env=full_env, timeout=120)
