"""The real site, built with `mkdocs build --strict` into a temporary folder, read as HTML."""

from __future__ import annotations

import re
from html import unescape

import pytest
from markupsafe import escape

from support.html import Page
from support.project import PROJECT, build, copy_project
from support.yamlfiles import load_yaml

TIPS = sorted((PROJECT / "data" / "tips").glob("*.yaml"))
SOURCES = load_yaml("data/sources.yaml")["sources"]
SOURCE_BY_ID = {source["id"]: source for source in SOURCES}


def section(html: str, element_id: str) -> str:
    """The HTML of the <article> or <section> that has this id."""
    match = re.search(rf'<(article|section) [^>]*id="{re.escape(element_id)}".*?</\1>', html, re.S)
    assert match, f"no element #{element_id}"
    return match.group(0)


def test_every_tip_once_on_its_theme_page_with_anchor_and_sources(built_site):
    assert len(TIPS) >= 30
    for path in TIPS:
        tip = load_yaml(path)
        html = (built_site / "themes" / tip["theme"] / "index.html").read_text(encoding="utf-8")
        assert html.count(f'id="tip-{tip["id"]}"') == 1, tip["id"]
        article = section(html, f"tip-{tip['id']}")
        count = len(tip["sources"])
        assert f"{count} source{'s' if count != 1 else ''} give{'s' if count == 1 else ''} this advice:" in article
        # Then each publisher once, as a real list (a name may hold a comma), with its number of articles:
        # the names shown add up to the count.
        names = re.search(r'<ul class="ir-tip__publishers"[^>]*>(.*?)</ul>', article, re.S).group(1)
        shown = [unescape(item) for item in re.findall(r"<li>(.*?)</li>", names)]
        publishers = [SOURCE_BY_ID[citation["id"]]["publisher"] for citation in tip["sources"]]
        expected = [
            name + (f" ({publishers.count(name)} articles)" if publishers.count(name) > 1 else "")
            for name in dict.fromkeys(publishers)
        ]
        assert shown == expected, tip["id"]
        for citation in tip["sources"]:
            assert f'href="../../sources/#source-{citation["id"]}"' in article
            assert str(escape(citation["says"])) in article, (tip["id"], citation["id"])
        differ = tip.get("sources_differ")
        assert ("Sources differ:" in article) == bool(differ), tip["id"]
        for opposition in (differ or {}).get("opposed_by", []):
            assert f'href="../../sources/#source-{opposition["id"]}"' in article
        assert f"/edit/main/data/tips/{tip['id']}.yaml" in article
        # and nowhere else in full
        for other in (built_site / "themes").glob("*/index.html"):
            if other.parent.name != tip["theme"]:
                assert f'id="tip-{tip["id"]}"' not in other.read_text(encoding="utf-8")


def test_timeline_lists_every_tip_under_its_stage_in_order(built_site):
    html = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    stages = load_yaml("data/stages.yaml")["stages"]
    positions = [html.index(f'id="stage-{stage["id"]}"') for stage in sorted(stages, key=lambda s: s["order"])]
    assert positions == sorted(positions)
    for path in TIPS:
        tip = load_yaml(path)
        stage_html = section_of_stage(html, tip["stage"])
        assert f'href="../themes/{tip["theme"]}/#tip-{tip["id"]}"' in stage_html, tip["id"]


def section_of_stage(html: str, stage_id: str) -> str:
    match = re.search(rf'<li class="ir-timeline__stage" id="stage-{stage_id}">.*?</ul>', html, re.S)
    assert match
    return match.group(0)


def test_sources_page_lists_the_tips_that_cite_each_source(built_site):
    html = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    tips = [load_yaml(path) for path in TIPS]
    for source in SOURCES:
        entry = section(html, f"source-{source['id']}")
        assert f'href="{escape(source["url"])}"' in entry
        linked = set(re.findall(r'#tip-([a-z0-9-]+)"', entry))
        supported = {tip["id"] for tip in tips if source["id"] in [citation["id"] for citation in tip["sources"]]}
        opposed = {
            tip["id"]
            for tip in tips
            if source["id"] in [entry["id"] for entry in tip.get("sources_differ", {}).get("opposed_by", [])]
        }
        assert linked == supported | opposed, source["id"]
        for point in source.get("unused_points", []):
            assert str(escape(point["reason"])) in entry


