"""A strict Content-Security-Policy in a <meta> tag, for every built page (run by macros/postbuild.py).

The site is static and may be hosted where we cannot set HTTP headers (GitHub
Pages), so the policy travels inside each page. It allows only the site's own
files: scripts, styles, images, the search worker and its index. Material's
theme needs a few small inline scripts (localStorage helpers, the saved
palette); they differ from page to page, so each page's policy lists the
sha256 hash of exactly the inline scripts that page holds, and no other inline
script can run. No 'unsafe-inline' and no 'unsafe-eval' anywhere.

Styles: Material writes no <style> element and no style="" attribute with our
settings; its JavaScript changes styles only through the CSSOM (element.style),
which CSP does not block. Any <style> element a page does hold gets its hash, and so does the one
stylesheet Zensical's search panel adds at run time (THEME_STYLE_HASHES).
style="" attributes would need 'unsafe-hashes', so we do not allow them: the
project forbids them (see tests/test_privacy.py), and the browser test fails on
any blocked one.

Not in the policy, because browsers ignore them in a <meta> tag:
frame-ancestors, report-uri/report-to and sandbox. Clickjacking protection
would need a real HTTP header, which GitHub Pages cannot send.
"""

from __future__ import annotations

import base64
import hashlib
import re

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
SRC = re.compile(r"\bsrc\s*=", re.I)
# Inline scripts of these types are data, not code: the browser never runs them, so CSP ignores them.
DATA_TYPES = {"application/json", "application/ld+json", "text/template", "text/x-template"}
HEAD = re.compile(r"<head\b[^>]*>", re.I)
CHARSET = re.compile(r"\s*<meta\s+charset=[^>]*>", re.I)

FIXED_DIRECTIVES = {
    "default-src": "'self'",
    "img-src": "'self' data:",  # Material's icons in CSS are data: SVG images
    "font-src": "'self'",
    "connect-src": "'self'",  # the search worker fetches search_index.json
    "worker-src": "'self'",  # Material's search runs in a Web Worker from assets/javascripts/workers/
    "manifest-src": "'self'",
    "frame-src": "'none'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


# One stylesheet that a theme's own script adds at run time, which no page holds: Zensical's search
# panel (Zensical 0.0.73) puts it in a shadow root when a reader first opens search. Its hash allows
# exactly that text. If an update of the engine changes the text, the browser test of the Zensical
# site (tests/test_engines.py) sees the blocked style and fails: put the hash the browser names here.
THEME_STYLE_HASHES = ("'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='",)


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy_for(html: str) -> str:
    """The policy for one page: the fixed directives plus hashes of its own inline code."""
    scripts = []
    for attributes, body in SCRIPT.findall(html):
        script_type = TYPE.search(attributes)
        if SRC.search(attributes) or (script_type and script_type.group(1).lower() in DATA_TYPES):
            continue
        scripts.append(_hash(body))
    styles = [_hash(body) for body in STYLE.findall(html)]
    directives = {
        "default-src": FIXED_DIRECTIVES["default-src"],
        "script-src": " ".join(["'self'", *dict.fromkeys(scripts)]),
        "style-src": " ".join(["'self'", *dict.fromkeys(styles), *THEME_STYLE_HASHES]),
        **{key: value for key, value in FIXED_DIRECTIVES.items() if key != "default-src"},
    }
    return "; ".join(f"{key} {value}" for key, value in directives.items())


def add_policy(html: str) -> str:
    """Insert the policy before any script, style or link: first in <head>, after the charset.

    The charset declaration stays first, because browsers look for it in the first 1,024 bytes;
    it loads nothing, so the policy still covers everything the page fetches or runs.
    """
    head = HEAD.search(html)
    if head is None:
        return html
    position = head.end()
    charset = CHARSET.match(html, position)
    if charset:
        position = charset.end()
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return html[:position] + meta + html[position:]
