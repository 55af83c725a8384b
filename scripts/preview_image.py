#!/usr/bin/env python3
"""Make docs/assets/preview.png, the picture a chat app or social site shows beside a link to any page
(og:image in overrides/main.html). Run it by hand when the site's name or tagline changes:
    .venv/bin/python scripts/preview_image.py
It draws a plain HTML card in Debian's Chromium (as the tests do) and saves a 1200 x 630 screenshot.
The build itself only copies the file: it never draws it and fetches nothing."""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))
from support.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

CARD = """<!doctype html><meta charset="utf-8"><style>
body {{ margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column; justify-content: center;
  padding: 0 96px; box-sizing: border-box; background: #3f51b5; color: #fff;
  font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }}
h1 {{ font-size: 84px; margin: 0 0 32px; }}
p {{ font-size: 40px; line-height: 1.35; margin: 0; max-width: 980px; }}
</style><h1>{name}</h1><p>{tagline}</p>"""


def main() -> int:
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])
    card = CARD.format(name=html.escape(config["site_name"]), tagline=html.escape(config["site_description"]))
    target = PROJECT / "docs" / "assets" / "preview.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(card)
        page.screenshot(path=str(target))
        browser.close()
    print(f"wrote {target.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
