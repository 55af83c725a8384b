"""Each validation rule, on the small fixture data set: the exact file, line and message."""
from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from macros.knowledge import DataError, load_knowledge_base
from macros.rules import RULES

TODAY = datetime.date(2026, 11, 22)


def problems(data_dir: Path, docs_dir: Path | None = None) -> list[str]:
    """The first line of each problem, or [] when the data is sound."""
    try:
        load_knowledge_base(data_dir, docs_dir, today=TODAY)
    except DataError as error:
        return [str(problem).splitlines()[0] for problem in error.problems]
    return []


def edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_data_is_valid_and_ordered(data_dir):
    kb = load_knowledge_base(data_dir, today=TODAY)
    assert [tip["id"] for tip in kb.tips] == ["take-a-walk", "write-it-down"]
    assert [tip["id"] for tip in kb.tips_where("sources", "first-source")] == ["take-a-walk", "write-it-down"]
    assert [tip["id"] for tip in kb.tips_where("theme", "act")] == ["write-it-down"]
    assert kb.tips[0]["last_reviewed"] == "2026-11-01"  # dates stay text, as in JSON
    assert kb.warnings == []


# ---- reading files ---------------------------------------------------------

def test_missing_file(data_dir):
    (data_dir / "stages.yaml").unlink()
    assert "data/stages.yaml:1: E100 file is missing" in problems(data_dir)


def test_empty_file(data_dir):
    (data_dir / "tips" / "write-it-down.yaml").write_text("# nothing here\n")
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:1: E100 file is empty"]


def test_not_utf8_names_the_line(data_dir):
    path = data_dir / "tips" / "write-it-down.yaml"
    path.write_bytes(path.read_bytes().replace(b"You forget", b"You forg\xe9t"))
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:5: E100 file is not valid UTF-8 text"]


def test_oversized_file(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "You forget details fast.", "x" * 200_000)
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:1: E100 file is 200,276 bytes; the limit is 100,000"]


def test_wrong_file_ending_is_not_silently_skipped(data_dir):
    (data_dir / "tips" / "write-it-down.yaml").rename(data_dir / "tips" / "write-it-down.yml")
    found = problems(data_dir)
    assert "data/tips/write-it-down.yml:1: E100 only .yaml files belong in data/tips/; rename or move it" in found


def test_tab_indentation(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "  - Write what they asked.", "\t- Write what they asked.")
    [found] = problems(data_dir)
    assert found.startswith("data/tips/write-it-down.yaml:7: E101 YAML syntax error:")
    assert "tabs" in found


