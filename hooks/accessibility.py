"""MkDocs hook: small accessibility repairs to the HTML that Material's theme writes.

- The search panel has role="dialog" but no name, so a screen reader announces
  an unnamed dialog (Lighthouse: aria-dialog-name). It gets aria-label="Search".
"""
from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'


def repair(html: str) -> str:
    return html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG)


def on_post_page(output: str, page, config) -> str:
    return repair(output)


def on_post_template(output: str, template_name: str, config) -> str:
    return repair(output) if template_name.endswith(".html") else output
