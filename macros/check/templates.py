"""Checks on each follow-up note: real tips and sources, and every {placeholder} declared and used."""

from __future__ import annotations

from ..limits import PLACEHOLDER
from . import Context


def check(ctx: Context):
    for template in ctx.kb.templates:
        record = ctx.record("templates", template["id"])
        for key in ("tips", "sources"):
            for index, value in enumerate(template[key]):
                ctx.reference(record, key, value, (key, index))
        declared = [placeholder["id"] for placeholder in template["placeholders"]]
        used = set(PLACEHOLDER.findall(template["subject"] + template["body"]))
        for name in sorted(used - set(declared)):
            ctx.report.add(record, "E305", f"{{{name}}} is used but not listed under placeholders", ("body",))
        for index, name in enumerate(declared):
            if name not in used:
                ctx.report.add(
                    record, "E305", f"placeholder '{name}' is listed but never used", ("placeholders", index)
                )
            if name in declared[:index]:
                ctx.report.add(
                    record, "E302", f"placeholder id '{name}' is used more than once", ("placeholders", index, "id")
                )
