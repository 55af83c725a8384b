"""The Suggest a tip page in Debian's Chromium: what a reader types becomes a tip file that `make check`
accepts and the build puts on its theme page, or, for hostile text, one that reads back exactly and is
refused or shown as inert text. The page's checks are held to macros/check/style.py and the checker.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml
from playwright.sync_api import expect

from macros.check.style import reading_ease
from macros.commands.new_tip import tip_id_from_title
from support.project import PROJECT, build, copy_project

PAGE = "contribute/suggest-a-tip/"
REPOSITORY = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["repository"]


def vocabulary(kind: str) -> dict[str, dict]:
    entries = yaml.safe_load((PROJECT / "data" / f"{kind}.yaml").read_text(encoding="utf-8"))[kind]
    return {entry["id"]: entry for entry in entries}


SOURCES, THEMES, STAGES, SITUATIONS = (vocabulary(kind) for kind in ("sources", "themes", "stages", "situations"))

GOOD_TIP = {
    "title": "Take a short walk before you look back",
    "summary": "A short walk helps you calm down, so you can look back on the day with a clear head.",
    "why": "Your mind races after a hard interview. A walk gives your body something to do. "
    "When you get back, you can think about what happened in a calmer way.",
    "steps": [
        "Go out for ten or twenty minutes.",
        "Leave your phone in your pocket.",
        "Write down what you recall when you get home.",
    ],
    "avoid": ["Going over every answer while you walk."],
    "theme": "mindset",
    "stage": "right-after",
    "situations": ["nerves", "blank-mind"],
    "sources": {
        "careeraddict-2013": "Take time to calm down before you think the interview through.",
        "taledo-2016": "Do something for yourself first, then look back at what went wrong.",
    },
}

HOSTILE = (
    "<script>alert(1)</script> {{ config.site_name }} [click](javascript:alert(1)) key: value - item # note & *x !tag"
)
HOSTILE_TIP = {
    "title": "Say it <script>alert('t')</script> {{ 7*7 }}",
    "summary": HOSTILE,
    "why": HOSTILE + '\n\n"quoted" \\back\\slash\ttab: {% raw %} ]]> <!-- -->',
    "steps": [HOSTILE, "- dash: colon # hash", "? key | pipe > fold %tag @at `tick`"],
    "avoid": ["&anchor *alias !!python/object:os.system ''"],
    "theme": "mindset",
    "stage": "right-after",
    "situations": ["nerves"],
    "sources": {"careeraddict-2013": "<img src=x onerror=alert(1)> javascript:alert(2) {{ '' }}"},
}
# Hostile in shape but fair in content: YAML syntax, template braces and quotes pass the check and
# must come out on the theme page as the very text typed.
INERT_TIP = {
    "title": 'Say "yes: please" & {{ thanks }}',
    "summary": "Keep it short: say #1 thanks, then {{ stop }} & wait - calmly.",
    "why": "It helps to be kind. Say thanks: it costs you little! Then {% stop %} and wait. "
    "Use a short note, with 'quotes' and \\ back slashes if you like.",
    "steps": [
        "Write: thanks for your time & help.",
        "{{ config.site_name }} is just text here.",
        "Send it; then wait a day or two. ? ok",
    ],
    "avoid": ["*Rushing* it: ! & | > %"],
    "theme": "follow-up",
    "stage": "right-after",
    "situations": ["nerves"],
    "sources": {"tropicana-2018": "Send a short note to thank them: {{ it }} shows good manners & care."},
}


def fill(page, tip: dict):
    """Fill the form as a reader would: every field found through its visible label."""
    page.get_by_label("Title", exact=True).fill(tip["title"])
    page.get_by_label("Summary", exact=True).fill(tip["summary"])
    page.get_by_label("Why it helps", exact=True).fill(tip["why"])
    page.get_by_label("Steps", exact=True).fill("\n".join(tip["steps"]))
    page.get_by_label("Things to avoid", exact=True).fill("\n".join(tip["avoid"]))
    page.get_by_label("Theme", exact=True).select_option(label=THEMES[tip["theme"]]["title"])
    page.get_by_label("Stage", exact=True).select_option(label=STAGES[tip["stage"]]["title"])
    situations = page.get_by_role("group", name="Situations")
    for situation in tip["situations"]:
        situations.get_by_label(SITUATIONS[situation]["title"], exact=True).check()
    sources = page.get_by_role("group", name="Sources")
    for source_id, says in tip["sources"].items():
        source = SOURCES[source_id]
        sources.get_by_label(f"{source['publisher']}: {source['title']}", exact=True).check()
        label = f"What {source['publisher']} says in support, in “{source['title']}”"
        sources.get_by_label(label, exact=True).fill(says)


def proposed(page) -> tuple[str, str]:
    """The file name and the text that the "Propose on GitHub" link gives GitHub."""
    link = page.get_by_role("link", name="Propose on GitHub")
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPOSITORY}/new/main"
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert set(query) == {"filename", "value"}
    assert len(href.encode("utf-8")) < 8000
    return query["filename"][0], query["value"][0]


def expected_fields(tip: dict) -> dict:
    return {
        "title": tip["title"],
        "summary": tip["summary"],
        "why": tip["why"],
        "steps": tip["steps"],
        "avoid": tip["avoid"],
        "theme": tip["theme"],
        "stage": tip["stage"],
        "situations": tip["situations"],
        "sources": [{"id": source_id, "says": says} for source_id, says in tip["sources"].items()],
    }


def read_back(page, tip: dict) -> tuple[str, str, dict]:
    filename, text = proposed(page)
    tip_id = tip_id_from_title(tip["title"])
    assert filename == f"data/tips/{tip_id}.yaml"
    data = yaml.safe_load(text)
    assert data["id"] == tip_id and re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["last_reviewed"])
    assert {key: value for key, value in data.items() if key not in ("id", "last_reviewed")} == expected_fields(tip)
    return tip_id, text, data


def project_with(tmp_path: Path, filename: str, text: str) -> Path:
    project = copy_project(tmp_path / "project")
    (project / filename).write_text(text, encoding="utf-8")
    return project


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.commands.check"], cwd=project, capture_output=True, text=True, timeout=120
    )


def theme_page_with_tip(tmp_path: Path, tip_id: str, text: str, theme: str) -> str:
    """The HTML of `theme`'s page, once the tip file passes `make check` and the site builds with it."""
    project = project_with(tmp_path, f"data/tips/{tip_id}.yaml", text)
    result = check(project)
    assert result.returncode == 0, result.stderr
    assert build(project).returncode == 0
    return (project / "site" / "themes" / theme / "index.html").read_text(encoding="utf-8")


