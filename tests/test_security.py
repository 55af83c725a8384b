"""Hostile text in a tip builds into inert text: no script, no handler, no template run."""
from __future__ import annotations

import re

import pytest

from conftest import build, copy_project

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
sources: [taledo-2016]
last_reviewed: "2026-11-01"
"""


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> str:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    (project / "data" / "tips" / "hostile-tip.yaml").write_text(HOSTILE_TIP, encoding="utf-8")
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


def test_template_syntax_is_never_run(hostile_page):
    assert "49" not in hostile_page
    assert "&#123;&#123; 7*7 &#125;&#125;" in hostile_page
    assert "&#123;&#123; config &#125;&#125;" in hostile_page
    assert "&#123;% raw %&#125;This is raw&#123;% endraw %&#125;" in hostile_page
    assert "&#123;% include 'x.html' %&#125;" in hostile_page or "&#123;% include &#x27;x.html&#x27; %&#125;" in hostile_page


def test_attribute_lists_stay_text(hostile_page):
    assert "&#123; onclick=alert('attr') &#125;" in hostile_page or \
        "&#123; onclick=alert(&#39;attr&#39;) &#125;" in hostile_page
    assert "&#123;: .evil onmouseover=alert(1) &#125;" in hostile_page


def test_hostile_page_title_is_plain(tmp_path):
    """A page title from a maintainer is rendered, but data never reaches a title."""
    project = copy_project(tmp_path / "p")
    (project / "data" / "tips" / "hostile-tip.yaml").write_text(HOSTILE_TIP, encoding="utf-8")
    assert build(project).returncode == 0
    html = (project / "site" / "themes" / "mindset" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Mindset - Interview Rebound</title>", html)
