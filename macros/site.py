"""The entry point: one build's checked site, loaded once, whichever engine asks for it and however often.

Everything that builds the site comes in through `site_for(settings)`: the macros module
(macros/__init__.py, the adapter the engines load) and the post-build pass (macros/postbuild.py),
with the settings from settings.py. It runs the stages in their order, each a folder below:

    read/ -> check/ -> knowledge/ -> render/ -> publish/
    (files)  (rules)   (one base)    (pages)    (open data, policy)

It loads the data through knowledge/, which the commands (commands/) and the tests use directly.
Plain Python: nothing here knows MkDocs or Zensical.

Zensical runs the macros module once per macro page, and `make serve` once per rebuild; so the
result is kept, with a fingerprint of every file it was made from, and made again only when one
of them changed.
"""

from __future__ import annotations

import datetime
import functools
import os
from dataclasses import dataclass

from .knowledge import DataError, KnowledgeBase, load_knowledge_base
from .publish.datapage import open_data_context
from .publish.export import json_text
from .render import Renderer
from .settings import Settings

# What the knowledge base and its HTML are made from, besides docs/themes/ (see fingerprint()).
SOURCES = ("data", "schema", "macros")


class BuildError(Exception):
    """A problem that must stop the build. Its message says where and how to fix it, so no traceback is needed."""


@dataclass
class Site:
    settings: Settings
    fingerprint: dict
    kb: KnowledgeBase
    renderer: Renderer
    build_date: str
    warned: bool = False  # the data warnings have been shown

    # The open data, made once per build when it is first asked for: by the Open data page, which
    # gives its size, or by the post-build pass, which writes it.
    @functools.cached_property
    def open_data_json(self) -> str:
        return json_text(self.kb, self.build_date, self.settings.site_url)

    @functools.cached_property
    def open_data_page(self) -> dict:
        return open_data_context(self.build_date, self.settings.site_url, self.open_data_json)


def build_date() -> str:
    """Today's date in UTC, as YYYY-MM-DD: the build's date, which the pages and the open data give."""
    return datetime.datetime.now(datetime.UTC).date().isoformat()


def fingerprint(settings: Settings) -> dict[str, tuple]:
    """Name, size and modification time of every file the site is made from, by part.

    docs/themes/ counts only by its file names: the data check needs a page for each theme."""
    parts: dict[str, tuple] = {}
    for part in SOURCES:
        entries = []
        for folder, folders, files in os.walk(settings.project_dir / part):
            folders[:] = sorted(name for name in folders if name != "__pycache__")
            for name in sorted(files):
                stat = os.stat(os.path.join(folder, name))
                entries.append((folder, name, stat.st_size, stat.st_mtime_ns))
        parts[part] = tuple(entries)
    themes = settings.docs_dir / "themes"
    parts["themes"] = tuple(sorted(path.name for path in themes.glob("*.md"))) if themes.is_dir() else ()
    return parts


def load_site(settings: Settings, stamp: dict) -> Site:
    """Load and check the knowledge base; a problem in the data becomes a BuildError with its file and line."""
    try:
        kb = load_knowledge_base(settings.project_dir / "data", settings.docs_dir)
    except DataError as error:
        raise BuildError(str(error)) from None
    today = build_date()
    return Site(
        settings=settings,
        fingerprint=stamp,
        kb=kb,
        renderer=Renderer(kb, settings.repository),
        build_date=today,
    )


# The last site loaded in this process. Kept here, in a module imported once, because Zensical runs
# the macros module's file afresh for every page.
last_site: Site | None = None


def site_for(settings: Settings, stamp: dict | None = None) -> Site:
    """The checked site for these settings: the last one, if nothing it was made from has changed since."""
    global last_site
    stamp = stamp or fingerprint(settings)
    if not (
        last_site
        and last_site.settings == settings
        and last_site.fingerprint == stamp
        and last_site.build_date == build_date()
    ):
        last_site = load_site(settings, stamp)
    return last_site
