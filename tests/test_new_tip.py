"""`make new-tip`: the right id, a file from the template with every field, and clear refusals."""

from __future__ import annotations

import datetime
import re

import pytest
import yaml

from macros.commands.new_tip import NewTip, NewTipError, tip_id_from_title
from macros.knowledge import DataError, load_knowledge_base
from macros.schemas import schema_for
from support.commands import make_ready, run_make
from support.project import copy_project

TODAY = datetime.date(2026, 11, 22)


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Send a short thank-you note", "send-a-short-thank-you-note"),
        ("Don't try to read their mind", "dont-try-to-read-their-mind"),
        ("It’s fine: breathe!", "its-fine-breathe"),
        ("  Ask   for feedback  ", "ask-for-feedback"),
        ("Café, résumé & you", "cafe-resume-and-you"),
        ("Practise 3 answers -- out loud", "practise-3-answers-out-loud"),
        ("שלום", "tip-6934b5c6"),
        ("!!!", "tip-2d53a722"),
    ],
)
def test_id_is_kebab_case_from_the_title(title, expected):
    assert tip_id_from_title(title) == expected


def test_a_long_title_gives_an_id_cut_at_a_word_within_the_schema_limit():
    limit = schema_for("tip")["$defs"]["id"]["maxLength"]
    tip_id = tip_id_from_title("Write down every single question they asked you and how you answered them")
    assert len(tip_id) <= limit
    assert tip_id == "write-down-every-single-question-they-asked-you-and-how-you"
    assert re.fullmatch(schema_for("tip")["$defs"]["id"]["pattern"], tip_id)


def test_written_file_has_the_schema_line_and_every_field(data_dir):
    path = NewTip(data_dir, TODAY).write('Say "thanks": it helps', "calm", "today")
    assert path == data_dir / "tips" / "say-thanks-it-helps.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/tip.schema.json\n")
    schema = schema_for("tip")
    ready = set(schema["required"]) | {"situations"}  # the guide's plans need situations
    for field in set(schema["properties"]) - {"in_every_plan", "sources_differ", "get_help"}:  # the docs explain these
        prefix = "" if field in ready else "# "
        assert re.search(rf"^{prefix}{field}:", text, re.M), f"{field} is not ready to fill"
    data = yaml.safe_load(text)
    assert data["id"] == "say-thanks-it-helps"
    assert data["title"] == 'Say "thanks": it helps'  # quoted as YAML needs, read back exactly
    assert (data["theme"], data["stage"], data["last_reviewed"]) == ("calm", "today", "2026-11-22")
    # the notes above the fields come from the schema's descriptions
    assert f"# {schema['properties']['summary']['description']}" in text
    assert "#   first-source: Test Publisher" in text
    assert "A first test article" not in text  # no source title: a comment must not trip the originality check


STEP = '  - ""'


def test_the_untouched_file_fails_the_check_naming_each_empty_field(data_dir):
    path = NewTip(data_dir, TODAY).write("Take a deep breath", "calm", "today")
    lines = path.read_text(encoding="utf-8").splitlines()

    def line_of(start: str) -> int:
        return next(number for number, line in enumerate(lines, 1) if line.startswith(start))

    with pytest.raises(DataError) as caught:
        load_knowledge_base(data_dir, today=TODAY)
    found = [str(problem).splitlines()[0] for problem in caught.value.problems]
    file = "data/tips/take-a-deep-breath.yaml"
    assert found == [
        f"{file}:{line_of('summary:')}: E205 summary: is empty",
        f"{file}:{line_of('why:')}: E205 why: is empty",
        f"{file}:{line_of(STEP)}: E205 step 1: is empty",
        f"{file}:{line_of('  - id:')}: E204 source 1, id: '' is not a valid id: use lower-case letters, digits and "
        "single hyphens",
        f"{file}:{line_of('    says:')}: E205 source 1, says: is empty",
    ]


def test_filled_in_file_passes(data_dir):
    path = NewTip(data_dir, TODAY).write("Take a deep breath", "calm", "today")
    text = path.read_text(encoding="utf-8")
    text = text.replace('summary: ""', "summary: Slow breaths help you settle.")
    text = text.replace('why: ""', "why: Your body calms down when you breathe out slowly.")
    text = text.replace('  - ""\n', "  - Breathe in for four counts.\n  - Breathe out for six.\n", 1)
    text = text.replace('  - id: ""\n    says: ""', "  - id: first-source\n    says: Breathing out slowly calms you.")
    text = text.replace("situations: []", "situations: [went-blank]")
    path.write_text(text, encoding="utf-8")
    kb = load_knowledge_base(data_dir, today=TODAY)
    assert "take-a-deep-breath" in kb.by_id["tips"]


