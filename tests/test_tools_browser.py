"""The tools in Debian's Chromium: what a person ticks, types, copies, keeps, downloads and prints.

The recovery checklist, the reflection worksheet and the follow-up notes, driven through
Playwright on the built site. Printing is checked on the PDF Chromium makes (pages counted and
text read with pypdf, colours read from its drawing operations), in the dark palette, on A4 and on
US Letter, with and without JavaScript. The `visit` fixture fails any test that logs a console error.
"""

from __future__ import annotations

import base64
import io
import itertools
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlparse, urlsplit

import pytest
import yaml
from playwright.sync_api import expect
from pypdf import PdfReader
from pypdf.generic import ContentStream

from macros.limits import MAX_CHECKLIST_ITEM_WORDS, MAX_CHECKLIST_ITEMS, MAX_REFLECTION
from support.project import PROJECT, build, copy_project
from support.server import serve
from support.yamlfiles import load_yaml

CHECKLIST = load_yaml("data/checklists/recovery.yaml")
ITEMS = [item for group in CHECKLIST["groups"] for item in group["items"]]
REFLECTION = load_yaml("data/reflection.yaml")
NOTES = {
    path.stem: load_yaml(f"data/templates/{path.name}") for path in (PROJECT / "data" / "templates").glob("*.yaml")
}
SITE_ADDRESS = load_yaml("mkdocs.yml")["site_url"].split("://", 1)[1]

CHECK_KEY = "interview-rebound:checklist:recovery:"
ANSWER_KEY = "interview-rebound:worksheet:"
# Material keeps the reader's palette choice in localStorage, under the site's path.
DARK_PALETTE = """localStorage.setItem("/.__palette", JSON.stringify({index: 1, color: {
  media: "(prefers-color-scheme: dark)", scheme: "slate", primary: "indigo", accent: "indigo"}}));"""
# window.print() would open the print dialog: count the calls instead.
COUNT_PRINTS = "window.print = () => { window.__prints = (window.__prints || 0) + 1; };"
PAPER = ["A4", "Letter"]
CONTROLS = ".ir-tool a[href], .ir-tool button, .ir-tool input, .ir-tool textarea"


@pytest.fixture
def open_tool(visit, site_url):
    """Open a tool page, optionally in the dark palette (chosen in Material and by the system)."""

    def open_page(path: str, dark: bool = False, **context_options):
        if dark:
            context_options["color_scheme"] = "dark"
        result = visit(None, **context_options)
        if dark:
            result.page.add_init_script(DARK_PALETTE)
        if context_options.get("java_script_enabled", True):
            result.page.add_init_script(COUNT_PRINTS)
        result.page.goto(site_url + path)
        if dark:
            assert result.page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        return result.page

    return open_page


def printed(page, paper: str) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(format=paper)))


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()


def pdf_text(pdf: PdfReader) -> str:
    return words(" ".join(page.extract_text() for page in pdf.pages))


def pdf_colours(pdf: PdfReader) -> tuple[set, set]:
    """(every colour the pages set, the fill colour and opacity of every piece of text).

    Reads the drawing operations of each page and of the form objects it draws; an image, which
    could hold any colour, counts as a colour of its own."""
    to_rgb = {
        b"rg": lambda ops: tuple(ops),
        b"RG": lambda ops: tuple(ops),
        b"g": lambda ops: tuple(ops) * 3,
        b"G": lambda ops: tuple(ops) * 3,
        b"k": lambda ops: tuple(1 - min(1, ops[i] + ops[3]) for i in range(3)),
        b"K": lambda ops: tuple(1 - min(1, ops[i] + ops[3]) for i in range(3)),
    }
    colours, text_fills = set(), set()

    def read(stream, resources, fill, opacity):
        resources = resources.get_object() if resources else {}
        objects = resources.get("/XObject", {})
        states = resources.get("/ExtGState", {})
        stack = []
        for operands, operator in ContentStream(stream, pdf).operations:
            if operator in to_rgb:
                colour = tuple(round(float(value), 3) for value in to_rgb[operator]([float(v) for v in operands]))
                colours.add(colour)
                if operator.islower():
                    fill = colour
            elif operator == b"gs":
                opacity = float(states.get_object()[operands[0]].get_object().get("/ca", opacity))
            elif operator in (b"sc", b"scn", b"SC", b"SCN", b"cs", b"CS", b"sh", b"BI"):
                colours.add(("not plain grey", operator))
            elif operator == b"q":
                stack.append((fill, opacity))
            elif operator == b"Q" and stack:
                fill, opacity = stack.pop()
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                text_fills.add((fill, round(opacity, 3)))
            elif operator == b"Do":
                drawn = objects.get_object()[operands[0]].get_object()
                if drawn.get("/Subtype") == "/Form":
                    read(drawn, drawn.get("/Resources"), fill, opacity)
                else:
                    colours.add(("image", str(operands[0])))

    for page in pdf.pages:
        read(page.get_contents(), page["/Resources"], (0.0, 0.0, 0.0), 1.0)
    return colours, text_fills


