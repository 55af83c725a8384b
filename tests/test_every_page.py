"""One visit to every built page in the light and the dark palette, at a phone and a desktop width.

Each visit runs axe-core and records console errors, Content-Security-Policy violations and every
request, so the accessibility and the privacy tests read the same visits (the `page_sweep` fixture).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from support.browser import PALETTES, WIDTHS, PageReport, sweep


@pytest.fixture(scope="module")
def page_sweep(browser, hosted_site_url, site_pages) -> dict[tuple[str, str], dict[str, PageReport]]:
    """What one visit to every page found in each (palette, width): axe's violations, console errors,
    policy violations and requests. The tests below all read these same visits."""
    return sweep(browser, hosted_site_url, site_pages)


def describe(violation: dict) -> str:
    first = violation["nodes"][0]
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    why = " ".join(first.get("failureSummary", "").split())[:300]
    return f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} elements: {targets}): {why}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("palette", PALETTES)
def test_every_page_has_no_accessibility_violations(page_sweep, site_pages, palette, width):
    reports = page_sweep[palette, width]
    assert len(site_pages) >= 10 and list(reports) == site_pages
    wrong_palette = {path: report.scheme for path, report in reports.items() if report.scheme != PALETTES[palette]}
    assert wrong_palette == {}, f"the {palette} palette did not apply"
    found = {
        path or "index.html": [describe(violation) for violation in report.violations]
        for path, report in reports.items()
        if report.violations
    }
    assert found == {}, "\n".join(f"{path}:\n  " + "\n  ".join(lines) for path, lines in found.items())


def test_every_page_loads_with_no_outside_request_policy_violation_or_console_error(page_sweep, hosted_site_url):
    problems = {}
    for (palette, width), reports in page_sweep.items():
        for path, report in reports.items():
            errors = list(report.errors)
            if report.h1_count != 1:
                errors.append(f"{report.h1_count} h1 headings")
            if errors:
                problems[f"{path or 'index.html'} ({palette}, {width})"] = errors
    assert problems == {}
    requests = [url for reports in page_sweep.values() for report in reports.values() for url in report.requests]
    own_host = urlparse(hosted_site_url).netloc
    outside = sorted({url for url in requests if urlparse(url).netloc != own_host and not url.startswith("data:")})
    assert outside == []
    # assets/js/search-on-demand.js: the index and the worker wait until a reader searches (tests/test_search.py)
    assert not any(url.endswith("search/search_index.json") for url in requests), "the search index loaded unasked"
    assert not any("/workers/search." in url for url in requests), "the search worker loaded unasked"


def test_every_dialog_has_a_name(built_site):
    """Material's search panel is a dialog; the post-build pass (macros/postbuild.py) names it.

    Lighthouse calls this aria-dialog-name."""
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r'<[^>]+role="dialog"[^>]*>', html):
            assert "aria-label=" in tag or "aria-labelledby=" in tag, f"{path}: {tag}"
