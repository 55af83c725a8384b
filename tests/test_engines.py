"""Two engines, one site: MkDocs (make build) and Zensical (make build ENGINE=zensical) build the same site.

Each builds a copy of the project in a temporary folder; the tests compare what a reader and a
reuser get: every tip's anchor on its theme page, every page's Content-Security-Policy, the open
data file, the tool pages' scripts, what search engines and link previews read, every link, and
nothing fetched from another host. Zensical comes from
its own environment (.venv-zensical), which `make` installs from requirements-zensical.txt.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from support.html import Page
from support.project import PROJECT, ZENSICAL_VENV, copy_project, install_zensical
from support.server import serve

POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
TOOL_PAGES = ("checklist/index.html", "worksheet/index.html", "notes/index.html", "guide/index.html")


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The real project, built by Zensical as `make build ENGINE=zensical` does, into a temporary copy."""
    install_zensical()
    project = copy_project(tmp_path_factory.mktemp("zensical"))
    for command in (
        [ZENSICAL_VENV / "bin" / "python", "-m", "macros.commands.zensical_config", "--output", ".zensical.yml"],
        [ZENSICAL_VENV / "bin" / "zensical", "build", "--strict", "--clean", "--config-file", ".zensical.yml"],
        [ZENSICAL_VENV / "bin" / "python", "-m", "macros.postbuild", "site"],
    ):
        result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def sites(built_site, zensical_site) -> dict[str, Path]:
    return {"mkdocs": built_site, "zensical": zensical_site}


def html_pages(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))
    }


def test_both_engines_build_the_same_pages(sites):
    assert html_pages(sites["mkdocs"]).keys() == html_pages(sites["zensical"]).keys()


def test_every_tip_has_its_anchor_on_its_theme_page_in_both(sites):
    from macros.knowledge import load_knowledge_base

    kb = load_knowledge_base(PROJECT / "data")
    for theme in kb.themes:
        ids = {
            engine: set(
                re.findall(
                    r'\bid="([^"]+)"', (site / "themes" / theme["id"] / "index.html").read_text(encoding="utf-8")
                )
            )
            for engine, site in sites.items()
        }
        expected = {f"tip-{tip['id']}" for tip in kb.tips if tip["theme"] == theme["id"]}
        assert expected <= ids["mkdocs"] and expected <= ids["zensical"], theme["id"]
        # and every other id a link could point at on the page (headings aside, which each engine's
        # Markdown names on its own) is there in both
        assert {i for i in ids["mkdocs"] if i.startswith("tip-")} == {
            i for i in ids["zensical"] if i.startswith("tip-")
        }


PREVIEW_TAGS = re.compile(r'<meta (?:name|property)="((?:og:|twitter:)?(?:description|title))" content="([^"]*)"')


def test_every_page_tells_search_engines_and_link_previews_the_same_in_both(sites):
    """Description and title, for search engines and for Open Graph and Twitter cards: a theme page takes
    its theme's description from the data, which Zensical must do as MkDocs does."""
    mkdocs, zensical = html_pages(sites["mkdocs"]), html_pages(sites["zensical"])
    for name, html in mkdocs.items():
        tags = PREVIEW_TAGS.findall(html)
        assert len(tags) >= 4, name
        assert PREVIEW_TAGS.findall(zensical[name]) == tags, name
    theme = yaml.safe_load((PROJECT / "data" / "themes.yaml").read_text(encoding="utf-8"))["themes"][0]
    tags = dict(PREVIEW_TAGS.findall(zensical[f"themes/{theme['id']}/index.html"]))
    assert html_lib.unescape(tags["description"]) == html_lib.unescape(tags["og:description"]) == theme["description"]


def _policy_without_hashes(content: str) -> str:
    return re.sub(r" 'sha256-[^']+'", "", content)


