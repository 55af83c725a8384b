"""Checks on the evidence: every tip rests on sources that say what it says, each disagreement
names real sources and tips, and every source's advice is accounted for."""

from __future__ import annotations

from ..limits import COUNTRY_NAMES, MIN_ADVICE_WORDS, NOT_ADVICE
from ..problems import CHECK_MESSAGES
from . import Context


def check(ctx: Context):
    for tip in ctx.kb.tips:
        record = ctx.record("tips", tip["id"])
        supporting = [citation["id"] for citation in tip["sources"]]
        if not supporting:
            ctx.report.add(record, "E310", CHECK_MESSAGES["no_source"], ("sources",))
        for index, source_id in enumerate(supporting):
            if source_id in supporting[:index]:
                ctx.report.add(
                    record,
                    "E207",
                    f"cites '{source_id}' twice",
                    ("sources", index, "id"),
                    fix=f"Keep one entry for '{source_id}' and put everything it says in its says:.",
                )
            ctx.reference(record, "sources", source_id, ("sources", index, "id"))
        differ = tip.get("sources_differ")
        if differ:
            for index, source_id in enumerate(differ.get("agreed_by", [])):
                if source_id not in supporting:
                    ctx.report.add(
                        record,
                        "E324",
                        f"'{source_id}' is listed under agreed_by: but this tip does not cite it",
                        ("sources_differ", "agreed_by", index),
                    )
            for index, opposition in enumerate(differ["opposed_by"]):
                path = ("sources_differ", "opposed_by", index)
                ctx.reference(record, "sources", opposition["id"], path + ("id",))
                if len(opposition["says"].split()) < MIN_ADVICE_WORDS or NOT_ADVICE.search(opposition["says"]):
                    ctx.report.add(
                        record,
                        "E323",
                        "says what the article is or leaves out, not what it advises instead",
                        path + ("says",),
                    )
                if opposition["id"] in supporting:
                    ctx.report.add(
                        record, "E312", f"'{opposition['id']}' both supports and opposes this tip", path + ("id",)
                    )
                if "instead" in opposition:
                    ctx.reference(record, "tips", opposition["instead"], path + ("instead",))
                    if opposition["instead"] == tip["id"]:
                        ctx.report.add(
                            record,
                            "E312",
                            "what the other side advises instead cannot be this tip",
                            path + ("instead",),
                            fix="Name the tip that gives the other course, or delete the instead: line.",
                        )
    same_question(ctx)
    for source in ctx.kb.sources:
        if source.get("country", "GB") not in COUNTRY_NAMES:
            ctx.report.add(
                ctx.record("sources", source["id"]),
                "E301",
                f"unknown country '{source['country']}'",
                ("country",),
                fix=f"Use one of {', '.join(COUNTRY_NAMES)}, or add the country to COUNTRY_NAMES in macros/limits.py.",
            )


def check_use(ctx: Context):
    cited: set[str] = set()
    for tip in ctx.kb.tips:
        cited.update(citation["id"] for citation in tip["sources"])
        cited.update(opposition["id"] for opposition in tip.get("sources_differ", {}).get("opposed_by", []))
    for situation in ctx.kb.situations:
        cited.update(citation["id"] for citation in situation["sources"])
    for source in ctx.kb.sources:
        if source["id"] not in cited and not source.get("unused_points"):
            ctx.report.add(
                ctx.record("sources", source["id"]),
                "E313",
                f"source '{source['id']}' has no points: no tip cites it and it lists no unused_points",
                ("id",),
            )


def same_question(ctx: Context):
    """Each question once (E322). Two tips ask the same question when one source argues against both for the
    same other course (the same instead:), or when each names the other as the course the other side takes."""
    asked: dict[tuple[str, str], str] = {}
    for tip in ctx.kb.tips:
        differ = tip.get("sources_differ")
        for index, opposition in enumerate(differ["opposed_by"] if differ else []):
            if "instead" not in opposition:
                continue
            other = ctx.kb.by_id["tips"].get(opposition["instead"], {}).get("sources_differ")
            earlier = asked.setdefault((opposition["id"], opposition["instead"]), tip["id"])
            if earlier != tip["id"]:
                source, course = opposition["id"], opposition["instead"]
                reason = f"'{earlier}' already asks it: '{source}' argues for '{course}' there too"
            elif other and any(each.get("instead") == tip["id"] for each in other["opposed_by"]):
                if opposition["instead"] > tip["id"]:
                    continue  # reported once, on the later of the two tips in alphabetical order
                reason = f"'{opposition['instead']}' asks it from the other side, naming this tip under instead:"
            else:
                continue
            ctx.report.add(
                ctx.record("tips", tip["id"]),
                "E322",
                f"the same question twice: {reason}",
                ("sources_differ", "opposed_by", index, "instead"),
            )
