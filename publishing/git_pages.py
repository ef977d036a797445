"""The dry run of `make github`: what ghp-import would change on the pages branch."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .changes import Changes, compare, git_blob_id, local_digests

NOJEKYLL = ".nojekyll"  # ghp-import -n adds it so that GitHub Pages serves the files as they are


def remote_blobs(remote: str, branch: str) -> dict[str, str]:
    """Blob ids by path on `branch` of `remote`; empty when the branch does not exist yet."""
    fetched = subprocess.run(["git", "fetch", "--quiet", remote, branch], capture_output=True, text=True)
    if fetched.returncode != 0:
        return {}
    listing = subprocess.run(["git", "ls-tree", "-r", "-z", "FETCH_HEAD"],
                             capture_output=True, text=True, check=True).stdout
    blobs = {}
    for entry in filter(None, listing.split("\0")):
        info, path = entry.split("\t", 1)
        blobs[path] = info.split()[2]
    return blobs


def plan(site_dir: Path, remote: str, branch: str) -> Changes:
    local = local_digests(site_dir, git_blob_id) | {NOJEKYLL: git_blob_id(b"")}
    return compare(local, remote_blobs(remote, branch))
