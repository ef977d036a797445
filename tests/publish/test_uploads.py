"""The upload targets against local stand-ins: a bare git repository, a folder, moto's S3 server.

`make -o publish` skips the build: each target uploads a small site made here,
so these tests check the uploads, not the theme (test_make_publish builds).
"""

import os
import socket
import subprocess
from pathlib import Path

import boto3
import pytest

from publishing.precompress import precompress

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def make(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(["make", "--no-print-directory", "-o", "publish", "SITEURL=https://digest.example.net",
                             *args], cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})})
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def site(tmp_path) -> Path:
    output = tmp_path / "output"
    (output / "articles").mkdir(parents=True)
    (output / "index.html").write_text("<p>Übersicht</p>" * 30, encoding="utf-8")
    (output / "articles/a.html").write_text("<p>A</p>" * 60)
    (output / "old.html").write_text("old")
    precompress(output)
    return output


def change(site: Path) -> None:
    """A rebuild: one page changed, one gone, one new."""
    (site / "articles/a.html").write_text("<p>A, korrigiert</p>")
    (site / "old.html").unlink()
    (site / "new.html").write_text("new")


def git(*args: str, cwd: Path | None = None, env: dict | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True,
                          env={**os.environ, **(env or {})}).stdout


def branch_files(bare: Path, tmp_path: Path) -> dict[str, bytes]:
    clone = tmp_path / "clone"
    subprocess.run(["rm", "-rf", str(clone)], check=True)
    git("clone", "--quiet", "--branch", "gh-pages", str(bare), str(clone))
    return {k: v for k, v in files(clone).items() if not k.startswith(".git/")}


def test_github_pushes_output_to_the_gh_pages_branch(site, tmp_path):
    bare, local = tmp_path / "pages.git", tmp_path / "local.git"
    git("init", "--quiet", "--bare", str(bare))
    git("init", "--quiet", "--bare", str(local))
    git("remote", "add", "origin", str(bare), cwd=local)
    # ghp-import works in the repository git finds: a scratch one, not the project's.
    env = {"GIT_DIR": str(local), "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}

    dry = make("github", "DRY_RUN=1", f"OUTPUTDIR={site}", env=env)
    assert "add     articles/a.html" in dry.stdout and "add     .nojekyll" in dry.stdout
    assert git("ls-remote", str(bare)) == ""

    make("github", f"OUTPUTDIR={site}", env=env)
    assert branch_files(bare, tmp_path) == {**files(site), ".nojekyll": b""}

    change(site)
    dry = make("github", "DRY_RUN=1", f"OUTPUTDIR={site}", env=env).stdout
    assert "update  articles/a.html" in dry and "delete  old.html" in dry and "add     new.html" in dry
    make("github", f"OUTPUTDIR={site}", env=env)
    assert branch_files(bare, tmp_path) == {**files(site), ".nojekyll": b""}
    assert git("rev-list", "--count", "gh-pages", cwd=bare).strip() == "2"


def test_rsync_upload_mirrors_output_into_the_target(site, tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    (target / "stale.html").write_text("from an earlier upload")

    dry = make("rsync_upload", "DRY_RUN=1", f"OUTPUTDIR={site}", f"RSYNC_TARGET={target}/")
    assert ">f+++++++++ articles/a.html\n" in dry.stdout
    assert any(line.startswith("*deleting") and line.endswith(" stale.html") for line in dry.stdout.splitlines())
    assert files(target) == {"stale.html": b"from an earlier upload"}

    make("rsync_upload", f"OUTPUTDIR={site}", f"RSYNC_TARGET={target}/")
    assert files(target) == files(site)
    change(site)
    make("rsync_upload", f"OUTPUTDIR={site}", f"RSYNC_TARGET={target}/")
    assert files(target) == files(site)


@pytest.fixture
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def bucket_files(client, bucket: str) -> dict[str, bytes]:
    listing = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {o["Key"]: client.get_object(Bucket=bucket, Key=o["Key"])["Body"].read() for o in listing}


def uncompressed(site_files: dict[str, bytes]) -> dict[str, bytes]:
    """What goes into a bucket: the site without its precompressed copies (see publishing/s3.py)."""
    return {k: v for k, v in site_files.items() if not k.endswith((".gz", ".br"))}


def test_s3_upload_mirrors_output_into_the_bucket(site, s3_endpoint):
    env = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1"}
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1",
                          aws_access_key_id="test", aws_secret_access_key="test")
    client.create_bucket(Bucket="site")
    client.put_object(Bucket="site", Key="stale.html", Body=b"old")
    args = [f"OUTPUTDIR={site}", "S3_BUCKET=site", f"S3_ENDPOINT_URL={s3_endpoint}"]

    dry = make("s3_upload", "DRY_RUN=1", *args, env=env).stdout
    assert "add     index.html\n" in dry and "index.html.gz" not in dry and "delete  stale.html" in dry
    assert bucket_files(client, "site") == {"stale.html": b"old"}

    make("s3_upload", *args, env=env)
    assert bucket_files(client, "site") == uncompressed(files(site))
    assert client.head_object(Bucket="site", Key="index.html")["ContentType"] == "text/html; charset=utf-8"

    change(site)
    again = make("s3_upload", *args, env=env).stdout
    assert "2 to add" not in again and "1 to update, 1 to delete" in again
    assert bucket_files(client, "site") == uncompressed(files(site))
    assert "0 to add, 0 to update, 0 to delete" in make("s3_upload", "DRY_RUN=1", *args, env=env).stdout
