"""The mkdocs-macros module: loads the data once per build and offers the page macros.

Pages opt in with `render_macros: true` and call only the macros below. Each
macro renders one template from macros/templates/ with the checked data.
"""
from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.interview_rebound")


def define_env(env):
    # Imported here, so that `python -m macros.check` does not load MkDocs and the renderer.
    from mkdocs.exceptions import PluginError

    # `make serve` rebuilds in the same process after each edit: reload our own code so edits
    # to macros/*.py show up too, not only edits to data/, docs/ and the templates. The first
    # build has just imported it fresh, so reloading then would only cost time.
    rebuild = f"{__name__}.knowledge" in sys.modules
    from . import contribute, datapage, evidence, export, knowledge, problems, records, render, rules, schemas, style, yamlfile
    from .checks import checklists, evidence as evidence_checks, reflection, templates, tips, vocabulary
    from . import checks

    if rebuild:
        for module in (yamlfile, schemas, rules, problems, records, style, checks, tips, evidence_checks, checklists,
                       templates, reflection, vocabulary, knowledge, evidence, render, export, datapage, contribute):
            importlib.reload(module)
    DataError, load_knowledge_base, Renderer = knowledge.DataError, knowledge.load_knowledge_base, render.Renderer
    open_data_context, build_date = datapage.open_data_context, export.build_date

    project_dir = Path(env.project_dir)
    try:
        kb = load_knowledge_base(project_dir / "data", Path(env.conf["docs_dir"]))
    except DataError as error:
        raise PluginError(str(error)) from None
    for warning in kb.warnings:
        log.info("data warning (the build goes on): %s", warning)
    renderer = Renderer(kb, env.conf["extra"]["repository"])
    env.variables["kb"] = kb
    env.variables["build_date"] = build_date()

    def page_macro(template: str):
        """A macro that renders `template` for the current page. The page's Markdown gets a placeholder,
        and the HTML waits in page.held_html until hooks/held_html.py puts it in place after Markdown
        has run. Markdown would only pass the HTML through, and reading it all made builds slower."""
        def macro(**context) -> str:
            held = vars(env.page).setdefault("held_html", {})
            placeholder = f'<div data-held-html="{len(held)}"></div>'
            held[placeholder] = renderer.render(template, env.page.url, **context)
            return placeholder
        return macro

    @env.macro
    def theme_tips(theme_id: str) -> str:
        """Every tip of one theme, in full, each with its #tip-<id> anchor."""
        return page_macro("theme.html")(theme=kb.by_id["themes"][theme_id])

    env.macro(page_macro("timeline.html"), "timeline")
    env.macro(page_macro("sources.html"), "source_list")
    env.macro(page_macro("theme_list.html"), "theme_list")
    env.macro(page_macro("guide.html"), "guide")
    env.macro(page_macro("disagreements.html"), "disagreements")
    env.macro(page_macro("countries.html"), "countries")
    contribute.define_contribute_macros(env, kb, page_macro, project_dir)
    from . import suggest
    suggest.define_suggest_macros(env, kb, page_macro)  # the Suggest a tip page (macros/suggest.py)

    open_data_page = open_data_context(kb, env.variables["build_date"], env.conf["site_url"])

    @env.macro
    def open_data(part: str, kind: str = "") -> str:
        """One part of the Open data page: "download", "citation", or the "fields" of one kind of record
        (or, with no kind, of the file as a whole). Each part is macros/templates/data_<part>.html."""
        return page_macro(f"data_{part}.html")(kind=kind, **open_data_page)

    # ---- tools: the printable checklist, the reflection worksheet, the follow-up notes ----
    site_url = (env.conf.get("site_url") or "").rstrip("/")

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
            raise PluginError(f"{env.page.file.src_path}: no checklist '{checklist_id}' in data/checklists/")
        return page_macro("checklist.html")(checklist=kb.by_id["checklists"][checklist_id],
                                            page_address=page_address())

    @env.macro
    def worksheet() -> str:
        """The reflection worksheet from data/reflection.yaml, to fill in on screen or on paper."""
        return page_macro("worksheet.html")(reflection=kb.reflection, page_address=page_address())

    @env.macro
    def note_templates() -> str:
        """Every follow-up note in data/templates/, in the order a reader needs them: by the stage of its first tip."""
        stage_order = {stage["id"]: stage["order"] for stage in kb.stages}
        notes = sorted(kb.templates, key=lambda note: (stage_order[kb.by_id["tips"][note["tips"][0]]["stage"]],
                                                      note["title"]))
        return page_macro("note_templates.html")(notes=notes)


def on_post_build(env):
    """After the build, publish the checked knowledge base as open data (see export.py)."""
    from .export import write_open_data
    from .suggest import write_rules

    write_open_data(env.variables["kb"], Path(env.conf["site_dir"]), env.variables["build_date"], env.conf["site_url"])
    write_rules(env.variables["kb"], Path(env.conf["site_dir"]))  # the suggest-a-tip page's checks
