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
    assert [tip["id"] for tip in kb.tips] == ["take-a-walk", "breathe-slowly", "write-it-down"]
    assert [tip["id"] for tip in kb.tips_citing("first-source")] == ["take-a-walk", "breathe-slowly", "write-it-down"]
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
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:1: E100 file is 200,351 bytes; the limit is 100,000"]


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
    edit(data_dir / "tips" / "write-it-down.yaml", "situations: [went-blank]", "situations: went-blank")
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:11: E203 situations: should be a list, not text"]


def test_bad_id(data_dir):
    edit(data_dir / "themes.yaml", "id: act", "id: Act_Now")
    assert problems(data_dir) == [
        "data/themes.yaml:6: E204 theme 2, id: 'Act_Now' is not a valid id: use lower-case letters, digits and "
        "single hyphens"
    ]


def test_bad_date_and_unreal_date(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", '"2026-11-01"', '"1 Nov 2026"')
    edit(data_dir / "tips" / "take-a-walk.yaml", '"2026-11-01"', '"2026-13-40"')
    assert problems(data_dir) == [
        "data/tips/take-a-walk.yaml:20: E204 last_reviewed: '2026-13-40' is not a real date",
        "data/tips/write-it-down.yaml:15: E204 last_reviewed: '1 Nov 2026' is not a date written \"YYYY-MM-DD\"",
    ]


def test_bad_url(data_dir):
    edit(data_dir / "sources.yaml", "https://example.org/second", "javascript:alert(1)")
    assert problems(data_dir) == [
        "data/sources.yaml:12: E204 source 2, url: 'javascript:alert(1)' is not a web address starting with https://"
    ]


def test_a_value_of_no_named_type_is_explained_by_its_own_description(data_dir):
    """Ids, dates, addresses and countries are named types in the schemas' $defs; any other pattern,
    such as the lower case of a situation's words, is explained by its own field description."""
    edit(data_dir / "situations.yaml", "words: [blank, froze]", "words: [blank, Froze]")
    assert problems(data_dir) == [
        "data/situations.yaml:6: E204 situation 1, word 2: 'Froze' is not written the way this field needs"
    ]
    assert (
        "fix: Words and short phrases readers use for this situation, lower case" in fix_lines_with(data_dir, None)[0]
    )


def test_title_too_long(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "title: Write down what happened", "title: " + "Write it " * 8)
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:2: E205 title: is 71 characters long; the limit is 65"]


def test_too_many_steps(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "  - Write how you answered.\n", "  - Write more.\n" * 6)
    assert problems(data_dir) == ["data/tips/write-it-down.yaml:6: E206 steps: has 7 items; it needs at most 6"]


def test_same_value_twice_in_a_list(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "situations: [went-blank]", "situations: [went-blank, went-blank]")
    assert problems(data_dir) == [
        "data/tips/write-it-down.yaml:11: E207 situations: lists the same value more than once"
    ]


def test_same_source_twice(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "- id: second-source", "- id: first-source")
    assert problems(data_dir) == ["data/tips/take-a-walk.yaml:17: E207 source 2, id: cites 'first-source' twice"]


@pytest.mark.parametrize("character", ["\u202e", "\u200b"])
def test_hidden_characters(data_dir, character):
    edit(data_dir / "tips" / "write-it-down.yaml", "Write down what happened", f"Write down{character} what happened")
    assert problems(data_dir) == [
        "data/tips/write-it-down.yaml:2: E208 title: contains a hidden or direction-changing character"
    ]


# ---- references --------------------------------------------------------------


def test_unknown_source(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "- id: second-source", "- id: second-sourse")
    found = problems(data_dir)
    assert (
        "data/tips/take-a-walk.yaml:17: E301 source 2, id: unknown source 'second-sourse'; did you mean "
        "'second-source'? the known ids are in data/sources.yaml" in found
    )


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "theme: calm",
            "theme: calmm",
            "data/tips/take-a-walk.yaml:11: E301 theme: unknown theme 'calmm'; did you mean 'calm'? the known ids "
            "are in data/themes.yaml",
        ),
        (
            "stage: today",
            "stage: tomorrow",
            "data/tips/take-a-walk.yaml:12: E301 stage: unknown stage 'tomorrow'; the known ids are in "
            "data/stages.yaml",
        ),
        (
            "situations: [went-blank]",
            "situations: [went-blank, late]",
            "data/tips/take-a-walk.yaml:13: E301 situation 2: unknown situation 'late'; the known ids are in "
            "data/situations.yaml",
        ),
        (
            "related: [write-it-down]",
            "related: [write-it-up]",
            "data/tips/take-a-walk.yaml:19: E301 related tip 1: unknown tip 'write-it-up'; did you mean "
            "'write-it-down'? the known ids are in data/tips/",
        ),
        (
            "related: [write-it-down]",
            "related: [take-a-walk]",
            "data/tips/take-a-walk.yaml:19: E301 related: a tip cannot be related to itself",
        ),
    ],
)
def test_unknown_references_in_a_tip(data_dir, old, new, expected):
    edit(data_dir / "tips" / "take-a-walk.yaml", old, new)
    assert expected in problems(data_dir)


