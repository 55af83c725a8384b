"""The real content: complete, sourced, in the project's own words, and passing the style rules."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import jsonschema
import pytest

from macros.knowledge import load_knowledge_base
from macros.read.yamlfile import read_yaml
from support.project import PROJECT


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(PROJECT / "data", PROJECT / "docs")


def test_check_command_passes_on_the_real_data():
    result = subprocess.run(
        [sys.executable, "-m", "macros.commands.check"], cwd=PROJECT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert re.match(r"data OK: \d+ tips", result.stdout)


def test_required_situations(kb):
    required = {
        "blank-mind",
        "nerves",
        "tricky-question",
        "late",
        "joke-fell-flat",
        "cold-interviewer",
        "forgot-strength",
        "rejected-no-reason",
    }
    assert required <= set(kb.by_id["situations"])


def test_reflection_prompts_cover_the_five_questions(kb):
    questions = " ".join(prompt["question"].lower() for prompt in kb.reflection["prompts"])
    for words in ("went wrong", "went well", "feel", "differently", "next"):
        assert words in questions, words


def test_every_data_file_names_its_schema_and_matches_it():
    files = sorted((PROJECT / "data").rglob("*.yaml"))
    assert len(files) > 40
    for path in files:
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+\.schema\.json)", first_line)
        assert match, f"{path} does not start with its schema line"
        schema_path = (path.parent / match.group(1)).resolve()
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.validate(read_yaml(path)[0], schema)


def test_every_plan_carries_the_shared_steps(kb):
    shared = {tip["id"] for tip in kb.every_plan()}
    assert {"write-down-first-impressions", "stop-replaying-it"} <= shared
    for tip in kb.tips:
        assert tip.get("situations") or tip.get("in_every_plan"), f"no plan leads to {tip['id']}"


def test_no_tip_draws_a_legal_conclusion(kb):
    """The site says what to write down and whom to ask; it never tells a reader what the law says."""
    verdicts = re.compile(
        r"\b(unlawful|illegal|against the law|breaks? the law|you could sue|grounds for a claim)\b", re.I
    )
    for tip in kb.tips:
        text = " ".join([tip["title"], tip["summary"], tip["why"], *tip["steps"], *tip.get("avoid", [])])
        assert not verdicts.search(text), tip["id"]
