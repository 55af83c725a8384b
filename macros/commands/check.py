"""Check the data without building the site: `python -m macros.commands.check`.

Exit status 0 when the data is sound (warnings allowed), 1 when it has problems.
With --github, also print each problem as a GitHub annotation on its line.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..kinds import KINDS, SINGLE
from ..knowledge import PROJECT_DIR, DataError, load_knowledge_base


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.commands.check", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=PROJECT_DIR / "data", help="the data folder (default: data/)")
    parser.add_argument("--docs", help="the docs folder, to check theme pages (default: docs/ beside the data folder)")
    parser.add_argument("--github", action="store_true", help="also print GitHub workflow annotations")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        docs_dir = Path(args.docs or Path(args.data_dir).resolve().parent / "docs")
        kb = load_knowledge_base(args.data_dir, docs_dir if docs_dir.is_dir() else None)
    except DataError as error:
        print(error, file=sys.stderr)
        _annotate(error.problems, "error", args.github)
        return 1
    for warning in kb.warnings:
        print(warning, file=sys.stderr)
    _annotate(kb.warnings, "warning", args.github)
    seconds = time.perf_counter() - started
    # Tips first, then every other kind with entries, in the order of kinds.py.
    counts = [f"{len(kb.tips)} tips"] + [
        f"{len(kb.entries[kind.name])} {kind.name}" for kind in KINDS if kind.layout != SINGLE and kind.name != "tips"
    ]
    print(f"data OK: {', '.join(counts)}; {len(kb.warnings)} warnings ({seconds:.2f} s)")
    return 0


def _annotate(problems, level: str, enabled: bool):
    if not enabled:
        return
    for problem in problems:
        message = f"{problem.code} {problem.where}: {problem.message}".replace("%", "%25").replace("\n", "%0A")
        print(f"::{level} file={problem.file},line={problem.line},title={problem.code}::{message}")


if __name__ == "__main__":
    sys.exit(main())
