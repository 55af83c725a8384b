"""The "What happened?" guide in a real browser, at phone width: find your situation, tick it, reach
the plan, open it short, share it, print it; and without JavaScript, the grouped list.

The expected plans come from the YAML files, read here with plain yaml.safe_load: which tips a
plan holds, which are written for the chosen situations, which notes go with which tips. The
tests check what a reader sees against that data, not against the code that renders it.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from support.project import PROJECT
from support.yamlfiles import load_yaml

DATA = PROJECT / "data"
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True}

STAGES = load_yaml(DATA / "stages.yaml")["stages"]
STAGE_ORDER = {stage["id"]: stage["order"] for stage in STAGES}
STAGE_TITLES = {stage["id"]: stage["title"] for stage in STAGES}
GROUPS = sorted(load_yaml(DATA / "groups.yaml")["groups"], key=lambda group: group["order"])
SITUATIONS = load_yaml(DATA / "situations.yaml")["situations"]
BY_ID = {situation["id"]: situation for situation in SITUATIONS}
TIPS = [load_yaml(path) for path in sorted((DATA / "tips").glob("*.yaml"))]
TIP_BY_TITLE = {tip["title"]: tip for tip in TIPS}
TIP_BY_ID = {tip["id"]: tip for tip in TIPS}
NOTES = [load_yaml(path) for path in sorted((DATA / "templates").glob("*.yaml"))]
FIRST_STEPS = 7  # the most steps a plan opens with (macros/limits.py, FIRST_STEPS)
THANK_YOU = "send-a-thank-you-note"
SAYS_YOUR_NOTE = re.compile(r"\byour (?:thank-you )?note\b", re.I)
ORDERED = [situation["id"] for group in GROUPS for situation in SITUATIONS if situation["group"] == group["id"]]


def plan_for(situations: list[str]) -> set[str]:
    """The ids of the tips a plan must hold: those tagged with a chosen situation, and the shared steps."""
    return {tip["id"] for tip in TIPS if set(tip.get("situations", [])) & set(situations) or tip.get("in_every_plan")}


def written_for(situations: list[str]) -> set[str]:
    return {tip["id"] for tip in TIPS if set(tip.get("written_for", [])) & set(situations)}


def site_order(tip: dict) -> tuple:
    """The site's order: stage, then the most widely sourced, then title."""
    return STAGE_ORDER[tip["stage"]], -len(tip["sources"]), tip["title"]


def open_guide(visit, query: str = "", **options):
    page = visit(f"guide/{query}", **{**PHONE, **options}).page
    page.locator(".ir-guide--ready").wait_for()
    return page


def plan_part(page, part: str) -> list[tuple[str, str]]:
    """(stage heading, tip title) for every tip in one part of the plan ("first" or "rest"), top to bottom."""
    rows = page.locator(f"[data-ir-plan-{part}] .ir-plan__tip").evaluate_all(
        """items => items.map(item => [
            item.closest('.ir-plan__stage').querySelector('h3').textContent, item.querySelector('a').textContent])"""
    )
    return [tuple(row) for row in rows]


def wait_for_plan(page, situations: list[str]):
    """Until the plan shows every tip it must hold (the situation files load after a tick)."""
    wanted = len(plan_for(situations))
    page.wait_for_function(
        "wanted => document.querySelectorAll('[data-ir-plan-first] .ir-plan__tip, [data-ir-plan-rest] .ir-plan__tip')"
        ".length >= wanted && !document.querySelector('[data-ir-plan-body]').hidden",
        arg=wanted,
    )


def checked(page) -> list[str]:
    return page.locator("input[name=s]:checked").evaluate_all("boxes => boxes.map(box => box.value)")


def in_view(page, selector: str) -> bool:
    return page.evaluate(
        """selector => { const box = document.querySelector(selector).getBoundingClientRect();
           return box.bottom > 0 && box.top < window.innerHeight && box.height > 0; }""",
        selector,
    )


def pdf_text(page, paper: str) -> str:
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def longest_plan() -> str:
    """The situation whose plan is longest: the one that most needs to start short."""
    return max(ORDERED, key=lambda situation: len(plan_for([situation])))


# ---- finding your situation -------------------------------------------------------------


def matching(word: str) -> list[str]:
    """Situations with a word in their title, description or readers' words that starts with `word`, in the
    page's order ("stammer" finds "stammered"; "trans" does not find "translation")."""
    starts = re.compile(r"(?<![a-z0-9\u00c0-\u024f])" + re.escape(word))
    return [
        situation
        for situation in ORDERED
        if starts.search(
            " ".join([BY_ID[situation]["title"], BY_ID[situation]["description"], *BY_ID[situation]["words"]]).lower()
        )
    ]


