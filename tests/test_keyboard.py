"""Keyboard alone: Tab reaches the search, the palette switch and every link, each with a visible focus ring.

One page for each macro template (the home page's theme list, the timeline, the sources and a theme page):
pages made from the same template have the same stops. The tools and the guide bring their own keyboard tests.
"""

from __future__ import annotations

import pytest

from support.browser import WIDTHS

PAGES = ["", "timeline/", "sources/", "themes/mindset/"]

# What has focus, and can a person see it? The palette switch is a hidden radio button whose
# visible label follows it, so its ring is looked for on that label.
FOCUS = """async () => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const shown = element.classList.contains("md-option") ? element.nextElementSibling : element;
  const style = getComputedStyle(shown);
  const isOnTop = () => {
    const box = shown.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (!(box.width > 0 && box.height > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)) return false;
    const top = document.elementFromPoint(x, y);
    return !!top && (shown.contains(top) || top.contains(shown));
  };
  // Give the theme's transitions (a closing search overlay, a scroll) a moment before judging.
  let seen = isOnTop();
  for (let wait = 0; !seen && wait < 6; wait++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = isOnTop();
  }
  return {
    what: element.outerHTML.slice(0, 120),
    href: element.getAttribute("href"),
    id: element.id,
    classes: element.className,
    inContent: !!element.closest("article"),
    seen,
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2
          && style.outlineColor !== "rgba(0, 0, 0, 0)",
  };
}"""
# Links a reader can see: not those inside a closed <details> (its <summary> is the Tab stop that opens it).
CONTENT_LINKS = """() => [...document.querySelectorAll("article a[href]")]
  .filter((link) => link.getClientRects().length > 0 && !link.closest("details:not([open])"))
  .map((link) => link.getAttribute("href"))"""


# How many elements could take focus: a round of Tab needs no more presses than that (and a few for
# the moments focus leaves the page), however much the page grows.
FOCUSABLE = """() => document.querySelectorAll(
  "a[href], button, input, select, textarea, summary, [tabindex]").length"""


def tab_through(page) -> list[dict]:
    """Press Tab until focus comes round to the first stop again; return every stop."""
    limit = page.evaluate(FOCUSABLE) + 5
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS)
        if stop is None:
            continue
        if stops and stop["what"] == stops[0]["what"]:
            return stops
        stops.append(stop)
    raise AssertionError(f"focus never came round again after {limit} presses")


@pytest.mark.parametrize("width", WIDTHS)
def test_tab_reaches_search_palette_and_every_link_with_a_visible_ring(browser, site_url, width):
    context = browser.new_context(viewport=WIDTHS[width])
    problems = []
    try:
        for path in PAGES:
            page = context.new_page()
            page.goto(site_url + path)
            stops = tab_through(page)
            for stop in stops:
                if not stop["seen"] or not stop["ring"]:
                    problems.append(
                        f"{path or 'home'}: focus on {stop['what']} seen={stop['seen']} ring={stop['ring']}"
                    )
            classes = " ".join(stop["classes"] for stop in stops)
            assert "md-search__input" in classes, f"{path}: Tab never reaches the search box"
            assert "md-option" in classes, f"{path}: Tab never reaches the palette switch"
            reached = {stop["href"] for stop in stops if stop["inContent"]}
            missed = set(page.evaluate(CONTENT_LINKS)) - reached
            assert not missed, f"{path}: Tab never reaches {sorted(missed)[:5]}"
            page.close()
    finally:
        context.close()
    assert problems == []


def test_enter_on_the_palette_switch_changes_the_palette(visit):
    page = visit("").page
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    while "md-option" not in (page.evaluate("document.activeElement.className") or ""):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")


def test_search_is_usable_from_the_keyboard(visit):
    page = visit("").page
    while "md-search__input" not in (page.evaluate("document.activeElement.className") or ""):
        page.keyboard.press("Tab")
    page.keyboard.type("mock interview")
    first = page.locator(".md-search-result__link").first
    first.wait_for()
    page.keyboard.press("ArrowDown")  # Material moves through the results with the arrow keys
    stop = page.evaluate(FOCUS)
    assert "md-search-result__link" in stop["classes"] and stop["seen"] and stop["ring"], stop
    chosen = page.evaluate("document.activeElement.href").split("#")[0].split("?")[0]
    assert chosen.rstrip("/") != page.url.split("#")[0].rstrip("/")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("#")[0].split("?")[0] == chosen)


def test_the_phone_menu_still_opens_by_touch(visit):
    """The closed drawer is hidden from Tab; tapping the menu button still opens it."""
    page = visit("themes/mindset/", viewport=WIDTHS["phone"], has_touch=True).page
    link = page.locator(".md-nav--primary a[href='../follow-up/']")
    assert not link.is_visible()
    page.tap(".md-header label[for=__drawer]")
    link.tap()
    page.wait_for_url("**/themes/follow-up/")
