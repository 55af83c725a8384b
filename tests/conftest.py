"""Shared helpers: copies of the project and real site builds in temporary folders."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = PROJECT / "tests" / "fixtures" / "data"
SITE_PARTS = ("mkdocs.yml", "docs", "macros", "schema", "data", "hooks", "overrides")
# What a contributor's clone has on top: the commands, the guide and the GitHub files.
TOOL_PARTS = ("Makefile", "requirements.txt", "requirements-test.txt", "CONTRIBUTING.md", ".github", "scripts")


def copy_project(destination: Path, data: Path | None = None, tools: bool = False) -> Path:
    """A copy of everything the site build reads, optionally with other data, and with `tools` the Makefile etc."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS + (TOOL_PARTS if tools else ()):
        source = PROJECT / part
        if part == "data" and data is not None:
            source = data
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, destination / part)
    return destination


def build(project: Path, site_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on a project folder."""
    site_dir = site_dir or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


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


# ---- a real browser on the built site ------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these flags Chromium keeps calling home, which this machine's closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site, served over HTTP on a free loopback port for the test session."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class PageVisit:
    """A browser page that records what went wrong while a test used it."""

    page: object
    console_errors: list = field(default_factory=list)
    requests: list = field(default_factory=list)


@pytest.fixture
def visit(browser, site_url):
    """Open site pages in a fresh context; at the end, fail on any console error."""
    contexts = []

    def open_page(path: str = "", **context_options) -> PageVisit:
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

    visits: list[PageVisit] = []
    yield open_page
    for context in contexts:
        context.close()
    errors = [error for result in visits for error in result.console_errors]
    assert errors == [], f"browser console errors: {errors}"


# ---- every built page, served where the site will live --------------------------

SITE_PATH = "/interview-rebound/"  # the path of site_url in mkdocs.yml, as on GitHub Pages
# Records Content-Security-Policy violations from the first moment of each page.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__cspViolations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline code"} at ${event.sourceFile}:${event.lineNumber}`
  + (event.sample ? ` (${event.sample})` : "")));
"""


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[str]:
    """Every HTML page the build made, as addresses under the site, so new pages are covered by themselves."""
    pages = sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html"))
    return [page.removesuffix("index.html") for page in pages]


@pytest.fixture(scope="session")
def hosted_site_url(built_site) -> str:
    """The built site served under site_url's path, so that 404.html (whose links start there) works too."""

    class Handler(_QuietHandler):
        def translate_path(self, path):
            if not path.startswith(SITE_PATH):
                return str(built_site / "no-such-file")
            return super().translate_path("/" + path[len(SITE_PATH):])

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"
    server.shutdown()
