"""Readers from issue 22: each finds a situation that fits, and its plan says what to do today, what (if
anything) to write, and what to do before the next interview. Built from the real data/ with the guide's rule:
a plan holds the tips tagged with the situation and the steps every plan carries; a note goes with its first tip.
The readers sit in lists named after the group of their situation; one test holds them all."""

from __future__ import annotations

import itertools
import re

import pytest

from macros.knowledge import load_knowledge_base
from macros.render.guide import brings, own_ranks, plan_tools, split_plan
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


# (situation, whether a note to the employer or agency fits) for the readers of "How they treated you" and
# "What happened afterwards".
HOW_THEY_TREATED_YOU_AND_AFTERWARDS_READERS = [
    pytest.param("rude-interviewer", True, id="openly rude and dismissive interviewer, left humiliated"),
    pytest.param("ghosted", True, id="two weeks of silence after a bad interview"),
    pytest.param("unlawful-question", True, id="asked about plans for children, answered awkwardly"),
]


def found_by(*words: str) -> list[str]:
    """The situations a reader reaches by typing any of these words into the guide's filter."""
    found = [s["id"] for s in KB.situations if any(word in s["words"] for word in words)]
    assert found, f"no situation is found by {words}"
    return found


# Lines that explain an interviewer's behaviour away, or hand the reader a fault to fix.
EXCUSES = re.compile(
    r"listening hard|off day|bad day|nothing to do with you|concentrating|testing you|what to fix|fix with practice",
    re.I,
)


def test_plans_for_rude_treatment_do_not_explain_it_away():
    for situation in found_by("rude", "humiliated", "belittled", "hostile", "pushy"):
        for tip in plan(situation):
            assert not EXCUSES.search(text(tip)), f"{situation}: {tip['id']}"


def test_rude_plan_says_it_was_not_their_fault_weighs_the_job_and_covers_the_agency_and_the_thank_you():
    tips = plan("rude-interviewer")
    own = [text(tip).lower() for tip in tips if "rude-interviewer" in tip.get("written_for", ())]
    assert any("not you" in tip or "not your doing" in tip for tip in own), "nothing says it was not their fault"
    assert any("both ways" in tip or "two-way" in tip for tip in own), "nothing on the interview running both ways"
    assert any(re.search(r"\bagency\b|\brecruiter\b", tip) and re.search(r"\bhr\b", tip) for tip in own)
    assert any("thank-you" in tip for tip in own), "nothing on whether to still send a thank-you"
    offered = notes(tips)
    assert any("how you were treated" in note["title"].lower() for note in offered)
    # The plain "thank-you anyway" tip praises the interviewer's time; it has no place here.
    assert "send-a-thank-you-note" not in {tip["id"] for tip in tips}


def test_silence_plan_offers_a_check_in_and_no_note_that_assumes_a_decision():
    for situation in found_by("ghosted", "no reply", "heard nothing"):
        offered = notes(plan(situation))
        assert offered, f"{situation}: no note"
        decided = re.compile(r"your decision|not (been )?successful|not to be chosen|turned me down")
        for note in offered:
            assert not decided.search((note["subject"] + " " + note["body"]).lower()), note["id"]
        assert any("news" in note["body"] or "next steps" in note["body"] for note in offered), situation


def test_a_note_that_answers_a_decision_sits_with_a_step_for_when_you_hear_back():
    for note in KB.templates:
        if re.search(r"letting me know your decision|not (been )?successful|not chosen", note["body"]):
            assert KB.by_id["tips"][note["tips"][0]]["stage"] == "when-you-hear-back", note["id"]


def test_personal_question_plan_asks_for_no_better_answer_and_draws_no_legal_conclusion():
    redo = re.compile(r"^(practise|practice|rehearse|send|write|add|give)\b.*\banswer", re.I)
    for situation in found_by("children", "pregnant", "religion", "accent"):
        assert KB.by_id["situations"][situation].get("get_help"), f"{situation}: no link to the help page"
        tips = plan(situation)
        assert any(tip.get("get_help") for tip in tips), situation
        for tip in tips:
            assert not any(redo.search(step) for step in tip["steps"]), f"{situation}: {tip['id']}"
            if tip["theme"] == "practice" and "children" in KB.by_id["situations"][situation]["words"]:
                assert situation in tip.get("written_for", ()), f"{situation}: general practice {tip['id']}"
            assert not re.search(r"\b(is|was) (illegal|unlawful|against the law)\b", text(tip), re.I), tip["id"]
        for note in notes(tips):
            assert not any("answer" in p["id"] for p in note["placeholders"]), f"{situation}: {note['id']}"
        assert any(re.search(r"write down", text(tip), re.I) for tip in tips if tip["stage"] == "right-after")


