"""The tools as built HTML: the recovery checklist, the reflection worksheet and the follow-up notes.

Each is rendered from data/, works as plain HTML (controls that need JavaScript carry `hidden`),
and carries no inline script, handler or style. What a person clicks, keeps and prints is tested
in a real browser in test_tools_browser.py.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from macros.render import mailto, placeholder_parts, with_labels
from support.html import Page
from support.project import PROJECT
from support.yamlfiles import load_yaml

TOOL_PAGES = ["checklist", "worksheet", "notes"]


CHECKLIST = load_yaml("data/checklists/recovery.yaml")
REFLECTION = load_yaml("data/reflection.yaml")
STAGES = {stage["id"]: stage for stage in load_yaml("data/stages.yaml")["stages"]}
NOTES = [load_yaml(f"data/templates/{path.name}") for path in sorted((PROJECT / "data" / "templates").glob("*.yaml"))]
TIPS = {path.stem: load_yaml(f"data/tips/{path.name}") for path in (PROJECT / "data" / "tips").glob("*.yaml")}


def page(built_site, name: str) -> str:
    return (built_site / name / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br>", " ", html)))).strip()


def element(html: str, tag: str, element_id: str) -> str:
    """The whole element with this id, nested elements of the same tag included."""
    start = re.search(rf'<{tag}\b[^>]*\bid="{re.escape(element_id)}"', html)
    assert start, f"no <{tag} id={element_id}>"
    depth = 0
    for match in re.finditer(rf"<(/?){tag}\b[^>]*>", html[start.start() :]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return html[start.start() : start.start() + match.end()]
    raise AssertionError(f"<{tag} id={element_id}> is never closed")


# ---- the recovery checklist ----------------------------------------------------


def test_checklist_has_every_item_as_a_labelled_checkbox_grouped_by_stage(built_site):
    html = page(built_site, "checklist")
    tags = Page(html)
    positions = []
    for group in CHECKLIST["groups"]:
        fieldset = element(html, "fieldset", f"checklist-recovery-{group['stage']}")
        legend = re.search(r"<legend[^>]*>(.*?)</legend>", fieldset, re.S)
        assert legend and STAGES[group["stage"]]["title"] in text_of(legend.group(1))
        for item in group["items"]:
            box_id = f"check-recovery-{item['id']}"
            [box] = tags.find("input", id=box_id)
            assert box["type"] == "checkbox" and box["data-ir-item"] == item["id"]
            assert f'<input class="ir-checkbox" type="checkbox" id="{box_id}"' in fieldset
            label = re.search(rf'<label [^>]*for="{box_id}">(.*?)</label>', fieldset, re.S)
            assert label and text_of(label.group(1)) == text_of(item["text"])
            tip = TIPS[item["tip"]]
            assert f'href="../themes/{tip["theme"]}/#tip-{tip["id"]}"' in fieldset
            positions.append(html.index(box_id))
    assert positions == sorted(positions), "items are out of the order of the data"


def test_checklist_controls_that_need_javascript_start_hidden(built_site):
    html = element(page(built_site, "checklist"), "div", "checklist-recovery")
    for button in re.findall(r"<button\b[^>]*>", html):
        assert re.search(r"<div [^>]*data-ir-needs-js hidden>(?:(?!</div>).)*" + re.escape(button), html, re.S), button
    assert 'role="status"' in html
    assert "on this device only" in html


def test_print_shows_the_site_address(built_site):
    for name in ("checklist", "worksheet"):
        html = page(built_site, name)
        assert re.search(
            rf'<p class="ir-print-only[^"]*">[^<]*interview-rebound\.github\.io/interview-rebound/{name}/</p>', html
        ), name


# ---- the reflection worksheet --------------------------------------------------


def test_worksheet_has_a_labelled_text_area_and_ruled_lines_for_every_prompt_and_list(built_site):
    html = page(built_site, "worksheet")
    tags = Page(html)
    for prompt in REFLECTION["prompts"]:
        item = element(html, "li", f"prompt-{prompt['id']}")
        assert re.search(rf'<label [^>]*for="answer-{prompt["id"]}">{re.escape(prompt["question"])}</label>', item)
        assert text_of(prompt["hint"]) in text_of(item)
        [area] = tags.find("textarea", id=f"answer-{prompt['id']}")
        assert area["data-ir-answer"] == prompt["id"]
        assert area["aria-describedby"] == f"answer-{prompt['id']}-hint"
        assert item.count("<span></span>") == 5, "five ruled lines to write on, on paper"
        tip = TIPS[prompt["tip"]]
        assert f'href="../themes/{tip["theme"]}/#tip-{tip["id"]}"' in item
    lists = html[html.index('id="worksheet-lists-title"') :]
    assert "do's and don'ts" in text_of(lists[:200]).lower()
    for entry in REFLECTION["lists"]:
        block = element(lists, "div", f"list-{entry['id']}")
        assert re.search(rf'<label for="answer-list-{entry["id"]}">{re.escape(entry["title"])}</label>', block)
        [area] = tags.find("textarea", id=f"answer-list-{entry['id']}")
        assert area["data-ir-answer"] == f"list:{entry['id']}"
        assert block.count("<span></span>") == 6


# ---- the follow-up notes -------------------------------------------------------


@pytest.mark.parametrize("note", NOTES, ids=[note["id"] for note in NOTES])
def test_each_note_shows_its_gaps_guidance_tips_and_sources(built_site, note):
    section = element(page(built_site, "notes"), "section", f"note-{note['id']}")
    text = text_of(section)
    assert note["title"] in text and note["use_when"].replace("'", "'") in unescape(text)
    labels = {placeholder["id"]: placeholder["label"] for placeholder in note["placeholders"]}
    # every gap is listed, with its example, and has a labelled field in the form
    for placeholder in note["placeholders"]:
        field_id = f"note-{note['id']}-{placeholder['id']}"
        assert re.search(rf'<label class="ir-field__label" for="{field_id}">', section)
        assert f'id="{field_id}"' in section
        assert f"[{placeholder['label']}]" in unescape(section)
        assert placeholder["example"] in unescape(section)
    # the email reads with each gap as a highlighted [Label]
    expected = re.sub(r"\{(\w+)\}", lambda match: f"[{labels[match.group(1)]}]", note["body"])
    body = re.search(r'<div class="ir-note__body" data-ir-text="body">(.*?)</div>', section, re.S).group(1)
    paragraphs = [text_of(part) for part in re.findall(r"<p>(.*?)</p>", body, re.S)]
    assert paragraphs == [text_of(part) for part in expected.split("\n\n")]
    gaps = re.findall(r'<mark class="ir-placeholder" data-ir-placeholder="(\w+)">\[([^<]*)\]</mark>', section)
    assert {name for name, _ in gaps} == set(labels)
    assert all(unescape(label) == labels[name] for name, label in gaps)
    # short guidance, and the tips and sources it follows
    for advice in note["guidance"]:
        assert advice in unescape(text)
    for tip_id in note["tips"]:
        tip = TIPS[tip_id]
        assert f'href="../themes/{tip["theme"]}/#tip-{tip_id}"' in section
    for source_id in note["sources"]:
        assert f'href="../sources/#source-{source_id}"' in section
    # the form and copy buttons need JavaScript: hidden until it runs; the email link works without
    assert re.search(r"<form [^>]*data-ir-needs-js hidden>", section)
    for button in re.findall(r"<button\b[^>]*>", section):
        assert "data-ir-needs-js hidden" in button
    assert re.search(r'<p class="ir-toolbar__status" role="status"', section)


@pytest.mark.parametrize("note", NOTES, ids=[note["id"] for note in NOTES])
def test_email_link_carries_subject_and_body_with_gaps_properly_encoded(built_site, note):
    section = element(page(built_site, "notes"), "section", f"note-{note['id']}")
    href = unescape(re.search(r'<a [^>]*data-ir-mailto href="([^"]+)"', section).group(1))
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == ""
    fields = dict(pair.split("=", 1) for pair in parts.query.split("&"))
    assert set(fields) == {"subject", "body"}
    for value in fields.values():
        assert re.fullmatch(r"[A-Za-z0-9%._~-]*", value), "every reserved character, space and line break encoded"
    labels = {placeholder["id"]: placeholder["label"] for placeholder in note["placeholders"]}
    fill = lambda text: re.sub(r"\{(\w+)\}", lambda match: f"[{labels[match.group(1)]}]", text)  # noqa: E731
    assert unquote(fields["subject"]) == fill(note["subject"])
    assert unquote(fields["body"]) == fill(note["body"]).replace("\n", "\r\n")


def test_notes_come_in_the_order_a_reader_needs_them(built_site):
    html = page(built_site, "notes")
    order = [html.index(f'<section class="ir-note" id="note-{note["id"]}"') for note in NOTES]
    stage_order = {stage_id: stage["order"] for stage_id, stage in STAGES.items()}
    by_position = [note for _, note in sorted(zip(order, NOTES, strict=True), key=lambda pair: pair[0])]
    stages = [stage_order[TIPS[note["tips"][0]]["stage"]] for note in by_position]
    assert stages == sorted(stages)


def test_placeholder_helpers():
    assert placeholder_parts("Dear {name}, thanks {x}") == [
        ("text", "Dear "),
        ("placeholder", "name"),
        ("text", ", thanks "),
        ("placeholder", "x"),
    ]
    assert placeholder_parts("a stray { brace") == [("text", "a stray { brace")]
    placeholders = [{"id": "name", "label": "Their name", "example": "Alex"}]
    assert with_labels("Hi {name}!", placeholders) == "Hi [Their name]!"
    link = mailto({"subject": "Hi & {name}?", "body": "Line one\nLine 2 + more", "placeholders": placeholders})
    assert link == "mailto:?subject=Hi%20%26%20%5BTheir%20name%5D%3F&body=Line%20one%0D%0ALine%202%20%2B%20more"


# ---- all three pages -----------------------------------------------------------


@pytest.mark.parametrize("name", TOOL_PAGES)
def test_tool_pages_have_no_inline_script_handler_or_style(built_site, name):
    html = page(built_site, name)
    content = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S).group(1)
    assert "<script" not in content
    assert not re.search(r"\son[a-z]+\s*=", content), "inline event handler"
    assert not re.search(r"\sstyle\s*=", content), "inline style"
    assert "<!-- Rendered from data/" in content
    scripts = re.findall(r'<script src="\.\./assets/js/([\w-]+)\.js"', html)
    # search-on-demand runs before the theme's script on every page; then only what this page needs, shared.js first
    assert scripts == ["search-on-demand", "scroll-regions", "shared", name]
    styles = re.findall(r'<link rel="stylesheet" href="\.\./assets/([\w-]+)\.css"', html)
    assert styles == ["tools", "interview-rebound", "print"]  # print.css last, so paper wins


def test_pages_without_tools_load_none_of_their_scripts_or_styles(built_site):
    for name in ("", "timeline", "themes/mindset", "sources", "contribute/add-a-tip"):
        html = page(built_site, name)
        assert re.findall(r'<script src="[./]*assets/js/([\w-]+)\.js"', html) == [
            "search-on-demand",
            "scroll-regions",
        ], name
        assert re.findall(r'<link rel="stylesheet" href="[./]*assets/([\w-]+)\.css"', html) == [
            "interview-rebound",
            "print",
        ], name


def test_tools_are_in_the_navigation_after_the_two_starting_points_and_on_the_home_page(built_site):
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))
    titles = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in config["nav"]]
    # A reader starts with the steps or the guide; the tools come next, before browsing by theme.
    assert titles[:5] == ["Home", "Step by step", "What happened?", "Tools", "Themes"]
    tools = config["nav"][titles.index("Tools")]["Tools"]
    assert [next(iter(entry.values())) for entry in tools] == ["checklist.md", "worksheet.md", "notes.md"]
    home = page(built_site, "").split('id="where-to-start"', 1)[1].split("<h2", 1)[0]
    for name in TOOL_PAGES:
        assert f'href="{name}/"' in home, name