def dark_share(page, png: bytes) -> float:
    """The share of dark pixels in a screenshot, counted by the browser itself on a canvas."""
    probe = page.context.new_page()
    try:
        return probe.evaluate(
            """async (data) => {
          const image = new Image();
          image.src = "data:image/png;base64," + data;
          await image.decode();
          const canvas = document.createElement("canvas");
          canvas.width = image.width;
          canvas.height = image.height;
          const context = canvas.getContext("2d");
          context.drawImage(image, 0, 0);
          const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
          let dark = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 3 * 100) dark += 1;
          }
          return dark / (pixels.length / 4);
        }""",
            base64.b64encode(png).decode(),
        )
    finally:
        probe.close()


def stored(page, prefix: str) -> dict:
    return page.evaluate(
        """(prefix) => Object.fromEntries(Object.keys(localStorage)
        .filter((key) => key.startsWith(prefix)).map((key) => [key, localStorage.getItem(key)]))""",
        prefix,
    )


def box(page, item_id: str):
    return page.locator(f"#check-recovery-{item_id}")


# ---- the recovery checklist ------------------------------------------------------


def test_ticks_survive_a_reload_and_start_over_clears_them(open_tool, site_url):
    page = open_tool("checklist/")
    assert page.get_by_text("on this device only").is_visible()
    sent = []
    page.on("request", lambda request: sent.append((request.method, urlparse(request.url).netloc)))
    chosen = [ITEMS[0]["id"], ITEMS[5]["id"], ITEMS[-1]["id"]]
    for item_id in chosen:
        page.get_by_label(next(item["text"] for item in ITEMS if item["id"] == item_id)).check()
    assert stored(page, CHECK_KEY) == {CHECK_KEY + item_id: "1" for item_id in chosen}
    assert page.get_by_text(f"You have ticked 3 of {len(ITEMS)} steps.").is_visible()

    page.reload()
    for item in ITEMS:
        assert box(page, item["id"]).is_checked() == (item["id"] in chosen), item["id"]

    box(page, chosen[1]).uncheck()
    page.reload()
    assert [item["id"] for item in ITEMS if box(page, item["id"]).is_checked()] == [chosen[0], chosen[2]]

    page.get_by_role("button", name="Start over").click()
    expect(page.get_by_role("status").filter(has_text="All ticks cleared")).to_be_visible()
    assert not any(box(page, item["id"]).is_checked() for item in ITEMS)
    assert stored(page, CHECK_KEY) == {}
    page.get_by_role("button", name="Undo").click()
    assert [item["id"] for item in ITEMS if box(page, item["id"]).is_checked()] == [chosen[0], chosen[2]]
    page.get_by_role("button", name="Start over").click()
    page.reload()
    assert not any(box(page, item["id"]).is_checked() for item in ITEMS)
    # nothing left the device: no cookie, and no request but the page's own files
    assert page.context.cookies() == []
    assert {method for method, _ in sent} == {"GET"} and {host for _, host in sent} == {urlparse(site_url).netloc}


def test_ticks_are_kept_by_item_id_so_new_or_reordered_items_never_inherit_one(open_tool):
    """Ticks saved on an earlier visit (one for an item since removed) land on their own items only."""
    page = open_tool("checklist/")
    saved = [ITEMS[3]["id"], ITEMS[11]["id"]]
    page.evaluate(
        "(keys) => keys.forEach((key) => localStorage.setItem(key, '1'))",
        [CHECK_KEY + item_id for item_id in saved] + [CHECK_KEY + "an-item-since-removed"],
    )
    page.reload()
    assert [item["id"] for item in ITEMS if box(page, item["id"]).is_checked()] == saved
    assert page.get_by_text(f"You have ticked 2 of {len(ITEMS)} steps.").is_visible()
    page.get_by_role("button", name="Start over").click()
    assert stored(page, CHECK_KEY) == {}, "start over also clears ticks of removed items"