def test_disagreements_page_gives_both_sides_of_every_disagreement(built_site):
    html = (built_site / "disagreements" / "index.html").read_text(encoding="utf-8")
    tips = [load_yaml(path) for path in TIPS]
    disputed = [tip for tip in tips if tip.get("sources_differ")]
    assert disputed, "the sources on record disagree at least on explaining a mistake"
    for tip in disputed:
        entry = section(html, f"differ-{tip['id']}")
        assert str(escape(tip["sources_differ"]["question"])) in entry
        agreed = tip["sources_differ"].get("agreed_by", [citation["id"] for citation in tip["sources"]])
        for source_id in agreed + [opposition["id"] for opposition in tip["sources_differ"]["opposed_by"]]:
            assert f'href="../sources/#source-{source_id}"' in entry
        for citation in tip["sources"]:  # a source silent on the question is on neither side
            if citation["id"] not in agreed:
                assert f'href="../sources/#source-{citation["id"]}"' not in entry, citation["id"]
        assert str(escape(tip["sources_differ"]["view"])) in entry
    for page in ("index.html", "sources/index.html"):
        assert 'href="disagreements/"' in (built_site / page).read_text(
            encoding="utf-8"
        ) or 'href="../disagreements/"' in (built_site / page).read_text(encoding="utf-8"), page


def test_every_internal_link_and_anchor_resolves(built_site):
    pages = {path: Page(path.read_text(encoding="utf-8")) for path in built_site.rglob("*.html")}
    for path, elements in pages.items():
        assert len(elements.ids) == len(set(elements.ids)), f"{path}: an id is used twice"
        if path.name == "404.html":  # its links start from site_url, for any missing address
            continue
        for href in elements.links:
            if re.match(r"^(https?:|mailto:)", href) or href == "#":
                continue
            target, _, anchor = href.partition("#")
            target = target.partition("?")[0]  # a plan's link carries its choices: guide/?s=blank-mind#plan
            target_path = (path.parent / target).resolve() if target else path
            if target_path.is_dir():
                target_path = target_path / "index.html"
            assert target_path.exists(), f"{path}: broken link {href}"
            if anchor and target_path in pages:
                assert anchor in pages[target_path].ids, f"{path}: missing anchor {href}"


def test_no_template_syntax_or_outside_requests_in_any_page(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "{{" not in html and "{%" not in html, path
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        # every script, style and image is the site's own
        loaded = re.findall(r'<(?:script|img|iframe|source)[^>]+src="([^"]+)"', html) + re.findall(
            r'<link[^>]+rel="(?:stylesheet|icon|preload|modulepreload|manifest)"[^>]+href="([^"]+)"', html
        )
        assert loaded, path
        for url in loaded:
            assert not re.match(r"^(https?:)?//", url), f"{path}: loads {url}"


def test_every_macro_output_takes_the_place_of_its_placeholder(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        assert "data-held-html" not in path.read_text(encoding="utf-8"), path
    # the macros' HTML is really there, as elements, not as escaped text
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<ul class="ir-theme-list">' in home


def test_links_to_ids_in_macro_output_pass_and_a_missing_anchor_stops_the_build(built_site, tmp_path):
    # the style guide links to rule anchors that only the rule_list() macro writes, and the strict build passed
    assert 'href="../add-a-tip/#rule-E206"' in (built_site / "contribute" / "style-guide" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'id="rule-E206"' in (built_site / "contribute" / "add-a-tip" / "index.html").read_text(encoding="utf-8")

    project = copy_project(tmp_path / "project")
    page = project / "docs" / "contribute" / "style-guide.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [a rule](add-a-tip.md#rule-E999).\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "contribute/style-guide.md" in result.stderr and "#rule-E999" in result.stderr


def test_footer_states_the_licences(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "CC BY 4.0" in html and "MIT" in html


def test_bad_data_stops_the_build_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    tip = project / "data" / "tips" / TIPS[0].name
    tip.write_text(tip.read_text(encoding="utf-8").replace("\ntheme: ", "\ntheme: no-such-theme-"), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert f"data/tips/{TIPS[0].name}:" in result.stderr
    assert " E301 theme: unknown theme 'no-such-theme-" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists(), "a half-built site was left behind"


@pytest.mark.parametrize("page", ["index.html", "timeline/index.html", "sources/index.html"])
def test_pages_carry_an_html_comment_naming_their_data(built_site, page):
    html = (built_site / page).read_text(encoding="utf-8")
    assert "<!-- Rendered from data/" in html


def test_home_and_sources_pages_say_where_the_advice_comes_from(built_site):
    from macros.limits import COUNTRY_NAMES

    counts: dict[str, int] = {}
    for source in SOURCES:
        if "country" in source:
            counts[source["country"]] = counts.get(source["country"], 0) + 1
    assert len(counts) >= 4, "the sources should come from several countries"
    for page in ("index.html", "sources/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        note = re.search(r'<p class="ir-countries">(.*?)</p>', html, re.S)
        assert note, page
        text = " ".join(note.group(1).split())
        assert f"The {len(SOURCES)} articles come from" in text
        for code, count in counts.items():
            assert f"{COUNTRY_NAMES[code]} ({count})" in text, (page, code)
        assert "check the rules where you live" in text
