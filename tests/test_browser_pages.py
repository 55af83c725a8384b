"""Every built page in a real browser: it loads, nothing fails, and nothing is fetched from another host."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import PROJECT

PAGES = ["", "timeline/", "sources/"] + [f"themes/{path.stem}/" for path in sorted((PROJECT / "docs" / "themes").glob("*.md"))]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_errors_or_outside_requests(visit, site_url, path):
    result = visit(path)
    result.page.wait_for_load_state("networkidle")
    assert result.page.locator("h1").count() == 1
    hosts = {urlparse(url).netloc for url in result.requests if not url.startswith("data:")}
    assert hosts == {urlparse(site_url).netloc}


def test_search_finds_a_tip(visit):
    page = visit("").page
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("thank-you note")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert "thank-you" in results.first.inner_text().lower()