# (situation, whether a note to the employer fits) for the readers of "What happened in the room" and "About you".
IN_THE_ROOM_AND_ABOUT_YOU_READERS = [
    pytest.param("criticised-employer", False, id="criticised their current boss when asked why they want to leave"),
    pytest.param("salary-wrong", True, id="named a salary far too low"),
    pytest.param("autistic-misread", True, id="autistic, misread the questions, the interviewer seemed put off"),
    pytest.param("cv-exaggerated", False, id="exaggerated a skill on their CV and were caught out"),
    pytest.param("cried", True, id="cried in the interview"),
]


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


def test_no_step_every_plan_carries_tells_the_reader_it_was_their_mistake():
    """The steps every plan carries reach readers who were treated rudely or asked improper questions too."""
    blame = re.compile(r"\byour (own )?mistakes?\b|\byour fault\b|what you did wrong", re.I)
    shared = KB.every_plan()
    assert shared and all(tip in plan("rude-interviewer") for tip in shared)
    for tip in shared:
        assert not blame.search(text(tip)), tip["id"]


# (situation, whether a note to the employer fits) for the readers who found their situation missing.
NEW_READERS = [
    pytest.param("repeated-rejection", True, id="rejected again and again, losing hope"),
    pytest.param("asked-why-you-were-fired", False, id="asked why they were fired and froze"),
    pytest.param("criminal-record-question", False, id="asked about a criminal record"),
    pytest.param("overqualified", True, id="told they were overqualified"),
]


def test_losing_hope_plan_opens_with_when_to_get_help_then_pacing_and_a_change_of_approach():
    situation = KB.by_id["situations"]["repeated-rejection"]
    assert situation.get("get_help"), "the plan must link the help page"
    assert {"losing hope", "keep getting rejected", "give up"} <= set(situation["words"])
    first, _ = split_plan(KB, ["repeated-rejection"])
    assert any(tip.get("get_help") and tip["stage"] == "right-after" for tip in first), [t["id"] for t in first]
    tips = plan("repeated-rejection")
    own = [text(tip).lower() for tip in tips if "repeated-rejection" in tip.get("written_for", ())]
    assert any(re.search(r"pace|hours|time away", tip) for tip in own)
    assert any(re.search(r"pattern|change one", tip) for tip in own)


def test_fired_reader_prepares_a_short_honest_answer_that_looks_forward():
    words = set(KB.by_id["situations"]["asked-why-you-were-fired"]["words"])
    assert {"fired", "sacked", "let go", "redundant", "laid off"} <= words
    before = [text(tip).lower() for tip in plan("asked-why-you-were-fired") if tip["stage"] == "before-next-interview"]
    assert any("short" in tip and "true" in tip and "next" in tip for tip in before)


def test_criminal_record_plan_says_what_to_write_down_and_where_to_ask_without_a_legal_verdict():
    situation = KB.by_id["situations"]["criminal-record-question"]
    assert situation.get("get_help")
    assert {"criminal record", "conviction", "dbs"} <= set(situation["words"])
    tips = plan("criminal-record-question")
    assert any(tip["stage"] == "right-after" and "write" in tip["title"].lower() for tip in tips)
    assert any(tip.get("get_help") and re.search(r"adviser|advice", text(tip), re.I) for tip in tips)
    countries = {KB.by_id["sources"][c["id"]].get("country") for c in situation["sources"]}
    assert len(countries - {None}) >= 2, "disclosure rules differ by country; the sources must show more than one"


def test_overqualified_reader_learns_to_answer_the_worry_behind_the_word():
    assert "overqualified" in KB.by_id["situations"]["overqualified"]["words"]
    before = [text(tip).lower() for tip in plan("overqualified") if tip["stage"] == "before-next-interview"]
    assert any("overqualified" in tip and "stay" in tip for tip in before)


