"""Fixtures: real site builds in temporary folders, served locally, and Debian's Chromium to look at them.

The helpers themselves live in tests/support/. A test that needs a browser (through the `browser`
fixture, directly or not) is marked `browser` here, so `pytest -m "not browser"` runs without Chromium.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.browser import BROWSER_FIXTURES, CHROMIUM, CHROMIUM_ARGS, PageVisit
from support.project import FIXTURE_DATA, build, copy_project
from support.server import serve

SITE_PATH = "/interview-rebound/"  # the path of site_url in mkdocs.yml, as on GitHub Pages


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project, built once for the whole test session."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A private, valid copy of the small fixture data set, ready to break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[str]:
    """Every HTML page the build made, as addresses under the site, so new pages are covered by themselves."""
    pages = sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html"))
    return [page.removesuffix("index.html") for page in pages]


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site, served over HTTP on a free loopback port for the test session."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def hosted_site_url(built_site) -> str:
    """The built site served under site_url's path, so that 404.html (whose links start there) works too."""
    with serve(built_site, SITE_PATH) as url:
        yield url


# ---- a real browser on the built site ------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def visit(browser, site_url):
    """Open site pages in a fresh context; at the end, fail on any console error."""
    contexts = []
    visits: list[PageVisit] = []

    def open_page(path: str | None = "", **context_options) -> PageVisit:
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        result = PageVisit(page)
        page.on("console", lambda message: message.type == "error" and result.console_errors.append(message.text))
        page.on("pageerror", lambda error: result.console_errors.append(str(error)))
        page.on("request", lambda request: result.requests.append(request.url))
        if path is not None:
            page.goto(site_url + path)
        visits.append(result)
        return result

    yield open_page
    for context in contexts:
        context.close()
    errors = [error for result in visits for error in result.console_errors]
    assert errors == [], f"browser console errors: {errors}"


@pytest.fixture
def suggest_page(visit):
    """The Suggest a tip page, once its script has read the build's rules (tests/test_suggest*.py)."""

    def open_page(**context_options):
        page = visit("contribute/suggest-a-tip/", **context_options).page
        page.wait_for_selector("[data-ir-suggest][data-ir-ready]")
        return page

    return open_page
