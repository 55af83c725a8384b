"""A newcomer's path, as CONTRIBUTING.md tells it, and the contributor pages of the site."""

from __future__ import annotations

import html
import re
import shlex

import pytest
import yaml

from macros.check import style
from macros.rules import RULES
from macros.schemas import schema_for
from support.commands import make_ready, run_make
from support.project import PROJECT, copy_project

GUIDE = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
MKDOCS = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
REPOSITORY = MKDOCS["extra"]["repository"].rstrip("/")
SITE_URL = MKDOCS["site_url"].rstrip("/") + "/"
ADD_A_TIP = (PROJECT / "docs" / "contribute" / "add-a-tip.md").read_text(encoding="utf-8")
STYLE_GUIDE = (PROJECT / "docs" / "contribute" / "style-guide.md").read_text(encoding="utf-8")


def code_blocks(markdown: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", markdown, re.M | re.S)


# ---- the walkthrough -------------------------------------------------------------------


def test_a_newcomer_adds_a_tip_by_following_contributing_md(tmp_path):
    """Fresh clone -> `make new-tip` as the guide writes it -> fill in -> `make check` -> `make build`."""
    project = make_ready(copy_project(tmp_path / "clone", tools=True))
    [command] = [
        line for block in code_blocks(GUIDE, "sh") for line in block.splitlines() if line.startswith("make new-tip ")
    ]
    arguments = shlex.split(command)[1:]
    example = yaml.safe_load(code_blocks(GUIDE, "yaml")[0])
    tip_id = example["id"]
    path = project / "data" / "tips" / f"{tip_id}.yaml"
    assert not path.exists()

    created = run_make(project, *arguments)
    assert created.returncode == 0, created.stderr
    assert f"Wrote data/tips/{tip_id}.yaml" in created.stdout
    generated = path.read_text(encoding="utf-8")
    assert generated.startswith("# yaml-language-server: $schema=../../schema/tip.schema.json\n")
    started = yaml.safe_load(generated)
    assert dict(arguments_as_fields(arguments[1:])) == {key: started[key] for key in ("title", "theme", "stage")}
    assert started["id"] == tip_id, "the guide's example tip must be the one its command creates"

    # Before filling in: the check fails, naming each empty field's line, just as the Add a tip page shows.
    unfilled = run_make(project, "check")
    assert unfilled.returncode != 0
    [shown] = [block.splitlines()[0] for block in code_blocks(ADD_A_TIP, "text") if " E205 " in block]
    assert shown in unfilled.stderr.splitlines()
    assert "    fix: Fill in the field, or delete the line if the field is optional." in unfilled.stderr

    # Fill in every field as the guide's example does, keeping the date make new-tip wrote.
    example_text = code_blocks(GUIDE, "yaml")[0]
    reviewed = re.search(r"^last_reviewed: .*$", generated, re.M).group(0)
    path.write_text(re.sub(r"^last_reviewed: .*$", reviewed, example_text, flags=re.M), encoding="utf-8")

    checked = run_make(project, "check")
    assert checked.returncode == 0, checked.stderr
    tip_count = len(list((PROJECT / "data" / "tips").glob("*.yaml"))) + 1
    assert f"\ndata OK: {tip_count} tips" in checked.stdout

    built = run_make(project, "build")  # the real `mkdocs build --strict`, through the Makefile
    assert built.returncode == 0, built.stderr
    theme_page = (project / "site" / "themes" / started["theme"] / "index.html").read_text(encoding="utf-8")
    assert theme_page.count(f'id="tip-{tip_id}"') == 1
    assert f'href="#tip-{tip_id}"' in theme_page  # in the page's own contents list
    assert example["summary"] in html.unescape(theme_page)
    timeline = (project / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert f'href="../themes/{started["theme"]}/#tip-{tip_id}"' in timeline
    # The guide's "see it" address is this tip's real permalink.
    # ... under the path make serve really uses (site_url's, as on GitHub Pages: test_serve.py)
    assert f"http://127.0.0.1:8000/interview-rebound/themes/{started['theme']}/#tip-{tip_id}" in GUIDE


def arguments_as_fields(arguments: list[str]):
    for argument in arguments:
        name, _, value = argument.partition("=")
        yield name.lower(), value


def test_make_check_warns_about_a_tip_not_reviewed_for_a_year_but_passes(tmp_path):
    project = make_ready(copy_project(tmp_path / "clone", tools=True))
    path = sorted((project / "data" / "tips").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if row.startswith("last_reviewed:"))
    path.write_text(re.sub(r"^last_reviewed: .*$", 'last_reviewed: "2024-01-01"', text, flags=re.M), encoding="utf-8")
    result = run_make(project, "check")
    assert result.returncode == 0, result.stderr
    assert (
        f"data/tips/{path.name}:{line}: W501 last_reviewed: last reviewed on 2024-01-01, more than a year ago"
        in result.stderr.splitlines()
    )
    assert "    fix: " + RULES["W501"].fix in result.stderr
    assert "\ndata OK: " in result.stdout


def test_contributing_md_example_tip_follows_the_style_rules():
    example = yaml.safe_load(code_blocks(GUIDE, "yaml")[0])
    assert set(example) <= set(schema_for("tip")["properties"])
    assert len(example["title"]) <= schema_for("tip")["properties"]["title"]["maxLength"]
    assert len(style.sentences(example["summary"])) == 1


# ---- the contributor pages, built --------------------------------------------------------


def test_contribute_section_is_last_in_the_nav():
    last = MKDOCS["nav"][-1]
    assert list(last) == ["Contribute"]
    # shortest route first: the Suggest a tip page, then the step-by-step guide
    assert last["Contribute"] == ["contribute/suggest-a-tip.md", "contribute/add-a-tip.md", "contribute/style-guide.md"]


def test_field_reference_is_the_schema(built_site):
    page = (built_site / "contribute" / "add-a-tip" / "index.html").read_text(encoding="utf-8")
    schema = schema_for("tip")
    rows = dict(re.findall(r'<tr id="field-([a-z_]+)">(.*?)</tr>', page, re.S))
    assert list(rows) == list(schema["properties"])
    for name, spec in schema["properties"].items():
        if "$ref" in spec:
            spec = {**schema["$defs"][spec["$ref"].rsplit("/", 1)[-1]], **spec}
        text = html.unescape(re.sub(r"<[^>]+>", "", rows[name]))
        assert ("Required" if name in schema["required"] else "Optional") in text, name
        assert " ".join(spec["description"].split()) in text, name
        for key in ("maxLength", "maxItems"):
            if key in spec and not (key == "maxLength" and "one of:" in text):  # a list of ids says more
                assert str(spec[key]) in text, f"{name}: {key} not shown"
    themes = yaml.safe_load((PROJECT / "data" / "themes.yaml").read_text(encoding="utf-8"))["themes"]
    for theme in themes:
        assert f"<code>{theme['id']}</code>" in rows["theme"]
    assert "1 to 65 characters" in rows["title"]
    assert "a list of 1 to 6 items" in rows["steps"]


def test_every_rule_is_listed_with_its_example_and_fix(built_site):
    page = (built_site / "contribute" / "add-a-tip" / "index.html").read_text(encoding="utf-8")
    for code, rule in RULES.items():
        match = re.search(rf'<dt id="rule-{code}">(.*?)</dd>', page, re.S)
        assert match, f"{code} is not on the Add a tip page"
        text = html.unescape(match.group(1).replace("&#123;", "{").replace("&#125;", "}"))
        assert rule.title in text and rule.example in text and rule.fix in text, code


def test_example_tip_is_a_real_tip_file_shown_as_it_is(built_site):
    page = (built_site / "contribute" / "add-a-tip" / "index.html").read_text(encoding="utf-8")
    shown = re.search(r'<div class="ir-example">.*?<pre><code>(.*?)</code></pre>', page, re.S).group(1)
    text = html.unescape(shown.replace("&#123;", "{").replace("&#125;", "}"))
    real = (PROJECT / "data" / "tips" / "send-a-thank-you-note.yaml").read_text(encoding="utf-8").rstrip("\n")
    assert text == real
    assert 'href="../../themes/follow-up/#tip-send-a-thank-you-note"' in page


def test_tip_pages_have_edit_this_tip_beside_materials_edit_link(built_site):
    page = (built_site / "themes" / "follow-up" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        rf'<a href="{re.escape(MKDOCS["edit_uri"])}themes/follow-up.md"[^>]*class="md-content__button', page
    )
    assert f'<a href="{REPOSITORY}/edit/main/data/tips/send-a-thank-you-note.yaml">Edit this tip</a>' in page


def test_repository_address_comes_from_one_place(built_site):
    """mkdocs.yml's extra.repository; files GitHub shows as they are must agree with it."""
    assert MKDOCS["edit_uri"].startswith(REPOSITORY + "/")
    assert f'href="{REPOSITORY}"' in MKDOCS["copyright"]
    page = (built_site / "contribute" / "add-a-tip" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPOSITORY}/fork"' in page
    assert f'href="{REPOSITORY}/issues/new?template=suggest-a-tip.yml"' in page
    assert REPOSITORY not in ADD_A_TIP, "use {{ config.extra.repository }} in pages"
    for text in (
        GUIDE,
        (PROJECT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"),
        (PROJECT / ".github" / "ISSUE_TEMPLATE" / "report-a-problem.yml").read_text(encoding="utf-8"),
    ):
        for url in re.findall(r"https://github\.com/[^\s)\"'>]+", text):
            if "YOUR-NAME" not in url:
                assert url.startswith(REPOSITORY), url
        for url in re.findall(r"https://[a-z0-9.-]+\.github\.io/[^\s)\"'>]*", text):
            assert url.startswith(SITE_URL), url
            path = url[len(SITE_URL) :].split("#")[0]
            if path and not path.endswith("..."):
                assert (built_site / path / "index.html").exists(), f"{url} is not a page of the site"
    for template in re.findall(r"template=([a-z-]+\.yml)", GUIDE + ADD_A_TIP):
        assert (PROJECT / ".github" / "ISSUE_TEMPLATE" / template).exists(), template


def test_style_guide_states_the_limits_the_checks_enforce():
    tip = schema_for("tip")["properties"]
    promises = {
        f"Sentences: {style.MAX_SENTENCE_WORDS} words at most": "S401",
        f"Flesch reading ease of {style.MIN_READING_EASE} or more": "S402",
        f"Checklist items: {style.MAX_CHECKLIST_ITEM_WORDS} words at most": "S403",
        f"Titles: {tip['title']['maxLength']} characters at most": "E205",
        f"one sentence of {tip['summary']['maxLength']} characters at most": "S404",
        "Never copy eight or more words in a row from a source": None,
    }
    for promise, code in promises.items():
        assert promise in STYLE_GUIDE, promise
        if code:
            assert f"[{code}](add-a-tip.md#rule-{code})" in STYLE_GUIDE
    assert tip["steps"]["maxItems"] == 6 and "Steps: one to six" in STYLE_GUIDE


def test_style_guide_examples_are_right_about_the_rules():
    blocks = re.findall(r'^!!! (success|failure) "[^"]*"\n\n((?:    .*\n|\n)+)', STYLE_GUIDE, re.M)
    examples = {kind: [] for kind in ("success", "failure")}
    for kind, body in blocks:
        found = dict(re.findall(r"\*\*(Title|Summary):\*\* (.+)", body))
        if found:
            examples[kind].append(found)
    [good], [bad] = examples["success"], examples["failure"]
    title_limit = schema_for("tip")["properties"]["title"]["maxLength"]
    summary_limit = schema_for("tip")["properties"]["summary"]["maxLength"]
    assert len(good["Title"]) <= title_limit and len(bad["Title"]) > title_limit
    assert len(style.sentences(good["Summary"])) == 1 and len(good["Summary"]) <= summary_limit
    assert len(style.sentences(bad["Summary"])) > 1
    assert all(style.word_count(sentence) <= style.MAX_SENTENCE_WORDS for sentence in style.sentences(good["Summary"]))


# ---- in a browser --------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["contribute/add-a-tip/", "contribute/style-guide/"])
def test_contribute_pages_load_and_fit_a_phone(visit, path):
    result = visit(path, viewport={"width": 360, "height": 740})
    page = result.page
    assert page.locator("h1").count() == 1
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a phone screen"


def test_field_table_becomes_labelled_cards_on_a_phone(visit):
    page = visit("contribute/add-a-tip/", viewport={"width": 360, "height": 740}).page
    row = page.locator("#field-title")
    assert page.locator(".ir-table-wrap thead").is_hidden()
    label = row.locator("td").nth(1).evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Required? "'
    cells = [row.locator("td").nth(index).bounding_box() for index in range(4)]
    assert all(cells[index]["y"] < cells[index + 1]["y"] for index in range(3)), "cells are not stacked"


def test_limits_are_the_same_in_schemas_fix_texts_and_descriptions():
    """Each limit is defined once; the fix texts and schema descriptions must state that same number."""
    from macros import limits, rules

    tip = schema_for("tip")["properties"]
    fixes = {code: rule.fix for code, rule in rules.RULES.items()}
    assert f"titles {tip['title']['maxLength']} characters" in fixes["E205"]
    assert f"summaries {tip['summary']['maxLength']}" in fixes["E205"]
    assert f"steps: {tip['steps']['minItems']} to {tip['steps']['maxItems']}" in fixes["E206"]
    assert f"under {limits.MAX_FILE_BYTES // 1000} kB" in fixes["E100"]
    assert f"{limits.MAX_SENTENCE_WORDS} words or fewer" in fixes["S401"]
    assert f"{limits.MIN_READING_EASE} or more" in fixes["S402"]
    assert f"{limits.MAX_CHECKLIST_ITEM_WORDS} words or fewer" in fixes["S403"]
    assert f"{limits.MAX_CHECKLIST_ITEMS} items" in fixes["E308"]
    assert f"at least {limits.MIN_TIPS_PER_SITUATION} tips" in fixes["E315"]
    assert style.MAX_SENTENCE_WORDS is limits.MAX_SENTENCE_WORDS  # one home: check/style.py takes it from limits.py
    # A schema description that names a length names the schema's own limit.
    for name in ("tip", "sources", "template", "checklist", "reflection", "situations", "themes", "stages"):
        for path, node in _nodes(schema_for(name)):
            description = node.get("description")
            stated = isinstance(description, str) and re.search(r"[Aa]t most (\d+) characters", description)
            if stated:
                assert int(stated.group(1)) == node.get("maxLength"), f"{name}.schema.json {path}"


def _nodes(node, path=""):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _nodes(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, f"{path}/{index}")
