"""A new kind of data needs only its entry in macros/kinds.py, its schema, its checks module and a fixture.

In a copy of the project, a kind "hints" (data/hints.yaml: short hints, each pointing at a tip) is
added in exactly those four places plus its data file, and nowhere else. The copy's own data check
and build then load it, check it with its own module, hold its prose to the writing rules and
publish it in the open data.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from support.project import PROJECT, build, copy_project

ENTRY = '    Kind("hints", LIST, schema="hints", checks="hints", prose=("text",)),\n'
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Hints",
    "description": "Short hints, each pointing at the tip that says more.",
    "type": "object",
    "properties": {
        "hints": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {
                        "type": "string",
                        "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                        "description": "Lower-case words joined by hyphens.",
                    },
                    "text": {"type": "string", "minLength": 1, "description": "The hint, as readers see it."},
                    "tip": {
                        "type": "string",
                        "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                        "description": "The id of the tip that says more.",
                    },
                },
                "required": ["id", "text", "tip"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["hints"],
    "additionalProperties": False,
}
CHECKS = '''"""Checks on each hint: it points at a real tip."""

from . import Context


def check(ctx: Context):
    for hint in ctx.kb.hints:
        ctx.reference(ctx.record("hints", hint["id"]), "tips", hint["tip"], ("tip",))
'''
LONG = " ".join(["word"] * 30) + "."


def hints_file(tip_id: str, text: str = "Take a slow breath.") -> str:
    return f"hints:\n  - id: first-hint\n    text: {text}\n    tip: {tip_id}\n"


def check(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.commands.check", *args], cwd=project, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with the kind "hints" added in its four places, and its data file."""
    project = copy_project(tmp_path_factory.mktemp("kinds") / "project")
    shutil.copytree(PROJECT / "tests" / "fixtures", project / "tests" / "fixtures")
    kinds = project / "macros" / "kinds.py"
    text = kinds.read_text(encoding="utf-8")
    end = text.index("\n)\nKIND = ")  # the end of the KINDS tuple
    kinds.write_text(text[: end + 1] + ENTRY + text[end + 1 :], encoding="utf-8")
    (project / "schema" / "hints.schema.json").write_text(json.dumps(SCHEMA, indent=2), encoding="utf-8")
    (project / "macros" / "check" / "hints.py").write_text(CHECKS, encoding="utf-8")
    (project / "tests" / "fixtures" / "data" / "hints.yaml").write_text(hints_file("breathe-slowly"), encoding="utf-8")
    (project / "data" / "hints.yaml").write_text(hints_file("send-a-thank-you-note"), encoding="utf-8")
    return project


def test_a_new_kind_is_loaded_with_the_data_and_with_the_fixture(project):
    for args in ((), ("tests/fixtures/data",)):
        result = check(project, *args)
        assert result.returncode == 0, result.stderr
        assert ", 1 hints;" in result.stdout, result.stdout


def test_a_new_kind_is_checked_by_its_own_module_with_file_and_line(project, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(project / "data", data)
    (data / "hints.yaml").write_text(hints_file("no-such-tip"), encoding="utf-8")
    result = check(project, str(data), "--docs", str(project / "docs"))
    assert result.returncode == 1
    assert "data/hints.yaml:4: E301 hint 1, tip: unknown tip 'no-such-tip'" in result.stderr, result.stderr


def test_a_new_kind_s_prose_is_held_to_the_writing_rules(project, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(project / "data", data)
    (data / "hints.yaml").write_text(hints_file("send-a-thank-you-note", LONG), encoding="utf-8")
    result = check(project, str(data), "--docs", str(project / "docs"))
    assert result.returncode == 1
    assert re.search(r"^data/hints\.yaml:3: S401 hint 1, text: sentence of 30 words", result.stderr, re.M), (
        result.stderr
    )


def test_a_new_kind_is_published_in_the_open_data_as_its_schema_describes(project, tmp_path):
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    export = json.loads((tmp_path / "site" / "api" / "v1" / "knowledge-base.json").read_text(encoding="utf-8"))
    assert export["hints"] == [{"id": "first-hint", "text": "Take a slow breath.", "tip": "send-a-thank-you-note"}]
    schemas = {
        path.name: json.loads(path.read_text(encoding="utf-8")) for path in (tmp_path / "site" / "schema").glob("*")
    }
    assert "hints" in schemas["knowledge-base.schema.json"]["properties"]
    registry = Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in schemas.items())
    validator = Draft202012Validator(schemas["knowledge-base.schema.json"], registry=registry)
    assert [error.message for error in validator.iter_errors(export)] == []
    broken = {**export, "hints": [{"id": "first-hint", "text": "A hint."}]}  # the published schema holds hints too
    assert any("'tip' is a required property" in error.message for error in validator.iter_errors(broken))
    data_page = (tmp_path / "site" / "data" / "index.html").read_text(encoding="utf-8")
    for field in ("hints", "hints[].id", "hints[].text", "hints[].tip"):  # explained to reusers, from its schema
        assert f'<tr><th scope="row"><code>{field}</code></th>' in data_page, field


def test_the_open_data_tests_hold_a_new_kind_with_no_other_edit(project):
    """tests/test_open_data.py, run on the copy with the new kind: the file, the published schemas and the
    Open data page take it in with no edit to schema/knowledge-base.schema.json or docs/data.md."""
    shutil.copytree(
        PROJECT / "tests", project / "tests", dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(PROJECT / "pytest.ini", project)
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:xdist",
        "-p",
        "no:cacheprovider",
        "tests/test_open_data.py",
    ]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=280)
    assert result.returncode == 0, result.stdout[-3000:]
