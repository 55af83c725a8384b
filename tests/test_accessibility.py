"""axe-core on every built page, in the light and the dark palette, at a phone and a desktop width."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}
# Material's palette follows the reader's system setting until they pick one with the toggle.
PALETTES = {"light": "default", "dark": "slate"}
WIDTHS = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 800}}


def describe(violation: dict) -> str:
    first = violation["nodes"][0]
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    why = " ".join(first.get("failureSummary", "").split())[:300]
    return f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} elements: {targets}): {why}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("palette", PALETTES)
def test_every_page_has_no_accessibility_violations(browser, hosted_site_url, site_pages, palette, width):
    axe = Axe()
    context = browser.new_context(viewport=WIDTHS[width], color_scheme=palette)
    found = {}
    try:
        for path in site_pages:
            page = context.new_page()
            page.goto(hosted_site_url + path)  # waits for the load event: styles, scripts and images are in
            scheme = page.get_attribute("body", "data-md-color-scheme")
            assert scheme == PALETTES[palette], f"{path}: the {palette} palette did not apply ({scheme})"
            violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
            if violations:
                found[path or "index.html"] = [describe(violation) for violation in violations]
            page.close()
    finally:
        context.close()
    assert len(site_pages) >= 10
    assert found == {}, "\n".join(f"{path}:\n  " + "\n  ".join(lines) for path, lines in found.items())


def test_every_dialog_has_a_name(built_site):
    """Material's search panel is a dialog; the post-build pass (macros/postbuild.py) names it (Lighthouse: aria-dialog-name)."""
    import re

    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r'<[^>]+role="dialog"[^>]*>', html):
            assert "aria-label=" in tag or "aria-labelledby=" in tag, f"{path}: {tag}"
