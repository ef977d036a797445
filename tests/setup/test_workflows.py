"""The GitHub workflows: valid for GitHub's schema, clean for zizmor, and calling only real make targets."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.setup.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
MAKE_CALL = re.compile(r"(?:^|[;&|(]\s*|\bthen\s+)make((?:[ \t]+[^\s;&|)#]+)*)", re.M)


def load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # keeps `on` a string


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z0-9_.-]+)(?:[ \t]+[A-Za-z0-9_.-]+)*[ \t]*:(?!=)", text, re.M))


def shell_texts(workflow: dict) -> list[str]:
    """Every `run:` script, and .ci/run where a step runs it."""
    texts = [step["run"] for step in steps(workflow) if "run" in step]
    return texts + [(ROOT / ".ci/run").read_text(encoding="utf-8") for t in texts if ".ci/run" in t]


def test_the_workflows_pass_githubs_workflow_schema():
    done = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                           *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_finds_nothing_even_as_a_pedantic_auditor():
    done = subprocess.run([str(BIN / "zizmor"), "--offline", "--persona=pedantic", "--no-progress",
                           str(ROOT / ".github/workflows")], capture_output=True, text=True)
    assert done.returncode == 0 and "No findings to report" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_steps_call_only_make_targets_that_exist(path):
    targets = make_targets()
    called = [word for text in shell_texts(load(path)) for call in MAKE_CALL.findall(text)
              for word in call.split() if "=" not in word and not word.startswith("-")]
    assert called, "no make call found"
    assert [t for t in called if t not in targets] == []


def test_the_target_finder_sees_what_it_should():
    assert MAKE_CALL.findall("make test\nx && make html check SITEURL=y\n# make nothing") == [
        " test", " html check SITEURL=y"]
    assert {"test", "need-siteurl", "publish", "check-content"} <= make_targets() and "PYTHON" not in make_targets()


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_current_pinned_by_commit_cached_and_use_the_runners_chromium(path):
    workflow = load(path)
    uses = [step["uses"] for step in steps(workflow) if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    text = path.read_text(encoding="utf-8")
    for action, major in (("checkout", 7), ("setup-python", 7), ("setup-node", 7)):
        assert re.search(rf"actions/{action}@[0-9a-f]{{40}}  # v{major}\.", text), action
    setup = {step["uses"].split("@")[0]: step.get("with", {}) for step in steps(workflow) if "uses" in step}
    assert setup["actions/setup-node"]["node-version"] in {"22", "24"}
    assert setup["actions/setup-node"]["cache"] == "npm" and setup["actions/setup-python"]["cache"] == "pip"
    assert "apt-get" not in "\n".join(step.get("run", "") for step in steps(workflow))
    assert all(step["env"]["CHROMIUM"] == "/usr/bin/chromium" for step in steps(workflow)
               if ".ci/run" in step.get("run", ""))


def test_publish_runs_the_tests_refuses_without_siteurl_and_deploys_with_the_pages_actions():
    workflow = load(ROOT / ".github/workflows/publish.yml")
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run", step.get("uses", "")) for step in build["steps"]]
    order = [next(i for i, r in enumerate(runs) if r.startswith(what))
             for what in ("make need-siteurl", "bash .ci/run", "make publish PRECOMPRESS=", "actions/upload-pages")]
    assert order == sorted(order)
    assert [step.get("env", {}).get("SITEURL") for step in build["steps"] if "make " in step.get("run", "")] == [
        "${{ vars.SITEURL }}"] * 2  # the tests run without it, as everywhere
    assert deploy["needs"] == "build" and deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_pull_request_workflow_runs_ci_run():
    workflow = load(ROOT / ".github/workflows/pull-request.yml")
    assert [step["run"] for step in steps(workflow) if "run" in step] == ["bash .ci/run"]
