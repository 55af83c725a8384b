"""Stage 2, check: what a schema cannot see, once every file has been read (stage 1, macros/read/).

The checks between records are the module each kind names in kinds.py (several kinds may share
one), plus the checks across kinds (ACROSS_KINDS). Each module has check(ctx), which reports
through ctx.report, and may have check_use(ctx) for what only means something once every link is
sound (an entry no one uses, a plan with too few tips). run() runs them; then style.py holds every
reader-facing text to the writing rules. fingerprints.py reads the fingerprints of the articles we
read, for the checks of copied words and figures. The knowledge base (macros/knowledge/) calls both.
"""

from __future__ import annotations

import difflib
import importlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..kinds import KIND, KINDS, KnowledgeBase
from ..problems import CHECK_MESSAGES
from ..read.records import Record, Report

# The checks that read every kind at once, after each kind's own: words copied from an article (E209).
ACROSS_KINDS = ("originality",)


@dataclass
class Context:
    kb: KnowledgeBase
    records: dict[tuple[str, str], Record]
    report: Report
    today: date
    docs_dir: Path | None
    unreadable: set[str]
    known: dict[str, set[str]]
    data_dir: Path | None = None  # for the fingerprints of the articles we read

    def record(self, kind: str, entry_id: str) -> Record:
        return self.records[(kind, entry_id)]

    def reference(self, record: Record, kind: str, value: str, path: tuple) -> bool:
        """Report E301 if `value` is not a known id of `kind`; True if it is known."""
        if value in self.known[kind] or kind in self.unreadable:
            return True
        nearest = difflib.get_close_matches(value, sorted(self.known[kind]), n=1, cutoff=0.6)
        hint = f"did you mean '{nearest[0]}'? " if nearest else ""
        self.report.add(
            record,
            "E301",
            CHECK_MESSAGES["unknown_id"].format(one=KIND[kind].one, value=value, hint=hint, home=KIND[kind].home),
            path,
            fix=f"Use an id from {KIND[kind].home}"
            + (f", such as '{nearest[0]}'" if nearest else "")
            + f", or add the {KIND[kind].one} there first.",
        )
        return False


def run(ctx: Context):
    """Every kind's checks, in the order of kinds.py; then, if none found a problem, the checks of use:
    a broken tip or a typo elsewhere would make an entry look unused."""
    names = dict.fromkeys([kind.checks for kind in KINDS] + list(ACROSS_KINDS))
    modules = [importlib.import_module(f"{__name__}.{name}") for name in names]
    for module in modules:
        module.check(ctx)
    if not ctx.report.problems:
        for module in modules:
            if hasattr(module, "check_use"):
                module.check_use(ctx)