def test_every_page_has_the_same_policy_and_it_allows_exactly_its_own_inline_scripts(sites):
    from macros.publish.csp import policy_for

    policies = {}
    for engine, site in sites.items():
        for name, html in html_pages(site).items():
            [content] = POLICY_META.findall(html)
            assert "unsafe" not in content and "http" not in content, (engine, name)
            # the hashes are the page's own inline scripts (the engines' theme scripts differ a little)
            assert content == policy_for(html.replace("\n    " + POLICY_META.search(html).group(0), "", 1)), (
                engine,
                name,
            )
            policies.setdefault(name, set()).add(_policy_without_hashes(content))
    assert all(len(found) == 1 for found in policies.values()), policies


def test_the_open_data_file_is_the_same_apart_from_its_date(sites):
    exports = {}
    for engine, site in sites.items():
        data = json.loads((site / "api" / "v1" / "knowledge-base.json").read_text(encoding="utf-8"))
        data.pop("generated")
        exports[engine] = data
        assert sorted(path.name for path in (site / "schema").iterdir()) == sorted(
            path.name for path in (PROJECT / "schema").glob("*.schema.json")
        ), engine
    assert exports["mkdocs"] == exports["zensical"]


def our_scripts(html: str) -> list[str]:
    """The site's own scripts a page loads, in order (not the theme's bundle)."""
    return [
        re.sub(r"^(\.\./)+|^\./", "", src)
        for src in re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', html)
        if "assets/js/" in src
    ]


def test_tool_pages_load_the_same_scripts_in_the_same_order(sites):
    for page in TOOL_PAGES:
        scripts = {engine: our_scripts((site / page).read_text(encoding="utf-8")) for engine, site in sites.items()}
        assert scripts["mkdocs"] == scripts["zensical"], page
        assert scripts["mkdocs"][0] == "assets/js/search-on-demand.js", page


def test_nothing_is_fetched_from_another_host(sites):
    """Every src= and every <link href=> stays on the site (links to articles are <a>, fetched by nobody)."""
    for engine, site in sites.items():
        for name, html in html_pages(site).items():
            addresses = re.findall(r'\ssrc="([^"]*)"', html) + re.findall(r'<link\b[^>]*\shref="([^"]*)"', html)
            outside = [
                address
                for address in addresses
                if re.match(r"(?i)([a-z][a-z0-9+.-]*:)?//", address)
                and not address.startswith("https://interview-rebound.github.io/interview-rebound/")
            ]
            assert outside == [], (engine, name, outside)


def test_no_page_uses_the_obsolete_align_attribute(sites):
    """HTML5 dropped align=; right-aligned numbers take a CSS class instead (the CSP allows no style="")."""
    for engine, site in sites.items():
        for name, html in html_pages(site).items():
            assert not re.search(r"<[a-z][^>]*\salign=", html), (engine, name)


def test_zensical_site_in_chromium_fetches_nothing_elsewhere_and_the_index_only_for_search(zensical_site, browser):
    context = browser.new_context()
    with serve(zensical_site) as origin:
        try:
            page = context.new_page()
            requests, errors = [], []
            page.on("request", lambda request: requests.append(request.url))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.goto(origin + "checklist/")
            page.wait_for_load_state("networkidle")  # so a search index fetched unasked would show here
            assert [url for url in requests if not url.startswith(origin)] == []
            assert not [url for url in requests if url.endswith("search.json")], "the index loaded before any search"
            with page.expect_request(lambda request: request.url.endswith("/search.json"), timeout=5000):
                page.locator(".md-search__button").hover()
            page.locator(".md-search__button").click()  # the search panel draws itself, with its own styles
            page.wait_for_timeout(500)
            assert errors == [], "policy or script errors with search open"
        finally:
            context.close()