def test_unknown_tips_elsewhere(data_dir):
    edit(data_dir / "checklists" / "recovery.yaml", "tip: write-it-down", "tip: write-it")
    edit(data_dir / "templates" / "thank-you.yaml", "tips: [take-a-walk]", "tips: [walk]")
    edit(data_dir / "reflection.yaml", "    tip: write-it-down\nlists", "    tip: nope\nlists")
    assert problems(data_dir) == [
        "data/checklists/recovery.yaml:14: E301 group 2, item 1, tip: unknown tip 'write-it'; did you mean "
        "'write-it-down'? the known ids are in data/tips/",
        "data/reflection.yaml:7: E301 prompt 1, tip: unknown tip 'nope'; the known ids are in data/tips/",
        "data/templates/thank-you.yaml:21: E301 tip 1: unknown tip 'walk'; the known ids are in data/tips/",
    ]


def test_duplicate_ids(data_dir):
    edit(data_dir / "themes.yaml", "id: act", "id: calm")
    edit(data_dir / "checklists" / "recovery.yaml", "id: notes", "id: walk")
    found = problems(data_dir)
    assert "data/themes.yaml:6: E302 theme 2, id: themes id 'calm' is used more than once" in found
    assert "data/checklists/recovery.yaml:12: E302 group 2, item 1, id: item id 'walk' is used more than once" in found


def test_id_must_match_file_name(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "id: write-it-down", "id: note-it-down")
    assert (
        "data/tips/write-it-down.yaml:1: E303 id: id 'note-it-down' does not match the file name 'write-it-down.yaml'"
        in problems(data_dir)
    )


def test_unused_vocabulary(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "theme: act", "theme: calm")
    edit(data_dir / "stages.yaml", "id: later", "id: later-on")
    edit(data_dir / "tips" / "write-it-down.yaml", "stage: later", "stage: later-on")
    edit(data_dir / "checklists" / "recovery.yaml", "stage: later", "stage: later-on")
    assert problems(data_dir) == ["data/themes.yaml:6: E304 theme 2, id: theme 'act' is not used by any tip"]


def test_placeholders_must_match(data_dir):
    edit(data_dir / "templates" / "thank-you.yaml", "Thank you for your time today.", "Thanks for the {role} chat.")
    edit(data_dir / "templates" / "thank-you.yaml", "{your_name}\n", "Sam\n")
    assert problems(data_dir) == [
        "data/templates/thank-you.yaml:5: E305 body: {role} is used but not listed under placeholders",
        "data/templates/thank-you.yaml:16: E305 placeholder 2: placeholder 'your_name' is listed but never used",
    ]


def test_checklist_stages_in_timeline_order(data_dir):
    path = data_dir / "checklists" / "recovery.yaml"
    edit(path, "stage: today", "stage: STAGE_A")
    edit(path, "stage: later", "stage: today")
    edit(path, "stage: STAGE_A", "stage: later")
    assert problems(data_dir) == [
        "data/checklists/recovery.yaml:10: E306 group 2, stage: stage 'today' is out of timeline order or used twice"
    ]


