"""The "What happened?" guide's plans, and the slim data its script reads.

A plan is every tip tagged with a chosen situation, plus the few steps every plan carries
(in_every_plan). It opens short: at most FIRST_STEPS tips, the most specific first (written for
a chosen situation, then tagged with one, then the shared steps), with the best of each stage
taken first so the short plan reaches from today to the next interview, and then the step that
introduces the plan's note (best_note), so the note it ends with is never folded away. The rest
waits, folded.

The Every situation page (macros/render/templates/guide_list.html) shows each situation's first steps for
readers without JavaScript. With it, the guide's script (docs/assets/js/guide.js) builds plans for
any mix of situations by the same rule, from small files the build writes (write_guide_data): an
index with what picking needs (stages, notes, the shared steps) and one file per situation with its
tips' titles and summaries. The page's first load stays the same size however many tips the site holds; a
situation's file loads only when a reader ticks it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..knowledge import KnowledgeBase
from ..limits import FIRST_STEPS

GUIDE_DATA = "assets/guide"  # under the built site: index.json and <situation id>.json
# A tip that speaks of "your note" needs the tip that tells the reader to send one, earlier in the
# same plan: otherwise the plan mentions a note it never introduced.
NOTE_MENTION = re.compile(r"\byour (?:thank-you )?note\b", re.I)
THANK_YOU_TIP = "send-a-thank-you-note"
# How specific a tip is to the chosen situations: lower comes first.
WRITTEN_FOR, TAGGED, SHARED = 0, 1, 2


def brings(kb: KnowledgeBase, tip: dict) -> list[str]:
    """The tips a plan must also hold when it holds `tip`."""
    if tip["id"] != THANK_YOU_TIP and THANK_YOU_TIP in kb.by_id["tips"]:
        if NOTE_MENTION.search(tip["title"]) or NOTE_MENTION.search(tip["summary"]):
            return [THANK_YOU_TIP]
    return []


def own_ranks(kb: KnowledgeBase, chosen: list[str]) -> dict[str, int]:
    """{tip id: rank} for the tips in the plan for `chosen` on their own account, not brought by another."""
    wanted = set(chosen)
    ranks: dict[str, int] = {}
    for tip in kb.tips:
        if wanted & set(tip.get("written_for", [])):
            ranks[tip["id"]] = WRITTEN_FOR
        elif wanted & set(tip.get("situations", [])):
            ranks[tip["id"]] = TAGGED
        elif tip.get("in_every_plan") and wanted:
            ranks[tip["id"]] = SHARED
    return ranks


def ranked_tips(kb: KnowledgeBase, chosen: list[str]) -> list[tuple[int, dict]]:
    """(rank, tip) for every tip in the plan for `chosen`, in timeline order: a tip another brings takes its rank."""
    own = own_ranks(kb, chosen)
    ranks = dict(own)
    for tip_id, rank in own.items():
        for other in brings(kb, kb.by_id["tips"][tip_id]):
            ranks[other] = min(ranks.get(other, rank), rank)
    return [(ranks[tip["id"]], tip) for tip in kb.tips if tip["id"] in ranks]


def split_plan(kb: KnowledgeBase, chosen: list[str]) -> tuple[list[dict], list[dict]]:
    """The plan for `chosen` as (first steps, the rest), each in timeline order.

    guide.js does the same in the browser (firstSteps); tests/test_guide.py checks they agree."""
    ranked = ranked_tips(kb, chosen)
    own = own_ranks(kb, chosen)
    order = {tip["id"]: index for index, (_, tip) in enumerate(ranked)}
    # A tip that is in the plan only because another brings it comes in with that tip, never before it.
    by_rank = sorted(
        (pair for pair in ranked if pair[1]["id"] in own), key=lambda pair: (pair[0], order[pair[1]["id"]])
    )
    picked: list[str] = []

    def pick(tip: dict) -> None:
        needed = [other for other in [*brings(kb, tip), tip["id"]] if other not in picked]
        if len(picked) + len(needed) <= FIRST_STEPS:
            picked.extend(needed)

    for stage in kb.stages:  # the most specific tip of each stage first
        best = next((tip for rank, tip in by_rank if tip["stage"] == stage["id"] and rank < SHARED), None)
        if best is not None:
            pick(best)
    note = best_note(kb, {tip["id"]: rank for rank, tip in ranked})
    if note is not None:  # then the step that introduces the plan's note (or the tip that brings it)
        step = note["tips"][0]
        pick(next(tip for _, tip in by_rank if tip["id"] == step or step in brings(kb, tip)))
    for _, tip in by_rank:
        pick(tip)
    first = [tip for _, tip in ranked if tip["id"] in picked]
    rest = [tip for _, tip in ranked if tip["id"] not in picked]
    return first, rest


def _slim(kb: KnowledgeBase, tip: dict, order: dict[str, int], situation_id: str | None = None) -> dict:
    slim = {
        "id": tip["id"],
        "title": tip["title"],
        "summary": tip["summary"],
        "theme": tip["theme"],
        "stage": tip["stage"],
        "order": order[tip["id"]],
    }
    if situation_id is not None:
        slim["rank"] = WRITTEN_FOR if situation_id in tip.get("written_for", []) else TAGGED
    if tip.get("get_help"):
        slim["get_help"] = True
    if brings(kb, tip):
        slim["brings"] = brings(kb, tip)
    return slim


def guide_index(kb: KnowledgeBase) -> dict:
    """What the guide needs before any tick: stages, notes, the shared steps, and the situations that call for
    the help page. (Their titles are in the page.)"""
    order = {tip["id"]: index for index, tip in enumerate(kb.tips)}
    shared = [tip for tip in kb.tips if tip.get("in_every_plan")]
    brought = {other for tip in kb.tips for other in brings(kb, tip)}
    shared += [kb.by_id["tips"][tip_id] for tip_id in sorted(brought) if tip_id not in {t["id"] for t in shared}]
    return {
        "first_steps": FIRST_STEPS,
        "stages": [{"id": stage["id"], "title": stage["title"]} for stage in kb.stages],
        "get_help": [situation["id"] for situation in kb.situations if situation.get("get_help")],
        "notes": [{"id": note["id"], "title": note["title"], "tips": note["tips"]} for note in kb.templates],
        # in_every_plan: in every plan; the others come in only when a tip in the plan brings them
        "shared": [{**_slim(kb, tip, order), "every_plan": bool(tip.get("in_every_plan"))} for tip in shared],
    }


def situation_data(kb: KnowledgeBase, situation_id: str) -> dict:
    """One situation's own tips (not the shared steps, which the index holds)."""
    order = {tip["id"]: index for index, tip in enumerate(kb.tips)}
    return {"tips": [_slim(kb, tip, order, situation_id) for tip in kb.tips_where("situations", situation_id)]}


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_guide_data(kb: KnowledgeBase, site_dir: Path) -> None:
    folder = site_dir / GUIDE_DATA
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.json").write_text(_json(guide_index(kb)), encoding="utf-8")
    for situation in kb.situations:
        (folder / f"{situation['id']}.json").write_text(_json(situation_data(kb, situation["id"])), encoding="utf-8")


