"""Load every file in data/ once, check it, and hold it as one knowledge base.

The loader: a build reaches it through core.site_for(), the entry point; the command-line tools
(check.py, new_tip.py) and the tests call it directly. It runs in three passes, so one run reports
every problem: each file against its JSON Schema (records.py), then the links between records
(checks/), then the writing style (style.py). A problem names the file, the line, a rule code and
the fix. What there is to load is the list of kinds in kinds.py.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from . import checks
from .kinds import FOLDER, KIND, KINDS, KnowledgeBase
from .problems import DataError, Problem
from .records import DataReader, Report
from .schemas import PROJECT_DIR
from .style import style_problems

__all__ = [
    "PROJECT_DIR",
    "DataError",
    "KnowledgeBase",
    "Problem",
    "load_knowledge_base",
    "load_single",
    "load_vocabulary",
]


def load_knowledge_base(
    data_dir: Path, docs_dir: Path | None = None, today: datetime.date | None = None
) -> KnowledgeBase:
    """Read and check all data; raise DataError listing every problem found."""
    report = Report()
    reader = DataReader(Path(data_dir), report)
    kb = KnowledgeBase({kind.name: reader.read(kind) for kind in KINDS})
    reader.stray_files(Path(docs_dir) if docs_dir is not None else None)
    known = {name: set(entries) for name, entries in kb.by_id.items()}
    for kind in KINDS:  # a tip whose file has errors is still a tip: do not also call every link to it unknown
        if kind.layout == FOLDER:
            known[kind.name] |= {path.stem for path in (Path(data_dir) / kind.name).glob("*.yaml")}
    context = checks.Context(
        kb,
        reader.records,
        report,
        today or datetime.date.today(),
        Path(docs_dir) if docs_dir is not None else None,
        reader.unreadable,
        known,
        Path(data_dir),
    )
    checks.run(context)
    for problem in style_problems(kb, context.record):
        report.add(*problem)
    if report.problems:
        raise DataError(report.problems)
    kb.warnings = sorted(report.warnings)
    return kb


def load_vocabulary(data_dir: Path, kind: str) -> list[dict]:
    """The entries of one list file (themes, stages, groups, situations or sources), read and checked on its own.

    For tools such as `make new-tip` that need the ids even while a tip elsewhere is half written.
    """
    report = Report()
    entries = DataReader(Path(data_dir), report).read(KIND[kind])
    if report.problems:
        raise DataError(report.problems)
    return sorted(entries, key=lambda entry: entry.get("order", 0))


def load_single(data_dir: Path, kind: str) -> dict:
    """One single-record file (reflection or help), read and checked against its schema on its own.

    For tools such as `make links` that need its addresses without loading every tip."""
    report = Report()
    data = DataReader(Path(data_dir), report).read(KIND[kind])
    if report.problems:
        raise DataError(report.problems)
    return data
