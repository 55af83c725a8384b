"""Hostile text in a tip builds into inert text: no script, no handler, no template run."""

from __future__ import annotations

import re

import pytest

from support.project import PROJECT, build, copy_project

HOSTILE_TIP = """\
id: hostile-tip
title: "Stay calm <script>alert('title')</script> now"
summary: "Rest now {{ 7*7 }} and {{ config }} are just text."
why: >-
  Here is a bad image <img src=x onerror="alert('why')"> in text.
  Here is a [bad link](javascript:alert('link')) and a [data link](data:text/html,hi).
  Here is a [good link](https://example.org/ok) too.
  {% raw %}This is raw{% endraw %} and {% include 'x.html' %} stay text.
steps:
  - "Click here { onclick=alert('attr') } now."
  - "Read this {: .evil onmouseover=alert(1) } line."
  - "<div onclick=\\"alert('div')\\">Tap here</div>"
avoid:
  - "Use <iframe src=https://example.org></iframe> frames."
theme: mindset
stage: right-after
situations: [nerves]
sources:
  - id: taledo-2016
    says: It says so.
last_reviewed: "2026-11-01"
"""


# The parts of HOSTILE_TIP that the check lets through, for the real build.
TEMPLATE_TIP = """\
id: hostile-tip
title: Stay calm now
summary: "Rest now {{ 7*7 }} and {{ config }} are just text."
why: >-
  {% raw %}This is raw{% endraw %} and {% include 'x.html' %} stay text.
steps:
  - "Click here { onclick=alert('attr') } now."
  - "Read this {: .evil onmouseover=alert(1) } line."
theme: mindset
stage: right-after
situations: [nerves]
sources:
  - id: taledo-2016
    says: It says so.
last_reviewed: "2026-11-01"
"""


