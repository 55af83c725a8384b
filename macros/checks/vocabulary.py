"""Checks on themes, stages and situations: each is used, orders are unique, every theme has its
page, and every situation leads to a plan worth having."""

from __future__ import annotations

from ..rules import MIN_TIPS_PER_SITUATION
from . import Context


def check(ctx: Context):
    kb = ctx.kb
    for kind in ("themes", "stages"):
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
    if ctx.report.problems:
        return  # a broken tip or a typo would make an entry look unused
    for kind, key in (("themes", "theme"), ("stages", "stage")):
        used = {tip[key] for tip in kb.tips}
        for entry in getattr(kb, kind):
            if entry["id"] not in used:
                ctx.report.add(
                    ctx.record(kind, entry["id"]),
                    "E304",
                    f"{kind[:-1]} '{entry['id']}' is not used by any tip",
                    ("id",),
                )
    for situation in kb.situations:
        count = len(kb.tips_where("situations", situation["id"]))
        if count < MIN_TIPS_PER_SITUATION:
            ctx.report.add(
                ctx.record("situations", situation["id"]),
                "E315",
                f"situation '{situation['id']}' leads to {count} tip{'s' if count != 1 else ''}; a plan "
                f"needs at least {MIN_TIPS_PER_SITUATION}",
                ("id",),
            )