def test_a_readers_word_in_the_filter_leaves_only_the_situations_it_fits(visit):
    page = open_guide(visit)
    boxes = page.locator("input[name=s]")
    assert boxes.count() == len(SITUATIONS)
    # A word readers use that is not in the situation's title: the filter must search the words too.
    situation = next(s for s in SITUATIONS if any(word.lower() not in s["title"].lower() for word in s["words"]))
    word = next(word for word in situation["words"] if word.lower() not in situation["title"].lower())
    expected = matching(word.lower())
    assert situation["id"] in expected and len(expected) < len(SITUATIONS)
    page.get_by_label("Find what happened").fill(word)
    visible = page.locator("input[name=s]:visible").evaluate_all("boxes => boxes.map(box => box.value)")
    assert visible == expected
    assert (
        page.locator("[data-ir-matches]")
        .inner_text()
        .startswith(f"{len(expected)} situation{'s' if len(expected) != 1 else ''} match")
    )
    # a group with nothing left to show hides its heading too
    legends = page.locator("legend:visible").all_inner_texts()
    assert legends == [g["title"] for g in GROUPS if any(BY_ID[s]["group"] == g["id"] for s in expected)]

    # the middle of a word is not a match: "ervous" is not "nervous"
    page.get_by_label("Find what happened").fill("ervous")
    visible = page.locator("input[name=s]:visible").evaluate_all("boxes => boxes.map(box => box.value)")
    assert visible == matching("ervous") and "nerves" not in visible
    assert page.locator("[data-ir-no-match]").is_hidden() or not visible

    page.get_by_label("Find what happened").fill("zzqx")
    assert page.locator("input[name=s]:visible").count() == 0
    assert "Nothing matches" in page.locator("[data-ir-matches]").inner_text()
    # a reader whose words find nothing still has a way on: every situation, and help
    no_match = page.locator("[data-ir-no-match]")
    assert no_match.is_visible()
    assert no_match.get_by_role("link", name="When to get help").get_attribute("href").endswith("help/")
    page.get_by_label("Find what happened").fill("")
    assert page.locator("input[name=s]:visible").count() == len(SITUATIONS)


def test_the_form_lists_situations_under_their_group_headings(visit):
    page = open_guide(visit)
    for group in GROUPS:
        members = [s for s in SITUATIONS if s["group"] == group["id"]]
        if not members:
            continue
        fieldset = page.get_by_role("group", name=group["title"], exact=True)
        assert fieldset.get_by_role("checkbox").evaluate_all("boxes => boxes.map(box => box.value)") == [
            s["id"] for s in members
        ]
    for situation in SITUATIONS:
        box = page.get_by_role("checkbox", name=situation["title"], exact=True)
        assert box.get_attribute("aria-describedby") == f"guide-{situation['id']}-hint"
        size = box.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24
    assert page.locator(".ir-guide__steps:visible").count() == 0  # the plain list's steps give way to the plan