def test_without_storage_the_checklist_still_ticks_and_says_it_will_not_remember(visit, site_url):
    page = visit(None).page
    page.add_init_script("Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };")
    page.goto(site_url + "checklist/")
    assert page.get_by_text("This browser is not saving ticks").is_visible()
    box(page, ITEMS[0]["id"]).check()
    assert box(page, ITEMS[0]["id"]).is_checked()
    page.get_by_role("button", name="Start over").click()
    assert not box(page, ITEMS[0]["id"]).is_checked()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("paper", PAPER)
def test_checklist_prints_on_exactly_one_page_with_every_item(open_tool, paper, javascript):
    page = open_tool("checklist/", dark=javascript, java_script_enabled=javascript)
    if javascript:
        box(page, ITEMS[1]["id"]).check()
    pdf = printed(page, paper)
    assert len(pdf.pages) == 1
    text = pdf_text(pdf)
    assert text.startswith("Recovery checklist")
    for item in ITEMS:
        assert words(item["text"]) in text, item["id"]
    assert SITE_ADDRESS + "checklist/" in text.replace(" ", "")
    for chrome in ("Search", "Print the checklist", "Start over", "Why and how", "Interview Rebound", "CC BY"):
        assert chrome not in text, f"{chrome!r} is printed"


def assert_black_on_white(pdf: PdfReader):
    colours, text_fills = pdf_colours(pdf)
    assert text_fills == {((0.0, 0.0, 0.0), 1.0)}, "all text is solid black"
    assert (1.0, 1.0, 1.0) in colours, "the page is white"
    assert all(isinstance(colour[0], float) and colour[0] == colour[1] == colour[2] for colour in colours), (
        f"only black, white and greys on paper: {colours}"
    )


@pytest.mark.parametrize("paper", PAPER)
def test_printed_checklist_is_black_on_white_in_the_dark_palette(open_tool, paper):
    page = open_tool("checklist/", dark=True)
    box(page, ITEMS[2]["id"]).check()
    assert_black_on_white(printed(page, paper))


@pytest.mark.parametrize("path", ["checklist/", "worksheet/"])
def test_print_styles_make_every_text_solid_black_on_white(open_tool, path):
    page = open_tool(path, dark=True)
    page.emulate_media(media="print")
    found = page.evaluate("""() => {
      const colours = {};
      for (const el of document.querySelectorAll("article *")) {
        if (!el.getClientRects().length || getComputedStyle(el).visibility === "hidden") continue;
        if (![...el.childNodes].some((node) => node.nodeType === 3 && node.nodeValue.trim())) continue;
        const colour = getComputedStyle(el).color;
        colours[colour] = (colours[colour] || 0) + 1;
        for (let up = el; up; up = up.parentElement) {
          const background = getComputedStyle(up).backgroundColor;
          if (!["rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"].includes(background)) colours["background " + background] = 1;
        }
      }
      return colours;
    }""")
    assert set(found) == {"rgb(0, 0, 0)"}, found


def test_ticked_boxes_print_as_ticked(open_tool):
    page = open_tool("checklist/", dark=True)
    ticked, unticked = box(page, ITEMS[0]["id"]), box(page, ITEMS[1]["id"])
    ticked.check()
    page.emulate_media(media="print")
    assert ticked.is_visible() and unticked.is_visible()
    assert dark_share(page, ticked.screenshot()) > 0.5, "a ticked box prints filled in"
    assert dark_share(page, unticked.screenshot()) < 0.35, "an empty box prints empty, ready for a pen"
    assert page.locator(".ir-sheet__address").is_visible()
    assert not page.get_by_role("button", name="Print the checklist").is_visible()


def test_print_button_prints(open_tool):
    page = open_tool("checklist/")
    page.get_by_role("button", name="Print the checklist").click()
    assert page.evaluate("window.__prints") == 1


