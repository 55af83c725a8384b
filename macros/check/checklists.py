"""Checks on each checklist: its stages in timeline order, real tips, unique items, and one printed page."""

from __future__ import annotations

from ..limits import MAX_CHECKLIST_ITEMS
from . import Context


def check(ctx: Context):
    stage_order = {stage["id"]: stage["order"] for stage in ctx.kb.stages}
    for checklist in ctx.kb.checklists:
        record = ctx.record("checklists", checklist["id"])
        last_order = 0
        seen = set()
        for group_index, group in enumerate(checklist["groups"]):
            path = ("groups", group_index)
            ctx.reference(record, "stages", group["stage"], path + ("stage",))
            order = stage_order.get(group["stage"], last_order + 1)
            if order <= last_order:
                ctx.report.add(
                    record,
                    "E306",
                    f"stage '{group['stage']}' is out of timeline order or used twice",
                    path + ("stage",),
                )
            last_order = order
            for item_index, item in enumerate(group["items"]):
                ctx.reference(record, "tips", item["tip"], path + ("items", item_index, "tip"))
                if item["id"] in seen:
                    ctx.report.add(
                        record,
                        "E302",
                        f"item id '{item['id']}' is used more than once",
                        path + ("items", item_index, "id"),
                    )
                seen.add(item["id"])
        item_count = sum(len(group["items"]) for group in checklist["groups"])
        if item_count > MAX_CHECKLIST_ITEMS:
            ctx.report.add(
                record,
                "E308",
                f"has {item_count} items; at most {MAX_CHECKLIST_ITEMS} fit on one printed page",
                ("groups",),
            )
