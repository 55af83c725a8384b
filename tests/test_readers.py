"""Readers from issue 22: each finds a situation that fits, and its plan says what to do today, what (if
anything) to write, and what to do before the next interview. Built from the real data/ with the guide's rule:
a plan holds the tips tagged with the situation and the steps every plan carries; a note goes with its first tip.
Each helper's readers sit in their own list, named after their group."""

from __future__ import annotations

import re

import pytest

from macros.knowledge import load_knowledge_base
from support.project import PROJECT

KB = load_knowledge_base(PROJECT / "data", PROJECT / "docs")


def plan(situation: str) -> list[dict]:
    assert situation in KB.by_id["situations"], f"no situation {situation!r}"
    return [tip for tip in KB.tips if situation in tip.get("situations", ()) or tip.get("in_every_plan")]


def notes(tips: list[dict]) -> list[dict]:
    ids = {tip["id"] for tip in tips}
    return [note for note in KB.templates if note["tips"][0] in ids]


def text(tip: dict) -> str:
    return " ".join([tip["title"], tip["summary"], tip["why"], *tip["steps"], *tip.get("avoid", [])])


# (situation, whether a note to the employer, panel or agency fits) for the readers of "The kind of interview".
KIND_OF_INTERVIEW_READERS = [
    pytest.param("internal-interview", True, id="internal interview for a promotion, still working with the panel"),
    pytest.param("group-interview", True, id="group interview where they barely spoke"),
    pytest.param("panel-interview", True, id="panel interview where they barely spoke"),
    pytest.param("coding-question", True, id="fell apart on a live coding question"),
]


@pytest.mark.parametrize(("situation", "note_fits"), KIND_OF_INTERVIEW_READERS)
def test_kind_of_interview_reader_gets_today_a_note_and_the_next_interview(situation, note_fits):
    tips = plan(situation)
    own = [tip for tip in tips if situation in tip.get("written_for", ())]
    assert any(tip["stage"] == "right-after" for tip in tips), "nothing to do today"
    assert any(tip["stage"] == "before-next-interview" for tip in own), "nothing for the next interview written for it"
    if note_fits:
        assert notes(tips), "no note in the plan"


def test_group_and_panel_readers_find_their_situation_in_their_own_words():
    words = {situation["id"]: set(situation["words"]) for situation in KB.situations}
    assert {"panel", "barely spoke"} <= words["panel-interview"]
    assert {"group interview", "barely spoke"} <= words["group-interview"]


def test_internal_plan_holds_no_step_written_for_an_outside_job():
    outside = re.compile(r"keep applying|new application|careers? service|student|can't ask the employer", re.I)
    for tip in plan("internal-interview"):
        assert not outside.search(text(tip)), tip["id"]


def test_internal_plan_offers_a_note_asking_the_panel_for_a_development_talk():
    offered = notes(plan("internal-interview"))
    assert any("development" in note["subject"] + note["body"] and "panel" in note["body"] for note in offered)
    for note in offered:
        assert "letting me know your decision" not in note["body"], note["id"]


def test_coding_plan_practises_against_the_clock_out_loud_and_in_mock_interviews():
    before = [text(tip).lower() for tip in plan("coding-question") if tip["stage"] == "before-next-interview"]
    assert any(re.search(r"timer|clock", tip) and re.search(r"out loud|aloud", tip) for tip in before)
    assert any("mock" in tip for tip in before)


def test_coding_plan_offers_a_note_that_fits_code():
    offered = notes(plan("coding-question"))
    assert any(re.search(r"\bcode\b", " ".join(p["label"] for p in note["placeholders"])) for note in offered)
    for note in offered:
        labels = " ".join(placeholder["label"] for placeholder in note["placeholders"])
        assert "two or three sentences" not in labels, note["id"]
