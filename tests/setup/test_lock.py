"""The hashed locks: they cover requirements*.txt, and they install the same environment twice."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from doctor import pins, stale_locks

ROOT = Path(__file__).resolve().parents[2]
LOCK, TEST_LOCK = ROOT / "requirements.lock", ROOT / "requirements-test.lock"


def entries(lock: Path) -> dict[str, str]:
    """Each locked requirement (name==version ; markers) with its hash lines, by name."""
    blocks = re.split(r"\n(?=[a-z0-9])", lock.read_text(encoding="utf-8"))
    return {b.split("==", 1)[0]: b.split("\n    # via", 1)[0] for b in blocks if "==" in b.split("\n")[0]}


def test_every_pin_of_the_requirements_files_is_in_its_lock():
    assert stale_locks(str(ROOT)) == []


def test_every_locked_package_has_hashes_and_the_runtime_lock_agrees_with_the_test_lock():
    runtime, test = entries(LOCK), entries(TEST_LOCK)
    for name, entry in {**runtime, **test}.items():
        assert "--hash=sha256:" in entry, name
    assert {name: test[name] for name in runtime} == runtime
    assert set(pins((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())) <= set(runtime)


def test_a_stale_lock_is_named_with_the_fix(tmp_path):
    for source, lock in (("requirements.txt", "requirements.lock"), ("requirements-test.txt", "requirements-test.lock")):
        (tmp_path / source).write_text((ROOT / source).read_text(encoding="utf-8"), encoding="utf-8")
        (tmp_path / lock).write_text((ROOT / lock).read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "requirements.txt").open("a", encoding="utf-8") as f:
        f.write("Some_Package[extra]==1.0\n")
    assert stale_locks(str(tmp_path)) == [
        "requirements.txt pins some-package==1.0, requirements.lock has none: run `make lock`"]
    (tmp_path / "requirements-test.lock").unlink()
    assert "requirements-test.lock is missing: run `make lock`" in stale_locks(str(tmp_path))


@pytest.mark.slow
def test_two_fresh_installs_of_the_runtime_lock_with_hashes_required_freeze_alike(tmp_path):
    freezes = []
    for n in (1, 2):
        venv = tmp_path / f"venv{n}"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        # pip from the test environment installs into the new one (no network for pip itself).
        env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        done = subprocess.run(
            [sys.executable, "-m", "pip", "--python", str(venv / "bin/python"), "install", "--quiet", "--no-compile",
             "--require-hashes", "-r", str(LOCK)], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        freeze = subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin/python"), "freeze",
                                 "--all"], capture_output=True, text=True, check=True).stdout
        freezes.append(freeze)
    assert freezes[0] == freezes[1]
    installed = pins(freezes[0].splitlines())
    text = LOCK.read_text(encoding="utf-8").splitlines()
    locked, unconditional = pins(text), pins(line for line in text if " ; " not in line)
    assert unconditional.items() <= installed.items() <= locked.items()
