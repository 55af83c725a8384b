"""Checks on the research: every study a tip cites is in data/research.yaml, once per tip, and every
study in data/research.yaml bears on some tip. The strength label is never typed: evidence.strength()
works it out from the designs, so no tip can claim more than its research shows."""

from __future__ import annotations

from ..evidence import TRIALS
from . import Context


def check(ctx: Context):
    designs = {study["id"]: study["design"] for study in ctx.kb.research}
    for tip in ctx.kb.tips:
        record = ctx.record("tips", tip["id"])
        cited: list[str] = []
        for index, entry in enumerate(tip.get("research", [])):
            path = ("research", index)
            if entry["id"] in cited:
                ctx.report.add(
                    record,
                    "E207",
                    f"cites research '{entry['id']}' twice",
                    path + ("id",),
                    fix=f"Keep one entry for '{entry['id']}' and put everything it shows in its says:.",
                )
            cited.append(entry["id"])
            if not ctx.reference(record, "research", entry["id"], path + ("id",)):
                continue
            if entry.get("in_a_programme") and designs.get(entry["id"]) not in TRIALS:
                ctx.report.add(
                    record,
                    "E319",
                    f"in_a_programme is only for a trial, and '{entry['id']}' is a {designs[entry['id']]}",
                    path + ("in_a_programme",),
                )


def check_use(ctx: Context):
    """Every study bears on some tip (run once every link is sound, so a typo cannot make one look unused)."""
    used = {entry["id"] for tip in ctx.kb.tips for entry in tip.get("research", [])}
    for study in ctx.kb.research:
        if study["id"] not in used:
            ctx.report.add(
                ctx.record("research", study["id"]),
                "E304",
                f"research '{study['id']}' bears on no tip",
                ("id",),
                fix="Cite it from the tip it bears on, under research: with what it shows, or remove it.",
            )
