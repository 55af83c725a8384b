"""axe-core on every built page, in the light and the dark palette, at a phone and a desktop width.

The pages are visited once per palette and width (the `page_sweep` fixture); the privacy and policy
tests read the same visits.
"""

from __future__ import annotations

import re

import pytest

from support.browser import PALETTES, WIDTHS


def describe(violation: dict) -> str:
    first = violation["nodes"][0]
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    why = " ".join(first.get("failureSummary", "").split())[:300]
    return f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} elements: {targets}): {why}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("palette", PALETTES)
def test_every_page_has_no_accessibility_violations(page_sweep, site_pages, palette, width):
    reports = page_sweep(palette, width)
    assert len(site_pages) >= 10 and list(reports) == site_pages
    wrong_palette = {path: report.scheme for path, report in reports.items() if report.scheme != PALETTES[palette]}
    assert wrong_palette == {}, f"the {palette} palette did not apply"
    found = {
        path or "index.html": [describe(violation) for violation in report.violations]
        for path, report in reports.items()
        if report.violations
    }
    assert found == {}, "\n".join(f"{path}:\n  " + "\n  ".join(lines) for path, lines in found.items())


def test_every_dialog_has_a_name(built_site):
    """Material's search panel is a dialog; the post-build pass (macros/postbuild.py) names it.

    Lighthouse calls this aria-dialog-name."""
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r'<[^>]+role="dialog"[^>]*>', html):
            assert "aria-label=" in tag or "aria-labelledby=" in tag, f"{path}: {tag}"