def test_unclosed_quote(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", 'last_reviewed: "2026-11-01"', 'last_reviewed: "2026-11-01')
    [found] = problems(data_dir)
    assert found.startswith("data/tips/write-it-down.yaml:1")
    assert " E101 YAML syntax error: " in found


def test_bad_indentation(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "theme: act", "   theme: act")
    [found] = problems(data_dir)
    assert found.startswith("data/tips/write-it-down.yaml:9: E101 YAML syntax error:")


def test_duplicate_key(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "theme: act\n", "theme: act\ntheme: calm\n")
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:10: E102 duplicate key 'theme'"]


def test_alias_is_refused(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "theme: act\n", "theme: &t act\nstage_again: *t\n")
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:9: E103 anchors and aliases (& and *) are not allowed"]


def test_deep_nesting_is_refused(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "theme: act\n", "theme: " + "[" * 30 + "]" * 30 + "\n")
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:9: E104 data is nested more than 12 levels deep"]


# ---- schema ------------------------------------------------------------------

def test_missing_required_field(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "summary: Notes help you learn from the day.\n", "")
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:1: E201 missing required field 'summary'"]


def test_unknown_field_points_at_its_line(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "theme: act\n", "theme: act\ncolour: blue\n")
    [found] = problems(data_dir)
    assert found.startswith("data/tips/write-it-down.yaml:10: E202 colour: unknown field 'colour' (allowed: id, title,")


def test_wrong_type(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "sources: [first-source]", "sources: first-source")
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:11: E203 sources: should be a list, not text"]


def test_bad_id(data_dir):
    edit(data_dir / "themes.yaml", "id: act", "id: Act_Now")
    assert problems(data_dir) == [
        "data/themes.yaml:6: E204 themes[1].id: 'Act_Now' is not a valid id: use lower-case letters, digits and single hyphens"]


def test_bad_date_and_unreal_date(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", '"2026-11-01"', '"1 Nov 2026"')
    edit(data_dir / "tips" / "take-a-walk.yaml", '"2026-11-01"', '"2026-13-40"')
    assert problems(data_dir) == [
        "data/tips/take-a-walk.yaml:16: E204 last_reviewed: '2026-13-40' is not a real date",
        "data/tips/write-it-down.yaml:12: E204 last_reviewed: '1 Nov 2026' is not a date written \"YYYY-MM-DD\"",
    ]


def test_bad_url(data_dir):
    edit(data_dir / "sources.yaml", "https://example.org/second", "javascript:alert(1)")
    assert problems(data_dir) == [
        "data/sources.yaml:12: E204 sources[1].url: 'javascript:alert(1)' is not a web address starting with https://"]


def test_title_too_long(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "title: Write down what happened", "title: " + "Write it " * 8)
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:2: E205 title: is 71 characters long; the limit is 65"]


def test_too_many_steps(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "  - Write how you answered.\n", "  - Write more.\n" * 6)
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:6: E206 steps: has 7 items; it needs at most 6"]


def test_same_source_twice(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "sources: [first-source]", "sources: [first-source, first-source]")
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:11: E207 sources: lists the same value more than once"]


@pytest.mark.parametrize("character", ["\u202e", "\u200b"])
def test_hidden_characters(data_dir, character):
    edit(data_dir / "tips" / "write-it-down.yaml", "Write down what happened", f"Write down{character} what happened")
    assert problems(data_dir) == [
        "data/tips/write-it-down.yaml:2: E208 title: contains a hidden or direction-changing character"]


# ---- references --------------------------------------------------------------

def test_unknown_source(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "sources: [first-source, second-source]", "sources: [first-source, bar]")
    found = problems(data_dir)
    assert "data/tips/take-a-walk.yaml:14: E301 sources[1]: unknown source 'bar' (known: first-source, second-source)" in found


@pytest.mark.parametrize("old, new, expected", [
    ("theme: calm", "theme: calmm", "data/tips/take-a-walk.yaml:11: E301 theme: unknown theme 'calmm' (known: act, calm)"),
    ("stage: today", "stage: tomorrow", "data/tips/take-a-walk.yaml:12: E301 stage: unknown stage 'tomorrow' (known: later, today)"),
    ("situations: [went-blank]", "situations: [went-blank, late]",
     "data/tips/take-a-walk.yaml:13: E301 situations[1]: unknown situation 'late' (known: went-blank)"),
    ("related: [write-it-down]", "related: [write-it-up]",
     "data/tips/take-a-walk.yaml:15: E301 related[0]: unknown tip 'write-it-up' (known: see data/tips/)"),
    ("related: [write-it-down]", "related: [take-a-walk]",
     "data/tips/take-a-walk.yaml:15: E301 related: a tip cannot be related to itself"),
])
def test_unknown_references_in_a_tip(data_dir, old, new, expected):
    edit(data_dir / "tips" / "take-a-walk.yaml", old, new)
    assert expected in problems(data_dir)


def test_unknown_tips_elsewhere(data_dir):
    edit(data_dir / "checklists" / "recovery.yaml", "tip: write-it-down", "tip: write-it")
    edit(data_dir / "templates" / "thank-you.yaml", "tips: [take-a-walk]", "tips: [walk]")
    edit(data_dir / "reflection.yaml", "    tip: write-it-down\nlists", "    tip: nope\nlists")
    assert problems(data_dir) == [
        "data/checklists/recovery.yaml:14: E301 groups[1].items[0].tip: unknown tip 'write-it' (known: see data/tips/)",
        "data/reflection.yaml:7: E301 prompts[0].tip: unknown tip 'nope' (known: see data/tips/)",
        "data/templates/thank-you.yaml:21: E301 tips[0]: unknown tip 'walk' (known: see data/tips/)",
    ]


def test_duplicate_ids(data_dir):
    edit(data_dir / "themes.yaml", "id: act", "id: calm")
    edit(data_dir / "checklists" / "recovery.yaml", "id: notes", "id: walk")
    found = problems(data_dir)
    assert "data/themes.yaml:6: E302 themes[1].id: themes id 'calm' is used more than once" in found
    assert "data/checklists/recovery.yaml:12: E302 groups[1].items[0].id: item id 'walk' is used more than once" in found


def test_id_must_match_file_name(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "id: write-it-down", "id: note-it-down")
    assert "data/tips/write-it-down.yaml:1: E303 id: id 'note-it-down' does not match the file name 'write-it-down.yaml'" \
        in problems(data_dir)


def test_unused_vocabulary(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "situations: [went-blank]\n", "")
    edit(data_dir / "tips" / "take-a-walk.yaml", "sources: [first-source, second-source]", "sources: [first-source]")
    assert problems(data_dir) == [
        "data/situations.yaml:2: E304 situations[0].id: situation 'went-blank' is not used by any tip",
        "data/sources.yaml:9: E304 sources[1].id: source 'second-source' is not used by any tip",
    ]


def test_placeholders_must_match(data_dir):
    edit(data_dir / "templates" / "thank-you.yaml", "Thank you for your time today.", "Thanks for the {role} chat.")
    edit(data_dir / "templates" / "thank-you.yaml", "{your_name}\n", "Sam\n")
    assert problems(data_dir) == [
        "data/templates/thank-you.yaml:5: E305 body: {role} is used but not listed under placeholders",
        "data/templates/thank-you.yaml:16: E305 placeholders[1]: placeholder 'your_name' is listed but never used",
    ]


def test_checklist_stages_in_timeline_order(data_dir):
    path = data_dir / "checklists" / "recovery.yaml"
    edit(path, "stage: today", "stage: STAGE_A")
    edit(path, "stage: later", "stage: today")
    edit(path, "stage: STAGE_A", "stage: later")
    assert problems(data_dir) == [
        "data/checklists/recovery.yaml:10: E306 groups[1].stage: stage 'today' is out of timeline order or used twice"]


def test_theme_page_must_exist(data_dir, tmp_path):
    docs = tmp_path / "docs"
    (docs / "themes").mkdir(parents=True)
    (docs / "themes" / "calm.md").write_text("# Calm\n")
    assert problems(data_dir, docs) == ["data/themes.yaml:6: E307 themes[1].id: theme 'act' has no page docs/themes/act.md"]


# ---- style ---------------------------------------------------------------------

def test_long_sentence(data_dir):
    long = "You can " + "and then walk " * 8 + "home."
    edit(data_dir / "tips" / "take-a-walk.yaml", "Moving helps your body settle.", long)
    assert problems(data_dir) == [
        'data/tips/take-a-walk.yaml:4: S401 why: sentence of 27 words (limit 25): "You can and then walk and ..."']


def test_hard_to_read_tip(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "You forget details fast. A few notes keep them for later.",
         "Contemporaneous documentation facilitates subsequent retrospective evaluation of organisational communication.")
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:1: S402 id: reading ease is 23; it needs to be 60 or more"]


def test_long_checklist_item(data_dir):
    edit(data_dir / "checklists" / "recovery.yaml", "text: Take a short walk.",
         "text: Take a short walk around the block and then come back home again.")
    assert problems(data_dir) == [
        "data/checklists/recovery.yaml:8: S403 groups[0].items[0].text: item has 13 words (limit 12)"]


def test_summary_is_one_sentence(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "A walk helps you calm down.", "A walk helps. So does rest.")
    assert problems(data_dir) == ["data/tips/take-a-walk.yaml:3: S404 summary: summary has more than one sentence"]


def test_stale_tip_warns_without_failing(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", '"2026-11-01"', '"2024-01-01"')
    kb = load_knowledge_base(data_dir, today=TODAY)
    assert [str(warning).splitlines()[0] for warning in kb.warnings] == [
        "data/tips/take-a-walk.yaml:16: W501 last_reviewed: last reviewed on 2024-01-01, more than a year ago"]


# ---- reporting -----------------------------------------------------------------

def test_every_problem_in_one_run_with_a_fix(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "theme: calm", "theme: calmm")
    edit(data_dir / "tips" / "write-it-down.yaml", "stage: later", "stage: soon")
    with pytest.raises(DataError) as caught:
        load_knowledge_base(data_dir, today=TODAY)
    text = str(caught.value)
    assert text.startswith("2 problems in data/:\n")
    assert "data/tips/take-a-walk.yaml:11: E301 theme: unknown theme 'calmm'" in text
    assert "data/tips/write-it-down.yaml:10: E301 stage: unknown stage 'soon'" in text
    assert f"    fix: {RULES['E301'].fix}" in text


def test_check_command(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "theme: calm", "theme: calmm")
    result = subprocess.run([sys.executable, "-m", "macros.check", str(data_dir), "--github"],
                            capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert result.returncode == 1
    assert "data/tips/take-a-walk.yaml:11: E301 theme: unknown theme 'calmm'" in result.stderr
    assert "Traceback" not in result.stderr
    assert "::error file=data/tips/take-a-walk.yaml,line=11,title=E301::E301 theme: unknown theme 'calmm'" in result.stdout


def test_check_command_passes_on_sound_data(data_dir):
    result = subprocess.run([sys.executable, "-m", "macros.check", str(data_dir)],
                            capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data OK: 2 tips, 2 sources, 2 themes")
