"""The Suggest a tip page, beyond the ordinary tip: a writing rule added in Python alone reaches the page; a
title in any script gets an id; the date is the contributor's own and `make check` accepts it; an unknown
source leaves no stale verdict; a copy the browser refuses is said plainly; and a tip from an article not
yet listed is proposed as two changes that together pass `make check`.
"""

from __future__ import annotations

import datetime
import re

import pytest
import yaml
from playwright.sync_api import expect
from test_suggest import GOOD_TIP, PAGE, check, fill, page_problems, proposed

from support.project import build, copy_project
from support.server import serve

NO_PROBLEMS = "No problems found: the tip passes the checks."


# A writing rule that exists only in this test: a pattern in macros/check/style.py, a code and fix in rules/writing.py.
NEW_RULE = """TEXT_RULES = (
    TextRule(
        "S499", r"\\b(?:obviously|merely)\\b", 'says "{found}", which can make the task sound small', ignore_case=True
    ),"""
NEW_RULE_TEXT = """RULES = [
    Rule("S499", "Minimising word", "Leave out the word, or say how long the task takes.", "merely send it"),"""


def test_a_writing_rule_added_in_python_reaches_the_page_with_no_javascript_edit(browser, tmp_path):
    project = copy_project(tmp_path / "project")
    style, rules = project / "macros" / "check" / "style.py", project / "macros" / "rules" / "writing.py"
    style.write_text(style.read_text(encoding="utf-8").replace("TEXT_RULES = (", NEW_RULE, 1), encoding="utf-8")
    rules.write_text(rules.read_text(encoding="utf-8").replace("RULES = [", NEW_RULE_TEXT, 1), "utf-8")
    script = (project / "docs" / "assets" / "js" / "suggest.js").read_bytes()
    assert build(project).returncode == 0
    assert (project / "site" / "assets" / "js" / "suggest.js").read_bytes() == script

    tip = {**GOOD_TIP, "steps": ["Obviously, go out for ten or twenty minutes.", *GOOD_TIP["steps"][1:]]}
    context = browser.new_context()
    errors: list[str] = []
    with serve(project / "site") as url:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url + PAGE)
        page.wait_for_selector("[data-ir-suggest][data-ir-ready]")
        fill(page, tip)
        problem = page.locator('[data-ir-problems] [data-ir-code="S499"]')
        expect(problem).to_have_attribute(
            "data-ir-problem", 'S499 step 1: says "Obviously", which can make the task sound small'
        )
        expect(problem).to_contain_text("Fix: Leave out the word, or say how long the task takes.")
        shown = page_problems(page)
        filename, text = proposed(page)
    context.close()
    assert errors == []
    (project / filename).write_text(text, encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    found = [line.split(": ", 1)[1] for line in result.stderr.splitlines() if line.startswith(filename + ":")]
    assert found == shown


def test_a_pattern_that_javascript_would_read_differently_is_refused():
    from macros.render.suggest import js_pattern

    for pattern in (r"(?P<word>x)", r"(?i)x", r"x\Z"):
        with pytest.raises(ValueError):
            js_pattern(pattern)
    assert js_pattern(r"a.b$") == r"a[^\n]b(?=\n?$)"


@pytest.mark.parametrize("title", ["קח הפסקה קצרה אחרי הראיון", "थोड़ी देर टहलने जाएं", "🙂 🚶"])
def test_a_title_in_any_script_gets_a_valid_id_that_passes_the_check(suggest_page, tmp_path, title):
    page = suggest_page()
    fill(page, {**GOOD_TIP, "title": title})
    expect(page.locator("[data-ir-verdict]")).to_have_text(NO_PROBLEMS)
    filename, text = proposed(page)
    tip_id = yaml.safe_load(text)["id"]
    assert re.fullmatch(r"tip-[0-9a-f]{8}", tip_id) and filename == f"data/tips/{tip_id}.yaml"
    from macros.commands.new_tip import tip_id_from_title

    assert tip_id == tip_id_from_title(title)
    project = copy_project(tmp_path / "project")
    (project / filename).write_text(text, encoding="utf-8")
    result = check(project)
    assert result.returncode == 0, result.stderr


def test_the_page_writes_the_contributors_own_date_in_the_evening_west_of_utc(visit, site_url):
    # 21:00 on 5 December in Los Angeles is already 6 December in UTC.
    page = visit(None, timezone_id="America/Los_Angeles").page
    page.clock.set_fixed_time(datetime.datetime(2026, 12, 6, 5, 0, tzinfo=datetime.UTC))
    page.goto(site_url + PAGE)
    page.wait_for_selector("[data-ir-suggest][data-ir-ready]")
    fill(page, GOOD_TIP)
    _, text = proposed(page)
    assert yaml.safe_load(text)["last_reviewed"] == "2026-12-05"


@pytest.mark.parametrize("days, passes", [(0, True), (1, True), (2, False)])
def test_make_check_accepts_a_date_one_day_ahead_and_no_later(tmp_path, days, passes):
    """One day ahead is someone's today (a contributor east of the machine, or of GitHub's UTC)."""
    project = copy_project(tmp_path / "project")
    path = sorted((project / "data" / "tips").glob("*.yaml"))[0]
    date = (datetime.date.today() + datetime.timedelta(days=days)).isoformat()
    text = re.sub(r"(?m)^last_reviewed: .*$", f'last_reviewed: "{date}"', path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    result = check(project)
    assert (result.returncode == 0) is passes, result.stderr
    assert ("is in the future" in result.stderr) is not passes


def test_an_unknown_source_gives_a_fresh_verdict_not_a_stale_one(suggest_page):
    page = suggest_page()
    fill(page, GOOD_TIP)
    verdict = page.locator("[data-ir-verdict]")
    expect(verdict).to_have_text(NO_PROBLEMS)
    # A page older than its rules.json, or a hand-edited form: a source the rules do not list.
    page.evaluate("""() => {
      const list = document.querySelector('[data-ir-field="sources"] ul');
      list.insertAdjacentHTML("beforeend",
        '<li><input type="checkbox" name="sources" value="gone-2020" id="gone"><label for="gone">Gone</label></li>');
      document.getElementById("gone").click();
    }""")
    expect(verdict).to_have_text("2 things to fix before you propose the tip:")
    assert page_problems(page) == [
        "E205 source 3, says: is empty",
        "E301 source 3, id: unknown source 'gone-2020'; the known ids are in data/sources.yaml",
    ]


def test_a_copy_the_browser_refuses_is_said_plainly(suggest_page):
    page = suggest_page()
    page.evaluate("""() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error("denied"));
      document.execCommand = () => false;
    }""")
    long_tip = {
        **GOOD_TIP,
        "why": " ".join(["Walk on, ça va, and breathe out slowly: «éèê»."] * 40),
        "steps": ["Walk on, ça va « é » " * 8] * 6,
        "avoid": ["Rushing, « é »; ça va " * 8] * 6,
    }
    fill(page, long_tip)
    page.get_by_role("button", name="Copy the tip file").click()
    expect(page.locator("[data-ir-suggest] [data-ir-status]")).to_have_text(
        "Your browser did not let this page copy. Download the file instead, or select the text and copy it yourself."
    )


NEW_ARTICLE = {
    "title": "How a short walk settles the mind",
    "publisher": "Calm Work Weekly",
    "url": "https://calmwork.example/2024/short-walk",
    "published": "2024-03-18",
    "says": "A walk after a stressful meeting helps you think it over more calmly.",
}


def test_a_tip_from_an_article_not_yet_listed_passes_the_check_as_proposed(suggest_page, tmp_path):
    page = suggest_page()
    fill(page, {**GOOD_TIP, "sources": {}})
    sources = page.get_by_role("group", name="Sources")
    sources.get_by_label("An article that is not listed here", exact=True).check()
    sources.get_by_label("Title of the article", exact=True).fill(NEW_ARTICLE["title"])
    sources.get_by_label("Publisher", exact=True).fill(NEW_ARTICLE["publisher"])
    sources.get_by_label("Address of the article", exact=True).fill(NEW_ARTICLE["url"])
    sources.get_by_label("Date the article was published", exact=True).fill(NEW_ARTICLE["published"])
    sources.get_by_label("What the article says in support", exact=True).fill(NEW_ARTICLE["says"])
    expect(page.locator("[data-ir-verdict]")).to_have_text(NO_PROBLEMS)
    expect(page.locator(".ir-suggest__preview .ir-tip__sources")).to_have_text("1 source gives this advice:")
    expect(page.locator(".ir-suggest__preview .ir-tip__publishers")).to_have_text("Calm Work Weekly")
    filename, text = proposed(page)
    entry_area = page.locator("[data-ir-source-area]")
    expect(entry_area).to_be_visible()
    expect(entry_area).to_contain_text("make fingerprint SOURCE=id TEXT=file")
    entry = page.locator("[data-ir-source-entry]").text_content()
    tip = yaml.safe_load(text)
    assert tip["sources"] == [{"id": "calm-work-weekly-2024-how-a-short-walk", "says": NEW_ARTICLE["says"]}]

    project = copy_project(tmp_path / "project")
    (project / filename).write_text(text, encoding="utf-8")
    result = check(project)
    assert result.returncode == 1 and "E301" in result.stderr  # the tip alone names a source not yet listed
    sources_file = project / "data" / "sources.yaml"
    sources_file.write_text(sources_file.read_text(encoding="utf-8") + entry, encoding="utf-8")
    result = check(project)
    assert result.returncode == 0, result.stderr
    listed = yaml.safe_load(sources_file.read_text(encoding="utf-8"))["sources"][-1]
    assert listed == {
        "id": "calm-work-weekly-2024-how-a-short-walk",
        **{k: NEW_ARTICLE[k] for k in NEW_ARTICLE if k != "says"},
    }
    assert "W502" in result.stdout + result.stderr  # no fingerprint yet: a warning, for the maintainer's review
