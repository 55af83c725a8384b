"""The checks between records, one module per kind of record.

Each module has one function, check(ctx), that reports through ctx.report. They run
after every file has been read and has passed its schema (see knowledge.py).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import Record, Report

if TYPE_CHECKING:  # knowledge.py runs these checks, so it cannot be imported here at run time
    from ..knowledge import KnowledgeBase

# Where the known ids of each kind are kept, to name in a message about an unknown one.
HOME_OF = {
    "sources": "data/sources.yaml",
    "themes": "data/themes.yaml",
    "stages": "data/stages.yaml",
    "groups": "data/groups.yaml",
    "situations": "data/situations.yaml",
    "tips": "data/tips/",
    "research": "data/research.yaml",
}


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
        noun = kind.removesuffix("s")  # research stays research
        self.report.add(
            record,
            "E301",
            f"unknown {noun} '{value}'; {hint}the known ids are in {HOME_OF[kind]}",
            path,
            fix=f"Use an id from {HOME_OF[kind]}"
            + (f", such as '{nearest[0]}'" if nearest else "")
            + f", or add the {noun} there first.",
        )
        return False
