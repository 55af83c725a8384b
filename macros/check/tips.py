"""Checks on each tip: its links to themes, stages, situations and other tips, its review date,
and that some plan in the guide leads to it."""

from __future__ import annotations

import datetime

from ..limits import REVIEW_EVERY_DAYS
from ..problems import CHECK_MESSAGES
from . import Context


def check(ctx: Context):
    for tip in ctx.kb.tips:
        record = ctx.record("tips", tip["id"])
        ctx.reference(record, "themes", tip["theme"], ("theme",))
        ctx.reference(record, "stages", tip["stage"], ("stage",))
        for index, value in enumerate(tip.get("situations", [])):
            ctx.reference(record, "situations", value, ("situations", index))
        for index, value in enumerate(tip.get("related", [])):
            ctx.reference(record, "tips", value, ("related", index))
        if tip["id"] in tip.get("related", []):
            ctx.report.add(
                record,
                "E301",
                "a tip cannot be related to itself",
                ("related",),
                fix="Remove the tip's own id from related:.",
            )
        if not tip.get("situations") and not tip.get("in_every_plan"):
            ctx.report.add(record, "E314", CHECK_MESSAGES["no_plan"], ("id",))
        _check_review_date(ctx, record, tip["last_reviewed"])


def _check_review_date(ctx: Context, record, value: str):
    try:
        reviewed = datetime.date.fromisoformat(value)
    except ValueError:
        ctx.report.add(record, "E204", f"'{value}' is not a real date", ("last_reviewed",))
        return
    # One day ahead is someone's today: a contributor east of this machine (or of GitHub's UTC) may already
    # be on the next date, and the Suggest a tip page writes the contributor's own date. Later is the future.
    if reviewed > ctx.today + datetime.timedelta(days=1):
        ctx.report.add(
            record,
            "E204",
            f"last_reviewed {value} is in the future",
            ("last_reviewed",),
            fix="Set last_reviewed to the day you checked the tip against its sources: today or earlier.",
        )
    elif (ctx.today - reviewed).days > REVIEW_EVERY_DAYS:
        ctx.report.add(record, "W501", f"last reviewed on {value}, more than a year ago", ("last_reviewed",))