def best_note(kb: KnowledgeBase, ranks: dict[str, int], tip_id: str | None = None) -> dict | None:
    """The note that fits a plan best (`ranks`: its tips' ranks), among those for `tip_id` if given.

    A note fits when its first tip, the step it was written for, is in the plan; a note that only
    shares a general step (the thank-you) with the plan does not. The one whose first tip is the most
    specific wins, then the one with the fewest tips outside the plan, then data order. None if no note
    fits, so a plan never offers a note none of its steps introduced. guide.js has the same rule (bestNote)."""
    fitting = [
        (
            ranks[note["tips"][0]],
            sum(tip not in ranks for tip in note["tips"]),
            n,
            note,
        )
        for n, note in enumerate(kb.templates)
        if note["tips"][0] in ranks and (tip_id is None or tip_id in note["tips"])
    ]
    return min(fitting, key=lambda entry: entry[:3])[3] if fitting else None


def plan_tools(kb: KnowledgeBase, chosen: list[str]) -> dict:
    """What a plan ends with: the note to send (or None) and whether to link the help page."""
    ranked = ranked_tips(kb, chosen)
    ranks = {tip["id"]: rank for rank, tip in ranked}
    get_help = any(kb.by_id["situations"][sid].get("get_help") for sid in chosen) or any(
        tip.get("get_help") for rank, tip in ranked if rank < SHARED
    )  # a shared step with get_help would otherwise link help from every plan
    return {"note": best_note(kb, ranks), "get_help": get_help}
