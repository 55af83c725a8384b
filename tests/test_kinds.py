"""A new kind of data needs only its entry in macros/kinds.py, its schema, its checks module and a fixture.

In a copy of the project, three kinds, one of each layout, are added in exactly those four places plus
their data, and nowhere else: "hints" (data/hints.yaml, a list: short hints, each pointing at a tip),
"stories" (data/stories/<id>.yaml, one file each) and "welcome" (data/welcome.yaml, one record). The
copy's own data check and build then load them, check them with their own modules, hold their prose
to the writing rules and publish them in the open data, explained on the Open data page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from support.project import PROJECT, build, copy_project

ENTRIES = (
    '    Kind("hints", LIST, schema="hints", checks="hints", prose=("text",)),\n'
    '    Kind("stories", FOLDER, schema="story", checks="stories", prose=("text",)),\n'
    '    Kind("welcome", SINGLE, schema="welcome", checks="welcome", prose=("message",)),\n'
)
ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Lower-case words joined by hyphens."}
STORY_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Story",
    "description": "A reader's short story of what helped after a bad interview.",
    "type": "object",
    "properties": {
        "id": ID,
        "text": {"type": "string", "minLength": 1, "description": "The story, in plain words."},
        "tip": {**ID, "description": "The id of the tip that helped."},
    },
    "required": ["id", "text", "tip"],
    "additionalProperties": False,
}
WELCOME_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Welcome",
    "description": "The first words a reader meets.",
    "type": "object",
    "properties": {"message": {"type": "string", "minLength": 1, "description": "What the home page says first."}},
    "required": ["message"],
    "additionalProperties": False,
}
WELCOME_CHECKS = '''"""The welcome links to nothing, so there is nothing to check between records."""


def check(ctx):
    pass
'''
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


def tip_links_checks(kind: str) -> str:
    """A checks module for `kind`: each entry points at a real tip."""
    return f'''"""Checks on each entry of {kind}: it points at a real tip."""

from . import Context


def check(ctx: Context):
    for entry in ctx.kb.{kind}:
        ctx.reference(ctx.record("{kind}", entry["id"]), "tips", entry["tip"], ("tip",))
'''


LONG = " ".join(["word"] * 30) + "."


def hints_file(tip_id: str, text: str = "Take a slow breath.") -> str:
    return f"hints:\n  - id: first-hint\n    text: {text}\n    tip: {tip_id}\n"


def story_file(tip_id: str) -> str:
    return f"id: first-story\ntext: I froze, then I wrote down what I would say next time.\ntip: {tip_id}\n"


def welcome_file(message: str = "You are not alone, and this can be put right.") -> str:
    return f"message: {message}\n"


def check(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.commands.check", *args], cwd=project, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with the three kinds added in their four places, and their data."""
    project = copy_project(tmp_path_factory.mktemp("kinds") / "project")
    shutil.copytree(PROJECT / "tests" / "fixtures", project / "tests" / "fixtures")
    kinds = project / "macros" / "kinds.py"
    text = kinds.read_text(encoding="utf-8")
    end = text.index("\n)\nKIND = ")  # the end of the KINDS tuple
    kinds.write_text(text[: end + 1] + "".join(ENTRIES) + text[end + 1 :], encoding="utf-8")
    for name, schema in (("hints", SCHEMA), ("story", STORY_SCHEMA), ("welcome", WELCOME_SCHEMA)):
        (project / "schema" / f"{name}.schema.json").write_text(json.dumps(schema, indent=2), encoding="utf-8")
    for name, checks in (
        ("hints", tip_links_checks("hints")),
        ("stories", tip_links_checks("stories")),
        ("welcome", WELCOME_CHECKS),
    ):
        (project / "macros" / "check" / f"{name}.py").write_text(checks, encoding="utf-8")
    for data, tip_id in (
        (project / "tests" / "fixtures" / "data", "breathe-slowly"),
        (project / "data", "send-a-thank-you-note"),
    ):
        (data / "hints.yaml").write_text(hints_file(tip_id), encoding="utf-8")
        (data / "stories").mkdir()
        (data / "stories" / "first-story.yaml").write_text(story_file(tip_id), encoding="utf-8")
        (data / "welcome.yaml").write_text(welcome_file(), encoding="utf-8")
    return project


def test_a_new_kind_is_loaded_with_the_data_and_with_the_fixture(project):
    for args in ((), ("tests/fixtures/data",)):
        result = check(project, *args)
        assert result.returncode == 0, result.stderr
        assert ", 1 hints, 1 stories;" in result.stdout, result.stdout


def test_a_new_kind_is_checked_by_its_own_module_with_file_and_line(project, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(project / "data", data)
    (data / "hints.yaml").write_text(hints_file("no-such-tip"), encoding="utf-8")
    result = check(project, str(data), "--docs", str(project / "docs"))
    assert result.returncode == 1
    assert "data/hints.yaml:4: E301 hint 1, tip: unknown tip 'no-such-tip'" in result.stderr, result.stderr
    (data / "stories" / "first-story.yaml").write_text(story_file("no-such-tip"), encoding="utf-8")
    result = check(project, str(data), "--docs", str(project / "docs"))
    assert "data/stories/first-story.yaml:3: E301 tip: unknown tip 'no-such-tip'" in result.stderr, result.stderr


def test_a_new_kind_s_prose_is_held_to_the_writing_rules(project, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(project / "data", data)
    (data / "hints.yaml").write_text(hints_file("send-a-thank-you-note", LONG), encoding="utf-8")
    result = check(project, str(data), "--docs", str(project / "docs"))
    assert result.returncode == 1
    assert re.search(r"^data/hints\.yaml:3: S401 hint 1, text: sentence of 30 words", result.stderr, re.M), (
        result.stderr
    )
    (data / "welcome.yaml").write_text(welcome_file(LONG), encoding="utf-8")
    result = check(project, str(data), "--docs", str(project / "docs"))
    assert re.search(r"^data/welcome\.yaml:1: S401 message: sentence of 30 words", result.stderr, re.M), result.stderr


def test_a_new_kind_is_published_in_the_open_data_as_its_schema_describes(project, tmp_path):
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    export = json.loads((tmp_path / "site" / "api" / "v1" / "knowledge-base.json").read_text(encoding="utf-8"))
    assert export["hints"] == [{"id": "first-hint", "text": "Take a slow breath.", "tip": "send-a-thank-you-note"}]
    assert export["stories"] == [yaml.safe_load(story_file("send-a-thank-you-note"))]
    assert export["welcome"] == yaml.safe_load(welcome_file())
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
    explained = ("hints[].id", "hints[].text", "hints[].tip", "stories[].id", "stories[].text", "welcome.message")
    for field in explained:  # explained to reusers, from each kind's schema
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