def page_problems(page) -> list[str]:
    return page.locator("[data-ir-problems] [data-ir-problem]").evaluate_all(
        "items => items.map(item => item.dataset.irProblem)"
    )


def checker_problems(output: str, filename: str) -> list[str]:
    return [line.split(": ", 1)[1] for line in output.splitlines() if line.startswith(filename + ":")]


def test_a_tip_typed_into_the_form_passes_the_check_and_builds_onto_its_theme_page(suggest_page, tmp_path):
    page = suggest_page()
    verdict = page.locator("[data-ir-verdict]")
    page.get_by_label("Title", exact=True).fill(GOOD_TIP["title"])
    expect(page.locator("[data-ir-problems]")).to_contain_text("E201 missing required field 'theme'")
    expect(page.locator(".ir-suggest__preview .ir-tip__title")).to_have_text(GOOD_TIP["title"])
    fill(page, GOOD_TIP)
    expect(verdict).to_have_text("No problems found: the tip passes the checks.")
    preview = page.locator(".ir-suggest__preview article.ir-tip")
    expect(preview.locator(".ir-tip__summary")).to_have_text(GOOD_TIP["summary"])
    expect(preview.locator(".ir-do ol li")).to_have_text(GOOD_TIP["steps"])
    expect(preview.locator(".ir-dont ul li")).to_have_text(GOOD_TIP["avoid"])
    expect(preview.locator(".ir-tip__when")).to_have_text("When: " + STAGES["right-after"]["title"])
    expect(preview.locator(".ir-tip__sources")).to_have_text("2 sources give this advice:")
    expect(preview.locator(".ir-tip__publishers li")).to_have_text(["CareerAddict", "Taledo blog"])

    tip_id, text, _ = read_back(page, GOOD_TIP)
    theme_page = theme_page_with_tip(tmp_path, tip_id, text, "mindset")
    assert f'id="tip-{tip_id}"' in theme_page and GOOD_TIP["title"] in theme_page