def test_a_tick_shows_at_once_and_one_tap_reaches_the_plan(visit):
    page = open_guide(visit)
    situation = ORDERED[len(ORDERED) // 2]  # in the middle of the list, far from the plan
    expected = plan_for([situation])
    box = page.get_by_role("checkbox", name=BY_ID[situation]["title"], exact=True)
    box.tap()
    count = page.locator("[data-ir-count]")
    assert count.get_attribute("role") == "status"  # a polite live region: screen readers hear it
    page.wait_for_function(
        "text => document.querySelector('[data-ir-count]').textContent === text",
        arg=f"Your plan: {len(expected)} steps.",
    )
    assert in_view(page, "[data-ir-count]")
    link = page.get_by_role("link", name="See your plan")
    assert in_view(page, "[data-ir-to-plan]")
    size = link.bounding_box()
    assert size["width"] >= 24 and size["height"] >= 24
    # from the top of the list too: the bar stays at the foot of the screen
    page.get_by_role("checkbox", name=BY_ID[ORDERED[0]]["title"], exact=True).scroll_into_view_if_needed()
    assert in_view(page, "[data-ir-to-plan]")
    link.tap()
    page.wait_for_url("**#plan")
    page.wait_for_timeout(300)
    assert in_view(page, "#plan-title")


# ---- a plan that starts short ---------------------------------------------------------------


def check_plan(page, situations: list[str]) -> tuple[list, list]:
    """What every plan must be: the right tips, at most seven first, in stage order, the specific first."""
    wait_for_plan(page, situations)
    first, rest = plan_part(page, "first"), plan_part(page, "rest")
    shown = [TIP_BY_TITLE[title]["id"] for _, title in first + rest]
    expected = plan_for(situations)
    assert len(shown) == len(set(shown))
    extra = set(shown) - expected
    # The one tip a plan may add: the thank-you tip, when another tip speaks of "your note"; it opens the plan
    # only together with that tip.
    assert extra <= {THANK_YOU}, extra

    def speaks_of_a_note(part):
        return any(SAYS_YOUR_NOTE.search(TIP_BY_TITLE[t]["title"] + " " + TIP_BY_TITLE[t]["summary"]) for _, t in part)

    if extra:
        assert speaks_of_a_note(first + rest)
        if THANK_YOU in [TIP_BY_TITLE[title]["id"] for _, title in first]:
            assert speaks_of_a_note(first)
    assert expected <= set(shown)
    assert (
        len(first) == min(FIRST_STEPS, len(shown)) or len(first) == FIRST_STEPS - 1
    )  # a pair may not fit in the last place
    for part in (first, rest):
        assert [TIP_BY_TITLE[title] for _, title in part] == sorted(
            (TIP_BY_TITLE[title] for _, title in part), key=site_order
        )
        for stage, title in part:
            assert STAGE_TITLES[TIP_BY_TITLE[title]["stage"]] == stage
    # Most specific first: a step written for every plan never takes the place of one written for this one.
    specific = written_for(situations)
    shared_first = [
        t for _, t in first if TIP_BY_TITLE[t].get("in_every_plan") and TIP_BY_TITLE[t]["id"] not in specific
    ]
    if shared_first:
        assert specific <= {TIP_BY_TITLE[t]["id"] for _, t in first}, "a shared step came before a tip written for this"
    return first, rest


def test_the_plan_opens_with_at_most_seven_steps_and_shows_the_rest_when_asked(visit):
    situation = longest_plan()
    assert len(plan_for([situation])) > FIRST_STEPS
    page = open_guide(visit, f"?s={situation}")
    first, rest = check_plan(page, [situation])
    assert len(first) <= FIRST_STEPS and rest
    visible = page.locator(".ir-plan__tip:visible")
    assert visible.count() == len(first)
    more = page.get_by_text(f"Show {len(rest)} more step")
    more.click()
    assert visible.count() == len(first) + len(rest)
    # Ends with the tools that fit it.
    plan = page.locator("#plan")
    assert plan.get_by_role("link", name="the reflection worksheet").is_visible()
    assert plan.get_by_role("link", name="the recovery checklist").is_visible()


def test_two_situations_merge_into_one_plan_that_survives_a_reload(visit, site_url):
    pair = [s for s in ORDERED if written_for([s])][:2]
    page = open_guide(visit)
    for situation in pair:
        page.get_by_role("checkbox", name=BY_ID[situation]["title"], exact=True).check()
    first, rest = check_plan(page, pair)
    in_order = [s for s in ORDERED if s in pair]
    assert page.url == f"{site_url}guide/?s={','.join(in_order)}"
    page.reload()
    page.locator(".ir-guide--ready").wait_for()
    assert checked(page) == in_order
    assert check_plan(page, pair) == (first, rest)


# ---- share and keep ----------------------------------------------------------------------------


def test_the_copied_link_opens_the_same_plan_in_view_in_a_fresh_browser(visit, browser, site_url):
    situation = longest_plan()
    opened = visit("guide/", **PHONE, permissions=["clipboard-read", "clipboard-write"])
    page = opened.page
    page.locator(".ir-guide--ready").wait_for()
    page.get_by_role("checkbox", name=BY_ID[situation]["title"], exact=True).check()
    first, rest = check_plan(page, [situation])
    page.get_by_role("button", name="Copy the link to this plan").click()
    page.get_by_text("Link copied").wait_for()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == f"{site_url}guide/?s={situation}#plan"

    friend = open_guide(visit, link.removeprefix(site_url + "guide/"))
    assert checked(friend) == [situation]
    assert check_plan(friend, [situation]) == (first, rest)
    friend.wait_for_timeout(300)
    assert in_view(friend, "#plan-title")
    assert friend.locator(".ir-plan__status").inner_text().startswith(f"For \u201c{BY_ID[situation]['title']}\u201d")
    privacy = friend.locator(".ir-plan__privacy").inner_text()
    assert "link holds only the boxes you ticked" in privacy and "saves nothing on your device" in privacy


def test_unknown_or_removed_choices_leave_a_clean_address(visit, site_url):
    situation = ORDERED[0]
    page = open_guide(visit, f"?s=not-a-situation,{situation},{situation}")
    assert checked(page) == [situation]
    check_plan(page, [situation])
    assert page.url == f"{site_url}guide/?s={situation}"
    page.get_by_role("checkbox", name=BY_ID[situation]["title"], exact=True).uncheck()
    assert page.locator(".ir-plan__tip:visible").count() == 0
    assert page.url == f"{site_url}guide/"
    assert page.get_by_role("button", name="Print this plan").is_hidden()
    assert "Tick one or more boxes" in page.locator(".ir-plan__status").inner_text()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_plan_holds_every_step_and_the_link_that_reopens_it(visit, site_url, paper):
    situation = longest_plan()
    page = open_guide(visit, f"?s={situation}")
    first, rest = check_plan(page, [situation])
    text = pdf_text(page, paper)
    for _, title in first + rest:  # the folded steps too
        assert title in text
        assert " ".join(TIP_BY_TITLE[title]["summary"].split()) in text
    assert f"{site_url}guide/?s={situation}#plan" in text.replace(" ", "")
    chrome = [
        "Find what happened",
        "Print this plan",
        "See your plan",
        "Copy the link",
        "Whatever happened, these steps",
    ]
    chrome += [s["description"] for s in SITUATIONS]
    chrome += [s["title"] for s in SITUATIONS if s["id"] != situation]
    assert [words for words in chrome if words in text] == []


def test_printing_before_any_choice_gives_every_situation(visit):
    page = open_guide(visit)
    text = pdf_text(page, "A4")
    for situation in SITUATIONS:
        assert situation["title"] in text
    assert [
        words for words in ("Find what happened", "Your plan", "Print this plan", "Nothing ticked") if words in text
    ] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_printed_plan_is_black_on_white_on_its_own_named_page(visit, scheme):
    page = open_guide(visit, f"?s={ORDERED[0]}", color_scheme=scheme)
    wait_for_plan(page, [ORDERED[0]])
    page.emulate_media(media="print")
    style = page.evaluate("""() => {
        const plan = document.querySelector('.ir-plan'), link = plan.querySelector('.ir-plan__tip a');
        const body = getComputedStyle(document.body);
        return {page: body.page, background: body.backgroundColor,
                text: getComputedStyle(plan).color, link: getComputedStyle(link).color,
                form: getComputedStyle(document.querySelector('.ir-guide__form')).display};
    }""")
    assert style == {
        "page": "guide-plan",
        "background": "rgb(255, 255, 255)",
        "text": "rgb(0, 0, 0)",
        "link": "rgb(0, 0, 0)",
        "form": "none",
    }


# ---- without JavaScript, and the two ways of making a plan agreeing ---------------------------------


def test_without_javascript_every_situation_sits_under_its_group_and_leads_to_its_first_steps(visit, built_site):
    page = visit("guide/", java_script_enabled=False, **PHONE).page
    assert page.locator("input[name=s]:visible").count() == 0
    assert page.locator("#plan").is_hidden()
    assert page.get_by_label("Find what happened").is_hidden()
    headings = page.locator(".ir-guide__group-title").all_inner_texts()
    assert headings == [g["title"] for g in GROUPS if any(s["group"] == g["id"] for s in SITUATIONS)]
    for situation in SITUATIONS:
        entry = page.locator(f"#situation-{situation['id']}")
        assert entry.is_visible()
        assert entry.get_by_role("heading").inner_text() == situation["title"]
        group = entry.evaluate("entry => entry.closest('fieldset').querySelector('h2').textContent")
        assert group == next(g["title"] for g in GROUPS if g["id"] == situation["group"])
        assert entry.locator(".ir-guide__words").inner_text() == f"Also known as: {', '.join(situation['words'])}."
        link = entry.get_by_role("link", name="What to do first")
        assert link.get_attribute("href") == f"../situations/#situation-{situation['id']}"
    # One of them followed: the situation's first steps, each a link to its tip.
    situation = SITUATIONS[-1]
    page.locator(f"#situation-{situation['id']}").get_by_role("link", name="What to do first").click()
    page.wait_for_url(f"**/situations/#situation-{situation['id']}")
    section = page.locator(f"section#situation-{situation['id']}")
    assert section.get_by_role("heading").inner_text() == situation["title"]
    titles = section.locator("ol.ir-tip-links > li > a").all_inner_texts()
    assert 0 < len(titles) <= FIRST_STEPS
    assert {TIP_BY_TITLE[t]["id"] for t in titles} <= plan_for([situation["id"]]) | {THANK_YOU}
    for title in titles:
        tip = TIP_BY_TITLE[title]
        href = section.get_by_role("link", name=title, exact=True).first.get_attribute("href")
        assert href == f"../themes/{tip['theme']}/#tip-{tip['id']}"
        assert f'id="tip-{tip["id"]}"' in (built_site / "themes" / tip["theme"] / "index.html").read_text()


def test_each_situations_plan_is_the_same_with_and_without_javascript_and_words_its_notes_right(visit):
    """One page ticks each situation in turn; the page without JavaScript must list the same first steps.
    The wording faults stay fixed: a plan that speaks of "your note" holds the thank-you tip before it,
    the note under the thank-you tip is the one for the situation, and a plan offers only notes its steps introduce,
    with the step written for the note among the first steps."""
    plain = visit("situations/", java_script_enabled=False).page
    page = open_guide(visit)
    for situation in ORDERED:
        box = page.get_by_role("checkbox", name=BY_ID[situation]["title"], exact=True)
        box.check()
        first, rest = check_plan(page, [situation])
        without_js = plain.locator(f"section#situation-{situation} ol.ir-tip-links > li > a").all_inner_texts()
        assert [title for _, title in first] == without_js, situation

        ids = [TIP_BY_TITLE[title]["id"] for _, title in first + rest]
        first_ids = [TIP_BY_TITLE[title]["id"] for _, title in first]
        for tip_id in ids:
            tip = TIP_BY_ID[tip_id]
            if tip_id != THANK_YOU and SAYS_YOUR_NOTE.search(tip["title"] + " " + tip["summary"]):
                assert THANK_YOU in ids, f"{situation}: {tip_id} speaks of a note the plan never introduced"
                if tip_id in first_ids:
                    assert THANK_YOU in first_ids, f"{situation}: the thank-you tip is folded away below {tip_id}"
        notes_under = page.locator(".ir-plan__tip").evaluate_all(
            """items => items.map(item => [item.querySelector('a').textContent,
                (item.querySelector('.ir-plan__note-link') || {}).textContent || null])"""
        )
        by_title = {note["title"]: note for note in NOTES}
        for title, note_title in notes_under:
            if note_title:
                assert TIP_BY_TITLE[title]["id"] in by_title[note_title]["tips"], (situation, title, note_title)
        thank_you = next((n for t, n in notes_under if TIP_BY_TITLE[t]["id"] == THANK_YOU), None)
        own = [  # notes for the thank-you tip that also go with a tip tagged with this situation
            note["title"]
            for note in NOTES
            if THANK_YOU in note["tips"]
            and any(situation in TIP_BY_ID[t].get("situations", []) for t in note["tips"] if t != THANK_YOU)
        ]
        if thank_you and own:
            assert thank_you in own, f"{situation}: the thank-you tip offers {thank_you}, not one of {own}"
        tool = page.locator('[data-ir-tool="note"]')
        if tool.is_visible():
            offered = by_title[tool.locator("a").inner_text()]
            assert set(offered["tips"]) & set(ids), f"{situation}: the plan offers a note none of its steps introduces"
            assert offered["tips"][0] in first_ids, f"{situation}: the step that introduces the note is folded away"
            listed = plain.locator(f"section#situation-{situation}").get_by_role("link", name=offered["title"])
            assert listed.count() == 1
        helps = BY_ID[situation].get("get_help", False)
        assert page.locator('[data-ir-tool="help"]').is_visible() >= helps
        box.uncheck()


# ---- the reader's way in -----------------------------------------------------------------------------


def test_without_the_index_file_the_page_keeps_its_plain_list(visit, site_url):
    result = visit(None)
    page = result.page
    page.route("**/assets/guide/index.json", lambda route: route.fulfill(status=404, body="gone"))
    with page.expect_console_message(lambda message: "404" in message.text):
        page.goto(site_url + "guide/")
    assert page.locator(".ir-guide__steps:visible").count() == len(SITUATIONS)
    assert page.locator("input[name=s]:visible").count() == 0
    assert page.locator("#plan").is_hidden()
    assert len(result.console_errors) == 1 and "404" in result.console_errors[0]
    result.console_errors.clear()


def test_the_first_load_fetches_only_the_small_index_and_a_tick_its_situations_file(visit, site_url):
    result = visit("guide/", **PHONE)
    page = result.page
    page.locator(".ir-guide--ready").wait_for()
    page.wait_for_load_state("networkidle")
    fetched = [url for url in result.requests if "/api/" in url or "/assets/guide/" in url]
    assert fetched == [f"{site_url}assets/guide/index.json"]
    situation = ORDERED[-1]
    page.get_by_role("checkbox", name=BY_ID[situation]["title"], exact=True).check()
    wait_for_plan(page, [situation])
    assert f"{site_url}assets/guide/{situation}.json" in result.requests
    assert not any("knowledge-base.json" in url for url in result.requests)


def test_a_search_result_for_a_situation_lands_on_its_box(visit):
    situation = ORDERED[-1]
    page = open_guide(visit, f"#situation-{situation}-title")  # the heading, as the site search links it
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=f"guide-{situation}")
    assert in_view(page, f"#guide-{situation}")


