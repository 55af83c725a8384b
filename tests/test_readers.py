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


# (situation, whether a note to the employer fits) for the readers of "What happened in the room" and "About you".
IN_THE_ROOM_AND_ABOUT_YOU_READERS = [
    pytest.param("criticised-employer", False, id="criticised their current boss when asked why they want to leave"),
    pytest.param("salary-wrong", True, id="named a salary far too low"),
    pytest.param("autistic-misread", True, id="autistic, misread the questions, the interviewer seemed put off"),
    pytest.param("cv-exaggerated", False, id="exaggerated a skill on their CV and were caught out"),
    pytest.param("cried", True, id="cried in the interview"),
]


@pytest.mark.parametrize(("situation", "note_fits"), IN_THE_ROOM_AND_ABOUT_YOU_READERS)
def test_in_the_room_and_about_you_reader_gets_today_a_note_and_the_next_interview(situation, note_fits):
    tips = plan(situation)
    own = [tip for tip in tips if situation in tip.get("written_for", ())]
    assert any(tip["stage"] == "right-after" for tip in own), "nothing for today written for it"
    assert any(tip["stage"] == "before-next-interview" for tip in own), "nothing for the next interview written for it"
    if note_fits:
        assert notes(tips), "no note in the plan"


def test_boss_critic_gets_a_why_leave_answer_and_no_note_about_being_late():
    tips = plan("criticised-employer")
    before = [text(tip).lower() for tip in tips if tip["stage"] == "before-next-interview"]
    assert any("why leave" in tip or "why do you want to leave" in tip for tip in before)
    assert not any("late" in note["id"] for note in notes(tips))


def test_salary_reader_learns_pay_is_settled_at_the_offer_and_how_to_ask():
    tips = plan("salary-wrong")
    assert any(tip["stage"] == "when-you-hear-back" and "offer" in text(tip).lower() for tip in tips)
    assert any(
        re.search(r"pay range|going rate|what .* pays", text(tip).lower())
        for tip in tips
        if tip["stage"] == "before-next-interview"
    )
    assert any("salary" in note["body"] for note in notes(tips))
    assert {"salary", "pay"} <= set(KB.by_id["situations"]["salary-wrong"]["words"])


def test_autistic_reader_is_told_to_ask_what_a_question_means_and_gets_adjustments_and_help():
    situation = KB.by_id["situations"]["autistic-misread"]
    assert situation.get("get_help"), "the plan must link the help page"
    assert {"autism", "autistic"} <= set(situation["words"])
    tips = plan("autistic-misread")
    titles = [tip["title"].lower() for tip in tips]
    assert any(title.startswith("ask what") for title in titles), "the 'ask what they mean' step is missing"
    assert any("adjustment" in note["id"] for note in notes(tips))
    assert any("your choice" in tip["summary"].lower() and "autistic" in tip["summary"].lower() for tip in tips)


def test_cv_reader_is_told_to_correct_the_cv_and_not_pushed_to_ask_for_another_interview():
    tips = plan("cv-exaggerated")
    assert any(tip["stage"] == "right-after" and "cv" in tip["title"].lower() for tip in tips)
    another_go = re.compile(r"ask (them )?for (another|a second|a new) (interview|chance)|second chance", re.I)
    for tip in tips:
        assert not another_go.search(text(tip)), tip["id"]


def test_no_tip_in_the_crying_plan_calls_the_tears_a_mistake():
    for tip in plan("cried"):
        if "cried" in tip.get("situations", ()):
            for sentence in re.split(r"[.!?]", text(tip).lower()):
                assert "mistake" not in sentence or re.search(r"\bnot\b", sentence), (tip["id"], sentence)


def test_the_crying_plan_says_asking_for_a_moment_is_fine_and_weighs_the_one_source_against_it():
    tip = KB.by_id["tips"]["own-the-tears-and-carry-on"]
    assert not any("leaving the room" in avoid.lower() for avoid in tip.get("avoid", [])), tip["avoid"]
    assert re.search(r"moment|water", " ".join(tip["steps"]))
    opposed = {opposition["id"] for opposition in tip["sources_differ"]["opposed_by"]}
    assert "kissfm-2017-crying-at-interview" in opposed
    assert len(tip["sources"]) >= 2, "the tip must rest on more than one source"


def test_no_owned_situation_rests_on_a_source_about_arriving_late_unless_it_is_about_lateness():
    owned = [s for s in KB.situations if s["group"] in ("in-the-room", "about-you") and s["id"] != "late"]
    for situation in owned:
        for citation in situation["sources"]:
            title = KB.by_id["sources"][citation["id"]]["title"].lower()
            assert not re.search(r"\blate\b|arriving late", title), (situation["id"], citation["id"])
