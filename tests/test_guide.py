"""The "What happened?" guide in a real browser: choose, get the plan, keep it in the address, print it.

The expected plans come from the YAML files, read here with plain yaml.safe_load
and ordered by the site's rule (stage, then most sources, then title), so the
page is checked against the data, not against the code that renders it.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from support.project import PROJECT
from support.yamlfiles import load_yaml

DATA = PROJECT / "data"


STAGES = load_yaml(DATA / "stages.yaml")["stages"]
STAGE_ORDER = {stage["id"]: stage["order"] for stage in STAGES}
STAGE_TITLES = {stage["id"]: stage["title"] for stage in STAGES}
SITUATIONS = load_yaml(DATA / "situations.yaml")["situations"]
TIPS = [load_yaml(path) for path in sorted((DATA / "tips").glob("*.yaml"))]
CHOSEN = ["nerves", "tricky-question"]  # in the order of situations.yaml, as the address keeps them
LEGEND = "What went wrong? Tick all that fit."


def plan_for(situations: list[str], every_plan: bool = True) -> list[dict]:
    """The tips a plan shows: those tagged with a chosen situation and, unless told not to, the shared steps."""
    tips = [
        tip
        for tip in TIPS
        if set(tip.get("situations", [])) & set(situations) or (every_plan and tip.get("in_every_plan"))
    ]
    # The site's order (stage, then most sources, then title), with the shared steps last in each stage.
    return sorted(
        tips,
        key=lambda tip: (STAGE_ORDER[tip["stage"]], bool(tip.get("in_every_plan")), -len(tip["sources"]), tip["title"]),
    )


def title_of(situation_id: str) -> str:
    return next(situation["title"] for situation in SITUATIONS if situation["id"] == situation_id)


def open_guide(visit, query: str = "", **context_options):
    page = visit(f"guide/{query}", **context_options).page
    page.get_by_role("group", name=LEGEND).wait_for()
    return page


def shown_plan(page) -> list[tuple[str, str, str]]:
    """(stage heading, tip title, link) for every tip the plan shows, top to bottom."""
    rows = page.locator(".ir-plan__tip:visible").evaluate_all(
        """items => items.map(item => [
            item.closest('.ir-plan__stage').querySelector('h3').textContent,
            item.querySelector('a').textContent,
            item.querySelector('a').getAttribute('href')])"""
    )
    return [tuple(row) for row in rows]


def expected_plan(situations: list[str]) -> list[tuple[str, str, str]]:
    return [
        (STAGE_TITLES[tip["stage"]], tip["title"], f"../themes/{tip['theme']}/#tip-{tip['id']}")
        for tip in plan_for(situations)
    ]


def checked(page) -> list[str]:
    return page.locator("input[name=s]:checked").evaluate_all("boxes => boxes.map(box => box.value)")


def pdf_text(page, paper: str) -> str:
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_two_situations_give_exactly_their_tips_in_stage_order_and_survive_a_reload(visit, site_url, built_site):
    expected = expected_plan(CHOSEN)
    # The two share tips, so the plan must merge them; and they span more than one stage.
    assert len(expected) < sum(len(plan_for([one])) for one in CHOSEN)
    assert len({stage for stage, _, _ in expected}) > 1

    page = open_guide(visit)
    assert shown_plan(page) == []
    assert page.get_by_role("button", name="Print this plan").is_hidden()
    for situation in CHOSEN:
        page.get_by_role("checkbox", name=title_of(situation), exact=True).check()
    assert shown_plan(page) == expected
    stages_shown = page.locator(".ir-plan__stage:visible h3").all_inner_texts()
    assert stages_shown == list(dict.fromkeys(stage for stage, _, _ in expected))
    assert page.locator(".ir-plan__status").inner_text().startswith(f"{len(expected)} tips for ")
    assert page.url == f"{site_url}guide/?s={','.join(CHOSEN)}"
    for _, _, link in expected:  # every link lands on a tip that exists
        path, anchor = link.removeprefix("../").split("#")
        assert f'id="{anchor}"' in (built_site / path / "index.html").read_text(encoding="utf-8")

    page.reload()
    page.get_by_role("group", name=LEGEND).wait_for()
    assert checked(page) == CHOSEN
    assert shown_plan(page) == expected

    shared = open_guide(visit, f"?s={','.join(reversed(CHOSEN))}")  # a link sent to a friend, in a fresh browser
    assert checked(shared) == CHOSEN
    assert shown_plan(shared) == expected


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_plan_holds_the_chosen_tips_and_no_form(visit, paper):
    page = open_guide(visit, f"?s={','.join(CHOSEN)}")
    text = pdf_text(page, paper)
    plan = plan_for(CHOSEN)
    for tip in plan:
        assert tip["title"] in text
        assert " ".join(tip["summary"].split()) in text
    for stage_id in {tip["stage"] for tip in plan}:
        assert STAGE_TITLES[stage_id] in text
    assert "Your plan" in text
    assert f"guide/?s={','.join(CHOSEN)}" in text  # the way back to the plan online
    chrome = [
        LEGEND,
        "Print this plan",
        "Go to your plan",
        "What happened in your interview?",
        "Every situation and what helps",
        "Step by step",
    ]
    chrome += [situation["description"] for situation in SITUATIONS]
    chrome += [situation["title"] for situation in SITUATIONS if situation["id"] not in CHOSEN]
    chrome += [tip["title"] for tip in TIPS if tip not in plan]
    assert [words for words in chrome if words in text] == []
    assert len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages) <= 3


def test_printing_before_any_choice_gives_every_situation_and_its_tips(visit):
    page = open_guide(visit)
    text = pdf_text(page, "A4")
    for situation in SITUATIONS:
        assert situation["title"] in text
        for tip in plan_for([situation["id"]]):
            assert tip["title"] in text
    assert [
        words for words in (LEGEND, "Your plan", "Tick one or more boxes", "Print this plan") if words in text
    ] == []


def test_without_the_data_file_the_page_keeps_its_plain_list(visit, site_url):
    result = visit(None)
    page = result.page
    page.route("**/api/v1/knowledge-base.json", lambda route: route.fulfill(status=404, body="gone"))
    with page.expect_console_message(lambda message: "404" in message.text):
        page.goto(site_url + "guide/")
    assert page.locator("#every-situation").is_visible()
    assert page.locator("#guide-form").is_hidden()
    assert page.locator("#plan").is_hidden()
    # The only console error is the browser's own note of the missing file; the script adds none.
    assert len(result.console_errors) == 1 and "404" in result.console_errors[0]
    result.console_errors.clear()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_printed_plan_is_black_on_white_on_its_own_named_page(visit, scheme):
    page = open_guide(visit, "?s=late", color_scheme=scheme)
    page.emulate_media(media="print")
    style = page.evaluate("""() => {
        const plan = document.querySelector('.ir-plan'), link = plan.querySelector('.ir-plan__tip:not([hidden]) a');
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


def test_without_javascript_every_situation_lists_its_tips_as_links(visit, built_site):
    page = visit("guide/", java_script_enabled=False).page
    assert page.locator("#guide-form").is_hidden()
    assert page.locator("#plan").is_hidden()
    intro = page.locator("#every-situation > p").first
    for tip in TIPS:
        if tip.get("in_every_plan"):
            assert intro.get_by_role("link", name=tip["title"], exact=True).is_visible(), tip["id"]
    for situation in SITUATIONS:
        section = page.locator(f"#situation-{situation['id']}")
        assert section.is_visible()
        assert section.get_by_role("heading").inner_text() == situation["title"]
        links = section.get_by_role("link")
        own = plan_for([situation["id"]], every_plan=False)  # the shared steps are listed once, above
        assert links.all_inner_texts() == [tip["title"] for tip in own]
        hrefs = links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
        assert hrefs == [f"../themes/{tip['theme']}/#tip-{tip['id']}" for tip in own]
        assert (
            page.get_by_role("link", name=situation["title"], exact=True).get_attribute("href")
            == f"#situation-{situation['id']}"
        )
    theme_pages = {}
    for tip in TIPS:
        if tip.get("situations"):
            html = theme_pages.setdefault(
                tip["theme"], (built_site / "themes" / tip["theme"] / "index.html").read_text()
            )
            assert f'id="tip-{tip["id"]}"' in html


def test_keyboard_alone_can_choose_and_print(visit, site_url):
    result = visit(None)
    page = result.page
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto(site_url + "guide/")
    page.get_by_role("group", name=LEGEND).wait_for()

    def tab_to(selector: str, limit: int = 80):
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

    first, second = SITUATIONS[0]["id"], SITUATIONS[1]["id"]
    tab_to(f"#guide-{first}")
    style, width = focus_ring()
    assert style == "solid" and width >= 2
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"guide-{second}"
    page.keyboard.press("Space")
    assert checked(page) == [first, second]
    assert shown_plan(page) == expected_plan([first, second])
    assert page.url.endswith(f"guide/?s={first},{second}")

    tab_to(".ir-plan__print")
    style, width = focus_ring()
    assert style == "solid" and width >= 2
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert page.evaluate("window.printed") == 2

    page.keyboard.press("Shift+Tab")  # back to the link to the plan, and on back to the last box
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == f"guide-{SITUATIONS[-1]['id']}"
    page.keyboard.press("Space")
    assert SITUATIONS[-1]["id"] in checked(page)


def test_the_form_is_one_labelled_group_and_the_plan_a_live_region(visit):
    page = open_guide(visit)
    group = page.get_by_role("group", name=LEGEND)
    assert group.get_by_role("checkbox").count() == len(SITUATIONS)
    for situation in SITUATIONS:
        box = page.get_by_role("checkbox", name=situation["title"], exact=True)
        assert box.get_attribute("aria-describedby") == f"guide-{situation['id']}-hint"
        size = box.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24
    region = page.get_by_role("region", name="Your plan")
    assert region.get_attribute("aria-live") == "polite"
    assert page.locator("#every-situation").is_hidden()


def test_unknown_or_removed_choices_leave_a_clean_address(visit, site_url):
    page = open_guide(visit, "?s=not-a-situation,late,late")
    assert checked(page) == ["late"]
    assert shown_plan(page) == expected_plan(["late"])
    assert page.url == f"{site_url}guide/?s=late"
    page.get_by_role("checkbox", name=title_of("late"), exact=True).uncheck()
    assert shown_plan(page) == []
    assert page.url == f"{site_url}guide/"
    assert page.get_by_role("button", name="Print this plan").is_hidden()
    assert "Tick one or more boxes" in page.locator(".ir-plan__status").inner_text()


def test_the_plan_comes_from_the_published_data_file(visit, site_url):
    """One copy of the tips: the page reads the JSON the build wrote (test_privacy.py checks the hosts)."""
    result = visit("guide/")
    result.page.locator(".ir-guide--ready").wait_for()
    assert f"{site_url}api/v1/knowledge-base.json" in result.requests


NOTES = [load_yaml(path) for path in sorted((DATA / "templates").glob("*.yaml"))]
# The readers the second edition was written for, each with what they would tick.
READERS = {
    "a new graduate whose mind went blank": ["blank-mind", "first-interview"],
    "a senior engineer who fell apart on a live coding question": ["coding-question"],
    "someone who arrived twenty minutes late": ["late"],
    "someone whose video call kept dropping": ["video-call-dropped"],
    "someone who cried in the interview": ["cried"],
}


@pytest.mark.parametrize("reader", READERS)
def test_each_reader_gets_a_plan_for_today_what_to_say_and_next_time(visit, reader):
    situations = READERS[reader]
    page = open_guide(visit, "?s=" + ",".join(situations))
    plan = shown_plan(page)
    assert plan == expected_plan(situations), reader
    stages = {row[0] for row in plan}
    assert STAGE_TITLES["right-after"] in stages, f"{reader}: nothing to do today"
    assert STAGE_TITLES["before-next-interview"] in stages, f"{reader}: nothing to change before the next interview"
    shared = [tip["title"] for tip in TIPS if tip.get("in_every_plan")]
    assert shared and set(shared) <= {row[1] for row in plan}, f"{reader}: a shared step is missing"
    # What to say: a note goes with the first tip it is written for, and the plan links to it.
    wanted = {note["id"] for note in NOTES if note["tips"][0] in {tip["id"] for tip in plan_for(situations)}}
    links = page.locator(".ir-plan__note-link:visible").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert wanted, f"{reader}: no follow-up note fits this plan"
    assert sorted(links) == sorted(f"../notes/#note-{note_id}" for note_id in wanted), reader
    page.locator(".ir-plan__note-link:visible").first.click()
    page.wait_for_url("**/notes/#note-*")
    assert page.locator("#" + page.url.split("#")[1]).is_visible()