def test_theme_page_must_exist(data_dir, tmp_path):
    docs = tmp_path / "docs"
    (docs / "themes").mkdir(parents=True)
    (docs / "themes" / "calm.md").write_text("# Calm\n")
    assert problems(data_dir, docs) == [
        "data/themes.yaml:6: E307 theme 2, id: theme 'act' has no page docs/themes/act.md"
    ]


# ---- style ---------------------------------------------------------------------


def test_long_sentence(data_dir):
    long = "You can " + "and then walk " * 8 + "home."
    edit(data_dir / "tips" / "take-a-walk.yaml", "Moving helps your body settle.", long)
    assert problems(data_dir) == [
        'data/tips/take-a-walk.yaml:4: S401 why: sentence of 27 words (limit 25): "You can and then walk and ..."'
    ]


def test_hard_to_read_tip(data_dir):
    edit(
        data_dir / "tips" / "write-it-down.yaml",
        "You forget details fast. A few notes keep them for later.",
        "Contemporaneous documentation facilitates subsequent retrospective evaluation of organisational "
        "communication.",
    )
    assert problems(data_dir) == [
        "data/tips/write-it-down.yaml:1: S402 id: reading ease is 23; it needs to be 60 or more"
    ]


def test_long_checklist_item(data_dir):
    edit(
        data_dir / "checklists" / "recovery.yaml",
        "text: Take a short walk.",
        "text: Take a short walk around the block and then come back home again.",
    )
    assert problems(data_dir) == [
        "data/checklists/recovery.yaml:8: S403 group 1, item 1, text: item has 13 words (limit 12)"
    ]


def test_summary_is_one_sentence(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "A walk helps you calm down.", "A walk helps. So does rest.")
    assert problems(data_dir) == ["data/tips/take-a-walk.yaml:3: S404 summary: summary has more than one sentence"]