def test_no_zensical_page_logs_a_policy_or_script_error(zensical_site, browser):
    context = browser.new_context()
    pages = sorted(path.relative_to(zensical_site).as_posix() for path in zensical_site.rglob("index.html"))
    with serve(zensical_site) as origin:
        try:
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
            page.on("console", lambda message: message.type == "error" and errors.append(f"{page.url}: {message.text}"))
            for path in pages:
                page.goto(origin + path.removesuffix("index.html"), wait_until="load")
            assert len(pages) >= 10 and errors == []
        finally:
            context.close()


def test_macros_know_no_engine():
    """The knowledge core is plain Python: no import of mkdocs or zensical under macros/, and nothing
    anywhere writes an engine's internals."""
    for path in (PROJECT / "macros").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+(mkdocs|zensical)\b", text, re.M), path
    for path in [*PROJECT.glob("hooks/*.py"), *PROJECT.glob("macros/*.py")]:
        assert "present_anchor_ids" not in path.read_text(encoding="utf-8"), path


def test_relative_links_are_the_ones_mkdocs_would_make(site_pages):
    from mkdocs.utils import get_relative_url

    from macros.render import relative_url

    pages = [*site_pages, "404.html", "sub/page.html"]
    targets = pages + [
        "",
        "themes/mindset/#tip-x",
        "api/v1/knowledge-base.json",
        "contribute/add-a-tip/#rule-E206",
        "#top",
        "schema/tip.schema.json",
    ]
    for page in pages:
        for target in targets:
            assert relative_url(target, page) == get_relative_url(target, page), (target, page)


def broken_links(site: Path, base: str) -> list[str]:
    """Every internal link or reference (a, link, script, img, source, and addresses in data-ir-* attributes) on
    every page whose file or #anchor is
    missing in the built site, as "page -> target". `base` is the site's path on its host, /interview-rebound/."""
    pages = {path: Page(path.read_text(encoding="utf-8")) for path in sorted(site.rglob("*.html"))}
    ids = {
        path: set(page.ids) | {attributes["name"] for _, attributes in page.elements if "name" in attributes}
        for path, page in pages.items()
    }
    broken = []
    for path, page in pages.items():
        for tag, attributes in page.elements:
            links = [attributes.get("src" if tag in ("script", "img", "source") else "href", "")]
            links = links if tag in ("a", "link", "script", "img", "source") else []
            # and any address a page's own script fetches or links to (data-ir-rules, data-ir-notes-url ...)
            for_scripts = [
                value
                for name, value in attributes.items()
                if name.startswith("data-ir-") and re.fullmatch(r"[\w./-]+(\.json|/)", value)
            ]
            for target in filter(None, links):
                broken += _broken(site, base, path, target, ids)
            for target in for_scripts:  # a folder is a base the script adds file names to
                broken += _broken(site, base, path, target, ids, folder_ok=True)
    return broken


def _broken(
    site: Path, base: str, path: Path, target: str, ids: dict[Path, set[str]], folder_ok: bool = False
) -> list[str]:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return []  # another site, mailto:, data:
    if parts.path.startswith("/"):  # from the site's root, as the 404 page links: /interview-rebound/...
        assert parts.path.startswith(base), f"{path.relative_to(site)} -> {target}: outside the site"
        file = site / unquote(parts.path.removeprefix(base))
    else:
        file = (path.parent / unquote(parts.path)).resolve() if parts.path else path
    if file.is_dir():
        if folder_ok and not (file / "index.html").exists():
            return []
        file = file / "index.html"
    if not file.is_file() or not file.is_relative_to(site.resolve()):
        return [f"{path.relative_to(site)} -> {target}"]
    if parts.fragment and file.suffix == ".html" and unquote(parts.fragment) not in ids[file]:
        return [f"{path.relative_to(site)} -> {target} (no such anchor)"]
    return []


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_internal_link_and_anchor_leads_somewhere(sites, engine):
    site = sites[engine].resolve()
    assert len(list(site.rglob("*.html"))) >= 10
    base = urlsplit(yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path
    broken = broken_links(site, base)
    assert broken == [], f"{len(broken)} broken in the {engine} build:\n" + "\n".join(broken[:40])
