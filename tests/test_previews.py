"""What link previews and search engines read, on every built page: its own title and description, Open Graph
and Twitter card tags with a preview image that is a file in the site, a canonical link, and JSON-LD where the
page names a schema.org type. The Content-Security-Policy still lets each page run (JSON-LD is data, not code)."""

from __future__ import annotations

import html as html_lib
import json
import re
import struct

from support.project import PROJECT
from support.yamlfiles import load_yaml


def meta(html: str, key: str, attribute: str = "property") -> list[str]:
    return [
        html_lib.unescape(value)
        for value in re.findall(rf'<meta {attribute}="{re.escape(key)}" content="([^"]*)"', html)
    ]


def site_url() -> str:
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.search(r"^site_url: (\S+)", text, re.M).group(1)


def test_every_page_has_its_own_description_title_preview_image_and_canonical_link(built_site, site_pages):
    base = site_url()
    descriptions, titles = {}, {}
    for address in site_pages:
        path = built_site / (address or "index.html")
        if path.is_dir() or not path.name.endswith(".html"):
            path = path / "index.html"
        html = path.read_text(encoding="utf-8")
        name = address or "index.html"
        description = meta(html, "description", "name")
        assert len(description) == 1 and len(description[0]) >= 40, name
        descriptions.setdefault(description[0], []).append(name)
        assert meta(html, "og:description") == description, name
        assert meta(html, "twitter:description", "name") == description, name
        title = meta(html, "og:title")
        assert len(title) == 1 and title == meta(html, "twitter:title", "name"), name
        titles.setdefault(title[0], []).append(name)
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
        assert len(canonical) == 1 and canonical[0].startswith(base), name
        assert meta(html, "og:url") == canonical, name
        assert meta(html, "twitter:card", "name") == ["summary_large_image"], name
        image = meta(html, "og:image")
        assert len(image) == 1 and image[0].startswith(base), name
        picture = built_site / image[0].removeprefix(base)
        assert picture.is_file(), f"{name}: {image[0]} is not a file in the site"
        data = picture.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", "the preview image is a PNG"
        width, height = struct.unpack(">II", data[16:24])
        assert (str(width), str(height)) == (meta(html, "og:image:width")[0], meta(html, "og:image:height")[0])
        # print.css holds only print rules: it must not hold up the first paint on screen
        assert re.search(r'<link rel="stylesheet" href="[^"]*assets/print\.css" media="print">', html), name
        assert not re.search(r'<link rel="stylesheet" href="[^"]*assets/print\.css">', html), name
    shared = {text: pages for text, pages in descriptions.items() if len(pages) > 1}
    assert shared == {}, "pages that share one description"
    assert {text: pages for text, pages in titles.items() if len(pages) > 1} == {}


def test_theme_pages_take_their_description_from_the_theme(built_site):
    for theme in load_yaml("data/themes.yaml")["themes"]:
        html = (built_site / "themes" / theme["id"] / "index.html").read_text(encoding="utf-8")
        assert meta(html, "description", "name") == [theme["description"]]


def test_timeline_and_theme_pages_carry_article_json_ld_that_the_policy_leaves_alone(built_site):
    from macros.publish.csp import policy_for

    pages = ["timeline/index.html"] + [f"themes/{t['id']}/index.html" for t in load_yaml("data/themes.yaml")["themes"]]
    for page in pages:
        html = (built_site / page).read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert len(blocks) == 1, page
        data = json.loads(blocks[0])
        assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
        assert data["url"] == re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        assert data["description"] == meta(html, "description", "name")[0]
        assert data["headline"] and data["publisher"]["name"] == "Interview Rebound"
        # The built page's policy is the one publish/csp.py makes for it: JSON-LD adds no hash, and nothing unsafe.
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
        assert policy == policy_for(html.replace(re.search(r"\s*<meta http-equiv=[^>]*>", html).group(0), "", 1))
        assert "unsafe" not in policy
        without = html.replace(blocks[0], "{}")
        assert policy_for(without) == policy_for(html), "JSON-LD must not need a hash"


def test_a_page_with_json_ld_loads_without_a_policy_error(visit):
    """The visit fixture fails the test on any console error, and a blocked script logs one."""
    page = visit("timeline/").page
    page.wait_for_load_state("load")
    assert page.evaluate("window.__cspViolations || []") == []
    assert (
        page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)['@type']")
        == "Article"
    )
