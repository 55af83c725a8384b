"""Checks on the research: every study a tip cites is in data/research.yaml, once per tip, every figure
we give about a study is one its text gives, and every study bears on some tip. The strength label is
never typed: evidence.strength() works it out from the designs, so no tip can claim more than its
research shows."""

from __future__ import annotations

from ..limits import TRIAL_DESIGNS
from . import Context
from .fingerprints import figures, load_figures

STUDY_TEXT = ("studied", "found", "limits")
TIP_TEXT = ("says", "limits", "view")


def check(ctx: Context):
    designs = {study["id"]: study["design"] for study in ctx.kb.research}
    given = load_figures(ctx.data_dir) if ctx.data_dir is not None else {}
    for study in ctx.kb.research:
        for key in STUDY_TEXT:
            _check_figures(ctx, ctx.record("research", study["id"]), study["id"], study[key], (key,), given)
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
            for key in TIP_TEXT:
                if key in entry:
                    _check_figures(ctx, record, entry["id"], entry[key], path + (key,), given)
            if entry.get("in_a_programme") and designs.get(entry["id"]) not in TRIAL_DESIGNS:
                ctx.report.add(
                    record,
                    "E319",
                    f"in_a_programme is only for a trial, and '{entry['id']}' is a {designs[entry['id']]}",
                    path + ("in_a_programme",),
                )


def _check_figures(ctx: Context, record, study_id: str, text: str, path: tuple, given: dict[str, set[str]]):
    """E325 for a figure in digits that the text we read of the study does not give (in digits or in
    words). A study with no fingerprint is left to W502, which asks for one."""
    if study_id not in given:
        return
    for figure in sorted(figures(text, in_words=False) - given[study_id]):
        ctx.report.add(
            record,
            "E325",
            f"gives the figure {figure}, which the text we read of '{study_id}' does not",
            path,
            fix=f"Check the figure against the text you read and correct it, or remove it. If the text gives it, "
            f"run: make fingerprint SOURCE={study_id} TEXT=<that file>",
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
