"""CI: .ci/run calls the README's test command, and the GitHub Actions workflow runs .ci/run on
Debian (where apt's chromium is the browser) on every push and pull request."""

from __future__ import annotations

import yaml

from alliance_lib.config import PROJECT_ROOT

WORKFLOW = PROJECT_ROOT / ".github" / "workflows" / "test.yml"


def test_ci_run_installs_chromium_from_apt_and_runs_make_test():
    script = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "apt-get install" in script and "chromium" in script
    assert script.rstrip().splitlines()[-1] == "make test"
    assert "make test" in (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_the_workflow_runs_ci_run_in_debian_on_pushes_and_pull_requests():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert {"push", "pull_request"} <= set(triggers)
    (job,) = workflow["jobs"].values()
    assert job["runs-on"].startswith("ubuntu")
    image, _, tag = job["container"].partition(":")
    assert image == "python" and tag.endswith("bookworm")  # Debian 12: apt's chromium is real
    assert tuple(int(p) for p in tag.split("-")[0].split(".")) >= (3, 11)
    assert job["timeout-minutes"] <= 90 and job["env"]["CI"] == "true"
    commands = [step.get("run", "") for step in job["steps"]]
    assert any(step.get("uses", "").startswith("actions/checkout@") for step in job["steps"])
    assert commands[-1].startswith("bash .ci/run")
