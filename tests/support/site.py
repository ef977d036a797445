"""Build a small Pelican site in a temporary folder with the project's settings."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def convert(seed_dir: Path, articles_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run the seed converter CLI as `make content` does."""
    return subprocess.run(
        [sys.executable, "-m", "seed_converter", "--seeds", str(seed_dir),
         "--content", str(articles_dir), *extra],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )


def build(content_dir: Path, output_dir: Path, settings: dict | None = None,
          conf: str = "pelicanconf.py") -> subprocess.CompletedProcess:
    """Build `content_dir` into `output_dir` with the project's settings file.

    `settings` overrides single settings (as Pelican's --extra-settings does),
    so a test can switch a plugin or the language without its own config file.
    Tests never touch the network: unless a test says otherwise (and serves its
    images on 127.0.0.1, tests/support/images.py), lead images stay hotlinked.
    The build's caches live beside `output_dir`, never in the project's cache/.
    """
    settings = {"LOCAL_IMAGES": False, "CACHE_PATH": str(output_dir.parent / f"{output_dir.name}-cache"),
                **(settings or {})}
    cmd = [sys.executable, "-m", "pelican", str(content_dir), "-o", str(output_dir),
           "-s", str(ROOT / conf), "--delete-output-directory", "--fatal", "errors"]
    if settings:
        cmd += ["--extra-settings", *[f"{k}={json.dumps(v)}" for k, v in settings.items()]]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise AssertionError(f"pelican failed:\n{result.stdout}\n{result.stderr}")
    return result


def make_site(tmp_path: Path, seeds: dict[str, str | bytes], pages: dict[str, str] | None = None,
              settings: dict | None = None) -> Path:
    """Write `seeds` (file name -> text), convert them, build; return the output folder."""
    seed_dir = tmp_path / "seeds"
    content = tmp_path / "content"
    seed_dir.mkdir()
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    for name, text in seeds.items():
        data = text.encode("utf-8") if isinstance(text, str) else text
        (seed_dir / name).write_bytes(data)
    for name, text in (pages or {}).items():
        (content / "pages" / name).write_text(text, encoding="utf-8")
    result = convert(seed_dir, content / "articles")
    if result.returncode != 0:
        raise AssertionError(f"converter failed:\n{result.stdout}\n{result.stderr}")
    output = tmp_path / "output"
    build(content, output, settings)
    return output


def copy_project_seeds(dest: Path) -> None:
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, dest / seed.name)