def test_stale_tip_warns_without_failing(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", '"2026-11-01"', '"2024-01-01"')
    kb = load_knowledge_base(data_dir, today=TODAY)
    assert [str(warning).splitlines()[0] for warning in kb.warnings] == [
        "data/tips/take-a-walk.yaml:20: W501 last_reviewed: last reviewed on 2024-01-01, more than a year ago"
    ]


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
    assert "    fix: Use an id from data/themes.yaml, such as 'calm', or add the theme there first." in text
    assert "    fix: Use an id from data/stages.yaml, or add the stage there first." in text


def test_check_command(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "theme: calm", "theme: calmm")
    result = subprocess.run(
        [sys.executable, "-m", "macros.commands.check", str(data_dir), "--github"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 1
    assert "data/tips/take-a-walk.yaml:11: E301 theme: unknown theme 'calmm'" in result.stderr
    assert "Traceback" not in result.stderr
    assert (
        "::error file=data/tips/take-a-walk.yaml,line=11,title=E301::E301 theme: unknown theme 'calmm'" in result.stdout
    )


def test_check_command_passes_on_sound_data(data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "macros.commands.check", str(data_dir)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data OK: 3 tips, 2 sources, 2 research, 2 themes")


# ---- evidence: what each source says -----------------------------------------------


def fix_lines(data_dir: Path) -> list[str]:
    try:
        load_knowledge_base(data_dir, today=TODAY)
    except DataError as error:
        return [str(problem).splitlines()[1].strip() for problem in error.problems]
    return []


def test_a_tip_with_no_supporting_source(data_dir):
    edit(
        data_dir / "tips" / "breathe-slowly.yaml",
        "sources:\n  - id: first-source\n    says: Slow breathing helps you settle.\n",
        "sources: []\n",
    )
    assert problems(data_dir) == ["data/tips/breathe-slowly.yaml:12: E310 sources: no source supports this tip"]


@pytest.mark.parametrize(
    "old, new, line",
    [
        (
            "sources:\n  - id: first-source\n    says: Slow breathing helps you settle.\n",
            "sources: [first-source]\n",
            12,
        ),
        ("    says: Slow breathing helps you settle.\n", "", 13),
    ],
)
def test_a_source_cited_without_what_it_says(data_dir, old, new, line):
    edit(data_dir / "tips" / "breathe-slowly.yaml", old, new)
    assert problems(data_dir) == [
        f"data/tips/breathe-slowly.yaml:{line}: E311 source 1: cites 'first-source' but does not say what it "
        "says in support"
    ]
    assert fix_lines(data_dir) == [
        "fix: Write the source as two lines: '- id: first-source' and, below it, '  says: ' with "
        "what the article says that supports this tip, in your own words."
    ]


DIFFER = """sources_differ:
  question: Should you walk or rest?
  opposed_by:
    - id: {source}
      says: Rest on the sofa instead.
      instead: {instead}
  view: Walk if you feel restless; rest if you are worn out.
"""


def test_a_disagreement_is_checked(data_dir):
    path = data_dir / "tips" / "take-a-walk.yaml"
    edit(path, "related:", DIFFER.format(source="second-source", instead="breathe-slowly") + "related:")
    assert problems(data_dir) == [
        "data/tips/take-a-walk.yaml:22: E312 sources_differ, opposing source 1, id: 'second-source' both supports "
        "and opposes this tip"
    ]


def test_a_disagreement_naming_an_unknown_tip_or_source(data_dir):
    edit(
        data_dir / "tips" / "write-it-down.yaml",
        "last_reviewed:",
        DIFFER.format(source="third-source", instead="take-a-nap") + "last_reviewed:",
    )
    assert problems(data_dir) == [
        "data/tips/write-it-down.yaml:18: E301 sources_differ, opposing source 1, id: unknown source 'third-source'; "
        "did you mean 'first-source'? the known ids are in data/sources.yaml",
        "data/tips/write-it-down.yaml:20: E301 sources_differ, opposing source 1, instead: unknown tip 'take-a-nap'; "
        "did you mean 'take-a-walk'? the known ids are in data/tips/",
    ]


def test_the_same_question_on_two_tips(data_dir):
    """One source arguing for the same other course against two tips is one question asked twice."""
    for tip in ("breathe-slowly", "write-it-down"):
        edit(
            data_dir / "tips" / f"{tip}.yaml",
            "last_reviewed:",
            DIFFER.format(source="second-source", instead="take-a-walk") + "last_reviewed:",
        )
    assert problems(data_dir) == [
        "data/tips/write-it-down.yaml:20: E322 sources_differ, opposing source 1, instead: the same question twice: "
        "'breathe-slowly' already asks it: 'second-source' argues for 'take-a-walk' there too"
    ]
    assert fix_lines(data_dir) == ["fix: " + RULES["E322"].fix]


def test_the_same_question_asked_from_both_sides(data_dir):
    """Two tips that each name the other as the course the other side takes ask one question."""
    edit(data_dir / "tips" / "take-a-walk.yaml", "  - id: second-source\n    says: Moving your body settles you.\n", "")
    edit(
        data_dir / "tips" / "take-a-walk.yaml",
        "related:",
        DIFFER.format(source="second-source", instead="write-it-down") + "related:",
    )
    edit(
        data_dir / "tips" / "write-it-down.yaml",
        "last_reviewed:",
        DIFFER.format(source="second-source", instead="take-a-walk").replace("Rest on the sofa", "Walk round the block")
        + "last_reviewed:",
    )
    assert problems(data_dir) == [
        "data/tips/write-it-down.yaml:20: E322 sources_differ, opposing source 1, instead: the same question twice: "
        "'take-a-walk' asks it from the other side, naming this tip under instead:"
    ]


@pytest.mark.parametrize(
    "says",
    ["It does not suggest a walk.", "Says nothing about walking at all.", "Rest instead.", "The article is on rest."],
)
def test_an_opposing_source_must_give_advice(data_dir, says):
    edit(
        data_dir / "tips" / "write-it-down.yaml",
        "last_reviewed:",
        DIFFER.format(source="second-source", instead="take-a-walk").replace("Rest on the sofa instead.", says)
        + "last_reviewed:",
    )
    assert problems(data_dir) == [
        "data/tips/write-it-down.yaml:19: E323 sources_differ, opposing source 1, says: says what the article is or "
        "leaves out, not what it advises instead"
    ]
    assert fix_lines(data_dir) == ["fix: " + RULES["E323"].fix]


def test_agreed_by_names_only_the_tips_own_sources(data_dir):
    edit(
        data_dir / "tips" / "write-it-down.yaml",
        "last_reviewed:",
        DIFFER.format(source="second-source", instead="take-a-walk").replace(
            "  opposed_by:", "  agreed_by: [first-source, third-source]\n  opposed_by:"
        )
        + "last_reviewed:",
    )
    assert problems(data_dir) == [
        "data/tips/write-it-down.yaml:17: E324 sources_differ, agreed_by 2: 'third-source' is listed under agreed_by: "
        "but this tip does not cite it"
    ]


def test_a_disagreement_shows_in_the_evidence(data_dir):
    from macros.knowledge.evidence import opposed_by, source_points

    edit(
        data_dir / "tips" / "write-it-down.yaml",
        "last_reviewed:",
        DIFFER.format(source="second-source", instead="take-a-walk") + "last_reviewed:",
    )
    kb = load_knowledge_base(data_dir, today=TODAY)
    assert opposed_by(kb.by_id["tips"]["write-it-down"]) == ["second-source"]
    points = source_points(kb)["second-source"]
    assert {
        "text": "Rest on the sofa instead.",
        "supports": [],
        "opposes": ["write-it-down"],
        "describes": [],
    } in points
    assert {
        "text": "Moving your body settles you.",
        "supports": ["take-a-walk"],
        "opposes": [],
        "describes": [],
    } in points


def test_a_source_with_no_points(data_dir):
    edit(data_dir / "tips" / "take-a-walk.yaml", "  - id: second-source\n    says: Moving your body settles you.\n", "")
    assert problems(data_dir) == [
        "data/sources.yaml:9: E313 source 2, id: source 'second-source' has no points: no tip cites it and it lists "
        "no unused_points"
    ]
    edit(
        data_dir / "sources.yaml",
        "    url: https://example.org/second\n",
        "    url: https://example.org/second\n"
        "    unused_points:\n      - says: Buy new shoes.\n        reason: Off the subject.\n",
    )
    kb = load_knowledge_base(data_dir, today=TODAY)
    from macros.knowledge.evidence import source_points

    assert source_points(kb)["second-source"] == [
        {"text": "Buy new shoes.", "supports": [], "opposes": [], "describes": [], "not_used": "Off the subject."}
    ]


def test_an_unused_point_needs_its_reason(data_dir):
    edit(
        data_dir / "sources.yaml",
        "    url: https://example.org/second\n",
        "    url: https://example.org/second\n    unused_points:\n      - says: Buy new shoes.\n",
    )
    assert problems(data_dir) == [
        "data/sources.yaml:14: E201 source 2, unused point 1: missing required field 'reason'"
    ]


def test_every_tip_is_reachable_from_a_plan(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "situations: [went-blank]\n", "")
    found = problems(data_dir)
    assert "data/tips/write-it-down.yaml:1: E314 id: no plan in the guide leads to this tip" in found
    edit(data_dir / "tips" / "write-it-down.yaml", "theme: act", "in_every_plan: true\ntheme: act")
    assert "data/tips/write-it-down.yaml:1: E314 id: no plan in the guide leads to this tip" not in problems(data_dir)


def test_a_situation_needs_three_tips(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "situations: [went-blank]\n", "in_every_plan: true\n")
    assert problems(data_dir) == [
        "data/situations.yaml:2: E315 situation 1, id: situation 'went-blank' leads to 2 tips; a plan needs at least 3"
    ]


# ---- slips that would otherwise be published as they are ---------------------------------


@pytest.mark.parametrize(
    "where",
    [
        "data/write-it-now.yaml",
        "data/tip/write-it-now.yaml",
        "data/tips/more/write-it-now.yaml",
        "docs/write-it-now.yaml",
    ],
)
def test_a_tip_file_in_the_wrong_place(data_dir, tmp_path, where):
    docs = tmp_path / "docs"
    (docs / "themes").mkdir(parents=True)
    for theme in ("calm", "act"):
        (docs / "themes" / f"{theme}.md").write_text("# Theme\n")
    stray = tmp_path / where
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_text((data_dir / "tips" / "write-it-down.yaml").read_text())
    found = [line for line in problems(data_dir, docs) if "E105" in line]
    assert found and found[0].startswith(f"{where}:1: E105 is not where data files go")
    assert any(
        line == "fix: Move it to data/tips/write-it-now.yaml if it is a tip (or to the folder for its kind: "
        "data/checklists/, data/templates/), or delete it."
        for line in fix_lines_with(data_dir, docs)
    )


def fix_lines_with(data_dir: Path, docs: Path) -> list[str]:
    try:
        load_knowledge_base(data_dir, docs, today=TODAY)
    except DataError as error:
        return [str(problem).splitlines()[1].strip() for problem in error.problems]
    return []


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "  - Write how you answered.\n",
            "  - Write how you answered.\n   - Write the names.\n",
            "data/tips/write-it-down.yaml:8: S408 step 2: step 2 looks like two items run together",
        ),
        (
            "title: Write down what happened",
            "title: WRITE DOWN WHAT HAPPENED",
            "data/tips/write-it-down.yaml:2: S405 title: is written in capital letters",
        ),
        (
            "You forget details fast.",
            "You forget <b>details</b> fast.",
            "data/tips/write-it-down.yaml:4: S406 why: contains the HTML tag <b>",
        ),
        (
            "  - Write what they asked.",
            "  - Write what they asked [here](https://example.com/form).",
            "data/tips/write-it-down.yaml:7: S407 step 1: links to https://example.com/form, which is not a "
            "source this tip cites",
        ),
        (
            "  - Write what they asked.",
            "  - Write what they asked <https://example.com/form>.",
            "data/tips/write-it-down.yaml:7: S407 step 1: links to https://example.com/form, which is not a "
            "source this tip cites",
        ),
    ],
)
def test_slips_are_caught(data_dir, old, new, expected):
    edit(data_dir / "tips" / "write-it-down.yaml", old, new)
    assert expected in problems(data_dir)


def test_a_link_to_a_cited_source_is_allowed(data_dir):
    edit(
        data_dir / "tips" / "write-it-down.yaml",
        "  - Write what they asked.",
        "  - Write what they asked, as [this article](https://example.org/first) says.",
    )
    assert problems(data_dir) == []


def test_a_colon_in_unquoted_text_says_to_quote_it(data_dir):
    edit(
        data_dir / "tips" / "write-it-down.yaml",
        "summary: Notes help you learn from the day.",
        "summary: Notes help: you learn from the day.",
    )
    assert fix_lines(data_dir) == [
        'fix: Put text containing a colon in quotes: key: "Text: more text". '
        'Inside the quotes, write a double quote as \\".'
    ]


def test_each_problem_gets_its_own_fix(data_dir):
    edit(data_dir / "tips" / "write-it-down.yaml", "title: Write down what happened", 'title: ""')
    edit(data_dir / "tips" / "write-it-down.yaml", "summary: Notes help you learn from the day.\n", "")
    assert fix_lines(data_dir) == [
        "fix: Add a line 'summary: ...' at the top of the file, where the other fields start at the left margin; "
        "the Add a tip page lists every required field.",
        "fix: Fill in the field, or delete the line if the field is optional.",
    ]


def test_tips_where_matches_whole_values_only(data_dir):
    kb = load_knowledge_base(data_dir, today=TODAY)
    assert kb.tips_where("theme", "al") == []  # not part of "calm"
    assert kb.tips_where("stage", "day") == []  # not part of "today"
    assert [tip["id"] for tip in kb.tips_where("theme", "calm")] == ["take-a-walk", "breathe-slowly"]
    assert len(kb.tips_where("situations", "went-blank")) == 3
    assert kb.tips_where("situations", "went") == []


# ---- the map of situations ------------------------------------------------------------------


def test_a_situation_needs_a_tip_written_for_it(data_dir):
    edit(data_dir / "tips" / "breathe-slowly.yaml", "written_for: [went-blank]\n", "")
    assert problems(data_dir) == [
        "data/situations.yaml:2: E316 situation 1, id: no tip is written for situation 'went-blank'"
    ]


def test_written_for_must_be_one_of_the_tips_situations(data_dir):
    edit(
        data_dir / "tips" / "take-a-walk.yaml",
        "situations: [went-blank]\n",
        "situations: [went-blank]\nwritten_for: [gone]\n",
    )
    assert problems(data_dir) == [
        "data/tips/take-a-walk.yaml:14: E317 written_for 1: written_for names 'gone', which is not under situations:"
    ]


def test_a_tip_written_for_a_situation_cites_a_source_that_describes_it(data_dir):
    edit(data_dir / "situations.yaml", "      - id: first-source\n", "      - id: second-source\n")
    found = problems(data_dir)
    assert found == [
        "data/tips/breathe-slowly.yaml:16: E318 written_for 1: is written for 'went-blank' but cites none of the "
        "sources that describe it (second-source)"
    ]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("    group: in-the-room\n", "    group: in-the-rom\n", "data/situations.yaml:3: E301 situation 1, group:"),
        (
            "      - id: first-source\n",
            "      - id: third-source\n",
            "data/situations.yaml:8: E301 situation 1, source 1, id:",
        ),
        ("    words: [blank, froze]\n", "    words: [blank]\n", "data/situations.yaml:6: E206 situation 1, words:"),
        ("    words: [blank, froze]\n", "", "data/situations.yaml:2: E201 situation 1: missing required field 'words'"),
        (
            "    sources:\n      - id: first-source\n"
            "        says: Minds go blank in interviews, and a pause is fine.\n",
            "",
            "data/situations.yaml:2: E201 situation 1: missing required field 'sources'",
        ),
    ],
)
def test_a_situation_needs_its_group_words_and_sources(data_dir, old, new, expected):
    edit(data_dir / "situations.yaml", old, new)
    assert any(line.startswith(expected) for line in problems(data_dir)), problems(data_dir)


