"""Debian's Chromium driven by Playwright: how it starts, what a visit records, and one sweep over every page."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Debian's chromium-headless-shell unless the Makefile (or you) name another Chromium.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell")
# Without these flags Chromium keeps calling home, which this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# The fixtures that start a browser: a test that uses one (even through another fixture) is marked `browser`.
BROWSER_FIXTURES = {"browser"}

# Records Content-Security-Policy violations from the first moment of each page.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__cspViolations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline code"} at ${event.sourceFile}:${event.lineNumber}`
  + (event.sample ? ` (${event.sample})` : "")));
"""

# Material's palette follows the reader's system setting until they pick one with the toggle.
PALETTES = {"light": "default", "dark": "slate"}
WIDTHS = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 800}}
# The phone is a touch screen, as readers' phones are: the theme behaves differently without hover.
DEVICES = {"phone": {"has_touch": True, "is_mobile": True}, "desktop": {}}
# Every rule axe has (its best practices too, such as unique landmark names), not only the WCAG-tagged ones.
AXE_OPTIONS = {
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}


@dataclass
class PageVisit:
    """A browser page that records what went wrong while a test used it."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@dataclass
class PageReport:
    """What one visit to one page found: axe's violations, errors, policy violations, requests, the palette shown."""

    scheme: str | None = None
    violations: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    h1_count: int = 0


RUN_AXE = "(options) => axe.run(document, options).then((result) => result.violations)"


def _axe_script() -> Path:
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


def sweep(browser, base_url: str, paths: list[str]) -> dict[tuple[str, str], dict[str, PageReport]]:
    """Visit every page once in each palette and at each width, and record everything the tests judge.

    One visit per page, palette and width serves the accessibility, privacy and policy tests alike.
    Each visit waits for the load event (styles, scripts and images are in) and then for axe, which
    takes longer than the theme needs to start its search worker; none waits for the network to go quiet.
    """
    found = {}
    for palette in PALETTES:
        for width, viewport in WIDTHS.items():
            context = browser.new_context(viewport=viewport, color_scheme=palette, **DEVICES[width])
            context.add_init_script(CSP_RECORDER)
            context.add_init_script(path=_axe_script())
            try:
                tab = _Tab(context.new_page())
                found[palette, width] = {path: tab.visit(base_url + path) for path in paths}
            finally:
                context.close()
    return found


class _Tab:
    """One browser tab that visits page after page, recording into the report of the page it shows."""

    def __init__(self, page):
        self.page = page
        self.report = PageReport()
        page.on("console", lambda message: message.type == "error" and self.report.errors.append(message.text))
        page.on("pageerror", lambda error: self.report.errors.append(str(error)))
        page.on("request", lambda request: self.report.requests.append(request.url))

    def visit(self, url: str) -> PageReport:
        page = self.page
        self.report = report = PageReport()
        page.goto(url, wait_until="load")
        report.violations = page.evaluate(RUN_AXE, AXE_OPTIONS)
        report.scheme = page.get_attribute("body", "data-md-color-scheme")
        report.h1_count = page.locator("h1").count()
        report.errors += page.evaluate("window.__cspViolations")
        return report