def test_without_javascript_the_checklist_shows_every_box_and_no_dead_buttons(open_tool):
    page = open_tool("checklist/", java_script_enabled=False)
    for item in ITEMS:
        assert page.get_by_label(item["text"]).is_visible()
    page.get_by_label(ITEMS[0]["text"]).check()  # a plain checkbox still ticks
    assert page.locator(".ir-tool button:visible").count() == 0
    assert page.get_by_text("on this device only").is_hidden()


# ---- the limits in the data checks keep the sheets on paper ------------------------

FILLER = "write down everything that happened during the interview including whatever surprised you most".split()


def longest_text(limit: int, max_words: int = 1000, end: str = ".") -> str:
    """Plain words up to the length limit, in sentences of 20 words (the style rules allow 25)."""
    words, count = itertools.cycle(FILLER), 0
    text = ""
    while True:
        word = next(words)
        separator = ". " if count and count % 20 == 0 else " "
        candidate = (text + separator + (word.capitalize() if separator == ". " else word)).strip()
        if len(candidate) + len(end) > limit or count + 1 > max_words:
            return text[0].upper() + text[1:] + end
        text, count = candidate, count + 1


def schema_limit(name: str, *path: str) -> int:
    node = json.loads((PROJECT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    for key in path:
        node = node[key]
    return node["maxLength"]


@pytest.fixture(scope="module")
def longest_site(tmp_path_factory):
    """The site built with as many, and as long, checklist items and questions as the data checks allow."""
    project = copy_project(tmp_path_factory.mktemp("longest"))
    item_props = ("properties", "groups", "items", "properties", "items", "items", "properties")
    prompt_props = ("properties", "prompts", "items", "properties")
    list_props = ("properties", "lists", "items", "properties")
    stages = [
        stage["id"] for stage in sorted(load_yaml("data/stages.yaml")["stages"], key=lambda stage: stage["order"])
    ]
    tips = [item["tip"] for item in ITEMS]
    checklist = {**CHECKLIST, "intro": longest_text(schema_limit("checklist", "properties", "intro")), "groups": []}
    for index in range(MAX_CHECKLIST_ITEMS):  # spread over every stage: one heading each
        if index < len(stages):
            checklist["groups"].append({"stage": stages[index], "items": []})
        checklist["groups"][index % len(stages)]["items"].append(
            {
                "id": f"item-{index}",
                "tip": tips[index % len(tips)],
                "text": longest_text(schema_limit("checklist", *item_props, "text"), MAX_CHECKLIST_ITEM_WORDS),
            }
        )
    reflection = {
        **REFLECTION,
        "intro": longest_text(schema_limit("reflection", "properties", "intro")),
        "prompts": [
            {
                "id": f"prompt-{index}",
                "tip": "reflect-after-a-day",
                "question": longest_text(schema_limit("reflection", *prompt_props, "question"), end="?"),
                "hint": longest_text(schema_limit("reflection", *prompt_props, "hint")),
            }
            for index in range(MAX_REFLECTION["prompts"])
        ],
        "lists": [
            {
                "id": f"list-{index}",
                "tip": "make-a-dos-and-donts-list",
                "title": longest_text(schema_limit("reflection", *list_props, "title"), end=""),
                "hint": longest_text(schema_limit("reflection", *list_props, "hint")),
            }
            for index in range(MAX_REFLECTION["lists"])
        ],
    }
    (project / "data" / "checklists" / "recovery.yaml").write_text(yaml.safe_dump(checklist), encoding="utf-8")
    (project / "data" / "reflection.yaml").write_text(yaml.safe_dump(reflection), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr

    with serve(project / "site") as url:
        yield url


@pytest.mark.parametrize("paper", PAPER)
def test_the_longest_data_the_checks_allow_still_prints_on_one_and_two_pages(browser, longest_site, paper):
    context = browser.new_context()
    errors = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(longest_site + "checklist/")
        assert page.locator(".ir-checkbox").count() == MAX_CHECKLIST_ITEMS
        assert len(printed(page, paper).pages) == 1
        page.goto(longest_site + "worksheet/")
        assert page.locator(".ir-worksheet__question").count() == MAX_REFLECTION["prompts"]
        assert len(printed(page, paper).pages) <= 2
    finally:
        context.close()
    assert errors == []


# ---- the reflection worksheet -----------------------------------------------------

ANSWERS = {
    "what-went-wrong": "I froze on the budget question.\nThen I rushed the rest.",
    "next-approach": "Practise the budget answer with Sam on Sunday.",
}
LISTS = {"keep-doing": "Smiling and asking questions\nMy project examples", "change": "- Rushing\n- Long answers"}


def fill_worksheet(page):
    for prompt_id, answer in ANSWERS.items():
        page.locator(f"#answer-{prompt_id}").fill(answer)
    for list_id, lines in LISTS.items():
        page.locator(f"#answer-list-{list_id}").fill(lines)


def test_answers_survive_a_reload_and_start_over_clears_them(open_tool):
    page = open_tool("worksheet/")
    assert page.get_by_text("on this device only").is_visible()
    fill_worksheet(page)
    expected = {ANSWER_KEY + key: value for key, value in ANSWERS.items()}
    expected.update({ANSWER_KEY + "list:" + key: value for key, value in LISTS.items()})
    assert stored(page, ANSWER_KEY) == expected
    page.reload()
    for prompt in REFLECTION["prompts"]:
        assert page.get_by_label(prompt["question"]).input_value() == ANSWERS.get(prompt["id"], "")
    for entry in REFLECTION["lists"]:
        assert page.get_by_label(entry["title"]).input_value() == LISTS[entry["id"]]

    page.get_by_role("button", name="Start over").click()
    expect(page.get_by_role("status").filter(has_text="All answers cleared")).to_be_visible()
    assert stored(page, ANSWER_KEY) == {}
    page.get_by_role("button", name="Undo").click()
    assert stored(page, ANSWER_KEY) == expected
    assert page.get_by_label(REFLECTION["prompts"][0]["question"]).input_value() == ANSWERS["what-went-wrong"]


def test_an_open_tab_shows_the_ticks_and_answers_changed_in_another(open_tool, site_url):
    """Saved values changed in one tab show at once in the other tab, on the checklist and the worksheet."""
    checklist = open_tool("checklist/")
    other_tab = checklist.context.new_page()
    other_tab.goto(site_url + "checklist/")
    other_tab.get_by_label(ITEMS[2]["text"]).check()
    expect(box(checklist, ITEMS[2]["id"])).to_be_checked()  # the storage event reached the first tab
    other_tab.get_by_role("button", name="Start over").click()
    expect(box(checklist, ITEMS[2]["id"])).not_to_be_checked()

    worksheet = other_tab
    worksheet.goto(site_url + "worksheet/")
    question = REFLECTION["prompts"][0]["question"]
    worksheet.get_by_label(question).fill("Typed in the second tab.")
    checklist.goto(site_url + "worksheet/")
    expect(checklist.get_by_label(question)).to_have_value("Typed in the second tab.")
    worksheet.get_by_label(question).fill("Changed again.")
    expect(checklist.get_by_label(question)).to_have_value("Changed again.")


@pytest.mark.parametrize("file_format", ["txt", "md"])
def test_answers_download_as_a_file_with_the_questions(open_tool, file_format):
    page = open_tool("worksheet/")
    fill_worksheet(page)
    name = "Download as a text file" if file_format == "txt" else "Download as Markdown"
    with page.expect_download() as download_info:
        page.get_by_role("button", name=name).click()
    download = download_info.value
    assert re.fullmatch(rf"reflection-worksheet-\d{{4}}-\d\d-\d\d\.{file_format}", download.suggested_filename)
    content = Path(download.path()).read_text(encoding="utf-8")
    for prompt in REFLECTION["prompts"]:
        assert prompt["question"] in content
    for answer in ANSWERS.values():
        assert answer in content
    for entry in REFLECTION["lists"]:
        assert entry["title"] in content
    assert "- Smiling and asking questions\n- My project examples" in content
    assert "- Rushing\n- Long answers" in content
    if file_format == "md":
        assert content.startswith("# Reflection worksheet\n")
        assert "## 1. What went wrong?\n\nI froze on the budget question." in content
    else:
        assert content.startswith("Reflection worksheet\n")
        assert "1. What went wrong?\n\nI froze on the budget question." in content
    expect(page.get_by_role("status").filter(has_text="downloading")).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("paper", PAPER)
def test_worksheet_prints_on_at_most_two_pages_with_ruled_space(open_tool, paper, javascript):
    page = open_tool("worksheet/", dark=javascript, java_script_enabled=javascript)
    if javascript:
        fill_worksheet(page)
    pdf = printed(page, paper)
    assert 1 <= len(pdf.pages) <= 2
    text = pdf_text(pdf)
    for prompt in REFLECTION["prompts"]:
        assert words(prompt["question"]) in text
    for entry in REFLECTION["lists"]:
        assert words(entry["title"]) in text
    assert "do's and don'ts" in text
    if javascript:
        assert "I froze on the budget question." in text, "typed answers print on the lines"
    page.emulate_media(media="print")
    rules = page.locator(f"#prompt-{REFLECTION['prompts'][0]['id']} .ir-lined__rules span")
    assert rules.count() == 5 and rules.first.is_visible()
    assert page.locator(".ir-lined__rules span:visible").count() == 5 * len(REFLECTION["prompts"]) + 6 * len(
        REFLECTION["lists"]
    )
    assert_black_on_white(pdf)


# ---- the follow-up notes ----------------------------------------------------------


def fill_note(section, values: dict):
    for name, value in values.items():
        section.get_by_label(
            next(p["label"] for p in NOTES[section_id(section)]["placeholders"] if p["id"] == name), exact=True
        ).fill(value)


def section_id(section) -> str:
    return section.get_attribute("data-ir-note")


def mailto_fields(href: str) -> dict:
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    return {key: unquote(value) for key, value in (pair.split("=", 1) for pair in parts.query.split("&"))}


@pytest.mark.parametrize("note_id", ["feedback-request", "thank-you-better-answer"])
def test_filled_note_copies_and_opens_in_email_with_the_same_text(open_tool, note_id):
    page = open_tool("notes/", permissions=["clipboard-read", "clipboard-write"])
    note = NOTES[note_id]
    section = page.locator(f"#note-{note_id}")
    values = {p["id"]: p["example"] for p in note["placeholders"]}
    values[note["placeholders"][0]["id"]] = "Dr O'Neil & Partners? 100% #1"  # characters a link must encode
    fill_note(section, values)
    expected_body = re.sub(r"\{(\w+)\}", lambda match: values[match.group(1)], note["body"])
    expected_subject = re.sub(r"\{(\w+)\}", lambda match: values[match.group(1)], note["subject"])

    section.get_by_role("button", name="Copy email text").click()
    status = section.get_by_role("status")
    status.filter(has_text="Email text copied. Paste it into your email.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected_body

    section.get_by_role("button", name="Copy subject line").click()
    status.filter(has_text="Subject line copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected_subject

    fields = mailto_fields(section.get_by_role("link", name="Open in your email app").get_attribute("href"))
    assert fields == {"subject": expected_subject, "body": expected_body.replace("\n", "\r\n")}


def test_copying_a_half_filled_note_warns_about_the_gaps_left(open_tool):
    page = open_tool("notes/", permissions=["clipboard-read", "clipboard-write"])
    note = NOTES["feedback-request"]
    section = page.locator("#note-feedback-request")
    fill_note(section, {"interviewer_name": "Alex Morgan", "role": "Data Analyst"})
    section.get_by_role("button", name="Copy email text").click()
    section.get_by_role("status").filter(has_text="It still has 2 gaps in square brackets").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Dear Alex Morgan,") and "[Company name]" in copied and "[Your name]" in copied
    assert section.locator("mark.ir-placeholder--filled").count() == sum(
        note["body"].count("{" + name + "}") + note["subject"].count("{" + name + "}")
        for name in ("interviewer_name", "role")
    )


def test_without_javascript_the_notes_show_their_gaps_ready_to_copy_by_hand(open_tool):
    page = open_tool("notes/", java_script_enabled=False)
    for note_id, note in NOTES.items():
        section = page.locator(f"#note-{note_id}")
        body = section.locator(".ir-note__body")
        assert body.is_visible()
        for placeholder in note["placeholders"]:
            gap = body.locator(f'mark[data-ir-placeholder="{placeholder["id"]}"]').first
            if "{" + placeholder["id"] + "}" in note["body"]:
                assert gap.is_visible() and gap.inner_text() == f"[{placeholder['label']}]"
            assert section.get_by_text(f"[{placeholder['label']}], for example").is_visible()
        assert section.locator("form").is_hidden()
        assert section.locator("button:visible").count() == 0
        link = section.get_by_role("link", name="Open in your email app")
        assert link.is_visible()
        assert mailto_fields(link.get_attribute("href"))["subject"] == re.sub(
            r"\{(\w+)\}",
            lambda m, note=note: "[" + next(p["label"] for p in note["placeholders"] if p["id"] == m.group(1)) + "]",
            note["subject"],
        )


# ---- all three pages --------------------------------------------------------------

TOOL_SCRIPTS = "**/assets/js/{shared,checklist,worksheet,notes}.js"
LANDMARKS = """() => [...document.querySelectorAll(
    '.md-content__inner :is(h1, h2, h3, legend, label, textarea, li, .ir-sheet__address)')]
  .map((element) => Math.round(element.getBoundingClientRect().top + window.scrollY))"""


@pytest.mark.parametrize("path", ["checklist/", "worksheet/", "notes/"])
def test_nothing_moves_when_the_script_shows_the_controls(visit, site_url, path):
    """Where scripts run, the controls hold their place from the first paint (no layout shift):
    every heading, label and field is where it was before the tool's script ran."""
    before_script = visit(None).page
    before_script.route(TOOL_SCRIPTS, lambda route: route.fulfill(body="", content_type="text/javascript"))
    before_script.goto(site_url + path)
    with_script = visit(path).page
    with_script.wait_for_selector("[data-ir-needs-js]:not([hidden])")
    positions = before_script.evaluate(LANDMARKS)
    assert len(positions) > 10
    assert with_script.evaluate(LANDMARKS) == positions
    assert before_script.locator("[data-ir-needs-js]").first.is_hidden()  # held in place, not shown


@pytest.mark.parametrize("path", ["checklist/", "worksheet/", "notes/"])
def test_every_control_is_reached_by_tab_with_a_visible_focus_ring_and_big_enough(open_tool, path):
    page = open_tool(path)
    count = page.evaluate(
        """(selector) => {
      const controls = [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length > 0);
      controls.forEach((el, index) => { el.dataset.irControl = index; });
      return controls.length;
    }""",
        CONTROLS,
    )
    assert count > 10
    reached = {}
    for _ in range(count + 120):
        page.keyboard.press("Tab")
        found = page.evaluate("""() => {
          const el = document.activeElement;
          if (!el || el.dataset.irControl === undefined) return null;
          const style = getComputedStyle(el);
          const rect = el.getBoundingClientRect();
          return {index: Number(el.dataset.irControl), tag: el.tagName, text: el.textContent.trim().slice(0, 40),
                  ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
                        || style.boxShadow !== "none",
                  width: rect.width, height: rect.height, inline: getComputedStyle(el).display === "inline"};
        }""")
        if found:
            reached[found["index"]] = found
            if len(reached) == count:
                break
    assert sorted(reached) == list(range(count)), "some controls cannot be reached with Tab"
    for control in reached.values():
        assert control["ring"], f"no visible focus ring on {control}"
        if not control["inline"]:  # links inside a sentence are exempt from the target size
            assert control["width"] >= 24 and control["height"] >= 24, f"target smaller than 24x24 px: {control}"


def test_checklist_works_with_the_keyboard(open_tool):
    page = open_tool("checklist/")
    first = box(page, ITEMS[0]["id"])
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked() and stored(page, CHECK_KEY) == {CHECK_KEY + ITEMS[0]["id"]: "1"}
    page.get_by_role("button", name="Print the checklist").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.__prints") == 1
    page.get_by_role("button", name="Start over").focus()
    page.keyboard.press("Enter")
    assert not first.is_checked()
    page.keyboard.press("Tab")  # the Undo button comes next
    page.keyboard.press("Space")
    assert first.is_checked()


def test_worksheet_and_notes_work_with_the_keyboard(open_tool):
    page = open_tool("worksheet/")
    page.get_by_label(REFLECTION["prompts"][0]["question"]).focus()
    page.keyboard.type("Nerves")
    page.get_by_role("button", name="Download as a text file").focus()
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    assert "Nerves" in Path(download_info.value.path()).read_text(encoding="utf-8")

    page = open_tool("notes/", permissions=["clipboard-read", "clipboard-write"])
    section = page.locator("#note-feedback-request")
    section.get_by_label("Interviewer's name", exact=True).focus()
    page.keyboard.type("Alex")
    section.get_by_role("button", name="Copy email text").focus()
    page.keyboard.press("Space")
    section.get_by_role("status").filter(has_text="copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()").startswith("Dear Alex,")