def test_a_group_no_situation_uses(data_dir):
    edit(
        data_dir / "groups.yaml",
        "    order: 1\n",
        "    order: 1\n  - id: afterwards\n    title: Afterwards\n    description: What happened next.\n    order: 2\n",
    )
    assert problems(data_dir) == [
        "data/groups.yaml:6: E304 group 2, id: group 'afterwards' is not used by any situation"
    ]


# ---- copied words ------------------------------------------------------------------------------


def test_words_copied_from_a_fingerprinted_source(data_dir):
    # tests/fixtures/data/fingerprints/first-source.txt was made from a text holding this sentence.
    copied = "Pausing for a slow breath before each answer gives your racing mind the moment it needs."
    edit(data_dir / "tips" / "take-a-walk.yaml", "summary: A walk helps you calm down.", f"summary: {copied}")
    assert problems(data_dir) == [
        "data/tips/take-a-walk.yaml:3: E209 summary: shares 8 words in a row with source 'first-source': "
        '"pausing for a slow breath before each answer"'
    ]


def test_a_source_with_no_fingerprint_warns(data_dir):
    (data_dir / "fingerprints" / "second-source.txt").unlink()
    kb = load_knowledge_base(data_dir, today=TODAY)
    assert [str(warning).splitlines()[0] for warning in kb.warnings] == [
        "data/sources.yaml:9: W502 source 2, id: source 'second-source' has no fingerprint, so words copied from it "
        "would go unseen"
    ]
