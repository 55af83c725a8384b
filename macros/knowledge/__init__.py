"""Stage 3, build the knowledge base: every file in data/ read (stage 1) and checked (stage 2), held as one.

A build reaches it through site.site_for(), the entry point; the commands (macros/commands/) and the
tests call it directly. It runs in three passes, so one run reports every problem: each file against
its JSON Schema (read/records.py), then the links between records (check/), then the writing style
(check/style.py). A problem names the file, the line, a rule code and the fix. What there is to load
is the list of kinds in kinds.py. evidence.py works out what the checked records say together: each
source's points and each tip's strength of evidence, for the pages (stage 4) and the open data (stage 5).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from .. import check
from ..check.style import style_problems
from ..kinds import FOLDER, KIND, KINDS, KnowledgeBase
from ..problems import DataError, Problem
from ..read.records import DataReader, Report
from ..schemas import PROJECT_DIR

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
    context = check.Context(
        kb,
        reader.records,
        report,
        today or datetime.date.today(),
        Path(docs_dir) if docs_dir is not None else None,
        reader.unreadable,
        known,
        Path(data_dir),
    )
    check.run(context)
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