def test_keyboard_alone_can_filter_choose_reach_the_plan_and_print(visit, site_url):
    result = visit(None)
    page = result.page
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto(site_url + "guide/")
    page.locator(".ir-guide--ready").wait_for()

    def tab_to(selector: str, limit: int = 200):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        pytest.fail(f"{selector} cannot be reached with Tab")

    def focus_ring() -> tuple[str, float]:
        style = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement); "
            "return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
        )
        return style[0], style[1]

    tab_to("#guide-filter")
    first = ORDERED[0]
    page.keyboard.type(BY_ID[first]["title"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"guide-{first}"
    style, width = focus_ring()
    assert style == "solid" and width >= 2
    page.keyboard.press("Space")
    assert checked(page) == [first]
    wait_for_plan(page, [first])
    tab_to("[data-ir-to-plan]")
    page.keyboard.press("Enter")
    page.wait_for_url("**#plan")
    tab_to(".ir-plan__print")
    style, width = focus_ring()
    assert style == "solid" and width >= 2
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 1


# Issue 22's fourteen readers: the five the second edition was written for, and nine whose situations no
# article organised around. Each with what they would tick, and whether a note to the employer fits.
READERS = {
    "a new graduate whose mind went blank": (["blank-mind", "first-interview"], True),
    "a senior engineer who fell apart on a live coding question": (["coding-question"], True),
    "someone who arrived twenty minutes late": (["late"], True),
    "someone whose video call kept dropping": (["video-call-dropped"], True),
    "someone who cried in the interview": (["cried"], True),
    "someone the interviewer was openly rude to, who left humiliated": (["rude-interviewer"], True),
    "someone who criticised their boss when asked why they want to leave": (["criticised-employer"], False),
    "an internal candidate for a promotion who keeps working with the panel": (["internal-interview"], True),
    "someone who named a salary far too low": (["salary-wrong"], True),
    "someone who barely spoke in a group interview": (["group-interview"], True),
    "an autistic reader who misread the questions": (["autistic-misread"], True),
    "someone who has heard nothing for two weeks": (["ghosted"], True),
    "someone caught out on a skill their CV overstated": (["cv-exaggerated"], False),
    "someone asked whether they plan to have children": (["unlawful-question"], True),
}


@pytest.mark.parametrize("reader", READERS)
def test_each_reader_gets_a_plan_for_today_what_to_say_and_next_time(visit, reader):
    situations, note_fits = READERS[reader]
    page = open_guide(visit, "?s=" + ",".join(situations))
    first, rest = check_plan(page, situations)
    stages = {stage for stage, _ in first}
    assert STAGE_TITLES["right-after"] in stages, f"{reader}: nothing to do today in the first steps"
    assert STAGE_TITLES["before-next-interview"] in {stage for stage, _ in first + rest}, (
        f"{reader}: nothing for next time"
    )
    tool = page.locator('[data-ir-tool="note"]')
    if note_fits:
        assert tool.is_visible(), f"{reader}: no follow-up note fits this plan"
    if tool.is_visible():  # where the plan offers a note, it leads to that note on the notes page
        tool.locator("a").first.click()
        page.wait_for_url("**/notes/#note-*")
        assert page.locator("#" + page.url.split("#")[1]).is_visible()
