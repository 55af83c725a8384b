"""MkDocs hook: the site knows its own address, so a fork deploys with links to itself.

The addresses come from macros/settings.py, which says where each comes from (GITHUB_REPOSITORY
or REPOSITORY_URL, and SITE_URL, over mkdocs.yml's defaults). This hook puts them into MkDocs'
configuration, so that the theme's canonical links, sitemap, edit button and footer follow them
too. It runs before any other on_config, so the macros see the final addresses. (Zensical runs
no hooks: for it, `make build ENGINE=zensical` writes them into .zensical.yml.)
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from mkdocs.exceptions import ConfigurationError
from mkdocs.plugins import event_priority

PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))


@event_priority(100)
def on_config(config, **kwargs):
    try:
        found = importlib.import_module("macros.settings").addresses(config, os.environ)
    except ValueError as error:  # SettingsError: an address in the environment that cannot be used
        raise ConfigurationError(str(error)) from None
    config.extra["repository"] = found["repository"]
    if config.edit_uri:
        config.edit_uri = found["edit_uri"]
    if config.copyright:
        config.copyright = found["copyright"]
    if found["site_url"]:
        config.site_url = found["site_url"]
    return config
