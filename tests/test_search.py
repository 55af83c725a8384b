"""Search in Chromium: the search index (about 30 KB) loads only once a reader reaches for search,
and search then works every way a reader can open it. See docs/assets/js/search-on-demand.js.
That no page fetches the index on load is checked for every page in test_privacy.py."""

from __future__ import annotations

import pytest

PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True}


def index_requests(visit) -> list[str]:
    return [url for url in visit.requests if url.endswith("/search/search_index.json")]


def reach_by_pointer(page):
    page.get_by_role("textbox", name="Search").hover()


def reach_by_tab(page):
    # Never more presses than the page has places to stop at: a search box Tab cannot reach fails here.
    stops = page.evaluate("document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length")
    for _ in range(stops + 5):
        if "md-search__input" in (page.evaluate("document.activeElement.className") or ""):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached the search box in {stops + 5} presses")


def reach_by_shortcut(page):
    page.keyboard.press("/")  # Material's own shortcut: it opens search and focuses the box


def reach_by_tap(page):
    page.locator('label.md-header__button[for="__search"]').tap()


@pytest.mark.parametrize(
    "reach, options",
    [(reach_by_pointer, {}), (reach_by_tab, {}), (reach_by_shortcut, {}), (reach_by_tap, PHONE)],
    ids=["pointer", "tab", "shortcut", "tap"],
)
def test_reaching_for_search_loads_the_index_and_finds_tips(visit, reach, options):
    opened = visit("checklist/", **options)
    page = opened.page
    page.wait_for_load_state("networkidle")  # so an index fetched unasked would show here
    assert index_requests(opened) == []
    with page.expect_request(lambda request: request.url.endswith("/search/search_index.json"), timeout=5000):
        reach(page)
    page.locator(".md-search__input").focus()
    page.keyboard.type("thank-you note")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert "thank-you" in results.first.inner_text().lower()
    assert len(index_requests(opened)) == 1


def test_a_search_link_shows_results_at_once(visit):
    opened = visit("?q=mock+interview")
    results = opened.page.locator(".md-search-result__item")
    results.first.wait_for()
    assert "mock" in results.first.inner_text().lower()
    assert len(index_requests(opened)) == 1


def test_other_requests_are_not_held(visit):
    page = visit("checklist/").page
    status = page.evaluate("""() => new Promise((resolve) => {
        const request = new XMLHttpRequest();
        request.open("GET", "../sitemap.xml");
        request.onload = () => resolve(request.status);
        request.onerror = () => resolve("network error");
        request.send();
    })""")
    assert status == 200
