"""The real content: complete, sourced, in the project's own words, and passing the style rules."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import jsonschema
import pytest
import yaml

from macros.knowledge import load_knowledge_base
from macros.yamlfile import read_yaml
from support.project import PROJECT

ORIGINALITY = PROJECT.parent / "shared" / "tools" / "originality.py"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(PROJECT / "data", PROJECT / "docs")


@pytest.fixture(scope="module")
def coverage():
    return yaml.safe_load((PROJECT / "data" / "coverage.yaml").read_text(encoding="utf-8"))["coverage"]


def test_check_command_passes_on_the_real_data():
    result = subprocess.run([sys.executable, "-m", "macros.check"], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert re.match(r"data OK: \d+ tips", result.stdout)


def test_every_source_theme_stage_and_situation_has_tips(kb):
    for kind, key in (("sources", "sources"), ("themes", "theme"), ("stages", "stage"), ("situations", "situations")):
        for entry in getattr(kb, kind):
            assert kb.tips_where(key, entry["id"]), f"{kind} {entry['id']} has no tips"


def test_tip_count_and_required_situations(kb):
    assert 30 <= len(kb.tips) <= 45
    required = {"blank-mind", "nerves", "tricky-question", "late", "joke-fell-flat", "cold-interviewer",
                "forgot-strength", "rejected-no-reason"}
    assert required <= set(kb.by_id["situations"])


def test_checklist_fits_one_page_and_links_real_tips(kb):
    recovery = kb.by_id["checklists"]["recovery"]
    items = [item for group in recovery["groups"] for item in group["items"]]
    assert 12 <= len(items) <= 18
    for item in items:
        assert item["tip"] in kb.by_id["tips"]


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


def test_coverage_table_accounts_for_every_source_and_agrees_with_the_tips(kb, coverage):
    assert {entry["source"] for entry in coverage} == set(kb.by_id["sources"])
    carried = set()
    for entry in coverage:
        assert entry["points"], entry["source"]
        for point in entry["points"]:
            assert point["tips"], point["point"]
            for tip_id in point["tips"]:
                assert tip_id in kb.by_id["tips"], tip_id
                assert entry["source"] in kb.by_id["tips"][tip_id]["sources"], \
                    f"{tip_id} carries a point of {entry['source']} but does not cite it"
                carried.add((entry["source"], tip_id))
    # and every citation is backed by a point in the table
    for tip in kb.tips:
        for source_id in tip["sources"]:
            assert (source_id, tip["id"]) in carried, f"{tip['id']} cites {source_id}, but no point says why"


@pytest.mark.skipif(not ORIGINALITY.exists(), reason="needs ../shared/tools/originality.py beside the clone")
def test_no_wording_copied_from_the_sources_except_citations(kb):
    result = subprocess.run([sys.executable, str(ORIGINALITY), str(PROJECT)], capture_output=True, text=True)
    copied = re.findall(r'^(.+?): copied from .+?: "(.+)"$', result.stdout, re.M)

    def words(text):
        return " ".join(re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.lower()))

    citations = {words(source["title"]) for source in kb.sources} | {words(source["url"]) for source in kb.sources}
    not_citations = [(file, run) for file, run in copied
                     if file != "data/sources.yaml" or not any(run in citation for citation in citations)]
    assert not_citations == []
