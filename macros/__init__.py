"""The mkdocs-macros module: loads the data once per build and offers the page macros.

Pages opt in with `render_macros: true` and call only the macros below. Each
macro renders one template from macros/templates/ with the checked data.
"""
from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.interview_rebound")


def define_env(env):
    # Imported here, so that `python -m macros.check` does not load MkDocs and the renderer.
    from mkdocs.exceptions import PluginError

    from .knowledge import DataError, load_knowledge_base
    from .render import Renderer

    project_dir = Path(env.project_dir)
    try:
        kb = load_knowledge_base(project_dir / "data", Path(env.conf["docs_dir"]))
    except DataError as error:
        raise PluginError(str(error)) from None
    for warning in kb.warnings:
        log.info("data warning (the build goes on): %s", warning)
    renderer = Renderer(kb, env.conf["extra"]["repository"])
    env.variables["kb"] = kb

    def page_macro(template: str):
        def macro(**context) -> str:
            return renderer.render(template, env.page.url, **context)
        return macro

    @env.macro
    def theme_tips(theme_id: str) -> str:
        """Every tip of one theme, in full, each with its #tip-<id> anchor."""
        return page_macro("theme.html")(theme=kb.by_id["themes"][theme_id])

    env.macro(page_macro("timeline.html"), "timeline")
    env.macro(page_macro("sources.html"), "source_list")
    env.macro(page_macro("theme_list.html"), "theme_list")

    from .contribute import define_contribute_macros
    define_contribute_macros(env, kb, page_macro, project_dir)
