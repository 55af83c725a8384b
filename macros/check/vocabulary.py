"""Checks on themes, stages and groups: each is used, orders are unique, and every theme has its page."""

from __future__ import annotations

from . import Context


def check(ctx: Context):
    kb = ctx.kb
    for kind in ("themes", "stages", "groups"):
        seen = set()
        for entry in getattr(kb, kind):
            if entry["order"] in seen:
                ctx.report.add(
                    ctx.record(kind, entry["id"]), "E302", f"order {entry['order']} is used by two {kind}", ("order",)
                )
            seen.add(entry["order"])
    if ctx.docs_dir is not None:
        for theme in kb.themes:
            if not (ctx.docs_dir / "themes" / f"{theme['id']}.md").is_file():
                ctx.report.add(
                    ctx.record("themes", theme["id"]),
                    "E307",
                    f"theme '{theme['id']}' has no page docs/themes/{theme['id']}.md",
                    ("id",),
                )


def check_use(ctx: Context):
    kb = ctx.kb
    used_by = {
        "themes": {tip["theme"] for tip in kb.tips},
        "stages": {tip["stage"] for tip in kb.tips},
        "groups": {situation["group"] for situation in kb.situations},
    }
    for kind, used in used_by.items():
        for entry in getattr(kb, kind):
            if entry["id"] not in used:
                ctx.report.add(
                    ctx.record(kind, entry["id"]),
                    "E304",
                    f"{kind[:-1]} '{entry['id']}' is not used by any {'situation' if kind == 'groups' else 'tip'}",
                    ("id",),
                )
