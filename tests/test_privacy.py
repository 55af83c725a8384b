"""Every built page: nothing is fetched from another host, and a strict Content-Security-Policy holds.

The policy is written into each page by the post-build pass (macros/publish/csp.py, run by macros/postbuild.py).
The static tests read the built HTML; the browser tests load every page in Debian's Chromium and record
every request, every policy violation and every console error.
"""

from __future__ import annotations

import base64
import hashlib
import re

from macros.publish.csp import THEME_STYLE_HASHES
from support.browser import CSP_RECORDER

POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
REQUIRED = {
    "default-src": "'self'",
    # no inline style at all, but the one stylesheet Zensical's search panel adds at run time (macros/publish/csp.py)
    "style-src": " ".join(["'self'", *THEME_STYLE_HASHES]),
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def policy(html: str) -> dict[str, str]:
    [content] = POLICY_META.findall(html)
    return {part.split()[0]: " ".join(part.split()[1:]) for part in content.split("; ")}


def inline_scripts(html: str) -> list[str]:
    return [
        body
        for attributes, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
        # JSON and JSON-LD (structured data for search engines) are data: browsers never run them
        if "src=" not in attributes and "application/json" not in attributes and "application/ld+json" not in attributes
    ]


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def pages_of(site):
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))
    }


def test_every_page_has_a_strict_policy_before_anything_it_loads(built_site):
    pages = pages_of(built_site)
    assert len(pages) >= 10
    for name, html in pages.items():
        head = html[html.index("<head>") : html.index("</head>")]
        first_tags = re.findall(r"<(\w+)[^>]*>", head)[:3]
        assert first_tags[:3] == ["head", "meta", "meta"] and "charset" in head.split(">")[1], name
        assert head.index("Content-Security-Policy") < min(head.index(tag) for tag in ("<script", "<link")), name
        rules = policy(html)
        for directive, value in REQUIRED.items():
            assert rules[directive] == value, f"{name}: {directive} {rules.get(directive)}"
        assert "unsafe" not in POLICY_META.search(html).group(1), name
        assert "*" not in POLICY_META.search(html).group(1) and "http" not in POLICY_META.search(html).group(1), name
        # exactly the page's own inline scripts may run, by hash
        allowed = rules["script-src"].split()
        assert allowed[0] == "'self'"
        assert sorted(allowed[1:]) == sorted({sha256(script) for script in inline_scripts(html)}), name


def test_no_inline_code_that_a_policy_would_have_to_allow(built_site):
    """Inline scripts come only from the theme, never from page content; no handlers, no style attributes."""
    for name, html in pages_of(built_site).items():
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), f"{name}: an inline event handler"
        assert not re.search(r"<[^>]+\sstyle\s*=", html), f"{name}: a style attribute"
        assert "<style" not in html, f"{name}: a <style> element"
        assert "javascript:" not in html, name
        content = re.search(r'<article class="md-content__inner.*?</article>', html, re.S)
        if content:
            assert "<script" not in content.group(0), f"{name}: a script inside the page content"


def test_search_works_under_the_policy(browser, hosted_site_url):
    context = browser.new_context()
    context.add_init_script(CSP_RECORDER)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(hosted_site_url)
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("thank-you note")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert "thank-you" in results.first.inner_text().lower()
    assert page.evaluate("window.__cspViolations") == [] and errors == []
    context.close()


def test_the_policy_blocks_what_a_contribution_could_inject(browser, hosted_site_url, built_site):
    """The recorder and the policy both work: injected inline code is refused and reported."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    injected = html.replace(
        "</body>",
        '<script>window.__ran = 1</script><img src="x" onerror="window.__ran = 2">'
        '<p style="color: red">styled</p><img src="https://example.org/pixel.png"></body>',
    )
    context = browser.new_context()
    context.add_init_script(CSP_RECORDER)
    page = context.new_page()
    page.route(hosted_site_url, lambda route: route.fulfill(body=injected, content_type="text/html"))
    page.on("console", lambda message: None)
    page.goto(hosted_site_url)
    page.wait_for_load_state("load")
    violations = page.evaluate("window.__cspViolations")
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src-elem blocked inline") for v in violations), violations
    assert any(v.startswith("script-src-attr blocked inline") for v in violations), violations
    assert any(v.startswith("style-src-attr blocked inline") for v in violations), violations
    assert any(v.startswith("img-src blocked https://example.org/pixel.png") for v in violations), violations
    context.close()
