"""MkDocs hook: put the HTML that our macros rendered into each page, once Markdown has run.

A macro (see page_macro in macros/__init__.py) leaves a placeholder in the page's Markdown and
keeps its HTML in page.held_html, keyed by that placeholder. Markdown passes the placeholder
through as it is, and here each one is swapped for its HTML in a single pass, so nothing in the
HTML is read again. The page comes out the same as if Markdown had carried the HTML itself, but
the build is faster: a third of a second at 100 tips (docs/performance.md).

MkDocs checks links to anchors (#rule-E206) against the ids it saw while running Markdown, which
no longer include the macros' HTML; so the ids in that HTML are added to the page's list here.
"""
from __future__ import annotations

import html as html_text
import re

from mkdocs.exceptions import PluginError

ELEMENT_ID = re.compile(r'<[a-z][^>]*?\sid="([^"]*)"')


def on_page_content(html: str, page, **kwargs) -> str:
    held = vars(page).pop("held_html", None)
    if not held:
        return html
    placeholder = re.compile("|".join(map(re.escape, held)))
    lost = set(held) - set(placeholder.findall(html))
    if lost:
        raise PluginError(f"{page.file.src_path}: a macro's output went missing in Markdown ({sorted(lost)[0]}). "
                          "Put each macro call on a line of its own, outside lists, tables and code.")
    for fragment in held.values():
        page.present_anchor_ids.update(map(html_text.unescape, ELEMENT_ID.findall(fragment)))
    return placeholder.sub(lambda match: held[match.group(0)], html)