@pytest.mark.parametrize(
    "title, theme, stage, message",
    [
        ("Take a short walk", "calm", "today", "a tip with this title already exists: data/tips/take-a-walk.yaml"),
        ("Take a walk", "calm", "today", "a tip with the id 'take-a-walk' already exists: data/tips/take-a-walk.yaml"),
        ("A new tip", "calmm", "today", "unknown theme 'calmm'. Choose one of: calm, act (from data/themes.yaml)."),
        ("A new tip", "calm", "soon", "unknown stage 'soon'. Choose one of: today, later (from data/stages.yaml)."),
        ("", "calm", "today", "the tip needs a title"),
        ("x" * 66, "calm", "today", "the title is 66 characters long; keep it to 65 or fewer."),
    ],
)
def test_refusals_name_what_to_change_and_write_nothing(data_dir, title, theme, stage, message):
    before = sorted((data_dir / "tips").iterdir())
    with pytest.raises(NewTipError) as caught:
        NewTip(data_dir, TODAY).write(title, theme, stage)
    assert message in str(caught.value)
    assert sorted((data_dir / "tips").iterdir()) == before


def test_numbers_pick_from_the_listed_choices(data_dir):
    new_tip = NewTip(data_dir, TODAY)
    assert new_tip.choices("theme") == "  1. calm: Calm\n  2. act: Act"
    assert new_tip.check_choice("theme", "2") == "act"
    assert new_tip.check_choice("stage", " later ") == "later"


# ---- through the Makefile, as a contributor runs it --------------------------------


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    return make_ready(copy_project(tmp_path_factory.mktemp("clone"), tools=True))


def test_make_new_tip_with_arguments(clone):
    title = 'Don\'t "panic": count to $HOME `ten` #1'  # quotes, $, backticks and # reach Python untouched
    result = run_make(clone, "new-tip", f"TITLE={title}", "THEME=mindset", "STAGE=right-after")
    assert result.returncode == 0, result.stderr
    path = clone / "data" / "tips" / "dont-panic-count-to-home-ten-1.yaml"
    try:
        assert "Wrote data/tips/dont-panic-count-to-home-ten-1.yaml" in result.stdout
        assert (
            "http://127.0.0.1:8000/interview-rebound/themes/mindset/#tip-dont-panic-count-to-home-ten-1"
            in result.stdout
        )
        assert "make check" in result.stdout and "pull request" in result.stdout
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["title"] == title
    finally:
        path.unlink(missing_ok=True)


def test_make_new_tip_asks_when_no_arguments_are_given(clone):
    result = run_make(clone, "new-tip", stdin="Keep a glass of water nearby\n5\nbefore-next-interview\n")
    path = clone / "data" / "tips" / "keep-a-glass-of-water-nearby.yaml"
    try:
        assert result.returncode == 0, result.stderr
        assert "Title of the tip" in result.stdout and "5. practice: Practice" in result.stdout
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert (data["theme"], data["stage"]) == ("practice", "before-next-interview")
    finally:
        path.unlink(missing_ok=True)


@pytest.mark.parametrize(
    "arguments, message",
    [
        (
            ["TITLE=Send a thank-you note", "THEME=follow-up", "STAGE=right-after"],
            "new-tip: a tip with the id 'send-a-thank-you-note' already exists: data/tips/send-a-thank-you-note.yaml.",
        ),
        (
            ["TITLE=Brand new advice", "THEME=mindsett", "STAGE=right-after"],
            "new-tip: unknown theme 'mindsett'. Choose one of: mindset, follow-up,",
        ),
        (
            ["TITLE=Brand new advice", "THEME=mindset", "STAGE=tomorrow"],
            "new-tip: unknown stage 'tomorrow'. Choose one of: right-after, next-day,",
        ),
    ],
)
def test_make_new_tip_refuses_clearly(clone, arguments, message):
    before = sorted((clone / "data" / "tips").iterdir())
    result = run_make(clone, "new-tip", *arguments)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted((clone / "data" / "tips").iterdir()) == before


def test_make_new_tip_without_a_terminal_or_answers_stops_with_the_command_to_use(clone):
    result = run_make(clone, "new-tip", stdin="")
    assert result.returncode != 0
    assert 'make new-tip TITLE="..." THEME=... STAGE=...' in result.stderr
