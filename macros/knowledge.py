"""Load every file in data/ once, check it, and hold it as one knowledge base.

This is the one entry point to the data. It runs in three passes, so one run
reports every problem: each file against its JSON Schema (records.py), then the
links between records (checks/), then the writing style (style.py). A problem
names the file, the line, a rule code and the fix.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from .checks import (
    Context,
    checklists,
    evidence,
    originality,
    reflection,
    research,
    situations,
    templates,
    tips,
    vocabulary,
)
from .checks import help as help_services
from .problems import DataError, Problem
from .records import DataReader, Report
from .schemas import PROJECT_DIR
from .style import style_problems

KINDS = ("sources", "research", "themes", "stages", "groups", "situations", "tips", "checklists", "templates")
CHECKS = (
    tips,
    evidence,
    research,
    checklists,
    templates,
    reflection,
    help_services,
    vocabulary,
    situations,
    originality,
)

__all__ = [
    "PROJECT_DIR",
    "DataError",
    "KnowledgeBase",
    "Problem",
    "load_knowledge_base",
    "load_single",
    "load_vocabulary",
]


@dataclass
class KnowledgeBase:
    sources: list[dict]
    research: list[dict]  # data/research.yaml: the studies and surveys that bear on the tips
    themes: list[dict]
    stages: list[dict]
    groups: list[dict]  # the headings the guide lists situations under
    situations: list[dict]
    tips: list[dict]
    checklists: list[dict]
    templates: list[dict]
    reflection: dict
    help: dict  # data/help.yaml: the services on the When to get help page
    warnings: list[Problem] = field(default_factory=list)

    def __post_init__(self):
        self.themes.sort(key=lambda theme: theme["order"])
        self.stages.sort(key=lambda stage: stage["order"])
        self.groups.sort(key=lambda group: group["order"])
        stage_order = {stage["id"]: stage["order"] for stage in self.stages}
        # Timeline order, then the most widely sourced first, then by title.
        self.tips.sort(key=lambda tip: (stage_order.get(tip["stage"], 0), -len(tip["sources"]), tip["title"]))
        self.by_id = {kind: {entry["id"]: entry for entry in getattr(self, kind)} for kind in KINDS}

    def tips_where(self, key: str, value: str) -> list[dict]:
        """Tips whose field `key` is `value` (theme, stage) or, for a list field (situations), holds it;
        in timeline order."""
        return [
            tip
            for tip in self.tips
            if (value in tip.get(key, ()) if isinstance(tip.get(key), list) else tip.get(key) == value)
        ]

    def tips_citing(self, source_id: str) -> list[dict]:
        """Tips that the source supports, in timeline order."""
        return [tip for tip in self.tips if any(citation["id"] == source_id for citation in tip["sources"])]

    def every_plan(self) -> list[dict]:
        """The few tips that every plan in the guide carries, whatever the reader ticks."""
        return [tip for tip in self.tips if tip.get("in_every_plan")]


def load_knowledge_base(
    data_dir: Path, docs_dir: Path | None = None, today: datetime.date | None = None
) -> KnowledgeBase:
    """Read and check all data; raise DataError listing every problem found."""
    report = Report()
    reader = DataReader(Path(data_dir), report)
    kb = KnowledgeBase(
        sources=reader.read_list("sources"),
        research=reader.read_list("research"),
        themes=reader.read_list("themes"),
        stages=reader.read_list("stages"),
        groups=reader.read_list("groups"),
        situations=reader.read_list("situations"),
        tips=reader.read_folder("tips"),
        checklists=reader.read_folder("checklists"),
        templates=reader.read_folder("templates"),
        reflection=reader.read_single("reflection"),
        help=reader.read_single("help"),
    )
    reader.stray_files(Path(docs_dir) if docs_dir is not None else None)
    # A tip whose file has errors is still a tip: do not also call every link to it unknown.
    known = {kind: set(kb.by_id[kind]) for kind in KINDS}
    known["tips"] |= {path.stem for path in (Path(data_dir) / "tips").glob("*.yaml")}
    context = Context(
        kb,
        reader.records,
        report,
        today or datetime.date.today(),
        Path(docs_dir) if docs_dir is not None else None,
        reader.unreadable,
        known,
        Path(data_dir),
    )
    for check in CHECKS:
        check.check(context)
    for problem in style_problems(kb, context.record):
        report.add(*problem)
    if report.problems:
        raise DataError(report.problems)
    kb.warnings = sorted(report.warnings)
    return kb


def load_vocabulary(data_dir: Path, kind: str) -> list[dict]:
    """One vocabulary file (themes, stages, groups, situations or sources), read and checked on its own.

    For tools such as `make new-tip` that need the ids even while a tip elsewhere is half written.
    """
    report = Report()
    entries = DataReader(Path(data_dir), report).read_list(kind)
    if report.problems:
        raise DataError(report.problems)
    return sorted(entries, key=lambda entry: entry.get("order", 0))


def load_single(data_dir: Path, kind: str) -> dict:
    """One single-record file (reflection or help), read and checked against its schema on its own.

    For tools such as `make links` that need its addresses without loading every tip."""
    report = Report()
    data = DataReader(Path(data_dir), report).read_single(kind)
    if report.problems:
        raise DataError(report.problems)
    return data
