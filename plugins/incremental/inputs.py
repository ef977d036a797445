"""What every page depends on: settings, code, theme, installed packages, each with a digest."""

from __future__ import annotations

import hashlib
import importlib.metadata
import marshal
import os
import sys
from pathlib import Path

from .canonical import Digests

# Settings that name where things go, not what they are (the cache key covers the site's place).
_PLACE_SETTINGS = {"CACHE_PATH", "INCREMENTAL_CACHE_DIR"}


def file_digests(root: Path, label: str) -> dict[str, str]:
    """`label/relative path` -> digest of each file under `root` (compiled caches skipped)."""
    found = {}
    if root.is_file():
        return {label: _file_digest(root)}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")) or name.startswith("."):
                continue
            path = Path(folder) / name
            found[f"{label}/{path.relative_to(root).as_posix()}"] = _file_digest(path)
    return found


def _file_digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def _encode_setting(digests: Digests, value) -> str:
    code = getattr(value, "__code__", None)
    if code is not None:  # a function in the settings file: its compiled code, not its address
        return "code:" + hashlib.blake2b(marshal.dumps(code), digest_size=16).hexdigest()
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{_encode_setting(digests, v)}" for k, v in sorted(value.items(), key=str)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_encode_setting(digests, v) for v in value) + "]"
    return digests.of(value)


def settings_digests(settings: dict) -> dict[str, str]:
    digests = Digests()
    return {f"setting {key}": hashlib.blake2b(_encode_setting(digests, settings[key]).encode("utf-8", "surrogatepass"),
                                              digest_size=8).hexdigest()
            for key in sorted(settings) if key not in _PLACE_SETTINGS}


def plugin_digests(settings: dict) -> dict[str, str]:
    """Every file of every enabled plugin's folder (or module) on PLUGIN_PATHS."""
    found = {}
    for name in settings.get("PLUGINS", []):
        for folder in settings.get("PLUGIN_PATHS", []):
            path = Path(folder) / str(name)
            if path.is_dir():
                found.update(file_digests(path, f"plugin {name}"))
                break
            if path.with_suffix(".py").is_file():
                found.update(file_digests(path.with_suffix(".py"), f"plugin {name}"))
                break
    return found


def project_modules(root: Path, skip: list[Path]) -> list[str]:
    """Project files (relative to `root`) loaded as modules now, outside `skip` and any virtualenv:
    what the plugins imported from the project, known once a build has run."""
    venv = Path(sys.prefix).resolve()
    found = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if not file or not file.endswith(".py"):
            continue
        path = Path(file).resolve()
        if root in path.parents and venv not in path.parents and not any(
                s == path or s in path.parents for s in skip):
            found.add(path.relative_to(root).as_posix())
    return sorted(found)


def module_digests(root: Path, files: list[str]) -> dict[str, str]:
    found = {}
    for rel in files:
        path = root / rel
        found[f"code {rel}"] = _file_digest(path) if path.is_file() else "missing"
    return found


def package_digest() -> dict[str, str]:
    """The installed distributions and their versions (a changed requirement changes this)."""
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    return {"packages": hashlib.blake2b("\n".join(versions).encode(), digest_size=16).hexdigest(),
            "python": sys.version}


def combined(digests: dict[str, str]) -> str:
    text = "\n".join(f"{k}\t{v}" for k, v in sorted(digests.items()))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def changed(old: dict[str, str], new: dict[str, str], limit: int = 3) -> str:
    """A short list of what differs between two sets of digests ("theme/templates/base.html changed")."""
    names = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    words = [f"{n} {'added' if n not in old else 'removed' if n not in new else 'changed'}" for n in names[:limit]]
    if len(names) > limit:
        words.append(f"{len(names) - limit} more")
    return ", ".join(words)