def test_the_check_refuses_tags_and_foreign_links(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "data" / "tips" / "hostile-tip.yaml").write_text(HOSTILE_TIP, encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "data/tips/hostile-tip.yaml:2: S406 title: contains the HTML tag <script>" in result.stderr
    assert "S407 why: links to javascript:" in result.stderr


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> str:
    """The hostile tip as the theme page shows it. The check refuses its tags and links (S406, S407), so it is
    rendered here straight through the templates: even a tip that got past the check stays inert."""
    from macros.knowledge import load_knowledge_base
    from macros.read.yamlfile import read_yaml
    from macros.render import Renderer

    path = tmp_path_factory.mktemp("hostile") / "hostile-tip.yaml"
    path.write_text(HOSTILE_TIP, encoding="utf-8")
    kb = load_knowledge_base(PROJECT / "data")
    tip = read_yaml(path)[0]
    kb.tips.append(tip)
    kb.by_id["tips"][tip["id"]] = tip
    html = Renderer(kb, "https://github.com/example/example").render(
        "theme.html", "themes/mindset/", theme=kb.by_id["themes"]["mindset"]
    )
    match = re.search(r'<article class="ir-tip" id="tip-hostile-tip".*?</article>', html, re.S)
    assert match
    return match.group(0)


@pytest.fixture(scope="module")
def built_hostile_page(tmp_path_factory) -> str:
    """A tip with template syntax and attribute lists, which the check lets through, built by the real build."""
    project = copy_project(tmp_path_factory.mktemp("hostile-build"))
    (project / "data" / "tips" / "hostile-tip.yaml").write_text(TEMPLATE_TIP, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "themes" / "mindset" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<article class="ir-tip" id="tip-hostile-tip".*?</article>', html, re.S)
    assert match
    return match.group(0)


def test_no_element_or_attribute_comes_from_data(hostile_page):
    assert "<script" not in hostile_page
    assert "<img" not in hostile_page
    assert "<iframe" not in hostile_page
    assert "<div onclick" not in hostile_page
    assert not re.search(r"<[^>]+\son\w+=", hostile_page), "an event attribute reached the page"
    assert "evil" not in re.findall(r'class="([^"]*)"', hostile_page)


def test_markup_shows_as_text(hostile_page):
    assert "&lt;script&gt;alert" in hostile_page
    assert "&lt;img src=x onerror=" in hostile_page
    assert "&lt;div onclick=" in hostile_page


def test_dangerous_links_lose_their_address_safe_ones_keep_it(hostile_page):
    assert "javascript:" not in hostile_page.replace("[bad link](javascript:", "")
    hrefs = re.findall(r'href="([^"]*)"', hostile_page)
    assert not [href for href in hrefs if href.startswith(("javascript:", "data:"))]
    assert "https://example.org/ok" in hrefs


@pytest.mark.parametrize("page", ["hostile_page", "built_hostile_page"])
def test_template_syntax_is_never_run(page, request):
    hostile_page = request.getfixturevalue(page)
    assert "49" not in hostile_page
    assert "&#123;&#123; 7*7 &#125;&#125;" in hostile_page
    assert "&#123;&#123; config &#125;&#125;" in hostile_page
    assert "&#123;% raw %&#125;This is raw&#123;% endraw %&#125;" in hostile_page
    assert (
        "&#123;% include 'x.html' %&#125;" in hostile_page
        or "&#123;% include &#x27;x.html&#x27; %&#125;" in hostile_page
    )


@pytest.mark.parametrize("page", ["hostile_page", "built_hostile_page"])
def test_attribute_lists_stay_text(page, request):
    hostile_page = request.getfixturevalue(page)
    assert (
        "&#123; onclick=alert('attr') &#125;" in hostile_page
        or "&#123; onclick=alert(&#39;attr&#39;) &#125;" in hostile_page
    )
    assert "&#123;: .evil onmouseover=alert(1) &#125;" in hostile_page


def test_hostile_page_title_is_plain(tmp_path):
    """A page title from a maintainer is rendered, but data never reaches a title."""
    project = copy_project(tmp_path / "p")
    (project / "data" / "tips" / "hostile-tip.yaml").write_text(TEMPLATE_TIP, encoding="utf-8")
    assert build(project).returncode == 0
    html = (project / "site" / "themes" / "mindset" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Mindset - Interview Rebound</title>", html)


def _every_markdown_field() -> list[str]:
    from macros.knowledge import load_knowledge_base

    kb = load_knowledge_base(PROJECT / "data")
    return [text for tip in kb.tips for text in [tip["why"], *tip.get("steps", []), *tip.get("avoid", [])]]


def test_plain_text_shortcut_gives_the_same_html_as_markdown(monkeypatch):
    """markdown_to_html skips the Markdown converter for plain one-line text; that must never change the HTML."""
    import random

    from macros import render

    texts = _every_markdown_field() + [
        "Stop here  ",
        "A1. b",
        "Go - now",
        "Go -- now -",
        "See (this) / that",
        "a'b",
        "Done!",
        "It's 100% fine.",
        "Wait:  breathe.",
        "Rest — then write.",
        "Call them’",
        "x" * 500,
    ]
    alphabet = "aZq09 ,.;:!?'’()/%–—-  "
    rng = random.Random(2026)
    texts += [
        rng.choice("aBz")
        + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 15)))
        + rng.choice("a0.,;:!?'’)%")
        for _ in range(5000)
    ]
    shortcut = [
        (text, inline, str(render.markdown_to_html(text, inline))) for text in texts for inline in (False, True)
    ]
    monkeypatch.setattr(render, "_PLAIN_TEXT", re.compile(r"(?!)"))  # never matches: every text goes through Markdown
    for text, inline, html in shortcut:
        assert html == str(render.markdown_to_html(text, inline)), (text, inline)


def test_plain_text_shortcut_takes_only_plain_text():
    from macros import render

    real = _every_markdown_field()
    assert sum(1 for text in real if render._PLAIN_TEXT.match(text)) >= len(real) / 2, "the shortcut no longer helps"
    for text in [
        "Read *this*",
        "A [link](https://example.org)",
        "<b>bold</b>",
        "Tom & Jerry",
        "1. First",
        "- item",
        "# Heading",
        "> quote",
        "    code",
        "Line one\nline two",
        "Use `code`",
        "snake_case_word",
        "{{ 7*7 }}",
        "Ends with a space ",
        "Two  \nlines",
        "Hello\u200bthere",
        "Café",
    ]:
        assert not render._PLAIN_TEXT.match(text), text