# (situation, whether a note to the employer fits) for the readers who found their situation missing: unpaid work,
# a scam, a visa question, and their own slip.
MORE_READERS = [
    pytest.param("unpaid-work-task", True, id="asked to do a large unpaid take-home task"),
    pytest.param("scam-interview", False, id="the interview was a scam that asked for money and bank details"),
    pytest.param("visa-question", True, id="answered a sponsorship question vaguely"),
    pytest.param("own-slip", True, id="phone rang in the interview, and they were exhausted"),
]


def test_readers_find_the_missing_situations_in_their_own_words():
    words = {situation["id"]: set(situation["words"]) for situation in KB.situations}
    assert {"unpaid", "take-home", "trial shift"} <= words["unpaid-work-task"]
    assert {"scam", "fake job", "asked for money"} <= words["scam-interview"]
    assert {"visa", "sponsorship", "right to work"} <= words["visa-question"]
    assert {"phone rang", "swore", "hungover", "exhausted"} <= words["own-slip"]


def test_the_scam_plan_says_where_to_report_it_and_links_the_help_page():
    assert KB.by_id["situations"]["scam-interview"].get("get_help")
    today = " ".join(text(tip) for tip in plan("scam-interview") if tip["stage"] == "right-after")
    assert re.search(r"\bbank\b", today) and re.search(r"job site|app", today) and "fraud reporting" in today


def test_the_visa_plan_never_suggests_declining_the_question():
    for tip in plan("visa-question"):
        assert not re.search(r"\bdecline|refuse to answer|rather not say|don't have to answer", text(tip), re.I), tip[
            "id"
        ]


def test_the_slip_plan_makes_no_excuses_and_says_sorry_only_if_they_noticed():
    own = [tip for tip in plan("own-slip") if "own-slip" in tip.get("written_for", ())]
    assert any("noticed" in text(tip) for tip in own if tip["stage"] == "right-after")
    for tip in own:
        assert not any(re.search(r"\bexplain (why|that you)", step, re.I) for step in tip["steps"]), tip["id"]


@pytest.mark.parametrize(
    ("situation", "note_fits"),
    KIND_OF_INTERVIEW_READERS
    + HOW_THEY_TREATED_YOU_AND_AFTERWARDS_READERS
    + IN_THE_ROOM_AND_ABOUT_YOU_READERS
    + NEW_READERS
    + MORE_READERS,
)
def test_each_reader_gets_today_a_note_and_the_next_interview_written_for_them(situation, note_fits):
    tips = plan(situation)
    own = [tip for tip in tips if situation in tip.get("written_for", ())]
    assert any(tip["stage"] == "right-after" for tip in own), "nothing for today written for it"
    assert any(tip["stage"] == "before-next-interview" for tip in own), "nothing for the next interview written for it"
    if note_fits:
        assert notes(tips), "no note in the plan"


def test_every_plan_of_one_or_two_situations_opens_with_the_steps_its_note_and_tips_need():
    """The note a plan ends with is introduced by one of its first steps, not folded away; and a tip that is in
    a plan only because another speaks of it (the thank-you note) never opens the plan without that tip."""
    situations = [situation["id"] for situation in KB.situations]
    for chosen in [[one] for one in situations] + [list(two) for two in itertools.combinations(situations, 2)]:
        first = [tip["id"] for tip in split_plan(KB, chosen)[0]]
        note = plan_tools(KB, chosen)["note"]
        if note is not None:
            assert note["tips"][0] in first, (chosen, note["id"])
        own = own_ranks(KB, chosen)
        for tip_id in first:
            bringers = [other for other in first if tip_id in brings(KB, KB.by_id["tips"][other])]
            assert tip_id in own or bringers, (chosen, tip_id)


def test_a_reader_turned_down_with_no_reason_is_offered_the_note_to_the_employer():
    """Most readers have no agency: the agency's note is one step down, in the tip it belongs to."""
    first, _ = split_plan(KB, ["rejected-no-reason"])
    note = plan_tools(KB, ["rejected-no-reason"])["note"]
    assert note is not None and note["tips"][0] in [tip["id"] for tip in first]
    assert "recruiter_name" not in [placeholder["id"] for placeholder in note["placeholders"]]
