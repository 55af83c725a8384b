"""The macros module: offers the page macros to mkdocs-macros (MkDocs) and to Zensical alike.

Pages opt in with `render_macros: true` and call only the macros below. Each macro renders one
template from macros/render/templates/ with the checked data, and returns the HTML into the page.
This file is only the adapter: the entry point into the code is site.site_for() (macros/site.py),
and loading, checking and rendering are plain Python in the modules it uses, which know neither
engine. Zensical runs this file on its own, without the package around it, so it imports the
package by its absolute name, never relatively.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import markupsafe

log = logging.getLogger("mkdocs.plugins.interview_rebound")  # a logger MkDocs shows; Zensical ignores the name
PROJECT_DIR = Path(__file__).resolve().parent.parent


def _entry():
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))
    return importlib.import_module("macros.site")


def checked_site(settings):
    """The checked site, loaded once per build. `make serve` keeps one process across rebuilds: after an
    edit to macros/*.py, our own code is reloaded first, so that the edit shows up too."""
    entry = _entry()
    stamp = entry.fingerprint(settings)
    if entry.last_site is not None and entry.last_site.fingerprint["macros"] != stamp["macros"]:
        # Forget every module of the package but this adapter, then import the entry point again: each module
        # comes back after the ones it imports, whichever they are, with no list to keep.
        for name in [name for name in sys.modules if name.startswith("macros.")]:
            del sys.modules[name]
        entry = _entry()
        settings = importlib.import_module("macros.settings").Settings(**vars(settings))
    site = entry.site_for(settings, stamp)
    return entry, site


def _page_path(page) -> str:
    """The page's Markdown file under docs/: MkDocs calls it page.file.src_path, Zensical page.path."""
    file = getattr(page, "file", None)
    return file.src_path if file is not None else page.path


def _links_from(page) -> str:
    """Where a macro's relative links start from. MkDocs leaves links in a page's HTML as they are, so they
    start from the page's own address (checklist/). Zensical reads every relative link as written from the
    Markdown file (checklist.md, at the top) and adds the ../ that the page's address needs itself."""
    if getattr(page, "file", None) is not None:
        return page.url
    folder = page.path.rpartition("/")[0]
    return f"{folder}/" if folder else ""


def define_env(env):
    project_dir = Path(env.project_dir).resolve()
    entry = _entry()
    settings = importlib.import_module("macros.settings").settings_from(env.conf, project_dir)
    entry, site = checked_site(settings)
    kb, renderer = site.kb, site.renderer
    if not site.warned:  # once per load, not once per page
        for warning in kb.warnings:
            log.info("data warning (the build goes on): %s", warning)
        site.warned = True
    env.variables["kb"] = kb
    env.variables["build_date"] = site.build_date

    def page_macro(template: str):
        """A macro that renders `template` for the current page and returns the HTML, links made relative to it."""

        def macro(**context) -> str:
            return renderer.render(template, env.page.url, _links_from(env.page), **context)

        return macro

    @env.macro
    def theme_tips(theme_id: str) -> str:
        """Every tip of one theme, in full, each with its #tip-<id> anchor.

        The page's description (for search engines and link previews) is its theme's, from
        data/themes.yaml, unless its front matter gives one. Both engines read a page's meta after
        its macros have run, so this is the one place that sets it."""
        theme = kb.by_id["themes"][theme_id]
        if not env.page.meta.get("description"):
            # Contributor text, which the page's template prints inside an attribute: escaped here, quotes
            # included, and marked as such so that an engine that escapes on its own does not do it twice.
            env.page.meta["description"] = markupsafe.escape(theme["description"])
        return page_macro("theme.html")(theme=theme)

    env.macro(page_macro("timeline.html"), "timeline")
    env.macro(page_macro("sources.html"), "source_list")
    env.macro(page_macro("research.html"), "research_list")
    env.macro(page_macro("theme_list.html"), "theme_list")

    def plans_by_situation() -> dict:
        plans = importlib.import_module("macros.render.guide")
        result = {}
        for situation in kb.situations:
            first, rest = plans.split_plan(kb, [situation["id"]])
            result[situation["id"]] = {"first": first, "rest": len(rest), **plans.plan_tools(kb, [situation["id"]])}
        return result

    @env.macro
    def guide() -> str:
        """The "What happened?" guide: every situation, grouped, to tick; the plan; the filter box."""
        return page_macro("guide.html")(guide_data=importlib.import_module("macros.render.guide").GUIDE_DATA)

    @env.macro
    def guide_list() -> str:
        """Every situation with the first steps of its plan: the guide for readers without JavaScript."""
        return page_macro("guide_list.html")(plans=plans_by_situation())

    env.macro(page_macro("disagreements.html"), "disagreements")
    env.macro(page_macro("countries.html"), "countries")
    env.macro(page_macro("help.html"), "help_services")
    env.macro(page_macro("help_now.html"), "help_now")  # the danger box: emergency numbers and a line to call
    importlib.import_module("macros.render.contribute").define_contribute_macros(env, kb, page_macro, project_dir)
    importlib.import_module("macros.render.suggest").define_suggest_macros(env, kb, page_macro)  # Suggest a tip

    open_data_page = site.open_data_page

    @env.macro
    def open_data(part: str, kind: str = "") -> str:
        """One part of the Open data page: "download", "citation", or the "fields" of one kind of record
        (or, with no kind, of the file as a whole). Each part is macros/render/templates/data_<part>.html."""
        return page_macro(f"data_{part}.html")(kind=kind, **open_data_page)

    # ---- tools: the printable checklist, the reflection worksheet, the follow-up notes ----
    site_url = settings.site_url.rstrip("/")

    def page_address() -> str:
        """This page's public address without https://, printed so a paper copy leads back."""
        if not site_url:
            return ""
        address = f"{site_url}/{env.page.url}"
        return address.split("://", 1)[-1]

    @env.macro
    def checklist(checklist_id: str) -> str:
        """One checklist from data/checklists/, grouped by stage, ready to tick and print."""
        if checklist_id not in kb.by_id["checklists"]:
            raise entry.BuildError(f"{_page_path(env.page)}: no checklist '{checklist_id}' in data/checklists/")
        return page_macro("checklist.html")(checklist=kb.by_id["checklists"][checklist_id], page_address=page_address())

    @env.macro
    def worksheet() -> str:
        """The reflection worksheet from data/reflection.yaml, to fill in on screen or on paper."""
        return page_macro("worksheet.html")(reflection=kb.reflection, page_address=page_address())

    @env.macro
    def note_templates() -> str:
        """Every follow-up note in data/templates/, in the order a reader needs them: by the stage of its first tip."""
        stage_order = {stage["id"]: stage["order"] for stage in kb.stages}
        notes = sorted(
            kb.templates, key=lambda note: (stage_order[kb.by_id["tips"][note["tips"][0]]["stage"]], note["title"])
        )
        return page_macro("note_templates.html")(notes=notes)
