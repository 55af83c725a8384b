"""Checks on the map of situations: each sits in a known group, rests on sources that describe it,
and leads to a plan worth having, with at least one tip written for it rather than for everyone."""

from __future__ import annotations

from ..limits import MIN_TIPS_PER_SITUATION
from . import Context


def check(ctx: Context):
    kb = ctx.kb
    for situation in kb.situations:
        record = ctx.record("situations", situation["id"])
        ctx.reference(record, "groups", situation["group"], ("group",))
        for index, citation in enumerate(situation["sources"]):
            ctx.reference(record, "sources", citation["id"], ("sources", index, "id"))
    for tip in kb.tips:
        record = ctx.record("tips", tip["id"])
        cited = {citation["id"] for citation in tip["sources"]}
        for index, situation_id in enumerate(tip.get("written_for", [])):
            path = ("written_for", index)
            if situation_id not in tip.get("situations", []):
                ctx.report.add(
                    record,
                    "E317",
                    f"written_for names '{situation_id}', which is not under situations:",
                    path,
                    fix=f"Add '{situation_id}' to situations: too, or take it out of written_for:.",
                )
                continue
            described = kb.by_id["situations"].get(situation_id)
            if described is None:
                continue  # an unknown situation is reported where situations: names it
            described_by = [citation["id"] for citation in described["sources"]]
            if cited and not cited & set(described_by):  # no sources at all is E310
                ctx.report.add(
                    record,
                    "E318",
                    f"is written for '{situation_id}' but cites none of the sources that describe it "
                    f"({', '.join(described_by)})",
                    path,
                    fix=f"Cite under sources: an article that speaks to '{situation_id}', and list it under that "
                    "situation's sources: in data/situations.yaml too; or take the situation out of written_for:.",
                )


def check_use(ctx: Context):
    kb = ctx.kb
    for situation in kb.situations:
        record = ctx.record("situations", situation["id"])
        tips = kb.tips_where("situations", situation["id"])
        if len(tips) < MIN_TIPS_PER_SITUATION:
            ctx.report.add(
                record,
                "E315",
                f"situation '{situation['id']}' leads to {len(tips)} tip{'s' if len(tips) != 1 else ''}; a plan "
                f"needs at least {MIN_TIPS_PER_SITUATION}",
                ("id",),
            )
        if not any(situation["id"] in tip.get("written_for", []) for tip in tips):
            ctx.report.add(
                record,
                "E316",
                f"no tip is written for situation '{situation['id']}'",
                ("id",),
            )
