"""Checks on the reflection worksheet: real tips, unique ids, and two printed pages."""

from __future__ import annotations

from ..limits import MAX_REFLECTION
from . import Context


def check(ctx: Context):
    if ("reflection", "reflection") not in ctx.records:
        return
    record = ctx.record("reflection", "reflection")
    for key in ("prompts", "lists"):
        entries = ctx.kb.reflection[key]
        for index, entry in enumerate(entries):
            ctx.reference(record, "tips", entry["tip"], (key, index, "tip"))
            if entry["id"] in [other["id"] for other in entries[:index]]:
                ctx.report.add(
                    record, "E302", f"{key[:-1]} id '{entry['id']}' is used more than once", (key, index, "id")
                )
        if len(entries) > MAX_REFLECTION[key]:
            ctx.report.add(
                record,
                "E308",
                f"has {len(entries)} {key}; at most {MAX_REFLECTION[key]} fit on the "
                "two printed pages of the worksheet",
                (key,),
            )
