"""publish and the upload targets refuse a mistake before they build or upload anything."""

import subprocess

import pytest

from tests.setup.conftest import ROOT, run_make, tool_dir

UPLOADS = ["github", "rsync_upload", "s3_upload"]


@pytest.fixture
def project(tmp_path):
    """An output folder from an earlier build, and the folders a wrong build would write."""
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the site as it was")
    return tmp_path


def untouched(project) -> bool:
    output = project / "output"
    return [p.name for p in output.iterdir()] == ["index.html"] and not (project / "content").exists()


def args(project, *extra):
    return [f"OUTPUTDIR={project / 'output'}", f"INPUTDIR={project / 'content'}", *extra]


@pytest.mark.parametrize("target", ["publish", *UPLOADS])
def test_the_placeholder_siteurl_is_refused_unless_given(project, target):
    result = run_make(target, *args(project, "S3_BUCKET=site"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"make {target}: SITEURL is not set (the placeholder "
                                    "https://news-digest.example.org would end up in feeds"), result.stderr
    assert "Nothing was built." in result.stderr and result.stdout == "" and untouched(project)


@pytest.mark.parametrize("how", ["command line", "environment"])
def test_an_empty_siteurl_is_refused_too(project, how):
    extra, env = (["SITEURL="], {}) if how == "command line" else ([], {"SITEURL": ""})
    result = run_make("publish", *args(project, *extra), env=env)
    assert result.returncode == 2 and "make publish: SITEURL is empty" in result.stderr and untouched(project)


def test_s3_upload_without_a_bucket_is_refused_before_publish(project):
    result = run_make("s3_upload", *args(project), env={"SITEURL": "https://digest.example.net"})
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("make s3_upload: set S3_BUCKET"), result.stderr
    assert untouched(project)


def test_rsync_upload_without_rsync_is_refused_before_publish(project, tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    path = tool_dir(tmp_path / "bin", "python3", "node", "npm", "java", "git")
    result = run_make("rsync_upload", *args(project, "SITEURL=https://digest.example.net",
                                            f"RSYNC_TARGET={target}/"), path=path)
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.startswith("make rsync_upload: 1 of the tools it needs is missing"), result.stderr
    assert "rsync not found on PATH" in result.stderr and "sudo apt-get install rsync" in result.stderr
    assert untouched(project) and list(target.iterdir()) == []


def test_rsync_upload_to_a_host_needs_ssh(project, tmp_path):
    path = tool_dir(tmp_path / "bin", "python3", "node", "npm", "java", "git", "rsync")
    result = run_make("rsync_upload", *args(project, "SITEURL=https://digest.example.net",
                                            "RSYNC_TARGET=www@example.net:/srv/www"), path=path)
    assert result.returncode == 2 and "make rsync_upload: ssh not found" in result.stderr and untouched(project)


def test_github_without_git_is_refused(project, tmp_path):
    path = tool_dir(tmp_path / "bin", "python3", "node", "npm", "java")
    result = run_make("github", *args(project, "SITEURL=https://digest.example.net"), path=path)
    assert result.returncode != 0 and "git not found on PATH" in result.stderr and untouched(project)


def test_publish_without_java_stops_before_it_empties_output(project, tmp_path):
    path = tool_dir(tmp_path / "bin", "python3", "node", "npm", "git")
    result = run_make("publish", *args(project, "SITEURL=https://digest.example.net"), path=path)
    assert result.returncode != 0 and result.stderr.startswith("make publish: 1 of the tools"), result.stderr
    assert "java not found on PATH" in result.stderr and untouched(project)


def test_an_explicit_siteurl_gets_past_the_refusals():
    """The dry run of make's plan for publish reaches the build (make -n prints, runs nothing)."""
    plan = subprocess.run(["make", "-n", "publish", "SITEURL=https://digest.example.net"],
                          capture_output=True, text=True, cwd=ROOT)
    assert 'SITEURL="https://digest.example.net"' in plan.stdout and "publishconf.py" in plan.stdout
