"""The GitHub files: workflows keep their promises, pass zizmor, and the pull request check annotates lines."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.commands import python_on_path
from support.project import PROJECT, copy_project

GITHUB = PROJECT / ".github"
WORKFLOWS = {
    path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((GITHUB / "workflows").glob("*.yml"))
}


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # PyYAML reads the bare key `on` as True
    return on if isinstance(on, dict) else {name: None for name in ([on] if isinstance(on, str) else on)}


def steps(workflow: dict, job: str | None = None) -> list[dict]:
    jobs = [workflow["jobs"][job]] if job else workflow["jobs"].values()
    return [step for each in jobs for step in each.get("steps", [])]


def step_using(workflow: dict, action: str, job: str | None = None) -> dict:
    [step] = [step for step in steps(workflow, job) if step.get("uses", "").split("@")[0] == action]
    return step


def runs(workflow: dict, job: str | None = None) -> list[str]:
    return [step["run"] for step in steps(workflow, job) if "run" in step]


def test_the_expected_workflows_exist():
    assert set(WORKFLOWS) == {"pull-request.yml", "deploy.yml", "source-links.yml"}


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_least_privilege_and_safe_checkout(name):
    workflow = WORKFLOWS[name]
    assert workflow["permissions"] == {"contents": "read"}
    for job_name, job in workflow["jobs"].items():
        if (name, job_name) == ("deploy.yml", "deploy"):
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
        else:
            assert "permissions" not in job, f"{name} {job_name} widens its permissions"
        assert job.get("timeout-minutes"), f"{name} {job_name} has no time limit"
    for step in steps(workflow):
        if "uses" in step:
            # official actions only, pinned to a major version; anything else is a plain run step
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
        if "run" in step:
            assert "${{" not in step["run"], f"{name}: an expression inside a run step invites injection"


def test_pip_cache_is_keyed_on_the_requirements_files():
    cached = 0
    for name, workflow in WORKFLOWS.items():
        for step in steps(workflow):
            uses = step.get("uses", "")
            if uses.startswith("actions/setup-python@") and name != "deploy.yml":
                assert step["with"]["cache"] == "pip"
                assert "requirements" in step["with"]["cache-dependency-path"]
                cached += 1
            if uses.startswith("actions/cache@"):
                assert "~/.cache/pip" in step["with"]["path"]
                assert "hashFiles('requirements.txt', 'requirements-test.txt')" in step["with"]["key"]
                cached += 1
    assert cached >= 4
    # the deploy build starts from nothing cached, so no cache entry can change what is published
    assert "cache" not in step_using(WORKFLOWS["deploy.yml"], "actions/setup-python")["with"]


def test_pull_request_workflow_checks_tests_and_previews():
    workflow = WORKFLOWS["pull-request.yml"]
    assert set(triggers(workflow)) == {"pull_request"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert set(workflow["jobs"]) == {"check", "test", "build"}
    [check] = [step for step in steps(workflow, "check") if step.get("id") == "check-data"]
    assert check["run"] == "python -m macros.commands.check --github"
    assert runs(workflow, "test") == ["make test"]  # it installs everything, Debian's Chromium included
    assert "bookworm" in workflow["jobs"]["test"]["container"]["image"]  # Debian, as on the project's machines
    assert "mkdocs build --strict --site-dir site" in runs(workflow, "build")
    upload = step_using(workflow, "actions/upload-artifact", "build")
    assert upload["with"]["path"] == "site/" and upload["with"]["if-no-files-found"] == "error"


def test_deploy_workflow_publishes_the_built_site_with_the_pages_actions():
    workflow = WORKFLOWS["deploy.yml"]
    on = triggers(workflow)
    assert on["push"] == {"branches": ["main"]} and "pull_request" not in on
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    build_steps = [step.get("uses", "").split("@")[0] or step["run"] for step in build["steps"]]
    assert (
        build_steps.index("python -m macros.commands.check --github")
        < build_steps.index("mkdocs build --strict --site-dir site")
        < build_steps.index("actions/upload-pages-artifact")
    )
    assert "actions/configure-pages" in build_steps
    assert step_using(workflow, "actions/upload-pages-artifact", "build")["with"]["path"] == "site/"
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert step_using(workflow, "actions/deploy-pages", "deploy")["id"] == "deployment"


def test_link_check_runs_weekly_and_never_on_pull_requests():
    workflow = WORKFLOWS["source-links.yml"]
    on = triggers(workflow)
    assert set(on) == {"schedule", "workflow_dispatch"}
    assert re.fullmatch(r"\d+ \d+ \* \* [0-6]", on["schedule"][0]["cron"])  # once a week
    assert "python scripts/check_links.py --github" in runs(workflow)


def test_dependabot_watches_pip_and_the_actions():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "github-actions"}


def test_zizmor_policy_allows_tag_pins_for_official_actions_only():
    config = yaml.safe_load((GITHUB / "zizmor.yml").read_text(encoding="utf-8"))
    assert config["rules"]["unpinned-uses"]["config"]["policies"] == {"actions/*": "ref-pin", "*": "hash-pin"}


def _zizmor() -> str:
    beside = Path(sys.executable).parent / "zizmor"
    found = str(beside) if beside.exists() else shutil.which("zizmor")
    assert found, "zizmor is missing: it is in requirements-test.txt"
    return found


def _run_zizmor(folder: Path) -> subprocess.CompletedProcess:
    """zizmor's offline audit of the workflows under `folder`."""
    return subprocess.run(
        [_zizmor(), "--offline", "--no-progress", "--color", "never", "."],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_zizmor_finds_nothing():
    result = _run_zizmor(PROJECT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_zizmor_would_catch_a_risky_change(tmp_path):
    """The same run fails on a third-party action pinned to a tag and a checkout that keeps its token."""
    copy = tmp_path / "project"
    shutil.copytree(GITHUB, copy / ".github")
    path = copy / ".github" / "workflows" / "pull-request.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("        with:\n          persist-credentials: false\n", "", 1)
    text = text.replace(
        "      - name: Install what the check needs\n",
        "      - uses: someone/setup-thing@v1\n      - name: Install what the check needs\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    result = _run_zizmor(copy)
    assert result.returncode != 0
    assert "artipacked" in result.stdout and "unpinned-uses" in result.stdout


# ---- the pull request check, run exactly as the workflow runs it ---------------------------


def test_a_broken_tip_becomes_an_annotation_on_its_line(tmp_path):
    project = copy_project(tmp_path / "project", tools=True)
    path = project / "data" / "tips" / "send-a-thank-you-note.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if text.startswith("theme: "))
    lines[line - 1] = "theme: folow-up"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [command] = [
        step["run"] for step in steps(WORKFLOWS["pull-request.yml"], "check") if step.get("id") == "check-data"
    ]
    result = subprocess.run(
        ["bash", "-e", "-c", command],
        cwd=project,
        env=python_on_path(tmp_path / "bin"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert (
        f"::error file=data/tips/send-a-thank-you-note.yaml,line={line},title=E301::"
        "E301 theme: unknown theme 'folow-up'"
    ) in result.stdout.splitlines()[0]


# ---- issue forms and the pull request template ----------------------------------------------

FORMS = {
    path.name: yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
    if path.name != "config.yml"
}


def vocabulary_names(kind: str) -> list[str]:
    entries = yaml.safe_load((PROJECT / "data" / f"{kind}.yaml").read_text(encoding="utf-8"))[kind]
    return [entry["title"] for entry in sorted(entries, key=lambda entry: entry.get("order", 0))]


def test_issue_forms_are_well_formed():
    assert set(FORMS) == {"suggest-a-tip.yml", "report-a-problem.yml"}
    for name, form in FORMS.items():
        assert form["name"] and form["description"], name
        ids = [element["id"] for element in form["body"] if "id" in element]
        assert len(ids) == len(set(ids)), f"{name}: an id is used twice"
        for element in form["body"]:
            assert element["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
            if element["type"] != "markdown":
                assert element["attributes"]["label"], name


def test_tip_suggestion_form_shows_names_and_takes_advice_from_experience():
    """A reader sees the site's names, not ids, and can suggest advice that no article gives yet."""
    form = FORMS["suggest-a-tip.yml"]
    elements = {element.get("id"): element for element in form["body"]}
    for field in ("title", "advice", "origin", "theme", "stage"):
        assert elements[field]["validations"]["required"] is True, field
    assert elements["source"]["validations"]["required"] is False
    assert "My own experience" in elements["origin"]["attributes"]["options"]
    assert elements["theme"]["attributes"]["options"] == vocabulary_names("themes") + ["Not sure"]
    assert elements["stage"]["attributes"]["options"] == vocabulary_names("stages") + ["Not sure"]
    assert elements["situations"]["attributes"]["options"] == vocabulary_names("situations") + ["Not sure"], (
        "the form's situations are out of date: run python scripts/sync_issue_form.py"
    )
    assert elements["situations"]["attributes"]["multiple"] is True


def plain_scalars(node: yaml.Node):
    """Every unquoted scalar in a composed YAML document: the only kind a ` #` can cut short."""
    if isinstance(node, yaml.ScalarNode):
        if node.style is None:
            yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from plain_scalars(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from plain_scalars(key)
            yield from plain_scalars(value)


def test_no_text_in_the_github_files_is_lost_to_a_comment():
    """YAML reads ` #` as the start of a comment, so `(it ends in #tip-...)` silently ended the text at `in`.

    A real comment stands two spaces after its value (as yamllint asks); one space means lost text.
    """
    files = sorted(path for path in GITHUB.rglob("*") if path.suffix in {".yml", ".yaml"})
    assert len(files) >= 7
    lost = []
    for path in files:
        raw = path.read_text(encoding="utf-8")
        lines = raw.splitlines()
        for document in yaml.compose_all(raw):
            for scalar in plain_scalars(document) if document is not None else ():
                end = scalar.end_mark
                rest = lines[end.line][end.column :] if end.line < len(lines) else ""
                if rest.startswith(" #"):
                    lost.append(f"{path.relative_to(PROJECT)}:{end.line + 1}: {scalar.value!r} loses {rest.strip()!r}")
    assert lost == []
    assert "(it ends in #tip-...)" in FORMS["report-a-problem.yml"]["body"][1]["attributes"]["description"]


def test_issue_chooser_and_pull_request_checklist():
    config = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert {link["name"] for link in config["contact_links"]} >= {"Add a tip yourself"}
    checklist = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", checklist, re.M)
    for promise in ("One tip per pull request", "source", "my own", "`make check` passes", "`make test` passes"):
        assert any(promise in box for box in boxes), promise