def test_a_title_whose_id_is_already_a_tip_is_refused_with_its_fix(suggest_page):
    """Only the page can see this one (the proposed file would be the existing tip's file): its words
    come from the build, like the checks' own."""
    page = suggest_page()
    fill(page, {**GOOD_TIP, "title": "Send a thank-you note"})
    problems = page.locator("[data-ir-problems]")
    expect(problems).to_contain_text("a tip with the id 'send-a-thank-you-note' already exists")
    expect(problems).to_contain_text("Improve that tip instead, or choose a title that says something different.")
    assert [line.split()[0] for line in page_problems(page)] == ["E302"]
    expect(page.locator("[data-ir-verdict]")).not_to_have_text("No problems found: the tip passes the checks.")


def test_the_page_reports_what_the_checker_reports(suggest_page, tmp_path):
    """Too long, shouting, two sentences, a tag, a stray link, run-together steps: the same codes, places
    and words on the page as from `python -m macros.commands.check`."""
    page = suggest_page()
    tip = {
        **GOOD_TIP,
        "title": "TAKE A SHORT WALK BEFORE YOU LOOK BACK",
        "summary": "Walk it off. Then think it over <b>calmly</b>.",
        "why": GOOD_TIP["why"] + " Read [this](https://example.org/walk) and go out in the fresh air, since a "
        "walk can be a good way to clear your head when everything feels far too much.",
        "steps": ["Go out for a bit. - Then come back.", "Write it down."],
        "sources": {"careeraddict-2013": "x" * 301},
    }
    fill(page, tip)
    shown = page_problems(page)
    assert {line.split()[0] for line in shown} >= {"S401", "S404", "S405", "S406", "S407", "S408", "E205"}
    _, text = proposed(page)
    project = project_with(tmp_path, "data/tips/take-a-short-walk-before-you-look-back.yaml", text)
    result = check(project)
    assert result.returncode == 1
    # The schema problem (too long) stops the checker before the style rules, as it does a reader.
    assert checker_problems(result.stderr, "data/tips/take-a-short-walk-before-you-look-back.yaml") == [
        line for line in shown if line.startswith("E")
    ]
    careeraddict = SOURCES["careeraddict-2013"]
    page.get_by_label(f"What CareerAddict says in support, in “{careeraddict['title']}”", exact=True).fill(
        "Take time to calm down first."
    )
    shown = page_problems(page)
    _, text = proposed(page)
    (project / "data/tips/take-a-short-walk-before-you-look-back.yaml").write_text(text, encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert sorted(checker_problems(result.stderr, "data/tips/take-a-short-walk-before-you-look-back.yaml")) == sorted(
        shown
    )


def test_hostile_text_reads_back_exactly_and_the_check_refuses_it(suggest_page, tmp_path):
    page = suggest_page()
    fill(page, HOSTILE_TIP)
    tip_id, text, data = read_back(page, HOSTILE_TIP)
    assert page.evaluate("window.__ran") is None
    assert page.locator(".ir-suggest__preview script, .ir-suggest__preview img").count() == 0
    expect(page.locator(".ir-suggest__preview .ir-tip__summary")).to_have_text(HOSTILE)
    shown = {line.split()[0] for line in page_problems(page)}
    assert {"S406", "S407"} <= shown
    project = project_with(tmp_path, f"data/tips/{tip_id}.yaml", text)
    result = check(project)
    assert result.returncode == 1
    found = {line.split()[0] for line in checker_problems(result.stderr, f"data/tips/{tip_id}.yaml")}
    assert {"S406", "S407"} <= found and found <= shown | {"E208"}


def test_hostile_but_fair_text_passes_and_shows_as_plain_text_on_its_theme_page(suggest_page, tmp_path):
    page = suggest_page()
    fill(page, INERT_TIP)
    expect(page.locator("[data-ir-verdict]")).to_have_text("No problems found: the tip passes the checks.")
    tip_id, text, _ = read_back(page, INERT_TIP)
    html = theme_page_with_tip(tmp_path, tip_id, text, "follow-up")
    article = re.search(rf'<article class="ir-tip" id="tip-{tip_id}".*?</article>', html, re.S).group(0)
    assert "{{" not in article and "{%" not in article and "&#123;&#123; thanks &#125;&#125;" in article
    assert "<script" not in article and "javascript:" not in article
    plain_page = page.context.new_page()
    plain_page.set_content("<!doctype html><meta charset=utf-8><body>" + article + "</body>")
    shown = plain_page.locator("article").inner_text()
    for value in (INERT_TIP["title"], INERT_TIP["summary"], INERT_TIP["steps"][1]):
        assert value in shown


def test_a_long_tip_is_offered_as_a_copy_and_a_download_instead(suggest_page):
    page = suggest_page(permissions=["clipboard-read", "clipboard-write"])
    long_tip = {
        **GOOD_TIP,
        "why": " ".join(["Walk on, ça va, and breathe out slowly: «éèê»."] * 40),
        "steps": ["Walk on, ça va « é » " * 8] * 6,
        "avoid": ["Rushing, « é »; ça va " * 8] * 6,
    }
    fill(page, long_tip)
    expect(page.get_by_role("link", name="Propose on GitHub")).to_be_hidden()
    fallback = page.locator("[data-ir-fallback]")
    expect(fallback).to_be_visible()
    tip_id = tip_id_from_title(long_tip["title"])
    new_file = fallback.get_by_role("link", name="open GitHub’s new file page")
    assert new_file.get_attribute("href") == f"{REPOSITORY}/new/main?filename=data/tips/{tip_id}.yaml"
    page.get_by_role("button", name="Copy the tip file").click()
    status = page.locator("[data-ir-suggest] [role=status][data-ir-status]")
    expect(status).to_contain_text("The tip file is copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    data = yaml.safe_load(copied)
    assert data["why"] == long_tip["why"] and data["steps"] == long_tip["steps"]
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the tip file").click()
    download = download_info.value
    assert download.suggested_filename == f"{tip_id}.yaml"
    assert Path(download.path()).read_text(encoding="utf-8") == copied
    expect(status).to_contain_text(f"downloading as {tip_id}.yaml")
    # Shortened again, the link comes back.
    page.get_by_label("Why it helps", exact=True).fill(GOOD_TIP["why"])
    page.get_by_label("Steps", exact=True).fill("\n".join(GOOD_TIP["steps"]))
    page.get_by_label("Things to avoid", exact=True).fill("")
    expect(page.get_by_role("link", name="Propose on GitHub")).to_be_visible()
    expect(fallback).to_be_hidden()


READING_TEXTS = [
    "The cat sat on the mat. It was a sunny day in the park.",
    GOOD_TIP["why"],
    "Subsequently, reconceptualise the organisational responsibilities. Unquestionably!",
    "Don't panic: it's fine… Really? Yes. ça va, naïve café-au-lait, 2nd of 3 — okay.",
    "One. Two words. Three more words here! And a much longer sentence that goes on for a while, "
    "with commas, semicolons; and dashes - to end it.",
    "",
    "...!?",
    "_under_score *emphasis* [link](https://example.org) `code` ﬁne ﬂow ÉCOLE İstanbul straße",
    "Send a short thank-you note anyway. Even if you think you have no chance, a brief thank-you email shows you "
    "are professional and keeps you in their mind.",
]


def test_the_page_counts_reading_ease_as_the_checker_does(suggest_page):
    page = suggest_page()
    found = page.evaluate(
        "texts => texts.map(text => window.InterviewRebound.suggest.readingEase(text))", READING_TEXTS
    )
    assert found == [reading_ease(text) for text in READING_TEXTS]
    for path in sorted((PROJECT / "data" / "tips").glob("*.yaml"))[:12]:
        tip = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = " ".join([tip["title"], tip["summary"], tip["why"], *tip["steps"]])
        assert page.evaluate("text => window.InterviewRebound.suggest.readingEase(text)", text) == reading_ease(text)


def test_the_page_makes_the_same_ids_as_new_tip(suggest_page):
    page = suggest_page()
    titles = ["Don't panic: breathe!", "Café & crème — naïve", "A " + "very-long " * 12 + "title", "!!!", "ＡＢＣ 123"]
    found = page.evaluate("titles => titles.map(t => window.InterviewRebound.suggest.tipId(t, 60))", titles)
    assert found == [tip_id_from_title(title) for title in titles]


def test_nothing_typed_is_kept_or_sent(suggest_page):
    page = suggest_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    fill(page, GOOD_TIP)
    proposed(page)
    assert requests == []
    # Material keeps its own few settings in storage; none of them holds anything typed.
    stored = page.evaluate("""() => [localStorage, sessionStorage].flatMap(store =>
      Object.keys(store).map(key => key + "=" + store.getItem(key))).join("\\n")""")
    assert not any(word in stored for word in ("walk", "calm", "CareerAddict", "interview-rebound:"))
    assert page.evaluate("document.cookie") == ""
    assert page.locator("[data-ir-suggest] form[action], [data-ir-suggest] form[method]").count() == 0


def test_the_page_is_built_from_the_data_and_loads_its_script_alone(built_site):
    html = (built_site / "contribute" / "suggest-a-tip" / "index.html").read_text(encoding="utf-8")
    assert html.count("assets/js/suggest.js") == 1
    for other in (built_site / "index.html", built_site / "contribute" / "add-a-tip" / "index.html"):
        assert "suggest.js" not in other.read_text(encoding="utf-8")
    for theme in THEMES.values():
        assert f">{theme['title']}</option>" in html
    for situation in SITUATIONS.values():
        assert f">{situation['title']}</label>" in html.replace("&#39;", "'").replace("&amp;", "&")
    rules = json.loads((built_site / "api" / "v1" / "rules.json").read_text(encoding="utf-8"))
    assert rules["limits"]["title"]["maxLength"] == 65 and rules["writing"]["limits"]["min_reading_ease"] == 60
    assert set(rules["sources"]) == set(SOURCES)
    assert f'href="{REPOSITORY}/issues/new?template=suggest-a-tip.yml"' in html


def test_without_javascript_the_page_points_to_the_issue_form(visit):
    page = visit(PAGE, java_script_enabled=False).page
    expect(page.get_by_role("link", name="suggest the tip in the issue form")).to_have_attribute(
        "href", f"{REPOSITORY}/issues/new?template=suggest-a-tip.yml"
    )
    assert page.locator("[data-ir-suggest-form]").is_hidden()
    assert (
        page.get_by_role("link", name="Propose on GitHub").count() == 0
        or page.get_by_role("link", name="Propose on GitHub").is_hidden()
    )


def test_every_string_is_written_so_that_yaml_reads_it_back_exactly(suggest_page):
    page = suggest_page()
    texts = [
        "plain",
        "",
        " leading and trailing ",
        "key: value",
        "- item",
        "# hash",
        "&anchor",
        "*alias",
        "!tag",
        "!!python/object/apply:os.system ['ls']",
        "'single'",
        '"double"',
        "back\\slash",
        "tab\there",
        "line\nbreak",
        "cr\rlf\r\n",
        "nul\x00bell\x07esc\x1b",
        "del\x7f c1\x85\x9f nbsp\xa0",
        "line sep\u2028para sep\u2029",
        "bom\ufeff rlo\u202e zwsp\u200b",
        "emoji 🙂 and 𝔘",
        "{{ x }} {% y %}",
        "<script>alert(1)</script>",
        "---",
        "...",
        "? x",
        "| block",
        "> fold",
        "%YAML 1.1",
        "@at `tick`",
        "null",
        "true",
        "0x10",
        "1e3",
        "2026-11-30",
        "~",
        "\uffff\ufffe end",
    ]
    written = page.evaluate("texts => texts.map(text => window.InterviewRebound.suggest.quoted(text))", texts)
    for text, scalar in zip(texts, written, strict=True):
        assert "\n" not in scalar, scalar
        assert yaml.safe_load(f"value: {scalar}\n") == {"value": text}, scalar
