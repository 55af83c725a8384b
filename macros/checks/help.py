"""Checks on the help services: known countries, each once, and each with someone to talk to."""

from __future__ import annotations

from ..limits import COUNTRY_NAMES
from . import Context


def check(ctx: Context):
    if ("help", "help") not in ctx.records:
        return
    record = ctx.record("help", "help")
    seen = set()
    for index, country in enumerate(ctx.kb.help["countries"]):
        code = country["country"]
        if code not in COUNTRY_NAMES:
            ctx.report.add(
                record,
                "E301",
                f"unknown country '{code}'",
                ("countries", index, "country"),
                fix=f"Use one of {', '.join(COUNTRY_NAMES)}, or add the country to COUNTRY_NAMES in macros/limits.py.",
            )
        if code in seen:
            ctx.report.add(
                record,
                "E302",
                f"country '{code}' is listed more than once",
                ("countries", index, "country"),
                fix="Merge its services into the first entry.",
            )
        seen.add(code)
        # The page tells a reader in distress to call a listening line: every country must offer one.
        if not any(service["kind"] == "listening" for service in country["services"]):
            ctx.report.add(
                record, "E320", f"country '{code}' has no listening service", ("countries", index, "services")
            )
