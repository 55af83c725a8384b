"""MkDocs hook: run the engine-free post-build pass (macros/postbuild.py) on the built site.

The only code that speaks MkDocs' language, through its public hook events and types. Zensical
runs no hooks; `make build ENGINE=zensical` runs the same pass itself after `zensical build`.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

import macros  # noqa: E402  (the project folder is on sys.path only from here)


def _module(name: str):
    """One of our modules as it is now: `make serve` imports them again after an edit (macros/__init__.py)."""
    return importlib.import_module(f"macros.{name}")


@event_priority(100)  # before mkdocs-macros runs the macros module
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check the knowledge base first, so a problem in the data stops the build the way
    MkDocs reports errors: one "Error:" line with the file, line and fix, no traceback, no site."""
    try:
        macros.checked_site(settings(config))  # the same call the macros make: it reloads our code if it changed
    except _module("site").BuildError as error:
        raise PluginError(str(error)) from None
    return config


def on_post_build(config: MkDocsConfig) -> None:
    try:
        _module("postbuild").run(Path(config.site_dir), settings(config))
    except _module("site").BuildError as error:
        raise PluginError(str(error)) from None


def settings(config: MkDocsConfig):
    """The build's settings, made as the macros and the Zensical post-build make them (macros/settings.py)."""
    return _module("settings").settings_from(config, Path(config.config_file_path).resolve().parent)
